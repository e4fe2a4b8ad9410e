"""`feedqa digest`: selection, ranking, safe Markdown/JSON/RSS, atomic files, locking,
fetching, and mail through a local SMTP sink."""

from __future__ import annotations

import json
import shutil
import socket
import threading
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message as EmailMessage
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner
from fixtures_paths import HF_API, PAGE_SAMPLE
from helpers import InjectingRunner, tldr_input
from markdown_it import MarkdownIt

from assistant.cli import main
from assistant.config import Settings
from assistant.ingest import ingest_sources
from assistant.llm.base import Message
from assistant.llm.fake import FakeLLM
from assistant.locking import atomic_write
from assistant.models import Paper
from assistant.services import Components, Services
from assistant.summaries.cache import Tldr
from assistant.summaries.digest import (
    Digest,
    DigestEntry,
    digest_lock,
    md_escape,
    paper_link,
    rank_papers,
    render_markdown,
    render_rss,
)

DAY = "2025-06-16"
DAY_FILE = HF_API / f"hf_daily_papers_{DAY}.json"
STEM = f"digest-{DAY}"


def env(home: Path, **extra: str) -> dict[str, str]:
    return {"FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake", "FEEDQA_LLM_BACKEND": "fake",
            **extra}  # fmt: skip


def ingest(home: Path, path: Path) -> None:
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    report = ingest_sources(services, [str(path)])
    services.close()
    assert report.errors == []


def scripted_llm() -> FakeLLM:
    """Answers with the first 15 words of the fenced excerpt: a model-kind TL;DR or a
    checked fallback, never an unchecked one."""

    def reply(messages: list[Message]) -> str:
        return " ".join(tldr_input(messages).split()[:15])

    return FakeLLM(reply)


# --- acceptance: the 2025-06-16 day --------------------------------------------------------


def test_digest_writes_markdown_json_and_rss_for_the_newest_day(day_home: Path) -> None:
    # --source model: the "fake" backend cannot answer, so the digest degrades to extractive
    # TL;DRs and says so.
    result = CliRunner().invoke(main, ["digest", "--source", "model"], env=env(day_home))
    assert result.exit_code == 0, result.output
    out = day_home / "digests"
    assert sorted(p.name for p in out.iterdir()) == [f"{STEM}.json", f"{STEM}.md", f"{STEM}.xml"]
    assert "feedqa: warning: LLM unavailable" in result.stderr

    data = json.loads((out / f"{STEM}.json").read_text())
    assert data["day"] == DAY and data["ranking"] == "upvotes" and len(data["papers"]) == 9
    upvotes = [p["upvotes"] for p in data["papers"]]
    assert upvotes == sorted(upvotes, reverse=True)
    assert {p["source"] for p in data["papers"]} == {"extractive"}

    feed = feedparser.parse((out / f"{STEM}.xml").read_bytes())
    assert not feed.bozo and feed.version == "rss20"
    assert len(feed.entries) == 9
    for entry, paper in zip(feed.entries, data["papers"], strict=True):
        assert entry.link == f"https://huggingface.co/papers/{paper['paper_id']}"
        assert entry.title == paper["title"]

    markdown = (out / f"{STEM}.md").read_text()
    tokens = MarkdownIt("commonmark").parse(markdown)
    links = [
        child.attrGet("href")
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "link_open"
    ]
    assert len(links) == 9 and all(
        str(h).startswith("https://huggingface.co/papers/") for h in links
    )
    assert markdown.count("*(extractive)*") == 9


def test_digest_shows_the_feed_summaries_by_default(day_home: Path) -> None:
    result = CliRunner().invoke(main, ["digest"], env=env(day_home))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr  # no model was needed
    out = day_home / "digests"
    data = json.loads((out / f"{STEM}.json").read_text())
    summaries = {p.paper_id: p.ai_summary for p in papers_of(day_home)}
    assert {p["source"] for p in data["papers"]} == {"feed"}
    assert all(p["tldr"] == " ".join(summaries[p["paper_id"]].split()) for p in data["papers"])
    assert (out / f"{STEM}.md").read_text().count("*(feed's summary)*") == 9
    feed = feedparser.parse((out / f"{STEM}.xml").read_bytes())
    assert all(e.description.endswith("(feed's summary)") for e in feed.entries)


