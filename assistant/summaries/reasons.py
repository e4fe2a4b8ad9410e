"""The TL;DR checker's reasons: the text a reader sees, with a stable code the code branches on.

A ``Reason`` is a ``str`` (reports, JSON, tests and the eval see its text unchanged) that also
carries a ``Code``, one per rule family. A line builder that decides what to do by a reason
(extractive's misplaced and unreadable lines, compress's title echo) tests the code, never the
wording: rewording a message cannot change what the builders do. Pure, no dependencies.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """What kind of fault a reason names; the specific codes are the ones a builder keys on."""

    SHAPE = "shape"  # empty, more than one line, too long or short
    ANNOUNCED = "announced"  # announces parts it never gives
    SENTENCE = "sentence"  # a headline fragment, more than one sentence
    NOUN_PHRASE = "noun_phrase"  # "X, a ..." with no verb
    GRAMMAR = "grammar"  # ungrammatical, a stitched chain of clauses
    POINTER = "pointer"  # refers to something it does not say
    PRONOUN = "pronoun"  # starts with a pronoun
    CONNECTIVE = "connective"  # opens on a connective answering a sentence not shown
    GARBLED = "garbled"
    REPETITION = "repetition"
    NEARBY_REPEAT = "nearby_repeat"  # a word repeated within a few words
    CUT_OFF = "cut_off"
    UNCLOSED = "unclosed"  # an unclosed parenthesis or quote
    VAGUE = "vague"
    VACUOUS = "vacuous"
    VACUOUS_SUBJECT = "vacuous_subject"  # the subject names nothing
    HYPE = "hype"
    MARKUP = "markup"
    UNSOURCED = "unsourced"  # a number, name or compound the source does not have
    BINDING = "binding"  # a number bound to another statement
    BACKGROUND = "background"  # describes the background
    OPENING = "opening"  # copies the abstract's opening
    SUBJECT = "subject"  # says neither what the named work is nor what it does
    BORROWED_NAME = "borrowed_name"  # its subject names a tool the work uses, not the work
    TITLE_ECHO = "title_echo"  # says no more than the title
    SECONDARY_FINDING = "secondary_finding"
    SECOND_CONTRIBUTION = "second_contribution"
    CLOSING_REMARK = "closing_remark"
    RELEASE_NOTE = "release_note"
    NOT_MAIN = "not_main"  # another side of the paper than its main point
    ROLE = "role"  # an act or result credited to the wrong thing
    ASIDE = "aside"  # an aside that makes the line unusable


class Reason(str):
    """One reason a line fails: its text, and ``code`` for the code that branches on it."""

    code: Code

    def __new__(cls, code: Code, text: str) -> Reason:
        reason = super().__new__(cls, text)
        reason.code = code
        return reason

    def __reduce__(self) -> tuple[type[Reason], tuple[Code, str]]:
        # copy and pickle rebuild it with its code (str's own way would drop the code)
        return (Reason, (self.code, str(self)))


def coded(code: Code, texts: list[str]) -> list[Reason]:
    """Reasons of one code from another module's plain texts (the asides' faults)."""
    return [Reason(code, text) for text in texts]
