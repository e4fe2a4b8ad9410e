"""Phrase patterns more than one checker relies on: the answer checks
(assistant/pipeline/meaning.py) and the TL;DR checker (assistant/summaries/checker.py)."""

from __future__ import annotations

import re

# A name left out after a naming verb: "a module called to aggregate", "named the", "known as ,".
# The filler must end at a word boundary: "called Aria" names something ("a" is not a filler).
# An article names something when a capital or an acronym in parentheses follows: "called the
# Uniform Phantom", "called the manifold feature distance (MFD)".
_ARTICLE_NAMING = r"(?:the|a|an)\s+(?:(?-i:[A-Z])|(?:[\w-]+\s+){0,5}\((?-i:[A-Z])[\w-]*\))"
EMPTY_NAME = re.compile(
    r"\b(?:called|named|dubbed|termed|known as|referred to as)\s+"
    rf"(?:(?!{_ARTICLE_NAMING})(?:to|the|a|an|and|or|that|which|for|of|in|on|by|with|is|are)\b"
    r"|[,.;:])",
    re.IGNORECASE,
)
