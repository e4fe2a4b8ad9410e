"""Plain records: JSONL (one object a line) or a JSON list of ``{title, abstract, ...}`` objects.

Fields: ``title``, ``abstract`` (or ``summary``); optional ``id``/``arxiv_id``/``paper_id``,
``url``, ``authors`` (list of names or ``{name}`` objects, or one comma-joined string),
``published``, ``day``, ``upvotes``, ``github``, ``organization``, ``ai_summary``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from assistant.errors import FeedError
from assistant.models import ParseResult

from .common import Collector, Limits, int_field, iso_date, text_field
from .ids import arxiv_id

FORMAT_JSONL = "jsonl"
FORMAT_JSON = "json"
_ID_KEYS = ("arxiv_id", "paper_id", "id", "url")


def parse_jsonl(text: str, source: str, limits: Limits) -> ParseResult:
    """Papers from JSONL text; a line that is not valid JSON is an error naming the line."""
    return parse_records(_lines(text, source), source, limits, FORMAT_JSONL)


def parse_records(
    records: Iterable[Any], source: str, limits: Limits, fmt: str = FORMAT_JSON
) -> ParseResult:
    """Papers from decoded records; anything that is not an object counts as skipped."""
    collector = Collector(source, fmt, limits)
    for record in records:
        if isinstance(record, dict):
            _add_record(collector, record)
        else:
            collector.skip()
    return collector.result


def _lines(text: str, source: str) -> Iterable[Any]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise FeedError(source, f"line {number}: invalid JSON ({_reason(exc)})") from None


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    return type(exc).__name__


def _add_record(collector: Collector, record: dict[str, Any]) -> None:
    abstract = record.get("abstract") or record.get("summary")
    paper_id = next((found for key in _ID_KEYS if (found := _record_id(record.get(key)))), None)
    url = text_field(record.get("url"))
    collector.add(
        paper_id,
        record.get("title"),
        abstract,
        authors=_authors(record.get("authors")),
        published=iso_date(record.get("published")),
        day=iso_date(record.get("day")),
        url=url or (f"https://arxiv.org/abs/{paper_id}" if paper_id else None),
        upvotes=int_field(record.get("upvotes")),
        github=text_field(record.get("github")),
        organization=text_field(record.get("organization")),
        ai_summary=text_field(record.get("ai_summary")),
    )


def _record_id(value: Any) -> str | None:
    return arxiv_id(value) if isinstance(value, str) else None


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    names = (a.get("name") if isinstance(a, dict) else a for a in value)
    return tuple(name for name in map(text_field, names) if name)
