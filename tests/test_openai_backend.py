"""The OpenAI-compatible backend against a scripted local server: answers (streamed and not),
bounded retries per fault, one-line BackendUnavailable errors that never carry the API key,
and `feedqa ask` exiting 3 when the backend fails."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fake_openai_server import MODEL, FakeOpenAIServer, Step
from helpers import ALWAYS, SMALL_FEED, ingest, write_feed

from assistant.cli import main
from assistant.config import Settings
from assistant.errors import BackendUnavailable
from assistant.llm.base import Message
from assistant.llm.factory import make_llm
from assistant.llm.openai_backend import OpenAICompatibleLLM
from assistant.services import Components, Services

SECRET = "sk-test-FEEDQA-SECRET-0123456789abcdef"
MESSAGES = [Message("system", "Be brief."), Message("user", "Say hello.")]
RETRIES = 2


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as running:
        yield running


def make(server: FakeOpenAIServer, retries: int = RETRIES, stream: bool = True,
         timeout_s: float = 1.0) -> OpenAICompatibleLLM:  # fmt: skip
    return OpenAICompatibleLLM(MODEL, SECRET, server.base_url, timeout_s, retries, stream)


def fails(llm: OpenAICompatibleLLM) -> str:
    """Run one generation to the end; return the BackendUnavailable message it must raise."""
    with pytest.raises(BackendUnavailable) as caught:
        llm.generate(MESSAGES, max_tokens=16).consume()
    message = str(caught.value)
    assert "\n" not in message and SECRET not in message
    assert message.startswith(f"LLM at {llm.base_url}") or "cannot reach" in message
    return message


# --- answers ---------------------------------------------------------------------------------


def test_streamed_answer(server: FakeOpenAIServer) -> None:
    server.push(Step.answer("Hello from the feed [1]."))
    generation = make(server).generate(MESSAGES, max_tokens=16, temperature=0.0)
    deltas = list(generation)
    assert "".join(deltas) == generation.text == "Hello from the feed [1]."
    assert len(deltas) == 5  # word by word, as the server sent it
    assert generation.usage.completion_tokens == 5
    (request,) = server.completions()
    assert request.body["stream"] is True and request.body["model"] == MODEL
    assert request.body["max_tokens"] == 16 and request.body["temperature"] == 0.0
    assert request.body["messages"] == [{"role": "system", "content": "Be brief."},
                                        {"role": "user", "content": "Say hello."}]  # fmt: skip
    assert request.headers["authorization"] == f"Bearer {SECRET}"


def test_non_streamed_answer(server: FakeOpenAIServer) -> None:
    server.push(Step.answer("Hello from the feed [1]."))
    generation = make(server, stream=False).generate(MESSAGES, max_tokens=16)
    assert list(generation) == ["Hello from the feed [1]."]
    assert generation.usage.prompt_tokens == 4  # as the server reported it
    assert generation.usage.completion_tokens == 5
    (request,) = server.completions()
    assert request.body["stream"] is False


def test_factory_wires_the_stream_setting(server: FakeOpenAIServer) -> None:
    settings = Settings(llm_backend="openai", openai_base_url=server.base_url,
                        openai_model=MODEL, openai_stream=False)  # fmt: skip
    llm = make_llm(settings)
    assert isinstance(llm, OpenAICompatibleLLM) and llm.stream is False
    assert make_llm(settings.model_copy(update={"openai_stream": True})).stream is True


# --- faults: how many requests each costs, and the error it becomes ---------------------------


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "whole"])
def test_429_with_retry_after_then_success_is_two_requests(server, stream: bool) -> None:
    server.push(Step.status(429, "slow down", {"Retry-After": "0"}), Step.answer("Recovered."))
    assert make(server, stream=stream).generate(MESSAGES, max_tokens=8).consume() == "Recovered."
    assert len(server.completions()) == 2


@pytest.mark.parametrize("retries", [0, RETRIES])
def test_500_is_tried_max_retries_plus_one_times(server: FakeOpenAIServer, retries: int) -> None:
    server.default = Step.status(500, "internal error")
    message = fails(make(server, retries=retries))
    assert "HTTP 500" in message and "internal error" in message
    assert len(server.completions()) == retries + 1


@pytest.mark.parametrize("code", [400, 401, 403, 404, 408, 409, 422])
def test_client_errors_are_not_retried(server: FakeOpenAIServer, code: int) -> None:
    server.default = Step.status(code)
    assert f"HTTP {code}" in fails(make(server))
    assert len(server.completions()) == 1


def test_401_echoing_the_key_does_not_leak_it(server: FakeOpenAIServer) -> None:
    server.default = Step.status(401, f"Incorrect API key provided: {SECRET}. Check it.")
    message = fails(make(server))
    assert "HTTP 401" in message and "Incorrect API key provided: ***" in message


def test_hang_times_out_with_bounded_retries(server: FakeOpenAIServer) -> None:
    server.default = Step.hang(10)
    started = time.monotonic()
    assert "timed out" in fails(make(server, retries=1, timeout_s=0.5))
    assert len(server.completions()) == 2
    assert time.monotonic() - started < 6  # 2 x 0.5 s timeout + one back-off, not 10 s


@pytest.mark.parametrize("step", [Step.cut("One two three."), Step.truncated("One two three.")],
                         ids=["cut", "truncated"])  # fmt: skip
def test_stream_cut_mid_answer_is_an_error_not_a_short_answer(server, step: Step) -> None:
    server.push(step)
    llm = make(server)
    generation = llm.generate(MESSAGES, max_tokens=16)
    received = []
    with pytest.raises(BackendUnavailable) as caught:
        for delta in generation:
            received.append(delta)
    assert received == ["One"]  # what arrived before the cut was passed on
    assert "\n" not in str(caught.value) and SECRET not in str(caught.value)
    assert len(server.completions()) == 1  # a started stream is never retried


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "whole"])
def test_malformed_body_is_an_error(server: FakeOpenAIServer, stream: bool) -> None:
    server.default = Step.malformed_body()
    fails(make(server, stream=stream))
    assert len(server.completions()) == 1


def test_malformed_sse_chunk_is_an_error(server: FakeOpenAIServer) -> None:
    server.push(Step.malformed_sse())
    assert "malformed" in fails(make(server))
    assert len(server.completions()) == 1


def test_nothing_listening_is_unavailable() -> None:
    from conftest import free_port

    llm = OpenAICompatibleLLM(MODEL, SECRET, f"http://127.0.0.1:{free_port()}/v1", 1.0, 1)
    message = fails(llm)
    assert "cannot reach" in message


# --- the CLI ---------------------------------------------------------------------------------

FEED = SMALL_FEED[:2]
QUESTION = "How many experts does RouteST activate for every audio frame?"


@pytest.fixture
def cli_env(server: FakeOpenAIServer, isolated_home: Path,
            monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:  # fmt: skip
    """A store with FEED and the CLI pointed at ``server`` with a key."""
    for name, value in {
        "FEEDQA_EMBEDDER": "fake",
        "OPENAI_API_KEY": SECRET,
        "OPENAI_BASE_URL": server.base_url,
        "FEEDQA_OPENAI_MODEL": MODEL,
        "FEEDQA_LLM_TIMEOUT_S": "0.5",
        "FEEDQA_LLM_MAX_RETRIES": "1",
    }.items():
        monkeypatch.setenv(name, value)
    feed = write_feed(isolated_home / "feed.jsonl", FEED)
    services = Services(Settings())
    assert ingest(services, feed).new == len(FEED)
    services.close()
    return server


def ask(*args: str) -> Result:
    """`feedqa ask` with retrieval that never abstains (every question reaches the backend)."""
    return CliRunner().invoke(main, ["ask", *args], obj=Components(calibration=ALWAYS))


def assert_exit_3(result: Result) -> str:
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("feedqa: error: LLM at ")
    return line


@pytest.mark.parametrize("stream", ["true", "false"])
def test_cli_answers_through_the_backend(cli_env: FakeOpenAIServer, monkeypatch, stream) -> None:
    monkeypatch.setenv("FEEDQA_OPENAI_STREAM", stream)
    cli_env.push(Step.answer("RouteST activates two of sixteen experts for every audio frame [1]."))
    result = ask("--json", QUESTION)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["backend"] == "openai" and payload["model"] == MODEL
    assert payload["path"] == "model" and payload["citations"][0]["paper_id"] == FEED[0]["id"]
    assert cli_env.completions()[0].body["stream"] is (stream == "true")


@pytest.mark.parametrize(
    ("steps", "requests", "reason"),
    [
        ([Step.status(500)], 2, "HTTP 500"),
        ([Step.status(401, f"Incorrect API key provided: {SECRET}")], 1, "HTTP 401"),
        ([Step.status(400)], 1, "HTTP 400"),
        ([Step.hang(10)], 2, "timed out"),
        ([Step.cut("RouteST activates two.")], 1, "mid-answer"),
        ([Step.malformed_sse()], 1, "malformed"),
    ],
    ids=["500", "401", "400", "hang", "cut", "malformed-sse"],
)
def test_cli_exits_3_when_the_backend_fails(cli_env, steps, requests: int, reason: str) -> None:
    cli_env.default = steps[0]
    line = assert_exit_3(ask("--backend", "openai", QUESTION))
    assert reason in line
    assert len(cli_env.completions()) == requests  # FEEDQA_LLM_MAX_RETRIES=1


def test_cli_json_exits_3_without_printing_an_answer(cli_env: FakeOpenAIServer) -> None:
    cli_env.default = Step.status(503)
    result = ask("--json", QUESTION)
    assert_exit_3(result)
    assert result.stdout == ""
