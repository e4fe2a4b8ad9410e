"""Format detection by content (never by file extension) and dispatch to the parsers."""

from __future__ import annotations

import json

from assistant.config import Settings
from assistant.errors import FeedError
from assistant.models import ParseResult

from .arxiv import parse_atom
from .common import Limits, as_limits
from .hf_api import is_hf_api, parse_hf_api
from .hf_page import parse_hf_page
from .jsonl import parse_jsonl, parse_records

_UTF8_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t\r\n"


def detect_format(data: bytes) -> str:
    """``xml``, ``json``, ``jsonl`` or ``text``, from the first bytes and the line structure."""
    head = data.removeprefix(_UTF8_BOM).lstrip(_SPACE)
    if head.startswith(b"<"):
        return "xml"
    if head.startswith((b"[", b"{")):
        # One document over several lines is JSON; several one-line objects are JSONL.
        first_line, _, rest = head.partition(b"\n")
        if head.startswith(b"{") and rest.strip() and _is_json_object(first_line):
            return "jsonl"
        return "json"
    return "text"


def parse_bytes(data: bytes, source: str, limits: Limits | Settings | None = None) -> ParseResult:
    """Parse one feed file's bytes, whatever its format (detected from the content).

    ``limits`` is a Limits, or the Settings to take them from (default: Limits()).
    Raises FeedError naming ``source`` for empty, binary, oversized, malformed or
    unrecognised input; items lacking a title or abstract are counted in ``skipped``.
    """
    lim = as_limits(limits)
    check_bytes(data, source, lim)
    kind = detect_format(data)
    if kind == "xml":
        # feedparser honours the XML encoding declaration, so XML is not forced to UTF-8.
        # Expat rejects anything before "<?xml", and saved files often start with a newline.
        return parse_atom(data.removeprefix(_UTF8_BOM).lstrip(_SPACE), source, lim)
    text = _decode(data, source)
    if kind == "jsonl":
        return parse_jsonl(text, source, lim)
    if kind == "json":
        return _parse_json(text, source, lim)
    return parse_hf_page(text, source, lim)


def check_bytes(data: bytes, source: str, limits: Limits) -> None:
    """The checks every format shares: size, emptiness, binary content."""
    if len(data) > limits.max_feed_bytes:
        raise FeedError(source, f"larger than the {limits.max_feed_bytes:,}-byte feed limit")
    if not data.removeprefix(_UTF8_BOM).strip(_SPACE):
        raise FeedError(source, "empty file")
    if b"\x00" in data:
        raise FeedError(source, "binary file, not a feed")


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FeedError(source, "binary file, not a feed (not UTF-8 text)") from None


def _parse_json(text: str, source: str, limits: Limits) -> ParseResult:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FeedError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise FeedError(source, "invalid JSON: nested too deeply") from None
    if is_hf_api(doc):
        return parse_hf_api(doc, source, limits)
    if isinstance(doc, dict):
        doc = [doc]  # a JSONL file with a single record
    if isinstance(doc, list):
        return parse_records(doc, source, limits)
    raise FeedError(source, f"JSON {type(doc).__name__} is not a feed")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False
