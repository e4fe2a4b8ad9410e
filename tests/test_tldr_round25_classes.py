"""Line faults a blind read of round 25 found (issue #14), each pinned with wording of our own:
a relative verb that does not agree with its singular head, a participle joined to a finite
"is", a second bare verb before a name, a light verb whose bare object ends on a kind noun, a
title purpose that a later participle would attach to, lines giving only a kind and a name,
and a spaced TeX "times" inside a size."""

from __future__ import annotations

import pytest

from assistant.sanitize import untex
from assistant.summaries.agreement import agreed, agreement_slips
from assistant.summaries.checker_form import check_form
from assistant.summaries.checker_roles import check_roles
from assistant.summaries.checker_statement import check_statement
from assistant.summaries.purpose import with_purpose
from assistant.summaries.reasons import Code

ABSTRACT = "Caching is costly. We present Tern, a retrieval agent. Tern lowers latency by 3x."


def test_a_bare_verb_after_a_singular_heads_that_is_repaired_and_refused() -> None:
    slip = "Tern is a routing method that rescale token budgets per layer."
    assert agreed(slip) == "Tern is a routing method that rescales token budgets per layer."
    assert agreed("an algorithm that first match keys") == "an algorithm that first matches keys"
    assert agreement_slips(slip) == ["rescale"]
    assert [r for r in check_roles(slip, "Tern", ABSTRACT) if r.code is Code.GRAMMAR]


@pytest.mark.parametrize(
    "text",
    [
        "a corpus and model that combine two sources",  # a plural head
        "a method that can rescale budgets",  # a modal
        "a method that rescales budgets",
        "a task that humans solve easily",  # no kind noun
        "methods that rescale budgets",
        "a solver that never stalls",  # an adverb, not the verb
        "a router that instead merges experts",  # the finite verb comes next
        "a router that together balances load",
        "a benchmark that human raters score",  # the relative clause has its own subject
        "a view that effective agents must plan",  # an adjective
        "a planner that must replan often",  # a modal
    ],
)
def test_agreeing_or_plural_relatives_are_left_alone(text: str) -> None:
    assert agreed(text) == text
    assert not agreement_slips(text)


def test_a_participle_joined_to_a_finite_is_is_ungrammatical() -> None:
    wrong = (
        "Tern is a retriever for logs, following a dual-encoder design and is trained on web data."
    )
    assert [r for r in check_form(wrong) if r.code is Code.GRAMMAR]
    fine = "Tern is a retriever for logs, following a design that is trained on web data."
    assert not [r for r in check_form(fine) if r.code is Code.GRAMMAR]


def test_a_second_bare_verb_before_a_name_does_not_agree() -> None:
    wrong = "Tern is a 2B retriever with low cost, and study LogBench, listing its label errors."
    assert [r for r in check_roles(wrong, "Tern", ABSTRACT) if r.code is Code.GRAMMAR]
    # an adjective before an acronym is a list's last item, not a verb
    fine = "Tern is a fast, robust, and efficient RAG retriever that caches keys."
    assert not [r for r in check_roles(fine, "Tern", ABSTRACT) if r.code is Code.GRAMMAR]


def test_a_light_verbs_bare_object_ending_on_a_kind_noun_is_garbled() -> None:
    wrong = "Tern provides log retrieval, ranking and caching system, serving many queries at once."
    assert [r for r in check_roles(wrong, "Tern", ABSTRACT) if r.code is Code.GARBLED]
    fine = "Tern enables joint training of encoders within a shared retrieval framework."
    assert not [r for r in check_roles(fine, "Tern", ABSTRACT) if r.code is Code.GARBLED]


def test_the_purpose_is_not_wedged_before_a_participle_it_would_take() -> None:
    line = "Tern is a retrieval corpus engineered for clean labels, holding 2 TB of logs."
    assert with_purpose(line, "for reasoning in language models") is None
    # a singular purpose, or "based on", still reads as the head's
    assert with_purpose(line, "for code search") == (
        "Tern is a retrieval corpus for code search engineered for clean labels, holding 2 TB of "
        "logs."
    )


@pytest.mark.parametrize(
    "line",
    [
        "We propose Sparse Key Routing for Retrieval (SKR), a simple yet effective framework.",
        "We present a unified toolbox, the Log Retrieval Evaluation Toolbox (LRE-Toolbox).",
    ],
)
def test_a_line_giving_only_the_kind_and_the_name_is_vague(line: str) -> None:
    assert Code.VAGUE in {r.code for r in check_statement(line, "Tern", ABSTRACT)}


def test_a_spaced_tex_times_between_whole_numbers_is_a_size() -> None:
    assert untex("FID on ImageNet 512 times 512, and") == "FID on ImageNet 512×512, and"
    assert untex("under the 3 times 3 grid") == "under the 3×3 grid"
    for english in ("runs 10 times faster", "3 times 2.5 ms", "cut 4 times 20%"):
        assert untex(english) == english
