"""Is a model sentence drawn from the quote it was given? Pure functions.

The model's job is small: turn the lead quote (the abstract sentence that answers, see
``lead``) into a direct answer to the question, in the quote's own words. What it may add is the
question's wording and a few framing words; what it may not do is bring a word, number or name
the quote lacks, put the quote's names and numbers in another order (that is how "WM outperforms
STE" becomes "STE outperforms WM"), reverse a direction, negate, repeat itself or only echo the
question. A sentence that passes says what the quote says, so it can lead the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.pipeline import meaning
from assistant.pipeline.text import STOPWORDS, content_words, numbers, stems

# Stems a direct answer may add to the quote and the question: "X is called Y", "X uses Y".
FRAMING = frozenset(
    stems(
        {
            "called",
            "named",
            "uses",
            "used",
            "proposed",
            "introduces",
            "introduced",
            "achieves",
            "reaches",
            "shows",
            "method",
            "paper",
            "approach",
            "authors",
            "model",
            "answer",
            "based",
        }
    )
)
COPY_SHARE = 0.5  # share of the sentence's word pairs the quote must hold: no word salad
NEW_FROM_QUOTE = 2  # content words of the quote, not in the question, an answer must carry


def drawn_from(sentence: str, question: str, lead: str, shown: Sequence[str]) -> str | None:
    """Why ``sentence`` is drawn from none of the quotes (the ``lead``, or any one ``shown``
    quote alone), or None when it is drawn from one. A lead of two sentences, side by side
    for a two-part question, counts only sentence by sentence: drawn from both together, the
    name of one was given the other's words ("Graph recurrent network is a multi-agent
    reinforcement learning framework" of "GA-MATR ... framework" and "Graph recurrent network
    is introduced to process ...")."""
    first = None
    for quote in [*meaning.source_sentences(lead), *shown]:
        found = problems(sentence, quote, question)
        if not found:
            return None
        first = first or found[0]
    return first or "no quote to draw from"


def problems(sentence: str, quote: str, question: str) -> list[str]:
    """Why ``sentence`` does not say what ``quote`` says in answer to ``question``; empty when
    it does."""
    found = _foreign(sentence, quote, question)
    if not _same_order(sentence, quote):
        found.append("names or numbers in another order than the quote")
    found += meaning.reversed_polarity(sentence, quote, quote)
    found += [f"number bound to other names: {n}" for n in meaning.unbound_numbers(sentence, quote)]
    found += [f"number with other words around it: {n}" for n in _moved_numbers(sentence, quote)]
    found += [
        f"number with another clause's words: {n}"
        for n in meaning.misbound_numbers(sentence, quote)
    ]
    found += [
        f"name given to another kind of thing: {n}" for n in _rekinded(sentence, quote, question)
    ]
    if meaning.copied_share(sentence, quote) < COPY_SHARE and not meaning.reworded(sentence, quote):
        found.append("not in the quote's wording")
    if meaning.repeats_itself(sentence) or meaning.garbled(sentence):
        found.append("repeats itself or is garbled")
    if not _answers(sentence, question):
        found.append("echoes the question")
    return found


def _foreign(sentence: str, quote: str, question: str) -> list[str]:
    """Words, numbers and names the quote and the question lack."""
    allowed = stems(content_words(f"{quote} {question}")) | FRAMING
    words = sorted(stems(content_words(sentence)) - allowed)
    found = [f"word not in the quote: {w}" for w in words]
    found += [f"number not in the quote: {n}" for n in sorted(numbers(sentence) - numbers(quote))]
    # A quote's word in capitals is no new name: "Neural Network Weights Generation (D2NWG)"
    # for "D2NWG, a ... neural network weights generation technique".
    spelled = {part for word in content_words(quote) for part in (word, *word.split("-"))}
    names = meaning.names(sentence) - meaning.names(f"{quote} {question}") - spelled
    return found + [f"name not in the quote: {n}" for n in sorted(names)]


