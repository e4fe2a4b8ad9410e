"""Ingest: idempotence, replacement without orphans, days, skips, and recovery after a crash."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from helpers import ingest

from assistant.config import Settings
from assistant.ingest import IngestReport
from assistant.services import Services, builtin_feed_path
from vectorstore.chunking import Chunker, chunk_id
from vectorstore.embeddings import Embedder, FakeEmbedder
from vectorstore.invariants import check_store
from vectorstore.registry import Registry
from vectorstore.store import ChunkStore

PID = "2501.00001"


class CountingEmbedder:
    """Wraps an embedder and counts what it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_id, self.dim, self.max_tokens = inner.model_id, inner.dim, inner.max_tokens
        self.calls = 0
        self.texts = 0

    def token_ids(self, text: str) -> list[int]:
        return self.inner.token_ids(text)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.embed(texts)


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder(FakeEmbedder())


@pytest.fixture
def services(settings: Settings, embedder: CountingEmbedder) -> Iterator[Services]:
    """This module's Services embed through ``embedder``, which counts."""
    built = Services(settings, embedder=embedder)
    yield built
    built.close()


def sentences(n: int, word: str) -> str:
    """``n`` ten-word sentences; the fake embedder counts one token per word."""
    return " ".join(
        f"This {word} sentence number {i} says little about {word} at all." for i in range(n)
    )


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return path


def write_hf_day(directory: Path, day: str, paper_ids: Sequence[str]) -> Path:
    items = [
        {
            "paper": {
                "id": pid,
                "title": f"Paper {pid}",
                "summary": sentences(3, "stable"),
                "authors": [{"name": "Ann Author"}],
                "publishedAt": "2025-01-01T00:00:00.000Z",
            },
            "publishedAt": f"{day}T00:00:00.000Z",
        }
        for pid in paper_ids
    ]
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"hf_daily_papers_{day}.json"
    path.write_text(json.dumps(items))
    return path


def chroma_ids(store: ChunkStore, paper_id: str) -> set[str]:
    return store.ids_of_papers([paper_id])


def chroma_meta(store: ChunkStore, paper_id: str) -> list[dict[str, Any]]:
    got = store.collection.get(where={"paper_id": paper_id}, include=["metadatas"])
    return [dict(m) for m in got["metadatas"]]


def test_reingesting_an_unchanged_feed_embeds_nothing(
    services: Services, embedder: CountingEmbedder
) -> None:
    first = ingest(services, builtin_feed_path())
    assert (first.parsed, first.new, first.unchanged, first.errors) == (46, 46, 0, [])
    assert first.chunks_written == services.registry.counts()["chunks"] == services.store.count()
    assert embedder.texts == first.chunks_written > 46

    embedder.calls = embedder.texts = 0
    second = ingest(services, builtin_feed_path())
    assert (second.parsed, second.new, second.updated, second.unchanged) == (46, 0, 0, 46)
    assert second.chunks_written == 0
    assert embedder.calls == 0
    assert services.registry.counts() == {"papers": 46, "chunks": first.chunks_written}
    assert check_store(services.settings) == []


def test_shrinking_abstract_replaces_its_chunks_without_orphans(
    services: Services, tmp_path: Path
) -> None:
    long_abstract = sentences(60, "long")
    other = {"id": "2501.00002", "title": "Neighbour", "abstract": sentences(2, "other")}
    chunker = Chunker(FakeEmbedder())
    v1 = {"id": PID, "title": "Shrinking", "abstract": long_abstract}
    assert len(chunker.chunk(_paper(v1))) == 3  # the premise of this test
    ingest(services, write_jsonl(tmp_path / "feeds" / "v1.jsonl", [v1, other]))
    assert chroma_ids(services.store, PID) == {chunk_id(PID, i) for i in range(3)}
    other_before = services.store.collection.get(ids=["2501.00002#0"], include=["embeddings"])

    v2 = {**v1, "abstract": sentences(2, "short")}
    report = ingest(services, write_jsonl(tmp_path / "feeds" / "v2.jsonl", [v2, other]))

    assert (report.updated, report.unchanged, report.chunks_written) == (1, 1, 1)
    assert chroma_ids(services.store, PID) == {chunk_id(PID, 0)}
    stored = services.registry.get_many([PID])[PID]
    assert stored.n_chunks == 1 and stored.paper.abstract == v2["abstract"]
    assert {r.chunk_id for r in services.registry.chunks() if r.paper_id == PID} == {f"{PID}#0"}
    doc = services.store.collection.get(ids=[f"{PID}#0"], include=["documents"])["documents"]
    assert doc == [v2["abstract"]]
    other_after = services.store.collection.get(ids=["2501.00002#0"], include=["embeddings"])
    assert np.array_equal(other_before["embeddings"], other_after["embeddings"])
    assert check_store(services.settings) == []


