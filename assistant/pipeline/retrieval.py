"""Hybrid retrieval: dense (MiniLM vectors in Chroma) and lexical (BM25 via bm25s) retrievers,
fused by llama-index's reciprocal-rank fusion, then grouped by paper."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import QueryFusionRetriever
from llama_index.core.schema import BaseNode, NodeWithScore, QueryBundle, TextNode
from llama_index.retrievers.bm25 import BM25Retriever

from assistant.pipeline.text import topic_words
from assistant.pipeline.types import Filters, RetrievedPaper
from vectorstore.nodes import chunk_node, day_number
from vectorstore.registry import StoredPaper

if TYPE_CHECKING:
    from assistant.services import Services

CANDIDATES = 24  # chunks each retriever contributes before fusion


@dataclass
class CorpusIndex:
    """Everything retrieval needs in memory, rebuilt when the store's generation changes."""

    generation: int
    nodes: dict[str, TextNode]
    papers: dict[str, StoredPaper]
    bm25: BM25Retriever | None
    days: np.ndarray  # feed day (YYYYMMDD int) per BM25 corpus row
    sources: list[str]
    doc_freq: Counter[str]  # papers containing each content word: abstention weighs rare terms


def build_index(services: Services) -> CorpusIndex:
    registry = services.registry
    generation = registry.generation()
    papers = {p.paper.paper_id: p for p in registry.all_papers()}
    nodes = {
        row.chunk_id: chunk_node(row, papers[row.paper_id])
        for row in registry.chunks()
        if row.paper_id in papers
    }
    ordered: list[BaseNode] = list(nodes.values())
    # bm25s needs k <= corpus size (llama-index would otherwise warn on every small store).
    top_k = min(CANDIDATES, len(ordered))
    bm25 = BM25Retriever(nodes=ordered, similarity_top_k=top_k) if ordered else None
    days = np.array([int(n.metadata["day"]) for n in ordered], dtype=np.int64)
    sources = [str(n.metadata["source"]) for n in ordered]
    doc_freq: Counter[str] = Counter()
    for stored in papers.values():
        doc_freq.update(topic_words(f"{stored.paper.title} {stored.paper.abstract}"))
    return CorpusIndex(generation, nodes, papers, bm25, days, sources, doc_freq)


@dataclass
class _Scores:
    dense: dict[str, float] = field(default_factory=dict)
    lexical: dict[str, float] = field(default_factory=dict)


class _DenseRetriever(BaseRetriever):
    """Chroma nearest neighbours, mapped back to the shared nodes so fusion can match them."""

    def __init__(
        self, services: Services, index: CorpusIndex, where: Any, scores: _Scores, vector: Any
    ) -> None:
        super().__init__()
        self._services, self._index, self._where, self._scores = services, index, where, scores
        self._vector = vector  # the query, embedded once by the caller (or None: embed here)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        vector = self._vector
        if vector is None:
            vector = self._services.embedder.embed([query_bundle.query_str])[0]
        hits = self._services.store.query(vector, CANDIDATES, where=self._where)
        found = [h for h in hits if h.chunk_id in self._index.nodes]
        self._scores.dense.update({h.chunk_id: h.cosine for h in found})
        return [NodeWithScore(node=self._index.nodes[h.chunk_id], score=h.cosine) for h in found]


class _LexicalRetriever(BaseRetriever):
    def __init__(self, bm25: BM25Retriever, scores: _Scores) -> None:
        super().__init__()
        self._bm25, self._scores = bm25, scores

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = [h for h in self._bm25.retrieve(query_bundle) if (h.score or 0.0) > 0.0]
        self._scores.lexical.update({h.node.node_id: float(h.score or 0.0) for h in hits})
        return hits


class HybridRetriever:
    """Retrieves papers for a question; safe to share between threads."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._index: CorpusIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> CorpusIndex:
        with self._lock:
            generation = self._services.registry.generation()
            if self._index is None or self._index.generation != generation:
                self._services.store.refresh(generation)
                self._index = build_index(self._services)
            return self._index

    def retrieve(
        self, query: str, k: int, filters: Filters | None = None, vector: Any = None
    ) -> list[RetrievedPaper]:
        """The top ``k`` papers for ``query``; ``vector`` is its embedding when already made."""
        index = self.index()
        if not index.nodes:
            return []
        scores = _Scores()
        retrievers: list[BaseRetriever] = [
            _DenseRetriever(self._services, index, chroma_where(filters), scores, vector)
        ]
        bm25 = _filtered_bm25(index, filters)
        if bm25 is not None:
            retrievers.append(_LexicalRetriever(bm25, scores))
        fusion = QueryFusionRetriever(
            retrievers,
            llm=MockLLM(),
            mode="reciprocal_rerank",  # type: ignore[arg-type]
            similarity_top_k=CANDIDATES * 2,
            num_queries=1,  # no LLM query rewriting: the question is searched as asked
            use_async=False,
        )
        fused = fusion.retrieve(query)
        return group_by_paper(fused, index, scores)[:k]


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


def _filtered_bm25(index: CorpusIndex, filters: Filters | None) -> BM25Retriever | None:
    if index.bm25 is None or chroma_where(filters) is None:
        return index.bm25
    assert filters is not None
    mask = np.ones(len(index.days), dtype=bool)
    if filters.since:
        mask &= index.days >= day_number(filters.since)
    if filters.until:
        mask &= index.days <= day_number(filters.until)
    if filters.source:
        mask &= np.array([s == filters.source for s in index.sources])
    if not mask.any():
        return None
    retriever = BM25Retriever(
        existing_bm25=index.bm25.bm25,
        similarity_top_k=min(CANDIDATES, len(index.days)),
        corpus_weight_mask=mask.astype(int).tolist(),
    )
    retriever.corpus = index.bm25.corpus  # a bm25s index built in memory keeps no corpus
    return retriever


def group_by_paper(
    fused: list[NodeWithScore], index: CorpusIndex, scores: _Scores
) -> list[RetrievedPaper]:
    """One entry per paper, ranked by its best chunk, with the raw scores abstention needs."""
    papers: dict[str, RetrievedPaper] = {}
    for hit in fused:
        chunk_id = hit.node.node_id
        paper_id = str(hit.node.metadata["paper_id"])
        stored = index.papers[paper_id]
        entry = papers.get(paper_id)
        if entry is None:
            entry = papers[paper_id] = _new_entry(stored, float(hit.score or 0.0))
        entry.dense = max(entry.dense, scores.dense.get(chunk_id, 0.0))
        entry.lexical = max(entry.lexical, scores.lexical.get(chunk_id, 0.0))
        entry.passages.append(hit.node.get_content())
    return list(papers.values())


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
