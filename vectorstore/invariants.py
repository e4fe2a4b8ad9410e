"""Consistency of the registry (SQLite) with the Chroma collection, for tests and diagnostics.

The invariants a finished ingest leaves behind, even after a crash and a re-run:

* every registry paper has ``n_chunks >= 1`` chunks, ids ``<paper_id>#0 .. #n_chunks-1``, in
  both Chroma and the registry's chunk table, and no other ids;
* Chroma holds no chunk of a paper the registry does not know (no orphans);
* each chunk's Chroma metadata names its paper, its ordinal and the paper's earliest feed day;
* the collection is tagged with the embedder every registry paper was embedded with;
* every recorded feed day belongs to a registry paper;
* the schema is at this release's version, and the lexical index agrees with the registry:
  each chunk's stored BM25 terms are those of its text, word document frequencies match the
  papers, and the persisted BM25 base (a snapshot at a generation no later than the
  registry's) holds exactly the registry's chunks for every paper not changed since.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.days import day_number
from vectorstore import bm25_index, lexical
from vectorstore.chunking import chunk_id, parse_chunk_id
from vectorstore.db import SCHEMA_VERSION, open_db, schema_version

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
    lexical: list[str] = field(default_factory=list)  # violations found in the lexical index


@dataclass
class _ChromaView:
    exists: bool = False
    embedder: str | None = None
    metadata: dict[str, dict[str, Any]] = field(default_factory=dict)

    def ids_by_paper(self) -> dict[str, set[str]]:
        grouped: dict[str, set[str]] = defaultdict(set)
        for cid in self.metadata:
            grouped[parse_chunk_id(cid)[0]].add(cid)
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
        *registry.lexical,
    ]


def _read_registry(settings: Settings) -> _RegistryView:
    view = _RegistryView()
    if not settings.registry_path.exists():
        return view
    db = open_db(settings.registry_path, readonly=True)
    try:
        version = schema_version(db)
        if version != SCHEMA_VERSION:
            view.lexical.append(f"registry schema version {version} != {SCHEMA_VERSION}")
            return view
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
        view.lexical = list(_check_lexical(db, settings))
    finally:
        db.close()
    return view


def _check_lexical(db: Any, settings: Settings) -> Iterator[str]:
    for cid, title, text, terms in db.execute(
        "SELECT c.chunk_id, p.title, c.text, c.terms FROM chunks c JOIN papers p USING (paper_id)"
    ):
        if terms != lexical.chunk_terms(title, text):
            yield f"chunk {cid}: stored BM25 terms are not those of its text"
    stored = dict(db.execute("SELECT word, papers FROM word_df").fetchall())
    if stored != lexical.recount_words(db):
        yield "word document frequencies (word_df) do not match the papers"
    yield from _check_base(db, settings)


def _check_base(db: Any, settings: Settings) -> Iterator[str]:
    base = bm25_index.load_base(settings.lexical_dir)
    if base is None:
        return
    generation = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    if base.generation > int(generation[0] if generation else 0):
        yield f"BM25 base generation {base.generation} is ahead of the registry {generation}"
    changed = {
        r[0]
        for r in db.execute(
            "SELECT paper_id FROM lexical_changes WHERE gen > ?", (base.generation,)
        )
    }
    in_base: dict[str, set[str]] = defaultdict(set)
    for cid, pid in zip(base.chunk_ids, base.paper_ids, strict=True):
        in_base[str(pid)].add(str(cid))
    in_registry: dict[str, set[str]] = defaultdict(set)
    for cid, pid in db.execute("SELECT chunk_id, paper_id FROM chunks"):
        in_registry[pid].add(cid)
    for pid in sorted((set(in_base) | set(in_registry)) - changed):
        if in_base.get(pid, set()) != in_registry.get(pid, set()):
            yield _mismatch(
                pid, "the BM25 base", in_registry.get(pid, set()), in_base.get(pid, set())
            )


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
        pid, ord_ = parse_chunk_id(cid)
        if pid not in registry.n_chunks:
            continue  # reported as an orphan
        if meta.get("paper_id") != pid or str(meta.get("ord")) != str(ord_):
            yield f"chunk {cid}: metadata names paper {meta.get('paper_id')} #{meta.get('ord')}"
        want_day = day_number(registry.first_day.get(pid))
        if meta.get("day") != want_day:
            yield f"chunk {cid}: metadata day {meta.get('day')} != first feed day {want_day}"


# --- the vector index itself (added for the reliability tests) ---------------------------------

REACH_K = 10  # neighbours asked for when measuring whether a chunk can be found at all
QUERY_BATCH = 256


def check_vectors(settings: Settings) -> list[str]:
    """Every chunk Chroma lists has a usable vector in Chroma's vector segment.

    ``check_store`` reads ids and metadata, which Chroma serves from SQLite; the vectors live in
    its vector segment (HNSW), persisted apart from them. Chroma failing to return a listed
    chunk's vector ("Error finding id": the segment lacks an id SQLite has) and vectors of the
    wrong width, non-finite or zero are violations. Run it in a process that did not write the
    store: a client loaded before another process wrote does not see those writes."""
    import numpy as np

    collection = _collection(settings)
    if collection is None:
        return []
    problems: list[str] = []
    width: int | None = None
    for offset, page in _vector_pages(collection):
        if isinstance(page, Exception):
            return [*problems, f"Chroma cannot read vectors from offset {offset}: {_line(page)}"]
        for cid, vector in zip(*page, strict=True):
            v = np.asarray(vector, dtype=np.float32)
            width = width or v.size
            if v.size != width or not np.isfinite(v).all() or not np.any(v):
                problems.append(f"chunk {cid}: unusable vector (width {v.size}, want {width})")
    return problems


def unreachable_chunks(settings: Settings, k: int = REACH_K) -> list[str]:
    """Chunks that a query with their own vector does not return among the ``k`` nearest.

    Not an invariant: HNSW search is approximate, and nodes can become unreachable (chunks
    updated in place are the usual ones). Such a chunk is never found by dense retrieval,
    only by BM25; this measures how many there are."""
    import numpy as np

    collection = _collection(settings)
    if collection is None:
        return []
    missed: list[str] = []
    for _, page in _vector_pages(collection):
        if isinstance(page, Exception):
            raise page
        ids, vectors = page
        for start in range(0, len(ids), QUERY_BATCH):
            batch = np.asarray(vectors[start : start + QUERY_BATCH], dtype=np.float32)
            found = collection.query(query_embeddings=batch, n_results=k, include=[])
            batch_ids = ids[start : start + QUERY_BATCH]
            missed += [c for c, near in zip(batch_ids, found["ids"], strict=True) if c not in near]
    return missed


def _collection(settings: Settings) -> Any:
    from vectorstore.store import make_client

    client = make_client(settings)
    if settings.collection not in {getattr(c, "name", c) for c in client.list_collections()}:
        return None
    return client.get_collection(settings.collection, embedding_function=None)


def _vector_pages(collection: Any) -> Iterator[tuple[int, Any]]:
    """(offset, (ids, vectors)) per page, or (offset, the exception) when Chroma fails."""
    offset = 0
    while True:
        try:
            got = collection.get(include=["embeddings"], limit=PAGE, offset=offset)
        except Exception as exc:  # chromadb raises its own InternalError types here
            yield offset, exc
            return
        yield offset, (list(got["ids"]), list(got["embeddings"]))
        if len(got["ids"]) < PAGE:
            return
        offset += PAGE


def _line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
