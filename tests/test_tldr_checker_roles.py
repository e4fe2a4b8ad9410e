"""The TL;DR checker's role and agreement rules (issue #14, rounds 15-16): an act of the
authors credited to their dataset, a closing remark as the line, verbs that do not agree, a
title sentence made an object, a modifier without its noun, broken casing and markup debris
are rejected; the near misses that readers found usable pass."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_form, check_statement, check_tldr, dangles
from assistant.summaries.checker_roles import check_roles

TITLE = "GridSet: A Multi-human Interactive Dataset and Vision-Language-Action Models"
ABSTRACT = (
    "Vision-Language-Action (VLA) models unify perception and action. We introduce GridSet, "
    "a large-scale dataset with 100K multi-person conversational videos, and provide a system "
    "demonstration with three case studies. We also develop an automatic pipeline that "
    "collects and annotates the videos, and an LLM-based evaluator named GridEval. GridSet "
    "reveals that current models struggle with turn-taking. We propose GRIP, a Grounded "
    "inteRactive Policy that uses an interactive jigsaw objective, and GRIP improves success "
    "by 12.5% even with lightweight pre-trained encoders."
)


def roles(line: str) -> list[str]:
    return check_roles(line, TITLE, ABSTRACT)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (
            "GridSet is a large-scale dataset with 100K multi-person conversational videos, "
            "developing an automatic pipeline that collects and annotates the videos.",
            "authors' act",
        ),
        (
            "GridSet is a large-scale dataset of conversational videos, developing an "
            "LLM-based evaluator named GridEval.",
            "authors' act",
        ),
        (
            "Our findings lead to actionable insights and open up new opportunities for "
            "principled design of conversational agents.",
            "closing remark",
        ),
        (
            "GridSet is a large-scale dataset of multi-person conversational videos, and "
            "provide a system demonstration with three case studies.",
            "do not agree",
        ),
        (
            "GridSet provides Multi-human interactive dataset scales turn-taking analysis, "
            "revealing that current models struggle.",
            "title copied",
        ),
        (
            "GridSet provides multi-human interactive vision-language-action embedder, "
            "improving success by 12.5%.",
            "title copied",
        ),
        (
            "GRIP is a grounded Vision-Language-Action that uses an interactive jigsaw "
            "objective to improve success by 12.5%.",
            "without its noun",
        ),
        (
            "GRIP uses an interactive jigsaw objective, improving success by 12.5% even with "
            "lightweight pre-trained.",
            "without its noun",
        ),
        (
            "GRIP is a Grounded inteRactive Policy that uses an interactive jigsaw objective, "
            "improving success by 12.5%.",
            "capitalised inside a word",
        ),
    ],
)
def test_a_role_or_agreement_fault_is_rejected(line: str, fault: str) -> None:
    assert any(fault in reason for reason in roles(line)), roles(line)


@pytest.mark.parametrize(
    "line",
    [
        # a benchmark's own finding and its own parts are its to state
        "GridSet is a large-scale dataset of conversational videos, revealing that current "
        "models struggle with turn-taking.",
        "GridSet is a large-scale dataset of conversational videos, introducing multi-person "
        "turn-taking tasks.",
        # a method (not a dataset) may introduce or develop its parts
        "GRIP is a policy for multi-person conversation, developing an interactive jigsaw "
        "objective that improves success by 12.5%.",
        # a list's last noun and a participle after ", and" are not bare verbs
        "GRIP is a policy that unifies perception, action, and evaluation with one objective.",
        "GRIP is a grounded policy that uses a jigsaw objective, and employing a pre-trained "
        "encoder.",
        # a light verb's object that is a noun phrase, not a sentence or a bare count noun
        "GridSet provides multi-human interactive videos for vision-language-action models, "
        "revealing that current models struggle.",
        "GRIP is a grounded Vision-Language-Action policy that improves success by 12.5%.",
        # a name of two words run together is not an acronym's casing
        "GRIP uses GridEval and an interactive jigsaw objective, improving success by 12.5%.",
    ],
)
def test_near_misses_pass_the_role_rules(line: str) -> None:
    assert roles(line) == []


def test_the_rules_run_in_check_tldr() -> None:
    line = (
        "GridSet is a large-scale dataset of multi-person conversational videos, and provide "
        "a system demonstration with three case studies."
    )
    assert any("do not agree" in reason for reason in check_tldr(line, TITLE, ABSTRACT))


@pytest.mark.parametrize(
    "line",
    [
        "This paper introduces GRIP, black{a policy} that uses an interactive jigsaw objective.",
        "GRIP is trained on conversational videosx2013without any labels for turn-taking.",
        "This survey reviews unique_references studies across 12 NLP tasks.",
        "GRIP reaches its accuracy with as little as leq 0.02% trainable parameters.",
    ],
)
def test_markup_debris_is_garbled(line: str) -> None:
    assert any("garbled" in reason for reason in check_form(line, ABSTRACT))


@pytest.mark.parametrize(
    "line",
    [
        "GRIP is a deliberately minimalist, non-parametric verifier.",
        "We present GRIP, a deliberately minimalist, non-parametric verifier.",
        "GRIP is a high-speed generation framework based on deterministic flow matching.",
    ],
)
def test_a_kind_with_only_its_basis_is_vague(line: str) -> None:
    assert any("vague" in reason for reason in check_statement(line, TITLE, ABSTRACT))


def test_a_kind_with_its_purpose_is_not_vague() -> None:
    line = "GRIP is a non-parametric verifier for multi-person turn-taking in video."
    assert not any("vague" in reason for reason in check_statement(line, TITLE, ABSTRACT))


@pytest.mark.parametrize(
    "line",
    [
        "GRIP is a policy for multi-human interactive Dataset collection and vision-language "
        "turn-taking.",
        "GRIP is a policy for multi-human Interactive dataset collection.",
    ],
)
def test_a_title_phrase_with_half_its_capitals_echoes_the_title(line: str) -> None:
    assert any("echoes the title" in r for r in check_statement(line, TITLE, ABSTRACT))


@pytest.mark.parametrize(
    "line",
    [
        "We find that it can reduce response length while degrading performance.",
        "Our framework first resolves ambiguous instructions by asking questions.",
    ],
)
def test_a_line_whose_subject_is_never_named_dangles(line: str) -> None:
    assert dangles(line)


@pytest.mark.parametrize(
    "line",
    [
        "Our method, GRIP, adapts a video model with a jigsaw objective.",
        "We find that larger models do not reliably outperform smaller ones.",
    ],
)
def test_a_named_or_explicit_subject_does_not_dangle(line: str) -> None:
    assert not dangles(line)
