"""The one door to the store's SQLite database (papers.sqlite3 under FEEDQA_HOME).

Every connection opens here. A writable open brings the schema up to date by running, in
order, the migrations after the file's ``PRAGMA user_version``, each in its own transaction
with the version bump (so a crash mid-migration leaves the previous version, and the step is
simply run again). Add a schema change as a new function at the end of MIGRATIONS; never edit
one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from assistant.errors import FeedqaError

Migration = Callable[[sqlite3.Connection], None]


class SchemaError(FeedqaError):
    pass


def _v1_initial(conn: sqlite3.Connection) -> None:
    """The schema of release c1cb730 (tables created IF NOT EXISTS by registry and cache)."""
    for statement in (
        """CREATE TABLE IF NOT EXISTS papers (
            paper_id TEXT PRIMARY KEY, title TEXT NOT NULL, abstract TEXT NOT NULL,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT, url TEXT, upvotes INTEGER, github TEXT, organization TEXT,
            ai_summary TEXT, source TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL,
            embedder_id TEXT NOT NULL, n_chunks INTEGER NOT NULL, first_seen REAL NOT NULL,
            updated REAL NOT NULL, feed_order INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE IF NOT EXISTS paper_days (
            paper_id TEXT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (paper_id, day))""",
        "CREATE INDEX IF NOT EXISTS paper_days_day ON paper_days(day)",
        """CREATE TABLE IF NOT EXISTS chunks (
            chunk_id TEXT PRIMARY KEY, paper_id TEXT NOT NULL, ord INTEGER NOT NULL,
            text TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS chunks_paper ON chunks(paper_id)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS tldrs (
            paper_id TEXT NOT NULL, content_hash TEXT NOT NULL, model TEXT NOT NULL,
            prompt_version TEXT NOT NULL, tldr TEXT NOT NULL, kind TEXT NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]', created REAL NOT NULL,
            PRIMARY KEY (paper_id, content_hash, model, prompt_version))""",
    ):
        conn.execute(statement)


def _v2_lexical(conn: sqlite3.Connection) -> None:
    """BM25 terms per chunk, word document frequencies, and the lexical change log (#15)."""
    from vectorstore import lexical

    conn.execute("ALTER TABLE chunks ADD COLUMN terms TEXT NOT NULL DEFAULT ''")
    conn.execute(
        "CREATE TABLE word_df (word TEXT PRIMARY KEY, papers INTEGER NOT NULL) WITHOUT ROWID"
    )
    conn.execute("CREATE TABLE lexical_changes (paper_id TEXT PRIMARY KEY, gen INTEGER NOT NULL)")
    conn.execute("CREATE INDEX lexical_changes_gen ON lexical_changes(gen)")
    lexical.fill(conn)


MIGRATIONS: tuple[Migration, ...] = (_v1_initial, _v2_lexical)
SCHEMA_VERSION = len(MIGRATIONS)


def open_db(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store's database; writable opens are migrated first.

    A read-only open never creates or migrates the file: callers that only inspect it (the
    invariant check) see the schema version it has (``schema_version``)."""
    if readonly:
        return sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=30.0, check_same_thread=False
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    migrate(conn)
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Run the migrations this file lacks; another process migrating at once waits its turn."""
    if schema_version(conn) == SCHEMA_VERSION:
        return
    for number, step in enumerate(MIGRATIONS, start=1):
        conn.execute("BEGIN IMMEDIATE")  # the write lock: one migrator at a time
        try:
            current = schema_version(conn)
            if current > SCHEMA_VERSION:
                raise SchemaError(
                    f"the store's schema is version {current}, newer than this release "
                    f"({SCHEMA_VERSION}): upgrade feedqa"
                )
            if current < number:
                step(conn)
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
