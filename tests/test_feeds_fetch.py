"""load_source: files, directories, tar archives, URLs and hf: ranges against a local server."""

from __future__ import annotations

import io
import os
import socket
import tarfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fixtures_paths import HF_API, HF_ARCHIVE, PAGE_SAMPLE, SHARED_FEEDS, arxiv_file

from assistant.config import Settings
from assistant.errors import FeedError, UsageError
from assistant.feeds import load_source
from assistant.feeds.fetch import HttpStatusError, hf_days
from assistant.models import ParseResult

ARXIV_ONE = arxiv_file("arxiv_api_id_1605.08386")
REPR_DAY = HF_API / "hf_daily_papers_2024-12-11.json"
HF_DAYS = {
    "2024-05-27": HF_API / "hf_daily_papers_2024-05-27.json",
    "2025-06-16": HF_API / "hf_daily_papers_2025-06-16.json",
    "2024-12-11": REPR_DAY,
}
HF_STATUS = {"2024-05-29": 503, "2024-05-30": 404}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Settings reads FEEDQA_*, httpx reads proxy variables: neither may leak into these tests.
    for name in list(os.environ):
        if name.startswith("FEEDQA_") or name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", http_timeout_s=5.0)


# --- a local feed server ----------------------------------------------------------------------


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.paths: list[str] = []
        self.release = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class FeedHandler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:
        self.server.paths.append(self.path)
        url = urlsplit(self.path)
        if url.path == "/api/daily_papers":
            self._daily(parse_qs(url.query).get("date", [""])[0])
        elif url.path.startswith(("/feeds/", "/nolength/")):
            self._file(url.path.split("/", 2)[2], url.path.startswith("/feeds/"))
        elif url.path == "/redirect":
            self._send(302, b"", location=f"/feeds/arxiv/{ARXIV_ONE.name}")
        elif url.path == "/hang":
            self.server.release.wait(10)
            self._send(200, b"[]")
        else:
            self._send(404, b"not found")

    def _daily(self, day: str) -> None:
        if day in HF_STATUS:
            self._send(HF_STATUS[day], b"error")
        elif day in HF_DAYS:
            self._send(200, HF_DAYS[day].read_bytes())
        else:
            self._send(200, b"[]")  # what the API answers for a day without papers

    def _file(self, relative: str, with_length: bool) -> None:
        path = (SHARED_FEEDS / relative).resolve()
        if not path.is_relative_to(SHARED_FEEDS.resolve()) or not path.is_file():
            self._send(404, b"not found")
            return
        self._send(200, path.read_bytes(), with_length=with_length)

    def _send(
        self, status: int, body: bytes, *, location: str = "", with_length: bool = True
    ) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        if with_length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[FeedServer]:
    httpd = FeedServer()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def results(spec: str, settings: Settings, **kwargs: str) -> list[ParseResult | FeedError]:
    return list(load_source(spec, settings, **kwargs))


# --- local files -----------------------------------------------------------------------------


def test_single_file(settings: Settings) -> None:
    (result,) = results(str(PAGE_SAMPLE), settings)
    assert isinstance(result, ParseResult)
    assert len(result.papers) == 46 and result.source == str(PAGE_SAMPLE)


def test_single_file_errors_raise_at_call_time(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="Python-repr"):
        load_source(str(REPR_DAY), settings)
    missing = str(tmp_path / "nope.json")
    with pytest.raises(FeedError) as caught:
        load_source(missing, settings)
    assert (caught.value.source, caught.value.problem) == (missing, "no such file or directory")


def test_oversize_file_is_not_read(tmp_path: Path) -> None:
    small = Settings(home=tmp_path, max_feed_bytes=1000)
    with pytest.raises(FeedError, match="1,000-byte feed limit"):
        load_source(str(PAGE_SAMPLE), small)


def test_directory(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "b.json").write_bytes(HF_DAYS["2024-05-27"].read_bytes())
    (folder / "a.txt").write_bytes(PAGE_SAMPLE.read_bytes())
    (folder / "c.json").write_bytes(REPR_DAY.read_bytes())
    (folder / "d.bin").write_bytes(b"\x00\x01\x02")
    (folder / "e.tgz").write_bytes(_tar({"x/2024-05-27.json": HF_DAYS["2024-05-27"]}))
    (folder / ".hidden.json").write_bytes(b"garbage")
    (folder / "sub").mkdir()
    (folder / "sub" / "f.json").write_bytes(b"garbage")
    got = results(str(folder), settings)
    assert [_name(r) for r in got] == ["a.txt", "b.json", "c.json", "d.bin", "2024-05-27.json"]
    assert [len(r.papers) if isinstance(r, ParseResult) else None for r in got] == [
        46,
        13,
        None,
        None,
        13,
    ]
    assert isinstance(got[2], FeedError) and "Python-repr" in got[2].problem
    assert isinstance(got[3], FeedError) and got[3].problem == "binary file, not a feed"


