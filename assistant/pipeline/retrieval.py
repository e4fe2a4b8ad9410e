"""Hybrid retrieval: dense (MiniLM vectors in Chroma) and lexical (the persisted BM25 index,
vectorstore/bm25_index.py) candidates, fused by reciprocal rank, then grouped by paper.

Nothing is rebuilt per process: the BM25 index is memory-mapped from FEEDQA_HOME/lexical with
the registry's recent changes on top, document frequencies are looked up in the registry, and
only the chunks a question retrieves are read from SQLite.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.days import day_number
from assistant.pipeline.types import Filters, RetrievedPaper
from vectorstore.bm25_index import LAST_DAY, LexicalIndex, Window
from vectorstore.registry import ChunkRow, Registry, StoredPaper

if TYPE_CHECKING:
    from pathlib import Path

    from vectorstore.store import ChunkStore

CANDIDATES = 24  # chunks each retriever contributes before fusion
FUSED = CANDIDATES * 2  # chunks kept after fusion
RRF_K = 60.0  # reciprocal rank fusion's constant (Cormack et al. 2009; llama-index's too)


@dataclass
class CorpusIndex:
    """What retrieval and abstention read, as of one registry generation."""

    generation: int
    lexical: LexicalIndex
    doc_freq: Mapping[str, int]  # papers containing each topic word: abstention weighs rare terms
    n_papers: int


@dataclass
class _Scores:
    dense: dict[str, float] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)


class HybridRetriever:
    """Retrieves papers for a question; safe to share between threads."""

    def __init__(self, registry: Registry, store: ChunkStore, lexical_dir: Path) -> None:
        self._registry, self._store, self._lexical_dir = registry, store, lexical_dir
        self._index: CorpusIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> CorpusIndex:
        """The index for the registry's current generation. When another process has written,
        one caller reads the changes (a small delta, not a rebuild) while the others go on
        with the index they have: no question waits behind a swap."""
        current = self._index
        generation = self._registry.generation()
        if current is not None and current.generation == generation:
            return current
        if current is not None and not self._lock.acquire(blocking=False):
            return current  # another caller is reading the changes
        if current is None:
            self._lock.acquire()
        try:
            current = self._index
            if current is None or current.generation != self._registry.generation():
                current = self._index = self._load(current)
            return current
        finally:
            self._lock.release()

    def _load(self, current: CorpusIndex | None) -> CorpusIndex:
        registry = self._registry
        if current is None:
            lexical = registry.open_lexical(self._lexical_dir)
        else:
            lexical = registry.refresh_lexical(current.lexical, self._lexical_dir)
        self._store.refresh(lexical.generation)
        return CorpusIndex(lexical.generation, lexical, registry.doc_freq(), registry.paper_count())

    def retrieve(
        self, query: str, vector: Any, k: int, filters: Filters | None = None
    ) -> list[RetrievedPaper]:
        """The ``k`` best papers for ``query``, whose embedding ``vector`` the caller made
        (QAPipeline embeds each question once)."""
        index = self.index()
        if index.n_papers == 0:
            return []
        scores = _Scores()
        dense = self._dense(vector, filters)
        rows = self._registry.chunk_rows(dense)
        scores.dense = {cid: cos for cid, cos in dense.items() if cid in rows}
        scores.lexical = dict(index.lexical.search(query, CANDIDATES, window(filters)))
        rows.update(self._registry.chunk_rows(set(scores.lexical) - set(rows)))
        fused = [(cid, s) for cid, s in fuse([scores.dense, scores.lexical]) if cid in rows]
        papers = self._registry.get_many({rows[cid].paper_id for cid, _ in fused})
        return group_by_paper(fused[:FUSED], rows, papers, scores)[:k]

    def _dense(self, vector: Any, filters: Filters | None) -> dict[str, float]:
        """Chroma's nearest chunks to the query's embedding: id -> cosine, nearest first."""
        hits = self._store.query(vector, CANDIDATES, where=chroma_where(filters))
        return {h.chunk_id: h.cosine for h in hits}


def fuse(rankings: list[dict[str, float]]) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: each list ranked by its own score, 1 / (rank + 60) summed."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        ordered = sorted(ranking.items(), key=lambda item: item[1], reverse=True)
        for rank, (chunk_id, _) in enumerate(ordered):
            fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (rank + RRF_K)
    return sorted(fused.items(), key=lambda item: item[1], reverse=True)


def window(filters: Filters | None) -> Window:
    if filters is None:
        return Window()
    return Window(
        since=day_number(filters.since),
        until=day_number(filters.until) if filters.until else LAST_DAY,
        source=filters.source or None,
    )


def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    if filters is None:
        return None
    clauses: list[dict[str, Any]] = []
    if filters.since:
        clauses.append({"day": {"$gte": day_number(filters.since)}})
    if filters.until:
        clauses.append({"day": {"$lte": day_number(filters.until)}})
    if filters.source:
        clauses.append({"source": filters.source})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def group_by_paper(
    fused: list[tuple[str, float]],
    rows: dict[str, ChunkRow],
    papers: dict[str, StoredPaper],
    scores: _Scores,
) -> list[RetrievedPaper]:
    """One entry per paper, ranked by its best chunk, with the raw scores abstention needs."""
    found: dict[str, RetrievedPaper] = {}
    for chunk_id, score in fused:
        row = rows[chunk_id]
        stored = papers.get(row.paper_id)
        if stored is None:
            continue
        entry = found.get(row.paper_id)
        if entry is None:
            entry = found[row.paper_id] = _new_entry(stored, score)
        entry.dense = max(entry.dense, scores.dense.get(chunk_id, 0.0))
        entry.lexical = max(entry.lexical, scores.lexical.get(chunk_id, 0.0))
        entry.passages.append(row.text)
    return list(found.values())


def _new_entry(stored: StoredPaper, fused: float) -> RetrievedPaper:
    paper = stored.paper
    return RetrievedPaper(
        paper_id=paper.paper_id,
        title=paper.title,
        url=paper.url,
        day=stored.days[0] if stored.days else paper.day,
        fused=fused,
        dense=0.0,
        lexical=0.0,
        abstract=paper.abstract,
    )
