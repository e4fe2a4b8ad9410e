"""The TL;DR checker's rules for lines a reader would not use (issue #14): a second sentence
behind a semicolon, a clause chain with a wrong verb form or a verbless second name, three
participle clauses counting ", designed for", a "Results show" opening, and a line that only
says what kind of thing the method is. Each rule has a near miss that passes."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_form, check_statement, check_tldr

TITLE = "GridTune: Holistic Relational Shot Boundary Detection with Query Transformers"
ABSTRACT = (
    "Shot Boundary Detection (SBD) splits a video into shots. We introduce GridTune, a "
    "relational detector that predicts shot ranges with a query transformer trained on "
    "synthetic transitions. GridTune routes shots and decomposes them into ranges. It is "
    "agnostic to the detector; we instantiate it with two query transformers. GridTune "
    "outperforms prior detectors on three benchmarks. A new benchmark, ShotBench, covers 500 "
    "videos. Results show that relations between shots help."
)
UNGRAMMATICAL = "ungrammatical"


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        # A second sentence behind a semicolon.
        (
            "GridTune is agnostic to the detector; we instantiate it with two query transformers.",
            "more than one sentence",
        ),
        # "is ..., routing ..., decomposes": a finite verb in a participle chain.
        (
            "GridTune is a relational detector for shot boundaries, routing shots, decomposes "
            "them into ranges, outperforming prior detectors.",
            UNGRAMMATICAL,
        ),
        # "..., predicting X and outperforms Y": a participle and a finite verb joined by "and".
        (
            "GridTune is a relational shot detector, predicting shot ranges with a query "
            "transformer and significantly outperforms prior detectors.",
            UNGRAMMATICAL,
        ),
        # "X is a ..., and Y, the ...": the second name has no verb.
        (
            "GridTune is a relational detector for shot boundaries, and ShotBench, a benchmark "
            "of 500 videos.",
            UNGRAMMATICAL,
        ),
    ],
)
def test_a_line_that_is_not_one_grammatical_sentence_fails(line: str, fault: str) -> None:
    assert any(fault in reason for reason in check_form(line, ABSTRACT)), check_form(line)


@pytest.mark.parametrize(
    "line",
    [
        # A semicolon before a noun, not before a new subject "we"/"it"/"they".
        "GridTune predicts shot ranges with a query transformer; ShotBench covers 500 videos.",
        # The participle clause sits between the subject and its verb.
        "GridTune, routing shots, decomposes them into ranges with a query transformer.",
        # The finite verbs after "showing that" are the that-clause's own, joined by "and".
        "ShotBench is a benchmark of 500 videos, showing that GridTune predicts shot ranges and "
        "outperforms prior detectors.",
        # "and Y, a ..." as the object of "introduce", not a second subject.
        "We introduce GridTune, a relational detector, and ShotBench, a benchmark of 500 videos.",
    ],
)
def test_near_misses_are_grammatical(line: str) -> None:
    assert not any(UNGRAMMATICAL in r or "more than one" in r for r in check_form(line, ABSTRACT))


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        # ", trained on" counts as a participle clause: three stitched onto one subject.
        (
            "GridTune is a relational shot detector, trained on synthetic transitions, "
            "predicting shot ranges, outperforming prior detectors.",
            "participle clauses",
        ),
        # The evaluation's verdict as the line's point.
        (
            "Results show GridTune outperforms prior detectors on three benchmarks.",
            "Results show",
        ),
        # What kind of thing it is, and nothing about what it does or is for.
        ("GridTune is a relational, transformer-based detection model.", "kind of thing"),
    ],
)
def test_a_line_a_reader_would_not_use_fails(line: str, fault: str) -> None:
    found = check_tldr(line, TITLE, ABSTRACT)
    assert any(fault in reason for reason in found), found


@pytest.mark.parametrize(
    "line",
    [
        # "trained on" without a comma belongs to the noun: two clauses only.
        "GridTune is a relational shot detector trained on synthetic transitions, predicting "
        "shot ranges, outperforming prior detectors.",
        # The result with the method as the subject.
        "GridTune outperforms prior detectors on three shot boundary detection benchmarks.",
        # The kind of thing and what it is for (in words of its own: the title's words alone
        # would echo the title).
        "GridTune is a relational detection model for splitting videos into shots.",
    ],
)
def test_near_misses_pass_the_statement_rules(line: str) -> None:
    assert check_statement(line, TITLE, ABSTRACT) == []


def test_a_hyphenated_compound_said_twice_repeats_a_phrase() -> None:
    line = "GridTune is a shot-aware detector that predicts shot ranges for shot-aware transitions."
    assert "repeats a phrase" in check_form(line, ABSTRACT)
    # A term the abstract itself says twice may be said twice.
    abstract = f"{ABSTRACT} A shot-aware detector learns shot-aware transitions."
    assert "repeats a phrase" not in check_form(line, abstract)
