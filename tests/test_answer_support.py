"""Supporting quotes after the lead of an answer (assistant.pipeline.answer): at most two, each
adding a part of the question, and never a background sentence."""

from __future__ import annotations

import re

import numpy as np

from assistant.llm.base import Generation
from assistant.pipeline.answer import AnswerBuilder, AnswerContext, adds_ask, choose_path
from assistant.pipeline.evidence import SourceBundle
from assistant.pipeline.grounding import SourceText
from assistant.pipeline.types import Answer, Evidence, RetrievedPaper
from vectorstore.embeddings import FakeEmbedder

TITLE = "PRESTO: Predicting Rare Events from Intermediate Outcomes"
BACKGROUND = "Recent reports claim that rare clinical events are hard to predict from records."
NAMED = "We present PRESTO, a relaxation of the proportional odds model for rare events."
RESULT = "PRESTO improves the AUC on rare events by 12 points over a proportional odds model."
BORROWS = "PRESTO borrows strength by predicting the intermediate outcomes of each record."
SETUP = "Intermediate outcomes, such as hospital admission, are far more common than death."


def answer(
    question: str, quotes: list[str], title: str = TITLE, opening: str = BACKGROUND
) -> Answer:
    """The quote-led answer when the model drafts nothing, ``quotes`` best first, over an
    abstract that opens on ``opening``."""
    abstract = " ".join([opening, NAMED, SETUP, RESULT, *quotes])
    paper = RetrievedPaper("p1", title, None, None, 1.0, 0.5, 0.5, abstract=abstract)
    text = SourceText.of(title, abstract)
    bundle = SourceBundle(paper, text, np.ones((len(text.sentences), 2), dtype=np.float32))
    evidence = [Evidence(1, "p1", s, 0.5) for s in quotes]
    ctx = AnswerContext(question, [paper], [bundle], evidence, evidence, 0.9, 0.1)
    builder = AnswerBuilder(ctx, embedder=FakeEmbedder(), llm=None, canary="", started=0.0)
    events = list(builder.stream_verified(Generation(iter([]))))
    final = events[-1].answer
    assert final is not None
    return final


def quoted(text: str) -> list[str]:
    return re.findall(r"“(.+?)”", text)


def test_no_quote_adding_only_the_question_s_description_of_the_paper_follows() -> None:
    # SETUP, NAMED and CARE each add words of the question, but only of the words around its
    # ask that describe the paper: the lead already says how PRESTO borrows strength.
    care = "Records of intensive care units were split by patient into training and test sets."
    question = (
        "Predicting death from hospital admission in intensive care with the proportional odds"
        " relaxation, how does PRESTO borrow strength for rare events?"
    )
    assert quoted(answer(question, [BORROWS, SETUP, NAMED, care]).answer) == [BORROWS]


def test_no_quote_restates_the_question_after_a_lead_giving_the_number() -> None:
    # RESULT gives the number asked for: SETUP and NAMED add words of the question only.
    question = (
        "Predicting death from hospital admission with the proportional odds relaxation,"
        " by how many AUC points does PRESTO gain?"
    )
    assert quoted(answer(question, [RESULT, SETUP, NAMED]).answer) == [RESULT]


def test_the_sentence_introducing_the_paper_does_not_follow_a_lead() -> None:
    question = "How does the relaxation of the proportional odds model borrow strength?"
    assert quoted(answer(question, [BORROWS, NAMED]).answer) == [BORROWS]


def test_the_referent_of_a_lead_opening_on_it_follows() -> None:
    result = "Compared to the proportional odds model, it improves the AUC by 12 points."
    question = "By how many AUC points does the relaxation of the proportional odds model gain?"
    assert quoted(answer(question, [result, NAMED]).answer) == [result, NAMED]


def test_a_background_sentence_never_follows_the_lead() -> None:
    question = "For clinical records, what is the relaxation of the proportional odds model called?"
    shown = answer(question, [NAMED, BACKGROUND]).answer
    assert quoted(shown) == [NAMED]


def test_a_name_of_the_title_supplies_no_name_the_lead_lacks() -> None:
    # "AI" of the title is no answer to "what mechanism ...": the quote holding it adds nothing.
    mechanism = "Rare events give a classifier few positive labels, so its scores stay flat."
    clinical = "The proportional odds model is widely used in clinical AI for risk scores."
    question = "What mechanism makes rare events hard to predict?"
    assert quoted(answer(question, [mechanism, clinical], "Rare Events in Clinical AI").answer) == [
        mechanism
    ]


