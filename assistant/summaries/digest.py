"""The daily digest: pick a day's papers, rank them, attach checked TL;DRs, and write it as
Markdown, JSON and RSS 2.0 (atomically), optionally mailing it.

Titles and TL;DRs are untrusted text. Markdown escapes every character that could start
markup and shows URL-like text as code; RSS text is HTML-escaped before XML escaping, so a
reader that renders descriptions as HTML shows the text, never markup. The only links are
paper pages on huggingface.co or arxiv.org.
"""

from __future__ import annotations

import html
import json
import os
import re
import smtplib
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from assistant import __version__
from assistant.config import Settings
from assistant.errors import (
    BackendUnavailable,
    FeedqaError,
    ModelFileError,
    UsageError,
)
from assistant.links import DAILY_PAPERS_URL, paper_url
from assistant.locking import exclusive_lock, write_temp
from assistant.models import Paper
from assistant.summaries.cache import Tldr, TldrCache
from assistant.summaries.sources import SourceSetting, source_label
from assistant.summaries.tldr import TldrWriter, summarise_papers

if TYPE_CHECKING:
    from assistant.services import Services

UNDATED = "undated"


class DigestError(FeedqaError):
    """The digest could not be made or delivered; earlier digest files are left as they were.
    Exit code 1, FeedqaError's."""


@dataclass(frozen=True)
class DigestEntry:
    rank: int
    paper: Paper
    tldr: Tldr
    link: str | None
    score: float | None  # cosine similarity to the interests, when ranked by them


@dataclass
class Digest:
    day: str  # YYYY-MM-DD, or "undated" for papers the store has no day for
    generated: datetime
    ranking: str  # "interests", "upvotes" or "feed order"
    entries: list[DigestEntry]
    warnings: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return f"digest-{self.day}"


# --- selection and ranking -------------------------------------------------------------------


def yesterday_utc() -> str:
    """The default day for ``--fetch``: the Daily Papers list fills in during its own day."""
    return (datetime.now(UTC).date() - timedelta(days=1)).isoformat()


def select_papers(services: Services, day: str | None) -> tuple[str, list[Paper]]:
    """The day's papers in feed order (none on a day without papers). No ``day``: the newest
    day in the store or, if no paper has a day, every undated paper under "undated"."""
    registry = services.registry
    if day is not None:  # a named day may be empty even in an empty store (a fetched weekend)
        return day, [s.paper for s in registry.all_papers(day=day)]
    services.require_papers()
    day = registry.newest_day()
    if day is None:
        undated = [s.paper for s in registry.all_papers() if not s.days]
        return UNDATED, undated
    return day, [s.paper for s in registry.all_papers(day=day)]


def rank_papers(
    papers: list[Paper], services: Services
) -> tuple[list[tuple[Paper, float | None]], str]:
    """Papers best first: by similarity to FEEDQA_INTERESTS when set, else by upvotes where
    the feed has them, else in feed order."""
    interests = (services.settings.interests or "").strip()
    if interests:
        vectors = services.embedder.embed(
            [interests, *(f"{p.title}\n{p.abstract}" for p in papers)]
        )
        scores = [float(v) for v in vectors[1:] @ vectors[0]]
        order = sorted(range(len(papers)), key=lambda i: -scores[i])
        return [(papers[i], round(scores[i], 4)) for i in order], "interests"
    if any(p.upvotes is not None for p in papers):
        ranked = sorted(papers, key=lambda p: -(p.upvotes if p.upvotes is not None else -1))
        return [(p, None) for p in ranked], "upvotes"
    return [(p, None) for p in papers], "feed order"


def paper_link(paper: Paper) -> str | None:
    """The link a digest shows for ``paper`` (the policy is ``assistant.links``)."""
    return paper_url(paper.paper_id, paper.url)


# --- building --------------------------------------------------------------------------------


