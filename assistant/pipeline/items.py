"""A quoted enumeration cut to the items that answer the question.

An abstract often packs its contributions into one sentence: "X draws on three innovations.
1) ... 2) ... 3) We also propose Y, a distillation method ...". Quoted whole after a question
about Y, the answer hides in the third item. The quote keeps its lead-in (it says whose items
they are), and only the items holding what some part of the question asks for, each item whole;
cut items are marked with an ellipsis so the quote stays verbatim. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.pipeline import ask, holds, lead
from assistant.pipeline.evidence import need_of, satisfies
from assistant.pipeline.text import COUNT_WORDS
from assistant.pipeline.types import Evidence

# "1)", "(2)", "(iii)", "b)": a marker opening an item, after a space or punctuation.
_MARKER = re.compile(r"(?:(?<=^)|(?<=[\s:;,.]))\(?(?P<m>\d{1,2}|[ivx]{1,4}|[a-h])\)(?=\s)")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
# What ends an item before the next one: "...; and", ", or", ";".
_SEPARATOR = re.compile(r"[\s,;]*(?:\b(?:and|or)\b)?[\s,;]*$", re.I)
# An item counts beside the one best at a part when it is at least this focused on the part:
# "a Thinker that decides what part to interact with" shares one common word with "what
# imagines how an interaction would look?", the Dreamer's item all of them.
ITEM_SHARE = 0.5
MIN_ITEMS = 2


@dataclass(frozen=True)
class Enumeration:
    """A sentence read as the words leading into its list and the list's items, verbatim."""

    lead_in: str
    items: tuple[str, ...]  # each from its marker to the next item's marker


def enumeration(sentence: str) -> Enumeration | None:
    """The numbered items of ``sentence`` ("1) ... 2) ...", "(i) ...; (ii) ...", "(a) ...,
    (b) ..."): markers counting up from the first in one style; None without two of them."""
    found = list(_MARKER.finditer(sentence))
    run: list[re.Match[str]] = []
    for match in found:
        if not run and _ordinal(match) == (1, _style(match)):
            run = [match]
        elif run and _ordinal(match) == (len(run) + 1, _style(run[0])):
            run.append(match)
    if len(run) < MIN_ITEMS or not sentence[: run[0].start()].strip():
        return None
    ends = [m.start() for m in run[1:]] + [len(sentence)]
    items = tuple(sentence[m.start() : end].strip() for m, end in zip(run, ends, strict=True))
    return Enumeration(sentence[: run[0].start()].rstrip(), items)


def _style(match: re.Match[str]) -> str:
    """How a marker counts, and whether it opens a parenthesis: "(i)" and "ii)" differ."""
    m = match.group("m")
    kind = "digit" if m.isdigit() else "roman" if m in _ROMAN else "letter"
    return kind + ("(" if match.group(0).startswith("(") else "")


def _ordinal(match: re.Match[str]) -> tuple[int, str]:
    m, style = match.group("m"), _style(match)
    if m.isdigit():
        return int(m), style
    if m in _ROMAN:
        return _ROMAN.index(m) + 1, style
    return ord(m) - ord("a") + 1, style


def unmarked(item: str) -> str:
    """The item without its marker: "2) a dual-track mechanism" has no number 2 to give."""
    return _MARKER.sub("", item, count=1).strip()


def answering_items(question: str, listed: Enumeration, title: str = "") -> set[int]:
    """The indices of the items that answer some part of ``question`` (``_items_for``); all of
    them when none does, so nothing that may hold the answer is cut."""
    kept: set[int] = set()
    for part in ask.question_parts(question):
        kept |= _items_for(part, listed, title)
    return kept or set(range(len(listed.items)))


def _items_for(part: str, listed: Enumeration, title: str) -> set[int]:
    """The items answering ``part``: of those holding the number or name it asks for
    (``holds.holding``; any item when it asks for neither), the ones at least ITEM_SHARE as
    focused on it as the best. All when the part asks about the noun of the lead-in
    (``_asks_for_list``) or the lead-in is as focused on it as any item ("how many stages
    ...?" of "a three-stage curriculum: 1) ..."); else none when the items do not give the
    number or name it asks for (another quote answers it)."""
    texts = [unmarked(item) for item in listed.items]
    whole = set(range(len(texts)))
    weights = lead.word_weights(part, [listed.lead_in, *texts], title)
    scores = [lead.lead_score(t, part, weights, title) for t in texts]
    lead_in = lead.lead_score(listed.lead_in, part, weights, title)
    if _asks_for_list(part, listed.lead_in, texts) or 0 < lead_in >= max(scores, default=0):
        return whole
    if _several_asked(part) >= len(texts):  # "What are these two modules called?": both items
        return whole
    need = need_of(part)
    if need and not satisfies(" ".join(texts), part, need, ""):
        return set()
    held = [i for i, t in enumerate(texts) if need and holds.holding(part, [_said(t)], title)]
    pool = held or range(len(texts))
    best = max(scores[i] for i in pool)
    if best <= 0 or lead_in >= best:
        return whole
    return {i for i in pool if scores[i] >= ITEM_SHARE * best}


def _asks_for_list(part: str, lead_in: str, texts: Sequence[str]) -> bool:
    """The noun the part asks about is the lead-in's and no item's: "Which three ideas does X
    rest on for its forecast?" asks for the list "X rests on three ideas: ..." counts."""
    head = ask.asked_head(part)
    in_items = any(head in ask.words_of(t) for t in texts)
    return head is not None and head in ask.words_of(lead_in) and not in_items


# "these two modules", "which three benchmarks", "both stages": how many things a part asks for.
_SEVERAL = re.compile(r"\b(?P<n>two|three|four|both)\s+(?:[\w-]+\s+){0,2}?[\w-]+s\b", re.I)
_COUNTS = {**COUNT_WORDS, "both": 2}
_ONE_OF = re.compile(r"\b(?:which|one)\s+of\b", re.I)  # "Which of its three paradigms ...?"


def _several_asked(part: str) -> int:
    """How many things ``part`` asks for by count ("What are these two modules called?"), or 0
    when it asks for one of them ("Which of MPBench's three evaluation paradigms ...?")."""
    found = _SEVERAL.search(part)
    return _COUNTS[found.group("n").lower()] if found and not _ONE_OF.search(part) else 0


def _said(text: str) -> Evidence:
    return Evidence(0, "", text, 0.0)


def cut_to_items(sentence: str, question: str, title: str = "") -> str:
    """``sentence`` as quoted: an enumeration shows its lead-in and the items answering the
    question (``answering_items``), an ellipsis where items are left out; any other sentence,
    or one whose every item answers, whole."""
    listed = enumeration(sentence)
    if listed is None:
        return sentence
    kept = answering_items(question, listed, title)
    if len(kept) == len(listed.items):
        return sentence
    return shown(listed, kept)


def shown(listed: Enumeration, kept: set[int]) -> str:
    """The lead-in and the ``kept`` items, verbatim; each run of left-out items is one "…"."""
    segments: Sequence[str] = (listed.lead_in, *listed.items)
    out, last = listed.lead_in, 0
    for at in sorted(i + 1 for i in kept):
        gap = at != last + 1
        out = (_SEPARATOR.sub("", out) + " … " if gap else out + " ") + segments[at]
        last = at
    return out if last == len(listed.items) else _SEPARATOR.sub("", out) + "…"
