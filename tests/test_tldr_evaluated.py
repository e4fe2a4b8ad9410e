"""Result clauses a TL;DR line gained in rules39 (issue 14, recall of the feed's summary): the
method's sized variant as the subject of a result (kept with its size, whose numbers they are),
and what "we" evaluated and found ("we evaluate X, finding that Z"; "we evaluate X on Y,
demonstrating improvements in Z"). The wording of every case is our own."""

from __future__ import annotations

import pytest

from assistant.summaries.clauses import result_clause
from assistant.summaries.compress import compress
from assistant.summaries.findings import best_model_clauses, evaluated_clauses
from assistant.summaries.heads import Head
from assistant.summaries.lines import with_best


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


def test_gains_said_as_an_adjective() -> None:
    sentence = (
        "We validate Quill on ledgers and receipts, demonstrating improved cell accuracy and "
        "faster parsing."
    )
    assert evaluated_clauses(sentence) == [
        "demonstrating improved cell accuracy and faster parsing"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Even the best model in our evaluation, Orca-Vision, scores only 31.5% on the "
            "hardest split, and most models fall below 10%.",
            [
                "with even the best model, Orca-Vision, scoring only 31.5% on the hardest split",
                "with even the best model scoring only 31.5% on the hardest split",
            ],
        ),
        (
            "We test 14 agents, with the top-performing agent (Heron-2) reaching a 58.2% pass "
            "rate.",
            [
                "with the top-performing agent (Heron-2) reaching a 58.2% pass rate",
                "with the top-performing agent reaching a 58.2% pass rate",
            ],
        ),
        (
            "Our results show that even the strongest models achieve below 20% exact match.",
            ["with even the strongest models achieving below 20% exact match"],
        ),
    ],
)
def test_best_model_clauses(sentence: str, expected: list[str]) -> None:
    assert best_model_clauses(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Our best 7B model reaches 41.2% on the suite.",  # the method's own result
        "The best model is chosen by validation accuracy.",
    ],
)
def test_no_best_model_clause(sentence: str) -> None:
    assert best_model_clauses(sentence) == []


_BENCH_ABSTRACT = (
    "Agents are rarely tested on archival research. "
    "We introduce Ledgerbench, a benchmark of 120 archival lookup tasks over scanned ledgers. "
    "Even the best model in our evaluation, Orca-Vision, achieves only 22.5% accuracy."
)


def test_benchmark_line_gains_how_far_the_best_model_gets() -> None:
    built = compress("Ledgerbench: Archival Lookup for Agents", _BENCH_ABSTRACT)
    assert built is not None
    assert built.text.endswith("Orca-Vision, achieving only 22.5% accuracy.")


def test_method_line_does_not_take_the_best_model_result() -> None:
    abstract = _BENCH_ABSTRACT.replace(
        "Ledgerbench, a benchmark of 120 archival lookup tasks over scanned ledgers",
        "Ledgerbench, a retrieval agent that reads scanned ledgers and cites the entries it uses",
    )
    built = compress("Ledgerbench: Archival Lookup for Agents", abstract)
    assert built is not None
    assert "Orca-Vision" not in built.text


@pytest.mark.parametrize(
    ("head", "joined"),
    [
        ("Ledgerbench is a benchmark of 120 archival lookup tasks.", True),
        ("Ledgerbench provides a suite of archival lookup tasks.", True),
        ("Ledgerbench is a reader trained on the dataset of scanned ledgers.", False),
        ("Ledgerbench trains a reader on the dataset of scanned ledgers.", False),
    ],
)
def test_best_result_joins_only_a_benchmark_head(head: str, joined: bool) -> None:
    best = ([("s", "with the best model achieving 9%")], [])
    found = with_best(Head("h", head), ([], []), best)
    assert (found[0] == best[0]) is joined
