"""The paper registry: what is stored, read without vector search (SQLite, WAL).

It also keeps the lexical index's inputs current in the same transactions (vectorstore/lexical.py):
BM25 terms per chunk, word document frequencies and the change log.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import EmptyStoreError
from assistant.models import Paper
from vectorstore import bm25_index, lexical
from vectorstore.db import open_db

PAPER_COLUMNS = (
    "paper_id, title, abstract, authors, published, url, upvotes, github, organization, "
    "ai_summary, source, content_hash, embedder_id, n_chunks, first_seen, updated, feed_order"
)


@dataclass(frozen=True)
class StoredPaper:
    paper: Paper
    content_hash: str
    embedder_id: str
    n_chunks: int
    days: tuple[str, ...]


@dataclass(frozen=True)
class ChunkRow:
    chunk_id: str
    paper_id: str
    ord: int
    text: str


class Registry:
    """Papers, their chunk texts and feed days. One connection per instance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = open_db(path)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:
            yield self._db

    def get_many(self, paper_ids: Iterable[str]) -> dict[str, StoredPaper]:
        ids = list(paper_ids)
        found: dict[str, StoredPaper] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                f"SELECT {PAPER_COLUMNS} FROM papers WHERE paper_id IN ({marks})", batch
            ).fetchall()
            days = self._days_of(batch)
            found.update({r[0]: _stored(r, days.get(r[0], ())) for r in rows})
        return found

    def _days_of(self, paper_ids: list[str]) -> dict[str, tuple[str, ...]]:
        marks = ",".join("?" * len(paper_ids))
        rows = self._db.execute(
            f"SELECT paper_id, day FROM paper_days WHERE paper_id IN ({marks}) ORDER BY day",
            paper_ids,
        ).fetchall()
        days: dict[str, list[str]] = {}
        for paper_id, day in rows:
            days.setdefault(paper_id, []).append(day)
        return {k: tuple(v) for k, v in days.items()}

    def all_papers(self, day: str | None = None) -> list[StoredPaper]:
        if day is None:
            ids = [r[0] for r in self._db.execute("SELECT paper_id FROM papers ORDER BY rowid")]
        else:
            ids = [
                r[0]
                for r in self._db.execute(
                    "SELECT p.paper_id FROM papers p JOIN paper_days d USING (paper_id) "
                    "WHERE d.day = ? ORDER BY p.feed_order, p.rowid",
                    (day,),
                )
            ]
        stored = self.get_many(ids)
        return [stored[i] for i in ids if i in stored]

    def chunks(self) -> list[ChunkRow]:
        rows = self._db.execute(
            "SELECT chunk_id, paper_id, ord, text FROM chunks ORDER BY paper_id, ord"
        ).fetchall()
        return [ChunkRow(*r) for r in rows]

    def chunk_rows(self, chunk_ids: Iterable[str]) -> dict[str, ChunkRow]:
        ids = list(chunk_ids)
        found: dict[str, ChunkRow] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            rows = self._db.execute(
                "SELECT chunk_id, paper_id, ord, text FROM chunks "
                f"WHERE chunk_id IN ({','.join('?' * len(batch))})",
                batch,
            ).fetchall()
            found.update({r[0]: ChunkRow(*r) for r in rows})
        return found

    # --- the lexical index (vectorstore/bm25_index.py), read through this connection ---------

    def open_lexical(self, directory: Path) -> bm25_index.LexicalIndex:
        return bm25_index.open_index(self._db, directory)

    def refresh_lexical(
        self, index: bm25_index.LexicalIndex, directory: Path
    ) -> bm25_index.LexicalIndex:
        return bm25_index.refresh(index, self._db, directory)

    def settle_lexical(self, directory: Path) -> bool:
        """Rebuild the persisted BM25 base if the changes since it are too many to score as
        a delta (ingest calls this after its last flush). True when it rebuilt."""
        index = bm25_index.read_delta(self._db, bm25_index.load_base(directory))
        if not bm25_index.needs_rebuild(index):
            return False
        bm25_index.build_base(self._db, directory)
        return True

    def doc_freq(self) -> lexical.DocFreq:
        """Papers holding each topic word (abstention's IDF), read on demand."""
        return lexical.DocFreq(self._db)

    def paper_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM papers").fetchone()[0])

    def require_papers(self) -> None:
        """Fail with a clear message when nothing has been ingested yet."""
        if self.paper_count() == 0:
            raise EmptyStoreError(
                f"the store at {self.path.parent} is empty: run `feedqa ingest FEED` "
                "(or `feedqa ingest --builtin` for the demo feed) first"
            )

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT chunk_id FROM chunks")}

    def save(
        self,
        conn: sqlite3.Connection,
        paper: Paper,
        embedder_id: str,
        chunk_texts: list[str] | None,
        feed_order: int = 0,
    ) -> None:
        """Insert or update one paper; ``chunk_texts`` None keeps its chunks as they are."""
        now = time.time()
        old = conn.execute(
            "SELECT first_seen, n_chunks, title, abstract, source FROM papers WHERE paper_id = ?",
            (paper.paper_id,),
        ).fetchone()
        old_day = self._first_day(conn, paper.paper_id)
        first_seen = old[0] if old else now
        n_chunks = len(chunk_texts) if chunk_texts is not None else (old[1] if old else 0)
        conn.execute(
            f"INSERT OR REPLACE INTO papers ({PAPER_COLUMNS}) VALUES ({','.join('?' * 17)})",
            (
                *_paper_row(paper),
                paper.content_hash,
                embedder_id,
                n_chunks,
                first_seen,
                now,
                feed_order,
            ),
        )
        if paper.day:
            self.add_day(conn, paper.paper_id, paper.day)
        if chunk_texts is not None:
            self._replace_chunks(conn, paper, chunk_texts)
        self._count_words(conn, paper, old[2:4] if old else None)
        new_day = self._first_day(conn, paper.paper_id)
        moved = old is None or old[4] != paper.source or old_day != new_day
        if chunk_texts is not None or moved:
            lexical.mark_changed(conn, paper.paper_id)

    @staticmethod
    def _first_day(conn: sqlite3.Connection, paper_id: str) -> str | None:
        row = conn.execute("SELECT MIN(day) FROM paper_days WHERE paper_id = ?", (paper_id,))
        return row.fetchone()[0]

    @staticmethod
    def _count_words(conn: sqlite3.Connection, paper: Paper, old: tuple[str, str] | None) -> None:
        if old is not None and tuple(old) == (paper.title, paper.abstract):
            return
        if old is not None:
            lexical.count_words(conn, lexical.paper_words(*old), -1)
        lexical.count_words(conn, lexical.paper_words(paper.title, paper.abstract), +1)

    @staticmethod
    def add_day(conn: sqlite3.Connection, paper_id: str, day: str) -> None:
        conn.execute("INSERT OR IGNORE INTO paper_days VALUES (?, ?)", (paper_id, day))

    @staticmethod
    def _replace_chunks(conn: sqlite3.Connection, paper: Paper, texts: list[str]) -> None:
        from vectorstore.chunking import chunk_id  # (imports llama-index: writers only)

        pid = paper.paper_id
        conn.execute("DELETE FROM chunks WHERE paper_id = ?", (pid,))
        conn.executemany(
            "INSERT INTO chunks (chunk_id, paper_id, ord, text, terms) VALUES (?, ?, ?, ?, ?)",
            [
                (chunk_id(pid, i), pid, i, text, lexical.chunk_terms(paper.title, text))
                for i, text in enumerate(texts)
            ],
        )

    def bump_generation(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO meta VALUES ('generation', '1') ON CONFLICT(key) "
            "DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def generation(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def canary(self) -> str:
        """This store's prompt-leak marker: random, made on first use and kept, so the same
        question over the same store gets the same prompt, and so the same answer, in every
        process (a marker drawn per process made answers differ between runs)."""
        query = "SELECT value FROM meta WHERE key = 'canary'"
        if (row := self._db.execute(query).fetchone()) is not None:
            return str(row[0])  # read only, as every build after the first is
        with self._db:  # another process may make it first: its marker is kept
            self._db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('canary', ?)", (secrets.token_hex(4),)
            )
        return str(self._db.execute(query).fetchone()[0])

    def counts(self) -> dict[str, int]:
        papers = self._db.execute("SELECT COUNT(*) FROM papers").fetchone()[0]
        chunks = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return {"papers": int(papers), "chunks": int(chunks)}

    def stats(self) -> dict[str, object]:
        days = self._db.execute("SELECT MIN(day), MAX(day), COUNT(DISTINCT day) FROM paper_days")
        first, last, n_days = days.fetchone()
        sources = self._db.execute(
            "SELECT source, COUNT(*) FROM papers GROUP BY source ORDER BY source"
        ).fetchall()
        embedders = [r[0] for r in self._db.execute("SELECT DISTINCT embedder_id FROM papers")]
        return {
            **self.counts(),
            "days": int(n_days),
            "first_day": first,
            "last_day": last,
            "sources": {s: int(n) for s, n in sources},
            "embedders": embedders,
        }

    def days(self) -> list[str]:
        """Feed days that hold at least one stored paper, newest first."""
        rows = self._db.execute(
            "SELECT DISTINCT d.day FROM paper_days d JOIN papers p USING (paper_id) "
            "ORDER BY d.day DESC"
        )
        return [r[0] for r in rows]

    def has_undated(self) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM papers WHERE paper_id NOT IN (SELECT paper_id FROM paper_days) LIMIT 1"
        ).fetchone()
        return row is not None

    def newest_day(self) -> str | None:
        row = self._db.execute("SELECT MAX(day) FROM paper_days").fetchone()
        return row[0] if row else None


def _paper_row(p: Paper) -> tuple[object, ...]:
    return (
        p.paper_id,
        p.title,
        p.abstract,
        json.dumps(list(p.authors)),
        p.published,
        p.url,
        p.upvotes,
        p.github,
        p.organization,
        p.ai_summary,
        p.source,
    )


def _stored(row: tuple, days: tuple[str, ...]) -> StoredPaper:
    paper = Paper(
        paper_id=row[0],
        title=row[1],
        abstract=row[2],
        authors=tuple(json.loads(row[3])),
        published=row[4],
        url=row[5],
        upvotes=row[6],
        github=row[7],
        organization=row[8],
        ai_summary=row[9],
        source=row[10],
        day=days[0] if days else None,
    )
    return StoredPaper(
        paper, content_hash=row[11], embedder_id=row[12], n_chunks=row[13], days=days
    )
