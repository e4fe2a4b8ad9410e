"""The TL;DR evaluation's pure parts: content-word recall, the data sets, labels, metrics."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from assistant.models import Paper
from assistant.summaries.cache import Tldr
from assistant.summaries.checker import check_tldr
from evals.datasets import DATASETS_DIR
from evals.tldr_eval import (
    Label,
    content_recall,
    load_labels,
    load_tldr_set,
    tldr_rows,
    tldr_summary,
)

REFERENCE = "Duo improves uniform-state diffusion models by transferring Gaussian techniques."


def test_content_recall_counts_the_reference_words_the_tldr_contains() -> None:
    assert content_recall(REFERENCE, REFERENCE) == 1.0
    assert content_recall("", REFERENCE) == 0.0
    assert content_recall("anything", "the of and") == 0.0  # no content words at all
    # duo, improve, uniform-state, diffusion, model, transferring, gaussian, technique: 3 of 8
    assert content_recall("The Duo diffusion model.", REFERENCE) == 3 / 8


def test_the_tldr_set_keeps_tuning_and_test_days_apart() -> None:
    dev, test = load_tldr_set(DATASETS_DIR, "dev"), load_tldr_set(DATASETS_DIR, "test")
    assert len(test) >= 150 and len(dev) >= 60
    assert {p.day for p in dev}.isdisjoint({p.day for p in test})
    assert all(p.ai_summary and p.abstract and p.title for p in dev + test)
    ids = [p.paper_id for p in dev + test]
    assert len(ids) == len(set(ids))
    # Beside the two splits: the blind reads of rounds 2-11, 13-48, labelled round 12 (own days)
    rounds = [p for p in load_tldr_set(DATASETS_DIR, "all") if p not in dev + test]
    assert {p.day for p in rounds}.isdisjoint({p.day for p in dev + test})
    assert len(rounds) == 1897


def test_labels_are_read_from_abstracts_of_the_set_and_carry_reasons() -> None:
    labels = load_labels(DATASETS_DIR)
    assert len(labels) >= 100
    known = {p.paper_id for p in load_tldr_set(DATASETS_DIR, "all")}
    assert all(label.paper_id in known and label.reason.strip() for label in labels.values())
    usable = Counter(label.usable for label in labels.values())
    assert usable[True] and usable[False]  # both kinds were seen
    for label in labels.values():  # usable means faithful, informative >= 3 and fluent
        assert label.usable == (label.faithful and label.informative >= 3 and label.fluent)


def test_metrics_use_labels_only_for_the_exact_line(tmp_path: Path) -> None:
    abstract = "Duo transfers Gaussian diffusion techniques to uniform-state diffusion models."
    paper = Paper("2501.1", "Duo: The Diffusion Duality", abstract, ai_summary=REFERENCE)
    lines = iter(["Duo transfers Gaussian diffusion techniques to uniform-state models.",
                  "Duo: the duality"])  # fmt: skip

    def write(p: Paper) -> Tldr:
        return Tldr(p.paper_id, p.content_hash, next(lines), "model", "m", "v")

    rows = tldr_rows([paper, paper], write, check_tldr)
    assert rows[0]["reasons"] == [] and rows[1]["reasons"]
    label = Label("2501.1", rows[0]["tldr"], True, True, 4, True, "names Duo and the transfer")
    metrics = tldr_summary(rows, {("2501.1", rows[0]["tldr"]): label})
    assert metrics["tldr.labelled"] == 1 and metrics["tldr.usable_rate"] == 1.0
    assert metrics["tldr.pass_rate"] == 0.5 and metrics["tldr.extractive_rate"] == 0.0
    assert metrics["tldr.recall"] == (rows[0]["recall"] + rows[1]["recall"]) / 2
    (tmp_path / "tldr_labels.jsonl").write_text(json.dumps({
        "paper_id": "x", "tldr": "a  b", "usable": False, "faithful": True, "informative": 2,
        "fluent": True, "reason": "vague"}) + "\n")  # fmt: skip
    assert ("x", "a b") in load_labels(tmp_path)


def test_the_eval_writes_model_tldrs_for_the_split_and_reports_them() -> None:
    from helpers import tldr_input

    from assistant.llm.fake import FakeLLM
    from evals.report import _md_tldr
    from evals.runner import tldr_metrics

    llm = FakeLLM(lambda messages: " ".join(tldr_input(messages).split()[:20]))
    result = tldr_metrics(llm, 3, "test")
    metrics = result["metrics"]
    assert result["papers"] == 3 and result["split"] == "test" and result["llm_calls"] >= 3
    test_days = {p.day for p in load_tldr_set(DATASETS_DIR, "test")}
    assert all(row["day"] in test_days for row in result["tldrs"])
    assert 0 < metrics["tldr.recall"] <= 1 and metrics["tldr.seconds_per_paper"] >= 0
    assert metrics["tldr.extractive_rate"] is not None
    text = _md_tldr({"tldr": result})
    assert "content-word recall of ai_summary" in text and "s per paper" in text


# The judged fields every stored label carries (judging.md); only usable and split vary here.
LABEL = {"faithful": True, "informative": 4, "fluent": True, "reason": "read"}


def test_checker_precision_counts_the_usable_share_of_the_lines_it_passes(tmp_path: Path) -> None:
    from evals.tldr_eval import TLDR_LABELS, TLDR_SET, checker_precision

    paper = {"paper_id": "p1", "title": "T", "abstract": "A", "ai_summary": "S", "day": "d"}
    (tmp_path / TLDR_SET).write_text(json.dumps({**paper, "split": "test"}) + "\n")
    labels = [("good line", True, "test"), ("bad line", False, "test"), ("x", True, "dev")]
    (tmp_path / TLDR_LABELS).write_text(
        "".join(
            json.dumps({**LABEL, "paper_id": "p1", "tldr": t, "usable": u, "split": s}) + "\n"
            for t, u, s in labels
        )
    )
    passes_all = checker_precision(tmp_path, lambda t, ti, a: [], "test")
    assert passes_all["tldr.checker_precision"] == 0.5
    assert passes_all["tldr.checker_recall"] == 1.0
    rejects_bad = checker_precision(tmp_path, lambda t, ti, a: ["no"] * ("bad" in t), "test")
    assert rejects_bad == {
        "tldr.checker_labelled": 2,
        "tldr.checker_passed": 1,
        "tldr.checker_precision": 1.0,
        "tldr.checker_recall": 1.0,
    }
