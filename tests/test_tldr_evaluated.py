"""Result clauses a TL;DR line gained in rules39 (issue 14, recall of the feed's summary): the
method's sized variant as the subject of a result (kept with its size, whose numbers they are),
and what "we" evaluated and found ("we evaluate X, finding that Z"; "we evaluate X on Y,
demonstrating improvements in Z"). The wording of every case is our own."""

from __future__ import annotations

import pytest

from assistant.summaries.clauses import result_clause
from assistant.summaries.compress import compress
from assistant.summaries.findings import evaluated_clauses


def test_sized_variant_keeps_its_size() -> None:
    sentence = "Despite its size, Quill-2B beats Larch-9B by 4.1 points on TabQA."
    assert (
        result_clause(sentence, "Quill") == "with Quill-2B beating Larch-9B by 4.1 points on TabQA"
    )


def test_name_without_size_is_unchanged() -> None:
    sentence = "Quill beats Larch-9B by 4.1 points on TabQA."
    assert result_clause(sentence, "Quill") == "beating Larch-9B by 4.1 points on TabQA"


def test_a_longer_name_is_not_a_size() -> None:
    assert result_clause("Quill-Pro beats Larch-9B on TabQA.", "Quill") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Using the suite, we evaluate twelve open code agents, revealing that current agents "
            "ignore failing unit tests, e.g., one agent skips 40% of them.",
            [
                "evaluating twelve open code agents and revealing that current agents ignore "
                "failing unit tests",
                "revealing that current agents ignore failing unit tests",
            ],
        ),
        (  # "most" needs what was evaluated: never said alone
            "We benchmark nine speech models, finding that most mishear tonal contrasts.",
            ["benchmarking nine speech models and finding that most mishear tonal contrasts"],
        ),
        (
            "We evaluate Quill on scanned ledgers, demonstrating gains in cell accuracy over "
            "earlier parsers.",
            ["demonstrating gains in cell accuracy over earlier parsers"],
        ),
    ],
)
def test_evaluated_clauses(sentence: str, expected: list[str]) -> None:
    assert evaluated_clauses(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # about the method: the line would name it twice
        "We evaluate Quill on four tasks, showing that Quill halves parsing errors.",
        "We evaluate our parser on four tasks, showing that our parser halves parsing errors.",
        # what the authors found on their own, not from an evaluation
        "We find that larger models mishear tonal contrasts less often.",
        # gains across what was evaluated say nothing of what improved
        "We evaluate Quill on scanned ledgers, demonstrating improvements across all datasets.",
    ],
)
def test_no_evaluated_clause(sentence: str) -> None:
    assert evaluated_clauses(sentence, ("Quill",)) == []


def test_built_line_gains_the_evaluation_result() -> None:
    abstract = (
        "Parsing scanned ledgers remains hard for document models. "
        "We introduce Quill, a layout-aware parser that reads scanned ledgers into tables. "
        "We evaluate Quill on ledgers from three archives, demonstrating gains in cell "
        "accuracy over earlier parsers."
    )
    built = compress("Quill: Reading Scanned Ledgers", abstract)
    assert built is not None
    assert built.text.endswith("demonstrating gains in cell accuracy over earlier parsers.")
