"""Ingest: parsed papers -> chunks -> vectors in Chroma, recorded in the registry.

Order of writes makes a crash harmless: vectors go to Chroma first (stale chunks deleted,
new ones upserted under deterministic ids), and only then does the registry record the
paper's content hash and feed days, in one transaction. A paper whose record is missing or
stale, or whose chunks Chroma does not hold exactly, is simply redone. A paper seen again
unchanged is not re-embedded; if its earliest day or source moved, Chroma's chunk metadata
is updated first, then the registry.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from assistant.config import Settings
from assistant.models import Paper
from vectorstore.chunking import Chunk, Chunker, chunk_id, parse_chunk_id
from vectorstore.embeddings import Embedder
from vectorstore.nodes import chunk_metadata
from vectorstore.registry import Registry, StoredPaper
from vectorstore.store import ChunkStore

if TYPE_CHECKING:
    from assistant.services import Services

FLUSH_CHUNKS = 128  # chunks embedded per flush: large enough to keep ONNX busy


@dataclass
class IngestReport:
    sources: int = 0
    parsed: int = 0
    skipped: int = 0
    truncated: int = 0  # items cut to the item size limit (FEEDQA_MAX_ITEM_CHARS)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    chunks_written: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


Progress = Callable[[int], None]


@dataclass(frozen=True)
class IngestEvent:
    """What ingest reports as it goes: papers parsed ("papers", ``count``) or a source that
    failed ("error", ``message``; the other sources go on)."""

    kind: Literal["papers", "error"]
    count: int = 0
    message: str = ""


OnEvent = Callable[[IngestEvent], None]


def ingest_sources(
    services: Services, specs: list[str], on_event: OnEvent | None = None
) -> IngestReport:
    """Ingest every source (files, directories, URLs, hf:DATE); a failing source is recorded
    in the report and reported as an "error" event, and the others go on. Callers hold the
    write lock (assistant.locking). The persisted BM25 index is rebuilt at the end if the
    papers changed since it was built are too many to score as a delta."""
    emit = on_event or (lambda event: None)
    started, report = time.perf_counter(), IngestReport()
    settings = services.settings
    ingestor = Ingestor(
        services.embedder, services.store, services.registry, settings.embed_batch_size
    )
    for spec in specs:
        _ingest_spec(ingestor, spec, settings, report, emit)
    ingestor.flush(report)
    services.registry.settle_lexical(settings.lexical_dir)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _ingest_spec(
    ingestor: Ingestor, spec: str, settings: Settings, report: IngestReport, emit: OnEvent
) -> None:
    from assistant.errors import FeedError
    from assistant.feeds import load_source

    def progress(n: int) -> None:
        emit(IngestEvent("papers", count=n))

    try:
        for result in load_source(spec, settings, hf_base_url=settings.hf_base_url):
            if isinstance(result, FeedError):
                _failed(report, str(result), emit)
                continue
            report.sources += 1
            report.skipped += result.skipped
            report.truncated += result.truncated
            ingestor.add(result.papers, report, progress)
    except FeedError as exc:
        _failed(report, str(exc), emit)


def _failed(report: IngestReport, message: str, emit: OnEvent) -> None:
    report.errors.append(message)
    emit(IngestEvent("error", message=message))


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
        self._pending_days: dict[str, set[str]] = {}
        self._orders: dict[str, int] = {}
        # Chunk ids per paper as Chroma has them, read once when first needed: the registry
        # alone cannot tell that Chroma lost writes or was replaced (another server, rm -r).
        self._in_chroma: dict[str, set[str]] | None = None

    def add(self, papers: Iterable[Paper], report: IngestReport, progress: Progress | None) -> None:
        for order, paper in enumerate(papers):
            report.parsed += 1
            self._route(paper, order, report)
            if sum(len(c) for c in self._pending_chunks.values()) >= FLUSH_CHUNKS:
                self.flush(report)
            if progress:
                progress(1)

    def _route(self, paper: Paper, order: int, report: IngestReport) -> None:
        pid = paper.paper_id
        stored = self.registry.get_many([pid]).get(pid)
        pending = self._pending.get(pid)
        days = {*(stored.days if stored else ()), *self._pending_days.get(pid, ())}
        base = pending or (stored.paper if stored else None)
        merged = merge_sighting(base, days, paper)
        if pending is None and not self._needs_embedding(stored, merged):
            assert stored is not None
            report.unchanged += 1
            self._save_unchanged(stored, merged, paper.day, order)
            return
        if pending is None and stored is None:
            report.new += 1
        elif pending is None:
            report.updated += 1
        self._pending[pid] = merged
        self._pending_days.setdefault(pid, set()).update([paper.day] if paper.day else [])
        self._orders[pid] = order
        if pending is None or pending.content_hash != merged.content_hash:
            self._pending_chunks[pid] = self.chunker.chunk(merged)

    def _needs_embedding(self, stored: StoredPaper | None, paper: Paper) -> bool:
        if (
            stored is None
            or stored.content_hash != paper.content_hash
            or stored.embedder_id != self.embedder.model_id
            or stored.n_chunks == 0
        ):
            return True
        expected = {chunk_id(paper.paper_id, i) for i in range(stored.n_chunks)}
        return self._chunks_in_chroma(paper.paper_id) != expected

    def _chunks_in_chroma(self, paper_id: str) -> set[str]:
        if self._in_chroma is None:
            self._in_chroma = {}
            for cid in self.store.all_ids():
                self._in_chroma.setdefault(parse_chunk_id(cid)[0], set()).add(cid)
        return self._in_chroma.get(paper_id, set())

    def _save_unchanged(
        self, stored: StoredPaper, paper: Paper, day: str | None, order: int
    ) -> None:
        """Record a new sighting; Chroma's metadata first, so a crash is redone next time."""
        moved = chunk_metadata(paper, 0) != chunk_metadata(stored.paper, 0)  # day or source
        if moved:
            ids = [chunk_id(paper.paper_id, i) for i in range(stored.n_chunks)]
            metadatas = [chunk_metadata(paper, i) for i in range(stored.n_chunks)]
            self.store.update_metadata(ids, metadatas)
        with self.registry.transaction() as conn:
            self.registry.save(conn, paper, self.embedder.model_id, None, feed_order=order)
            if day:
                self.registry.add_day(conn, paper.paper_id, day)
            if moved:
                self.registry.bump_generation(conn)  # readers rebuild their filters

    def flush(self, report: IngestReport) -> None:
        if not self._pending:
            return
        chunks = [c for cs in self._pending_chunks.values() for c in cs]
        vectors = self._embed([c.embed_text for c in chunks])
        # Delete every old chunk first, even ones about to be written again: Chroma's HNSW
        # update-in-place leaves some re-written vectors unreachable by search.
        self.store.delete(sorted(self.store.ids_of_papers(list(self._pending))))
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
                for day in sorted(self._pending_days.get(paper_id, ())):
                    self.registry.add_day(conn, paper_id, day)
            self.registry.bump_generation(conn)
        if self._in_chroma is not None:
            for paper_id, paper_chunks in self._pending_chunks.items():
                self._in_chroma[paper_id] = {c.chunk_id for c in paper_chunks}
        report.chunks_written += len(chunks)
        self._pending.clear()
        self._pending_chunks.clear()
        self._pending_days.clear()
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


def merge_sighting(old: Paper | None, days: Iterable[str], new: Paper) -> Paper:
    """``new`` over ``old`` field by field; ``day`` is the earliest of ``days`` and new.day."""
    merged = new
    if old is not None:
        updates = {
            f.name: getattr(new, f.name)
            for f in dataclasses.fields(Paper)
            if getattr(new, f.name) not in (None, (), "")
        }
        merged = dataclasses.replace(old, **updates)
    known = {d for d in (*days, new.day, old.day if old else None) if d}
    return dataclasses.replace(merged, day=min(known) if known else None)
