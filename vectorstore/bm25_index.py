"""The persisted BM25 index: a bm25s index saved under FEEDQA_HOME/lexical and memory-mapped,
plus a small "delta" of the papers changed since it was built, scored from the registry.

Why bm25s + delta (measured at 105k papers, 9.6k archive x 11, see README "Lexical index"):
SQLite FTS5 with ``bm25()`` would update in the registry's transaction, but ranking a question
scores every matching row: p50 150-260 ms at 105k chunks, against 0.8 ms for bm25s loaded
with ``mmap=True`` (17 ms to load, about 100 MB resident). bm25s cannot add documents, so:

* the **base** is built from one consistent read of the registry and records the registry
  generation it saw; it is written to a new directory and published by atomically replacing
  ``CURRENT``, so readers never see half an index and a crash leaves the previous one;
* the **delta** is every paper the registry's change log (``lexical_changes``, written in the
  same transaction as the paper) marks as changed after that generation. Its chunks are read
  with their stored terms and scored with the same BM25 (Lucene variant, k1=1.5, b=0.75, as
  bm25s), with statistics of base + delta; the base's rows of those papers are masked out;
* when the delta grows past ``REBUILD_CHUNKS`` the base is rebuilt (by ingest after its last
  flush, or by the first reader that finds it so far behind).

Nothing is ever ahead of the registry: the base is a snapshot of it, and the delta is read
from it. A cold process maps the base's arrays and reads only the delta's rows.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.days import day_number
from vectorstore.lexical import tokens

K1, B = 1.5, 0.75  # bm25s defaults (method "lucene")
REBUILD_CHUNKS = 1000  # delta size that triggers a rebuild (or 2% of the base, if larger)
REBUILD_SHARE = 0.02
CURRENT = "CURRENT"
LAST_DAY = 99_999_999  # a day number after every real one


@dataclass(frozen=True)
class Window:
    """Filters as the index sees them: an inclusive range of day numbers (YYYYMMDD, 0 =
    undated; open by default, so undated chunks pass unless ``since`` is set) and a source."""

    since: int = 0
    until: int = LAST_DAY
    source: str | None = None


@dataclass
class Base:
    """A loaded base: bm25s scores (memory-mapped) and per-row chunk id, paper, day, source."""

    name: str  # its directory under FEEDQA_HOME/lexical
    generation: int
    bm25: Any
    chunk_ids: np.ndarray
    paper_ids: np.ndarray  # sorted: rows are ordered by paper, then chunk ordinal
    days: np.ndarray
    sources: np.ndarray  # index into source_names
    source_names: list[str]
    total_len: int

    @property
    def n_docs(self) -> int:
        return len(self.chunk_ids)

    def doc_freq(self, term: str) -> int:
        tid = self.bm25.vocab_dict.get(term) if self.bm25 is not None else None
        if tid is None:
            return 0
        indptr = self.bm25.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])


@dataclass
class DeltaChunk:
    chunk_id: str
    paper_id: str
    terms: Counter[str]
    length: int
    day: int
    source: str


@dataclass
class LexicalIndex:
    """What a reader searches: the base (if any) and the delta on top of it."""

    generation: int  # the registry generation the delta was read at
    base: Base | None
    delta: list[DeltaChunk] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)  # papers whose base rows are stale

    def search(self, question: str, k: int, window: Window) -> list[tuple[str, float]]:
        """(chunk_id, BM25 score > 0), best first, within the window."""
        terms = tokens(question)
        if not terms:
            return []
        hits = self._search_base(terms, k, window) + self._search_delta(terms, window)
        hits.sort(key=lambda h: -h[1])
        return hits[:k]

    def _search_base(self, terms: list[str], k: int, window: Window) -> list[tuple[str, float]]:
        base = self.base
        if base is None or base.n_docs == 0:
            return []
        ids = [base.bm25.vocab_dict[t] for t in terms if t in base.bm25.vocab_dict]
        if not ids:
            return []
        scores = base.bm25.get_scores_from_ids(ids) * self._mask(base, window)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        return [(str(base.chunk_ids[i]), float(scores[i])) for i in top if scores[i] > 0]

    def _mask(self, base: Base, window: Window) -> np.ndarray:
        mask = np.ones(base.n_docs, dtype=np.float32)
        for paper_id in self.changed:
            lo = int(np.searchsorted(base.paper_ids, paper_id, side="left"))
            hi = int(np.searchsorted(base.paper_ids, paper_id, side="right"))
            mask[lo:hi] = 0.0
        mask *= (base.days >= window.since) & (base.days <= window.until)
        if window.source:
            names = base.source_names
            mask *= base.sources == (names.index(window.source) if window.source in names else -1)
        return mask

    def _search_delta(self, terms: list[str], window: Window) -> list[tuple[str, float]]:
        if not self.delta:
            return []
        base_n = self.base.n_docs if self.base else 0
        n_docs = base_n + len(self.delta)
        total = (self.base.total_len if self.base else 0) + sum(d.length for d in self.delta)
        avg_len = total / n_docs if n_docs else 1.0
        idf = {t: self._idf(t, n_docs) for t in set(terms)}
        hits = []
        for chunk in self.delta:
            if not _in_window(chunk, window):
                continue
            norm = K1 * (1 - B + B * chunk.length / avg_len)
            score = sum(
                idf[t] * chunk.terms[t] / (chunk.terms[t] + norm) for t in terms if t in chunk.terms
            )
            if score > 0:
                hits.append((chunk.chunk_id, score))
        return hits

    def _idf(self, term: str, n_docs: int) -> float:
        df = sum(1 for d in self.delta if term in d.terms)
        df += self.base.doc_freq(term) if self.base else 0
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def _in_window(chunk: DeltaChunk, window: Window) -> bool:
    in_days = window.since <= chunk.day <= window.until
    return in_days and (not window.source or chunk.source == window.source)


# --- reading the registry ------------------------------------------------------------------------

_CHUNK_ROWS = (
    "SELECT c.chunk_id, c.paper_id, c.terms, p.source, "
    "(SELECT COALESCE(MIN(day), '') FROM paper_days d WHERE d.paper_id = c.paper_id) "
    "FROM chunks c JOIN papers p USING (paper_id)"
)


def _generation(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


def read_delta(conn: sqlite3.Connection, base: Base | None) -> LexicalIndex:
    """The papers changed after the base's generation, read in one snapshot."""
    since = base.generation if base else -1
    with _snapshot(conn):
        generation = _generation(conn)
        changed = {
            r[0]
            for r in conn.execute("SELECT paper_id FROM lexical_changes WHERE gen > ?", (since,))
        }
        rows = conn.execute(
            f"{_CHUNK_ROWS} WHERE c.paper_id IN (SELECT paper_id FROM lexical_changes "
            "WHERE gen > ?) ORDER BY c.paper_id, c.ord",
            (since,),
        ).fetchall()
    delta = [
        DeltaChunk(cid, pid, Counter(terms.split()), len(terms.split()), day_number(day), src)
        for cid, pid, terms, src, day in rows
    ]
    return LexicalIndex(generation, base, delta, changed)


