"""The one door to SQLite (vectorstore/db.py): a store written by release c1cb730 is migrated
in place, and the lexical index built on it agrees with the registry.

tests/data/store_c1cb730.sqlite3 was written by c1cb730's own code (`git archive c1cb730`),
fake embedder: ingest of tests/data/store_c1cb730.jsonl (3 papers), then one TL;DR put in its
cache, then a WAL checkpoint."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from assistant.summaries.cache import TldrCache
from vectorstore import bm25_index, lexical
from vectorstore.db import SCHEMA_VERSION, SchemaError, open_db, schema_version
from vectorstore.registry import Registry

DATA = Path(__file__).parent / "data"
IDS = ["2501.00001", "2501.00002", "2501.00003"]


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    path = tmp_path / "papers.sqlite3"
    shutil.copy(DATA / "store_c1cb730.sqlite3", path)
    return path


def test_the_fixture_is_an_unversioned_c1cb730_store(old_store: Path) -> None:
    db = sqlite3.connect(old_store)
    try:
        assert schema_version(db) == 0
        columns = [r[1] for r in db.execute("PRAGMA table_info(chunks)")]
        assert columns == ["chunk_id", "paper_id", "ord", "text"]
    finally:
        db.close()


def test_an_old_store_is_migrated_in_place_and_keeps_its_data(old_store: Path) -> None:
    registry = Registry(old_store)
    try:
        assert [s.paper.paper_id for s in registry.all_papers()] == IDS
        assert registry.counts() == {"papers": 3, "chunks": 3}
        assert registry.generation() == 1
        assert registry.days() == ["2025-01-12", "2025-01-11", "2025-01-10"]
    finally:
        registry.close()
    db = open_db(old_store, readonly=True)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        for title, text, terms in db.execute(
            "SELECT p.title, c.text, c.terms FROM chunks c JOIN papers p USING (paper_id)"
        ):
            assert terms and terms == lexical.chunk_terms(title, text)
        assert dict(db.execute("SELECT word, papers FROM word_df")) == lexical.recount_words(db)
        assert {r[0] for r in db.execute("SELECT paper_id FROM lexical_changes")} == set(IDS)
    finally:
        db.close()


def test_the_tldr_cache_of_an_old_store_is_still_read(old_store: Path) -> None:
    registry = Registry(old_store)
    stored = registry.get_many(["2501.00001"])["2501.00001"]
    registry.close()
    with TldrCache(old_store) as cache:
        tldr = cache.get("2501.00001", stored.content_hash, "fake", "v1")
    assert tldr is not None and tldr.reasons == ("fixture",) and "RouteST" in tldr.tldr


def test_lexical_search_works_on_a_migrated_store(old_store: Path, tmp_path: Path) -> None:
    registry = Registry(old_store)
    try:
        index = registry.open_lexical(tmp_path / "lexical")
        hits = index.search("Which network predicts ligand binding to a protein pocket?", 24,
                            bm25_index.Window())  # fmt: skip
        assert hits[0][0] == "2501.00002#0"
        assert registry.doc_freq()["peptid"] == 1  # topic words are stemmed
    finally:
        registry.close()


def test_migrating_twice_changes_nothing(old_store: Path) -> None:
    open_db(old_store).close()
    first = old_store.read_bytes()
    open_db(old_store).close()
    db = open_db(old_store)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        assert db.execute("SELECT COUNT(*) FROM lexical_changes").fetchone()[0] == 3
    finally:
        db.close()
    assert len(old_store.read_bytes()) == len(first)


def test_a_store_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "papers.sqlite3"
    open_db(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(SchemaError, match="newer than this release"):
        open_db(path)
