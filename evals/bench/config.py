"""What a benchmark run measures and how much of it: the full run or the CI-sized --quick."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECTIONS = ("limits", "ingest", "query", "tldr", "memory", "baseline", "scale")
SCALE_DIR = Path("/tmp/feedqa-bench-scale")  # built synthetic stores, reused between runs


# How much each run measures (the fields of BenchConfig they name).
QUICK_SIZES: dict[str, Any] = {
    "small_papers": None,
    "raw_embed_papers": 50,
    "latency_questions": 8,
    "ask_questions": 2,
    "cold_runs": 1,
    "tldr_papers": 2,
    "chat_questions": 0,
    "baseline_archive": False,
    "scale_variants": 3,
}
FULL_SIZES: dict[str, Any] = {
    "small_papers": 1000,
    "raw_embed_papers": 400,
    "latency_questions": 100,
    "ask_questions": 8,
    "cold_runs": 3,
    "tldr_papers": 10,
    "chat_questions": 10,
    "baseline_archive": True,
    "scale_variants": 11,
}


@dataclass(frozen=True)
class BenchConfig:
    """Sizes of one run. ``archive_papers`` None means the whole archive (9.6k papers)."""

    quick: bool
    out_dir: Path
    archive: Path
    archive_papers: int | None  # the big ingest: None = all papers
    small_papers: int | None  # the 1k-paper store for retrieval latency; None = no such store
    raw_embed_papers: int  # papers (spread over the big ingest's corpus) for the raw limit
    latency_questions: int
    ask_questions: int
    cold_runs: int
    tldr_papers: int
    chat_questions: int  # 0: no chat server
    baseline_archive: bool  # also time the baseline ingest on the small archive store
    scale_variants: int  # the scale section's synthetic store: the archive's papers x this
    sections: tuple[str, ...] = SECTIONS
    keep_work: bool = False
    reuse_work: bool = False  # reuse stores kept by an earlier run in the same out_dir
    scale_dir: Path = SCALE_DIR

    @property
    def work_dir(self) -> Path:
        return self.out_dir / "work"


def make_config(
    quick: bool,
    out_dir: Path,
    archive: Path,
    archive_papers: int | None = None,
    sections: tuple[str, ...] = SECTIONS,
    keep_work: bool = False,
    reuse_work: bool = False,
) -> BenchConfig:
    """The quick (smoke test, ~1-2 min) or full (~40 min) configuration."""
    return BenchConfig(
        quick=quick,
        out_dir=out_dir,
        archive=archive,
        archive_papers=(archive_papers or 100) if quick else archive_papers,
        sections=sections,
        keep_work=keep_work,
        reuse_work=reuse_work,
        **(QUICK_SIZES if quick else FULL_SIZES),
    )
