"""Words as the lexical features see them: content words, their Snowball stems, and the topic
words of a text. Shared by the store (document frequencies kept for abstention) and by the
question-answering pipeline, which re-exports them from assistant.pipeline.text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

STOPWORDS = frozenset(
    """a an the of to in on for and or but with by from as at is are was were be been being this
    that these those it its their they them we our us you your he she his her which what who whom
    whose when where why how does do did done can could should would may might will shall not no
    than then there here such into onto over under about also more most less least very much many
    each other some any all both either neither only own same so too just paper papers feed study
    propose proposes proposed present presents introduce introduces new approach method methods
    using use used based show shows shown results result model models work works answer
    question""".split()
)
# How questions are phrased, not what they are about: ignored when measuring coverage.
QUESTION_WORDS = frozenset(
    """achieve achieves achieved reach reaches reached report reports reported obtain obtains
    obtained called name named kind type types give gives given get gets much many number
    amount value score scores say says said find finds found describe described main key
    specific exactly according tell compared mentioned batch today""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def stems(words: set[str]) -> set[str]:
    """Snowball stems, so "validated" meets "validation" and "datasets" meets "dataset"."""
    return set(_stemmer().stemWords(sorted(words)))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


def topic_words(text: str) -> set[str]:
    """Stemmed content words minus question phrasing: what a question is about."""
    return stems(content_words(text) - QUESTION_WORDS)
