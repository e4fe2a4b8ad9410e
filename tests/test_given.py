"""given.number_not_given: does the paper that answers give the number a question asks for?"""

from __future__ import annotations

import pytest

from assistant.pipeline.given import counted_noun, number_not_given

FLASH = [
    "FlashWorld: High-quality 3D scene generation within seconds",
    "We propose FlashWorld, a generative model that produces 3D scenes from a single image "
    "in seconds, 10~100times faster than previous works.",
]


def test_a_counted_noun_the_abstract_never_counts_is_not_given() -> None:
    q = "How many parameters does the FlashWorld model have?"
    assert number_not_given(q, FLASH) == "the number of parameters"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many parameters does TiM have?", "TiM, with only 865M parameters, beats SD3.5."),
        ("How many parameters does X have?", "Our 7B model X beats larger ones."),
        (
            "On how many benchmark datasets was U-CoT+ validated?",
            "It is validated on seven benchmark datasets.",
        ),
        ("How many QA pairs does Bee comprise?", "Bee holds 15 million high-quality QA pairs."),
        ("How many stages does the curriculum have?", "We train with a three-stage curriculum."),
        (
            "How many questions does it contain?",
            "It holds 1,012 high-quality Chinese and English questions.",
        ),
    ],
)
def test_a_quantity_just_before_the_counted_noun_gives_it(question: str, sentence: str) -> None:
    assert number_not_given(question, ["T", sentence]) is None


def test_a_number_elsewhere_does_not_count_the_noun() -> None:
    q = "How many GPUs were used to train TideGS?"
    assert (
        number_not_given(q, ["T", "TideGS trains one billion Gaussians on a single 24 GB GPU."])
        is None
    )
    q = "How many GPUs were used to train Y?"
    assert number_not_given(q, ["T", "Y trains on GPUs and renders 12 times faster."]) == (
        "the number of gpus"
    )


def test_other_number_questions_need_some_new_quantity() -> None:
    q = "What accuracy does the verifier reach on Hard2Verify?"
    assert (
        number_not_given(q, ["T", "Open-source verifiers lag closed models."])
        == "the number asked for"
    )
    assert number_not_given(q, ["T", "The best verifier reaches 37.3% accuracy."]) is None


def test_questions_asking_no_number_are_left_alone() -> None:
    assert number_not_given("What is the method called?", ["T", "No numbers here."]) is None
    assert counted_noun("How many times fewer steps does it need?") is None
