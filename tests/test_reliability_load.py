"""Reliability under load and backend faults, from the chat's side.

* 20 concurrent chat sessions (gradio_client, one Client each, two questions per session
  with a follow-up) against the app launched in-process: every question is answered or told
  the queue is full; nothing else goes wrong.
* 50 sequential ``ask`` calls on one QAPipeline: memory stays flat (VmRSS growth after warm-up
  under 100 MB); peak RSS before/after is printed (run with -s to see the figures).
* Backend faults through the real OpenAI-compatible backend and the scripted fake server,
  counted at the server: a readable message in the chat and exactly ``max_retries + 1``
  requests per question (no retry storm), including under concurrent questions; a digest with
  the backend down stops calling it after the first paper.
"""

from __future__ import annotations

import json
import resource
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import free_port
from fake_openai_server import MODEL, FakeOpenAIServer, Step
from helpers import ALWAYS, ROUTE, SMALL_FEED, echo_source, fake_store, serve
from pydantic import SecretStr

from assistant.config import Settings
from assistant.llm.base import Message
from assistant.llm.fake import FakeLLM
from assistant.services import Services

# The small feed on one day, ranked by upvotes (the digest's order).
PAPERS = [
    {**p, "day": "2025-01-10", "upvotes": n} for p, n in zip(SMALL_FEED, (5, 3, 1), strict=True)
]
QUESTIONS = [
    "How many experts does RouteST activate for speech translation?",
    "How close to the crystal pose does DockGNN place ligands?",
    "How much cache memory does KVQuant save on LongBench?",
]
FOLLOW_UP = "What benchmark did they use?"
SECRET = "sk-test-FEEDQA-LOAD-0123456789abcdef"
FIGURES: dict[str, Any] = {}  # printed at the end of each test (pytest -s)


def rss_mb() -> float:
    """Current resident set size (VmRSS) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sleepy(script: Callable[[list[Message]], str], seconds: float) -> Callable[..., str]:
    def reply(messages: list[Message]) -> str:
        time.sleep(seconds)
        return script(messages)

    return reply


@pytest.fixture(scope="module")
def store_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fake_store(tmp_path_factory.mktemp("load-store"), PAPERS)


def client(url: str) -> Any:
    """A gradio_client session. Its 20 s HTTP timeout is raised: on 2 shared cores, 20 client
    threads and the app's workers share this one process (and its GIL) with the server."""
    from gradio_client import Client

    return Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": 120})


def reply_of(result: Any) -> str:
    content = result[0][-1]["content"]
    return content if isinstance(content, str) else "".join(c["text"] for c in content)


# --- 20 concurrent chat sessions -------------------------------------------------------------


def run_sessions(url: str, sessions: int, turns: int) -> dict[str, Any]:
    """``sessions`` threads, each its own Client (own session), asking ``turns`` questions."""
    from gradio_client.exceptions import AppError
    from gradio_client.utils import QueueError

    outcome: dict[str, Any] = {"answered": 0, "queue_full": 0, "other": []}
    lock = threading.Lock()

    def session(n: int) -> None:
        try:
            api = client(url)
        except Exception as exc:  # a session that cannot even connect is a failure
            with lock:
                outcome["other"].append(f"connect: {exc!r}")
            return
        for turn in range(turns):
            question = QUESTIONS[n % len(QUESTIONS)] if turn == 0 else FOLLOW_UP
            try:
                reply = reply_of(api.predict(question, "", "", api_name="/ask"))
            except (QueueError, AppError) as exc:
                with lock:
                    if "queue is full" in str(exc).lower():
                        outcome["queue_full"] += 1
                    else:
                        outcome["other"].append(repr(exc))
                continue
            except Exception as exc:  # anything else is a failure to report, not a lost thread
                with lock:
                    outcome["other"].append(f"{type(exc).__name__}: {exc}"[:300])
                continue
            with lock:
                if "fq-answer" in reply or "fq-abstain" in reply:
                    outcome["answered"] += 1
                else:
                    outcome["other"].append(reply[:300])

    threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a chat session hung"
    outcome["seconds"] = round(time.monotonic() - started, 1)
    return outcome


