"""The abstention's "missing" feature: a name the question uses that none of the nearest
papers gives, whichever way either spells it."""

from __future__ import annotations

from assistant.pipeline.abstain import features
from assistant.pipeline.types import RetrievedPaper


def _paper(title: str, abstract: str) -> RetrievedPaper:
    return RetrievedPaper("p1", title, None, None, 0.5, 0.0, 0.0, abstract=abstract)


OCR = _paper("FireRed-OCR Technical Report", "We present FireRed-OCR, a framework for OCR.")
T3RL = _paper("Tool Verification for TTRL", "We address this with T^3RL, a verified method.")


def _missing(question: str, paper: RetrievedPaper) -> float:
    return features(question, [paper], [], {}, 10)["missing"]


def test_a_name_spelled_with_a_space_or_without_markup_is_not_missing() -> None:
    assert _missing("What stage ends FireRed OCR's training?", OCR) == 0.0
    assert _missing("How does T3RL make its labels reliable?", T3RL) == 0.0


def test_a_name_no_near_paper_gives_is_missing() -> None:
    assert _missing("What does FireBlue OCR reach on OmniDocBench?", OCR) == 1.0
    assert _missing("How does T4RL make its labels reliable?", T3RL) == 1.0


VAD = _paper(
    "FireRedVAD: Voice Activity Detection",
    "FireRedVAD reaches 97.57% frame-level F1 on FLEURS-VAD-102, and VideoSeal scores 77.88 "
    "on VBench-2.0.",
)


def test_a_name_written_as_one_word_is_found_from_the_question_s_two_words() -> None:
    # "FireRed VAD" gives the entity "firered", which no word of "FireRedVAD" is alone
    assert _missing("What frame-level F1 does FireRed VAD achieve on FLEURS-VAD-102?", VAD) == 0.0
    assert _missing("What VBench-2.0 score does Video Seal reach?", VAD) == 0.0
    # a name that is not there stays missing, however it is split
    assert _missing("What frame-level F1 does FireBlue VAD achieve?", VAD) == 1.0
