"""The check on the model's edit of a built TL;DR line: the edit may only cut words from the
line (no rewording, no splice across a clause boundary, no number moved to another name) and
must keep what the line is about (its opening name, its numbers, its result and the phrase
limiting it), besides passing the checker. Pure functions (used by assistant.summaries.tldr).
"""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.pipeline.meaning import (
    negations,
    repeats_itself,
    reversed_polarity,
    stray_numbers,
    unbound_numbers,
)
from assistant.summaries.acronyms import definitions
from assistant.summaries.announced import unfinished_list
from assistant.summaries.checker import check_tldr, dangles
from assistant.summaries.clauses import RESULT_WORDS, casefolded_words


def numbers_of(text: str) -> set[str]:
    return {w for w in casefolded_words(text) if any(c.isdigit() for c in w)}


def _is_cut_from(draft: str, line: str) -> bool:
    """Whether ``draft``'s words are ``line``'s words in order with some left out."""
    remaining = iter(casefolded_words(line))
    return all(any(word == other for other in remaining) for word in casefolded_words(draft))


_BOUNDARY = (",", ";", ":")
LIST_ITEM_WORDS = 2  # words of a list item before its comma ("stable,", "low cost,")


def _splices(draft: str, line: str) -> bool:
    """Whether a cut runs across a clause boundary without removing whole clauses: "exploration
    of [agent-user interactions, capturing the full] agent-environment state" says something
    the line does not. A cut inside one clause, or of whole comma-delimited clauses, is fine."""
    tokens, kept = line.split(), _kept_at(draft, line)
    for before, after in pairwise(kept or []):
        gap = tokens[before + 1 : after]
        crosses = any(t.endswith(_BOUNDARY) for t in gap[:-1])
        if crosses and not (tokens[before].endswith(_BOUNDARY) and gap[-1].endswith(_BOUNDARY)):
            return True
    return False


def _cuts_list_head(draft: str, line: str) -> bool:
    """Whether a cut removes a list's first items and keeps its tail: "... for downstream
    tasks, [while remaining simple,] stable, and efficient." leaves adjectives with nothing to
    describe."""
    tokens, kept = line.split(), _kept_at(draft, line)
    for before, after in pairwise(kept or []):
        gap = tokens[before + 1 : after]
        if gap and gap[-1].endswith(",") and _list_tail(tokens[after:]):
            return True
    return False


# "enabling the 6B model [Z-Image-Turbo to surpass the state-of-the-art] Nano Banana 2": a verb
# cut from between its subject and object, which then read as one noun phrase.
_VERB_IN_GAP = re.compile(r"^(?:to|surpass\w*|outperform\w*|exceed\w*|beat\w*|beating)$")


def _cuts_verb(draft: str, line: str) -> bool:
    """Whether a cut inside a clause takes a verb ("to surpass", "outperforms") and leaves
    words on both sides of it, so that the kept words no longer say who does what."""
    tokens, kept = line.split(), _kept_at(draft, line)
    for before, after in pairwise(kept or []):
        gap = [_bare(t) for t in tokens[before + 1 : after]]
        if not gap or tokens[after - 1].endswith(_BOUNDARY):
            continue
        verbs = [i for i, w in enumerate(gap) if _VERB_IN_GAP.match(w)]
        if any(gap[i] != "to" or (i + 1 < len(gap) and gap[i + 1].isalpha()) for i in verbs):
            return True
    return False


def _drops_negation(draft: str, line: str) -> bool:
    """Whether the edit cut a negation the line has ("emerges [not] from extended computation
    alone, but from ..."): what is left says the opposite. The claims checker counts them."""
    return negations(draft) < negations(line)


def _list_tail(rest: list[str]) -> bool:
    """Whether ``rest`` opens on a list's last items: "stable, and efficient.", "B, or C"."""
    for i, token in enumerate(rest[:LIST_ITEM_WORDS]):
        if token.endswith(","):
            return i + 1 < len(rest) and rest[i + 1].lower() in ("and", "or")
    return False


def _kept_at(draft: str, line: str) -> list[int] | None:
    """Where each of ``draft``'s words stands in ``line``'s tokens, or None when the draft is
    not a cut of the line."""
    tokens, at = line.split(), 0
    kept: list[int] = []
    for word in draft.split():
        while at < len(tokens) and _bare(tokens[at]) != _bare(word):
            at += 1
        if at == len(tokens):
            return None  # not a cut of the line (the caller says so)
        kept.append(at)
        at += 1
    return kept


def _bare(token: str) -> str:
    return token.strip(".,;:()\"'“”").lower()


