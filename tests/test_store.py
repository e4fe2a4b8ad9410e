"""ChunkStore and Registry: explicit vectors only, embedder tagging, batching, invariants."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.config import Settings
from assistant.ingest import ingest_sources
from assistant.models import Paper
from assistant.services import Services, builtin_feed_path
from vectorstore.embeddings import FakeEmbedder
from vectorstore.invariants import check_store
from vectorstore.nodes import chunk_metadata
from vectorstore.registry import Registry
from vectorstore.store import ChunkStore, StoreError

DIM = 8


def vectors(n: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def put(store: ChunkStore, paper_ids: list[str], day: str | None = None) -> np.ndarray:
    """One chunk ``<id>#0`` per paper, with random unit vectors."""
    vecs = vectors(len(paper_ids))
    papers = [Paper(pid, f"Title {pid}", f"Abstract {pid}.", day=day) for pid in paper_ids]
    store.upsert(
        [f"{pid}#0" for pid in paper_ids],
        vecs,
        [p.abstract for p in papers],
        [chunk_metadata(p, 0) for p in papers],
    )
    return vecs


def test_upsert_and_query_pass_vectors_explicitly(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ChunkStore(settings, "test-embedder")
    seen: dict[str, Any] = {}
    for name in ("upsert", "query"):
        real = getattr(store.collection, name)

        def spy(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            seen[_name] = kwargs
            return _real(*args, **kwargs)

        monkeypatch.setattr(store.collection, name, spy)
    vecs = put(store, ["a", "b"])
    hits = store.query(vecs[1], k=1)
    assert seen["upsert"]["embeddings"] is not None
    assert np.asarray(seen["upsert"]["embeddings"]).shape == (2, DIM)
    assert seen["query"]["query_embeddings"] is not None
    assert "query_texts" not in seen["query"]
    assert [h.chunk_id for h in hits] == ["b#0"]
    assert hits[0].cosine == pytest.approx(1.0, abs=1e-5)


def test_chroma_default_embedding_function_never_runs(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chroma's default embedder downloads a model; ingest, update and query must not call it."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    def forbidden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("Chroma's default embedding function was used")

    for name in ("__call__", "_download_model_if_not_exists", "_forward"):
        monkeypatch.setattr(ONNXMiniLM_L6_V2, name, forbidden)
    assert services.store.collection._embedding_function is None
    report = ingest_sources(services, [str(builtin_feed_path())])
    assert report.errors == [] and services.store.count() == report.chunks_written
    services.store.update_metadata(["2501.x#0"], [{"paper_id": "2501.x"}])  # unknown id: no-op
    vector = services.embedder.embed(["softplus attention length extrapolation"])[0]
    hits = services.store.query(vector, k=3)
    assert len(hits) == 3


def test_store_refuses_vectors_of_another_embedder(settings: Settings) -> None:
    put(ChunkStore(settings, "embedder-a"), ["a"])
    with pytest.raises(StoreError) as caught:
        ChunkStore(settings, "embedder-b")
    message = str(caught.value)
    assert "embedder-a" in message and "embedder-b" in message and "\n" not in message
    assert ChunkStore(settings, "embedder-a").count() == 1  # the right one still opens


def test_services_fail_cleanly_when_the_embedder_changes(settings: Settings) -> None:
    services = Services(settings)
    ingest_sources(services, [str(builtin_feed_path())])
    services.close()
    minilm_settings = settings.model_copy(update={"embedder": "minilm"})
    with pytest.raises(StoreError, match="holds fake-hash-64 vectors, not all-MiniLM"):
        _ = Services(minilm_settings).store


def test_ids_of_papers_and_delete_work_past_their_batch_sizes(settings: Settings) -> None:
    store = ChunkStore(settings, "test-embedder")
    ids = [f"p{i:04d}" for i in range(1100)]
    put(store, ids)
    assert store.ids_of_papers(ids[:450]) == {f"{pid}#0" for pid in ids[:450]}
    assert store.all_ids() == {f"{pid}#0" for pid in ids}
    store.delete([f"{pid}#0" for pid in ids[:1050]])
    assert store.all_ids() == {f"{pid}#0" for pid in ids[1050:]}


def test_query_filters_by_day_window(settings: Settings) -> None:
    store = ChunkStore(settings, "test-embedder")
    put(store, ["old"], day="2024-05-27")
    vecs = put(store, ["new"], day="2025-06-16")
    hits = store.query(vecs[0], k=5, where={"day": {"$gte": 20250101}})
    assert [h.paper_id for h in hits] == ["new"]
    assert store.query(vecs[0], k=5, where={"day": {"$lt": 20240101}}) == []
    assert (
        ChunkStore(settings.model_copy(update={"collection": "empty"}), "x").query(vecs[0], k=5)
        == []
    )


def test_upsert_rejects_missing_vectors(settings: Settings) -> None:
    store = ChunkStore(settings, "test-embedder")
    with pytest.raises(ValueError, match="every chunk needs its vector"):
        store.upsert(["a#0", "b#0"], vectors(1), ["a", "b"], [{}, {}])


def test_chroma_failures_become_one_line_store_errors(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ChunkStore(settings, "test-embedder")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk I/O error\nwith a second line")

    monkeypatch.setattr(store.collection, "get", broken)
    with pytest.raises(StoreError) as caught:
        store.all_ids()
    assert str(caught.value) == (
        f"Chroma get failed at {settings.chroma_dir}: disk I/O error with a second line"
    )


def test_unreachable_chroma_server_is_a_store_error(tmp_path: Path) -> None:
    from conftest import free_port

    port = free_port()
    settings = Settings(home=tmp_path, embedder="fake", chroma_host="127.0.0.1", chroma_port=port)
    with pytest.raises(StoreError, match=f"cannot reach the Chroma server at 127.0.0.1:{port}"):
        ChunkStore(settings, "fake-hash-64")


def test_registry_days_chunks_and_generation(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "papers.sqlite3")
    paper = Paper("2501.00001", "T", "A.", day="2025-01-03", source="feed.json")
    with registry.transaction() as conn:
        registry.save(conn, paper, "fake", ["one", "two"], feed_order=4)
        registry.add_day(conn, paper.paper_id, "2025-01-02")
        registry.bump_generation(conn)
    stored = registry.get_many(["2501.00001", "missing"])
    assert list(stored) == ["2501.00001"]
    assert stored["2501.00001"].days == ("2025-01-02", "2025-01-03")
    assert stored["2501.00001"].n_chunks == 2
    assert [r.chunk_id for r in registry.chunks()] == ["2501.00001#0", "2501.00001#1"]
    with registry.transaction() as conn:
        registry.save(conn, paper, "fake", None)  # None keeps the chunks
        registry.bump_generation(conn)
    assert registry.counts() == {"papers": 1, "chunks": 2}
    assert registry.generation() == 2
    stats = registry.stats()
    assert (stats["first_day"], stats["last_day"], stats["days"]) == (
        "2025-01-02",
        "2025-01-03",
        2,
    )
    assert stats["sources"] == {"feed.json": 1}
    registry.close()


def test_registry_canary_is_made_once_and_kept_per_store(tmp_path: Path) -> None:
    """The prompt marker survives reopening (every process of an install sends the same prompt)
    and each store draws its own (an abstract cannot know it in advance)."""
    first = Registry(tmp_path / "a" / "papers.sqlite3")
    marker = first.canary()
    first.close()
    reopened = Registry(tmp_path / "a" / "papers.sqlite3")
    other = Registry(tmp_path / "b" / "papers.sqlite3")
    try:
        assert len(marker) == 8 and reopened.canary() == marker
        assert other.canary() != marker
    finally:
        reopened.close()
        other.close()


def test_registry_rolls_back_a_failed_transaction(tmp_path: Path) -> None:
    registry = Registry(tmp_path / "papers.sqlite3")
    with pytest.raises(RuntimeError), registry.transaction() as conn:
        registry.save(conn, Paper("p", "T", "A."), "fake", ["x"])
        raise RuntimeError("crash")
    assert registry.counts() == {"papers": 0, "chunks": 0}
    registry.close()


# --- the invariant checker itself -----------------------------------------------------------


def _ingested(settings: Settings) -> Services:
    services = Services(settings)
    ingest_sources(services, [str(builtin_feed_path())])
    assert check_store(settings) == []
    return services


def test_check_store_finds_orphan_chunks(settings: Settings) -> None:
    services = _ingested(settings)
    put_fake(services, "2599.99999", 0)
    assert check_store(settings) == [
        "orphan chunks in Chroma (paper 2599.99999 not in the registry): ['2599.99999#0']"
    ]


def test_check_store_finds_missing_and_extra_chunks(settings: Settings) -> None:
    services = _ingested(settings)
    first = services.registry.all_papers()[0]
    pid, n = first.paper.paper_id, first.n_chunks
    services.store.delete([f"{pid}#0"])
    put_fake(services, pid, n)
    assert check_store(settings) == [
        f"paper {pid}: Chroma lacks ['{pid}#0'] and has extra ['{pid}#{n}']"
    ]


def test_check_store_finds_wrong_metadata_and_orphan_days(settings: Settings) -> None:
    services = _ingested(settings)
    pid = services.registry.all_papers()[0].paper.paper_id
    paper = Paper(pid, "T", "A.", day="2030-01-01")
    services.store.update_metadata([f"{pid}#0"], [chunk_metadata(paper, 0)])
    with services.registry.transaction() as conn:
        services.registry.add_day(conn, "ghost", "2025-01-01")
    assert check_store(settings) == [
        f"chunk {pid}#0: metadata day 20300101 != first feed day 0",
        "feed day recorded for unknown paper ghost",
    ]


def test_check_store_on_an_empty_home(settings: Settings) -> None:
    assert check_store(settings) == []


def put_fake(services: Services, paper_id: str, ord_: int) -> None:
    vec = FakeEmbedder().embed(["x"])
    meta = chunk_metadata(Paper(paper_id, "T", "A."), ord_)
    services.store.upsert([f"{paper_id}#{ord_}"], vec, ["x"], [meta])
