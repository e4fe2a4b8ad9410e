"""`feedqa ingest` and `feedqa stats` on the shared real feeds: counts, failures, idempotence."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import free_port

from assistant.cli import main
from assistant.feeds import parse_bytes
from assistant.locking import write_lock
from assistant.services import builtin_feed_path
from vectorstore.invariants import check_store

pytestmark = pytest.mark.usefixtures("fake_env")

HF_GOOD = ("hf_daily_papers_2024-05-27.json", "hf_daily_papers_2025-06-16.json")
HF_API_GOOD_DAY = "hf_api/hf_daily_papers_2024-05-27.json"
ARCHIVE = "hf_daily_papers_ALL_2024-05-27_to_2026-08-21.tar.gz"
STATS_FIELDS = {
    "papers", "chunks", "days", "first_day", "last_day", "sources", "embedders",
    "store", "registry", "embedder", "vectors",
}  # fmt: skip


def cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def stats() -> dict[str, Any]:
    result = cli("stats", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids_in(*paths: Path) -> set[str]:
    return {p.paper_id for path in paths for p in parse_bytes(path.read_bytes(), str(path)).papers}


def assert_fails_cleanly(result: Result, source: str | Path, problem: str) -> None:
    """Exit 1, exactly one error line naming the source and the problem, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == [f"feedqa: error: {source}: {problem}"]
    assert "Traceback" not in result.output


def test_shared_feeds_ingest_counts(shared_feeds: Path, settings: Any) -> None:
    page = shared_feeds / "hf_daily_papers_page_sample.txt"
    first = cli("ingest", page)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("ingested 46 papers from 1 feed(s): 46 new, 0 updated")
    assert stats()["papers"] == 46
    chunks = stats()["chunks"]

    again = cli("ingest", page)
    assert again.exit_code == 0
    assert "0 new, 0 updated, 46 unchanged" in again.stdout
    assert "0 chunks embedded" in again.stdout
    assert (stats()["papers"], stats()["chunks"]) == (46, chunks)

    hf_files = sorted((shared_feeds / "hf_api").glob("*.json"))  # includes the malformed day
    hf = cli("ingest", *hf_files)
    bad_day = shared_feeds / "hf_api" / "hf_daily_papers_2024-12-11.json"
    assert_fails_cleanly(hf, bad_day, "items are Python-repr strings, not JSON objects "
                         "(malformed save)")  # fmt: skip
    assert "ingested 22 papers from 2 feed(s): 22 new" in hf.stdout
    assert stats()["papers"] == 46 + 13 + 9

    rss_files = sorted((shared_feeds / "arxiv").glob("*repaired.xml"))
    rss = cli("ingest", *rss_files)
    assert rss.exit_code == 0
    assert "ingested 86 papers from 1 feed(s): 86 new" in rss.stdout
    good = [page, *(shared_feeds / "hf_api" / name for name in HF_GOOD), *rss_files]
    final = stats()
    assert final["papers"] == len(ids_in(*good)) == 46 + 22 + 86
    assert (final["first_day"], final["last_day"], final["days"]) == (
        "2024-05-27", "2025-08-20", 3
    )  # fmt: skip
    assert final["vectors"] == final["chunks"]
    assert sum(final["sources"].values()) == final["papers"]
    assert check_store(settings) == []


def test_a_paper_on_two_real_days_is_one_paper(
    shared_feeds: Path, tmp_path: Path, settings: Any
) -> None:
    # In the saved archive, 2606.11176 is on the Daily Papers of 2026-06-10 and 2026-06-16,
    # and the later day comes first in the archive.
    wanted = ("2026-06-16.json", "2026-06-10.json")
    archive = tmp_path / "two_days.tar.gz"
    members = _members(shared_feeds / "hf_api" / ARCHIVE, wanted)
    with tarfile.open(archive, "w:gz") as out:
        for name in wanted:
            info = tarfile.TarInfo(f"Paper_metadata_download/{name}")
            info.size = len(members[name])
            out.addfile(info, io.BytesIO(members[name]))
    per_day = {name: ids_in(_write(tmp_path / name, data)) for name, data in members.items()}
    assert per_day[wanted[0]] & per_day[wanted[1]] == {"2606.11176"}

    result = cli("ingest", archive)
    assert result.exit_code == 0, result.output
    assert stats()["papers"] == len(per_day[wanted[0]] | per_day[wanted[1]])
    assert stats()["days"] == 2
    again = cli("ingest", archive)
    assert "0 chunks embedded" in again.stdout
    assert check_store(settings) == []  # includes: chunk metadata day is the earliest day


