"""Round-20 faults the checker now refuses (issue 14): a line opening on a connective that
answers a sentence it does not show ("In contrast, SFT ..."), and the abstract's release note
as the whole line ("We publicly release 51 tasks ... to accelerate ..."). Pure: the title and
abstract are short stand-ins for the round-20 papers."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_tldr

TITLE = "The Path Not Taken: RLVR Provably Learns Off the Principals"
ABSTRACT = (
    "RLVR learns off principal directions in weight space, achieving gains via minimal spectral "
    "drift. In contrast, SFT targets principal weights, distorts the spectrum, and even lags "
    "RLVR. We publicly release 51 tasks and our full evaluation framework to accelerate the study "
    "of how agents learn from real world experience. We release RLVR-Bench, a suite of 134 real "
    "world tasks with ultra-long horizons for RLVR training."
)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (
            "In contrast, SFT targets principal weights, distorts the spectrum, and even lags "
            "RLVR.",
            "connective",
        ),
        (
            "We publicly release 51 tasks and our full evaluation framework to accelerate the "
            "study of how agents learn from real world experience.",
            "release note",
        ),
    ],
)
def test_the_checker_refuses_round_20_faults(line: str, fault: str) -> None:
    assert any(fault in reason for reason in check_tldr(line, TITLE, ABSTRACT))


@pytest.mark.parametrize(
    "line",
    [
        # the finding itself, with no connective
        "RLVR learns off principal directions in weight space, achieving gains via minimal "
        "spectral drift.",
        # a release that is the contribution, not a note about sharing
        "We release RLVR-Bench, a suite of 134 real world tasks with ultra-long horizons for RLVR "
        "training.",
    ],
)
def test_a_finding_or_a_released_contribution_is_not_refused_as_such(line: str) -> None:
    reasons = check_tldr(line, TITLE, ABSTRACT)
    assert not any("connective" in r or "release note" in r for r in reasons)
