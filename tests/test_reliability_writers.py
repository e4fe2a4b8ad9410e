"""Reliability: one writer per FEEDQA_HOME, and a chat that keeps answering while it writes.

* A second ``feedqa ingest`` on the same home exits 5 with one line while the first holds the
  write lock; with ``--wait S`` it waits and then succeeds; a bad ``--wait`` never hangs; the
  store stays consistent (check_store in a fresh process).
* Embedded mode: the chat-side process (the Gradio app and a QAPipeline on one Services, i.e.
  one Chroma PersistentClient and one registry connection) answers during and after an ingest
  run by another process, and the new papers become retrievable.
  Chroma's PersistentClient keeps the vector index it loaded, so another process's new vectors
  are invisible to its queries (and a date filter selecting their ids fails with "Error finding
  id"); the retriever reopens the client when the registry generation changes.
* Server mode (integration): the same through a real `chroma run` on 127.0.0.1, where the new
  vectors are visible to the chat at once.
"""

from __future__ import annotations

import json
import random
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import free_port
from helpers import ALWAYS, echo_source, feedqa, outputs, spawn, write_feed

from assistant.config import Settings
from assistant.llm.fake import FakeLLM
from assistant.services import Services

ROOT = Path(__file__).resolve().parents[1]
CHECK = """
import json
from assistant.config import Settings
from assistant.services import Services
from vectorstore.invariants import check_store, check_vectors, unreachable_chunks
settings = Settings()
services = Services(settings)
print(json.dumps({"violations": check_store(settings) + check_vectors(settings),
                  **services.registry.counts(), "vectors": services.store.count(),
                  "unreachable": len(unreachable_chunks(settings))}))
"""
# `feedqa ingest` with small flushes that, after its second flush (vectors and registry rows of
# the first flushes written, the lock held), creates HELD_MARKER and waits for RELEASE_MARKER.
GATED_INGEST = """
import os, sys, time
import assistant.ingest
from vectorstore.store import ChunkStore
assistant.ingest.FLUSH_CHUNKS = 16
held, release = os.environ["HELD_MARKER"], os.environ["RELEASE_MARKER"]
real_upsert, calls = ChunkStore.upsert, []
def upsert(self, *args, **kwargs):
    real_upsert(self, *args, **kwargs)
    calls.append(1)
    if len(calls) == 2:
        open(held, "w").close()
        deadline = time.monotonic() + 300
        while not os.path.exists(release) and time.monotonic() < deadline:
            time.sleep(0.05)
ChunkStore.upsert = upsert
from assistant.cli import main
main(sys.argv[1:], prog_name="feedqa")
"""
WORDS = (
    "sparse dense expert routing attention token graph network ligand robot policy reward "
    "diffusion radar rainfall cache quantization benchmark accuracy latency memory speech"
).split()
NEW_TITLE = "Annealed Hamiltonian Folding of Peptide Chains"
NEW_QUESTION = "Which method folds peptide chains with an annealed Hamiltonian called QFoldNet?"
OLD_QUESTION = "How many experts does RouteST activate for speech translation?"
OLD = [
    {"id": "2501.00001", "day": "2025-01-10",
     "title": "Sparse Expert Routing for Speech Translation",
     "abstract": "We propose RouteST, a sparse mixture-of-experts router for end-to-end speech "
     "translation. RouteST activates two of sixteen experts for every audio frame. On the "
     "MuST-C benchmark RouteST improves BLEU by 2.4 points over a dense baseline."},
    {"id": "2501.00002", "day": "2025-01-11", "title": "Graph Networks for Protein Docking",
     "abstract": "We present DockGNN, an equivariant graph network that predicts how a small "
     "ligand binds to a protein pocket. It places 41% of ligands within two angstroms of the "
     "crystal pose."},
]  # fmt: skip
NEW = {"id": "2601.99999", "day": "2026-01-20", "title": NEW_TITLE,
       "abstract": "We introduce QFoldNet, which folds peptide chains by annealing a learned "
       "Hamiltonian. QFoldNet folds peptide chains of up to 60 residues within 2 angstroms of "
       "the native structure."}  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def wait(proc: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str, str]:
    """Return code, stdout, stderr; a process that does not end in time fails the test."""
    out, err = outputs(proc, timeout)
    assert "Traceback" not in err, err[-3000:]
    return proc.returncode, out, err


