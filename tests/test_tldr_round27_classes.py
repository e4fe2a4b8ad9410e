"""Round 27's classes: a line cut right after a participle whose complement the abstract
gives ("a new corpus curated." of "a new corpus curated to test ..."), and TeX braces that
keep a letter's case inside a spelled-out acronym ("{F}ast {R}outing")."""

from __future__ import annotations

import pytest

from assistant.sanitize import untex
from assistant.summaries.checker import check_tldr
from assistant.summaries.checker_words import bare_participle_end
from assistant.summaries.extractive import unpointed
from assistant.summaries.reasons import Code

ABSTRACT = (
    "Agents rarely plan over long horizons. We introduce Trailhead, a new corpus curated to "
    "test agent planning on these long household tasks. Trailhead holds 900 tasks, and the "
    "best agent solves only 31% of them."
)


def test_a_line_cut_after_its_participle_is_cut_off() -> None:
    line = "We introduce Trailhead, a new corpus curated."
    assert bare_participle_end(line) == ("corpus", "curated")
    assert Code.CUT_OFF in {r.code for r in check_tldr(line, "Trailhead", ABSTRACT)}


@pytest.mark.parametrize(
    "line",
    [
        "Trailhead is a corpus of household tasks that is carefully curated.",  # an auxiliary
        "Trailhead holds the 900 tasks we collected.",  # a pronoun subject
        "Trailhead is a planning corpus that is widely used.",
        "Trailhead holds 900 tasks, and the best agent solves only 31% of them.",
    ],
)
def test_a_finished_clause_ending_on_a_participle_is_not(line: str) -> None:
    reasons = check_tldr(line, "Trailhead", ABSTRACT)
    assert Code.CUT_OFF not in {r.code for r in reasons}


def test_the_pointer_cut_does_not_stop_at_a_bare_participle() -> None:
    line = "We introduce Trailhead, a new corpus curated to test agent planning on these tasks."
    assert unpointed(line) is None


def test_case_braces_inside_a_word_are_dropped() -> None:
    text = "We propose FRAME ({F}ast {R}outing {A}cross {M}ixture {E}xperts) and symmet{R}y."
    assert untex(text) == "We propose FRAME (Fast Routing Across Mixture Experts) and symmetRy."
    assert untex("a set {x} of points") == "a set {x} of points"  # a brace standing alone