def test_growing_abstract_adds_chunks(services: Services, tmp_path: Path) -> None:
    v1 = {"id": PID, "title": "Growing", "abstract": sentences(2, "short")}
    ingest(services, write_jsonl(tmp_path / "v1.jsonl", [v1]))
    ingest(services, write_jsonl(tmp_path / "v2.jsonl", [{**v1, "abstract": sentences(60, "x")}]))
    assert chroma_ids(services.store, PID) == {chunk_id(PID, i) for i in range(3)}
    assert services.registry.counts() == {"papers": 1, "chunks": 3}
    assert check_store(services.settings) == []


@pytest.mark.parametrize("order", ["chronological", "reversed", "one_run"])
def test_paper_seen_on_two_days_is_one_paper(
    services: Services, embedder: CountingEmbedder, tmp_path: Path, order: str
) -> None:
    day1 = write_hf_day(tmp_path / "feeds", "2025-01-02", [PID, "2501.00002"])
    day2 = write_hf_day(tmp_path / "feeds", "2025-01-03", [PID, "2501.00003"])
    if order == "one_run":
        report = ingest(services, day1, day2)
        assert (report.parsed, report.new, report.errors) == (4, 3, [])
    else:
        first, second = (day1, day2) if order == "chronological" else (day2, day1)
        ingest(services, first)
        texts_before, generation = embedder.texts, services.registry.generation()
        report = ingest(services, second)
        assert (report.new, report.unchanged) == (1, 1)
        assert embedder.texts - texts_before == report.chunks_written == 1  # only the new one
        # One flush for the new paper, one for the shared paper's metadata: its source is the
        # newer file (and in reverse order its first day moved back).
        assert services.registry.generation() == generation + 2
        assert [m["source"] for m in chroma_meta(services.store, PID)] == [str(second)]

    assert services.registry.counts()["papers"] == 3
    stored = services.registry.get_many([PID])[PID]
    assert stored.days == ("2025-01-02", "2025-01-03")
    assert stored.paper.day == "2025-01-02"  # the earliest day it was featured
    assert [m["day"] for m in chroma_meta(services.store, PID)] == [20250102]
    assert [p.paper.paper_id for p in services.registry.all_papers("2025-01-03")] == [
        PID,
        "2501.00003",
    ]
    assert check_store(services.settings) == []


def test_items_missing_title_or_abstract_are_skipped_and_counted(
    services: Services, tmp_path: Path
) -> None:
    records = [
        {"id": "2501.00001", "title": "Good one", "abstract": "It has an abstract."},
        {"id": "2501.00002", "title": "No abstract"},
        {"id": "2501.00003", "abstract": "No title here."},
        {"id": "2501.00004", "title": "   ", "abstract": "Blank title."},
        {"id": "2501.00005", "title": "Good two", "abstract": "Another abstract."},
    ]
    report = ingest(services, write_jsonl(tmp_path / "gaps.jsonl", records))
    assert (report.parsed, report.skipped, report.new, report.errors) == (2, 3, 2, [])
    assert services.registry.counts()["papers"] == 2


def test_a_failing_source_loses_nothing_and_the_others_go_on(
    services: Services, tmp_path: Path
) -> None:
    ingest(services, builtin_feed_path())
    before = (services.registry.counts(), services.store.count())
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "A", "abstract": "B"}\n{"title": oops}\n')
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": PID, "title": "T", "abstract": "A."}])
    report = ingest(services, bad, good)
    assert report.errors == [f"{bad}: line 2: invalid JSON (Expecting value at column 11)"]
    assert report.new == 1
    counts = services.registry.counts()
    assert counts["papers"] == before[0]["papers"] + 1
    assert services.store.count() == before[1] + 1
    assert check_store(services.settings) == []


class Crash(RuntimeError):
    pass


def _crash_before(monkeypatch: pytest.MonkeyPatch, cls: type, method: str) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise Crash(method)

    monkeypatch.setattr(cls, method, boom)


