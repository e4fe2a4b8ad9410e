"""The Gradio app served for real on 127.0.0.1 (fake embedder, scripted LLM): concurrent
questions against a bounded queue, closed file access, readable errors, follow-up history,
date filters, the TL;DR digest, and the `feedqa chat` command."""

from __future__ import annotations

import html
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import free_port
from helpers import (
    ALWAYS,
    DOCK,
    NEVER,
    ROUTE,
    SMALL_FEED,
    echo_source,
    fake_store,
    serve,
    write_feed,
)

from assistant.config import Settings
from assistant.errors import BackendUnavailable, ModelFileError
from assistant.llm.base import Generation, Message
from assistant.llm.factory import make_llm
from assistant.llm.fake import FakeLLM
from assistant.llm.worker import WorkerLLM
from assistant.pipeline.abstain import Calibration
from assistant.pipeline.types import Filters
from assistant.services import Services
from ui import render
from ui.app import ChatHandler, Digest, Turn, default_concurrency

# The small feed and one undated paper (the digest lists it apart).
PAPERS = [
    *SMALL_FEED,
    {"id": "t-undated01", "title": "Curriculum Grasping for Robot Arms",
     "abstract": "A robot arm learns to grasp household objects with a curriculum that starts "
     "from large boxes and ends with thin cutlery. The curriculum raises grasp success from "
     "52% to 78% on a real Franka arm."},
]  # fmt: skip
ROUTE_Q = "How many experts does RouteST activate for speech translation?"
FILE_PATHS = [
    "/gradio_api/file=/etc/passwd",
    "/file=/etc/passwd",
    "/gradio_api/file=%2Fetc%2Fpasswd",
    "/gradio_api/file=../../../../../../etc/passwd",
    "/gradio_api/file=..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/gradio_api/file=//etc/passwd",
    "/gradio_api/file=file:///etc/passwd",
    "/gradio_api/file=/proc/self/environ",
    "/file=../../../../../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/assets/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/gradio_api/static/../../../../../etc/passwd",
    "/gradio_api/file=pyproject.toml",
    f"/gradio_api/file={Path(__file__).resolve()}",
]


class Gauge:
    """Wraps a script to sleep and to record the most calls that ever ran at once."""

    def __init__(self, script: Callable[[list[Message]], str], sleep_s: float) -> None:
        self.script, self.sleep_s = script, sleep_s
        self.running = self.peak = 0
        self._lock = threading.Lock()

    def __call__(self, messages: list[Message]) -> str:
        with self._lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            time.sleep(self.sleep_s)
            return self.script(messages)
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture(scope="module")
def store_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small feed ingested once (fake embedder), shared read-only by the module."""
    return fake_store(tmp_path_factory.mktemp("ui-store"), PAPERS)


@pytest.fixture
def make_services(store_home: Path) -> Iterator[Callable[..., Services]]:
    built: list[Services] = []

    def make(llm: Any, calibration: Calibration = ALWAYS) -> Services:
        settings = Settings(home=store_home, embedder="fake", llm_backend="fake")
        services = Services(settings, llm, calibration=calibration)
        built.append(services)
        return services

    yield make
    for services in built:
        services.close()


def client(url: str) -> Any:
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False)


def reply_of(result: Any) -> str:
    """The last assistant message's HTML from an /ask result."""
    messages = result[0]
    content = messages[-1]["content"]
    return content if isinstance(content, str) else "".join(c["text"] for c in content)


def test_module_builds_no_app_at_import() -> None:
    import gradio as gr

    import ui.app

    assert not any(isinstance(v, gr.Blocks) for v in vars(ui.app).values())


