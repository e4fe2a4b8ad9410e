"""A counted group a line points at without naming it (assistant.summaries.announced): round 18's
"addresses all three dimensions" said which three only in an earlier sentence. The line takes
the items the abstract lists after the same count and noun, or the line builder drops it."""

from __future__ import annotations

import pytest

from assistant.summaries.announced import unnamed_group, with_group_named
from assistant.summaries.compress import compress


@pytest.mark.parametrize(
    "line",
    [
        "X is a world model that addresses all three dimensions within a unified framework.",
        "X unifies both fine-tuning paradigms through entropy-aware weighting.",
        "X is a suite with 15 recent methods from both tasks.",
        "X combines the two axes of efficiency inside a single Recursive Transformer.",
    ],
)
def test_a_counted_group_the_line_does_not_name(line: str) -> None:
    assert unnamed_group(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "X achieves superior performance on both objects and scenes.",
        "X provides both a rigorous benchmark and a diagnostic tool.",
        "X improves agents under both from-scratch and continuous RL training setups.",
        "X addresses all three dimensions (state, action, and reward).",
        "X sets a new state of the art on three challenging datasets.",
    ],
)
def test_a_named_or_uncounted_group_is_fine(line: str) -> None:
    assert unnamed_group(line) is None


def test_a_group_takes_the_items_the_abstract_lists() -> None:
    abstract = (
        "Driving world models are expected to work across three core dimensions: state, "
        "action, and reward. We introduce X, a model that addresses all three dimensions."
    )
    line = "X is a world model that addresses all three dimensions within a unified framework."
    assert with_group_named(line, abstract) == (
        "X is a world model that addresses all three dimensions (state, action, and reward) "
        "within a unified framework."
    )
    assert with_group_named(line, "Models work across state, action and reward.") == line


def test_the_built_line_names_the_group_or_leaves_it_out() -> None:
    title = "OmniNWM: Omniscient Driving Navigation World Models"
    listed = (
        "Autonomous driving world models are expected to work effectively across three core "
        "dimensions: state, action, and reward. In this paper, we introduce OmniNWM, an "
        "omniscient panoramic navigation world model that addresses all three dimensions "
        "within a unified framework."
    )
    built = compress(title, listed)
    assert built is not None and "(state, action, and reward)" in built.text
    unlisted = listed.replace("three core dimensions: state, action, and reward", "many axes")
    built = compress(title, unlisted)
    assert built is None or unnamed_group(built.text) is None
