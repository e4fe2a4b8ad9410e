"""The Gradio app: a chat over the feed with streamed, cited answers, and the day's TL;DRs.

``build_app(services)`` builds the Blocks (nothing is created at import time) and
``launch_app`` serves it with Gradio's file access closed and the queue bounded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import gradio as gr

from assistant.days import parse_day
from assistant.errors import (
    BackendUnavailable,
    EmptyStoreError,
    FeedqaError,
    ModelFileError,
    UsageError,
)
from assistant.pipeline.types import Answer, Filters
from ui import render

if TYPE_CHECKING:
    from assistant.models import Paper
    from assistant.services import Services

log = logging.getLogger(__name__)

DEFAULT_MAX_QUEUE = 16
OPENAI_CONCURRENCY = 4
TICK_SECONDS = 2.0
MAX_SESSIONS = 500  # chat sessions whose state is kept; the oldest go first
SESSION_TTL_S = 6 * 3600  # an idle session's turns are dropped after this

APP_CSS = """
.fq-answer, .fq-abstain, .fq-error { line-height: 1.5; }
.fq-abstain { border-left: 4px solid #b45309; background: #fffbeb; color: #78350f;
  padding: 6px 10px; border-radius: 4px; }
.fq-error { border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d;
  padding: 6px 10px; border-radius: 4px; }
