"""A line's subject is the paper's own contribution, not a tool it uses (issue 14): "GRPO is a
curriculum learning strategy ... using group relative policy optimization" names the
algorithm the strategy uses. The builder keeps "We propose a ..." when the work has no name
(assistant/summaries/naming.py), and the checker refuses such a subject
(assistant/summaries/borrowed.py). Synthetic abstracts, written for these tests."""

from __future__ import annotations

import pytest

from assistant.models import Paper
from assistant.summaries.borrowed import borrowed_subject, defined_by_tool, long_form_start
from assistant.summaries.checker import check_tldr
from assistant.summaries.contribution import contribution
from assistant.summaries.reasons import Code
from assistant.summaries.tldr import base_line

CURRICULUM = (
    "Learning to Stop: Length-Controlled Reasoning with Curricula",
    "Large reasoning models often produce overly long chains of thought. In this work, we "
    "propose a curriculum learning strategy for length-controlled reasoning using Group "
    "Relative Policy Optimization (GRPO). Our method gradually tightens the token budget "
    "during training. Experiments on GSM8K and MATH show that it reduces output length by 40% "
    "while keeping accuracy.",
)
TEMPORAL = (
    "Temporal Consistency for Process Error Identification in LLM Reasoning",
    "Verifying intermediate reasoning steps is hard for language models. We introduce two "
    "complementary methods that exploit temporal consistency: 1) Temporal Self-Consistency "
    "Voting, which aggregates verdicts across rounds, and 2) Temporal Reflection, which "
    "revisits earlier judgements. On ProcessBench our methods improve F1 by 9 points.",
)
# The proposed name also appears after "using" later: it stays the subject.
CPO = (
    "Curriculum Policy Optimization for Concise Reasoning",
    "Reasoning models are verbose. We propose Curriculum Policy Optimization (CPO), a "
    "reinforcement learning method that shortens reasoning using a length curriculum. CPO is "
    "trained using Group Relative Policy Optimization. It halves the output length on MATH.",
)
# An acronym defined for the method itself.
ASR = (
    "Adaptive Sparse Routing for Mixture-of-Experts",
    "Mixture-of-experts models waste compute. We propose Adaptive Sparse Routing (ASR), a "
    "routing method that picks experts per token. ASR improves perplexity by 0.3 on C4.",
)
TOOLS = [
    (
        "Cheap Alignment via Preferences",
        "Aligning models is costly. We present a lightweight alignment recipe based on Direct "
        "Preference Optimization (DPO). It needs no reward model. Results on AlpacaEval show a "
        "5 point gain.",
        "DPO",
    ),
    (
        "Faster Retrieval for Long Documents",
        "Long documents are slow to search. We propose a hierarchical indexing scheme built on "
        "Retrieval-Augmented Generation (RAG). It cuts latency by half on three benchmarks.",
        "RAG",
    ),
    (
        "Robust Segmentation in the Wild",
        "Segmentation fails under shift. We develop a test-time adaptation method with Low-Rank "
        "Adaptation (LoRA). It improves mIoU by 4 points on ACDC.",
        "LoRA",
    ),
]


def _built(title: str, abstract: str) -> str:
    return base_line(Paper("x", title, abstract))


def _codes(line: str, title: str, abstract: str) -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract)}


@pytest.mark.parametrize(
    ("description", "label", "tool"),
    [
        ("a strategy for reasoning using Group Relative Policy Optimization", "GRPO", True),
        ("a lightweight recipe based on Direct Preference Optimization", "DPO", True),
        ("a recipe that integrates extended SFT with RL from online inference", "GRPO", True),
        ("a novel framework for REfining multi-modAl contRastive learning", "REARM", False),
        ("Reinforcement Learning with Explicit Human Values", "RLEV", False),
        ("the concept of an Agentic Web Interface", "AWI", False),
        ("a benchmark for long video understanding", "LVBench", False),
    ],
)
def test_an_acronym_defined_for_a_tool(description: str, label: str, tool: bool) -> None:
    assert defined_by_tool(description, label) is tool


