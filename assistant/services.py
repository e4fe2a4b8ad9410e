"""Everything a command needs, built lazily from one Settings object and passed down."""

from __future__ import annotations

import threading
from contextlib import suppress
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.errors import EmptyStoreError

if TYPE_CHECKING:
    from assistant.llm.base import LLM
    from assistant.pipeline.qa import QAPipeline
    from vectorstore.embeddings import Embedder
    from vectorstore.registry import Registry
    from vectorstore.store import ChunkStore


def builtin_feed_path() -> Path:
    """The demo feed shipped inside the package (a saved Daily Papers page, 46 papers)."""
    return Path(str(files("assistant") / "data" / "hf_daily_papers_page_sample.txt"))


class Services:
    """Lazily built components. Nothing heavy is imported or loaded until first use."""

    def __init__(
        self, settings: Settings, llm: LLM | None = None, embedder: Embedder | None = None
    ) -> None:
        """``llm`` and ``embedder`` inject ready components (tests, evals, benchmarks sharing
        one loaded model); otherwise each is built from ``settings`` on first use."""
        self.settings = settings
        self._llm = llm
        self._embedder = embedder
        self._llm_lock = threading.Lock()
        self._llm_loader: threading.Thread | None = None

    @cached_property
    def embedder(self) -> Embedder:
        if self._embedder is not None:
            return self._embedder
        from vectorstore.embeddings import make_embedder

        return make_embedder(self.settings)

    @cached_property
    def registry(self) -> Registry:
        from vectorstore.registry import Registry

        self.settings.ensure_home()
        return Registry(self.settings.registry_path)

    @cached_property
    def store(self) -> ChunkStore:
        from vectorstore.store import ChunkStore

        self.settings.ensure_home()
        # Read before the vectors load: a write in between makes the first refresh reopen.
        generation = self.registry.generation()
        return ChunkStore(self.settings, self.embedder.model_id, generation=generation)

    @property
    def llm(self) -> LLM:
        with self._llm_lock:
            if self._llm is None:
                from assistant.llm.factory import make_llm

                self._llm = make_llm(self.settings)
            return self._llm

    def preload_llm(self) -> None:
        """Start loading the LLM on a thread while the caller retrieves: llama.cpp reads the
        GGUF with the GIL released, so a cold `feedqa ask` overlaps it with the rest."""
        if self._llm is not None or self._llm_loader is not None:
            return
        self._llm_loader = threading.Thread(target=self._load_llm, name="feedqa-llm-load")
        self._llm_loader.start()

    def _load_llm(self) -> None:
        # A failure is left for the caller that needs the model: it raises again there.
        with suppress(Exception):
            warm_up = getattr(self.llm, "warm_up", None)  # the embedded model's worker
            if warm_up is not None:
                warm_up()

    @cached_property
    def pipeline(self) -> QAPipeline:
        from assistant.pipeline.qa import QAPipeline

        return QAPipeline(self)

    def require_papers(self) -> None:
        """Fail with a clear message when nothing has been ingested yet."""
        if self.registry.counts()["papers"] == 0:
            raise EmptyStoreError(
                f"the store at {self.settings.home} is empty: run `feedqa ingest FEED` "
                "(or `feedqa ingest --builtin` for the demo feed) first"
            )

    def close(self) -> None:
        if "registry" in self.__dict__:
            self.registry.close()
        stop_worker = getattr(self._llm, "close", None)  # the embedded model's worker process
        if stop_worker is not None:
            stop_worker()
