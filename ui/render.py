"""Pure rendering for the chat UI: answers, citations, sources and TL;DR tables as safe HTML.

Every piece of untrusted text (model output, titles, abstracts, quotes, user questions) goes
through :func:`safe_text`: markup, images, links and URLs are dropped, then the rest is HTML-
and markdown-escaped. Each renderer returns one line of HTML, so the markdown renderer treats
it as a single raw HTML block and never interprets the text inside as markdown. The only links
produced point at hosts on the allow-list in :mod:`assistant.links`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.links import is_allowed_url, paper_url
from assistant.pipeline.types import Answer, Citation, RetrievedPaper
from assistant.sanitize import strip_markup

_WS = re.compile(r"\s+")
_MARKER = re.compile(r"\[(\d{1,3})\]")
# HTML's special characters and those with a meaning in markdown (or LaTeX), as entities:
# one pass, so nothing is escaped twice.
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+!|~$:"})

ABSTAIN_LABEL = "Not in the feed"
ABSTRACT_CHARS = 700
QUESTION_CHARS = 1000  # longer questions are refused anyway; do not echo megabytes back
UNDATED = "undated"


def safe_text(text: str, limit: int | None = None) -> str:
    """Untrusted text as inert inline HTML: stripped of markup, then escaped."""
    text = strip_markup(text).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return _escape(text)


def _escape(text: str) -> str:
    return text.translate(_ENTITIES)


def link(text: str, url: str | None) -> str:
    """``text`` as a link to ``url`` when the URL is on an allowed host, else plain text."""
    label = safe_text(text)
    if not is_allowed_url(url):
        return f'<span class="fq-title">{label}</span>'
    href = html.escape(str(url), quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{label}</a>'


def render_user(question: str) -> str:
    """The user's question, escaped."""
    return f'<div class="fq-question">{safe_text(question, QUESTION_CHARS)}</div>'


def render_answer(answer: Answer) -> str:
    """A final answer: text with linked [n] markers, citations with their evidence, and who
    answered. Abstentions get their own label and styling."""
    if answer.abstained:
        body = (
            f'<div class="fq-abstain"><strong>🚫 {ABSTAIN_LABEL}.</strong> '
            f"{safe_text(answer.answer)}</div>"
        )
    else:
        body = f'<div class="fq-answer">{_answer_text(answer.answer, answer.citations)}</div>'
    return body + render_citations(answer.citations) + render_meta(answer)


def _answer_text(text: str, citations: Sequence[Citation]) -> str:
    # Lines are kept (a list of papers is one per line); each is made inert on its own.
    by_n = {c.n: c for c in citations}
    return "<br>".join(_answer_line(line, by_n) for line in text.splitlines() if line.strip())


def _answer_line(line: str, by_n: dict[int, Citation]) -> str:
    parts = _MARKER.split(strip_markup(line).strip())
    return "".join(
        _escape(part) if i % 2 == 0 else _marker(int(part), by_n) for i, part in enumerate(parts)
    )


def _marker(n: int, by_n: dict[int, Citation]) -> str:
    citation = by_n.get(n)
    label = f"&#91;{n}&#93;"
    if citation is None or not is_allowed_url(citation.url):
        return f'<sup class="fq-ref">{label}</sup>'
    href = html.escape(str(citation.url), quote=True)
    return (
        f'<sup class="fq-ref"><a href="{href}" target="_blank" rel="noopener noreferrer" '
        f'title="{safe_text(citation.title)}">{label}</a></sup>'
    )


def render_citations(citations: Sequence[Citation]) -> str:
    """Each cited paper as a link (or plain title) with its quoted evidence behind a toggle."""
    items = "".join(map(_citation_item, citations))
    return f'<div class="fq-citations">{items}</div>' if items else ""


def _citation_item(c: Citation) -> str:
    return (
        f'<details class="fq-citation"><summary><b>&#91;{c.n}&#93;</b> {link(c.title, c.url)}'
        f"</summary><blockquote>“{safe_text(c.quote)}”</blockquote></details>"
    )