def ok(proc: subprocess.Popen[str], timeout: float = 180) -> str:
    code, out, err = wait(proc, timeout)
    assert code == 0, err[-3000:]
    return out


def check(home: Path, **extra: str) -> dict[str, Any]:
    return json.loads(ok(spawn(["-c", CHECK], home, **extra)))


def until(condition: Any, what: str, timeout: float = 120, proc: Any = None) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"{what}: the process ended first: {proc.communicate()[1][-2000:]}")
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def synthetic(first: int, n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [{"id": f"2602.{first + i:05d}", "day": "2026-01-21",
             "title": f"Synthetic paper {first + i} on {rng.choice(WORDS)}",
             "abstract": " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "."
                                  for _ in range(rng.randint(2, 8)))}
            for i in range(n)]  # fmt: skip


def expected_counts(paths: list[Path]) -> tuple[int, int]:
    from assistant.feeds import parse_bytes
    from vectorstore.chunking import Chunker
    from vectorstore.embeddings import FakeEmbedder

    chunker = Chunker(FakeEmbedder())
    papers = {p.paper_id: p for path in paths for p in parse_bytes(path.read_bytes(), "x").papers}
    return len(papers), sum(len(chunker.chunk(p)) for p in papers.values())


@contextmanager
def gated_ingest(home: Path, tmp: Path, *args: str | Path, **extra: str) -> Iterator[Any]:
    """A real `feedqa ingest` stopped half-way with the lock held; ``release()`` lets it end."""
    held, release = tmp / "held", tmp / "release"
    proc = spawn(["-c", GATED_INGEST, "ingest", *map(str, args)], home,
                 HELD_MARKER=str(held), RELEASE_MARKER=str(release), **extra)  # fmt: skip
    try:
        until(held.exists, "the first ingest to hold the lock mid-way", proc=proc)
        proc.release = lambda: release.touch()  # type: ignore[attr-defined]
        yield proc
    finally:
        release.touch()
        if proc.poll() is None:
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


# --- one writer ------------------------------------------------------------------------------


def test_second_ingest_exits_5_or_waits_and_the_store_stays_consistent(tmp_path: Path) -> None:
    home = tmp_path / "home"
    big = write_feed(tmp_path / "feeds" / "big.jsonl", synthetic(0, 120, seed=1))
    small = write_feed(tmp_path / "feeds" / "small.jsonl", OLD)
    with gated_ingest(home, tmp_path, "--json", big) as first:
        started = time.monotonic()
        refused = spawn(feedqa("ingest", small), home)
        waiting = spawn(feedqa("ingest", "--json", "--wait", "120", small), home)
        short = spawn(feedqa("ingest", "--wait", "0.5", small), home)
        lock = home / "write.lock"
        for proc in (refused, short):
            code, out, err = wait(proc, timeout=90)
            assert code == 5, (code, out, err)
            assert out == ""
            assert err.splitlines() == [
                f"feedqa: error: another feedqa process is writing to {home} ({lock}); "
                "try again when it finishes, or pass --wait SECONDS"
            ]
        assert time.monotonic() - started < 90  # refused promptly, not after the first ends
        time.sleep(1.0)  # the waiting one has had the time the others took to reach the lock
        assert waiting.poll() is None, waiting.communicate()  # still waiting, not refused
        assert first.poll() is None
        first.release()
        first_report = json.loads(ok(first))
        second = json.loads(ok(waiting, timeout=120))
    assert first_report["new"] == 120 and first_report["errors"] == []
    assert second["new"] == len(OLD) and second["errors"] == []
    assert second["store"]["papers"] == 120 + len(OLD)  # it saw the first one's papers
    after = check(home)
    papers, chunks = expected_counts([big, small])
    assert after["violations"] == []
    assert (after["papers"], after["chunks"], after["vectors"]) == (papers, chunks, chunks)