def _same_order(sentence: str, quote: str) -> bool:
    """The quote's names and numbers appear in the sentence in the quote's order, but for
    those in a prepositional phrase ("On NExT-QA, X reaches ..."), which may move: a number's
    ties to its names are checked by binding."""
    marked = (meaning.names(quote) | numbers(quote)) - _movable(quote)
    in_quote = _marks(quote, marked)
    in_sentence = _marks(sentence, marked)
    positions = iter(in_quote)
    return all(any(mark == seen for seen in positions) for mark in in_sentence)


def _movable(quote: str) -> set[str]:
    """Names and numbers in a prepositional phrase of the quote: the one after the preposition
    and the rest of its list ("on the CLCD, PX-CLCD, LEVIR-CD, and S2Looking datasets")."""
    marked = {_mark(n) for n in meaning.names(quote) | numbers(quote)}
    movable: set[str] = set()
    in_phrase = False
    for token in meaning.tokens(quote):
        word = token.lower()
        if word in meaning.PREPOSITIONS:
            in_phrase = True
        elif in_phrase and _mark(token) in marked:
            movable.add(_mark(token))
        elif word not in _LIST_GLUE:
            in_phrase = False
    return movable


_LIST_GLUE = frozenset("the a an and or".split())  # what may stand inside a list of names


def _mark(token: str) -> str:
    return token.lower().rstrip("%x×").replace(",", "")


def _rekinded(sentence: str, quote: str, question: str) -> list[str]:
    """Names the sentence puts next to a kind of thing ("a fusion strategy called MMFusion")
    that the quote puts next to another kind only ("the MMFusion architecture")."""
    in_quote = _kinds_of_names(quote) | _kinds_of_names(question)
    quoted_names = {name for name, _ in in_quote}
    return sorted(
        {name for name, kind in _kinds_of_names(sentence) - in_quote if name in quoted_names}
    )


def _kinds_of_names(text: str) -> set[tuple[str, str]]:
    """(name, kind) pairs standing within NAME_NEAR_KIND tokens of each other."""
    toks = [t.lower() for t in meaning.tokens(text)]
    named = meaning.names(text)
    kinds = [(i, meaning.kind_of(t)) for i, t in enumerate(toks) if meaning.is_kind(t)]
    return {
        (t, kind)
        for j, t in enumerate(toks)
        if t in named
        for i, kind in kinds
        if abs(i - j) <= meaning.NAME_NEAR_KIND
    }


NUMBER_WINDOW = 2  # content words each side of a number that say what it measures


def _moved_numbers(sentence: str, quote: str) -> list[str]:
    """Numbers whose neighbouring words in the sentence share nothing with their neighbours
    in the quote: "hallucination rates from 2.5" where the quote has "cognition value from
    2.5"."""
    moved = []
    quoted = _number_contexts(quote)
    for number, around in _number_contexts(sentence).items():
        in_quote = quoted.get(number)
        if in_quote is not None and around and not around & in_quote:
            moved.append(number)
    return moved


def _number_contexts(text: str) -> dict[str, set[str]]:
    """Each number of ``text`` with the stems of the NUMBER_WINDOW content words on each side."""
    toks = [t for t in meaning.tokens(text) if t.lower() not in STOPWORDS]
    contexts: dict[str, set[str]] = {}
    for i, token in enumerate(toks):
        if numbers(token):
            near = [
                t for t in toks[max(0, i - NUMBER_WINDOW) : i + NUMBER_WINDOW + 1] if not numbers(t)
            ]
            contexts.setdefault(_mark(token), set()).update(stems({t.lower() for t in near}))
    return contexts


def _marks(text: str, marked: set[str]) -> list[str]:
    """The names and numbers of ``marked`` in the order ``text`` first says them."""
    order: list[str] = []
    for token in meaning.tokens(text):
        mark = _mark(token)
        if mark in marked and mark not in order:
            order.append(mark)
    return order


def _answers(sentence: str, question: str) -> bool:
    """The sentence brings the quote's content rather than echoing the question: a number or
    name the question lacks, or NEW_FROM_QUOTE of the quote's words. (Whether it holds what is
    asked decides whether it can lead, not whether it is true: ``answer`` asks that.)"""
    if numbers(sentence) - numbers(question) or meaning.names(sentence) - meaning.names(question):
        return True
    from_quote = stems(content_words(sentence)) - stems(content_words(question)) - FRAMING
    return len(from_quote) >= NEW_FROM_QUOTE
