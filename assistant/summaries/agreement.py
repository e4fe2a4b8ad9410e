"""A verb that does not agree with its relative clause's singular head, as abstracts sometimes
write it ("an algorithm that adjust reward margins"), found and repaired ("... that adjusts
..."), and "a" before a vowel ("a intra-paradigm path" -> "an intra-paradigm path"). The head
must be one kind noun a paper makes ("algorithm", "framework") with no "and" before it ("a
dataset and model that incorporate" is plural), and the verb a bare lower-case word that is
no function word, adverb or inflected form. Pure functions.
"""

from __future__ import annotations

import re

from assistant.summaries.checker_words import ADJECTIVE_END, STOPWORDS, kind_noun, wordset

# Adverbs that do not end in -ly and may stand between "that" and its verb.
_ADVERB = r"(?:\w+ly|better|first|further|then|also|only|still|often|even)"
# Words that stand after "that" without being its verb: adverbs and modals ("a model that never
# forgets", "a method that must learn"), and "best" ("a model that best satisfies").
_NOT_VERBS = wordset("never already must instead together best always rather")
_SLIP = re.compile(
    r"\b(?:a|an)\s+(?:(?!and\b|or\b|of\b)[\w-]+,?\s+){0,8}?(?P<head>[a-z-]+)\s+that\s+"
    rf"(?:{_ADVERB}\s+)?(?P<verb>[a-z]{{3,}})(?=\s+(?P<next>\S+))"
)


def _is_slip(match: re.Match[str]) -> bool:
    head, verb = match["head"], match["verb"]
    if not kind_noun(head) or head.endswith("s"):
        return False
    if verb in STOPWORDS or verb in _NOT_VERBS or ADJECTIVE_END.search(verb):
        return False
    # "a tool that instead performs ...": a finite verb next means this word is not the verb
    if re.fullmatch(r"[a-z]{3,}[^s\W]s", match["next"]):
        return False
    return not verb.endswith(("s", "ed", "ing", "ly"))


# "a intra-paradigm path": "a" before a vowel sound, which abstracts sometimes write (round 43);
# not "a one-step", "a unified", "a user", "a euclidean" (a consonant sound).
ARTICLE_SLIP = re.compile(r"\ba(?=\s+(?!one\b|uni|use|usu|eu)[aeio][a-z])")


def agreement_slips(text: str) -> list[str]:
    """The bare verbs in ``text`` that follow a singular head's "that"."""
    return [m["verb"] for m in _SLIP.finditer(text) if _is_slip(m)]


def agreed(text: str) -> str:
    """``text`` with each such verb given its -s form ("that adjust" -> "that adjusts")."""

    def repair(match: re.Match[str]) -> str:
        if not _is_slip(match):
            return match.group(0)
        start, end = match.span("verb")
        shift = match.start()
        whole = match.group(0)
        return whole[: start - shift] + _s_form(match["verb"]) + whole[end - shift :]

    return ARTICLE_SLIP.sub("an", _SLIP.sub(repair, text))


def _s_form(verb: str) -> str:
    """ "adjust" -> "adjusts", "match" -> "matches", "apply" -> "applies"."""
    if verb.endswith(("sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"
