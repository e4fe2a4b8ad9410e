"""Acronyms a TL;DR line spells out (assistant.summaries.acronyms): only those the abstract
defines, in the long form it defines, the method's own as "Long Form (ACR)", and never inside
a hyphenated name, twice, or past the word limit (issue #14)."""

from __future__ import annotations

import pytest

from assistant.summaries.acronyms import definitions, spell_out
from assistant.summaries.compress import compress


@pytest.mark.parametrize(
    ("abstract", "acronym", "long_form"),
    [
        ("We study Large Language Models (LLMs) here.", "LLMs", "Large Language Models"),
        ("We train them with reinforcement learning (RL).", "RL", "reinforcement learning"),
        ("A sparse Mixture of Experts (MoE) layer.", "MoE", "Mixture of Experts"),
        ("Long Chain-of-Thought (CoT) traces.", "CoT", "Chain-of-Thought"),
        ("Recent vision-language models (VLMs) see.", "VLMs", "vision-language models"),
        ("Graph of Skills (GoS) retrieves skills.", "GoS", "Graph of Skills"),
        (  # a mixed-case acronym's chunks start the words
            "We introduce Dynamic Position Extrapolation (DyPE), a method.",
            "DyPE",
            "Dynamic Position Extrapolation",
        ),
        ("With Low-Rank Adaptation (LoRA) adapters.", "LoRA", "Low-Rank Adaptation"),
        (  # a capital that only opens the sentence
            "Foundation models (FMs) are changing science. We study foundation work.",
            "FMs",
            "foundation models",
        ),
        (  # a name the abstract capitalises mid-sentence keeps its capital
            "Gaussian splatting (GS) is fast. We extend 3D Gaussian splatting.",
            "GS",
            "Gaussian splatting",
        ),
    ],
)
def test_the_long_form_as_the_abstract_defines_it(
    abstract: str, acronym: str, long_form: str
) -> None:
    assert definitions(abstract)[acronym] == long_form


@pytest.mark.parametrize(
    "abstract",
    [
        "We address it with Doing Length pEnalty Right (DLER), a recipe.",  # initials differ
        "Modern Artificial Intelligence (AI) is everywhere.",  # every reader knows it
        "We propose Reason, then Re-reason (ReRe), a framework.",  # "reason" is not "Re..."
    ],
)
def test_no_long_form_when_the_initials_do_not_spell_it(abstract: str) -> None:
    assert definitions(abstract) == {}


LLM_ABSTRACT = "Large Language Models (LLMs) are strong. We build X-Agent with them."


@pytest.mark.parametrize(
    ("line", "own", "expected"),
    [
        (  # the first use only
            "X-Agent trains LLMs to plan and LLMs to act.",
            (),
            "X-Agent trains Large Language Models to plan and LLMs to act.",
        ),
        (  # the other number
            "X-Agent is a LLM planner.",
            (),
            "X-Agent is a Large Language Model planner.",
        ),
        ("X-Agent builds on Sotopia-LLMs.", (), "X-Agent builds on Sotopia-LLMs."),
        ("X-Agent builds LLMs-based planners.", (), "X-Agent builds LLMs-based planners."),
        (  # the long form is already there
            "X-Agent makes Large Language Models (LLMs) plan.",
            (),
            "X-Agent makes Large Language Models (LLMs) plan.",
        ),
        (  # a size clashes with the long form's size
            "X-Agent lets small LLMs plan.",
            (),
            "X-Agent lets small LLMs plan.",
        ),
    ],
)
def test_the_first_use_is_spelled_out(line: str, own: tuple[str, ...], expected: str) -> None:
    assert spell_out(line, LLM_ABSTRACT, own, 35) == expected


GOS = "We propose Graph of Skills (GoS), a retrieval layer. GoS improves reward by 43.6%."


def test_the_method_keeps_its_acronym_after_the_long_form() -> None:
    line = "GoS is a retrieval layer for large skill libraries."
    expected = "Graph of Skills (GoS) is a retrieval layer for large skill libraries."
    assert spell_out(line, GOS, ("GoS",), 35) == expected
    assert spell_out(line, GOS, (), 35) == expected  # the line's subject is the method


def test_a_spelling_past_the_word_limit_is_left_out() -> None:
    line = "GoS is a retrieval layer for large skill libraries."
    assert spell_out(line, GOS, ("GoS",), len(line.split()) + 2) == line


def test_a_plural_that_is_not_sure_is_left_out() -> None:
    abstract = "Magnetic Resonance Imaging (MRI) is slow."
    line = "FlowLet synthesizes age-conditioned 3D MRIs quickly."
    assert spell_out(line, abstract, (), 35) == line


SOP = (
    "Robots need to adapt. We present Scalable Online Post-training (SOP), a system that "
    "enables online, distributed, multi-task post-training of generalist robot policies in "
    "the physical world."
)


def test_the_built_line_spells_out_the_method() -> None:
    line = compress("SOP: A Scalable Online Post-Training System", SOP)
    assert line is not None
    assert line.text.startswith("Scalable Online Post-training (SOP) is a system that enables")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("X is a framework in which an LVLM agent plans.", "in which a Large Vision-Language"),
        ("X gives an LVLM agent tools.", "gives a Large Vision-Language"),
    ],
)
def test_the_article_fits_the_spelled_out_word(line: str, expected: str) -> None:
    abstract = "Large Vision-Language Models (LVLMs) see. An LVLM agent plans."
    assert expected in spell_out(line, abstract, (), 40)
