"""One parser for the days users type (CLI options, chat filters, hf:DAY)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.days import day_number, parse_day
from assistant.errors import UsageError


def test_a_day_is_yyyy_mm_dd() -> None:
    assert parse_day(" 2025-06-16 ", "--date") == date(2025, 6, 16)


@pytest.mark.parametrize("text", ["2025-13-01", "20250616", "2025-W24-1", "16/06/2025", "", "x"])
def test_anything_else_is_a_usage_error_naming_the_option(text: str) -> None:
    with pytest.raises(UsageError, match=r"^--since must be a date as YYYY-MM-DD, not "):
        parse_day(text, "--since")


def test_a_stored_day_is_one_sortable_number_and_an_unknown_day_is_zero() -> None:
    assert day_number("2025-06-16") == 20250616
    assert day_number("2025-06-16") < day_number("2025-12-01") < day_number("2026-01-01")
    assert day_number(None) == day_number("") == 0
