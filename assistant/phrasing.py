"""Phrase patterns more than one checker relies on: the answer checks
(assistant/pipeline/meaning.py) and the TL;DR checker (assistant/summaries/checker.py)."""

from __future__ import annotations

import re

# A name left out after a naming verb: "a module called to aggregate", "named the", "known as ,".
# The filler must end at a word boundary: "called Aria" names something ("a" is not a filler).
EMPTY_NAME = re.compile(
    r"\b(?:called|named|dubbed|termed|known as|referred to as)\s+"
    r"(?:(?:to|the|a|an|and|or|that|which|for|of|in|on|by|with|is|are)\b|[,.;:])",
    re.IGNORECASE,
)
