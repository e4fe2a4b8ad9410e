"""What the title says the method is for ("X: A Y for Z"), brought into a built line that leaves
it out (assistant.summaries.purpose, used by assistant.summaries.compress). The cases are lines
of the tuning rounds whose head said what the method is but not what it is for."""

from __future__ import annotations

import pytest

from assistant.summaries.acronyms import abbreviates
from assistant.summaries.compress import compress
from assistant.summaries.purpose import title_purpose, with_purpose


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "CoDA: Agentic Systems for Collaborative Data Visualization",
            "for Collaborative Data Visualization",
        ),
        (
            "Parallel Latent Reasoning for Sequential Recommendation",
            "for Sequential Recommendation",
        ),
        # the means after the purpose is not part of it
        (
            "ScreenCoder: Advancing Visual-to-Code Generation for Front-End Automation via "
            "Modular Multimodal Agents",
            "for Front-End Automation",
        ),
        ("Contamination Detection for VLMs using Multi-Modal Semantic Perturbation", "for VLMs"),
        # no "for", a question, a claim, a "for" that starts a means, a purpose that runs on
        ("Skyfall-GS: Synthesizing Immersive 3D Urban Scenes from Satellite Imagery", None),
        ("SurveyBench: How Well Can LLM(-Agents) Write Academic Surveys for Us?", None),
        ("E-GRPO: High Entropy Steps Drive Effective Reinforcement Learning for Flow Models", None),
        (
            "Adapting Vehicle Detectors for Aerial Imagery to Unseen Domains with Weak Supervision",
            None,
        ),
        ("X: Searching for via Points", None),
    ],
)
def test_the_purpose_is_the_titles_for_phrase(title: str, expected: str | None) -> None:
    assert title_purpose(title) == expected


@pytest.mark.parametrize(
    ("line", "purpose", "expected"),
    [
        (
            "CoDA is a multi-agent system that employs specialized LLM agents.",
            "for collaborative data visualization",
            "CoDA is a multi-agent system for collaborative data visualization that employs "
            "specialized LLM agents.",
        ),
        (
            "WINA is a novel, simple, and training-free sparse activation framework that jointly "
            "considers hidden state magnitudes.",
            "for accelerating large language model inference",
            "WINA is a novel, simple, and training-free sparse activation framework for "
            "accelerating large language model inference that jointly considers hidden state "
            "magnitudes.",
        ),
        (
            "MPT is a benchmark comprising 265 multi-session dialogues.",
            "for cross-session personalized tool calling",
            "MPT is a benchmark for cross-session personalized tool calling comprising 265 "
            "multi-session dialogues.",
        ),
        (
            "We introduce a modular multi-agent framework that performs UI-to-code generation.",
            "for front-end automation",
            "We introduce a modular multi-agent framework for front-end automation that performs "
            "UI-to-code generation.",
        ),
    ],
)
def test_the_purpose_follows_the_noun_the_description_ends_on(
    line: str, purpose: str, expected: str
) -> None:
    assert with_purpose(line, purpose) == expected


@pytest.mark.parametrize(
    ("line", "purpose"),
    [
        # the description already says what it is for
        ("ATLAS is a dual-path framework for dynamic tool usage.", "for complex reasoning"),
        ("TimeViper is a hybrid model designed to tackle long video understanding.", "for video"),
        ("QuantAgent is the first framework explicitly designed for trading.", "for trading"),
        # the line already carries the purpose's words
        (
            "HERMES is a training-free architecture that reads streaming video in real time.",
            "for efficient streaming video understanding",
        ),
        # the description says part of it already, in words or as an acronym of them
        (
            "Orion-MSP is a tabular ICL architecture featuring memory.",
            "for tabular in-context learning",
        ),
        (
            "Orion-MSP is a new ICL architecture featuring memory.",
            "for tabular in-context learning",
        ),
        # not a line that says what the method is
        ("SSP improves search agents without supervision.", "for search agents"),
        ("Mind2Web 2 is a benchmark of 130 realistic tasks.", "for agentic search"),
    ],
)
def test_no_purpose_where_the_line_has_one_or_no_description(line: str, purpose: str) -> None:
    assert with_purpose(line, purpose) is None


def test_an_acronym_spells_a_run_of_the_purposes_words() -> None:
    assert abbreviates("ICL", "for tabular in-context learning")
    assert abbreviates("LLMs", "for large language models")
    assert not abbreviates("VLM", "for tabular in-context learning")


ABSTRACT = (
    "Large language models have shown strong performance on many reasoning benchmarks. "
    "However, they remain costly to run on long inputs. We introduce CoDA, a multi-agent system "
    "that employs specialized LLM agents for metadata analysis and code generation. Experiments "
    "show that CoDA outperforms competitive baselines by up to 41.5%."
)


def test_the_built_line_says_what_the_title_says_the_method_is_for() -> None:
    line = compress("CoDA: Agentic Systems for Collaborative Data Visualization", ABSTRACT)
    assert line is not None
    assert line.text == (
        "CoDA is a multi-agent system for collaborative data visualization that employs "
        "specialized LLM agents for metadata analysis and code generation, outperforming "
        "competitive baselines by up to 41.5%."
    )


def test_the_purpose_never_pushes_the_result_out_of_the_line() -> None:
    """With the purpose the whole line would run past the word limit: the line keeps its result
    and goes without the purpose rather than drop the result for it."""
    line = compress(
        "CoDA: Agentic Systems for Collaborative Data Visualization", ABSTRACT, limit=26
    )
    assert line is not None
    assert "41.5%" in line.text
    assert "visualization" not in line.text


def test_the_titles_line_leads_a_line_that_says_what_the_method_is_built_on() -> None:
    """ "X is built on ..." says what X rests on, not what X is: the title's "X is a Y for Z"
    goes first and carries it as how X works."""
    abstract = (
        "Video stylization is hard. Existing methods support only one style condition. "
        "DreamStyle is built on a vanilla image-to-video model and trained using low-rank "
        "adaptation with token-specific up matrices that reduce the confusion among condition "
        "tokens. Experiments show that DreamStyle outperforms competing methods in style "
        "consistency."
    )
    line = compress("DreamStyle: A Unified Framework for Video Stylization", abstract)
    assert line is not None
    assert line.text == (
        "DreamStyle is a unified framework for video stylization, built on a vanilla "
        "image-to-video model and trained using low-rank adaptation with token-specific up "
        "matrices, outperforming competing methods in style consistency."
    )
