"""The TL;DR tab fills itself: missing TL;DRs are written in the background, newest day first,
and the work waits between papers while a question is being answered."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from helpers import ALWAYS, SMALL_FEED, fake_store, serve

from assistant.config import Settings
from assistant.llm.base import Message
from assistant.llm.fake import FakeLLM
from assistant.services import Services
from ui import render
from ui.app import Digest, QuestionGate

# The small feed; the API gave KVQuant its own summary.
KV_SUMMARY = "KVQuant stores the KV cache in four bits and cuts its memory by 73%."
PAPERS = [*SMALL_FEED[:2], {**SMALL_FEED[2], "ai_summary": KV_SUMMARY}]


class Recorder:
    """A TL;DR model that names the paper it was asked about and can be slowed down."""

    def __init__(self, sleep_s: float = 0.0) -> None:
        self.sleep_s = sleep_s
        self.titles: list[str] = []
        self.questions = 0

    def __call__(self, messages: list[Message]) -> str:
        text = messages[-1].content
        if "<line>" not in text:  # a question, not a TL;DR
            self.questions += 1
            return "NOT IN FEED"
        paper = next(p for p in PAPERS if p["abstract"].split(",")[0].split()[-1] in text)
        self.titles.append(paper["title"])
        time.sleep(self.sleep_s)
        return " ".join(paper["abstract"].split(". ")[0].split()[2:20])


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Callable[[Recorder], Services]]:
    home = tmp_path / "home"
    fake_store(home, PAPERS)
    settings = Settings(home=home, embedder="fake", llm_backend="fake")
    built: list[Services] = []

    def make(recorder: Recorder) -> Services:
        # ALWAYS: the question reaches the model.
        built.append(Services(settings, FakeLLM(recorder), calibration=ALWAYS))
        return built[-1]

    yield make
    for one in built:
        one.close()


def wait_until(done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_filler_writes_every_missing_tldr_newest_day_first(
    services: Callable[[Recorder], Services],
) -> None:
    recorder = Recorder()
    digest = Digest(services(recorder), gate=QuestionGate(grace_s=0.0))
    # The feed's own summary needs no model: it shows before anything runs.
    assert [r.kind for r in digest.rows("2025-01-11")] == ["", "feed's summary"]
    assert digest.start_all()
    wait_until(lambda: not digest.running)
    # 2025-01-11's paper without a feed summary first, then 2025-01-10; KVQuant never.
    assert recorder.titles[0] == PAPERS[1]["title"] and PAPERS[0]["title"] in recorder.titles
    assert PAPERS[2]["title"] not in recorder.titles
    rows = digest.rows("2025-01-11") + digest.rows("2025-01-10")
    assert all(r.tldr for r in rows) and "summarised 2 papers" in digest.status
    assert not any("not summarised yet" in digest.view(d) for d in digest.days())
    assert digest.start_all() and (wait_until(lambda: not digest.running) or True)
    assert digest.status == "every paper has a TL;DR"


def test_a_question_in_progress_holds_the_filler_back(
    services: Callable[[Recorder], Services],
) -> None:
    recorder = Recorder()
    gate = QuestionGate(grace_s=0.2)
    digest = Digest(services(recorder), gate=gate)
    with gate.question():
        digest.start_all()
        time.sleep(0.6)
        assert recorder.titles == [] and gate.busy  # not one paper while the question runs
    wait_until(lambda: not digest.running)
    assert len(recorder.titles) >= 2


def test_the_gate_waits_for_the_grace_period_after_a_question() -> None:
    gate = QuestionGate(grace_s=0.3)
    gate.wait_idle()  # nothing has run: no wait at all
    with gate.question():
        pass
    started = time.monotonic()
    gate.wait_idle()
    assert time.monotonic() - started >= 0.25
    stop = threading.Event()
    with gate.question():
        waiter = threading.Thread(target=gate.wait_idle, args=(lambda: not stop.is_set(),))
        waiter.start()
        time.sleep(0.2)
        assert waiter.is_alive()  # still waiting for the question
        stop.set()  # the app shuts down: the waiter gives up
        waiter.join(5)
        assert not waiter.is_alive()


def test_the_served_app_fills_tldrs_and_answers_a_question_first(
    services: Callable[[Recorder], Services],
) -> None:
    """As `make run` starts it: the TL;DR tab fills without a click; a question asked while
    the filler runs is answered before the filler's next paper."""
    recorder = Recorder(sleep_s=0.4)
    app_services = services(recorder)
    reader = Digest(app_services)

    def filled() -> bool:
        return all(r.tldr for d in ("2025-01-11", "2025-01-10") for r in reader.rows(d))

    with serve(app_services, fill_tldrs=True) as url:
        wait_until(lambda: len(recorder.titles) >= 1)
        from gradio_client import Client

        asked = len(recorder.titles)
        result = Client(url, verbose=False, download_files=False).predict(
            "How many experts does RouteST activate?", "", "", api_name="/ask"
        )
        assert recorder.questions >= 1, result[0]
        # At most the paper in progress when the question came ran meanwhile.
        assert len(recorder.titles) <= asked + 1
        wait_until(filled)
        assert httpx.get(url, timeout=10).status_code == 200
    assert render.UNDATED not in reader.days()