def test_twenty_concurrent_chat_sessions_complete_or_are_told_the_queue_is_full(
    store_home: Path,
) -> None:
    llm = FakeLLM(sleepy(echo_source, 0.1))
    settings = Settings(home=store_home, embedder="fake", llm_backend="fake")
    services = Services(settings, llm, calibration=ALWAYS)
    before = (rss_mb(), peak_rss_mb())
    try:
        with serve(services, concurrency=4, max_queue=16) as url:
            outcome = run_sessions(url, sessions=20, turns=2)
            # The app still answers afterwards.
            later = reply_of(client(url).predict(QUESTIONS[0], "", "", api_name="/ask"))
    finally:
        services.close()
    after = (rss_mb(), peak_rss_mb())
    FIGURES["sessions"] = {
        **outcome,
        "requests": 40,
        "llm_calls": len(llm.calls),
        "rss_mb_before_after": (round(before[0]), round(after[0])),
        "peak_rss_mb_before_after": (round(before[1]), round(after[1])),
    }
    print("\n20 sessions:", FIGURES["sessions"])
    assert outcome["other"] == [], outcome["other"][:5]
    assert outcome["answered"] + outcome["queue_full"] == 40
    assert outcome["answered"] >= 20, outcome
    assert "fq-answer" in later and ROUTE in later


SESSIONS = """
import json, sys, threading
from gradio_client import Client
url, sessions, turns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
questions = json.loads(sys.argv[4])
outcome, lock = {"answered": 0, "other": []}, threading.Lock()
def session(n):
    try:
        api = Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": 120})
        for turn in range(turns):
            q = questions[n % len(questions)] if turn == 0 else "What benchmark did they use?"
            content = api.predict(q, "", "", api_name="/ask")[0][-1]["content"]
            text = content if isinstance(content, str) else "".join(c["text"] for c in content)
            with lock:
                if "fq-answer" in text or "fq-abstain" in text:
                    outcome["answered"] += 1
                else:
                    outcome["other"].append(text[:200])
        api.close()
    except Exception as exc:
        with lock:
            outcome["other"].append(repr(exc)[:200])
threads = [threading.Thread(target=session, args=(n,)) for n in range(sessions)]
[t.start() for t in threads]
[t.join(timeout=600) for t in threads]
print(json.dumps(outcome))
"""


