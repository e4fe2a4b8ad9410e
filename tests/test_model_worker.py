"""The model worker process: streaming over the pipe, a native crash (segfault, abort, OOM kill)
turned into one ModelCrashed naming the signal, a fresh worker for the next request,
cancellation, and the loader's llama.cpp parameters."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ModelCrashed, ModelFileError
from assistant.llm.base import Message
from assistant.llm.factory import make_llm
from assistant.llm.worker import WorkerLLM, describe_exit

PROMPT = [Message("user", "one two three four five six seven eight nine ten eleven twelve")]


@pytest.fixture
def worker() -> Iterator[WorkerLLM]:
    llm = WorkerLLM({"fake_delay_s": 0.05}, model="slow-echo", timeout_s=30)
    yield llm
    llm.close()


def test_streams_the_reply_and_its_usage_from_the_child(worker: WorkerLLM) -> None:
    generation = worker.generate(PROMPT, max_tokens=5)
    assert list(generation) == ["one", " two", " three", " four", " five"]
    assert (generation.usage.prompt_tokens, generation.usage.completion_tokens) == (12, 5)
    assert worker.worker_pid not in (None, os.getpid())


@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGABRT, signal.SIGKILL])
def test_a_crash_mid_answer_names_the_signal_and_the_next_request_is_served(
    worker: WorkerLLM, sig: signal.Signals
) -> None:
    generation = worker.generate(PROMPT, max_tokens=12)
    deltas = iter(generation)
    assert next(deltas) == "one"
    pid = worker.worker_pid
    assert pid is not None
    os.kill(pid, sig)
    with pytest.raises(ModelCrashed) as caught:
        list(deltas)
    assert caught.value.status == sig.name and sig.name in str(caught.value)
    assert "\n" not in str(caught.value)
    assert worker.generate(PROMPT, max_tokens=3).consume() == "one two three"
    assert worker.starts == 2 and worker.worker_pid not in (None, pid)


def test_an_abandoned_answer_is_cancelled_and_frees_the_worker(worker: WorkerLLM) -> None:
    deltas = iter(worker.generate(PROMPT, max_tokens=12))
    next(deltas)
    deltas.close()  # the chat dropped the answer (user cancel, closed tab)
    assert worker.generate(PROMPT, max_tokens=2).consume() == "one two"
    assert worker.starts == 1  # the cancel was honoured: no kill, no restart


def test_a_worker_that_dies_while_loading_is_a_crash_naming_the_model(tmp_path: Path) -> None:
    llm = WorkerLLM({"fake_delay_s": "not-a-number"}, model="broken", timeout_s=30)
    with pytest.raises(ModelCrashed, match=r"crashed \(exit code 1\) while trying to load"):
        llm.generate(PROMPT, max_tokens=2).consume()
    llm.close()


def test_describe_exit_names_signals_and_codes() -> None:
    assert describe_exit(-11) == "SIGSEGV" and describe_exit(-9) == "SIGKILL"
    assert describe_exit(1) == "exit code 1"


def test_the_embedded_backend_runs_in_a_worker_and_a_missing_file_fails_at_once(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "none.gguf"
    with pytest.raises(ModelFileError, match="not found") as caught:
        make_llm(Settings(home=tmp_path, llm_backend="embedded", gguf_path=missing))
    assert str(missing) in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"GGUF\x03\x00\x00\x00" + os.urandom(64), b""],
    ids=["random-bytes", "truncated-header", "empty"],
)
def test_a_corrupt_gguf_is_one_line_naming_the_file_and_never_kills_the_caller(
    tmp_path: Path, content: bytes
) -> None:
    corrupt = tmp_path / "corrupt.gguf"
    corrupt.write_bytes(content)
    llm = make_llm(Settings(home=tmp_path, llm_backend="embedded", gguf_path=corrupt))
    assert isinstance(llm, WorkerLLM)
    try:
        with pytest.raises((ModelFileError, ModelCrashed)) as caught:
            llm.generate(PROMPT, max_tokens=2).consume()
    finally:
        llm.close()
    assert str(corrupt) in str(caught.value) and "\n" not in str(caught.value)


def test_the_loader_turns_llama_cpp_extra_buffer_types_off_by_default() -> None:
    """llama.cpp's AMX repack segfaults (llama.cpp#20824): every model we load must have
    use_extra_bufts false unless FEEDQA_LLAMA_EXTRA_BUFTS opts in. Pinned here because a
    machine without AMX would never show the crash."""
    import llama_cpp.llama_cpp as bindings

    from assistant.llm.llama_params import configure_llama

    assert Settings().llama_extra_bufts is False
    configure_llama(extra_bufts=False)
    assert bindings.llama_model_default_params().use_extra_bufts is False
    configure_llama(extra_bufts=True)
    assert bindings.llama_model_default_params().use_extra_bufts is True
    configure_llama(extra_bufts=False)
    assert bindings.llama_model_default_params().use_extra_bufts is False


def test_after_a_failed_load_the_next_request_fails_the_same_way_not_as_a_crash(
    tmp_path: Path,
) -> None:
    corrupt = tmp_path / "corrupt.gguf"
    corrupt.write_bytes(os.urandom(4096))
    llm = make_llm(Settings(home=tmp_path, llm_backend="embedded", gguf_path=corrupt))
    assert isinstance(llm, WorkerLLM)
    try:
        for _ in range(3):  # the preload's warm-up, then two questions
            with pytest.raises(ModelFileError):
                llm.generate(PROMPT, max_tokens=2).consume()
    finally:
        llm.close()
