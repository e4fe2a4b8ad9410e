"""Kinds of unusable TL;DR line the blind reads of rounds 12-14 found passing the checker (issue
#14, precision): closing praise, a finding credited to a method, a switch to the authors' "we",
a "combining" of one thing, the title as a main clause with an aside hung on it, a count or
"such" on a noun the line never says, and a list cut where the abstract's goes on. Each with
the near misses that must still pass."""

from __future__ import annotations

import pytest

from assistant.summaries.asides import aside_faults, voice_switch
from assistant.summaries.checker import check_tldr

TITLE = "GridTune: Holistic Relational Shot Boundary Detection with Query Transformers"
ABSTRACT = (
    "Shot Boundary Detection (SBD) splits a video into shots. We propose GridTune, a relational "
    "detector for shot boundaries. GridTune encodes each frame into a latent grid and ranks them "
    "with a query transformer. GridTune combines a frame encoder with a shot ranker. GridTune "
    "integrates frame sampling, grid encoding, shot ranking, and transition synthesis. We "
    "separate detection from ranking and train the two stages jointly. Existing detectors "
    "either cut or fade; we bridge the two kinds. GridTune surpasses TransNet by 4.1% F1 on "
    "ShotBench, revealing that fades cause most errors. GridTune provides a rigorous testbed "
    "for shot detection and highlights the potential of relational reasoning for video."
)


def reasons(line: str) -> list[str]:
    return check_tldr(line, TITLE, ABSTRACT)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (
            "GridTune is a relational shot detector, providing a rigorous testbed for shot "
            "detection.",
            "closing praise",
        ),
        (
            "GridTune highlights the potential of relational reasoning for video shot detection.",
            "closing praise",
        ),
        (
            "GridTune is a relational detection model for shot boundaries, revealing that fades "
            "cause most errors.",
            "a finding credited to the method",
        ),
        (
            "GridTune is a relational detector that ranks frames with a query transformer, "
            "surpassing TransNet by 4.1% F1 on ShotBench, as we show.",
            "switches to the authors'",
        ),
        (
            "GridTune is a relational shot detector, combining a frame encoder, surpassing "
            "TransNet by 4.1% F1 on ShotBench.",
            'cut off: "combining" one thing',
        ),
        (
            "GridTune provides holistic relational shot boundary detection, revealing that fades "
            "cause most errors.",
            "echoes the title",
        ),
        (
            "GridTune is a relational shot detector that trains the two stages jointly, "
            "surpassing TransNet by 4.1% F1.",
            "refers to something it does not say",
        ),
        (
            "GridTune is a relational shot detector that beats such baselines, which only cut "
            "or fade, by 4.1% F1.",
            "refers to something it does not say",
        ),
        (
            "GridTune is a relational shot detector that ranks frames with a query transformer, "
            "containing a dedicated pipeline.",
            "ends on an empty clause",
        ),
        (
            "GridTune is a relational shot detector that ranks frames with a query transformer, "
            "allowing the model.",
            "ends on an empty clause",
        ),
        (
            "We further introduce a synthetic transition generator that renders cuts and fades.",
            "a second contribution",
        ),
        (
            "GridTune is a relational shot detector that integrates frame sampling, grid encoding.",
            "cut off: the abstract's list goes on",
        ),
    ],
)
def test_rejects_kind(line: str, fault: str) -> None:
    assert any(reason.startswith(fault) for reason in reasons(line)), reasons(line)


@pytest.mark.parametrize(
    "line",
    [
        # A benchmark reveals findings; a method's result after the title clause is kept.
        "GridTune provides holistic relational shot boundary detection, surpassing TransNet by "
        "4.1% F1 on ShotBench.",
        # "combining A with B" names both things.
        "GridTune is a relational shot detector, combining a frame encoder with a shot ranker, "
        "surpassing TransNet by 4.1% F1.",
        # The authors' voice from the start.
        "We propose GridTune, a relational shot detector that ranks frames with a query "
        "transformer, surpassing TransNet by 4.1% F1.",
        # A count the line says what it counts of.
        "GridTune is a relational shot detector that bridges the two kinds of transitions, "
        "surpassing TransNet by 4.1% F1.",
        # "We also" on a finding stays with the secondary-finding rule; the main "We propose".
        "We propose GridTune, a relational shot detector that also ranks frames with a query "
        "transformer.",
        # A last clause whose kind word is said with what it does.
        "GridTune is a relational shot detector that ranks frames with a query transformer, "
        "trained via a progressive synthetic pipeline.",
        # The whole list, with its "and".
        "GridTune is a relational shot detector that integrates frame sampling, grid encoding, "
        "shot ranking, and transition synthesis.",
    ],
)
def test_keeps_near_miss(line: str) -> None:
    assert reasons(line) == []


def test_voice_switch_allows_our_own_and_opening_voice() -> None:
    assert not voice_switch("Magistral, a model and our own RL pipeline, shows that RL helps.")
    assert not voice_switch("Building on our earlier work on VLAI, we examine severity.")
    assert not voice_switch("X wins on metrics including VBench and our proposed AniEval.")
    assert voice_switch("MA-EgoQA is a benchmark that evaluates models in our scenario.")


def test_aside_faults_empty_for_plain_line() -> None:
    assert aside_faults("GridTune ranks frames with a query transformer.") == []


def test_list_cut_keeps_adjectives_and_examples() -> None:
    """A comma between an article's adjectives, or before "such as", is not a list cut where
    the abstract's list goes on."""
    abstract = (
        "CHARM introduces a compact, invertible control-point parameterization, a decoder, "
        "and a renderer. It helps analysts focus on segments, such as conservatives, liberals, "
        "and centrists."
    )
    title = "CHARM: Control-Point Hair Modeling"
    adjectives = "CHARM is a hair modeling framework introducing a compact, invertible "
    adjectives += "control-point parameterization."
    examples = "CHARM is a hair modeling framework that helps analysts focus on segments, such "
    examples += "as conservatives."
    cut = "CHARM is a hair modeling framework introducing a compact, invertible control-point "
    cut += "parameterization, a decoder."
    assert not any(r.startswith("cut off") for r in check_tldr(adjectives, title, abstract))
    assert not any(r.startswith("cut off") for r in check_tldr(examples, title, abstract))
    assert any(
        r.startswith("cut off: the abstract's list") for r in check_tldr(cut, title, abstract)
    )


def test_benchmark_for_evaluating_the_title_echoes_it() -> None:
    title = "ClawArena: Benchmarking AI Agents in Evolving Information Environments"
    abstract = (
        "We present ClawArena, a benchmark of 120 tasks in which AI agents act in evolving "
        "information environments. The best agent solves 41% of the tasks."
    )
    echo = "ClawArena is a benchmark for evaluating AI agents in evolving information environments."
    fuller = "ClawArena is a benchmark of 120 tasks in evolving information environments, where "
    fuller += "the best AI agent solves 41%."
    assert "echoes the title: say what the method does or finds" in check_tldr(
        echo, title, abstract
    )
    assert check_tldr(fuller, title, abstract) == []
