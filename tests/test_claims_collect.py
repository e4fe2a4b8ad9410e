"""The claim-set collection's pure parts: sentence records, the draft cache, the question file."""

from __future__ import annotations

import json
from pathlib import Path

from evals.claims_collect import Draft, answerable_questions, load_cache, sentence_records
from evals.datasets import Question


def _question() -> Question:
    return Question(id="c-999", dataset="claim_questions", feed="hf_api_2025-07-01",
                    kind="single_fact", question="What is X called?", gold_titles=("X",),
                    gold_ids=("2501.00001",), key_facts=(), forbidden=(),
                    split="test")  # fmt: skip


def _draft(text: str) -> Draft:
    sources = [{"n": 1, "paper_id": "2501.00001", "title": "X"},
               {"n": 3, "paper_id": "2501.00003", "title": "Z"}]  # fmt: skip
    return Draft(_question(), ["2501.00001"], text, sources, {}, "", False, 1.0, "m", "abc")


def test_each_sentence_is_a_record_with_its_markers_mapped_to_the_shown_sources() -> None:
    records = sentence_records(_draft("X is called Foo [1]. It beats Bar [3][2]. Bar bar bar"))
    assert [r["sentence"] for r in records] == ["X is called Foo [1].", "It beats Bar [3][2].",
                                                "Bar bar bar"]  # fmt: skip
    assert [r["cited"] for r in records] == [["2501.00001"], ["2501.00003"], []]
    assert [r["position"] for r in records] == [0, 1, 2]
    assert records[0]["split"] == "test" and records[0]["commit"] == "abc"


def test_an_empty_draft_gives_no_records() -> None:
    assert sentence_records(_draft("")) == []


def test_the_cache_skips_a_line_cut_off_by_a_killed_run(tmp_path: Path) -> None:
    cache = tmp_path / "drafts.jsonl"
    cache.write_text(json.dumps({"question_id": "c-001", "text": "a"}) + '\n{"question_id": "c-0',
                     encoding="utf-8")  # fmt: skip
    assert list(load_cache(cache)) == ["c-001"]


def test_claim_questions_keep_one_split_per_paper() -> None:
    questions = answerable_questions("c-")
    assert len(questions) >= 100
    splits: dict[str, set[str]] = {}
    for q in questions:
        splits.setdefault(q.gold_ids[0], set()).add(q.split)
    assert all(len(s) == 1 for s in splits.values())
