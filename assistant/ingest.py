"""Ingest: parsed papers -> chunks -> vectors in Chroma, recorded in the registry.

Order of writes makes a crash harmless: vectors go to Chroma first (stale chunks deleted,
new ones upserted under deterministic ids), and only then does the registry record the
paper's content hash. A paper whose record is missing or stale is simply redone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assistant.config import Settings
from assistant.models import Paper
from vectorstore.chunking import Chunk, Chunker
from vectorstore.embeddings import Embedder
from vectorstore.nodes import chunk_metadata
from vectorstore.registry import Registry, StoredPaper
from vectorstore.store import ChunkStore

FLUSH_CHUNKS = 128  # chunks embedded per flush: large enough to keep ONNX busy


@dataclass
class IngestReport:
    sources: int = 0
    parsed: int = 0
    skipped: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    chunks_written: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


Progress = Callable[[int], None]


class Ingestor:
    """Writes papers into the store. Callers hold the write lock (see assistant.locking)."""

    def __init__(
        self, embedder: Embedder, store: ChunkStore, registry: Registry, batch_size: int = 32
    ) -> None:
        self.embedder, self.store, self.registry = embedder, store, registry
        self.chunker = Chunker(embedder)
        self.batch_size = batch_size
        self._pending: dict[str, Paper] = {}
        self._pending_chunks: dict[str, list[Chunk]] = {}
        self._orders: dict[str, int] = {}

    def add(self, papers: Iterable[Paper], report: IngestReport, progress: Progress | None) -> None:
        for order, paper in enumerate(papers):
            report.parsed += 1
            self._route(paper, order, report)
            if sum(len(c) for c in self._pending_chunks.values()) >= FLUSH_CHUNKS:
                self.flush(report)
            if progress:
                progress(1)

    def _route(self, paper: Paper, order: int, report: IngestReport) -> None:
        stored = self.registry.get_many([paper.paper_id]).get(paper.paper_id)
        merged = merge_paper(stored, paper)
        if paper.day:
            with self.registry.transaction() as conn:
                self.registry.add_day(conn, paper.paper_id, paper.day)
        if paper.paper_id in self._pending or self._needs_embedding(stored, merged):
            if stored is not None and paper.paper_id not in self._pending:
                report.updated += 1
            elif paper.paper_id not in self._pending:
                report.new += 1
            self._pending[paper.paper_id] = merged
            self._orders[paper.paper_id] = order
            self._pending_chunks[paper.paper_id] = self.chunker.chunk(merged)
            return
        report.unchanged += 1
        with self.registry.transaction() as conn:
            self.registry.save(conn, merged, self.embedder.model_id, None, feed_order=order)

    def _needs_embedding(self, stored: StoredPaper | None, paper: Paper) -> bool:
        return (
            stored is None
            or stored.content_hash != paper.content_hash
            or stored.embedder_id != self.embedder.model_id
            or stored.n_chunks == 0
        )

    def flush(self, report: IngestReport) -> None:
        if not self._pending:
            return
        chunks = [c for cs in self._pending_chunks.values() for c in cs]
        vectors = self._embed([c.embed_text for c in chunks])
        stale = self.store.ids_of_papers(list(self._pending)) - {c.chunk_id for c in chunks}
        self.store.delete(sorted(stale))
        self.store.upsert(
            [c.chunk_id for c in chunks],
            vectors,
            [c.text for c in chunks],
            [chunk_metadata(self._pending[c.paper_id], c.ord) for c in chunks],
        )
        with self.registry.transaction() as conn:
            for paper_id, paper in self._pending.items():
                texts = [c.text for c in self._pending_chunks[paper_id]]
                order = self._orders.get(paper_id, 0)
                self.registry.save(conn, paper, self.embedder.model_id, texts, feed_order=order)
            self.registry.bump_generation(conn)
        report.chunks_written += len(chunks)
        self._pending.clear()
        self._pending_chunks.clear()
        self._orders.clear()

    def _embed(self, texts: list[str]):  # -> np.ndarray
        import numpy as np

        # Batches of similar length waste less work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.embedder.dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            out[idx] = self.embedder.embed([texts[i] for i in idx])
        return out


def merge_paper(stored: StoredPaper | None, new: Paper) -> Paper:
    """The new sighting's fields win where it has them; the earliest feed day is kept."""
    if stored is None:
        return new
    old = stored.paper
    updates = {
        f.name: getattr(new, f.name)
        for f in dataclasses.fields(Paper)
        if getattr(new, f.name) not in (None, (), "")
    }
    merged = dataclasses.replace(old, **updates)
    days = [d for d in (*stored.days, new.day) if d]
    return dataclasses.replace(merged, day=min(days) if days else None)


def open_store(settings: Settings, embedder: Embedder) -> tuple[ChunkStore, Registry]:
    """The chunk store and registry for these settings."""
    settings.ensure_home()
    return ChunkStore(settings, embedder.model_id), Registry(settings.registry_path)