class _snapshot:
    """One read transaction: every SELECT inside sees the same committed state (WAL)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN")
            self._began = True
        else:
            self._began = False

    def __exit__(self, *exc: object) -> None:
        if self._began:
            self._conn.execute("COMMIT")


def needs_rebuild(index: LexicalIndex) -> bool:
    base_n = index.base.n_docs if index.base else 0
    return len(index.delta) > max(REBUILD_CHUNKS, REBUILD_SHARE * base_n)


# --- building and loading the base ---------------------------------------------------------------


def build_base(conn: sqlite3.Connection, directory: Path) -> Path:
    """Index every chunk the registry holds now; publish it as the current base."""
    import bm25s

    with _snapshot(conn):
        generation = _generation(conn)
        rows = conn.execute(f"{_CHUNK_ROWS} ORDER BY c.paper_id, c.ord").fetchall()
    vocab: dict[str, int] = {}
    corpus = [
        [vocab.setdefault(t, len(vocab)) for t in terms.split()] for _, _, terms, _, _ in rows
    ]
    directory.mkdir(parents=True, exist_ok=True)
    target = Path(tempfile.mkdtemp(prefix=f"g{generation}-", dir=directory))
    if rows:
        bm25 = bm25s.BM25(k1=K1, b=B)
        bm25.index((corpus, vocab), create_empty_token=False, show_progress=False)
        bm25.save(str(target / "bm25"))
    sources = sorted({r[3] for r in rows})
    codes = {s: i for i, s in enumerate(sources)}
    np.save(target / "chunk_ids.npy", np.array([r[0] for r in rows], dtype=str))
    np.save(target / "paper_ids.npy", np.array([r[1] for r in rows], dtype=str))
    np.save(target / "days.npy", np.array([day_number(r[4]) for r in rows], dtype=np.int32))
    np.save(target / "sources.npy", np.array([codes[r[3]] for r in rows], dtype=np.int16))
    manifest = {
        "generation": generation,
        "sources": sources,
        "total_len": sum(len(d) for d in corpus),
    }
    (target / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    _publish(directory, target)
    return target


def _publish(directory: Path, target: Path) -> None:
    """Point CURRENT at ``target`` atomically, then drop the older bases (mapped files stay
    readable by processes that hold them open)."""
    tmp = directory / f".{CURRENT}.{os.getpid()}"
    tmp.write_text(target.name, encoding="utf-8")
    os.replace(tmp, directory / CURRENT)
    for old in directory.iterdir():
        if old.is_dir() and old.name != target.name:
            shutil.rmtree(old, ignore_errors=True)


def current_name(directory: Path) -> str | None:
    try:
        return (directory / CURRENT).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def load_base(directory: Path) -> Base | None:
    """The published base, memory-mapped; None when none has been built yet."""
    import bm25s

    name = current_name(directory)
    if name is None or not (directory / name / "manifest.json").exists():
        return None
    path = directory / name
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    chunk_ids = np.load(path / "chunk_ids.npy", mmap_mode="r")
    bm25 = bm25s.BM25.load(str(path / "bm25"), mmap=True) if len(chunk_ids) else None
    return Base(
        name=name,
        generation=int(manifest["generation"]),
        bm25=bm25,
        chunk_ids=chunk_ids,
        paper_ids=np.load(path / "paper_ids.npy", mmap_mode="r"),
        days=np.load(path / "days.npy", mmap_mode="r"),
        sources=np.load(path / "sources.npy", mmap_mode="r"),
        source_names=list(manifest["sources"]),
        total_len=int(manifest["total_len"]),
    )


def open_index(conn: sqlite3.Connection, directory: Path) -> LexicalIndex:
    """The base plus its delta; the base is rebuilt first when the delta has grown too big."""
    index = read_delta(conn, load_base(directory))
    if needs_rebuild(index):
        build_base(conn, directory)
        index = read_delta(conn, load_base(directory))
    return index


def refresh(index: LexicalIndex, conn: sqlite3.Connection, directory: Path) -> LexicalIndex:
    """The index for the registry's state now: the same base (or a newer one another process
    published) with the delta read again. Never rebuilds the base itself unless far behind."""
    base = index.base
    name = current_name(directory)
    if name is not None and (base is None or name != base.name):
        return open_index(conn, directory)
    fresh = read_delta(conn, base)
    return open_index(conn, directory) if needs_rebuild(fresh) else fresh
