"""State shared by the sections of one run: inputs, the loaded models and the stores built."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.config import BenchConfig
from evals.bench.corpus import Member, papers_of, pick_members, read_archive, write_archive

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.llm.worker import WorkerLLM
    from assistant.models import Paper
    from assistant.services import Services
    from vectorstore.embeddings import MiniLMEmbedder

STORES = ("sample", "archive", "small")


class BenchContext:
    """Lazily parsed inputs and loaded models; stores are ingested once and reused."""

    def __init__(self, config: BenchConfig) -> None:
        self.config = config
        self.results: dict[str, Any] = {}
        self.ingested: dict[str, dict[str, Any]] = {}  # store name -> its first ingest
        self._specs: dict[str, str] = {}

    def settings(self, home: Path | None = None) -> Settings:
        """Default settings with the embedded models, on a private home."""
        from assistant.config import Settings

        return Settings(
            home=home or self.config.work_dir / "home",
            embedder="minilm",
            llm_backend="embedded",
            chroma_host=None,
        )

    @cached_property
    def members(self) -> list[Member]:
        return read_archive(self.config.archive)

    @cached_property
    def big_members(self) -> list[Member]:
        n = self.config.archive_papers
        return self.members if n is None else pick_members(self.members, n)

    @cached_property
    def small_members(self) -> list[Member]:
        return pick_members(self.members, self.config.small_papers or 0)

    def papers(self, store: str) -> list[Paper]:
        from evals.bench.corpus import sample_papers

        if store == "sample":
            return sample_papers()
        return papers_of(self.big_members if store == "archive" else self.small_members)

    def feed_spec(self, store: str) -> str:
        """What `feedqa ingest` is given for a store: the demo feed or an archive."""
        if store not in self._specs:
            self._specs[store] = self._make_spec(store)
        return self._specs[store]

    def _make_spec(self, store: str) -> str:
        from assistant.services import builtin_feed_path

        if store == "sample":
            return str(builtin_feed_path())
        if store == "archive" and self.config.archive_papers is None:
            return str(self.config.archive)
        members = self.big_members if store == "archive" else self.small_members
        return str(write_archive(members, self.config.work_dir / "feeds" / f"{store}.tar.gz"))

    def home(self, store: str) -> Path:
        return self.config.work_dir / "stores" / store

    def ensure_ingested(self, store: str) -> dict[str, Any]:
        """The store's first ingest (run and timed now if no section has built it yet)."""
        if store not in self.ingested:
            from evals.bench.ingest_bench import ingest_once, kept_ingest

            kept = kept_ingest(self, store) if self.config.reuse_work else None
            self.ingested[store] = kept or ingest_once(self, store)
        return self.ingested[store]

    def ensure_store(self, store: str) -> Path:
        """The store's home, ingested if need be."""
        self.ensure_ingested(store)
        return self.home(store)

    def services(self, store: str, with_llm: bool = False) -> Services:
        """Services over a store, sharing this run's loaded embedder (and LLM)."""
        from assistant.services import Services

        home = self.ensure_store(store)
        llm = self.llm if with_llm else None
        return Services(self.settings(home), llm=llm, embedder=self.embedder)

    @cached_property
    def embedder(self) -> MiniLMEmbedder:
        from vectorstore.embeddings import MiniLMEmbedder

        return MiniLMEmbedder()

    @cached_property
    def llm(self) -> WorkerLLM:
        """The embedded model as the app runs it: in its worker process."""
        from assistant.llm.factory import make_embedded

        return make_embedded(self.settings())