def test_a_bad_wait_is_a_usage_error_not_a_hang(tmp_path: Path) -> None:
    """filelock waits forever for a negative timeout (and never times out for NaN);
    assistant.locking refuses both rather than hang an unattended run."""
    from assistant.locking import write_lock

    home = tmp_path / "home"
    small = write_feed(tmp_path / "feeds" / "small.jsonl", OLD)
    with write_lock(home / "write.lock"):  # another writer holds the lock
        procs = {v: spawn(feedqa("ingest", "--wait", v, small), home) for v in ("-1", "nan", "inf")}
        for value, proc in procs.items():
            code, _, err = wait(proc, timeout=90)
            assert code == 2, (value, code, err)
            (line,) = err.splitlines()
            assert line.startswith(f"feedqa: error: --wait {float(value)}: ")


def test_write_lock_validates_its_wait(tmp_path: Path) -> None:
    from assistant.errors import UsageError
    from assistant.locking import write_lock

    for bad in (-0.001, float("nan"), float("inf"), float("-inf")):
        with pytest.raises(UsageError, match="--wait"), write_lock(tmp_path / "l.lock", bad):
            pass
    with write_lock(tmp_path / "l.lock", 0.0):
        pass


# --- the chat during an ingest (embedded Chroma) ---------------------------------------------


def reply_of(result: Any) -> str:
    content = result[0][-1]["content"]
    return content if isinstance(content, str) else "".join(c["text"] for c in content)


@contextmanager
def chat_side(home: Path, **settings: Any) -> Iterator[tuple[Services, Any]]:
    """The chat process's view: one Services (Chroma client + registry) behind the app."""
    from gradio_client import Client

    from ui.app import build_app, launch_app

    services = Services(Settings(home=home, embedder="fake", llm_backend="fake", **settings),
                        FakeLLM(echo_source), calibration=ALWAYS)  # fmt: skip
    app = build_app(services, concurrency=2, max_queue=16)
    _, url, _ = launch_app(app, services, port=free_port(), block=False)
    try:
        yield (
            services,
            Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": 120}),
        )
    finally:
        app.close()
        services.close()


def ask_both(services: Services, api: Any, question: str) -> tuple[str, Any]:
    """The question through the app (gradio_client) and through the pipeline directly."""
    reply = reply_of(api.predict(question, "", "", api_name="/ask"))
    assert "fq-error" not in reply, reply
    assert "fq-answer" in reply or "fq-abstain" in reply, reply
    answer = services.pipeline.ask(question)
    assert answer.answer
    return reply, answer


def run_chat_during_ingest(home: Path, tmp_path: Path, extra_env: dict[str, str],
                           **settings: Any) -> dict[str, Any]:  # fmt: skip
    """Ingest (another process) while the chat answers; returns what the chat saw after."""
    old = write_feed(tmp_path / "feeds" / "old.jsonl", OLD)
    new = write_feed(tmp_path / "feeds" / "new.jsonl", [*synthetic(0, 60, seed=3), NEW])
    ok(spawn(feedqa("ingest", "-q", old), home, **extra_env))
    seen: dict[str, Any] = {"asked": 0, "t0": time.monotonic()}
    with chat_side(home, **settings) as (services, api):
        ask_both(services, api, OLD_QUESTION)
        seen["t_app"] = time.monotonic() - seen["t0"]
        generation = services.registry.generation()
        with gated_ingest(home, tmp_path, "-q", new, **extra_env) as ingest:
            seen["t_held"] = time.monotonic() - seen["t0"]
            assert services.registry.generation() > generation  # a flush is in, mid-ingest
            for question in (OLD_QUESTION, NEW_QUESTION, OLD_QUESTION):
                ask_both(services, api, question)
                seen["asked"] += 2
            ingest.release()
            while ingest.poll() is None:  # and while it finishes
                ask_both(services, api, OLD_QUESTION)
                seen["asked"] += 2
            assert ingest.returncode == 0, ingest.communicate()[1][-2000:]
            seen["t_done"] = time.monotonic() - seen["t0"]
        reply, answer = ask_both(services, api, NEW_QUESTION)
        seen["asked"] += 2
        seen["retrieved"] = [p.title for p in services.pipeline.retrieve(NEW_QUESTION)]
        seen["reply"], seen["answer"] = reply, answer
        vector = services.embedder.embed([f"{NEW_TITLE} {NEW['abstract']}"])[0]
        seen["dense"] = [h.paper_id for h in services.store.query(vector, 3)]
        seen["count"] = services.store.count()
    after = check(home, **extra_env)
    assert after["violations"] == []
    assert after["papers"] == len(OLD) + 61
    seen["vectors"] = after["vectors"]
    return seen