def test_ten_concurrent_questions_complete_or_are_told_the_queue_is_full(
    make_services: Callable[..., Services],
) -> None:
    from gradio_client.exceptions import AppError
    from gradio_client.utils import QueueError

    gauge = Gauge(echo_source, sleep_s=0.8)
    services = make_services(FakeLLM(gauge))
    with serve(services, concurrency=1, max_queue=2) as url:
        api = client(url)
        jobs = [api.submit(ROUTE_Q, "", "", api_name="/ask") for _ in range(10)]
        answered, full = 0, 0
        for job in jobs:
            try:
                reply = reply_of(job.result(timeout=120))
            except (QueueError, AppError) as exc:
                assert "queue is full" in str(exc).lower(), exc
                full += 1
                continue
            assert "fq-answer" in reply and ROUTE in reply, reply
            answered += 1
        assert answered + full == 10 and answered >= 1 and full >= 1, (answered, full)
        assert gauge.peak == 1  # the embedded-style limit: one generation at a time
        later = reply_of(api.predict(ROUTE_Q, "", "", api_name="/ask"))
        assert "fq-answer" in later and ROUTE in later


def test_file_access_outside_the_app_is_refused(
    make_services: Callable[..., Services], store_home: Path
) -> None:
    services = make_services(FakeLLM(echo_source))
    paths = [*FILE_PATHS, f"/gradio_api/file={services.settings.registry_path}"]
    with serve(services) as url, httpx.Client(base_url=url.rstrip("/"), timeout=10) as http:
        assert http.get("/").status_code == 200
        for path in paths:
            response = http.get(httpx.URL(url.rstrip("/") + path))  # sent as written
            assert response.status_code in (400, 403, 404, 405), (path, response.status_code)
            assert "root:" not in response.text and "[project]" not in response.text, path
            assert "SQLite format" not in response.text, path


def test_backend_down_is_a_readable_message_and_the_app_keeps_serving(
    make_services: Callable[..., Services],
) -> None:
    llm = FakeLLM(echo_source)
    llm.fail_with = BackendUnavailable("http://127.0.0.1:9/v1 timed out after 60s")
    services = make_services(llm)
    with serve(services) as url:
        api = client(url)
        reply = reply_of(api.predict(ROUTE_Q, "", "", api_name="/ask"))
        assert "fq-error-backend" in reply and "language model is unavailable" in reply
        assert "timed out after 60s" in reply
        llm.fail_with = None
        later = reply_of(api.predict(ROUTE_Q, "", "", api_name="/ask"))
        assert "fq-answer" in later and ROUTE in later


class _BreaksMidStream(FakeLLM):
    def generate(self, messages: list[Message], **kwargs: Any) -> Generation:
        def deltas() -> Iterator[str]:
            yield "RouteST activates"
            raise BackendUnavailable("the server closed the connection")

        return Generation(deltas=deltas())


def test_backend_failing_mid_stream_is_reported_in_the_chat(
    make_services: Callable[..., Services],
) -> None:
    handler = ChatHandler(make_services(_BreaksMidStream()))
    *_, last = handler.respond(ROUTE_Q, [], "", "")
    turns: list[Turn] = last[1]
    assert "closed the connection" in turns[-1].reply_html
    assert "fq-error-backend" in turns[-1].reply_html and turns[-1].history is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [("   ", "the question is empty"), ("word " * 400, "the question is too long")],
)
def test_empty_and_long_questions_show_the_usage_message(
    make_services: Callable[..., Services], question: str, expected: str
) -> None:
    with serve(make_services(FakeLLM(echo_source))) as url:
        reply = reply_of(client(url).predict(question, "", "", api_name="/ask"))
    assert "fq-error-usage" in reply and expected in reply


