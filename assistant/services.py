"""Everything a command needs, built lazily from one Settings object and passed down."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.llm.loader import LLMLoader

if TYPE_CHECKING:
    from assistant.llm.base import LLM
    from assistant.pipeline.abstain import Calibration
    from assistant.pipeline.qa import QAPipeline
    from prompts import Prompt
    from vectorstore.embeddings import Embedder
    from vectorstore.registry import Registry
    from vectorstore.store import ChunkStore


def builtin_feed_path() -> Path:
    """The demo feed shipped inside the package (a saved Daily Papers page, 46 papers)."""
    return Path(str(files("assistant") / "data" / "hf_daily_papers_page_sample.txt"))


@dataclass(frozen=True)
class Components:
    """Ready-built parts a caller injects instead of having them built from Settings: tests
    hand the CLI a scripted model this way (``CliRunner().invoke(main, args,
    obj=Components(llm=...))``)."""

    llm: LLM | None = None
    embedder: Embedder | None = None
    calibration: Calibration | None = None

    def services(self, settings: Settings) -> Services:
        return Services(settings, self.llm, self.embedder, self.calibration)


class Services:
    """Lazily built components. Nothing heavy is imported or loaded until first use."""

    def __init__(
        self,
        settings: Settings,
        llm: LLM | None = None,
        embedder: Embedder | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        """``llm``, ``embedder`` and ``calibration`` inject ready components (tests, evals,
        benchmarks sharing one loaded model); otherwise each is built from ``settings`` (or
        the packaged calibration file) on first use."""
        self.settings = settings
        self._embedder = embedder
        self._calibration = calibration
        self.llm_loader = LLMLoader(self._make_llm, ready=llm)

    def _make_llm(self) -> LLM:
        from assistant.llm.factory import make_llm

        return make_llm(self.settings)

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
        return self.llm_loader.get()

    def preload_llm(self) -> None:
        """Start loading the LLM on a thread (see LLMLoader.preload)."""
        self.llm_loader.preload()

    @cached_property
    def pipeline(self) -> QAPipeline:
        return build_pipeline(self, self._calibration)

    def require_papers(self) -> None:
        """Fail with a clear message when nothing has been ingested yet."""
        self.registry.require_papers()

    def close(self) -> None:
        if "registry" in self.__dict__:
            self.registry.close()
        self.llm_loader.close()


def build_pipeline(
    services: Services,
    calibration: Calibration | None = None,
    prompt: Prompt | None = None,
    canary: str | None = None,
) -> QAPipeline:
    """The one place a QAPipeline is put together: each part gets only what it uses.
    ``calibration`` and ``prompt`` replace the packaged ones (tests); ``canary`` replaces the
    store's own marker (evals, whose stores are rebuilt, pin one so runs compare)."""
    from assistant.pipeline.abstain import load_calibration
    from assistant.pipeline.qa import QAPipeline
    from assistant.pipeline.retrieval import HybridRetriever

    settings = services.settings
    return QAPipeline(
        retriever=HybridRetriever(services.registry, services.store, settings.lexical_dir),
        registry=services.registry,
        embedder=services.embedder,
        llm=services.llm_loader,
        calibration=calibration or load_calibration(),
        max_question_tokens=settings.max_question_tokens,
        retrieval_k=settings.retrieval_k,
        canary=canary or services.registry.canary(),
        prompt=prompt,
    )
