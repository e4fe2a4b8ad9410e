"""`feedqa stats` stays readable after a whole archive is ingested: counts and sources grouped
by file or archive, with the full list kept for --json."""

from __future__ import annotations

from typing import Any

from assistant.cli_ingest import STATS_GROUPS_SHOWN, format_stats
from assistant.feeds.fetch import group_sources, source_group

ARCHIVE = "/data/hf_daily_papers_ALL_2024-05-27_to_2026-08-21.tar.gz"


def archive_summary(days: int) -> dict[str, Any]:
    sources = {f"{ARCHIVE}/Paper_metadata_download/2025-{i:04d}.json": 17 for i in range(days)}
    sources["/feeds/page.txt"] = 46
    return {"papers": 17 * days + 46, "chunks": 20 * days, "sources": sources}


def test_archive_members_group_under_their_archive() -> None:
    assert source_group(f"{ARCHIVE}/Paper_metadata_download/2025-01-02.json") == ARCHIVE
    assert source_group("/feeds/page.txt") == "/feeds/page.txt"
    assert source_group("https://huggingface.co/api/daily_papers?date=2025-01-02").startswith(
        "https://"
    )
    groups = group_sources(archive_summary(558)["sources"])
    assert groups == {ARCHIVE: (558, 558 * 17), "/feeds/page.txt": (1, 46)}


def test_stats_of_a_558_day_archive_fit_on_a_screen() -> None:
    text = format_stats(archive_summary(558))
    assert len(text.splitlines()) <= 8 and max(map(len, text.splitlines())) < 160
    assert "559 feed(s) from 2 file(s)" in text
    assert f"{ARCHIVE} (558 feeds, 9486 papers)" in text and "page.txt (46 papers)" in text
    assert "2025-0001.json" not in text


def test_many_files_are_cut_with_a_pointer_to_json() -> None:
    sources = {f"/feeds/day-{i}.json": 1 for i in range(STATS_GROUPS_SHOWN + 5)}
    text = format_stats({"papers": len(sources), "sources": sources})
    assert "... 5 more (--json lists all)" in text
