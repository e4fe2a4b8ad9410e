"""Garbled and out-of-context lines seen in the round-10 blind read (issue #14), each rejected
by its structure, with the near misses that must still pass: a second sentence opening on a
lower-case name, a comparison whose comparative became a participle ("lowering X than"), a
result the line never states ("most of the gain"), the abstract's closing remark ("We finally
..."), and a that-clause cut before its verb."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_form, check_statement

ABSTRACT = (
    "We present KV Packet, a context-independent KV cache. KV Packet achieves near-zero FLOPs "
    "and lower TTFT than recomputation-based baselines. Experiments show that achieving "
    "intended outcomes while keeping grounding remains challenging. We finally identify six "
    "open directions."
)


@pytest.mark.parametrize(
    "line",
    [
        "AlphaOne is a framework for reasoning at test time. alpha1 first introduces alpha moment.",
        "KV Packet is a KV cache, achieving near-zero FLOPs and lowering TTFT than baselines.",
        "A controlled decomposition attributes most of the gain to temporal order.",
        "We measure six behavioral capabilities behind the score.",
    ],
)
def test_garbled_or_unstated_lines_fail_the_form_check(line: str) -> None:
    assert check_form(line, ABSTRACT)


@pytest.mark.parametrize(
    "line",
    [
        "KV Packet is a KV cache, achieving lower TTFT than recomputation-based baselines.",
        "KV Packet caches context, using fewer steps than recomputation, rather than more.",
        "KV Packet avoids recomputation, using packets rather than full prefill.",
        "KV Packet improves the score of long-context models on RULER by 5 points.",
        "KV Packet reuses caches (e.g. system prompts), cutting TTFT by half.",
    ],
)
def test_near_misses_pass_the_form_check(line: str) -> None:
    assert check_form(line, ABSTRACT) == []


def test_a_closing_remark_is_not_the_point() -> None:
    reasons = check_statement("We finally identify six open directions for agents.", "T", ABSTRACT)
    assert any("closing remark" in r for r in reasons)


def test_a_that_clause_cut_before_its_verb_is_cut_off() -> None:
    line = "KV Packet is a KV cache, showing that achieving intended outcomes."
    assert any("without its verb" in r for r in check_statement(line, "T", ABSTRACT))


def test_a_finished_that_clause_passes() -> None:
    line = "KV Packet is a KV cache, showing that achieving intended outcomes remains challenging."
    assert not any("without its verb" in r for r in check_statement(line, "T", ABSTRACT))