def papers_of(home: Path) -> list[Paper]:
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    try:
        return [s.paper for s in services.registry.all_papers(day=DAY)]
    finally:
        services.close()


def test_digest_with_a_working_model_marks_model_tldrs(day_home: Path) -> None:
    llm = scripted_llm()
    out = day_home / "elsewhere"
    args = ["digest", "--date", DAY, "--out", str(out), "--source", "model"]
    runner = InjectingRunner(Components(llm=llm))
    result = runner.invoke(main, args, env=env(day_home))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    data = json.loads((out / f"{STEM}.json").read_text())
    assert "model" in {p["source"] for p in data["papers"]}
    assert "feed" not in {p["source"] for p in data["papers"]}
    calls = len(llm.calls)
    again = runner.invoke(main, ["digest", "--out", str(out)],
                               env=env(day_home, FEEDQA_TLDR_SOURCE="model"))  # fmt: skip
    assert again.exit_code == 0 and len(llm.calls) == calls  # TL;DRs are cached


def test_digest_for_a_day_without_papers_succeeds_and_writes_nothing(day_home: Path) -> None:
    out = day_home / "digests"
    out.mkdir()
    (out / "digest-2025-06-17.md").write_text("old")
    result = CliRunner().invoke(main, ["digest", "--date", "2025-06-17"], env=env(day_home))
    assert result.exit_code == 0, result.output
    assert result.stdout == "no papers for 2025-06-17: no digest written or sent\n"
    assert result.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == ["digest-2025-06-17.md"]
    assert (out / "digest-2025-06-17.md").read_text() == "old"


def test_an_empty_day_note_is_written_when_asked_for(day_home: Path) -> None:
    result = CliRunner().invoke(main, ["digest", "--date", "2025-06-21", "--empty-note"],
                                env=env(day_home))  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((day_home / "digests" / "digest-2025-06-21.json").read_text())
    assert data["papers"] == [] and data["day"] == "2025-06-21"
    markdown = (day_home / "digests" / "digest-2025-06-21.md").read_text()
    assert "No papers in the feed for 2025-06-21." in markdown
    by_setting = CliRunner().invoke(main, ["digest", "--date", "2025-06-22"],
                                    env=env(day_home, FEEDQA_DIGEST_EMPTY_NOTE="true"))  # fmt: skip
    assert by_setting.exit_code == 0 and (day_home / "digests" / "digest-2025-06-22.md").exists()


def test_digest_on_an_empty_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["digest"], env=env(tmp_path))
    assert result.exit_code == 4 and "feedqa ingest" in result.stderr


