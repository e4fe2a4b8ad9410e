"""report.md's section on the answer checker: one confusion matrix per labelled claim set."""

from __future__ import annotations

from evals.report import _md_claims


def test_each_claim_set_gets_its_matrix_precision_and_recall() -> None:
    matrix = {"SUPPORTED": {"kept": 15, "dropped": 30}, "WRONG": {"kept": 2, "dropped": 30}}
    section = {"split": "test", "sets": {"claims_v2": {
        "n": 77, "matrix": matrix, "precision": 15 / 17, "recall": 1 / 3}}}  # fmt: skip
    text = _md_claims(section)
    assert "(test split)" in text and "`claims_v2.jsonl`: 77 sentences" in text
    assert "precision (kept that are SUPPORTED) 0.882" in text and "| WRONG | 2 | 30 |" in text


def test_no_labelled_set_means_no_section() -> None:
    assert _md_claims({"split": "dev", "sets": {}}) == ""