def render_meta(answer: Answer) -> str:
    """Which backend and model answered, by which path, and how long it took."""
    seconds = answer.timings_ms.get("total", 0.0) / 1000
    first = answer.timings_ms.get("first_token")
    timing = f"{seconds:.1f} s" + (f" (first text {first / 1000:.1f} s)" if first else "")
    return (
        f'<div class="fq-meta">path: <b>{safe_text(answer.path)}</b> · backend: '
        f"{safe_text(answer.backend)} · model: {safe_text(answer.model)} · {timing}</div>"
    )


def render_streaming(text: str, status: str | None = None) -> str:
    """A partial answer while it streams in, with the pipeline's current step."""
    shown = f'<span class="fq-partial">{safe_text(text)}</span>' if text.strip() else ""
    step = f'<span class="fq-status">⏳ {safe_text(status)}…</span>' if status else ""
    return f'<div class="fq-answer fq-streaming">{shown} {step}</div>'.replace("> <", "><")


def render_error(message: str, kind: str = "backend") -> str:
    """An error as a chat message: ``kind`` is "backend", "usage", "store" or "internal"."""
    titles = {
        "backend": "⚠️ The language model is unavailable",
        "usage": "✋ Cannot ask that",
        "store": "📭 Nothing to search yet",
        "internal": "⚠️ Something went wrong",
    }
    title = titles.get(kind, titles["internal"])
    return (
        f'<div class="fq-error fq-error-{kind}"><strong>{title}:</strong> '
        f"{safe_text(message)}</div>"
    )


def render_sources(papers: Sequence[RetrievedPaper]) -> str:
    """The retrieved papers, best first, each with its day, scores and abstract on demand."""
    if not papers:
        return '<div class="fq-sources fq-empty">No sources yet: ask a question.</div>'
    items = "".join(_source_item(i, p) for i, p in enumerate(papers, start=1))
    return f'<div class="fq-sources"><ol>{items}</ol></div>'


def _source_item(rank: int, paper: RetrievedPaper) -> str:
    url = paper_url(paper.paper_id, paper.url)
    day = safe_text(paper.day or UNDATED)
    scores = f"fused {paper.fused:.3f} · dense {paper.dense:.2f} · bm25 {paper.lexical:.1f}"
    abstract = safe_text(paper.abstract, ABSTRACT_CHARS) if paper.abstract else ""
    return (
        f'<li class="fq-source">{link(paper.title, url)} <span class="fq-day">({day})</span>'
        f'<div class="fq-scores">{scores}</div>'
        f"<details><summary>abstract</summary><p>{abstract}</p></details></li>"
    )


@dataclass(frozen=True)
class TldrRow:
    """One line of the digest: a paper and its TL;DR (None while it is not computed)."""

    paper_id: str
    title: str
    url: str | None
    tldr: str | None
    kind: str = ""  # the source's label ("feed's summary", "model", "extractive"); "" pending


def render_tldr_table(day: str, rows: Sequence[TldrRow], note: str = "") -> str:
    """The digest of one day: a table of titles and their one-line TL;DRs."""
    ready = sum(1 for r in rows if r.tldr)
    head = (
        f'<div class="fq-digest-head"><b>{safe_text(day)}</b>: {len(rows)} papers, '
        f"{ready} TL;DRs ready{(' · ' + safe_text(note)) if note else ''}</div>"
    )
    if not rows:
        return head
    body = "".join(_tldr_row(i, r) for i, r in enumerate(rows, start=1))
    return (
        f'<div class="fq-digest">{head}<table><thead><tr><th>#</th><th>Paper</th>'
        f"<th>TL;DR</th><th>source</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def _tldr_row(i: int, row: TldrRow) -> str:
    title = link(row.title, paper_url(row.paper_id, row.url))
    tldr = safe_text(row.tldr) if row.tldr else '<i class="fq-pending">not summarised yet</i>'
    return (
        f"<tr><td>{i}</td><td>{title}</td><td>{tldr}</td>"
        f"<td>{safe_text(row.kind or 'pending')}</td></tr>"
    )


def history_turn(answer: Answer) -> tuple[str, str]:
    """The (question, answer text + cited titles) pair follow-up retrieval leans on."""
    titles = "; ".join(dict.fromkeys(c.title for c in answer.citations))
    text = _WS.sub(" ", _MARKER.sub("", answer.answer)).strip()
    # Titles first: retrieval reads only the start of the previous answer.
    return answer.question, f"{titles}. {text}" if titles else text
