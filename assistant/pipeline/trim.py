"""Which model sentence may answer: a trim of what the lead quote shows. Pure functions.

The lead quote (``lead``) is the abstract sentence that holds what is asked, cut to the clauses
and items that answer (``shown_spans``). A model sentence that answers the question
(``answers``) says so in the words of that sentence and keeps what the span answers with, or
it is no answer of the evidence: in a recorded dev run, each model sentence that answered from
another sentence, or with an item the span cuts, was wrong ("a 6.5% gain" where the span says
"an average improvement of 3.3%"; "a garment UNet" for the metric the span names).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.pipeline import ask, faithful, items, lead, meaning
from assistant.pipeline.evidence import need_of, satisfies
from assistant.pipeline.text import content_words, numbers, stems


def shown_spans(question: str, sentences: Sequence[str], title: str) -> list[str]:
    """What the lead quotes (already cleaned for display) show: each cut to the clauses that
    answer its part (``lead.lead_spans``), an enumeration to the items that do."""
    spans = lead.lead_spans(question, sentences)
    return [items.cut_to_items(s, question, title) for s in spans]


def answers(text: str, question: str, source: str, title: str) -> bool:
    """``text`` holds what the question asks (``satisfies``), for each part of a two-part
    question (``lead.answers_each_part``)."""
    held = satisfies(text, question, need_of(question), source)
    return held and lead.answers_each_part(text, question, title)


def trims_lead(text: str, question: str, sentences: Sequence[str], spans: Sequence[str]) -> bool:
    """``text`` is drawn from the one lead sentence alone (``faithful.drawn_from``), keeps what
    its shown span answers with (``keeps_answer``) and, for a "how" ask, tells the means when
    the span does. A two-part lead of two quotes is never one model sentence's: drawn from one
    of them, it answers one part."""
    if len(spans) != 1:
        return False
    span, asked = spans[0].strip("…"), ask.ask_of(question)  # "X: how does it ...?" asks "how"
    if lead.tells_means(span, asked) and not lead.tells_means(text, asked):
        return False  # the question restated, without the means the span gives
    drawn = faithful.drawn_from(text, question, sentences[0], []) is None
    return drawn and keeps_answer(text, span, question)


def keeps_answer(text: str, span: str, question: str) -> bool:
    """``text`` says something ``span`` adds to the question: one of its numbers or names the
    question lacks, or NEW_FROM_QUOTE of its new words (all, when fewer). "A geometry-aware
    feature alignment module", the second item of the lead sentence, shares nothing with the
    "image-pose dual-stream diffusion model" its span cuts to."""
    marks = (numbers(span) | meaning.names(span)) - numbers(question) - meaning.names(question)
    if marks & (numbers(text) | meaning.names(text)):
        return True
    new = stems(content_words(span)) - stems(content_words(question)) - faithful.FRAMING
    return len(new & stems(content_words(text))) >= min(len(new), faithful.NEW_FROM_QUOTE)