def test_the_long_form_is_the_shortest_run_that_spells_the_acronym() -> None:
    words = "a strategy using Group Relative Policy Optimization".split()
    assert long_form_start(words, "GRPO") == 3
    assert long_form_start("a strategy for reasoning".split(), "GRPO") is None


def test_a_nameless_strategy_keeps_we_propose() -> None:
    line = _built(*CURRICULUM)
    assert line.startswith("We propose a curriculum learning strategy"), line
    assert not line.startswith("GRPO")


@pytest.mark.parametrize(("title", "abstract", "tool"), TOOLS)
def test_a_tool_acronym_never_becomes_the_subject(title: str, abstract: str, tool: str) -> None:
    assert not _built(title, abstract).startswith(tool)


@pytest.mark.parametrize(("paper", "name"), [(CPO, "CPO is"), (ASR, "Adaptive Sparse Routing")])
def test_the_own_name_stays_the_subject(paper: tuple[str, str], name: str) -> None:
    assert _built(*paper).startswith(name)


def test_the_checker_refuses_a_tool_as_the_subject() -> None:
    line = (
        "GRPO is a curriculum learning strategy for length-controlled reasoning using group "
        "relative policy optimization."
    )
    assert Code.BORROWED_NAME in _codes(line, *CURRICULUM)
    kept = (
        "We propose a curriculum learning strategy for length-controlled reasoning using "
        "Group Relative Policy Optimization (GRPO)."
    )
    assert check_tldr(kept, *CURRICULUM) == []


def test_the_checker_refuses_an_ordinary_word_as_the_subject() -> None:
    line = "Temporal is a pair of complementary methods that exploit temporal consistency."
    assert Code.BORROWED_NAME in _codes(line, *TEMPORAL)


def test_the_checker_refuses_one_thing_said_to_be_several() -> None:
    line = "Temporal is two complementary methods that exploit temporal consistency."
    assert Code.GARBLED in _codes(line, *TEMPORAL)


@pytest.mark.parametrize(
    ("line", "paper"),
    [
        ("CPO is a reinforcement learning method that shortens reasoning.", CPO),
        ("ASR is a routing method that picks experts per token.", ASR),
    ],
)
def test_the_checker_keeps_the_own_name(line: str, paper: tuple[str, str]) -> None:
    assert borrowed_subject(line, *paper) is None


def test_a_name_the_title_spells_out_is_the_papers_own() -> None:
    title = "Representation Distribution Matching for One-Step Visual Generation"
    abstract = (
        "We elucidate the design space of Representation Distribution Matching (RDM), our name "
        "for the paradigm that trains a one-step image generator."
    )
    assert (
        borrowed_subject("RDM is a paradigm that trains one-step generators.", title, abstract)
        is None
    )


@pytest.mark.parametrize(
    ("sentence", "tool"),
    [
        (
            "In this work, we propose a curriculum learning strategy for length-controlled "
            "reasoning using Group Relative Policy Optimization (GRPO).",
            "GRPO",
        ),
        (
            "We present a strategy using Direct Preference Optimization (DPO), which needs no "
            "reward model.",
            "DPO",
        ),
        (
            "We propose a recipe built on Low-Rank Adaptation (LoRA), a cheap tuning method.",
            "LoRA",
        ),
    ],
)
def test_the_contribution_sentence_names_no_tool(sentence: str, tool: str) -> None:
    line = contribution(sentence, None)
    assert line is not None and not line.startswith(tool), line


def test_the_contribution_sentence_keeps_its_own_acronym() -> None:
    line = contribution(
        "We propose a novel framework for REfining multi-modAl contRastive learning (REARM).", None
    )
    assert line is not None and line.startswith("REARM is"), line


def test_a_finding_about_a_tool_is_not_a_borrowed_name() -> None:
    # "GRPO is unstable ..." says something of GRPO, not that GRPO is the paper's work
    line = "GRPO is unstable on long budgets, so the curriculum tightens the budget slowly."
    assert borrowed_subject(line, *CURRICULUM) is None


def test_an_appositive_subject_is_checked_too() -> None:
    line = "GRPO, a curriculum learning strategy, shortens reasoning by 40% on MATH."
    assert borrowed_subject(line, *CURRICULUM) is not None