def test_a_question_about_a_name_no_close_paper_mentions_abstains() -> None:
    # OCTOPUS is not PRESTO: quoting PRESTO's AUC would answer for something else.
    abstract = " ".join([NAMED, RESULT])
    paper = RetrievedPaper("p1", TITLE, None, None, 1.0, 0.5, 0.5, abstract=abstract)
    text = SourceText.of(TITLE, abstract)
    bundle = SourceBundle(paper, text, np.ones((len(text.sentences), 2), dtype=np.float32))
    evidence = [Evidence(1, "p1", RESULT, 0.5)]
    ctx = AnswerContext(
        "By how many AUC points does OCTOPUS gain?",
        [paper],
        [bundle],
        evidence,
        evidence,
        0.9,
        0.1,
        unnamed="OCTOPUS",
    )
    assert choose_path(ctx) == "abstained"
    builder = AnswerBuilder(ctx, embedder=FakeEmbedder(), llm=None, canary="", started=0.0)
    final = list(builder.respond(lambda: Generation(iter([]))))[-1].answer
    assert final is not None and final.abstained
    assert final.answer == (
        f"None of the papers closest to this question mentions “OCTOPUS”. Nearest papers: "
        f'"{TITLE}".'
    )


def test_a_number_not_given_on_a_name_no_paper_holds_says_no_paper_mentions_it() -> None:
    # The closest paper is about none of the question's names: "it does not give the WER on
    # LibriSpeech" would read as if it were about LibriSpeech.
    abstract = " ".join([NAMED, RESULT])
    paper = RetrievedPaper("p1", TITLE, None, None, 1.0, 0.5, 0.5, abstract=abstract)
    text = SourceText.of(TITLE, abstract)
    bundle = SourceBundle(paper, text, np.ones((len(text.sentences), 2), dtype=np.float32))
    evidence = [Evidence(1, "p1", RESULT, 0.5)]
    question = "What word error rate does the speech paper report on LibriSpeech?"
    given = {"not_given": "the word error rate on LibriSpeech"}
    ctx = AnswerContext(question, [paper], [bundle], evidence, evidence, 0.9, 0.1, **given)
    said = AnswerBuilder(ctx, embedder=FakeEmbedder(), llm=None, canary="", started=0.0)
    final = list(said.respond(lambda: Generation(iter([]))))[-1].answer
    assert final is not None and final.answer.startswith("The closest paper")
    absent = AnswerContext(
        question, [paper], [bundle], evidence, evidence, 0.9, 0.1, absent="LibriSpeech", **given
    )
    said = AnswerBuilder(absent, embedder=FakeEmbedder(), llm=None, canary="", started=0.0)
    final = list(said.respond(lambda: Generation(iter([]))))[-1].answer
    assert final is not None and final.abstained
    said_absent = "No paper in the feed mentions “LibriSpeech”."
    assert final.answer == f'{said_absent} Nearest papers: "{TITLE}".'


def test_the_abstract_s_opening_sentence_does_not_follow_the_lead() -> None:
    # It adds words of the question ("intensive care units"), but only sets the field's scene.
    opening = "Intensive care units admit many patients whose rare outcomes shape triage."
    question = "In intensive care units, how does PRESTO borrow strength for rare events?"
    assert quoted(answer(question, [BORROWS, opening], opening=opening).answer) == [BORROWS]


def test_an_opening_sentence_saying_what_the_paper_does_adds_no_ask_either() -> None:
    # "We study ..." is the paper's own work, but its words are the question's setting only.
    opening = "We study intensive care units, whose rare outcomes shape triage."
    question = "In intensive care units, how does PRESTO borrow strength for rare events?"
    shown = answer(question, [BORROWS, opening], opening=opening).answer
    assert quoted(shown) == [BORROWS]


def test_a_quote_adds_the_ask_of_a_part_the_lead_leaves_unsaid() -> None:
    question = "How does PRESTO borrow strength, and how does it calibrate its scores on wards?"
    calibrates = "Scores are calibrated per ward with isotonic regression on held-out records."
    assert adds_ask(calibrates, BORROWS, question, TITLE)
    # The lead already says how it borrows strength; a sentence repeating that adds nothing.
    assert not adds_ask("PRESTO borrows strength across records.", BORROWS, question, TITLE)


def test_a_quote_adds_no_ask_by_sharing_one_word_of_a_part_mostly_unsaid() -> None:
    # "limited" meets "limit" of the second ask; "loop" it lacks: half is not enough when
    # the lead has said "layers" already.
    question = "How does it run many iterations, and to which layers does it limit the looping?"
    shown = "It performs several iterations via weight sharing on shallow layers."
    assert not adds_ask("Recursion adds depth with limited overhead.", shown, question)


def test_a_name_given_leaves_no_ask_for_its_description() -> None:
    # "Which ... records" asks for a name; the lead gives PRESTO, and the quote only repeats
    # what the question says of it.
    question = "Which model borrows strength from intermediate outcomes of clinical records?"
    shown = "We present PRESTO for rare events."
    assert not adds_ask(BORROWS.replace("PRESTO", "It"), shown, question, TITLE)


def test_a_how_part_answered_by_a_means_takes_no_description_of_its_subject() -> None:
    # The lead says by what means; the quote repeats the question's description of PRESTO.
    question = "How does the rare-event model built on ward triage records borrow strength?"
    describes = "Ward triage records feed a rare-event model that is trained on its own scores."
    assert not adds_ask(describes, BORROWS, question, TITLE)


def test_a_quote_introducing_the_paper_adds_no_ask() -> None:
    question = "How does the relaxation of the proportional odds model borrow strength?"
    assert not adds_ask(NAMED, BORROWS, question, TITLE)
