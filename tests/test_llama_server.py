"""The OpenAI-compatible backend against a real llama.cpp server (llama_cpp.server running the
SmolLM2 GGUF) with the real MiniLM embedder: grounded answers over the sample feed, streamed and
not, through QAPipeline and through `feedqa ask --json --backend openai` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import free_port

from assistant.config import Settings
from assistant.errors import ModelFileError
from assistant.ingest import ingest_sources
from assistant.llm.embedded import default_gguf_path
from assistant.pipeline.types import Answer
from assistant.services import Services, builtin_feed_path

pytestmark = pytest.mark.integration

STARTUP_S = 60
QUESTION = (
    "Which activation function replaces the non-linear transformation of Softmax in the work "
    "on attention length extrapolation?"
)
GOLD = "Softplus Attention with Re-weighting Boosts Length Extrapolation in Large Language Models"
SECRET = "sk-test-LLAMA-SERVER-SECRET-42"


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(base_url, model id) of a llama.cpp server on 127.0.0.1, stopped after the module."""
    try:
        gguf = default_gguf_path()
    except ModelFileError as exc:
        pytest.skip(f"SmolLM2 GGUF not installed: {exc}")
    port = free_port()
    log_path = tmp_path_factory.mktemp("llama") / "server.log"
    command = [sys.executable, "-m", "assistant.llm.llama_server", "--model", str(gguf),
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048"]  # fmt: skip
    with log_path.open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        base_url = f"http://127.0.0.1:{port}/v1"
        yield base_url, wait_for_model(server, base_url, log_path)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def wait_for_model(server: subprocess.Popen[bytes], base_url: str, log_path: Path) -> str:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            pytest.fail(f"llama.cpp server exited {server.returncode}: {tail}")
        try:
            response = httpx.get(f"{base_url}/models", timeout=2)
            if response.status_code == 200:
                return str(response.json()["data"][0]["id"])
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    pytest.fail(f"llama.cpp server did not answer /v1/models in {STARTUP_S} s")


@pytest.fixture(scope="module")
def store_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 46-paper sample feed embedded with the real MiniLM."""
    home = tmp_path_factory.mktemp("minilm_store")
    services = Services(Settings(home=home, embedder="minilm", llm_backend="fake"))
    report = ingest_sources(services, [str(builtin_feed_path())])
    assert report.new == 46 and not report.errors
    services.close()
    return home


def openai_settings(home: Path, server: tuple[str, str], stream: bool) -> Settings:
    base_url, model = server
    return Settings(home=home, embedder="minilm", llm_backend="openai", openai_base_url=base_url,
                    openai_model=model, openai_stream=stream, llm_timeout_s=120,
                    llm_max_retries=0)  # fmt: skip


def assert_grounded(answer: Answer, model: str) -> None:
    assert answer.backend == "openai" and answer.model == model
    assert not answer.abstained and answer.answer.strip()
    assert answer.path in ("model", "model-filtered", "quote-led", "quoted-evidence"), answer.notes
    assert GOLD in {c.title for c in answer.citations}
    assert answer.usage["completion_tokens"] > 0  # the server really generated the draft


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "whole"])
def test_pipeline_answers_through_llama_server(store_home, llama_server, stream: bool) -> None:
    services = Services(openai_settings(store_home, llama_server, stream))
    try:
        events = list(services.pipeline.ask_stream(QUESTION))
    finally:
        services.close()
    final = events[-1].answer
    assert final is not None and [e.kind for e in events].count("final") == 1
    assert "".join(e.text for e in events if e.kind == "delta") == final.answer
    assert_grounded(final, llama_server[1])
    if not stream:
        assert final.usage["prompt_tokens"] > 50  # as the server counted them


def test_cli_ask_json_through_llama_server(store_home: Path, llama_server) -> None:
    base_url, model = llama_server
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env |= {"FEEDQA_HOME": str(store_home), "FEEDQA_EMBEDDER": "minilm",
            "OPENAI_BASE_URL": base_url, "OPENAI_API_KEY": SECRET,
            "FEEDQA_OPENAI_MODEL": model, "FEEDQA_LLM_TIMEOUT_S": "120"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ask", "--json", "--backend", "openai", QUESTION],
        env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert SECRET not in result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["backend"] == "openai" and payload["model"] == model
    assert not payload["abstained"] and payload["answer"].strip()
    assert GOLD in {c["title"] for c in payload["citations"]}


def test_cli_exits_3_when_the_server_is_gone(store_home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env |= {"FEEDQA_HOME": str(store_home), "FEEDQA_EMBEDDER": "minilm",
            "OPENAI_BASE_URL": f"http://127.0.0.1:{free_port()}/v1", "OPENAI_API_KEY": SECRET,
            "FEEDQA_LLM_TIMEOUT_S": "2", "FEEDQA_LLM_MAX_RETRIES": "1"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ask", "--backend", "openai", QUESTION],
        env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("feedqa: error: cannot reach the LLM")