Progress = Callable[[int], AbstractContextManager[Callable[[int], None] | None]]


def build_digest(
    services: Services,
    day: str | None,
    progress: Progress | None = None,
    source: SourceSetting | None = None,
) -> Digest:
    """The digest for ``day`` (see select_papers), TL;DRs from ``source`` (default: the
    FEEDQA_TLDR_SOURCE setting). An unavailable LLM does not stop it: its TL;DRs are then
    extractive and the digest carries a warning. ``progress(total)`` gives a context yielding
    a callback to advance by n papers. A day without papers gives a digest without entries."""
    label, papers = select_papers(services, day)
    if not papers:
        return Digest(label, datetime.now(UTC), "feed order", [])
    ranked, ranking = rank_papers(papers, services)
    writer, warnings = _writer(services)
    bar = progress(len(ranked)) if progress else nullcontext(None)
    with TldrCache(services.settings.registry_path) as cache, bar as advance:
        run = summarise_papers(
            [p for p, _ in ranked],
            writer,
            cache,
            degrade=True,
            advance=advance,
            source=source or services.settings.tldr_source,
        )
    entries = [
        DigestEntry(rank, paper, tldr, paper_link(paper), score)
        for rank, ((paper, score), tldr) in enumerate(zip(ranked, run.tldrs, strict=True), 1)
    ]
    return Digest(label, datetime.now(UTC), ranking, entries, [*warnings, *run.warnings])


def _writer(services: Services) -> tuple[TldrWriter | None, list[str]]:
    try:
        return TldrWriter(services.llm), []
    except (BackendUnavailable, ModelFileError) as exc:
        return None, [f"LLM unavailable ({exc}); TL;DRs are extractive"]


# --- rendering -------------------------------------------------------------------------------

_MD_ANYWHERE = re.compile(r"([\\`*_{}\[\]<>&$~|])")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+#=])")
_URLISH = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)


def md_escape(text: str) -> str:
    """Untrusted text as inert Markdown: one line, markup characters escaped, and URL-like
    text shown as code so no renderer turns it into a link."""
    text = " ".join(text.split())
    out, pos = [], 0
    for match in _URLISH.finditer(text):
        out.append(_MD_ANYWHERE.sub(r"\\\1", text[pos : match.start()]))
        out.append("`" + match.group(0).replace("`", "") + "`")
        pos = match.end()
    out.append(_MD_ANYWHERE.sub(r"\\\1", text[pos:]))
    escaped = "".join(out)
    return _MD_LINE_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", escaped
    )


def _models(digest: Digest) -> str:
    models = sorted({e.tldr.model for e in digest.entries if e.tldr.kind == "model"})
    return ", ".join(models) or "none"


def _model_note(digest: Digest) -> str:
    models = _models(digest)
    return f"; model `{models.replace('`', '')}`" if models != "none" else ""


def render_markdown(digest: Digest) -> str:
    """The digest as Markdown: a numbered list of linked titles with their TL;DRs."""
    lines = [f"# Daily Papers digest: {digest.day}", ""]
    if not digest.entries:
        return "\n".join([*lines, f"No papers in the feed for {digest.day}."]) + "\n"
    lines += [
        f"{len(digest.entries)} papers, ranked by {digest.ranking}. Each TL;DR names its "
        "source: *feed's summary* is the feed's own AI summary, *model* is ours (checked "
        f"against the abstract{_model_note(digest)}), *extractive* a line taken from the "
        "abstract itself.",
        "",
    ]
    lines += [f"> **Warning:** {md_escape(w)}" for w in digest.warnings]
    lines += [""] if digest.warnings else []
    for entry in digest.entries:
        lines += _md_entry(entry)
    return "\n".join(lines).rstrip() + "\n"