.fq-status { color: #6b7280; font-style: italic; margin-left: 4px; }
.fq-ref { font-size: 0.75em; margin-left: 1px; }
.fq-citations { margin-top: 8px; border-top: 1px solid #e5e7eb; padding-top: 4px; }
.fq-citation summary { cursor: pointer; }
.fq-citation blockquote { margin: 4px 0 6px 12px; color: #374151; font-size: 0.92em; }
.fq-meta { margin-top: 6px; color: #6b7280; font-size: 0.8em; }
.fq-scores { color: #6b7280; font-size: 0.8em; }
.fq-day { color: #6b7280; font-size: 0.85em; }
.fq-digest table { width: 100%; border-collapse: collapse; }
.fq-digest td, .fq-digest th { border-bottom: 1px solid #e5e7eb; padding: 4px 6px;
  vertical-align: top; text-align: left; }
.fq-digest td:nth-child(2) { width: 38%; }
.fq-digest td:nth-child(3) { width: 52%; }
.fq-pending { color: #9ca3af; }
"""


# --------------------------------------------------------------------------- chat


@dataclass
class Turn:
    """One exchange as shown in the chat, plus what follow-up retrieval needs from it."""

    question_html: str
    reply_html: str
    history: tuple[str, str] | None = None


def to_messages(turns: list[Turn]) -> list[dict[str, str]]:
    """Turns as Gradio "messages" (role/content dicts)."""
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": turn.question_html})
        messages.append({"role": "assistant", "content": turn.reply_html})
    return messages


def filter_day(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD filter value, or None when blank; anything else is a usage error."""
    text = (value or "").strip()
    return parse_day(text, name).isoformat() if text else None


def parse_filters(since: str | None, until: str | None) -> Filters | None:
    """The retrieval date window from the filter boxes (None when both are blank)."""
    first, last = filter_day(since, "since"), filter_day(until, "until")
    if first and last and first > last:
        raise UsageError(f"the date window is empty: since {first} is after until {last}")
    return Filters(since=first, until=last) if (first or last) else None


def error_kind(exc: Exception) -> str:
    """Which error message a failure gets in the chat."""
    if isinstance(exc, BackendUnavailable | ModelFileError):
        return "backend"
    if isinstance(exc, UsageError):
        return "usage"
    if isinstance(exc, EmptyStoreError):
        return "store"
    return "internal"


class QuestionGate:
    """Counts the questions being answered, so background TL;DR work can give way to them:
    the filler waits between papers until no question has run for ``grace_s`` seconds."""

    def __init__(self, grace_s: float = 1.0) -> None:
        self.grace_s = grace_s
        self._active = 0
        self._last = 0.0
        self._cond = threading.Condition()

    @contextmanager
    def question(self) -> Iterator[None]:
        with self._cond:
            self._active += 1
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._last = time.monotonic()
                self._cond.notify_all()

    @property
    def busy(self) -> bool:
        return self._active > 0

    def wait_idle(self, alive: Callable[[], bool] = lambda: True) -> None:
        """Return once no question is running or has just finished (or ``alive()`` is false)."""
        with self._cond:
            while alive():
                quiet_for = time.monotonic() - self._last
                if self._active == 0 and quiet_for >= self.grace_s:
                    return
                self._cond.wait(timeout=max(0.05, self.grace_s - quiet_for))


class ChatHandler:
    """Runs one question through the pipeline and streams the chat's new state."""

    def __init__(self, services: Services, gate: QuestionGate | None = None) -> None:
        self.services = services
        self.gate = gate or QuestionGate()

    def respond(
        self, question: str, turns: list[Turn] | None, since: str, until: str
    ) -> Iterator[tuple[Any, ...]]:
        """Yields (chat messages, turns, sources panel, question box) as the answer streams."""
        with self.gate.question():  # background TL;DRs pause while a question runs
            yield from self._respond(question, turns, since, until)

    def _respond(
        self, question: str, turns: list[Turn] | None, since: str, until: str
    ) -> Iterator[tuple[Any, ...]]:
        turns = [*(turns or []), Turn(render.render_user(question or ""), "")]
        turn = turns[-1]
        try:
            for reply, answer in self._stream(question or "", turns[:-1], since, until):
                turn.reply_html = reply
                if answer is None:
                    yield to_messages(turns), turns, gr.skip(), ""
                    continue
                turn.history = render.history_turn(answer)
                yield to_messages(turns), turns, render.render_sources(answer.sources), ""
        except Exception as exc:
            turn.reply_html = self._failure(exc)
            yield to_messages(turns), turns, gr.skip(), ""

    def _stream(
        self, question: str, previous: list[Turn], since: str, until: str
    ) -> Iterator[tuple[str, Answer | None]]:
        filters = parse_filters(since, until)
        history = [t.history for t in previous if t.history is not None]
        text, status = "", "starting"  # no status once text streams in
        yield render.render_streaming(text, status), None
        events = self.services.pipeline.ask_stream(question, history=history, filters=filters)
        for event in events:
            if event.kind == "final" and event.answer is not None:
                yield render.render_answer(event.answer), event.answer
                return
            if event.kind == "status":
                status = event.text
            else:
                text, status = text + event.text, ""
            yield render.render_streaming(text, status), None

    @staticmethod
    def _failure(exc: Exception) -> str:
        kind = error_kind(exc)
        if kind == "internal" and not isinstance(exc, FeedqaError):
            log.exception("question failed")
            return render.render_error(f"{type(exc).__name__}; see the server log", kind)
        return render.render_error(str(exc), kind)


# --------------------------------------------------------------------------- digest


class _Stopped(Exception):
    """Raised inside a background TL;DR run once the app has shut down."""


class Digest:
    """The TL;DR tab's data: TL;DRs per feed day (the feed's own summaries and cached ones),
    and one background run at a time that fills in the missing ones, so computing them never
    blocks the chat. A run waits between papers while a question is being answered (``gate``)
    and stops after the paper in progress once ``alive()`` turns false."""

    def __init__(
        self,
        services: Services,
        alive: Callable[[], bool] = lambda: True,
        gate: QuestionGate | None = None,
    ) -> None:
        self.services = services
        self.alive = alive
        self.gate = gate or QuestionGate()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._made: dict[tuple[str, str], Any] = {}  # this process's TL;DRs, cached or not
        self.status = ""

    @property
    def source(self) -> Any:
        return self.services.settings.tldr_source

    def days(self) -> list[str]:
        """Feed days, newest first, then "undated" when some papers have no day."""
        registry = self.services.registry
        return registry.days() + ([render.UNDATED] if registry.has_undated() else [])

    def papers(self, day: str | None) -> list[Paper]:
        """The papers of one day (or the undated ones), in feed order."""
        if not day:
            return []
        if day == render.UNDATED:
            return [s.paper for s in self.services.registry.all_papers() if not s.days]
        return [s.paper for s in self.services.registry.all_papers(day)]

    def rows(self, day: str | None) -> list[render.TldrRow]:
        """One row per paper with its TL;DR and source, or None where there is none yet."""
        papers = self.papers(day)
        if not papers:
            return []
        model_id, version = self._keys()
        with self._cache() as cache:
            return [self._row(p, cache, model_id, version) for p in papers]

    def _row(self, paper: Paper, cache: Any, model_id: str | None, version: str) -> render.TldrRow:
        from assistant.summaries.sources import feed_tldr, source_label, wants_feed

        key = (paper.paper_id, paper.content_hash)
        hit = feed_tldr(paper) if wants_feed(self.source) else None
        if hit is None and self.source != "feed":
            hit = cache.get(*key, model_id, version) if model_id else None
            hit = hit or cache.get_any_model(*key, version)
        hit = hit or self._made.get(key)
        return render.TldrRow(
            paper.paper_id,
            paper.title,
            paper.url,
            hit.tldr if hit else None,
            source_label(hit.kind) if hit else "",
        )

    def _keys(self) -> tuple[str | None, str]:
        """The cache key parts of the configured model: (model id or None, prompt version)."""
        from assistant.summaries.tldr import prompt_version
        from prompts import load_prompt

        writer = self._writer()
        if writer is None:
            return None, prompt_version(load_prompt("tldr"))
        return writer.model_id, writer.prompt_version

    def _writer(self) -> Any:
        """A TL;DR writer over the app's LLM, or None when the model cannot be loaded."""
        from assistant.summaries.tldr import TldrWriter

        try:
            return TldrWriter(self.services.llm)
        except FeedqaError:
            return None

    def _cache(self) -> Any:
        from assistant.summaries.cache import TldrCache

        return TldrCache(self.services.settings.registry_path)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def missing(self, day: str | None) -> list[Paper]:
        """The day's papers that have no TL;DR yet."""
        return [p for p, r in zip(self.papers(day), self.rows(day), strict=True) if r.tldr is None]

    def start(self, day: str | None) -> bool:
        """Summarise the day's papers that have no TL;DR yet, in a background thread."""
        with self._lock:
            if self.running:
                return False
            missing = self.missing(day)
            if not missing:
                self.status = "every paper of this day has a TL;DR"
                return False
            self.status = f"summarising {len(missing)} papers…"
            self._start(lambda: [(day or "", missing)])
            return True

    def start_all(self) -> bool:
        """Fill every day's missing TL;DRs in the background, newest day first; it waits for
        the app to be running, and gives way to questions between papers."""
        with self._lock:
            if self.running:
                return False
            self.status = "looking for papers without a TL;DR…"
            self._start(self._all_missing, wait_for_app=True)
            return True

    def _all_missing(self) -> list[tuple[str, list[Paper]]]:
        return [(day, papers) for day in self.days() if (papers := self.missing(day))]

    def _start(
        self, batches: Callable[[], list[tuple[str, list[Paper]]]], wait_for_app: bool = False
    ) -> None:
        args = (batches, wait_for_app)
        self._thread = threading.Thread(target=self._run, args=args, daemon=True)
        self._thread.start()

    def _run(
        self, batches: Callable[[], list[tuple[str, list[Paper]]]], wait_for_app: bool
    ) -> None:
        if wait_for_app and not self._wait_for_app():
            return
        total = done = 0
        try:
            work = batches()
            total = sum(len(papers) for _, papers in work)
            if not total:
                self.status = "every paper has a TL;DR"
                return
            warnings: list[str] = []
            for day, papers in work:
                done, more = self._fill_day(day, papers, done, total)
                warnings += more
            self.status = f"summarised {total} papers" + "".join(f" · {w}" for w in warnings[:1])
        except _Stopped:
            self.status = f"stopped after {done} papers"
        except Exception as exc:  # the thread must report, not die silently
            log.exception("TL;DR run failed")
            self.status = f"TL;DR run failed: {exc}"

    def _fill_day(
        self, day: str, papers: list[Paper], done: int, total: int
    ) -> tuple[int, list[str]]:
        """One day's TL;DRs, one paper at a time, each after waiting for questions to finish."""
        from assistant.summaries.tldr import summarise_papers

        warnings: list[str] = []
        with self._cache() as cache:
            writer = self._writer()
            for paper in papers:
                self.gate.wait_idle(self.alive)
                if not self.alive():
                    raise _Stopped
                self.status = f"summarising {day}: {done}/{total} done…"
                run = summarise_papers([paper], writer, cache, degrade=True, source=self.source)
                self._made.update({(t.paper_id, t.content_hash): t for t in run.tldrs})
                warnings += run.warnings
                writer = writer if not run.warnings else None  # the model is down: stop trying
                done += 1
        self.status = f"summarising: {done}/{total} done…"
        return done, warnings

    def _wait_for_app(self, timeout_s: float = 120.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while not self.alive():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True

    def view(self, day: str | None) -> str:
        """The day's table as HTML, with the background run's progress."""
        if not day:
            return render.render_tldr_table("no papers", [], "ingest a feed first")
        try:
            rows = self.rows(day)
        except FeedqaError as exc:
            return render.render_error(str(exc), error_kind(exc))
        return render.render_tldr_table(day, rows, self.status)


# --------------------------------------------------------------------------- app


def default_concurrency(services: Services) -> int:
    """Questions answered at once: 1 for the embedded llama.cpp model (it serves one request
    at a time), a few for an OpenAI-compatible server."""
    try:
        backend = services.llm.backend
    except FeedqaError:
        from assistant.llm.factory import backend_name

        backend = backend_name(services.settings)
    return 1 if backend == "embedded" else OPENAI_CONCURRENCY


def build_app(
    services: Services,
    *,
    concurrency: int | None = None,
    max_queue: int = DEFAULT_MAX_QUEUE,
    fill_tldrs: bool = False,
) -> gr.Blocks:
    """The whole UI over ``services``. Questions share one queue of at most ``max_queue``
    waiting requests, answered ``concurrency`` at a time (default: by backend). With
    ``fill_tldrs``, missing TL;DRs are written in the background from the moment the app
    runs, newest day first, pausing while questions are answered."""
    limit = concurrency or default_concurrency(services)
    gate = QuestionGate()
    with gr.Blocks(title="feedqa", analytics_enabled=False) as app:
        gr.Markdown("## feedqa: ask the paper feed", elem_id="fq-header")
        digest = Digest(services, alive=lambda: app.is_running, gate=gate)
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                _chat_tab(services, limit, gate)
            with gr.Tab("TL;DRs", id="tldr", elem_id="fq-tldr-tab") as tab:
                _digest_tab(digest, tab)
    app.queue(max_size=max_queue, default_concurrency_limit=limit)
    if fill_tldrs:
        digest.start_all()
    return app


def _chat_tab(services: Services, limit: int, gate: QuestionGate) -> None:
    handler = ChatHandler(services, gate)
    turns = gr.State([], time_to_live=SESSION_TTL_S)
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = _chatbot()
            with gr.Row():
                question = gr.Textbox(
                    placeholder="Ask about the papers in the feed…",
                    show_label=False,
                    scale=5,
                    elem_id="fq-question",
                    max_lines=4,
                    max_length=2000,
                )
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="fq-ask")
            clear = gr.Button("New conversation", size="sm", elem_id="fq-clear")
        with gr.Column(scale=2):
            with gr.Accordion("Filters", open=False, elem_id="fq-filters"):
                since = gr.Textbox(label="since (YYYY-MM-DD)", elem_id="fq-since")
                until = gr.Textbox(label="until (YYYY-MM-DD)", elem_id="fq-until")
            gr.Markdown("### Sources")
            sources = _safe_markdown(render.render_sources([]), "fq-sources")
    outputs = [chatbot, turns, sources, question]
    gr.on(
        [question.submit, ask.click],
        handler.respond,
        [question, turns, since, until],
        outputs,
        api_name="ask",
        concurrency_limit=limit,
        concurrency_id="qa",
        show_progress="minimal",
    )
    gr.on(
        [clear.click, chatbot.clear],
        _reset,
        None,
        [chatbot, turns, sources],
        queue=False,
        api_visibility="private",
    )


def _reset() -> tuple[list[Any], list[Turn], str]:
    return [], [], render.render_sources([])


def _chatbot() -> gr.Chatbot:
    return gr.Chatbot(
        label="feedqa",
        elem_id="fq-chat",
        height=520,
        sanitize_html=True,
        render_markdown=True,
        allow_tags=False,
        latex_delimiters=[],
        buttons=[],  # a copy button would copy the message's HTML
        feedback_options=None,
        allow_file_downloads=False,
        placeholder="Ask a question about the papers in the feed. Answers cite their sources.",
    )


def _safe_markdown(value: str, elem_id: str) -> gr.Markdown:
    return gr.Markdown(value, elem_id=elem_id, sanitize_html=True, latex_delimiters=[])


def _digest_tab(digest: Digest, tab: gr.Tab) -> None:
    with gr.Row():
        day = gr.Dropdown(label="Feed day", choices=[], elem_id="fq-day", scale=3)
        refresh = gr.Button("↻ Refresh", size="sm", scale=1, elem_id="fq-refresh")
        compute = gr.Button("Summarise missing", size="sm", scale=1, elem_id="fq-compute")
    table = _safe_markdown(render.render_tldr_table("—", []), "fq-digest")
    timer = gr.Timer(TICK_SECONDS, active=False)

    def load(current: str | None) -> tuple[Any, str, Any]:
        days = digest.days()
        chosen = current if current in days else (days[0] if days else None)
        return gr.Dropdown(choices=days, value=chosen), digest.view(chosen), _ticking()

    def _ticking() -> Any:
        return gr.Timer(active=digest.running)

    def start(chosen: str | None) -> tuple[str, Any]:
        digest.start(chosen)
        return digest.view(chosen), _ticking()

    def tick(chosen: str | None) -> tuple[str, Any]:
        return digest.view(chosen), _ticking()

    quiet: dict[str, Any] = {"queue": False, "api_visibility": "private"}
    gr.on([tab.select, refresh.click], load, [day], [day, table, timer], **quiet)
    day.input(digest.view, [day], [table], **quiet)
    compute.click(start, [day], [table, timer], **quiet)
    timer.tick(tick, [day], [table, timer], **quiet)


# What every launch sets: no file access, small uploads, no error details, none of Gradio's
# extras (server-side rendering, MCP, PWA, monitoring, run history, settings footer).
_LAUNCH_OPTIONS: dict[str, Any] = {
    # Gradio keeps every session's state (10,000 by default, ~130 KB each here); the oldest
    # beyond this many are dropped, and idle ones expire (gr.State time_to_live).
    "state_session_capacity": MAX_SESSIONS,
    "allowed_paths": None,
    "max_file_size": "1mb",
    "show_error": False,
    "quiet": True,
    "css": APP_CSS,
    "ssr_mode": False,
    "mcp_server": False,
    "pwa": False,
    "enable_monitoring": False,
    "run_history": False,
    "footer_links": ["api", "gradio"],
}


def launch_app(
    app: gr.Blocks,
    services: Services,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    block: bool = True,
) -> tuple[Any, str, str | None]:
    """Serve ``app``. Gradio's file access stays closed: no allowed paths, the store blocked."""
    return app.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=not block,
        blocked_paths=[str(services.settings.home.resolve())],
        **_LAUNCH_OPTIONS,
    )