def test_chat_keeps_answering_during_an_ingest_by_another_process(tmp_path: Path) -> None:
    seen = run_chat_during_ingest(tmp_path / "home", tmp_path, {})
    assert seen["asked"] >= 8
    # The new paper is found: BM25 is rebuilt from the registry when its generation changes.
    # (The dense side sees it once the retriever reopens the client; see the tests below.)
    assert NEW_TITLE in seen["retrieved"]
    assert seen["count"] == seen["vectors"]  # count() reads SQLite: it sees the other writes


def test_embedded_chat_sees_new_vectors_written_by_another_process(tmp_path: Path) -> None:
    home = tmp_path / "home"
    old = write_feed(tmp_path / "feeds" / "old.jsonl", OLD)
    new = write_feed(tmp_path / "feeds" / "new.jsonl", [NEW])
    ok(spawn(feedqa("ingest", "-q", old), home))
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    try:
        vector = services.embedder.embed([f"{NEW_TITLE} {NEW['abstract']}"])[0]
        assert [h.paper_id for h in services.store.query(vector, 5)] != []
        ok(spawn(feedqa("ingest", "-q", new), home))
        assert services.store.count() == len(OLD) + 1  # the count is read from SQLite: fresh
        # (Chroma caches one System per path: a new ChunkStore in this process would be stale
        # too.) The retriever notices the registry generation moved and reopens the client.
        (top,) = services.pipeline.retriever.retrieve(f"{NEW_TITLE} {NEW['abstract']}", vector, 1)
        assert top.paper_id == NEW["id"] and top.dense > 0.9
        assert services.store.query(vector, 1)[0].paper_id == NEW["id"]
    finally:
        services.close()


def test_embedded_chat_date_filter_survives_another_process_ingesting(tmp_path: Path) -> None:
    from assistant.pipeline.types import Filters

    home = tmp_path / "home"
    ok(spawn(feedqa("ingest", "-q", write_feed(tmp_path / "old.jsonl", OLD)), home))
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"),
                        FakeLLM(echo_source), calibration=ALWAYS)  # fmt: skip
    try:
        window = Filters(since="2025-01-01")
        assert services.pipeline.ask(OLD_QUESTION, filters=window).citations  # loads the index
        ok(spawn(feedqa("ingest", "-q", write_feed(tmp_path / "new.jsonl", [NEW])), home))
        answer = services.pipeline.ask(NEW_QUESTION, filters=window)
        assert answer.citations and answer.citations[0].title == NEW_TITLE
    finally:
        services.close()


# --- the same in server mode -----------------------------------------------------------------


@pytest.mark.integration
def test_chat_keeps_answering_during_an_ingest_through_a_chroma_server(tmp_path: Path) -> None:
    from test_chroma_server import ChromaServer

    server = ChromaServer(tmp_path / "server-data", tmp_path / "chroma.log")
    try:
        server.wait_ready()
        extra = {"FEEDQA_CHROMA_HOST": "127.0.0.1", "FEEDQA_CHROMA_PORT": str(server.port)}
        seen = run_chat_during_ingest(tmp_path / "home", tmp_path, extra,
                                      chroma_host="127.0.0.1", chroma_port=server.port)  # fmt: skip
    finally:
        server.stop()
    assert seen["retrieved"][0] == NEW_TITLE and NEW_TITLE in seen["reply"]
    assert seen["answer"].citations[0].title == NEW_TITLE
    assert seen["dense"][0] == NEW["id"]  # the server serves the new vectors at once
    assert not (tmp_path / "home" / "chroma").exists()
