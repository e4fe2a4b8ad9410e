"""The embedded llama.cpp backend with the real SmolLM2 GGUF, run as the product runs it: in its
worker process, so a native crash (llama.cpp#20824 on AMX CPUs) fails one test with its signal
named while the suite goes on. A streamed reply with usage; a too-small context and a corrupt
model failing as one-line errors."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ALWAYS

from assistant.cli import main
from assistant.config import Settings
from assistant.errors import BackendUnavailable, ModelCrashed, ModelFileError
from assistant.llm.base import Message
from assistant.llm.embedded import default_gguf_path
from assistant.llm.factory import make_llm
from assistant.llm.worker import WorkerLLM
from assistant.services import Components

pytestmark = pytest.mark.integration

MESSAGES = [
    Message("system", "You answer in one short sentence."),
    Message("user", "Name one planet of the solar system."),
]


@pytest.fixture(scope="module")
def gguf() -> Path:
    try:
        return default_gguf_path()
    except ModelFileError as exc:
        pytest.skip(f"SmolLM2 GGUF not installed: {exc}")


def embedded(gguf: Path, n_ctx: int) -> WorkerLLM:
    settings = Settings(llm_backend="embedded", gguf_path=gguf, llm_context=n_ctx, llm_threads=1)
    llm = make_llm(settings)  # 1 thread: 2 threads on 2 busy cores crawl
    assert isinstance(llm, WorkerLLM)
    return llm


@pytest.fixture(scope="module")
def llm(gguf: Path) -> Iterator[WorkerLLM]:
    model = embedded(gguf, n_ctx=512)
    model.warm_up()
    yield model
    model.close()


def test_streams_a_reply_and_reports_usage(llm: WorkerLLM) -> None:
    generation = llm.generate(MESSAGES, max_tokens=12, temperature=0.0)
    deltas = list(generation)
    assert deltas and generation.text.strip()
    assert "".join(deltas) == generation.text
    assert generation.usage.completion_tokens == len(deltas)
    assert 10 < generation.usage.prompt_tokens < 200
    assert llm.backend == "embedded" and llm.model == "SmolLM2-135M-Instruct.Q4_1"


def _has_amx() -> bool:
    try:
        return " amx_tile" in Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return False


def test_llama_cpp_extra_buffer_types_crash_only_their_worker(gguf: Path) -> None:
    """With llama.cpp's extra buffer types opted in (FEEDQA_LLAMA_EXTRA_BUFTS), an AMX CPU takes
    the repack path that crashes natively (llama.cpp#20824; SIGILL on a Xeon seen here): the
    crash must come back as one ModelCrashed naming the signal, never take this process down,
    and leave the default loader answering. A CPU without AMX answers either way."""
    settings = Settings(
        llm_backend="embedded", gguf_path=gguf, llm_context=512, llm_threads=1,
        llama_extra_bufts=True,
    )  # fmt: skip
    opted_in = make_llm(settings)
    try:
        reply = opted_in.generate(MESSAGES, max_tokens=8, temperature=0.0).consume()
        assert reply.strip()
    except ModelCrashed as crash:
        assert _has_amx(), f"a crash without AMX: {crash}"
        assert crash.status.startswith("SIG") and "\n" not in str(crash)
    finally:
        opted_in.close()
    default = embedded(gguf, n_ctx=512)
    try:
        assert default.generate(MESSAGES, max_tokens=8, temperature=0.0).consume().strip()
    finally:
        default.close()


def test_generation_is_deterministic_at_temperature_zero(llm: WorkerLLM) -> None:
    first = llm.generate(MESSAGES, max_tokens=6).consume()
    assert llm.generate(MESSAGES, max_tokens=6).consume() == first


def test_prompt_longer_than_the_context_is_backend_unavailable(gguf: Path) -> None:
    small = embedded(gguf, n_ctx=64)
    long = [Message("user", "Summarise this. " + "attention " * 300)]
    try:
        with pytest.raises(BackendUnavailable, match="rejected the prompt"):
            small.generate(long, max_tokens=8).consume()
        assert small.generate(MESSAGES, max_tokens=4).consume()  # the worker lives on
        assert small.starts == 1
    finally:
        small.close()


def test_cli_with_a_corrupt_gguf_exits_3(tmp_path: Path, isolated_home: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    corrupt = tmp_path / "corrupt.gguf"
    corrupt.write_bytes(os.urandom(2048))
    feed = tmp_path / "feed.jsonl"
    paper = {"id": "2504.00001", "title": "Sparse Expert Routing",
             "abstract": "RouteST activates two of sixteen experts."}  # fmt: skip
    feed.write_text(json.dumps(paper) + "\n")
    monkeypatch.setenv("FEEDQA_EMBEDDER", "fake")
    monkeypatch.setenv("FEEDQA_GGUF_PATH", str(corrupt))
    assert CliRunner().invoke(main, ["ingest", str(feed)]).exit_code == 0
    # ALWAYS: retrieval never abstains, so the question reaches the model.
    result = CliRunner().invoke(main, ["ask", "--backend", "embedded", "How many experts?"],
                                obj=Components(calibration=ALWAYS))  # fmt: skip
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("feedqa: error: cannot load GGUF model") and str(corrupt) in line
