"""assistant.names: the same name however it is spelled (case, spaces, hyphens, a plural,
an acronym for its words, a Greek letter), and not a name with another version."""

from __future__ import annotations

import pytest

from assistant.names import initials, mentions, name_tokens, plain, spelled, squash


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Qwen 2.5", "We fine-tune Qwen2.5-7B on it."),
        ("Deep Seek R1", "distilled from DeepSeek-R1."),
        ("MobileGS", "a method dubbed Mobile-GS"),
        ("text to image", "Text-to-Image generation"),
        ("Multi-Head Attention Residual", "Multi-Head Attention Residuals (MHAR)"),
        ("Group Relative Policy Optimization", "trained end-to-end with GRPO."),
        ("GRPO", "Group Relative Policy Optimization improves"),
        ("RL", "in the reinforcement learning stage"),
        ("Spatial Test-Time Training", "we propose Spatial-TTT"),
        ("Mixture of Experts", "sparse MoE layers"),
        ("Sigma-Mem", "We introduce Σ-Mem, an online memory"),
        ("Human Eval", "on HumanEval and MBPP"),
        ("M3FinMeeting", "we propose M³FinMeeting, a dataset"),  # a superscript
        ("M3FinMeeting", "we propose M^3FinMeeting, a dataset"),  # a caret
        ("Qwen 3 (235B)", "Qwen-3 (235B) leads"),
    ],
)
def test_a_name_spelled_another_way_is_mentioned(name: str, text: str) -> None:
    assert mentions(name, text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Frontis-MA2", "Frontis-MA1 (35B) improves Medal Average"),
        ("FireRedASR3-LLM", "FireRedASR2-LLM achieves 2.89% average CER"),
        ("GPT-5", "outperforming GPT-5.2 and Gemini-3 Pro"),  # another version
        ("UI-TARS-2", "Qwen-UI-Agent, a foundation GUI agent"),
        ("VideoCoder", "VideoCoCo improves the OmniWeaving baseline"),
        ("Claude 4 Opus", "frontier models, including Opus 4.8"),  # no Claude, and not 4
    ],
)
def test_another_name_is_not_mentioned(name: str, text: str) -> None:
    assert not mentions(name, text)


def test_a_name_must_be_whole_in_the_text() -> None:
    # Every token of the name is matched, in order and side by side.
    assert not mentions("Qwen UI Agent", "Qwen is a UI for an agent")
    assert not mentions("", "anything")


def test_tokens_keep_a_version_whole_and_spell_greek_letters() -> None:
    assert name_tokens("GPT-5.2 and Σ-Mem") == ("gpt", "5.2", "and", "sigma", "mem")


def test_squash_and_initials() -> None:
    assert squash("Human-Eval 2") == "humaneval2"
    assert "moe" in initials(["Mixture", "of", "Experts"])
    assert "me" in initials(["Mixture", "of", "Experts"])


def test_plain_writes_a_superscript_out_however_it_was_typed() -> None:
    assert plain("M^3FinMeeting") == plain("M³FinMeeting") == "M3FinMeeting"
    assert squash("M³FinMeeting") == "m3finmeeting"
    assert plain("x ^ 2 and a^b") == "x ^ 2 and ab"


def test_spelled_finds_the_tokens_that_spell_a_name() -> None:
    text = "to extend reasoning to Vision-Language Models (VLMs)."
    assert {"vision", "language", "models", "vlms"} <= spelled("VLM", text)
    assert spelled("GRPO", "trained with PPO on math") == set()
    assert mentions("LLM", "several LLMs") and not mentions("RL", "the RLs")


def test_a_plural_acronym_is_spelled_by_its_words() -> None:
    # q-3414: "Large Language Models (LLMs)" spells "LLMs"; two words spell no plural of three.
    assert {"large", "language", "models"} <= spelled("LLMs", "in Large Language Models (LLMs)")
    assert {"language", "models"} <= spelled("LMs", "small language models")
    assert spelled("LLMs", "with language models") == set()
