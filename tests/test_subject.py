"""pipeline.subject: the names a question asks about, and which of them no close paper names."""

from __future__ import annotations

import pytest

from assistant.pipeline.subject import (
    absent_name,
    missing_subject,
    named_first,
    on_subject,
    subject_names,
)
from assistant.pipeline.types import Evidence, RetrievedPaper

OSCAR = "OScaR: a vision agent. OScaR reaches 61.2% on MVBench, above GPT-4o."


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What does OCTOPUS score on MVBench?", ["OCTOPUS"]),
        ("What accuracy does Claude 4 Opus reach on MADQA?", ["Claude 4 Opus"]),
        ("How much faster is FlashWorld than GPT-4o?", ["FlashWorld"]),  # a baseline
        ("What F1 does FireRed VAD achieve on FLEURS-VAD-102?", ["FireRed VAD"]),  # a measure
        ("What VBench-2.0 score does Video CoCo reach?", ["Video CoCo"]),
        ("What accuracy does EndoThink reach on Maze, TSP, VSP and Sudoku?", ["EndoThink"]),
        ("How is MemHarness, Beacon or Metis trained?", ["MemHarness", "Beacon", "Metis"]),
        ("GRPO or PPO: which does Beacon use?", ["GRPO", "PPO", "Beacon"]),
        ("How many languages is the model trained on?", []),
        ("How many tasks does the Ravens-based dataset hold?", ["Ravens"]),  # a modifier
        # a compound modifier at either end of a run: the name it modifies is asked about
        ("How far does a GRPO-trained Beacon model get?", ["Beacon"]),
        ("What does the SFT-trained Qwen 2.5 model score on GSM8K?", ["Qwen 2.5"]),
    ],
)
def test_subject_names(question: str, names: list[str]) -> None:
    assert subject_names(question) == names


def test_a_subject_no_close_paper_names_is_missing() -> None:
    assert missing_subject("What does OCTOPUS score on MVBench?", [OSCAR]) == "OCTOPUS"
    # The benchmark and baseline may be missing: they are not what is asked about.
    assert missing_subject("What does OScaR score on Video-MME, beating GPT-5?", [OSCAR]) is None


def test_a_subject_spelled_another_way_is_named() -> None:
    texts = ["Title", "We train Qwen2.5-VL with Group Relative Policy Optimization (GRPO)."]
    assert missing_subject("What does GRPO train in the Qwen 2.5 VL paper?", texts) is None
    assert missing_subject("What does GRPO train in the Qwen 3 VL paper?", texts) == "Qwen 3 VL"


def test_a_name_used_as_a_modifier_is_named_by_its_root() -> None:
    texts = ["LoHoVLA", "We introduce LoHoSet, a dataset built on the Ravens simulator."]
    assert missing_subject("How many tasks does the Ravens-based dataset hold?", texts) is None


def test_the_name_may_be_in_any_close_paper() -> None:
    assert missing_subject("What does Beacon reward?", [OSCAR, "Beacon rewards tools."]) is None


def test_a_description_around_a_common_acronym_is_named_by_its_parts() -> None:
    texts = ["We train agents in Minecraft with reinforcement learning."]
    assert missing_subject("What does the Minecraft RL work use as goals?", texts) is None
    assert missing_subject("What does the Terraria RL work use as goals?", texts) == "Terraria RL"


def test_a_model_size_may_stand_apart_from_the_name() -> None:
    texts = ["Aya 23 serves 23 languages. We release both the 8B and 35B models."]
    assert missing_subject("What MMLU score does Aya 23 35B achieve?", texts) is None
    assert missing_subject("What MMLU score does Aya 23 70B achieve?", texts) == "Aya 23 70B"


def test_names_one_small_word_apart_are_one_name() -> None:
    assert subject_names("Who wrote War and Peace?") == ["War and Peace"]
    moe = ["Sparse MoE layers route tokens.", "Beacon. Metis."]
    assert missing_subject("How does the Mixture of Experts layer route tokens?", moe) is None
    assert missing_subject("Are Beacon and Metis trained alike?", moe) is None
    assert missing_subject("Are Beacon and Hermes trained alike?", moe) == "Hermes"
    assert missing_subject("Who wrote War and Peace?", moe) == "War and Peace"


def test_names_farther_apart_are_two() -> None:
    question = "What improvement do LASER-D and its variant achieve on AIME2024?"
    assert subject_names(question) == ["LASER-D"]


DUO = "The Diffusion Duality. We present Duo, a uniform-state diffusion language model."
FEED_DF = {"diffus": 3, "duo": 1, "librispeech": 0, "wer": 0}


def test_a_name_no_paper_holds_is_said_absent_when_the_closest_paper_is_about_none() -> None:
    question = "What word error rate does the speech recognition paper report on LibriSpeech?"
    assert absent_name(question, DUO, [DUO], FEED_DF) == "LibriSpeech"


def test_no_name_is_absent_when_the_closest_paper_is_about_the_subject() -> None:
    # The Duo paper lacks the score, but it is about Duo: "does not give" is the true answer.
    question = "What word error rate does Duo reach on LibriSpeech?"
    assert absent_name(question, DUO, [DUO], FEED_DF) is None


def test_a_name_some_paper_of_the_feed_holds_is_not_absent() -> None:
    question = "What word error rate does the speech recognition paper report on LibriSpeech?"
    assert absent_name(question, DUO, [DUO], FEED_DF | {"librispeech": 2}) is None


