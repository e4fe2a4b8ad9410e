"""The README's settings table cannot drift from ``Settings``: every field has a row, every row
names a field and its variable, and simple defaults match."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.config import Settings

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| ([a-z_0-9, ]+) \| (.+?) \| (.+?) \| .+ \|$")


def readme_rows() -> dict[str, tuple[str, str]]:
    """{field: (variables cell, default cell)} from the Configuration table."""
    rows: dict[str, tuple[str, str]] = {}
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        match = ROW.match(line)
        if not match or match[1].strip() == "setting":
            continue
        names = [n.strip() for n in match[1].split(",")]
        defaults = [d.strip() for d in match[3].split(",")]
        for i, name in enumerate(names):
            rows[name] = (match[2], defaults[i] if len(defaults) == len(names) else match[3])
    return rows


def documented_default(cell: str) -> str:
    cell = cell.strip("`")
    if match := re.fullmatch(r"(\d+) MiB", cell):
        return str(int(match[1]) * 1024 * 1024)
    return cell.lower()


def test_every_setting_is_documented_with_its_variable() -> None:
    rows = readme_rows()
    fields = set(Settings.model_fields)
    assert fields - set(rows) == set(), "settings missing from the README table"
    assert set(rows) - fields == set(), "README rows that name no setting"
    for name, (variables, _) in rows.items():
        assert f"FEEDQA_{name.upper()}" in variables, name


def test_simple_defaults_match_the_readme() -> None:
    rows = readme_rows()
    for name, field in Settings.model_fields.items():
        default = field.default
        if isinstance(default, bool | int | float) or (isinstance(default, str) and default):
            expected = str(default).lower()
            if isinstance(default, float) and default.is_integer():
                expected = str(int(default))
            assert documented_default(rows[name][1]) == expected, name
