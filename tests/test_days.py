"""One parser for the days users type (CLI options, chat filters, hf:DAY)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.days import parse_day
from assistant.errors import UsageError


def test_a_day_is_yyyy_mm_dd() -> None:
    assert parse_day(" 2025-06-16 ", "--date") == date(2025, 6, 16)


@pytest.mark.parametrize("text", ["2025-13-01", "20250616", "2025-W24-1", "16/06/2025", "", "x"])
def test_anything_else_is_a_usage_error_naming_the_option(text: str) -> None:
    with pytest.raises(UsageError, match=r"^--since must be a date as YYYY-MM-DD, not "):
        parse_day(text, "--since")
