"""Ingest as a library (assistant.ingest.ingest_sources): progress and errors come back as
events and in the report; nothing is printed (the CLI formats them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import IngestEvent, ingest_sources
from assistant.services import Services

FEED = Path(__file__).parent / "data" / "store_c1cb730.jsonl"


def test_events_report_papers_and_failed_sources(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events: list[IngestEvent] = []
    missing = tmp_path / "missing.jsonl"
    report = ingest_sources(services, [str(missing), str(FEED)], on_event=events.append)
    assert (report.parsed, report.new, report.sources) == (3, 3, 1)
    errors = [e.message for e in events if e.kind == "error"]
    assert errors == report.errors and len(errors) == 1 and str(missing) in errors[0]
    assert sum(e.count for e in events if e.kind == "papers") == 3
    assert capsys.readouterr() == ("", "")
    assert services.registry.counts() == {"papers": 3, "chunks": 3}


def test_without_a_listener_ingest_is_silent_too(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ingest_sources(services, [str(FEED)]).new == 3
    assert ingest_sources(services, [str(FEED)]).unchanged == 3
    assert capsys.readouterr() == ("", "")
