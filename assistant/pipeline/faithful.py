"""Is a model sentence drawn from the quote it was given? Pure functions.

The model's job is small: turn the lead quote (the abstract sentence that answers, see
``lead``) into a direct answer to the question, in the quote's own words. What it may add is the
question's wording and a few framing words; what it may not do is bring a word, number or name
the quote lacks, put the quote's names and numbers in another order (that is how "WM outperforms
STE" becomes "STE outperforms WM"), reverse a direction, negate, repeat itself or only echo the
question. A sentence that passes says what the quote says, so it can lead the answer.
"""

from __future__ import annotations

import re
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
            "show",
            "demonstrates",
            "demonstrate",
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
    it does. The quote's "we" is the authors, as the sentence's is (``in_third_person``)."""
    quote = meaning.in_third_person(quote)
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
    if not _in_wording(sentence, quote, question):
        found.append("not in the quote's wording")
    if meaning.repeats_itself(sentence) or meaning.garbled(sentence):
        found.append("repeats itself or is garbled")
    if not _answers(sentence, question):
        found.append("echoes the question")
    return found


def _in_wording(sentence: str, quote: str, question: str) -> bool:
    """The sentence says the quote in its words, or over in another order (``reworded``), or
    is the question said back as a statement with the quote's answer put in place
    (``restates_question``)."""
    return (
        meaning.copied_share(sentence, quote) >= COPY_SHARE
        or meaning.reworded(sentence, quote)
        or meaning.restates_question(sentence, quote, question)
    )


def _foreign(sentence: str, quote: str, question: str) -> list[str]:
    """Words, numbers and names the quote and the question lack."""
    allowed = meaning.same_sense(stems(content_words(f"{quote} {question}"))) | FRAMING
    words = sorted(w for w in stems(content_words(sentence)) - allowed if not _of_parts(w, allowed))
    found = [f"word not in the quote: {w}" for w in words]
    # A number glued to letters as in the question is part of a name of it: "2D" of "2D
    # Gaussian Splatting" (not a bare "2").
    asked = {g.lower() for g in _GLUED.findall(question)}
    unglued = _GLUED.sub(lambda g: "" if g.group(0).lower() in asked else g.group(0), sentence)
    new_numbers = numbers(unglued) - numbers(quote)
    found += [f"number not in the quote: {n}" for n in sorted(new_numbers)]
    # A quote's word in capitals is no new name: "Neural Network Weights Generation (D2NWG)"
    # for "D2NWG, a ... neural network weights generation technique".
    spelled = {part for word in content_words(quote) for part in (word, *word.split("-"))}
    names = meaning.names(sentence) - meaning.names(f"{quote} {question}") - spelled
    return found + [f"name not in the quote: {n}" for n in sorted(names)]


_GLUED = re.compile(r"(?<![\w.])\d+[A-Za-z]{1,2}\b")  # "2D", "7B", not "16times"


def _of_parts(word: str, allowed: set[str]) -> bool:
    """A hyphenated word whose parts are all allowed: "long-simulated" of "long simulated"."""
    parts = set(word.split("-")) - STOPWORDS - {""}
    return "-" in word and bool(parts) and stems(parts) <= allowed


def _same_order(sentence: str, quote: str) -> bool:
    """The quote's names and numbers appear in the sentence in the quote's order, but for
    those in a prepositional phrase ("On NExT-QA, X reaches ..."), or naming what a number
    measures ("an FID of 1.79" of "an 1.79 FID score"), which may move: a number's ties to its
    names are checked by binding. Names the sentence lists side by side ("the Standby Model
    and the Active Model") may come in any order."""
    marked = (meaning.names(quote) | numbers(quote)) - _movable(quote)
    in_quote = _marks(quote, marked)
    # A name the quote says only inside a longer one ("Next" of "AF-Next") has no place to keep.
    said = [m for m in _marks(sentence, marked) if m in in_quote]
    in_sentence = _lists_in_quote_order(said, _listed(sentence), in_quote)
    positions = iter(in_quote)
    return all(any(mark == seen for seen in positions) for mark in in_sentence)


def _movable(quote: str) -> set[str]:
    """Names and numbers in a prepositional phrase of the quote: the one after the preposition
    and the rest of its list ("on the CLCD, PX-CLCD, LEVIR-CD, and S2Looking datasets", "on
    RoboCasa, DexMimicGen, and real-world SO-101 tasks"); and the name of what a number
    measures, next to it ("1.79 FID", "FID of 1.79")."""
    marked = {_mark(n) for n in meaning.names(quote) | numbers(quote)}
    toks = meaning.tokens(quote)
    movable: set[str] = _measures(toks, marked)
    in_phrase = False
    for before, token in zip(["", *toks], toks, strict=False):
        word = token.lower()
        if word in meaning.PREPOSITIONS:
            in_phrase = True
        elif in_phrase and _mark(token) in marked:
            movable.add(_mark(token))
        elif word not in _LIST_GLUE and not _list_modifier(before, token):
            in_phrase = False
    return movable


def _list_modifier(before: str, token: str) -> bool:
    """A hyphenated lower-case modifier right after a list's "and": "and real-world SO-101"."""
    return before.lower() in {"and", "or"} and "-" in token and token.islower()


def _measures(toks: list[str], marked: set[str]) -> set[str]:
    """Names right next to a number, or one "of" away: what the number measures."""
    found = set()
    for i, token in enumerate(toks):
        if meaning.is_number(token):
            near = [*toks[max(0, i - 1) : i], *toks[i + 1 : i + 2]]
            if i >= 2 and toks[i - 1].lower() == "of":
                near.append(toks[i - 2])
            found |= {_mark(t) for t in near if _mark(t) in marked and not meaning.is_number(t)}
    return found


_LIST_GLUE = frozenset("the a an and or".split())  # what may stand inside a list of names


def _listed(sentence: str) -> list[set[str]]:
    """The names the sentence lists side by side ("A, B and C": names joined only by
    articles, "and", "or"), list by list; none in a "respectively" sentence, whose order
    binds."""
    if "respectively" in sentence.lower():
        return []
    found: list[set[str]] = []
    run: list[str] = []
    for token in [*meaning.tokens(sentence), "."]:
        if meaning.names(f"x {token}") and not meaning.is_number(token):
            run.append(_mark(token))
        elif token.lower() in _LIST_GLUE and run:
            run.append(token.lower())
        else:
            names = {t for t in run if t not in _LIST_GLUE}
            if len(names) > 1 and ({"and", "or"} & set(run)):
                found.append(names)
            run = []
    return found


def _lists_in_quote_order(marks: list[str], lists: list[set[str]], quoted: list[str]) -> list[str]:
    """``marks`` with the members of each list put in the order the quote says them."""
    ordered = list(marks)
    for names in lists:
        at = [i for i, m in enumerate(ordered) if m in names]
        members = sorted((ordered[i] for i in at), key=lambda m: _place(m, quoted))
        for i, member in zip(at, members, strict=True):
            ordered[i] = member
    return ordered


def _place(mark: str, quoted: list[str]) -> int:
    return quoted.index(mark) if mark in quoted else len(quoted)


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
    kinds = [(i, t.rstrip("s")) for i, t in enumerate(toks) if meaning.is_kind(t)]
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
        if meaning.is_number(token):  # not a name holding one: "AesCode-358K"
            near = [
                part
                for t in toks[max(0, i - NUMBER_WINDOW) : i + NUMBER_WINDOW + 1]
                if not numbers(t)
                for part in {t.lower(), *t.lower().split("-")} - {""}  # "state-of-the-art"
            ]
            contexts.setdefault(_mark(token), set()).update(meaning.same_sense(stems(set(near))))
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
