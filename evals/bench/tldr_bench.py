"""TL;DRs: seconds per paper with a fresh cache (built line, LLM trim, checks) and the cached
re-run, over the sample feed's papers with the embedded model (loaded beforehand)."""

from __future__ import annotations

import importlib.util
import time
from typing import TYPE_CHECKING, Any

from evals.bench.measure import per_second

if TYPE_CHECKING:
    from evals.bench.context import BenchContext


def summaries_available() -> bool:
    try:
        return importlib.util.find_spec("assistant.summaries.tldr") is not None
    except ModuleNotFoundError:
        return False


def run_tldr(ctx: BenchContext) -> dict[str, Any]:
    if not summaries_available():
        return {"status": "n/a", "note": "assistant.summaries is not there yet"}
    from assistant.summaries.cache import TldrCache
    from assistant.summaries.tldr import TldrWriter, summarise_papers

    papers = ctx.papers("sample")[: ctx.config.tldr_papers]
    ctx.llm.warm_up()
    writer = TldrWriter(ctx.llm)
    cache_path = ctx.config.work_dir / "tldr" / "cache.sqlite3"
    cache_path.unlink(missing_ok=True)
    with TldrCache(cache_path) as cache:
        started = time.perf_counter()
        cold = summarise_papers(papers, writer, cache)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        cached = summarise_papers(papers, writer, cache)
        cached_s = time.perf_counter() - started
    return {
        "status": "ok",
        "papers": len(papers),
        "cold_seconds_per_paper": round(cold_s / len(papers), 3),
        "cached_seconds_per_paper": round(cached_s / len(papers), 5),
        "cold_papers_per_s": per_second(len(papers), cold_s),
        "llm_calls": cold.llm_calls,
        "model_tldrs": cold.count("model"),
        "extractive_tldrs": cold.count("extractive"),
        "cache_hits": cached.cached,
    }