DSI = (
    "DSI-Bench: A Benchmark for Dynamic Spatial Intelligence. We introduce Dynamic Spatial "
    "Intelligence and propose DSI-Bench, a benchmark with over 1,700 manually annotated questions."
)
DSI_QUESTION = "How many questions does the Dynamic Spatial Intelligence Benchmark contain?"


def test_a_described_name_is_named_in_another_order() -> None:
    # "<Words> Benchmark" is named by "<Acronym>-Bench: A Benchmark for <Words>".
    assert missing_subject(DSI_QUESTION, [DSI]) is None
    assert (
        missing_subject(DSI_QUESTION, ["Title", "We propose DSI-Bench, 1,700 questions."]) is None
    )
    # Its words without its kind, or its kind for other words, do not name it.
    other = "SpaceBench: A Benchmark for Spatial Intelligence. We study dynamic scenes."
    assert missing_subject(DSI_QUESTION, [other]) == "Dynamic Spatial Intelligence Benchmark"
    words_only = "We study Dynamic Spatial Intelligence. A benchmark is proposed later."
    assert missing_subject(DSI_QUESTION, [words_only]) == "Dynamic Spatial Intelligence Benchmark"


def test_a_described_name_in_another_order_is_not_absent() -> None:
    assert absent_name(DSI_QUESTION, DSI, [DSI], {}) is None


def test_a_method_named_as_a_training_modifier_is_named_by_its_root() -> None:
    texts = ["Vectors", "One Qwen2.5 model is trained with SFT, the other with GRPO."]
    question = "How does a GRPO-trained model differ from an SFT-trained Qwen 2.5 model?"
    assert missing_subject(question, texts) is None


def _paper(paper_id: str, abstract: str) -> RetrievedPaper:
    return RetrievedPaper(
        paper_id, f"Paper {paper_id}", None, None, 0.5, 0.5, 0.5, abstract=abstract
    )


def test_the_paper_naming_the_asked_method_comes_first() -> None:
    near = _paper("a", "We boost the MATH500 score of Qwen2.5-Math-7B with a new reward.")
    other = _paper("b", "Agents search the web with long context windows.")
    named = _paper("c", "We propose TIDE, which boosts the MATH500 score of Qwen2.5-Math-7B by 9%.")
    question = "By how much does TIDE boost the MATH500 score of Qwen 2.5 Math 7B?"
    assert [p.paper_id for p in named_first(question, [near, other, named])] == ["c", "a", "b"]


def test_the_order_stays_when_the_top_paper_names_it_or_none_does() -> None:
    top = _paper("a", "We propose TIDE, a reward for math reasoning.")
    low = _paper("b", "TIDE is compared with our method.")
    question = "By how much does TIDE boost the MATH500 score?"
    assert named_first(question, [top, low]) == [top, low]
    nameless = "By how much does the new reward boost the MATH500 score?"
    assert named_first(nameless, [low, top]) == [low, top]
    assert named_first("What does FLARE do?", [low, top]) == [low, top]


def test_the_answer_is_chosen_from_the_papers_naming_the_asked_method() -> None:
    named = _paper("c", "We propose TIDE, which boosts the MATH500 score of Qwen2.5-Math-7B by 9%.")
    near = _paper("a", "We boost the MATH500 score of Qwen2.5-Math-7B by 12% with a new reward.")
    close = Evidence(2, "a", "We boost the MATH500 score of Qwen2.5-Math-7B by 12%.", 0.9)
    own = Evidence(1, "c", "TIDE boosts the MATH500 score by 9%.", 0.6)
    question = "By how much does TIDE boost the MATH500 score of Qwen 2.5 Math 7B?"
    assert on_subject(question, [close, own], [named, near]) == [own]


def test_all_evidence_stays_when_no_paper_or_no_name_is_asked_about() -> None:
    papers = [_paper("a", "We boost the MATH500 score."), _paper("b", "A reward for math.")]
    evidence = [Evidence(1, "a", "We boost the MATH500 score.", 0.9)]
    assert on_subject("By how much does TIDE boost it?", evidence, papers) == evidence
    assert on_subject("By how much is the score boosted?", evidence, papers) == evidence


def test_a_capitalised_word_opening_a_sentence_of_the_question_names_nothing() -> None:
    # q-1802 (issue 13): "Besides WebArena" was a name no paper mentions, so it abstained.
    question = (
        "An agent paper adds a world model. Besides WebArena, on which benchmark does it run?"
    )
    assert subject_names(question, settings=True) == ["WebArena"]


def test_an_ordinal_label_names_nothing() -> None:
    # q-2313 (issue 13): "Level II" abstained though the abstract writes "II: Cognitive ...".
    question = "In CBT-Bench, what task format is used for Level I, and what is Level II named?"
    assert "Level II" not in subject_names(question, settings=True)
    assert "Level I" not in subject_names(question, settings=True)


def test_a_name_of_several_words_is_named_by_its_head_and_its_last_word() -> None:
    # q-3908 (session 25): "GigaAM Multilingual, a Conformer encoder" names "GigaAM
    # Multilingual Conformer"; a last word naming a kind ("... Benchmark") must stand with it.
    question = "On how many hours is the GigaAM Multilingual Conformer encoder pre-trained?"
    giga = "GigaAM Multilingual. We present GigaAM Multilingual, a Conformer encoder."
    assert missing_subject(question, [giga]) is None
    assert missing_subject(question, ["We present GigaAM, an encoder."]) == (
        "GigaAM Multilingual Conformer"
    )
