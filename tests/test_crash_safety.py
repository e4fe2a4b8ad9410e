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


def python(
    code: str, *args: str, home: Path, marker: Path | None = None, embedder: str = "minilm"
) -> subprocess.Popen[str]:
    env = {**os.environ, "FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": embedder}
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


def kill_mid_ingest(
    home: Path, after_first_flush_s: float | None, code: str = INGEST, embedder: str = "minilm"
) -> int:
    """Start an ingest, SIGKILL it after its first flush; papers recorded by then.

    ``after_first_flush_s`` None kills it in the worst place: the second flush's vectors are
    in Chroma and the registry does not know them yet.
    """
    marker = home.parent / f"{home.name}.upserted" if after_first_flush_s is None else None
    before = papers_in(home / "papers.sqlite3")
    proc = python(code, "ingest", "--builtin", home=home, marker=marker, embedder=embedder)
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


def check(home: Path, embedder: str = "minilm") -> dict[str, Any]:
    return json.loads(finish(python(CHECK, home=home, embedder=embedder)))


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


# The same ingest, but the persisted BM25 base is rebuilt whenever ingest ends with any change
# (so kills land between a base and newer registry writes), and with CRASH_PUBLISH set, the
# rebuild writes its new base, creates that file and stalls before publishing it.
LEXICAL_INGEST = (
    """
import os, time
import vectorstore.bm25_index as bm25_index
bm25_index.REBUILD_CHUNKS, bm25_index.REBUILD_SHARE = 0, 0.0
publish_marker, real_publish = os.environ.get("CRASH_PUBLISH"), bm25_index._publish
def publish(directory, target):
    if publish_marker:
        open(publish_marker, "w").close()
        time.sleep(600)
    real_publish(directory, target)
bm25_index._publish = publish
"""
    + INGEST
)
SEARCH = """
import json, sys
from assistant.config import Settings
from assistant.services import Services
services = Services(Settings())
papers = services.pipeline.retrieve(sys.argv[1], k=3)
index = services.pipeline.retriever.index()
print(json.dumps({"titles": [p.title for p in papers],
                  "base": index.lexical.base.generation if index.lexical.base else None,
                  "delta": len(index.lexical.delta), "generation": index.generation}))
"""


def lexical_violations(home: Path) -> list[str]:
    words = ("BM25", "word document", "schema")
    return [v for v in check(home, "fake")["violations"] if any(w in v for w in words)]


def kill_while_publishing(home: Path) -> None:
    marker = home.parent / "publish.marker"
    env_code = f"import os; os.environ['CRASH_PUBLISH'] = {str(marker)!r}\n"
    proc = python(env_code + LEXICAL_INGEST, "ingest", "--builtin", home=home, embedder="fake")
    deadline = time.monotonic() + 240
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()[1]
        assert time.monotonic() < deadline, "the ingest never rebuilt the BM25 base"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.integration
def test_three_sigkills_leave_the_lexical_index_agreeing_with_the_registry(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    first = ROOT / "tests" / "data" / "store_c1cb730.jsonl"
    finish(python(LEXICAL_INGEST, "ingest", str(first), home=home, embedder="fake"))
    base_before = (home / "lexical" / "CURRENT").read_text()
    recorded = [kill_mid_ingest(home, None, code=LEXICAL_INGEST, embedder="fake") for _ in range(2)]
    assert 3 < recorded[0] < recorded[1] < 49
    assert lexical_violations(home) == []  # the registry moved on; the base is older: agreed
    assert (home / "lexical" / "CURRENT").read_text() == base_before
    kill_while_publishing(home)  # a new base written, never published
    assert lexical_violations(home) == []
    assert (home / "lexical" / "CURRENT").read_text() == base_before

    # A reader finds the papers the killed runs recorded, from the old base plus the delta.
    found = json.loads(finish(python(SEARCH, "Sparse Expert Routing", home=home, embedder="fake")))
    assert found["titles"][0] == "Sparse Expert Routing for Speech Translation"
    assert found["base"] is not None and found["delta"] > 0

    finish(python(LEXICAL_INGEST, "ingest", "--builtin", home=home, embedder="fake"))
    after = check(home, "fake")
    assert after["violations"] == []
    assert after["papers"] == 49
    found = json.loads(finish(python(SEARCH, "Sparse Expert Routing", home=home, embedder="fake")))
    assert (found["base"], found["delta"]) == (found["generation"], 0)  # rebuilt, all current
    assert len(list((home / "lexical").iterdir())) == 2  # CURRENT and one base: no leftovers
