"""A TL;DR keeps each number with the system its source sentence credits (issue 14, round 18):
a line stitched from two sentences must not lend TRPO's or ZeroRepo's result to another name."""

from __future__ import annotations

from assistant.summaries.checker import check_tldr

TITLE = "Mobile-Agent-v3: Foundamental Agents for GUI Automation"
ABSTRACT = (
    "This paper introduces GUI-Owl, a foundational GUI agent model. GUI-Owl-7B achieves 66.4 on "
    "AndroidWorld and 29.4 on OSWorld. Building on this, we propose Mobile-Agent-v3, a "
    "general-purpose GUI agent framework that further improves performance to 73.3 on "
    "AndroidWorld and 37.7 on OSWorld. We also introduce Trajectory-aware Relative Policy "
    "Optimization (TRPO) for online RL, achieving 34.9 on OSWorld."
)
CREDIT = "number bound to another statement: 34.9"


def test_number_of_another_system_rejected() -> None:
    line = (
        "Mobile-Agent-v3 is a general-purpose GUI agent framework that improves performance to "
        "73.3 on AndroidWorld and 37.7 on OSWorld, achieving 34.9 on OSWorld."
    )
    assert CREDIT in check_tldr(line, TITLE, ABSTRACT)


def test_own_numbers_kept() -> None:
    line = (
        "Mobile-Agent-v3 is a general-purpose GUI agent framework that improves performance to "
        "73.3 on AndroidWorld and 37.7 on OSWorld."
    )
    assert not [r for r in check_tldr(line, TITLE, ABSTRACT) if "bound" in r]