def _md_entry(entry: DigestEntry) -> list[str]:
    title = md_escape(entry.paper.title)
    head = f"[{title}]({entry.link})" if entry.link else title
    extras = []
    if entry.paper.upvotes is not None:
        extras.append(f"{entry.paper.upvotes} upvotes")
    if entry.score is not None:
        extras.append(f"relevance {entry.score:.2f}")
    suffix = f" ({', '.join(extras)})" if extras else ""
    marker = f" *({source_label(entry.tldr.kind)})*"
    return [f"{entry.rank}. **{head}**{suffix}  ", f"   {md_escape(entry.tldr.tldr)}{marker}", ""]


def render_json(digest: Digest) -> str:
    """The digest as JSON: day, ranking, warnings and one object per paper."""
    payload = {
        "day": digest.day,
        "generated_at": digest.generated.isoformat(timespec="seconds"),
        "ranking": digest.ranking,
        "warnings": digest.warnings,
        "papers": [_json_entry(e) for e in digest.entries],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _json_entry(entry: DigestEntry) -> dict[str, object]:
    return {
        "rank": entry.rank,
        **tldr_record(entry.paper, entry.tldr, entry.link),
        "upvotes": entry.paper.upvotes,
        "score": entry.score,
    }


def tldr_record(paper: Paper, tldr: Tldr, link: str | None) -> dict[str, object]:
    """The JSON object of one paper's TL;DR (shared with `feedqa tldr --json`)."""
    return {
        "paper_id": paper.paper_id,
        "title": paper.title,
        "url": link,
        "tldr": tldr.tldr,
        "source": tldr.kind,
        "kind": tldr.kind,  # the former name of "source", kept for existing readers
        "model": tldr.model,
        "prompt_version": tldr.prompt_version,
    }


def render_rss(digest: Digest) -> str:
    """The digest as an RSS 2.0 feed, one item per paper."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    _sub(channel, "title", f"feedqa: Daily Papers digest {digest.day}")
    _sub(channel, "link", DAILY_PAPERS_URL)
    _sub(
        channel,
        "description",
        f"{len(digest.entries)} papers ranked by {digest.ranking}, with checked one-line TL;DRs",
    )
    _sub(channel, "lastBuildDate", format_datetime(digest.generated))
    _sub(channel, "generator", f"feedqa {__version__}")
    published = _pub_date(digest)
    for entry in digest.entries:
        _rss_item(channel, entry, digest.day, published)
    ET.indent(rss)
    return ET.tostring(rss, encoding="unicode", xml_declaration=True) + "\n"


def _rss_item(channel: ET.Element, entry: DigestEntry, day: str, published: str) -> None:
    item = ET.SubElement(channel, "item")
    # RSS readers treat these as HTML: escape once for HTML here, ElementTree does XML.
    _sub(item, "title", html.escape(entry.paper.title, quote=False))
    if entry.link:
        _sub(item, "link", entry.link)
    label = f" ({source_label(entry.tldr.kind)})"
    _sub(item, "description", html.escape(entry.tldr.tldr + label, quote=False))
    guid = _sub(item, "guid", f"feedqa:{day}:{entry.paper.paper_id}")
    guid.set("isPermaLink", "false")
    _sub(item, "pubDate", published)


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _xml_chars(text)
    return element


def _xml_chars(text: str) -> str:
    # Control characters are not allowed in XML 1.0 at all, escaped or not.
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


def _pub_date(digest: Digest) -> str:
    if digest.day == UNDATED:
        return format_datetime(digest.generated)
    return format_datetime(datetime.fromisoformat(digest.day).replace(tzinfo=UTC))


def render_text(digest: Digest) -> str:
    """A plain-text rendering for the email body."""
    lines = [
        f"Daily Papers digest: {digest.day} ({len(digest.entries)} papers, "
        f"ranked by {digest.ranking})",
        "",
    ]
    lines += [f"Warning: {w}" for w in digest.warnings]
    if not digest.entries:
        lines.append(f"No papers in the feed for {digest.day}.")
    for e in digest.entries:
        kind = f" [{source_label(e.tldr.kind)}]"
        lines += [f"{e.rank}. {e.paper.title}", f"   {e.tldr.tldr}{kind}"]
        lines += [f"   {e.link}"] if e.link else []
    return "\n".join(lines) + "\n"


# --- writing and delivery --------------------------------------------------------------------


def write_digest(digest: Digest, out_dir: Path) -> list[Path]:
    """Write digest-DAY.md, .json and .xml into ``out_dir``. Everything is rendered before
    anything is written, and each file replaces the old one atomically."""
    rendered = {
        ".md": render_markdown(digest),
        ".json": render_json(digest),
        ".xml": render_rss(digest),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(out_dir)
    paths = {suffix: out_dir / f"{digest.stem}{suffix}" for suffix in rendered}
    # All three are written in full before any is renamed: a kill leaves at most a moment in
    # which the set mixes old and new files, never a partial file.
    temps = {suffix: write_temp(paths[suffix], text) for suffix, text in rendered.items()}
    try:
        for suffix, tmp in temps.items():
            os.replace(tmp, paths[suffix])
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
    return list(paths.values())


def remove_stale_temps(out_dir: Path) -> None:
    """Remove temporary files a killed run left; callers hold the digest lock."""
    for stale in out_dir.glob(".digest-*.tmp"):
        stale.unlink(missing_ok=True)


def send_email(digest: Digest, settings: Settings) -> None:
    """Mail the digest (plain text, Markdown attached) through the configured SMTP server."""
    if not settings.smtp_host or not settings.smtp_to:
        raise UsageError("--email needs FEEDQA_SMTP_HOST and FEEDQA_SMTP_TO")
    message = _email_message(digest, settings)
    try:
        with smtplib.SMTP(
            settings.smtp_host, settings.smtp_port, timeout=settings.http_timeout_s
        ) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user and settings.smtp_password is not None:
                smtp.login(settings.smtp_user, settings.smtp_password.get_secret_value())
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise DigestError(
            f"digest written but not mailed via {settings.smtp_host}:{settings.smtp_port}: "
            f"{_redact(_smtp_problem(exc), settings)}"
        ) from None


def _email_message(digest: Digest, settings: Settings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"Daily Papers digest {digest.day} ({len(digest.entries)} papers)"
    message["From"] = settings.smtp_from
    message["To"] = ", ".join(a.strip() for a in (settings.smtp_to or "").split(",") if a.strip())
    message.set_content(render_text(digest))
    message.add_attachment(
        render_markdown(digest).encode("utf-8"),
        maintype="text",
        subtype="markdown",
        filename=f"{digest.stem}.md",
    )
    return message


def _smtp_problem(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login refused (SMTP {exc.smtp_code})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"server answered {exc.smtp_code}"
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


def _redact(text: str, settings: Settings) -> str:
    secret = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
    return text.replace(secret, "***") if secret else text


# --- concurrency and fetching ----------------------------------------------------------------


@contextmanager
def digest_lock(settings: Settings) -> Iterator[None]:
    """Only one digest at a time per FEEDQA_HOME: a second one fails at once."""
    path = settings.ensure_home() / "digest.lock"
    with exclusive_lock(
        path, 0.0, f"another `feedqa digest` is running for {settings.home} (lock {path})"
    ):
        yield


def fetch_day(services: Services, day: str, wait_s: float = 0.0) -> None:
    """Ingest ``hf:DAY`` from the Daily Papers API under the store's write lock."""
    from assistant.ingest import ingest_sources
    from assistant.locking import write_lock

    settings = services.settings
    with write_lock(settings.lock_path, wait_s, what=str(settings.home)):
        report = ingest_sources(services, [f"hf:{day}"])
    if report.errors:
        raise DigestError(
            f"could not fetch hf:{day} ({report.errors[0]}); no digest written, earlier files kept"
        )
