"""The LLM, built once on first use (or injected ready), and loadable in the background."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress

from assistant.llm.base import LLM


class LLMLoader:
    """Owns one LLM for a process: ``get`` builds it on first use, ``preload`` starts that on
    a thread, ``close`` stops the embedded model's worker. Safe to share between threads."""

    def __init__(self, build: Callable[[], LLM], ready: LLM | None = None) -> None:
        """``ready`` is an already built LLM (tests, evals and benchmarks inject one)."""
        self._build = build
        self._llm = ready
        self._lock = threading.Lock()
        self._loader: threading.Thread | None = None

    def get(self) -> LLM:
        with self._lock:
            if self._llm is None:
                self._llm = self._build()
            return self._llm

    def preload(self) -> None:
        """Start loading on a thread while the caller retrieves: llama.cpp reads the GGUF with
        the GIL released, so a cold `feedqa ask` overlaps it with the rest."""
        if self._llm is not None or self._loader is not None:
            return
        self._loader = threading.Thread(target=self._load, name="feedqa-llm-load")
        self._loader.start()

    def _load(self) -> None:
        # A failure is left for the caller that needs the model: it raises again there.
        with suppress(Exception):
            warm_up = getattr(self.get(), "warm_up", None)  # the embedded model's worker
            if warm_up is not None:
                warm_up()

    def close(self) -> None:
        """Stop the embedded model's worker process, if one was started."""
        stop_worker = getattr(self._llm, "close", None)
        if stop_worker is not None:
            stop_worker()
