"""Round-19 faults the checker now refuses (issue 14): a list cut inside its last item ("and a
method."), a closing verdict ("We conclude that ..."), a bare symbol as the subject ("Δlog p
..."), a name acting with none of the title's topic ("X applies constraints at both micro and
macro levels") and a trailing vague manner ("in a compatible manner"); and the cut that made
the first one. Pure: titles and abstracts are short stand-ins for the round-19 papers."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import bare_kind_end, check_tldr
from assistant.summaries.extractive import extractive_tldr, unpointed

ABSTRACT = (
    "We study Group Relative Policy Optimization (GRPO) and SDE sampling for video generation. "
    "We propose SAGE-GRPO (Stable Alignment via Exploration), which applies constraints at "
    "both micro and macro levels. The signed log probability difference "
    "Δlog p between the models identifies updates. We conclude that adaptive training should "
    "broadly improve pipelines. We propose a two-stage paradigm to adapt pre-trained models for "
    "viewpoint prediction, in a compatible manner. Our method comprises a proxy method for "
    "identifying uncertain tokens and a method to mask these uncertain tokens during encoding."
)
TITLE = "Manifold-Aware Exploration for Reinforcement Learning in Video Generation"


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (
            "We propose a strategy comprising a proxy method for identifying uncertain tokens "
            "and a method.",
            "cut off",
        ),
        ("We conclude that adaptive training should broadly improve pipelines.", "closing"),
        ("We hope that manifold-aware exploration guides video generation research.", "closing"),
        ("Δlog p more effectively identifies video generation updates than magnitude.", "symbol"),
        ("We demonstrate that Δlog p identifies sparse video generation updates.", "symbol"),
        ("SAGE-GRPO applies constraints at both micro and macro levels.", "none of the title"),
        ("We propose SAGE-GRPO, which applies constraints at both micro and macro levels.", "none"),
        (
            "We propose a two-stage paradigm to adapt pre-trained video generation models for "
            "viewpoint prediction, in a compatible manner.",
            "vague manner",
        ),
    ],
)
def test_a_round19_fault_is_refused(line: str, fault: str) -> None:
    reasons = check_tldr(line, TITLE, ABSTRACT)
    assert any(fault in reason for reason in reasons), reasons


@pytest.mark.parametrize(
    "line",
    [
        # the near misses keep passing: a named last item, a definition, a result, the topic
        "SAGE-GRPO stabilises exploration for reinforcement learning in video generation.",
        "SAGE-GRPO is a method that applies constraints at both micro and macro levels.",
        "SAGE-GRPO applies micro and macro constraints, outperforming prior video methods.",
        "The signed log probability difference Δlog p identifies sparse video generation updates.",
        "A manifold-aware SDE stabilises exploration for reinforcement learning in video.",
    ],
)
def test_near_misses_pass(line: str) -> None:
    assert check_tldr(line, TITLE, ABSTRACT) == []


def test_a_title_that_names_the_method_tells_what_it_is_for() -> None:
    line = "SAGE-GRPO applies constraints at both micro and macro levels."
    assert check_tldr(line, "SAGE-GRPO: " + TITLE, ABSTRACT) == []


def test_bare_kind_end_needs_a_lower_case_kind_after_and() -> None:
    assert bare_kind_end("It has a proxy method for tokens and a method.")
    assert bare_kind_end("It has a proxy method for tokens and a lightweight pipeline.")
    assert not bare_kind_end("It comprises Profiling, A Perception Agent, and A Restoration Agent.")
    assert not bare_kind_end("It has a proxy method and a method to mask uncertain tokens.")
    assert not bare_kind_end("It improves accuracy and the speed.")


def test_a_pointer_cut_does_not_leave_a_bare_kind_noun() -> None:
    line = (
        "We propose a strategy to mitigate hallucination by modifying the encoder only, comprising "
        "a proxy method for identifying uncertain tokens and a method to mask these uncertain "
        "tokens during encoding."
    )
    assert unpointed(line) == (
        "We propose a strategy to mitigate hallucination by modifying the encoder only."
    )


def test_the_fallback_drops_a_trailing_vague_manner() -> None:
    abstract = (
        "Text-to-video models simulate geometry well. To this end, we propose a two-stage "
        "paradigm to adapt pre-trained video models for viewpoint prediction, in a compatible "
        "manner. Experiments show the superiority of our method."
    )
    title = "Adapting Video Diffusion Models for Viewpoint Planning in 4D Scenes"
    line = extractive_tldr(title, abstract)
    assert "manner" not in line and "viewpoint prediction" in line
