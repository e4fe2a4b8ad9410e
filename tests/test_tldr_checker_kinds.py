"""Kinds of unusable TL;DR line the checker rejects by their structure (issue #14, precision):
a verb pair half turned into a participle, an end on an abbreviation, a list cut before its
last item, a comparison with a pronoun for its baseline, a means instead of the contribution,
the authors' belief, a line that only says the work was evaluated, a relation cut out of "X is
built on a Y", and a method's result credited to a benchmark. Each with the near misses that
must still pass."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_form, check_statement, check_tldr

TITLE = "GridTune: Holistic Relational Shot Boundary Detection with Query Transformers"
ABSTRACT = (
    "Shot Boundary Detection (SBD) splits a video into shots. We think that relations between "
    "shots matter. We propose GridTune, a relational detector for shot boundaries. GridTune "
    "encodes each frame into a latent grid and ranks them with a query transformer. GridTune "
    "is built on a pretrained video transformer. GridTune combines a frame encoder, a shot "
    "ranker, and a transition synthesizer. To train it, we design a synthetic transition "
    "generator that renders cuts and fades. We also introduce ShotBench, a benchmark of 500 "
    "videos for shot boundary detection. GridTune is evaluated against five detectors on three "
    "benchmarks. Compared with TransNet and AutoShot, GridTune surpasses them by 4.1% and 2.3%, "
    "improving F1 w.r.t. prior work."
)


def reasons(line: str) -> list[str]:
    return check_tldr(line, TITLE, ABSTRACT)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        # The abstract's "encodes ... and ranks" with only the first verb made a participle.
        (
            "GridTune is a relational shot detector, encoding each frame into a latent grid and "
            "ranks them with a query transformer.",
            "ungrammatical",
        ),
        # An abbreviation that needs what follows it; its full stop ends no sentence.
        ("GridTune is a relational shot detector, improving F1 w.r.t.", "cut off"),
        ("GridTune is a relational shot detector for boundaries, e.g.", "cut off"),
        # A comparison whose baseline the line never names.
        (
            "GridTune is a relational shot detector, surpassing, on three benchmarks, them by "
            "4.1% and 2.3%.",
            "refers to something",
        ),
    ],
)
def test_a_line_that_is_not_one_finished_sentence_fails(line: str, fault: str) -> None:
    found = check_form(line, ABSTRACT)
    assert any(fault in r for r in found), found
    assert any(fault in r for r in reasons(line)), reasons(line)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        # The line stops on an item of a list the abstract goes on with.
        ("GridTune combines a frame encoder, a shot ranker.", "list goes on"),
        # How the authors built a part, while the abstract proposes something else.
        (
            "We design a synthetic transition generator that renders cuts and fades.",
            "a means",
        ),
        # The authors' belief, not what they did.
        ("We think that relations between shots matter for shot boundary detection.", "belief"),
        # Only that the work was evaluated.
        ("GridTune is evaluated against five detectors on three benchmarks.", "evaluated"),
        # "is built on a" cut to "is a": the method becomes what it is built on.
        ("GridTune is a pretrained video transformer for shot boundary detection.", "built on"),
        # A benchmark credited with what a method shows.
        (
            "ShotBench is a benchmark of 500 videos for shot boundary detection, demonstrating "
            "strong generalization across detectors.",
            "credited to a benchmark",
        ),
        # "firstly" is "first": the first step of a procedure.
        (
            "GridTune is a relational shot detector trained on synthetic transitions, firstly "
            "splitting a video into shots.",
            "first step",
        ),
    ],
)
def test_a_line_that_is_not_the_papers_point_fails(line: str, fault: str) -> None:
    found = check_statement(line, TITLE, ABSTRACT)
    assert any(fault in r for r in found), found
    assert any(fault in r for r in reasons(line)), reasons(line)


@pytest.mark.parametrize(
    "line",
    [
        # Both verbs of the pair as participles; a noun pair after "and".
        "GridTune is a relational shot detector, encoding each frame into a latent grid and "
        "ranking them with a query transformer.",
        "GridTune is a relational shot detector, improving F1 across detectors and benchmarks.",
        # A comparison with named baselines, and a pronoun that is no comparison's baseline.
        "GridTune surpasses TransNet and AutoShot, matching them on three benchmarks.",
        "GridTune encodes each frame into a latent grid and ranks them with a query transformer.",
    ],
)
def test_near_misses_are_finished_sentences(line: str) -> None:
    assert check_form(line, ABSTRACT) == []


@pytest.mark.parametrize(
    "line",
    [
        # The whole list, or a list the abstract does not go on with.
        "GridTune combines a frame encoder, a shot ranker, and a transition synthesizer.",
        "GridTune is a relational detector for shot boundaries, ranking frames with a query "
        "transformer.",
        # The contribution itself, in the authors' voice.
        "We propose GridTune, a relational detector for shot boundaries.",
        # A position paper's thesis is what it argues.
        "We argue that relations between shots matter for shot boundary detection.",
        # Evaluated as a side clause; what the method is.
        "GridTune, evaluated against five detectors, ranks shots with a query transformer.",
        "GridTune is a relational detector for shot boundaries.",
        # A benchmark's own finding, and a result whose subject follows "showing that".
        "ShotBench is a benchmark of 500 videos for shot boundary detection, revealing "
        "performance gaps between detectors.",
        "ShotBench is a benchmark of 500 videos for shot boundary detection, showing that "
        "GridTune improves accuracy.",
    ],
)
def test_near_misses_pass_the_statement_rules(line: str) -> None:
    assert check_statement(line, TITLE, ABSTRACT) == []


def test_a_means_passes_when_the_abstract_proposes_nothing_else() -> None:
    abstract = "To train detectors, we design a synthetic transition generator that renders cuts."
    line = "We design a synthetic transition generator that renders cuts and fades."
    assert not any("a means" in r for r in check_statement(line, "T", abstract))