def _members(archive: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    with tarfile.open(archive, "r|*") as tar:
        for member in tar:
            base = member.name.rsplit("/", 1)[-1]
            if base in names:
                handle = tar.extractfile(member)
                assert handle is not None
                found[base] = handle.read()
    assert set(found) == set(names)
    return found


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("relative", "problem"),
    [
        ("hf_api/hf_daily_papers_2024-12-11.json",
         "items are Python-repr strings, not JSON objects (malformed save)"),
        ("arxiv/arxiv_rss_atom_cs.AI_2025-08-20_RAW_truncated.xml",
         "not well-formed XML at line 1233: no element found"),
        ("arxiv/arxiv_api_id_abc_s0_m100_b79c8dcf6bc3.xml",
         "arXiv API error: incorrect id format for abc"),
    ],
)  # fmt: skip
def test_malformed_shared_feeds_fail_cleanly_and_lose_nothing(
    shared_feeds: Path, relative: str, problem: str, settings: Any
) -> None:
    assert cli("ingest", shared_feeds / HF_API_GOOD_DAY).exit_code == 0
    before = stats()
    path = shared_feeds / relative
    assert_fails_cleanly(cli("ingest", path), path, problem)
    assert stats() == before
    assert check_store(settings) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b" \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not a feed"),
        (bytes(range(256)) * 4, "binary file, not a feed"),
    ],
)
def test_empty_and_binary_files_fail_cleanly(tmp_path: Path, content: bytes, problem: str) -> None:
    assert cli("ingest", "--builtin").exit_code == 0
    before = stats()
    path = tmp_path / "feed.dat"
    path.write_bytes(content)
    assert_fails_cleanly(cli("ingest", path), path, problem)
    assert stats() == before


def test_a_url_that_does_not_answer_fails_cleanly() -> None:
    assert cli("ingest", "--builtin").exit_code == 0
    before = stats()
    url = f"http://127.0.0.1:{free_port()}/feed.xml"
    result = cli("ingest", url)
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"feedqa: error: {url}: cannot connect")
    assert stats() == before


def test_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    assert_fails_cleanly(cli("ingest", path), path, "no such file or directory")


def test_good_sources_are_kept_when_another_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("ingest", empty, builtin_feed_path())
    assert_fails_cleanly(result, empty, "empty file")
    assert "46 new" in result.stdout
    assert stats()["papers"] == 46


def test_skipped_items_are_counted_not_fatal(tmp_path: Path) -> None:
    feed = tmp_path / "gaps.jsonl"
    records = [
        {"title": "Complete", "abstract": "It has both."},
        {"title": "No abstract"},
        {"abstract": "No title."},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records))
    result = cli("ingest", "--json", feed)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["parsed"], report["skipped"], report["new"]) == (1, 2, 1)
    assert report["store"]["papers"] == 1


def test_an_overlong_title_is_ingested_with_clean_json(tmp_path: Path) -> None:
    feed = tmp_path / "long_title.jsonl"
    title = " ".join(f"word{i}" for i in range(400))  # untrusted feeds allow 20,000 chars
    feed.write_text(json.dumps({"title": title, "abstract": "Short abstract. " * 40}))
    result = cli("ingest", "--json", feed)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["new"] == 1  # nothing else on stdout


def test_if_empty_ingests_once() -> None:
    first = cli("ingest", "--builtin", "--if-empty")
    assert first.exit_code == 0 and "46 new" in first.stdout
    before = stats()
    second = cli("ingest", "--builtin", "--if-empty")
    assert second.exit_code == 0
    assert second.stdout.startswith("store already has papers; nothing to do")
    assert "ingested" not in second.stdout
    assert stats() == before


