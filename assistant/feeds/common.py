"""Shared by every parser: input limits, field coercion, and the per-source paper collector."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.config import Settings
from assistant.models import Paper, ParseResult, normalise_text

from .ids import title_id

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# A date embedded in a file name or URL, e.g. hf_daily_papers_2025-06-16.json or ?date=...
_NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s")


@dataclass(frozen=True)
class Limits:
    """The limits on untrusted feed input (a subset of ``Settings``)."""

    max_feed_bytes: int = 64 * 1024 * 1024
    max_item_chars: int = 20_000

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.max_feed_bytes, settings.max_item_chars)


def as_limits(limits: Limits | Settings | None) -> Limits:
    if limits is None:
        return Limits()
    if isinstance(limits, Limits):
        return limits
    return Limits.from_settings(limits)


def text_field(value: Any) -> str | None:
    """A whitespace-normalised string, or None for anything else (untrusted JSON)."""
    if not isinstance(value, str):
        return None
    return normalise_text(value) or None


def int_field(value: Any) -> int | None:
    # bool is an int subclass; a JSON true is not a vote count.
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def iso_date(value: Any) -> str | None:
    """The YYYY-MM-DD date at the start of a timestamp string, if it is a real date."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None


def date_in_name(source: str) -> str | None:
    """The last valid YYYY-MM-DD in the last component of a file name, URL or ``hf:DATE``."""
    name = re.split(r"[/\\]", source)[-1]
    for found in reversed(_NAME_DATE.findall(name)):
        day = iso_date(found)
        if day:
            return day
    return None


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` chars, at a sentence end if one is in the last half."""
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] > limit // 2:
        return head[: ends[-1]].rstrip()
    space = head.rfind(" ")
    cut = space if space > limit // 2 else limit
    return head[:cut].rstrip()


@dataclass
class Collector:
    """Builds one ParseResult: normalises, skips incomplete items, drops duplicate ids."""

    source: str
    format: str
    limits: Limits
    result: ParseResult = field(init=False)
    duplicates: int = 0
    _seen: set[str] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        self.result = ParseResult(source=self.source, format=self.format)

    def add(self, paper_id: str | None, title: Any, abstract: Any, **fields: Any) -> None:
        """Add one item; ``fields`` are the optional Paper fields, already coerced."""
        clean_title = text_field(title)
        clean_abstract = text_field(abstract)
        if not clean_title or not clean_abstract:
            self.result.skipped += 1
            return
        limit = self.limits.max_item_chars
        long_item = max(len(clean_title), len(clean_abstract), len(fields.get("ai_summary") or ""))
        clean_title, clean_abstract = truncate(clean_title, limit), truncate(clean_abstract, limit)
        pid = paper_id or title_id(clean_title)
        if pid in self._seen:
            self.duplicates += 1
            return
        self._seen.add(pid)
        if fields.get("ai_summary"):
            fields["ai_summary"] = truncate(fields["ai_summary"], limit)
        self.result.truncated += int(long_item > limit)
        paper = Paper(pid, clean_title, clean_abstract, source=self.source, **fields)
        self.result.papers.append(paper)

    def skip(self) -> None:
        self.result.skipped += 1
