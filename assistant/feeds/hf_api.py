"""Hugging Face Daily Papers API responses (``/api/daily_papers?date=...``), every schema seen.

The response is a JSON list of items ``{paper: {...}, publishedAt, title, ...}``; one saved day
wraps it as ``{status, date, count, data: [...]}``. Old items carry ``mediaUrl``; newer ones add
``submittedOnDailyAt``, ``ai_summary``, ``githubRepo`` and ``organization``.
"""

from __future__ import annotations

from typing import Any

from assistant.errors import FeedError
from assistant.models import ParseResult

from .common import Collector, Limits, date_in_name, int_field, iso_date, text_field
from .ids import arxiv_id

FORMAT = "hf_api"
PAPER_URL = "https://huggingface.co/papers/{}"
REPR_PROBLEM = "items are Python-repr strings, not JSON objects (malformed save)"


def is_hf_api(doc: Any) -> bool:
    """Whether a decoded JSON document looks like a Daily Papers response."""
    items = _items(doc)
    if items is None:
        return False
    first = next((item for item in items if isinstance(item, dict | str)), None)
    if first is None:
        return True  # an empty day: [] or a wrapper with no data
    if isinstance(first, str):
        return first.lstrip().startswith("{")
    return isinstance(first, dict) and isinstance(first.get("paper"), dict)


def parse_hf_api(doc: Any, source: str, limits: Limits) -> ParseResult:
    """Papers from a decoded Daily Papers response (list or ``{data: [...]}`` wrapper)."""
    items = _items(doc)
    if items is None:
        raise FeedError(source, "not a Daily Papers response (expected a list of items)")
    if any(isinstance(item, str) for item in items):
        raise FeedError(source, REPR_PROBLEM)
    # The day a paper was featured: the file name or wrapper date beats per-item timestamps.
    wrapper_day = iso_date(doc.get("date")) if isinstance(doc, dict) else None
    feed_day = date_in_name(source) or wrapper_day
    collector = Collector(source, FORMAT, limits)
    for item in items:
        if isinstance(item, dict):
            _add_item(collector, item, feed_day)
        else:
            collector.skip()
    return collector.result


def _items(doc: Any) -> list[Any] | None:
    if isinstance(doc, dict):
        doc = doc.get("data")
    return doc if isinstance(doc, list) else None


def _add_item(collector: Collector, item: dict[str, Any], feed_day: str | None) -> None:
    paper = item.get("paper")
    paper = paper if isinstance(paper, dict) else {}
    raw_id = paper.get("id") if isinstance(paper.get("id"), str) else None
    paper_id = arxiv_id(raw_id)
    day = feed_day or iso_date(paper.get("submittedOnDailyAt")) or iso_date(item.get("publishedAt"))
    collector.add(
        paper_id,
        paper.get("title") or item.get("title"),
        paper.get("summary") or item.get("summary"),
        authors=_authors(paper.get("authors")),
        published=iso_date(paper.get("publishedAt")),
        day=day,
        url=PAPER_URL.format(paper_id) if paper_id else None,
        upvotes=int_field(paper.get("upvotes")),
        github=text_field(paper.get("githubRepo")),
        organization=_organization(item.get("organization") or paper.get("organization")),
        ai_summary=text_field(paper.get("ai_summary")),
    )


def _authors(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    names = []
    for author in value:
        if isinstance(author, dict) and not author.get("hidden"):
            name = text_field(author.get("name"))
            if name:
                names.append(name)
    return tuple(names)


def _organization(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    return text_field(value.get("fullname")) or text_field(value.get("name"))