def test_undated_papers_make_an_undated_digest(tmp_path: Path) -> None:
    ingest(tmp_path, PAGE_SAMPLE)  # a saved page: no dates, no ids, no upvotes
    result = CliRunner().invoke(main, ["digest", "-q"], env=env(tmp_path))
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "digests" / "digest-undated.json").read_text())
    assert data["day"] == "undated" and data["ranking"] == "feed order"
    assert len(data["papers"]) == 46 and all(p["url"] is None for p in data["papers"])
    feed = feedparser.parse((tmp_path / "digests" / "digest-undated.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 46


def test_interests_rank_by_similarity(day_home: Path) -> None:
    services = Services(Settings(home=day_home, embedder="fake", llm_backend="fake"))
    papers = [s.paper for s in services.registry.all_papers(day=DAY)]
    target = papers[-1]
    services.settings.interests = f"{target.title} {target.abstract}"
    ranked, how = rank_papers(papers, services)
    services.close()
    assert how == "interests" and ranked[0][0] == target
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]


def test_without_upvotes_or_interests_feed_order_is_kept() -> None:
    papers = [Paper(f"2501.0000{i}", f"T{i}", "abstract") for i in range(3)]
    services = Services(Settings(embedder="fake", llm_backend="fake"))
    ranked, how = rank_papers(papers, services)
    assert how == "feed order" and [p for p, _ in ranked] == papers


# --- output safety ---------------------------------------------------------------------------

HOSTILE_TITLE = (
    "Pwn <script>alert(1)</script> ![x](http://evil.example/a.png) [click](javascript:x)"
)
HOSTILE_TLDR = "Model **bold** <img src=x onerror=alert(1)> & www.evil.example; see `code` | x"


def hostile_digest(url: str | None = "http://evil.example/paper") -> Digest:
    paper = Paper("t-0123456789ab", HOSTILE_TITLE, "abstract", url=url, upvotes=3)
    tldr = Tldr(paper.paper_id, paper.content_hash, HOSTILE_TLDR, "model", "fake:x", "v")
    entry = DigestEntry(1, paper, tldr, paper_link(paper), None)
    return Digest("2025-06-16", datetime(2025, 6, 17, tzinfo=UTC), "upvotes", [entry])


def test_markdown_never_turns_untrusted_text_into_markup() -> None:
    markdown = render_markdown(hostile_digest())
    rendered = MarkdownIt("commonmark").render(markdown)
    for live in ("<script", "<img", "<a ", "<strong>bold", "<code>code"):
        assert live not in rendered
    assert "&lt;script&gt;" in rendered  # shown, not run
    gfm = MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(markdown)
    assert "<a " not in gfm and "<img" not in gfm and "<del>" not in gfm and "<table" not in gfm
    # GFM would autolink bare www./http text: it is shown as code instead.
    assert "`www.evil.example;`" in markdown


def test_md_escape_handles_line_starts_and_urls() -> None:
    assert md_escape("# heading") == "\\# heading"
    assert md_escape("1. item") == "1\\. item"
    assert md_escape("- item\nnext") == "\\- item next"
    assert md_escape("see https://x.y/(a)") == "see `https://x.y/(a)`"


def test_rss_text_is_escaped_for_readers_that_render_html() -> None:
    xml = render_rss(hostile_digest())
    assert "<script" not in xml and "<img" not in xml
    feed = feedparser.parse(xml)
    assert not feed.bozo
    (entry,) = feed.entries
    assert "<script" not in entry.title and "<img" not in entry.summary
    assert "alert(1)" in entry.title  # the text survives, as text
    assert "link" not in entry or "evil" not in entry.link


@pytest.mark.parametrize(
    ("url", "paper_id", "expected"),
    [
        ("https://huggingface.co/papers/2506.1", "x", "https://huggingface.co/papers/2506.1"),
        ("http://arxiv.org/abs/2506.00001", "x", "http://arxiv.org/abs/2506.00001"),
        ("https://evil.example/2506.00001", "2506.00001", "https://arxiv.org/abs/2506.00001"),
        ("javascript:alert(1)", "t-abc", None),
        ("https://huggingface.co.evil.example/x", "t-abc", None),
        ("https://user@huggingface.co/x", "t-abc", None),
        ("https://huggingface.co/x)](http://evil", "t-abc", None),
        ("https://huggingface.co/a b", "t-abc", None),
        (None, "hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
        ("https://huggingface.co:8443/papers/1", "t-abc", None),
        (None, "t-0123456789ab", None),
    ],
)  # fmt: skip
def test_links_only_to_allowed_paper_pages(url: str | None, paper_id: str, expected: str) -> None:
    assert paper_link(Paper(paper_id, "T", "A", url=url)) == expected


# --- files, locks, fetching ------------------------------------------------------------------


def test_atomic_write_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "digest.md"
    target.write_text("old")

    def broken_replace(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["digest.md"]  # no temp file left


def test_a_second_digest_at_the_same_time_is_refused(day_home: Path) -> None:
    settings = Settings(home=day_home, embedder="fake", llm_backend="fake")
    with digest_lock(settings):
        result = CliRunner().invoke(main, ["digest"], env=env(day_home))
    assert result.exit_code == 5
    assert "another `feedqa digest` is running" in result.stderr
    assert not (day_home / "digests").exists()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def hf_api(tmp_path: Path) -> Any:
    """A local stand-in for the Daily Papers API serving the saved 2025-06-16 response."""
    root = tmp_path / "api_root"
    (root / "api").mkdir(parents=True)
    shutil.copy(DAY_FILE, root / "api" / "daily_papers")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_ingests_the_day_then_writes_its_digest(tmp_path: Path, hf_api: str) -> None:
    result = CliRunner().invoke(main, ["digest", "--fetch", "--date", DAY],
                                env=env(tmp_path, FEEDQA_HF_BASE_URL=hf_api))  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "digests" / f"{STEM}.json").read_text())
    assert len(data["papers"]) == 9


@pytest.mark.parametrize("store", ["fresh", "with other days"])
def test_fetching_a_day_without_papers_exits_0_and_writes_or_sends_nothing(
    store: str, tmp_path: Path, day_home: Path
) -> None:
    """A Saturday: the API answers with an empty list; a cron job must not fail or mail."""
    root = tmp_path / "api_root"
    (root / "api").mkdir(parents=True)
    (root / "api" / "daily_papers").write_text("[]")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = tmp_path / "fresh" if store == "fresh" else day_home
    sink = f"127.0.0.1:{free_port()}"  # nothing listens: a mail attempt would fail the run
    try:
        result = CliRunner().invoke(main, ["digest", "--fetch", "--date", "2026-08-22",
                                           "--email"], env=env(target,
            FEEDQA_HF_BASE_URL=f"http://127.0.0.1:{server.server_address[1]}",
            FEEDQA_SMTP_HOST=sink.split(":")[0], FEEDQA_SMTP_PORT=sink.split(":")[1],
            FEEDQA_SMTP_TO="me@example.org"))  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    assert result.stdout == "no papers for 2026-08-22: no digest written or sent\n"
    assert not (target / "digests").exists() or not any((target / "digests").iterdir())


def test_a_failed_fetch_exits_non_zero_and_keeps_the_previous_digest(day_home: Path) -> None:
    out = day_home / "digests"
    out.mkdir()
    for suffix in (".md", ".json", ".xml"):
        (out / f"{STEM}{suffix}").write_text("previous")
    closed = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(main, ["digest", "--fetch", "--date", DAY],
                                env=env(day_home, FEEDQA_HF_BASE_URL=closed))  # fmt: skip
    assert result.exit_code == 1
    assert "no digest written" in result.stderr and "Traceback" not in result.output
    assert all(p.read_text() == "previous" for p in out.iterdir())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- email -----------------------------------------------------------------------------------


class _Sink:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture()
def smtp_sink() -> Any:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def refuse(*args: Any) -> AuthResult:
        return AuthResult(success=False, handled=False)

    sink = _Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port(),
                            authenticator=refuse, auth_require_tls=False)  # fmt: skip
    controller.start()
    yield sink, controller.port
    controller.stop()


