"""A Daily Papers web page saved as text: header lines, then title/abstract paragraph pairs.

The header ("new", "Subscribe", "Daily Papers", "Sep 4", ...) has no fixed form, so the first
paper is found by shape: a short paragraph immediately followed by a long one. The page has no
ids, so every paper gets a title id.
"""

from __future__ import annotations

import re

from assistant.errors import FeedError
from assistant.models import ParseResult, normalise_text

from .common import Collector, Limits, date_in_name

FORMAT = "hf_page"
MAX_TITLE_CHARS = 300
# Real abstracts are 1,000+ chars; header lines and titles are well under this.
MIN_ABSTRACT_CHARS = 200
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def parse_hf_page(text: str, source: str, limits: Limits) -> ParseResult:
    """Papers from the page text; a stray paragraph after the header counts as skipped."""
    paragraphs = _paragraphs(text)
    start = _first_paper(paragraphs)
    if start is None:
        raise FeedError(source, "no title/abstract paragraphs found (not a Daily Papers page)")
    collector = Collector(source, FORMAT, limits)
    day = date_in_name(source)
    index = start
    while index < len(paragraphs):
        if _is_pair(paragraphs, index):
            collector.add(None, paragraphs[index], paragraphs[index + 1], day=day)
            index += 2
        else:
            collector.skip()
            index += 1
    return collector.result


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (normalise_text(part) for part in _PARAGRAPH_BREAK.split(text))
    return [part for part in paragraphs if part]


def _first_paper(paragraphs: list[str]) -> int | None:
    return next((i for i in range(len(paragraphs)) if _is_pair(paragraphs, i)), None)


def _is_pair(paragraphs: list[str], index: int) -> bool:
    if index + 1 >= len(paragraphs):
        return False
    title, abstract = paragraphs[index], paragraphs[index + 1]
    return len(title) <= MAX_TITLE_CHARS and len(abstract) >= max(MIN_ABSTRACT_CHARS, len(title))
