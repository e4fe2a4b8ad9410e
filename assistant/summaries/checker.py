"""The TL;DR checker: a pure function from (draft, title, abstract) to the reasons it fails.

A TL;DR is one line of 6-25 words that names the paper's key terms, holds no markup, and
mentions no number or name (capitalised word, acronym, model name) that the title and
abstract do not contain. Everything here is deterministic and side-effect free.

The rules live in five modules: checker_words (vocabulary and token helpers), checker_form
(one finished, readable sentence), checker_statement (the paper's own main point),
checker_roles (who does what, and parts that agree) and checker_faithfulness (nothing the
source does not say); this module runs them all and keeps the names the line builders import.
Each reason is a ``Reason`` (reasons.py): its text is what a reader sees, its code what the
line builders branch on.
"""

from __future__ import annotations

from assistant.summaries.announced import list_goes_on, unfinished_list
from assistant.summaries.borrowed import borrowed_subject, one_is_many
from assistant.summaries.checker_faithfulness import (
    check_binding,
    check_borrowed,
    check_compounds,
    check_markup,
    check_names,
    check_numbers,
    source_of,
)
from assistant.summaries.checker_form import (
    ANAPHORA,
    CUE_WITHOUT_NAME,
    VAGUE_MANNER,
    bare_kind_end,
    check_form,
    cut_off,
    dangles,
)
from assistant.summaries.checker_roles import check_roles
from assistant.summaries.checker_statement import (
    check_background,
    check_statement,
    check_subject,
    check_substance,
    check_survey,
)
from assistant.summaries.checker_words import (
    FILLER,
    GENERIC,
    STOPWORDS,
    content_words,
    method_names,
    name_pattern,
    stem,
    strip_token,
)
from assistant.summaries.reasons import Code, Reason

__all__ = [
    "ANAPHORA",
    "CUE_WITHOUT_NAME",
    "FILLER",
    "GENERIC",
    "MAX_WORDS",
    "MIN_WORDS",
    "STOPWORDS",
    "VAGUE_MANNER",
    "bare_kind_end",
    "check_borrowed",
    "check_form",
    "check_statement",
    "check_tldr",
    "content_words",
    "cut_off",
    "dangles",
    "method_names",
    "name_pattern",
    "stem",
    "strip_token",
]

MIN_WORDS, MAX_WORDS = 6, 35  # the ai_summary lines run 10-46 words, 25 on average


def check_tldr(tldr: str, title: str, abstract: str) -> list[Reason]:
    """Why ``tldr`` is not an acceptable TL;DR of the paper; an empty list means it passes."""
    if not tldr.strip():
        return [Reason(Code.SHAPE, "empty")]
    source = source_of(title, abstract)
    reasons = [
        *_check_shape(tldr),
        *check_form(tldr, abstract),
        *check_markup(tldr),
        *check_numbers(tldr, source),
        *check_binding(tldr, abstract),
        *check_names(tldr, source),
        *check_compounds(tldr, title, abstract),
        *check_substance(tldr, source, title),
        *check_background(tldr, title, abstract),
        *check_survey(tldr, title, abstract),
        *check_subject(tldr, title, abstract),
        *check_statement(tldr, title, abstract),
        *check_roles(tldr, title, abstract),
        *_check_own_name(tldr, title, abstract),
    ]
    if unfinished_list(tldr) or list_goes_on(tldr, abstract):
        reasons.append(Reason(Code.ANNOUNCED, "announces parts or findings it never gives"))
    return reasons


def _check_own_name(tldr: str, title: str, abstract: str) -> list[Reason]:
    """A line whose subject is not the name the paper gives its own work ("GRPO is a
    curriculum strategy ..." for a strategy that uses GRPO), or one thing said to be several."""
    reasons = []
    borrowed = borrowed_subject(tldr, title, abstract)
    if borrowed:
        reasons.append(Reason(Code.BORROWED_NAME, borrowed))
    if one_is_many(tldr):
        reasons.append(
            Reason(Code.GARBLED, 'garbled: one thing is said to be several ("X is two")')
        )
    return reasons


def _check_shape(tldr: str) -> list[Reason]:
    reasons = []
    if "\n" in tldr.strip() or "\r" in tldr.strip():
        reasons.append(Reason(Code.SHAPE, "more than one line"))
    n = len(tldr.split())
    if n > MAX_WORDS:
        reasons.append(Reason(Code.SHAPE, f"too long ({n} words; at most {MAX_WORDS})"))
    elif n < MIN_WORDS:
        reasons.append(Reason(Code.SHAPE, f"too short ({n} words; at least {MIN_WORDS})"))
    return reasons
