"""Helpers shared by test modules: the small feed and the calibrations most tests use,
subprocesses of the CLI, a scripted model, the chat app."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import free_port

from assistant.config import Settings
from assistant.ingest import IngestReport, ingest_sources
from assistant.llm.base import Message
from assistant.pipeline.abstain import FEATURES, Calibration
from assistant.services import Components, Services

ROOT = Path(__file__).resolve().parents[1]

# Abstention calibrations with zero weights: the answerable probability is sigmoid(bias),
# whatever retrieval found.
ZERO_WEIGHTS = (0.0,) * len(FEATURES)
ALWAYS = Calibration(ZERO_WEIGHTS, bias=8.0, threshold=0.01)  # p ~ 0.9997: every question answered
NEVER = Calibration(ZERO_WEIGHTS, bias=-8.0, threshold=0.5)  # p ~ 0.0003: every question abstains

# The small feed: three papers with distinct names, numbers and datasets to ask about.
ROUTE = "Sparse Expert Routing for Speech Translation"
DOCK = "Graph Networks for Protein Docking"
KV = "Four-Bit Key-Value Caches"
SMALL_FEED: list[dict[str, Any]] = [
    {"id": "2501.00001", "day": "2025-01-10", "title": ROUTE,
     "abstract": "We propose RouteST, a sparse mixture-of-experts router for end-to-end speech "
     "translation. RouteST activates two of sixteen experts for every audio frame. On the "
     "MuST-C benchmark RouteST improves BLEU by 2.4 points over a dense baseline."},
    {"id": "2501.00002", "day": "2025-01-11", "title": DOCK,
     "abstract": "We present DockGNN, an equivariant graph network that predicts how a small "
     "ligand binds to a protein pocket. DockGNN was trained on the PDBbind collection of "
     "crystal structures. It places 41% of ligands within two angstroms of the crystal pose."},
    {"id": "2501.00003", "day": "2025-01-11", "title": KV,
     "abstract": "KVQuant stores attention keys and values in four bits with per-channel "
     "scales. KVQuant cuts cache memory by 73% on LongBench while accuracy drops by less "
     "than one point."},
]  # fmt: skip


def write_feed(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    """``records`` as a JSON-lines feed at ``path`` (its folder is created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ingest(services: Services, *specs: str | Path) -> IngestReport:
    """The library's ingest of ``specs`` (no progress, no printing)."""
    return ingest_sources(services, [str(s) for s in specs])


def fake_store(home: Path, records: Sequence[dict[str, Any]]) -> Path:
    """A store at ``home`` (fake embedder) holding ``records``, every one new; returns ``home``."""
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    try:
        report = ingest(services, write_feed(home / "feed.jsonl", records))
    finally:
        services.close()
    assert report.new == len(records) and not report.errors, report
    return home


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """A child's environment: this one without FEEDQA_/OPENAI_ settings, on the fakes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env.update({"FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake",
                "FEEDQA_LLM_BACKEND": "fake", **extra})  # fmt: skip
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def spawn(args: list[str], home: Path, **extra: str) -> subprocess.Popen[str]:
    """``python ARGS`` in the checkout with ``env_for(home, **extra)``."""
    return subprocess.Popen([sys.executable, *args], env=env_for(home, **extra), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def outputs(proc: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """Stdout and stderr of ``proc`` once it ends; a process that does not end in ``timeout``
    seconds is killed and fails the test with the tail of its stderr."""
    try:
        return proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"hung for {timeout}s: {err[-2000:]}")


def feedqa(*args: str | Path) -> list[str]:
    """The arguments that run the CLI as a module."""
    return ["-m", "assistant.cli", *map(str, args)]


def papers_in(registry: Path, table: str = "papers") -> int:
    """Rows of a registry table (papers by default), read-only; 0 while it is not created or
    locked."""
    if not registry.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{registry}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0


def echo_source(messages: list[Message]) -> str:
    """A well-behaved scripted model: the first sentence of the first source, cited. Without
    sources (a TL;DR prompt) it declines, so a TL;DR falls back to an extractive one."""
    found = re.search(r"<source (\d+)>\nTitle: [^\n]*\n(.+?)\n</source", messages[-1].content,
                      re.S)  # fmt: skip
    if not found:
        return "NOT IN FEED"
    first = re.split(r"(?<=[.!?])\s+", found.group(2).strip())[0].rstrip(".")
    return f"{first} [{found.group(1)}]."


def tldr_input(messages: list[Message]) -> str:
    """What a TL;DR prompt asks the model to edit: the fenced text of the last turn with a
    <line> (or, in older prompts, <paper>) fence (the examples come before it), without a title
    line."""
    tag = next((t for t in ("line", "paper") if f"<{t}>" in messages[-1].content), "paper")
    fenced = [m.content for m in messages if f"<{tag}>" in m.content][-1]
    inside = fenced.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0].strip()
    return inside.split("\n", 1)[1] if inside.startswith("Title:") else inside


@contextmanager
def serve(services: Services, **options: Any) -> Iterator[str]:
    """The chat app launched in this process on a free port; closed afterwards."""
    from ui.app import build_app, launch_app

    app = build_app(services, **options)
    _, url, _ = launch_app(app, services, port=free_port(), block=False)
    try:
        yield url
    finally:
        app.close()


class InjectingRunner(CliRunner):
    """A CliRunner whose `feedqa` runs on ``components`` (a scripted model, a calibration)
    instead of building them from its settings (assistant.cli_common.open_services)."""

    def __init__(self, components: Components) -> None:
        super().__init__()
        self.components = components

    def invoke(self, cli: Any, args: Any = None, **kwargs: Any) -> Result:  # type: ignore[override]
        return super().invoke(cli, args, obj=self.components, **kwargs)