def sessions_elsewhere(url: str, sessions: int, turns: int) -> dict[str, Any]:
    """Chat sessions from another process, so this process's memory is the server's alone."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", SESSIONS, url, str(sessions), str(turns),
                           json.dumps(QUESTIONS)], capture_output=True, text=True,
                          timeout=900)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.splitlines()[-1])


@pytest.mark.slow
def test_soak_150_sessions_of_five_questions_server_memory(store_home: Path) -> None:
    import gc

    services = Services(Settings(home=store_home, embedder="fake", llm_backend="fake"),
                        FakeLLM(sleepy(echo_source, 0.05)), calibration=ALWAYS)  # fmt: skip
    app = None
    try:
        from ui.app import build_app, launch_app

        app = build_app(services, concurrency=4, max_queue=64)
        _, url, _ = launch_app(app, services, port=free_port(), block=False)
        assert sessions_elsewhere(url, 10, 2)["other"] == []  # warm-up
        gc.collect()
        before, rounds = rss_mb(), []
        for _ in range(3):
            outcome = sessions_elsewhere(url, 50, 5)
            assert outcome["other"] == [] and outcome["answered"] == 250, outcome["other"][:3]
            gc.collect()
            rounds.append((round(rss_mb() - before, 1), len(app.state_holder.session_data)))
    finally:
        if app is not None:
            app.close()
        services.close()
    print(
        f"\n3 x 50 sessions x 5 questions: RSS after warm-up {before:.0f} MB; growth and "
        f"sessions held per round: {rounds}"
    )
    assert rounds[-1][0] < 100, rounds


def test_app_bounds_the_chat_sessions_it_keeps(store_home: Path) -> None:
    from ui.app import build_app, launch_app

    services = Services(Settings(home=store_home, embedder="fake", llm_backend="fake"),
                        FakeLLM(echo_source))  # fmt: skip
    app = build_app(services)
    launch_app(app, services, port=free_port(), block=False)
    try:
        assert app.state_holder.capacity <= 1000
    finally:
        app.close()
        services.close()


# --- sequential asks: memory stays flat ------------------------------------------------------


def sequential_asks(store_home: Path, n: int, warm_up: int = 5) -> dict[str, float]:
    services = Services(Settings(home=store_home, embedder="fake", llm_backend="fake"),
                        FakeLLM(echo_source), calibration=ALWAYS)  # fmt: skip
    pipeline = services.pipeline
    history: list[tuple[str, str]] = []
    try:
        peak_before = peak_rss_mb()
        for i in range(warm_up):
            pipeline.ask(QUESTIONS[i % len(QUESTIONS)])
        warm = rss_mb()
        for i in range(n):
            answer = pipeline.ask(QUESTIONS[i % len(QUESTIONS)], history=history[-3:])
            # Every ask runs the model (the echo draft); whether a model sentence or the quote
            # leads depends on the question (an echoed "We propose ..." is dropped as the
            # authors' voice, and the quote leads), and these paths are the ones being soaked.
            assert answer.path in ("model", "quote-led", "quoted-evidence") and answer.citations
            assert answer.usage["completion_tokens"] > 0
            history.append((QUESTIONS[i % len(QUESTIONS)], answer.answer))
        end = rss_mb()
    finally:
        services.close()
    return {"asks": n, "rss_after_warm_up_mb": round(warm, 1), "rss_end_mb": round(end, 1),
            "growth_mb": round(end - warm, 1), "peak_rss_before_mb": round(peak_before, 1),
            "peak_rss_after_mb": round(peak_rss_mb(), 1)}  # fmt: skip


def test_fifty_sequential_asks_keep_memory_flat(store_home: Path) -> None:
    figures = sequential_asks(store_home, 50)
    FIGURES["sequential"] = figures
    print("\n50 sequential asks:", figures)
    assert figures["growth_mb"] < 100, figures


@pytest.mark.slow
def test_soak_thousand_sequential_asks_keep_memory_flat(store_home: Path) -> None:
    figures = sequential_asks(store_home, 1000, warm_up=20)
    print("\n1000 sequential asks:", figures)
    assert figures["growth_mb"] < 100, figures


# --- backend faults through the chat: readable, and no retry storm ---------------------------


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as running:
        yield running


def openai_services(home: Path, server: FakeOpenAIServer, retries: int = 1,
                    timeout_s: float = 0.5) -> Services:  # fmt: skip
    settings = Settings(home=home, embedder="fake", llm_backend="openai",
                        openai_base_url=server.base_url, openai_api_key=SecretStr(SECRET),
                        openai_model=MODEL, llm_timeout_s=timeout_s,
                        llm_max_retries=retries)  # fmt: skip
    services = Services(settings, calibration=ALWAYS)
    return services


@pytest.mark.parametrize(
    ("step", "requests", "shown"),
    [
        (Step.status(500, "internal error"), 2, "HTTP 500"),
        (Step.status(503, "overloaded"), 2, "HTTP 503"),
        (Step.status(429, "rate limited", {"Retry-After": "0"}), 2, "HTTP 429"),
        (Step.status(401, "bad key"), 1, "HTTP 401"),
        (Step.hang(10), 2, "timed out"),
        (Step.cut("RouteST activates two."), 1, "mid-answer"),
        (Step.malformed_sse(), 1, "malformed"),
    ],
    ids=["500", "503", "429", "401", "hang", "cut", "malformed"],
)
def test_backend_fault_in_the_chat_is_readable_and_costs_bounded_requests(
    store_home: Path, server: FakeOpenAIServer, step: Step, requests: int, shown: str
) -> None:
    services = openai_services(store_home, server)
    server.default = step
    try:
        with serve(services) as url:
            started = time.monotonic()
            reply = reply_of(client(url).predict(QUESTIONS[0], "", "", api_name="/ask"))
            seconds = time.monotonic() - started
            assert "fq-error-backend" in reply and "language model is unavailable" in reply
            assert shown in reply, reply
            assert SECRET not in reply
            assert len(server.completions()) == requests  # LLM_MAX_RETRIES=1: at most 2
            assert seconds < 30
            server.default = Step.answer("RouteST activates two of sixteen experts [1].")
            later = reply_of(client(url).predict(QUESTIONS[0], "", "", api_name="/ask"))
            assert "fq-answer" in later and ROUTE in later
            assert len(server.completions()) == requests + 1
    finally:
        services.close()
    FIGURES.setdefault("faults", []).append((shown, requests))


def test_concurrent_questions_during_an_outage_do_not_multiply_requests(
    store_home: Path, server: FakeOpenAIServer
) -> None:
    """Eight sessions ask at once while the backend answers 500: 8 x (1 + 1 retry) requests,
    and each session gets the readable error."""
    services = openai_services(store_home, server)
    server.default = Step.status(500, "internal error")
    try:
        with serve(services, concurrency=4, max_queue=16) as url:
            api = client(url)
            jobs = [api.submit(QUESTIONS[n % 3], "", "", api_name="/ask") for n in range(8)]
            replies = [reply_of(job.result(timeout=120)) for job in jobs]
    finally:
        services.close()
    assert all("fq-error-backend" in r and "HTTP 500" in r for r in replies)
    assert len(server.completions()) == 8 * 2


def test_unreachable_backend_is_readable_in_the_chat(store_home: Path) -> None:
    settings = Settings(home=store_home, embedder="fake", llm_backend="openai",
                        openai_base_url=f"http://127.0.0.1:{free_port()}/v1",
                        openai_api_key=SecretStr(SECRET), llm_timeout_s=0.5,
                        llm_max_retries=1)  # fmt: skip
    services = Services(settings, calibration=ALWAYS)
    try:
        with serve(services) as url:
            reply = reply_of(client(url).predict(QUESTIONS[0], "", "", api_name="/ask"))
    finally:
        services.close()
    assert "fq-error-backend" in reply and "cannot reach the LLM" in reply
    assert SECRET not in reply


def test_digest_with_the_backend_down_stops_calling_it_after_the_first_paper(
    store_home: Path, tmp_path: Path, server: FakeOpenAIServer
) -> None:
    import shutil

    from click.testing import CliRunner

    from assistant.cli import main

    home = tmp_path / "home"
    shutil.copytree(store_home, home)
    server.default = Step.status(500, "internal error")
    env = {"FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake", "OPENAI_API_KEY": SECRET,
           "OPENAI_BASE_URL": server.base_url, "FEEDQA_LLM_TIMEOUT_S": "0.5",
           "FEEDQA_LLM_MAX_RETRIES": "1"}  # fmt: skip
    result = CliRunner().invoke(main, ["digest", "-q"], env=env)
    assert result.exit_code == 0, result.output
    assert "feedqa: warning: LLM unavailable" in result.stderr and "HTTP 500" in result.stderr
    assert len(server.completions()) == 2  # one paper's request and its retry; not 3 x 2
    data = json.loads((home / "digests" / "digest-2025-01-10.json").read_text())
    assert len(data["papers"]) == 3 and {p["kind"] for p in data["papers"]} == {"extractive"}
