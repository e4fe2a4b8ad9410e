"""The persisted lexical index (vectorstore/bm25_index.py, vectorstore/lexical.py): BM25 as
bm25s computes it, a base plus a delta of the papers changed since, filters, and the
invariant check that compares it with the registry."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
import pytest

from assistant.config import Settings
from assistant.ingest import ingest_sources
from assistant.models import Paper
from assistant.services import Services
from vectorstore import bm25_index, lexical
from vectorstore.bm25_index import Window
from vectorstore.invariants import check_store
from vectorstore.registry import Registry
from vectorstore.words import topic_words

PAPERS = [
    Paper("2501.00001", "Sparse Expert Routing for Speech Translation",
          "RouteST routes audio frames to two of sixteen experts. It improves BLEU on MuST-C.",
          day="2025-01-10", source="a.jsonl"),
    Paper("2501.00002", "Graph Networks for Protein Docking",
          "DockGNN predicts how a ligand binds to a protein pocket with an equivariant graph "
          "network.", day="2025-01-11", source="a.jsonl"),
    Paper("2501.00003", "Annealed Hamiltonian Folding of Peptide Chains",
          "QFoldNet folds peptide chains by annealing a learned Hamiltonian. Peptide chains of "
          "60 residues fold within two angstroms.", day="2025-02-01", source="b.jsonl"),
    Paper("2501.00004", "Long Video Question Answering with Memory",
          "A memory of video clips lets a language model answer questions about hour-long "
          "videos; the audio track is transcribed.", day=None, source="b.jsonl"),
]  # fmt: skip
DATA = Path(__file__).parent / "data"
QUESTION = "Which model routes audio to experts for speech translation?"


def save(registry: Registry, papers: list[Paper]) -> None:
    with registry.transaction() as conn:
        for paper in papers:
            sentences = [s.strip() + "." for s in paper.abstract.split(".") if s.strip()]
            registry.save(conn, paper, "fake", sentences)
        registry.bump_generation(conn)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    registry = Registry(tmp_path / "papers.sqlite3")
    save(registry, PAPERS)
    return registry


def bm25s_scores(registry: Registry, question: str) -> dict[str, float]:
    """What llama-index's BM25Retriever (bm25s) scored: the same texts, its own tokenizer."""
    rows = registry._db.execute(
        "SELECT c.chunk_id, p.title, c.text FROM chunks c JOIN papers p USING (paper_id) "
        "ORDER BY c.paper_id, c.ord"
    ).fetchall()
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    corpus = bm25s.tokenize([f"title: {t}\n\n{x}" for _, t, x in rows], stopwords="en",
                            stemmer=stemmer, show_progress=False)  # fmt: skip
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    query = bm25s.tokenize(question, stemmer=stemmer, show_progress=False)
    docs, scores = model.retrieve(query, k=len(rows), show_progress=False)
    return {rows[int(d)][0]: float(s) for d, s in zip(docs[0], scores[0], strict=True) if s > 0}


def test_tokens_are_bm25s_tokens() -> None:
    import Stemmer

    text = "The routers ROUTE audio frames, and experts' routing improves BLEU-4 on MuST-C."
    expected = bm25s.tokenize(text, stopwords="en", stemmer=Stemmer.Stemmer("english"),
                              return_ids=False, show_progress=False)[0]  # fmt: skip
    assert lexical.tokens(text) == expected


def test_a_store_without_a_base_scores_as_bm25s(registry: Registry, tmp_path: Path) -> None:
    index = registry.open_lexical(tmp_path / "lexical")
    assert index.base is None and len(index.delta) == registry.counts()["chunks"]
    ours = dict(index.search(QUESTION, 24, Window()))
    theirs = bm25s_scores(registry, QUESTION)
    assert ours.keys() == theirs.keys()
    assert np.allclose([ours[c] for c in theirs], list(theirs.values()), rtol=1e-5)


def test_a_base_scores_as_bm25s(registry: Registry, tmp_path: Path) -> None:
    bm25_index.build_base(registry._db, tmp_path / "lexical")
    index = registry.open_lexical(tmp_path / "lexical")
    assert index.base is not None and index.delta == []
    assert index.base.generation == registry.generation()
    ours = dict(index.search(QUESTION, 24, Window()))
    theirs = bm25s_scores(registry, QUESTION)
    assert ours.keys() == theirs.keys()
    assert np.allclose([ours[c] for c in theirs], list(theirs.values()), rtol=1e-5)


