"""Checker kinds from the round-13 blind read: a line that announces parts or findings it never
gives, a contribution that lost its name, and a result verb cut from its object by a comma."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_tldr
from assistant.summaries.edits import edit_problems
from assistant.summaries.titles import title_line

TITLE = "Pipeline: An Example"
ABSTRACT = "We study things."


@pytest.mark.parametrize(
    "line",
    [
        "We propose an agentic pipeline with two components.",
        "We identify two design axes, and controlled studies along them yield three findings.",
        "We present, a data-free framework that aligns video outputs with constraints.",
        "SeedPolicy is a diffusion policy, outperforming, on the RoboTwin benchmark, DP.",
        "CLIPO is a method, improving, in experiments, multiple RLVR baselines.",
        "SeedPolicy is a diffusion policy, outperforming, on RoboTwin, DP and ACT.",
    ],
)
def test_the_checker_rejects_announced_unnamed_and_interrupted_lines(line: str) -> None:
    reasons = check_tldr(line, TITLE, ABSTRACT + " " + line)
    assert any(r.startswith(("announces", "garbled")) for r in reasons), reasons


@pytest.mark.parametrize(
    "line",
    [
        "We present, to our knowledge, the first systematic study of Thai end-of-turn detection.",
        "Our update improves accuracy across architectures, achieving, for instance, a 4.3% gain.",
        "Pipeline is a framework with two components, a planner and a critic, for web agents.",
        # a list's item that ends in "-ing" ("flow matching") is no verb cut from its object
        "Pipeline is a family of objectives that unifies flow matching, Shortcut Model, and "
        "MeanFlow under one formulation.",
    ],
)
def test_near_misses_keep_their_verdict_on_these_kinds(line: str) -> None:
    reasons = check_tldr(line, TITLE, ABSTRACT + " " + line)
    assert not any(
        r.startswith(("announces", "garbled: what", "garbled: a result")) for r in reasons
    )


def test_an_edit_that_takes_away_what_a_number_counts_is_rejected() -> None:
    line = "MA-EgoQA is a benchmark providing 1.7k questions unique to multiple egocentric streams."
    draft = "MA-EgoQA is a benchmark providing 1.7k unique to multiple egocentric streams."
    assert any("1.7k" in r for r in edit_problems(draft, line, "MA-EgoQA: QA", line))


def test_a_title_that_makes_a_claim_gives_no_provides_line() -> None:
    title = "CLIPO: Contrastive Learning in Policy Optimization Generalizes RLVR"
    assert title_line(title, "CLIPO is a method.", "CLIPO") is None


@pytest.mark.parametrize(
    "line",
    [
        "VLA-0 is not only effective, outperforming more involved models.",
        "DarkForest. is a controlled-communication coordination framework for multi-agent LLMs.",
        "We propose Envision-a causal event progression benchmark for text-to-image generation.",
    ],
)
def test_round_14_garbles_are_rejected(line: str) -> None:
    reasons = check_tldr(line, TITLE, ABSTRACT + " " + line)
    assert any(r.startswith("garbled") for r in reasons), reasons


def test_a_name_that_ends_its_sentence_loses_the_period() -> None:
    from assistant.summaries.naming import labelled

    rest = "a controlled-communication coordination framework named DarkForest."
    assert labelled(rest, rest, "DarkForest") == (
        "DarkForest is a controlled-communication coordination framework"
    )
