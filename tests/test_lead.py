"""The lead of a quote-led answer (assistant.pipeline.lead): which quote answers, and how."""

from __future__ import annotations

from assistant.pipeline.lead import (
    ask_of,
    best_quote,
    focus,
    lead_quotes,
    lead_spans,
    question_parts,
)
from assistant.pipeline.types import Evidence

SETUP = (
    "In this paper, we consider an iterative variant of self-distillation in a kernel "
    "regression setting, in which successive steps incorporate both model outputs and targets."
)
RESULT = (
    "We show that infinitely many distillation steps amount to the original optimization "
    "problem with amplified regularization."
)
OTHER = "Experiments on three datasets confirm the analysis."


def quote(sentence: str) -> Evidence:
    return Evidence(1, "p1", sentence, 0.5)


def test_a_two_part_question_splits_at_its_second_ask() -> None:
    question = "Which activation replaces Softmax, and up to what multiple does the loss stay flat?"
    assert question_parts(question) == [
        "Which activation replaces Softmax",
        "up to what multiple does the loss stay flat?",
    ]
    assert question_parts("How do cats and dogs differ?") == ["How do cats and dogs differ?"]


def test_the_ask_leaves_out_the_context_around_it() -> None:
    question = "In the kernel regression analysis, what do infinite steps amount to?"
    assert ask_of(question) == ", what do infinite steps amount to?"
    trailing = "What mechanism makes it hard, according to the paper on scaling?"
    assert ask_of(trailing) == "What mechanism makes it hard"


def test_the_answer_sentence_is_more_focused_than_the_setup_sentence() -> None:
    question = (
        "In the kernel regression analysis of iterative self-distillation, what do infinitely "
        "many distillation steps amount to?"
    )
    sentences = [SETUP, RESULT, OTHER]
    assert focus(RESULT, question, sentences) > focus(SETUP, question, sentences)
    assert best_quote(question, [quote(SETUP), quote(RESULT)], sentences).sentence == RESULT


def test_a_quote_holding_the_asked_number_leads() -> None:
    question = "By how much does the method reduce latency?"
    background = "Latency matters for the method in interactive systems."
    holding = "The method reduces latency by 38% on average."
    quotes = [quote(background), quote(holding)]
    assert best_quote(question, quotes, [background, holding]).sentence == holding


def test_a_two_part_question_answered_by_two_sentences_leads_with_both() -> None:
    name = "We propose Softplus attention, which replaces the non-linear part of Softmax."
    number = "Validation loss stays nearly constant even at 16 times the training length."
    question = (
        "Which activation replaces the non-linear part of Softmax, and up to what multiple "
        "of the training length does validation loss stay nearly constant?"
    )
    leads = lead_quotes(question, [quote(name), quote(number)], [name, number])
    assert [q.sentence for q in leads] == [name, number]
    assert lead_spans(question, [q.sentence for q in leads]) == [name, number]


def test_one_sentence_answering_both_parts_leads_alone() -> None:
    both = "Our model, Duo, transfers Gaussian diffusion to cut sampling steps by 100 times."
    other = "Diffusion language models are slow to sample."
    question = "What is the model called, and by how much does it cut sampling steps?"
    leads = lead_quotes(question, [quote(both), quote(other)], [both, other])
    assert [q.sentence for q in leads] == [both]