def _moved_numbers(draft: str, line: str) -> list[str]:
    """Numbers whose two preceding words or next word differ from the line's: a cut that
    joined a number to another statement ("reducing memory [by 70% and accelerating decoding]
    by 1.3x") or took away what it counts ("1.7k [questions] unique to")."""

    def contexts(text: str) -> dict[str, set[tuple[str, ...]]]:
        words = casefolded_words(text)
        found: dict[str, set[tuple[str, ...]]] = {}
        for i, word in enumerate(words):
            if any(c.isdigit() for c in word):
                after = tuple(words[i + 1 : i + 2])
                found.setdefault(word, set()).add((*words[max(0, i - 2) : i], *after))
        return found

    source = contexts(line)
    return [n for n, seen in contexts(draft).items() if not seen <= source.get(n, set())]


def _new_repeats(draft: str, line: str) -> bool:
    def repeated(text: str) -> set[tuple[str, ...]]:
        words = casefolded_words(text)
        grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
        return {g for g in grams if grams.count(g) > 1}

    return bool(repeated(draft) - repeated(line))


MIN_EDIT_WORDS = 8


def _opening_names(line: str) -> tuple[str, ...]:
    """The words an edit of ``line`` may start with and still name the line's subject: a
    line opening "Long Form (ACR) ..." (``spell_out``) names it twice, and either will do."""
    first = line.split()[0]
    spelled = [acr for acr, long in definitions(line).items() if line.startswith(f"{long} ({acr})")]
    return (first, *spelled)


def _result_verbs(line: str) -> list[str]:
    return [w for w in casefolded_words(line) if w in RESULT_WORDS]


# ", showing consistent gains ...": a joined clause of what the experiments show (a result,
# though "showing" is not a result verb elsewhere: "a benchmark showing ..." is a head).
_SHOWN_CLAUSE = re.compile(r",\s+(showing|revealing|demonstrating)\s", re.I)


def _shown_verbs(line: str) -> list[str]:
    return [m.group(1).lower() for m in _SHOWN_CLAUSE.finditer(line)]


# "achieving, on the 32B scale, 13.4% ...": the phrase that limits a result (result_clause).
_LIMITED_RESULT = re.compile(
    r"\b(?:" + "|".join(sorted(RESULT_WORDS)) + r"|showing|demonstrating),\s+([^,]+),", re.I
)


def _drops_limit(draft: str, line: str) -> bool:
    """Whether ``draft`` keeps a result but drops the phrase limiting it in ``line``."""
    return any(m.group(1) not in draft for m in _LIMITED_RESULT.finditer(line))


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does, closing brackets and quotes aside."""
    return text.rstrip().rstrip(")]\"'”’").endswith((".", "!", "?"))


def edit_problems(draft: str, line: str, title: str, abstract: str) -> list[str]:
    """Why the model's edit of ``line`` is not kept: the checker's reasons, and anything the
    edit adds (a word, number or name ``line`` lacks), numbers bound to other names than in
    the abstract, a dropped method name, self-repetition, a dangling reference, a reversed
    claim. The edit may only cut and reorder: what it says was already checked in ``line``."""
    reasons: list[str] = list(check_tldr(draft, title, abstract))
    if not _is_cut_from(draft, line):
        reasons.append("rewords the line: only cutting words is allowed")
    elif _splices(draft, line):
        reasons.append("joins two clauses by cutting across a comma")
    elif _cuts_list_head(draft, line):
        reasons.append("cuts a list's first items and keeps its tail")
    elif _cuts_verb(draft, line):
        reasons.append("cuts a verb from between its subject and object")
    if _new_repeats(draft, line):
        reasons.append("repeats a phrase the line says once")
    wrong = unbound_numbers(draft, abstract) + stray_numbers(draft, abstract)
    wrong += _moved_numbers(draft, line)
    if wrong:
        reasons.append(f"numbers bound to other names than in the abstract: {', '.join(wrong)}")
    heads = _opening_names(line)
    if not draft.startswith(heads):
        reasons.append(f"drops the name the line starts with ({heads[0]})")
    if (dropped := numbers_of(line) - numbers_of(draft)) and len(dropped) == len(numbers_of(line)):
        reasons.append("drops the result's numbers")
    if len(draft.split()) < MIN_EDIT_WORDS:
        reasons.append("too short to say what the paper does")
    kept = set(casefolded_words(draft))
    if any(w not in kept for w in (*_result_verbs(line), *_shown_verbs(line))):
        reasons.append("drops the result")
    elif _drops_limit(draft, line):
        reasons.append("drops the phrase that limits the result")
    if repeats_itself(draft) and not repeats_itself(line):
        reasons.append("repeats itself")
    if dangles(draft):
        reasons.append("refers to something it does not say")
    if unfinished_list(draft) and not unfinished_list(line):
        reasons.append("cuts a list short that it announces")
    if _ends_sentence(line) and not _ends_sentence(draft):
        reasons.append("cut off: stops before the end of the line's sentence")
    if reversed_polarity(draft, line, abstract) or _drops_negation(draft, line):
        reasons.append("turns a claim around")
    return reasons