def test_email_delivers_the_digest(day_home: Path, smtp_sink: Any) -> None:
    sink, port = smtp_sink
    smtp = {"FEEDQA_SMTP_HOST": "127.0.0.1", "FEEDQA_SMTP_PORT": str(port),
            "FEEDQA_SMTP_TO": "me@example.org, you@example.org"}  # fmt: skip
    result = CliRunner().invoke(main, ["digest", "--email"], env=env(day_home, **smtp))
    assert result.exit_code == 0, result.output
    (message,) = sink.messages
    assert message["Subject"] == f"Daily Papers digest {DAY} (9 papers)"
    assert message["To"] == "me@example.org, you@example.org"
    body, attachment = [part for part in message.walk() if not part.is_multipart()]
    assert "1. " in body.get_payload(decode=True).decode()
    assert attachment.get_filename() == f"{STEM}.md"


def test_email_failure_never_shows_the_password(day_home: Path, smtp_sink: Any) -> None:
    _, port = smtp_sink
    secret = "hunter2-very-secret"
    smtp = {"FEEDQA_SMTP_HOST": "127.0.0.1", "FEEDQA_SMTP_PORT": str(port),
            "FEEDQA_SMTP_TO": "me@example.org", "FEEDQA_SMTP_USER": "me",
            "FEEDQA_SMTP_PASSWORD": secret}  # fmt: skip
    result = CliRunner().invoke(main, ["digest", "--email"], env=env(day_home, **smtp))
    assert result.exit_code == 1
    assert "not mailed" in result.stderr and "login refused" in result.stderr
    assert secret not in result.output
    assert (day_home / "digests" / f"{STEM}.md").exists()  # the files are still written


def test_email_without_smtp_settings_is_a_usage_error(day_home: Path) -> None:
    result = CliRunner().invoke(main, ["digest", "--email"], env=env(day_home))
    assert result.exit_code == 2 and "FEEDQA_SMTP_HOST" in result.stderr