def test_if_empty_refills_an_empty_chroma(tmp_path: Path) -> None:
    """A registry with papers but no vectors (new server, deleted chroma/) is not 'full'."""
    import shutil

    from chromadb.api.shared_system_client import SharedSystemClient

    assert cli("ingest", "--builtin", "--if-empty").exit_code == 0
    shutil.rmtree(tmp_path / "chroma")
    SharedSystemClient.clear_system_cache()  # as a new process would start
    again = cli("ingest", "--builtin", "--if-empty")
    assert again.exit_code == 0, again.output
    assert "46 updated" in again.stdout
    assert stats()["vectors"] == stats()["chunks"] > 0


def test_progress_is_quiet_when_piped() -> None:
    result = cli("ingest", "--builtin")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ingested 46 papers") and lines[1].startswith("store: 46 papers")
    assert "\x1b[" not in result.output and "\r" not in result.output
    as_json = cli("ingest", "--builtin", "--json")
    assert json.loads(as_json.stdout)["unchanged"] == 46  # stdout is pure JSON


def test_stats_fields(tmp_path: Path) -> None:
    empty = stats()
    assert set(empty) == STATS_FIELDS
    assert (empty["papers"], empty["chunks"], empty["first_day"], empty["vectors"]) == (
        0, 0, None, 0
    )  # fmt: skip
    assert cli("ingest", builtin_feed_path()).exit_code == 0
    full = stats()
    assert full["papers"] == 46 and full["chunks"] == full["vectors"] > 46
    assert full["sources"] == {str(builtin_feed_path()): 46}
    assert full["first_day"] is None and full["last_day"] is None  # the page has no dates
    assert full["store"] == str(tmp_path / "chroma")
    assert full["registry"] == str(tmp_path / "papers.sqlite3")
    assert full["embedder"] == "fake-hash-64" and full["embedders"] == ["fake-hash-64"]
    text = cli("stats")
    assert text.exit_code == 0
    assert "papers: 46" in text.stdout and f"{builtin_feed_path()} (46 papers)" in text.stdout


def test_nothing_to_ingest_is_a_usage_error() -> None:
    result = cli("ingest")
    assert result.exit_code == 2
    assert result.stderr.startswith("feedqa: error: nothing to ingest")


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("hf:2025-13-01", "the day must be a date as YYYY-MM-DD, not '2025-13-01'"),
        ("hf:2025-06-07..2025-06-01", "the range ends before it starts"),
        ("ftp://example.org/feed.xml", "unsupported URL scheme (use http:// or https://)"),
    ],
)
def test_a_bad_spec_is_a_usage_error_before_any_work(spec: str, problem: str) -> None:
    result = cli("ingest", "--builtin", spec)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"feedqa: error: {spec}: {problem}"]
    assert stats()["papers"] == 0  # the good source before it was not half-ingested


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    with write_lock(tmp_path / "write.lock"):
        result = cli("ingest", "--builtin")
    assert result.exit_code == 5
    assert "another feedqa process is writing" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert stats()["papers"] == 0


@pytest.mark.integration
def test_console_script_in_real_processes(shared_feeds: Path, tmp_path: Path) -> None:
    """The literal acceptance commands, as a user runs them (no CliRunner in between)."""
    exe = Path(sys.executable).with_name("feedqa")
    if not exe.exists():
        pytest.skip("the feedqa console script is not installed (pip install -e .)")
    env = {**os.environ, "FEEDQA_HOME": str(tmp_path), "FEEDQA_EMBEDDER": "fake"}

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *map(str, args)], env=env, capture_output=True, text=True, timeout=120
        )

    assert run("ingest", shared_feeds / "hf_daily_papers_page_sample.txt").returncode == 0
    bad = shared_feeds / "arxiv" / "arxiv_rss_atom_cs.AI_2025-08-20_RAW_truncated.xml"
    failed = run("ingest", bad)
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        f"feedqa: error: {bad}: not well-formed XML at line 1233: no element found"
    ]
    shown = run("stats", "--json")
    assert shown.returncode == 0 and shown.stderr == ""
    assert json.loads(shown.stdout)["papers"] == 46
