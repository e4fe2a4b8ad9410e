"""evals.claims: the answer checker's confusion matrix on labelled model sentences."""

from __future__ import annotations

from evals.claims import check_records, confusion, precision_recall

TW = {
    "paper_id": "2505.24718",
    "title": "Reinforcing Video Reasoning with Focused Thinking",
    "abstract": "We propose TW-GRPO, a framework that enhances visual reasoning with focused "
    "thinking. Notably, TW-GRPO achieves 50.4% accuracy on CLEVRER (18.8% improvement over "
    "Video-R1) and 65.8% on MMVU.",
}


def record(sentence: str, label: str, n: int = 1) -> dict:
    return {"question": "What accuracy does TW-GRPO reach on CLEVRER?", "sentence": sentence,
            "sources": [{"n": n, "paper_id": TW["paper_id"], "title": TW["title"]}],
            "label": label}  # fmt: skip


def test_confusion_matrix_and_precision(minilm) -> None:
    records = [
        record("TW-GRPO achieves 50.4% accuracy on CLEVRER [1].", "SUPPORTED"),
        record("TW-GRPO achieves 65.8% accuracy on CLEVRER [1].", "WRONG"),
        record("NOT IN FEED", "DEGENERATE"),
        # Source numbers skip: [2] is the second place even when [1] was not shown.
        record("TW-GRPO achieves 50.4% accuracy on CLEVRER [2].", "SUPPORTED", n=2),
    ]
    results = check_records(records, {TW["paper_id"]: TW}, minilm)
    matrix = confusion(results)
    assert matrix["SUPPORTED"] == {"kept": 2, "dropped": 0}
    assert matrix["WRONG"] == {"kept": 0, "dropped": 1}
    assert matrix["DEGENERATE"] == {"kept": 0, "dropped": 1}
    assert precision_recall(matrix) == (1.0, 1.0)


def test_a_sentence_not_drawn_from_the_quotes_it_was_shown_is_dropped(minilm) -> None:
    shown = {"shown": [TW["abstract"].split(". ")[1]], "lead": []}
    records = [
        record("TW-GRPO achieves 50.4% accuracy on CLEVRER [1].", "SUPPORTED") | shown,
        record("TW-GRPO achieves 65.8% on CLEVRER [1].", "WRONG") | shown,
        record("TW-GRPO enhances visual reasoning with focused thinking [1].", "SUPPORTED") | shown,
    ]
    kept = [r.kept for r in check_records(records, {TW["paper_id"]: TW}, minilm)]
    assert kept == [True, False, False]  # the third is true, but not in the quote shown


def test_a_dropped_sentence_says_which_stage_dropped_it_and_why(minilm) -> None:
    shown = {"shown": [TW["abstract"].split(". ")[1]], "lead": []}
    records = [
        record("TW-GRPO achieves 50.4% accuracy on CLEVRER [1].", "SUPPORTED") | shown,
        record("We show that TW-GRPO achieves 50.4% accuracy on CLEVRER [1].", "SUPPORTED"),
        record("TW-GRPO achieves 65.8% on CLEVRER [1].", "WRONG") | shown,
        record("TW-GRPO achieves 65.8% accuracy on CLEVRER [1].", "WRONG"),
    ]
    why = [r.why or "" for r in check_records(records, {TW["paper_id"]: TW}, minilm)]
    assert why[0] == ""
    assert why[1].startswith("form: speaks in the authors' voice")
    assert why[2].startswith("faithful:") and "bound to other names" in why[2]
    assert why[3].startswith("verify:") and "65.8" in why[3]


def test_an_answer_from_another_sentence_than_the_lead_is_dropped_before_a_lead(minilm) -> None:
    # As in an answer: the lead holds the CLEVRER figure. A sentence answering with another
    # sentence's figure is dropped, unless an earlier sentence of the draft already led.
    nextqa = "On NExT-QA, TW-GRPO reaches 76.1% accuracy."
    paper = TW | {"abstract": f"{TW['abstract']} {nextqa}"}
    result = TW["abstract"].split(". ")[1]
    lead = {"lead": [result], "shown": [result, nextqa]}
    led = "TW-GRPO achieves 50.4% accuracy on CLEVRER [1]."
    other = "TW-GRPO reaches 76.1% accuracy on NExT-QA [1]."
    records = [
        record(led, "SUPPORTED") | lead,
        record(other, "WRONG") | lead,
        record(other, "WRONG") | lead | {"draft": f"{led} {other}", "position": 1},
    ]
    why = [r.why or "" for r in check_records(records, {TW["paper_id"]: paper}, minilm)]
    assert why == ["", "lead: answers from another sentence than the lead quote's span", ""]