def test_follow_up_questions_carry_the_previous_turn_into_retrieval(
    make_services: Callable[..., Services],
) -> None:
    services = make_services(FakeLLM(echo_source))
    calls: list[dict[str, Any]] = []
    ask_stream = services.pipeline.ask_stream

    def spy(question: str, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return ask_stream(question, **kwargs)

    services.pipeline.ask_stream = spy  # type: ignore[method-assign]
    handler = ChatHandler(services)
    *_, first = handler.respond(ROUTE_Q, [], "", "")
    *_, second = handler.respond("What benchmark did they use?", first[1], "", "")
    assert calls[0]["history"] == []
    (question, answer), = calls[1]["history"]  # fmt: skip
    assert question == ROUTE_Q and answer.startswith(ROUTE) and "RouteST" in answer
    assert "fq-answer" in second[1][-1].reply_html and ROUTE in second[1][-1].reply_html
    assert len(second[0]) == 4  # two questions, two answers


def test_date_filters_reach_the_pipeline_and_bad_dates_are_usage_errors(
    make_services: Callable[..., Services],
) -> None:
    services = make_services(FakeLLM(echo_source))
    seen: list[Any] = []

    def record(question: str, **kwargs: Any) -> Iterator[Any]:
        seen.append(kwargs["filters"])
        return iter(())

    services.pipeline.ask_stream = record  # type: ignore[method-assign]
    handler = ChatHandler(services)
    list(handler.respond(ROUTE_Q, [], " 2025-01-11", "2025-01-12 "))
    list(handler.respond(ROUTE_Q, [], "", ""))
    assert seen == [Filters(since="2025-01-11", until="2025-01-12"), None]
    bad = [
        ("2025-13-01", "", "since must be a date"),
        ("", "yesterday", "until must be a date"),
        ("2025-02-01", "2025-01-01", "the date window is empty"),
    ]
    for since, until, message in bad:
        *_, last = handler.respond(ROUTE_Q, [], since, until)
        assert "fq-error-usage" in last[1][-1].reply_html
        assert message in last[1][-1].reply_html
    assert len(seen) == 2


def test_date_filters_restrict_the_sources(make_services: Callable[..., Services]) -> None:
    handler = ChatHandler(make_services(FakeLLM(echo_source)))
    *_, last = handler.respond(ROUTE_Q, [], "2025-01-11", "2025-01-11")
    assert DOCK in last[2] and ROUTE not in last[2]


def test_abstentions_look_different(make_services: Callable[..., Services]) -> None:
    services = make_services(FakeLLM(echo_source), calibration=NEVER)
    *_, last = ChatHandler(services).respond("Who won the 1998 world cup?", [], "", "")
    reply = last[1][-1].reply_html
    assert "fq-abstain" in reply and render.ABSTAIN_LABEL in reply and "fq-answer" not in reply


def test_digest_lists_days_newest_first_and_fills_missing_tldrs_in_the_background(
    make_services: Callable[..., Services],
) -> None:
    digest = Digest(make_services(FakeLLM(echo_source)))
    assert digest.days() == ["2025-01-11", "2025-01-10", render.UNDATED]
    assert [r.title for r in digest.rows(render.UNDATED)] == [PAPERS[3]["title"]]
    rows = digest.rows("2025-01-11")
    assert [r.title for r in rows] == [DOCK, PAPERS[2]["title"]] and not any(r.tldr for r in rows)
    assert digest.start("2025-01-11")
    deadline = time.monotonic() + 60
    while digest.running and time.monotonic() < deadline:
        time.sleep(0.1)
    rows = digest.rows("2025-01-11")
    assert all(r.tldr and r.kind == "extractive" for r in rows), rows
    assert "summarised 2 papers" in digest.view("2025-01-11")
    assert not digest.start("2025-01-11")  # nothing missing any more


def test_digest_without_a_loadable_model_still_lists_and_fills_the_day(
    store_home: Path, tmp_path: Path
) -> None:
    settings = Settings(home=store_home, embedder="fake", llm_backend="embedded",
                        gguf_path=tmp_path / "missing.gguf")  # fmt: skip
    services = Services(settings)
    try:
        digest = Digest(services)
        assert [r.tldr for r in digest.rows("2025-01-10")] == [None]
        assert digest.start("2025-01-10")
        deadline = time.monotonic() + 60
        while digest.running and time.monotonic() < deadline:
            time.sleep(0.1)
        (row,) = digest.rows("2025-01-10")
        assert row.kind == "extractive" and row.tldr and "RouteST" in row.tldr
    finally:
        services.close()


def test_default_concurrency_follows_the_backend(tmp_path: Path) -> None:
    embedded = Settings(home=tmp_path, llm_backend="embedded", gguf_path=tmp_path / "none.gguf")
    assert default_concurrency(Services(embedded)) == 1
    openai = Settings(home=tmp_path, llm_backend="openai", openai_base_url="http://127.0.0.1:9/v1")
    assert default_concurrency(Services(openai)) > 1


def test_feedqa_chat_command_serves_and_survives_a_dead_backend(tmp_path: Path) -> None:
    """`feedqa chat` as `make run` starts it: warm-up, URL printed, questions answered with a
    readable error when the model cannot answer (the fake backend has no script)."""
    feed = write_feed(tmp_path / "feed.jsonl", PAPERS)
    env = {**os.environ, "FEEDQA_HOME": str(tmp_path / "home"), "FEEDQA_EMBEDDER": "fake",
           "FEEDQA_LLM_BACKEND": "fake"}  # fmt: skip
    feedqa = [sys.executable, "-m", "assistant.cli"]
    subprocess.run([*feedqa, "ingest", str(feed)], env=env, check=True, capture_output=True)
    port = free_port()
    with subprocess.Popen([*feedqa, "chat", "--port", str(port)], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT) as proc:  # fmt: skip
        try:
            url = _wait_for_url(proc, port)
            reply = reply_of(client(url).predict(ROUTE_Q, "", "", api_name="/ask"))
            assert "fq-error" in reply or "fq-abstain" in reply, reply
            assert proc.poll() is None
            assert httpx.get(url, timeout=10).status_code == 200
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _wait_for_url(proc: subprocess.Popen[str], port: int) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + 120
    lines = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        if f"127.0.0.1:{port}" in line and "feedqa chat:" in line:
            return f"http://127.0.0.1:{port}/"
    raise AssertionError("feedqa chat did not print its URL:\n" + "".join(lines))


class SegfaultsMidAnswer:
    """The real worker-process LLM, whose process gets SIGSEGV right after the first token of
    the first answer: the crash the chat must survive."""

    def __init__(self, llm: WorkerLLM) -> None:
        self.llm, self.backend, self.model = llm, llm.backend, llm.model
        self.killed: list[int] = []

    def generate(self, messages: list[Message], **kwargs: Any) -> Generation:
        generation = self.llm.generate(messages, **kwargs)
        if self.killed:
            return generation
        return Generation(deltas=self._kill_after_first(iter(generation)), usage=generation.usage)

    def _kill_after_first(self, deltas: Iterator[str]) -> Iterator[str]:
        yield next(deltas)
        pid = self.llm.worker_pid
        assert pid is not None
        os.kill(pid, signal.SIGSEGV)
        self.killed.append(pid)
        yield from deltas


def _crash_then_answer(services: Services, llm: SegfaultsMidAnswer) -> tuple[str, str]:
    with serve(services) as url:
        api = client(url)
        crashed = html.unescape(reply_of(api.predict(ROUTE_Q, "", "", api_name="/ask")))
        later = html.unescape(reply_of(api.predict(ROUTE_Q, "", "", api_name="/ask")))
    assert llm.killed and llm.llm.starts == 2 and llm.llm.worker_pid != llm.killed[0]
    return crashed, later


def test_the_chat_survives_a_segfault_of_the_model_process(
    make_services: Callable[..., Services],
) -> None:
    worker = WorkerLLM({"fake_delay_s": 0.05}, model="slow-echo", timeout_s=30)
    llm = SegfaultsMidAnswer(worker)
    crashed, later = _crash_then_answer(make_services(llm), llm)
    assert "crashed (SIGSEGV)" in crashed and "restarts for the next question" in crashed
    assert "two of sixteen experts" in crashed  # the retrieved evidence, quoted
    assert "model-crashed" in crashed and "fq-answer" in crashed
    assert "fq-answer" in later and "crashed" not in later


@pytest.mark.integration
def test_the_chat_survives_a_segfault_of_the_real_embedded_model(
    make_services: Callable[..., Services], tmp_path: Path
) -> None:
    try:
        worker = make_llm(Settings(home=tmp_path, llm_backend="embedded", llm_threads=2))
    except ModelFileError as exc:
        pytest.skip(f"SmolLM2 GGUF not installed: {exc}")
    assert isinstance(worker, WorkerLLM)
    llm = SegfaultsMidAnswer(worker)
    crashed, later = _crash_then_answer(make_services(llm), llm)
    assert "crashed (SIGSEGV)" in crashed and "two of sixteen experts" in crashed
    assert "fq-answer" in later and "crashed" not in later and "model-crashed" not in later
