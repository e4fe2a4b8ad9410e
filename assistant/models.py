"""Domain types shared by feeds, store, pipeline and summaries."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True)
class Paper:
    """One paper as parsed from a feed. ``paper_id`` is the arXiv id (no version) if known."""

    paper_id: str
    title: str
    abstract: str
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date (YYYY-MM-DD) the paper was published
    day: str | None = None  # the feed day it appeared on (Daily Papers date), ISO
    url: str | None = None
    upvotes: int | None = None
    github: str | None = None
    organization: str | None = None
    ai_summary: str | None = None
    source: str = ""  # where it came from: a file name, URL or hf:DATE

    @property
    def content_hash(self) -> str:
        """Changes exactly when the text we embed changes."""
        payload = f"{normalise_text(self.title)}\n{normalise_text(self.abstract)}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


@dataclass
class ParseResult:
    """Papers parsed from one source, plus items skipped for missing title or abstract and
    items whose title, abstract or summary was cut to the item size limit."""

    source: str
    format: str
    papers: list[Paper] = field(default_factory=list)
    skipped: int = 0
    truncated: int = 0