def test_real_archive_is_streamed(settings: Settings) -> None:
    stream = load_source(str(HF_ARCHIVE), settings)
    assert isinstance(stream, Iterator)
    members = papers = skipped = 0
    errors: list[FeedError] = []
    ids: set[str] = set()
    with_field = {"ai_summary": 0, "github": 0, "organization": 0}
    for result in stream:
        members += 1
        if isinstance(result, FeedError):
            errors.append(result)
            continue
        day = result.source.rsplit("/", 1)[-1].removesuffix(".json")
        assert result.source.startswith(f"{HF_ARCHIVE}/Paper_metadata_download/")
        assert all(p.day == day for p in result.papers)
        papers += len(result.papers)
        skipped += result.skipped
        ids.update(p.paper_id for p in result.papers)
        for name in with_field:
            with_field[name] += sum(1 for p in result.papers if getattr(p, name))
    assert members == 580
    # 21 daily lists of Python-repr strings (2024-12-11..2025-01-09) plus the 2025-01-10
    # {status, date, count, data} wrapper, whose data is Python-repr strings too.
    assert len(errors) == 22
    assert all("Python-repr" in e.problem for e in errors)
    bad_days = sorted(e.source.rsplit("/", 1)[-1][:10] for e in errors)
    assert (bad_days[0], bad_days[-1]) == ("2024-12-11", "2025-01-10")
    # The 9,581 items of the 558 good days (the 300 items of the bad days are not counted).
    assert (papers, skipped, len(ids)) == (9581, 0, 9577)
    assert with_field == {"ai_summary": 5715, "github": 3692, "organization": 2912}


def test_archive_members(settings: Settings, tmp_path: Path) -> None:
    small = Settings(home=tmp_path, max_feed_bytes=60_000)
    archive = tmp_path / "days.tar.gz"
    archive.write_bytes(
        _tar(
            {
                "d/2024-05-27.json": HF_DAYS["2024-05-27"],  # 64 KB: over the limit
                "d/2025-06-16.json": HF_DAYS["2025-06-16"],
                "d/._2025-06-16.json": b"\x00mac resource fork",
                "d/2024-12-11.json": b"[\"{'paper': {'id': '2412.07730'}}\"]",
            }
        )
    )
    got = results(str(archive), small)
    assert [_name(r) for r in got] == ["2024-05-27.json", "2025-06-16.json", "2024-12-11.json"]
    assert isinstance(got[0], FeedError) and "feed limit" in got[0].problem
    assert isinstance(got[1], ParseResult) and len(got[1].papers) == 9
    assert isinstance(got[2], FeedError) and "Python-repr" in got[2].problem


def test_truncated_archive_ends_with_an_error(settings: Settings, tmp_path: Path) -> None:
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(HF_ARCHIVE.read_bytes()[:1_000_000])
    got = results(str(cut), settings)
    *members, last = got
    assert sum(isinstance(r, ParseResult) for r in members) > 10
    assert all(r.source.startswith(f"{cut}/") for r in members)
    assert isinstance(last, FeedError) and last.source == str(cut)
    assert "corrupt or truncated archive" in last.problem


# --- http(s) URLs ----------------------------------------------------------------------------


def test_url(server: FeedServer, settings: Settings) -> None:
    url = f"{server.base}/feeds/arxiv/{ARXIV_ONE.name}"
    (result,) = results(url, settings)
    assert isinstance(result, ParseResult) and result.source == url
    assert [p.paper_id for p in result.papers] == ["1605.08386"]


def test_url_follows_redirects(server: FeedServer, settings: Settings) -> None:
    (result,) = results(f"{server.base}/redirect", settings)
    assert isinstance(result, ParseResult) and len(result.papers) == 1


def test_url_404(server: FeedServer, settings: Settings) -> None:
    url = f"{server.base}/missing.xml"
    with pytest.raises(FeedError) as caught:
        load_source(url, settings)
    assert (caught.value.source, caught.value.problem) == (url, "HTTP 404 Not Found")


