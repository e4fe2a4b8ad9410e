"""name_given.name_not_given: does the paper that answers give the name a question asks for?
(Session 28, q-4919 and q-4939: the abstract speaks of the asked thing only unnamed.)"""

from __future__ import annotations

import pytest

from assistant.pipeline.name_given import name_not_given

PANDORA = [
    "Pandora: Towards General World Model with Natural Language Actions and Video States",
    "Crucially, Pandora bypasses the cost of training-from-scratch by integrating a pretrained "
    "LLM (7B) and a pretrained video model, requiring only additional lightweight finetuning.",
]
COUNTGEN = [
    "Make It Count: Text-to-Image Generation with an Accurate Number of Objects",
    "We introduce CountGen, which identifies the features that carry object identity.",
    "Evaluated on two benchmark datasets, we find that CountGen strongly outperforms the "
    "count-accuracy of existing baselines.",
]


def test_a_thing_spoken_of_only_as_a_kind_is_not_named() -> None:
    asked = "Which pretrained video model does Pandora integrate with its 7B LLM?"
    assert name_not_given(asked, PANDORA) == "the name of the pretrained video model"
    asked = "Which two benchmark datasets is CountGen evaluated on?"
    assert name_not_given(asked, COUNTGEN) == "the names of the two benchmark datasets"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (  # a list after a colon names them, in lower case
            "What two policies does TTCS initialize from the same pretrained model?",
            "TTCS initializes two policies from the same pretrained model: a question "
            "synthesizer and a reasoning solver.",
        ),
        (  # an aside names it
            "What new metric does tau-bench propose?",
            "We also propose a new metric (pass^k) to evaluate reliability over trials.",
        ),
        (  # another sentence on the kind names it
            "Which pretrained video model does Pandora integrate?",
            "The video model is initialised from DynamiCrafter.",
        ),
        (  # an appositive names it
            "Which benchmark does X introduce?",
            "We introduce a benchmark, MathVerse-Pro, of 2,000 problems.",
        ),
    ],
)
def test_a_named_thing_is_given(question: str, sentence: str) -> None:
    assert name_not_given(question, [*PANDORA, sentence]) is None


def test_only_name_asks_of_a_kind_are_judged() -> None:
    """A part asking for a number, or a name ask of no kind of thing, is left to other checks:
    one answered part of a two-part question is an answer."""
    two_parts = "Which pretrained video model does Pandora use, and how large is its LLM?"
    assert name_not_given(two_parts, PANDORA) is None
    assert name_not_given("What does Pandora integrate with its LLM?", PANDORA) is None
