"""SIGKILL an ingest half-way, finish it, and check the store is what a clean ingest makes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from helpers import papers_in

from assistant.feeds import parse_bytes
from assistant.services import builtin_feed_path
from vectorstore.chunking import Chunker

ROOT = Path(__file__).resolve().parents[1]
# The CLI with small flushes. With CRASH_MARKER set, the second flush creates that file once its
# vectors are in Chroma, then stalls before recording them in the registry: the test kills it there.
INGEST = """
import os, sys, time
import assistant.ingest
from vectorstore.store import ChunkStore
assistant.ingest.FLUSH_CHUNKS = 8
marker, real_upsert, calls = os.environ.get("CRASH_MARKER"), ChunkStore.upsert, []
def upsert(self, *args, **kwargs):
    real_upsert(self, *args, **kwargs)
    calls.append(1)
    if marker and len(calls) == 2:
        open(marker, "w").close()
        time.sleep(600)
ChunkStore.upsert = upsert
from assistant.cli import main
main(sys.argv[1:], prog_name="feedqa")
"""
CHECK = """
import json
from assistant.config import Settings
from assistant.services import Services
from vectorstore.invariants import check_store
settings = Settings()
services = Services(settings)
print(json.dumps({"violations": check_store(settings), **services.registry.counts(),
                  "vectors": services.store.count()}))
"""


def python(code: str, *args: str, home: Path, marker: Path | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "minilm"}
    env.pop("CRASH_MARKER", None)
    if marker is not None:
        env["CRASH_MARKER"] = str(marker)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 300) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return out


def kill_mid_ingest(home: Path, after_first_flush_s: float | None) -> int:
    """Start an ingest, SIGKILL it after its first flush; papers recorded by then.

    ``after_first_flush_s`` None kills it in the worst place: the second flush's vectors are
    in Chroma and the registry does not know them yet.
    """
    marker = home.parent / f"{home.name}.upserted" if after_first_flush_s is None else None
    before = papers_in(home / "papers.sqlite3")
    proc = python(INGEST, "ingest", "--builtin", home=home, marker=marker)
    deadline = time.monotonic() + 240
    while papers_in(home / "papers.sqlite3") == before or (marker and not marker.exists()):
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the ingest never flushed"
        time.sleep(0.05)
    if after_first_flush_s is not None:
        time.sleep(after_first_flush_s)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    if marker:
        marker.unlink()
    return papers_in(home / "papers.sqlite3")


def check(home: Path) -> dict[str, Any]:
    return json.loads(finish(python(CHECK, home=home)))


@pytest.mark.integration
def test_sigkill_mid_ingest_then_rerun_gives_a_clean_store(tmp_path: Path, minilm: Any) -> None:
    papers = parse_bytes(builtin_feed_path().read_bytes(), "sample").papers
    clean_chunks = sum(len(Chunker(minilm).chunk(p)) for p in papers)
    home = tmp_path / "home"

    recorded = kill_mid_ingest(home, after_first_flush_s=None)  # between Chroma and registry
    assert 0 < recorded < 46
    crashed = check(home)
    assert crashed["vectors"] > crashed["chunks"]  # the unrecorded flush reached Chroma ...
    assert any(v.startswith("orphan chunks") for v in crashed["violations"])  # ... as orphans

    rerun = json.loads(finish(python(INGEST, "ingest", "--builtin", "--json", home=home)))
    assert rerun["errors"] == []
    assert rerun["unchanged"] == recorded  # finished work is kept, not redone
    assert rerun["new"] + rerun["updated"] == 46 - recorded

    after = check(home)
    assert after["violations"] == []
    assert (after["papers"], after["chunks"], after["vectors"]) == (46, clean_chunks, clean_chunks)


@pytest.mark.slow
@pytest.mark.integration
def test_repeated_sigkills_at_different_moments(tmp_path: Path, minilm: Any) -> None:
    """Soak: four kills in a row at different points, then a complete run."""
    papers = parse_bytes(builtin_feed_path().read_bytes(), "sample").papers
    clean_chunks = sum(len(Chunker(minilm).chunk(p)) for p in papers)
    home = tmp_path / "home"
    delays = (0.2, None, 1.5, None)
    recorded = [kill_mid_ingest(home, after_first_flush_s=delay) for delay in delays]
    assert recorded == sorted(set(recorded))  # each run adds; none loses earlier work
    finish(python(INGEST, "ingest", "--builtin", home=home))
    after = check(home)
    assert after["violations"] == []
    assert (after["papers"], after["chunks"], after["vectors"]) == (46, clean_chunks, clean_chunks)
