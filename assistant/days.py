"""Feed days: the one parser for a day given by a user (CLI options, chat filters, hf:DAY)."""

from __future__ import annotations

import re
from datetime import date

from assistant.errors import UsageError

# date.fromisoformat also takes "20250616" and "2025-W24-1": a feed day is written one way.
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str, what: str) -> date:
    """``text`` as a YYYY-MM-DD day; anything else is a usage error naming ``what``."""
    value = text.strip()
    try:
        if not _DAY.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} must be a date as YYYY-MM-DD, not {value[:40]!r}") from None


def day_number(day: str | None) -> int:
    """YYYY-MM-DD as an int (20250616), the one encoding the Chroma metadata and the lexical
    index filter date windows on; 0 when unknown."""
    return int(day.replace("-", "")) if day else 0