def test_changes_after_the_base_are_searched_and_replace_its_rows(
    registry: Registry, tmp_path: Path
) -> None:
    directory = tmp_path / "lexical"
    bm25_index.build_base(registry._db, directory)
    index = registry.open_lexical(directory)
    rewritten = Paper("2501.00001", "Dense Routing for Speech Recognition",
                      "A dense router for speech recognition lowers word error rates.",
                      day="2025-01-10", source="a.jsonl")  # fmt: skip
    added = Paper("2501.00005", "Tabular Experts", "Experts route table rows to solvers.",
                  day="2025-03-01", source="c.jsonl")  # fmt: skip
    save(registry, [rewritten, added])
    index = registry.refresh_lexical(index, directory)
    assert index.base is not None and index.base.generation == 1  # not rebuilt: a delta
    assert index.changed == {"2501.00001", "2501.00005"}
    hits = dict(index.search("sixteen experts MuST-C", 24, Window()))
    assert not any(c.startswith("2501.00001#") for c in hits)  # the old text is gone
    hits = dict(index.search("word error rates tabular solvers", 24, Window()))
    assert {c.rpartition("#")[0] for c in hits} == {"2501.00001", "2501.00005"}


def test_filters_select_days_and_sources_in_base_and_delta(
    registry: Registry, tmp_path: Path
) -> None:
    directory = tmp_path / "lexical"
    question = "peptide ligand protein audio video experts"
    for built in (False, True):
        if built:
            bm25_index.build_base(registry._db, directory)
        index = registry.open_lexical(directory)
        assert (index.base is not None) == built

        def papers(window: Window, index: bm25_index.LexicalIndex = index) -> set[str]:
            return {c.rpartition("#")[0] for c, _ in index.search(question, 24, window)}

        assert papers(Window()) == {p.paper_id for p in PAPERS}
        assert papers(Window(since=20250111)) == {"2501.00002", "2501.00003"}
        assert papers(Window(until=20250110)) == {"2501.00001", "2501.00004"}  # undated: day 0
        assert papers(Window(source="b.jsonl")) == {"2501.00003", "2501.00004"}
        assert papers(Window(since=20250111, source="b.jsonl")) == {"2501.00003"}
        assert papers(Window(source="nowhere")) == set()


def test_a_reader_far_behind_rebuilds_the_base(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bm25_index, "REBUILD_CHUNKS", 2)
    index = registry.open_lexical(tmp_path / "lexical")
    assert index.base is not None and index.delta == []
    assert index.base.generation == registry.generation()
    assert registry.settle_lexical(tmp_path / "lexical") is False  # nothing new since


def test_document_frequencies_count_papers_per_topic_word(registry: Registry) -> None:
    expected: Counter[str] = Counter()
    for paper in PAPERS:
        expected.update(topic_words(f"{paper.title} {paper.abstract}"))
    assert dict(registry.doc_freq()) == dict(expected)
    rewritten = Paper("2501.00002", "Graph Networks for Protein Design", "Designs proteins.",
                      day="2025-01-11", source="a.jsonl")  # fmt: skip
    save(registry, [rewritten])
    expected.subtract(topic_words(f"{PAPERS[1].title} {PAPERS[1].abstract}"))
    expected.update(topic_words(f"{rewritten.title} {rewritten.abstract}"))
    assert dict(registry.doc_freq()) == {w: n for w, n in expected.items() if n > 0}
    assert registry.paper_count() == 4


def lexical_violations(settings: Settings) -> list[str]:
    words = ("BM25", "word document")
    return [v for v in check_store(settings) if any(w in v for w in words)]


def test_check_store_finds_a_lexical_index_that_disagrees(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, embedder="fake")
    registry = Registry(settings.registry_path)
    save(registry, PAPERS)
    bm25_index.build_base(registry._db, settings.lexical_dir)
    assert lexical_violations(settings) == []
    with registry.transaction() as conn:
        conn.execute("UPDATE chunks SET terms = 'tamper' WHERE chunk_id = '2501.00002#0'")
        conn.execute("UPDATE word_df SET papers = papers + 1 WHERE word = 'peptid'")
        conn.execute("DELETE FROM chunks WHERE chunk_id = '2501.00003#1'")  # not logged
    found = lexical_violations(settings)
    assert any("2501.00002#0: stored BM25 terms" in v for v in found)
    assert any("word document frequencies" in v for v in found)
    assert any("paper 2501.00003: the BM25 base" in v for v in found)
    registry.close()


def test_questions_go_on_with_the_old_index_while_one_caller_reads_changes(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_sources(services, [str(DATA / "store_c1cb730.jsonl")])
    retriever = services.pipeline.retriever
    before = retriever.index()
    writer = Registry(services.settings.registry_path)  # another writer moves the generation
    save(writer, PAPERS[3:])
    writer.close()
    entered, release = threading.Event(), threading.Event()
    real_refresh = services.registry.refresh_lexical

    def slow_refresh(*args: Any) -> Any:
        entered.set()
        release.wait()
        return real_refresh(*args)

    monkeypatch.setattr(services.registry, "refresh_lexical", slow_refresh)
    reader = threading.Thread(target=retriever.index)
    reader.start()
    entered.wait()
    assert retriever.index() is before  # not blocked behind the reader
    query = "peptide chains folding"
    vector = services.embedder.embed([query])[0]
    assert [p.paper_id for p in retriever.retrieve(query, vector, 1)] == ["2501.00003"]
    release.set()
    reader.join()
    after = retriever.index()
    assert after is not before and after.generation == before.generation + 1
    assert after.n_papers == 4 and "2501.00004" in after.lexical.changed
