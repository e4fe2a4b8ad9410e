"""Whose result a sentence states (assistant.summaries.credit): a result joined to the method's
line is the method's own, never one another named system's sentence states (round 18: ZeroRepo's
coverage credited to the representation RPG, TRPO's OSWorld score to Mobile-Agent-v3)."""

from __future__ import annotations

from assistant.summaries.compress import compress
from assistant.summaries.credit import credited, made_apart

_RPG = [
    "To address this, we introduce the Repository Planning Graph (RPG), a persistent "
    "representation that unifies proposal- and implementation-level planning in one graph.",
    "Building on RPG, we develop ZeroRepo, a graph-driven framework for repository generation.",
    "On RepoCraft, ZeroRepo produces repositories averaging nearly 36K LOC.",
    "It attains 81.5% functional coverage and a 69.7% pass rate.",
]


def test_it_after_another_named_subject_is_not_the_method() -> None:
    assert not credited(3, _RPG, ("RPG",))
    assert credited(3, _RPG, ("ZeroRepo",))


def test_it_after_the_method_or_no_name_is_the_method() -> None:
    sentences = [_RPG[0], "RPG replaces natural language with a blueprint.", _RPG[3]]
    assert credited(2, sentences, ("RPG",))
    assert credited(1, ["We study planning.", _RPG[3]], ("RPG",))


def test_a_result_of_another_thing_we_made_is_not_the_method() -> None:
    trpo = (
        "We also introduce Trajectory-aware Relative Policy Optimization (TRPO) for online RL, "
        "achieving 34.9 on OSWorld."
    )
    assert not credited(0, [trpo], ("Mobile-Agent-v3",))
    assert credited(0, [trpo], ("TRPO",))
    # the method named as the result's subject after what "we" made
    shown = (
        "To validate ChronoEdit, we introduce PBench-Edit, a new benchmark, and demonstrate "
        "that ChronoEdit surpasses state-of-the-art baselines."
    )
    assert credited(0, [shown], ("ChronoEdit",))
    assert credited(0, [trpo], ())  # no name: nothing is known to be another's


def test_line_does_not_join_another_systems_result() -> None:
    title = "Mobile-Agent-v3: Foundamental Agents for GUI Automation"
    abstract = (
        "This paper introduces GUI-Owl, a foundational GUI agent model. Building on this, we "
        "propose Mobile-Agent-v3, a general-purpose GUI agent framework that further improves "
        "performance to 73.3 on AndroidWorld and 37.7 on OSWorld, setting a new "
        "state-of-the-art for open-source GUI agent frameworks. We also introduce "
        "Trajectory-aware Relative Policy Optimization (TRPO) for online RL, achieving 34.9 on "
        "OSWorld."
    )
    built = compress(title, abstract)
    assert built is not None
    assert built.text.startswith("Mobile-Agent-v3 is")
    assert "34.9" not in built.text


def test_the_models_result_is_not_the_datasets() -> None:
    # round 20 item 14: "X is a dataset ..., establishing new state-of-the-art results for
    # their size class" credited the fine-tuned models' result to the dataset
    sentences = [
        "We introduce MMFineReason, a large-scale multimodal reasoning dataset of 1.8M samples.",
        "We fine-tune Qwen3-VL-Instruct on MMFineReason to develop MMFineReason-8B.",
        "Our models establish new state-of-the-art results for their size class.",
    ]
    assert not credited(2, sentences, ("MMFineReason",))
    # a method's own models keep their result
    method = [sentences[0].replace("dataset", "framework"), *sentences[1:]]
    assert credited(2, method, ("MMFineReason",))


def test_a_result_of_another_made_thing_is_not_the_heads() -> None:
    sentence = "Beyond decoding, we build a sparse cache for training, cutting memory by 40%."
    assert made_apart(sentence, "Tessa is a family of samplers for masked diffusion.")
    assert not made_apart(sentence, "Tessa pairs samplers with a sparse cache for training.")
    assert not made_apart("We build Tessa, a sampler family.", "Tessa is a sampler family.")
