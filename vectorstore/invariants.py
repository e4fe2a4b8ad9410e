"""Consistency of the registry (SQLite) with the Chroma collection, for tests and diagnostics.

The invariants a finished ingest leaves behind, even after a crash and a re-run:

* every registry paper has ``n_chunks >= 1`` chunks, ids ``<paper_id>#0 .. #n_chunks-1``, in
  both Chroma and the registry's chunk table, and no other ids;
* Chroma holds no chunk of a paper the registry does not know (no orphans);
* each chunk's Chroma metadata names its paper, its ordinal and the paper's earliest feed day;
* the collection is tagged with the embedder every registry paper was embedded with;
* every recorded feed day belongs to a registry paper.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from vectorstore.chunking import chunk_id
from vectorstore.nodes import day_number

if TYPE_CHECKING:
    from assistant.config import Settings

PAGE = 5000


@dataclass
class _RegistryView:
    n_chunks: dict[str, int] = field(default_factory=dict)
    embedders: set[str] = field(default_factory=set)
    chunk_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    first_day: dict[str, str] = field(default_factory=dict)
    orphan_days: list[str] = field(default_factory=list)


@dataclass
class _ChromaView:
    exists: bool = False
    embedder: str | None = None
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)

    def ids_by_paper(self) -> dict[str, set[str]]:
        grouped: dict[str, set[str]] = defaultdict(set)
        for cid in self.metadata:
            grouped[cid.rpartition("#")[0]].add(cid)
        return grouped


def check_store(settings: Settings) -> list[str]:
    """Every violation of the invariants above, one line each; ``[]`` when consistent."""
    registry = _read_registry(settings)
    chroma = _read_chroma(settings)
    return [
        *_check_embedder(registry, chroma),
        *_check_papers(registry, chroma),
        *_check_orphans(registry, chroma),
        *_check_metadata(registry, chroma),
        *(f"feed day recorded for unknown paper {pid}" for pid in registry.orphan_days),
    ]


def _read_registry(settings: Settings) -> _RegistryView:
    view = _RegistryView()
    if not settings.registry_path.exists():
        return view
    db = sqlite3.connect(f"file:{settings.registry_path}?mode=ro", uri=True)
    try:
        for pid, n, embedder in db.execute("SELECT paper_id, n_chunks, embedder_id FROM papers"):
            view.n_chunks[pid] = int(n)
            view.embedders.add(embedder)
        for cid, pid in db.execute("SELECT chunk_id, paper_id FROM chunks"):
            view.chunk_ids[pid].add(cid)
        for pid, day in db.execute("SELECT paper_id, MIN(day) FROM paper_days GROUP BY paper_id"):
            if pid in view.n_chunks:
                view.first_day[pid] = day
            else:
                view.orphan_days.append(pid)
    finally:
        db.close()
    return view


def _read_chroma(settings: Settings) -> _ChromaView:
    from vectorstore.store import make_client

    client = make_client(settings)
    names = {getattr(c, "name", c) for c in client.list_collections()}
    if settings.collection not in names:
        return _ChromaView()
    collection = client.get_collection(settings.collection, embedding_function=None)
    view = _ChromaView(exists=True, embedder=(collection.metadata or {}).get("embedder"))
    for ids, metadatas in _pages(collection):
        view.metadata.update(zip(ids, metadatas, strict=True))
    return view


def _pages(collection: Any) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
    offset = 0
    while True:
        got = collection.get(include=["metadatas"], limit=PAGE, offset=offset)
        yield got["ids"], [dict(m or {}) for m in got["metadatas"]]
        if len(got["ids"]) < PAGE:
            return
        offset += PAGE


def _check_embedder(registry: _RegistryView, chroma: _ChromaView) -> Iterator[str]:
    if registry.n_chunks and not chroma.exists:
        yield f"the registry has {len(registry.n_chunks)} papers but Chroma has no collection"
    if len(registry.embedders) > 1:
        yield f"papers embedded by several embedders: {sorted(registry.embedders)}"
    if chroma.embedder and registry.embedders - {chroma.embedder}:
        yield f"collection embedder {chroma.embedder} != registry {sorted(registry.embedders)}"


def _check_papers(registry: _RegistryView, chroma: _ChromaView) -> Iterator[str]:
    in_chroma = chroma.ids_by_paper()
    for pid, n in sorted(registry.n_chunks.items()):
        expected = {chunk_id(pid, i) for i in range(n)}
        if n < 1:
            yield f"paper {pid}: registry records {n} chunks"
        if in_chroma.get(pid, set()) != expected:
            yield _mismatch(pid, "Chroma", expected, in_chroma.get(pid, set()))
        if registry.chunk_ids.get(pid, set()) != expected:
            found = registry.chunk_ids.get(pid, set())
            yield _mismatch(pid, "the registry chunk table", expected, found)
    for pid in sorted(set(registry.chunk_ids) - set(registry.n_chunks)):
        yield f"registry chunk rows for unknown paper {pid}: {sorted(registry.chunk_ids[pid])}"


def _mismatch(pid: str, where: str, expected: set[str], found: set[str]) -> str:
    missing, extra = sorted(expected - found), sorted(found - expected)
    return f"paper {pid}: {where} lacks {missing} and has extra {extra}"


def _check_orphans(registry: _RegistryView, chroma: _ChromaView) -> Iterator[str]:
    for pid, ids in sorted(chroma.ids_by_paper().items()):
        if pid not in registry.n_chunks:
            yield f"orphan chunks in Chroma (paper {pid} not in the registry): {sorted(ids)}"


def _check_metadata(registry: _RegistryView, chroma: _ChromaView) -> Iterator[str]:
    for cid, meta in sorted(chroma.metadata.items()):
        pid, _, ord_ = cid.rpartition("#")
        if pid not in registry.n_chunks:
            continue  # reported as an orphan
        if meta.get("paper_id") != pid or str(meta.get("ord")) != ord_:
            yield f"chunk {cid}: metadata names paper {meta.get('paper_id')} #{meta.get('ord')}"
        want_day = day_number(registry.first_day.get(pid))
        if meta.get("day") != want_day:
            yield f"chunk {cid}: metadata day {meta.get('day')} != first feed day {want_day}"


# --- the vector index itself (added for the reliability tests) ---------------------------------

QUERY_BATCH = 256
SELF_DISTANCE = 1e-3  # cosine distance of a stored vector to itself, with float error


def check_vectors(settings: Settings) -> list[str]:
    """Every chunk Chroma lists is found by a nearest-neighbour query with its own vector.

    ``check_store`` reads ids and metadata, which Chroma serves from SQLite; queries go through
    its vector index (HNSW), which is persisted apart from them. A chunk its own vector does not
    find (at distance ~0) is missing from that index: retrieval can never return it."""
    import numpy as np

    from vectorstore.store import make_client

    client = make_client(settings)
    if settings.collection not in {getattr(c, "name", c) for c in client.list_collections()}:
        return []
    collection = client.get_collection(settings.collection, embedding_function=None)
    problems: list[str] = []
    offset = 0
    while True:
        got = collection.get(include=["embeddings"], limit=PAGE, offset=offset)
        ids, vectors = got["ids"], got["embeddings"]
        for start in range(0, len(ids), QUERY_BATCH):
            batch = np.asarray(vectors[start : start + QUERY_BATCH], dtype=np.float32)
            found = collection.query(query_embeddings=batch, n_results=1, include=["distances"])
            for cid, distances in zip(ids[start : start + QUERY_BATCH], found["distances"],
                                      strict=True):  # fmt: skip
                if not distances or distances[0] > SELF_DISTANCE:
                    nearest = f"{distances[0]:.4f}" if distances else "nothing"
                    problems.append(f"chunk {cid}: not in the vector index (nearest: {nearest})")
        if len(ids) < PAGE:
            return problems
        offset += PAGE
