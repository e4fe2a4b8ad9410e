"""The lexical side of the registry: BM25 terms of each chunk, word document frequencies for
abstention, and the change log the persisted BM25 index (vectorstore/bm25_index.py) reads.

Everything here is written inside the registry's own transactions, so after a SIGKILL it is
exactly as current as the registry. Terms are tokenized as llama-index's BM25Retriever (bm25s)
did: lower-cased ``\\w\\w+`` words, English stop words removed, Snowball stems, over the chunk
as the embedder reads it ("title: ..." line, then the passage).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from vectorstore.words import topic_words

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s's default token pattern


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    """BM25 terms of a text, in order (repeats kept: they are term frequencies)."""
    stop = _stopwords()
    words = [w for w in _TOKEN.findall(text.lower()) if w not in stop]
    return list(_stemmer().stemWords(words)) if words else []


def chunk_terms(title: str, text: str) -> str:
    """A chunk's BM25 terms, space-separated, as stored in ``chunks.terms``."""
    return " ".join(tokens(f"title: {title}\n\n{text}"))


def paper_words(title: str, abstract: str) -> set[str]:
    """The topic words abstention weighs by their document frequency."""
    return topic_words(f"{title} {abstract}")


def count_words(conn: sqlite3.Connection, words: Iterable[str], delta: int) -> None:
    """Add ``delta`` (+1 or -1) papers to each word's document frequency."""
    conn.executemany(
        "INSERT INTO word_df VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET papers = papers + ?",
        [(w, delta, delta) for w in sorted(words)],
    )
    if delta < 0:
        conn.execute("DELETE FROM word_df WHERE papers <= 0")


def mark_changed(conn: sqlite3.Connection, paper_id: str) -> None:
    """Log that the paper's chunks, source or first day changed in the generation this
    transaction commits (the caller bumps it): a BM25 index built earlier must not use its rows."""
    conn.execute(
        "INSERT INTO lexical_changes VALUES (?, (SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) "
        "+ 1 FROM meta WHERE key = 'generation')) ON CONFLICT(paper_id) DO UPDATE SET gen = "
        "excluded.gen",
        (paper_id,),
    )


def fill(conn: sqlite3.Connection) -> None:
    """Terms, document frequencies and change marks for every stored paper (a migration)."""
    papers = conn.execute("SELECT paper_id, title, abstract FROM papers").fetchall()
    df: dict[str, int] = {}
    for paper_id, title, abstract in papers:
        rows = conn.execute("SELECT chunk_id, text FROM chunks WHERE paper_id = ?", (paper_id,))
        conn.executemany(
            "UPDATE chunks SET terms = ? WHERE chunk_id = ?",
            [(chunk_terms(title, text), cid) for cid, text in rows.fetchall()],
        )
        for word in paper_words(title, abstract):
            df[word] = df.get(word, 0) + 1
        mark_changed(conn, paper_id)
    conn.execute("DELETE FROM word_df")
    conn.executemany("INSERT INTO word_df VALUES (?, ?)", sorted(df.items()))


class DocFreq(Mapping[str, int]):
    """Papers holding each topic word, looked up in ``word_df`` one word at a time."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __getitem__(self, word: str) -> int:
        row = self._conn.execute("SELECT papers FROM word_df WHERE word = ?", (word,)).fetchone()
        if row is None:
            raise KeyError(word)
        return int(row[0])

    def __iter__(self) -> Iterator[str]:
        return (r[0] for r in self._conn.execute("SELECT word FROM word_df ORDER BY word"))

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM word_df").fetchone()[0])


def recount_words(conn: sqlite3.Connection) -> dict[str, int]:
    """Document frequencies recomputed from the papers (for the invariant check)."""
    df: dict[str, int] = {}
    for title, abstract in conn.execute("SELECT title, abstract FROM papers"):
        for word in paper_words(title, abstract):
            df[word] = df.get(word, 0) + 1
    return df
