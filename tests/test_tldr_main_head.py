"""The built line is about the paper's main contribution, not a part of it (issue 14, round
two): a head about the method that is too vague alone takes the title's purpose; an aim that
points at the abstract ("enhancing these capabilities via A") gives way to its means ("with A");
a long name with a comma still defines its acronym; a clipped head drops a list it announces.
The cases are built lines of the tuning rounds that led with a part (SWE-Builder, M^2LA) or
with the experiments."""

from __future__ import annotations

from assistant.summaries.checker import check_tldr
from assistant.summaries.compress import _rescued, compress
from assistant.summaries.contribution import _undangle, contribution, name_of
from assistant.summaries.heads import says_little
from assistant.summaries.naming import _comma_defined

SWE_TITLE = (
    "SWE-Factory: Your Automated Factory for Issue Resolution Training Data and Evaluation "
    "Benchmarks"
)
SWE = (
    "Constructing large-scale datasets for the GitHub issue resolution task is crucial. "
    "However, the traditional process for creating such benchmarks is labor-intensive. "
    "In this paper, we propose SWE-Factory, an automated pipeline designed to address these "
    "challenges. To tackle these issues, our pipeline integrates three core automated "
    "components. First, we introduce SWE-Builder, a multi-agent system that automates "
    "evaluation environment construction, which employs four specialized agents that work in "
    "a collaborative, iterative loop."
)


def test_a_vague_head_about_the_method_takes_the_titles_purpose_before_a_part() -> None:
    line = compress(SWE_TITLE, SWE)
    assert line is not None
    assert line.text == (
        "SWE-Factory is an automated pipeline for issue resolution training data and "
        "evaluation benchmarks."
    )
    assert not check_tldr(line.text, SWE_TITLE, SWE)


def test_only_a_line_about_the_method_is_rescued_by_the_purpose() -> None:
    purpose = "for issue resolution training data"
    own = ("SWE-Factory",)
    assert _rescued("SWE-Factory is an automated pipeline.", purpose, own) == (
        "SWE-Factory is an automated pipeline for issue resolution training data."
    )
    # a part's line, or one without the method as its subject, is not given the purpose
    assert _rescued("SWE-Builder is a multi-agent system.", purpose, own) is None
    assert _rescued("We introduce a grading method.", purpose, own) is None
    assert _rescued("SWE-Factory is an automated pipeline.", None, own) is None


def test_an_aim_that_points_outside_gives_way_to_its_means() -> None:
    text = "InternVideo3, a framework enhancing these capabilities via Multimodal Reasoning (MR)."
    assert _undangle(text) == "InternVideo3, a framework with Multimodal Reasoning (MR)."
    sentence = (
        "We present InternVideo3, a framework enhancing these capabilities via Multimodal "
        "Contextual Reasoning (MCR)."
    )
    assert contribution(sentence, "InternVideo3") == (
        "InternVideo3 is a framework with Multimodal Contextual Reasoning (MCR)."
    )


def test_a_long_name_with_a_comma_defines_its_acronym() -> None:
    found = _comma_defined("Reason, then Re-reason (ReRe), a training-free framework.")
    assert found is not None and found.group("name") == "ReRe"
    # a list of things, or a name that does not start with the acronym's letter, is not one
    assert _comma_defined("Alpha, Beta, Gamma and Delta values (ReRe), a method.") is None
    assert _comma_defined("Speed, then accuracy (ReRe), a training-free framework.") is None


RERE_TITLE = "Reason, Then Re-reason: Cross-view Revisiting Improves Spatial Reasoning"
RERE = (
    "Spatial reasoning from egocentric videos is inherently challenging. "
    "Building on this insight, we propose Reason, then Re-reason (ReRe), a training-free, "
    "inference-time framework with two phases: in the Reason Phase, an MLLM forms a spatial "
    "hypothesis from the original video; in the Re-reason Phase, it verifies or revises the "
    "hypothesis by observing a synthesized novel-view video. "
    "Extensive evaluations on VSI-Bench and STI-Bench demonstrate that ReRe substantially "
    "boosts open-source MLLMs to rival proprietary state-of-the-art performance."
)


def test_a_clipped_head_drops_the_list_it_announces_and_leads_before_the_experiments() -> None:
    line = compress(RERE_TITLE, RERE)
    assert line is not None
    assert line.text.startswith("ReRe is a training-free, inference-time framework, boosting")
    assert "two phases" not in line.text


LOFT_TITLE = (
    "LoFT: Parameter-Efficient Fine-Tuning for Long-tailed Semi-Supervised Learning in "
    "Open-World Scenarios"
)
LOFT = (
    "Long-tailed learning has garnered increasing attention due to its wide applicability. "
    "To address these challenges, we extend LTSSL into the foundation model fine-tuning "
    "paradigm and propose a novel framework: LoFT (Long-tailed semi-supervised learning via "
    "parameter-efficient Fine-Tuning). "
    "Experimental results on multiple benchmarks demonstrate that our method achieves superior "
    "performance compared to previous approaches, even when utilizing only 1% of the unlabeled "
    "data compared with previous works."
)


def test_a_head_that_names_only_the_method_and_its_kind_goes_after_the_titles_line() -> None:
    assert says_little("We propose a novel framework: LoFT.", ("LoFT",))
    assert says_little("SWE-Factory is an automated pipeline.", ("SWE-Factory",))
    assert not says_little("LoFT is a pipeline for semi-supervised learning.", ("LoFT",))
    line = compress(LOFT_TITLE, LOFT)
    assert line is not None
    assert line.text.startswith("LoFT provides parameter-efficient fine-tuning for")
    assert "achieving superior performance" in line.text


def test_what_the_authors_trained_is_the_contribution_only_when_they_name_it() -> None:
    sentence = (
        "Guided by these insights, we train i1, a 3B-parameter text-to-image diffusion model "
        "using only publicly available datasets."
    )
    assert contribution(sentence, "i1") == (
        "i1 is a 3B-parameter text-to-image diffusion model using only publicly available datasets."
    )
    # a training step, not a contribution
    assert contribution("We train a 7B model on 1M samples with GRPO.", None) is None
    assert contribution("We train two sets of models to compare objectives.", None) is None


_FLIPS_TITLE = "Who Flips? Self- and Cross-Model Counterarguments Reveal Answer Instability"
_FLIPS = (
    "Standard accuracy benchmarks test how closely models approach correct answers. We "
    "introduce a controlled protocol for evaluating answer stability: after a model answers a "
    "question correctly, we challenge the model's answer and measure whether the model flips. "
    "We further construct MaxFlip, a curated challenge set that amplifies flips by up to "
    "+23.6pp over standard self-generated challenges."
)


def test_a_further_artefact_does_not_name_the_paper() -> None:
    # round 20 item 25: "We further construct MaxFlip" after the unnamed "We introduce a protocol"
    assert name_of(_FLIPS_TITLE, _FLIPS) is None
    built = compress(_FLIPS_TITLE, _FLIPS)
    assert built is not None and not built.text.startswith("MaxFlip")
    # the first cue still names the method when it names something
    named = _FLIPS.replace("a controlled protocol", "FlipBench, a controlled protocol")
    assert name_of(_FLIPS_TITLE, named) == "FlipBench"
