"""Atom/RSS feeds via feedparser: the arXiv API (search and id lookups) and the arXiv RSS feed.

The RSS feed prefixes each summary with "arXiv:ID Announce Type: new Abstract:" and puts all
authors in one comma-joined ``dc:creator``; the API lists authors one by one. The API reports a
bad query as a feed whose single entry is titled "Error".
"""

from __future__ import annotations

import re
import xml.sax
from typing import Any

import feedparser

from assistant.errors import FeedError
from assistant.models import ParseResult

from .common import Collector, Limits, iso_date, text_field
from .ids import arxiv_id

_RSS_PREFIX = re.compile(r"^\s*arXiv:\S+\s+Announce\s+Type:\s*\S+\s+Abstract:\s*", re.IGNORECASE)
_API_ERROR_ID = "arxiv.org/api/errors"


def parse_atom(data: bytes, source: str, limits: Limits) -> ParseResult:
    """Papers from Atom or RSS XML; XML that is not well-formed is an error, not a partial feed."""
    feed = _feedparse(data, source)
    fmt = _format_name(feed)
    collector = Collector(source, fmt, limits)
    for entry in feed.entries:
        _check_api_error(entry, source)
        _add_entry(collector, entry)
    return collector.result


def _feedparse(data: bytes, source: str) -> Any:
    try:
        # Always bytes: given a str, feedparser would treat it as a URL or file name.
        feed = feedparser.parse(bytes(data))
    except Exception as exc:  # third-party parser on untrusted input: report, don't crash
        raise FeedError(source, f"cannot parse XML ({type(exc).__name__})") from None
    problem = feed.get("bozo_exception")
    # feedparser falls back to a lenient parser and returns partial entries; a cut-off download
    # must not pass for a complete feed.
    if isinstance(problem, xml.sax.SAXParseException):
        raise FeedError(
            source, f"not well-formed XML at line {problem.getLineNumber()}: {problem.getMessage()}"
        )
    if isinstance(problem, xml.sax.SAXException):
        raise FeedError(source, f"not well-formed XML: {problem.getMessage()}")
    if not feed.get("version") and not feed.entries:
        raise FeedError(source, "XML but not an Atom or RSS feed")
    return feed


def _format_name(feed: Any) -> str:
    version = str(feed.get("version") or "")
    if "rss.arxiv.org" in str(feed.feed.get("id", "")):
        return "arxiv_rss"
    if version.startswith("atom") and "arxiv" in str(feed.feed.get("id", "")):
        return "arxiv_api"
    return "rss" if version.startswith("rss") else "atom"


def _check_api_error(entry: Any, source: str) -> None:
    if entry.get("title") == "Error" and _API_ERROR_ID in str(entry.get("id", "")):
        message = text_field(entry.get("summary")) or "unknown error"
        raise FeedError(source, f"arXiv API error: {message}")


def _add_entry(collector: Collector, entry: Any) -> None:
    paper_id = arxiv_id(str(entry.get("id", ""))) or arxiv_id(str(entry.get("link", "")))
    published = iso_date(entry.get("published"))
    summary = entry.get("summary")
    if isinstance(summary, str):
        summary = _RSS_PREFIX.sub("", summary)
    collector.add(
        paper_id,
        entry.get("title"),
        summary,
        authors=_authors(entry),
        published=published,
        # Only the RSS feed is a daily announcement; an API search result has no feed day.
        day=published if entry.get("arxiv_announce_type") else None,
        url=text_field(entry.get("link")),
    )


def _authors(entry: Any) -> tuple[str, ...]:
    authors = entry.get("authors")
    names: list[Any] = [a.get("name") for a in authors if isinstance(a, dict)] if authors else []
    if len(names) == 1 and isinstance(names[0], str):
        # RSS dc:creator: "A, B, C" in a single element.
        names = names[0].split(",")
    return tuple(name for name in map(text_field, names) if name)