def _crash_after_upsert(monkeypatch: pytest.MonkeyPatch, cls: type, method: str) -> None:
    real = getattr(cls, method)

    def write_then_die(self: Any, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        raise Crash(method)

    monkeypatch.setattr(cls, method, write_then_die)


@pytest.mark.parametrize(
    ("where", "method", "crash"),
    [
        ("after deleting stale chunks", "upsert", _crash_before),
        ("after writing Chroma", "upsert", _crash_after_upsert),
        ("while recording in the registry", "bump_generation", _crash_before),
    ],
)
def test_a_crash_mid_flush_is_repaired_by_the_next_ingest(
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
    method: str,
    crash: Any,
) -> None:
    new_paper = {"id": "2501.00009", "title": "Brand new", "abstract": sentences(3, "new")}
    v1 = {"id": PID, "title": "Shrinking", "abstract": sentences(60, "long")}
    v2 = [{**v1, "abstract": sentences(2, "short")}, new_paper]
    ingest_fresh(settings, write_jsonl(tmp_path / "v1.jsonl", [v1]))
    feed_v2 = write_jsonl(tmp_path / "v2.jsonl", v2)

    with monkeypatch.context() as patch:
        crash(patch, Registry if method == "bump_generation" else ChunkStore, method)
        with pytest.raises(Crash):
            ingest_fresh(settings, feed_v2)
        assert check_store(settings) != [], f"a crash {where} should leave the store inconsistent"

    report = ingest_fresh(settings, feed_v2)
    assert report.errors == []
    assert check_store(settings) == []
    services = Services(settings)
    assert chroma_ids(services.store, PID) == {f"{PID}#0"}
    assert services.registry.counts() == {"papers": 2, "chunks": 2}
    services.close()


def ingest_fresh(settings: Settings, *specs: Path) -> IngestReport:
    """Ingest with new Services, as a new process would."""
    services = Services(settings)
    try:
        return ingest(services, *specs)
    finally:
        services.close()


def test_chunks_lost_from_chroma_are_reembedded(services: Services, tmp_path: Path) -> None:
    records = [
        {"id": f"2501.0000{i}", "title": f"Paper {i}", "abstract": sentences(3, "x")}
        for i in range(1, 5)
    ]
    feed = write_jsonl(tmp_path / "feed.jsonl", records)
    ingest(services, feed)
    services.store.delete([f"{PID}#0"])  # e.g. a Chroma write lost in a crash
    assert check_store(services.settings) != []
    embedder = CountingEmbedder(FakeEmbedder())
    again = Services(services.settings, embedder=embedder)
    report = ingest(again, feed)
    assert (report.updated, report.unchanged, report.chunks_written) == (1, 3, 1)
    assert embedder.texts == 1
    assert check_store(services.settings) == []
    again.close()


def test_a_deleted_chroma_directory_is_rebuilt(settings: Settings, tmp_path: Path) -> None:
    import shutil

    from chromadb.api.shared_system_client import SharedSystemClient

    ingest_fresh(settings, builtin_feed_path())
    chunks = Services(settings).registry.counts()["chunks"]
    shutil.rmtree(settings.chroma_dir)
    SharedSystemClient.clear_system_cache()  # as a new process would start
    report = ingest_fresh(settings, builtin_feed_path())
    assert (report.updated, report.chunks_written) == (46, chunks)
    assert check_store(settings) == []


@pytest.mark.integration
def test_real_embedder_ingest_and_reingest(real_settings: Settings, minilm: Any) -> None:
    embedder = CountingEmbedder(minilm)
    services = Services(real_settings, embedder=embedder)
    started = time.perf_counter()
    first = ingest(services, builtin_feed_path())
    first_s = time.perf_counter() - started
    papers = _sample_papers()
    expected_chunks = sum(len(Chunker(minilm).chunk(p)) for p in papers)
    assert (first.new, first.chunks_written) == (46, expected_chunks)
    assert services.store.count() == expected_chunks

    embedder.calls = 0
    started = time.perf_counter()
    second = ingest(services, builtin_feed_path())
    second_s = time.perf_counter() - started
    assert (second.unchanged, second.chunks_written, embedder.calls) == (46, 0, 0)
    assert second_s < first_s
    assert check_store(real_settings) == []
    services.close()


def _sample_papers() -> list[Any]:
    from assistant.feeds import parse_bytes

    path = builtin_feed_path()
    return parse_bytes(path.read_bytes(), str(path)).papers


def _paper(record: dict[str, str]) -> Any:
    from assistant.models import Paper

    return Paper(record["id"], record["title"], record["abstract"])