def test_url_that_hangs_times_out(server: FeedServer, tmp_path: Path) -> None:
    quick = Settings(home=tmp_path, http_timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(FeedError) as caught:
        load_source(f"{server.base}/hang", quick)
    assert caught.value.problem == "timed out after 0.5s"
    assert time.monotonic() - started < 5


def test_closed_port(settings: Settings) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed.xml"
    with pytest.raises(FeedError) as caught:
        load_source(url, settings)
    assert caught.value.source == url
    assert caught.value.problem.startswith("cannot connect (offline?)")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("route", ["feeds", "nolength"])
def test_url_size_limit_is_streamed(server: FeedServer, tmp_path: Path, route: str) -> None:
    small = Settings(home=tmp_path, max_feed_bytes=10_000)
    with pytest.raises(FeedError, match="response larger than the 10,000-byte feed limit"):
        load_source(f"{server.base}/{route}/{PAGE_SAMPLE.name}", small)


def test_unsupported_url_scheme(settings: Settings) -> None:
    with pytest.raises(UsageError, match="unsupported URL scheme"):
        load_source("ftp://example.org/feed.xml", settings)


# --- hf: dates -------------------------------------------------------------------------------


def test_hf_single_day(server: FeedServer, settings: Settings) -> None:
    (result,) = results("hf:2025-06-16", settings, hf_base_url=server.base + "/")
    assert isinstance(result, ParseResult)
    assert result.source == "hf:2025-06-16"
    assert len(result.papers) == 9
    assert {p.day for p in result.papers} == {"2025-06-16"}
    assert {p.source for p in result.papers} == {"hf:2025-06-16"}
    assert server.paths == ["/api/daily_papers?date=2025-06-16"]


def test_hf_single_day_http_error_raises(server: FeedServer, settings: Settings) -> None:
    with pytest.raises(FeedError) as caught:
        load_source("hf:2024-05-30", settings, hf_base_url=server.base)
    assert caught.value.source == f"{server.base}/api/daily_papers?date=2024-05-30"
    assert caught.value.problem == "HTTP 404 Not Found"


def test_hf_range(server: FeedServer, settings: Settings) -> None:
    stream = load_source("hf:2024-05-26..2024-05-29", settings, hf_base_url=server.base)
    assert server.paths == []  # nothing is fetched before the caller asks
    got = list(stream)
    assert [r.source for r in got if isinstance(r, ParseResult)] == [
        "hf:2024-05-26",
        "hf:2024-05-27",
        "hf:2024-05-28",
    ]
    assert [len(r.papers) for r in got if isinstance(r, ParseResult)] == [0, 13, 0]
    assert isinstance(got[3], HttpStatusError) and got[3].problem.startswith("HTTP 503")
    assert server.paths == [f"/api/daily_papers?date=2024-05-{d}" for d in (26, 27, 28, 29)]


def test_hf_range_malformed_day_is_reported(server: FeedServer, settings: Settings) -> None:
    got = results("hf:2024-12-10..2024-12-12", settings, hf_base_url=server.base)
    assert [type(r).__name__ for r in got] == ["ParseResult", "FeedError", "ParseResult"]
    assert isinstance(got[1], FeedError) and got[1].source == "hf:2024-12-11"


def test_hf_range_offline_raises(settings: Settings) -> None:
    base = f"http://127.0.0.1:{closed_port()}"
    stream = load_source("hf:2024-05-26..2024-05-29", settings, hf_base_url=base)
    with pytest.raises(FeedError, match=r"cannot connect \(offline\?\)"):
        next(stream)


@pytest.mark.parametrize(
    "spec",
    [
        "hf:2025-02-30",
        "hf:2025-13-01",
        "hf:yesterday",
        "hf:2025-1-5",
        "hf:2025-01-05..",
        "hf:2025-01-05..2025-01-01",
        "hf:2024-01-01..2025-01-01",  # 367 days
    ],
)
def test_hf_bad_spec(spec: str, settings: Settings) -> None:
    with pytest.raises(UsageError):
        load_source(spec, settings)


def test_hf_days_range_is_inclusive_and_capped() -> None:
    assert hf_days("hf:2024-02-28..2024-03-01") == ["2024-02-28", "2024-02-29", "2024-03-01"]
    assert len(hf_days("hf:2024-01-01..2024-12-31")) == 366


def _name(result: ParseResult | FeedError) -> str:
    return result.source.rsplit("/", 1)[-1]


def _tar(members: dict[str, Path | bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        folder = tarfile.TarInfo("d")
        folder.type = tarfile.DIRTYPE  # directories are not feeds: skipped silently
        archive.addfile(folder)
        for name, content in members.items():
            data = content if isinstance(content, bytes) else content.read_bytes()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
