"""Scale: what a store of a year's papers costs a cold `feedqa ask`, retrieval and a day's
ingest. INDEX COST ONLY: the fake embedder (64-d hashed bag of words) and the fake LLM, so
the figures are the store's and the index's, not MiniLM's or SmolLM2's.

The synthetic corpus is made from the archive's papers (all 9,577 in the full run): variant 0
is the archive as it is; variant v (1..10) is every archive paper again with id
``<id>-s<v>``, its abstract's sentences rotated by v (so its chunks differ), and its feed
day moved back v x 600 days (so the variants cover disjoint date windows). 11 variants give
~105k papers. Stores are built once through the real Ingestor and cached under
``--scale-dir`` (default /tmp/feedqa-bench-scale), keyed by their size and the schema.

The incremental case ingests one new day: the 50 first papers of the archive's largest day as
a new variant dated the day after the archive, into a copy of the biggest store. Its index
cost (that ingest with the fake embedder) is set against the time MiniLM takes to embed the
same chunks in this process: a real ingest of the day costs about their sum.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.corpus import latency_questions
from evals.bench.measure import child_env, feedqa_command, latency_ms, percentile, run_measured

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.models import Paper
    from evals.bench.context import BenchContext

VARIANT_SHIFT_DAYS = 600
DAY_PAPERS = 50
COLD_QUESTION = "Which papers propose a benchmark for long video understanding?"
ASK_TIMEOUT_S = 600
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def variant(paper: Paper, v: int) -> Paper:
    """The v-th synthetic copy of a paper (v = 0: the paper itself)."""
    if v == 0:
        return paper
    sentences = _SENTENCE.split(paper.abstract)
    shift = v % len(sentences)
    day = None
    if paper.day:
        day = (date.fromisoformat(paper.day) - timedelta(VARIANT_SHIFT_DAYS * v)).isoformat()
    return dataclasses.replace(
        paper,
        paper_id=f"{paper.paper_id}-s{v}",
        abstract=" ".join(sentences[shift:] + sentences[:shift]),
        day=day,
    )


def scale_settings(home: Path) -> Settings:
    from assistant.config import Settings

    return Settings(home=home, embedder="fake", llm_backend="fake", chroma_host=None)


def ingest_papers(home: Path, papers: list[Paper]) -> dict[str, Any]:
    """Papers into the store at ``home`` through the real Ingestor (fake embedder)."""
    from assistant.ingest import Ingestor, IngestReport
    from assistant.services import Services

    services = Services(scale_settings(home))
    try:
        started, report = time.perf_counter(), IngestReport()
        ingestor = Ingestor(services.embedder, services.store, services.registry)
        ingestor.add(papers, report, None)
        ingestor.flush(report)
        services.registry.settle_lexical(services.settings.lexical_dir)
        return {**services.registry.counts(), "seconds": round(time.perf_counter() - started, 1)}
    finally:
        services.close()


def store_key(name: str, n_papers: int, variants: int) -> str:
    from vectorstore.db import SCHEMA_VERSION

    return f"schema{SCHEMA_VERSION}-{name}-{n_papers}x{variants}"


def cached_store(ctx: BenchContext, name: str, papers: list[Paper], variants: int) -> Path:
    """The store of ``papers`` x ``variants``, built unless a finished one is cached; a store
    with fewer variants is copied and extended."""
    root = ctx.config.scale_dir
    home = root / store_key(name, len(papers), variants)
    if (home / "BUILT.json").exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    smaller = root / store_key(name, len(papers), 1)
    start = 0
    if variants > 1 and (smaller / "BUILT.json").exists():
        shutil.copytree(smaller, home)
        (home / "BUILT.json").unlink()
        start = 1
    print(f"[bench] scale: building {home.name} ...", flush=True)
    built = {}
    for v in range(start, variants):
        built = ingest_papers(home, [variant(p, v) for p in papers])
    (home / "BUILT.json").write_text(json.dumps(built), encoding="utf-8")
    return home


def cold_ask(home: Path) -> dict[str, Any]:
    """`feedqa ask` in a fresh process (fake embedder and LLM): wall time and peak RSS."""
    env = child_env(home, FEEDQA_EMBEDDER="fake", FEEDQA_LLM_BACKEND="fake")
    run = run_measured([*feedqa_command(), "ask", COLD_QUESTION], env, timeout_s=ASK_TIMEOUT_S)
    if run.returncode != 0:
        raise RuntimeError(f"feedqa ask failed (exit {run.returncode}): {run.stderr[-500:]}")
    return {"wall_s": run.wall_s, "peak_rss_mb": run.peak_rss_mb}


def cold_asks(stores: dict[str, Path], runs: int) -> dict[str, dict[str, Any]]:
    """``runs`` cold asks per store, taken in turns (sample, archive, synthetic, sample, ...)
    after one unmeasured ask, so the machine's load and page cache weigh on all alike."""
    cold_ask(stores["sample"])  # warm-up: the interpreter and packages into the page cache
    measured: dict[str, list[dict[str, Any]]] = {name: [] for name in stores}
    for _ in range(runs):
        for name, home in stores.items():
            measured[name].append(cold_ask(home))
    return {name: summarise_cold(stores[name], found) for name, found in measured.items()}


def summarise_cold(home: Path, runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [r["wall_s"] for r in runs]
    counts = json.loads((home / "BUILT.json").read_text(encoding="utf-8"))
    return {
        "papers": counts.get("papers"),
        "chunks": counts.get("chunks"),
        "wall": latency_ms(walls),
        "wall_p50_s": round(percentile(walls, 50), 3),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
    }


def retrieval(ctx: BenchContext, home: Path) -> dict[str, Any]:
    from assistant.services import Services

    services = Services(scale_settings(home))
    try:
        questions = latency_questions(ctx.papers("archive"), ctx.config.latency_questions)
        started = time.perf_counter()
        services.pipeline.retrieve("warm up the retrieval index", k=5)
        first_s = time.perf_counter() - started
        seconds = []
        for question in questions:
            started = time.perf_counter()
            services.pipeline.retrieve(question, k=5)
            seconds.append(time.perf_counter() - started)
        counts = services.registry.counts()
    finally:
        services.close()
    return {**counts, "first_query_ms": round(first_s * 1000, 1), **latency_ms(seconds)}


def one_day(ctx: BenchContext, variants: int) -> list[Paper]:
    """DAY_PAPERS papers of the archive's largest day, as a new variant, dated after it."""
    biggest = max(ctx.big_members, key=lambda m: len(m.papers))
    last = max(p.day for m in ctx.big_members for p in m.papers if p.day)
    new_day = (date.fromisoformat(last) + timedelta(1)).isoformat()
    papers = [variant(p, variants) for p in biggest.papers[:DAY_PAPERS]]
    return [dataclasses.replace(p, day=new_day) for p in papers]


def incremental(ctx: BenchContext, home: Path, variants: int) -> dict[str, Any]:
    """One new day into a copy of the store (fake embedder), against MiniLM's embedding of it."""
    from assistant.ingest import Ingestor, IngestReport
    from assistant.services import Services
    from vectorstore.chunking import Chunker

    day = one_day(ctx, variants)
    copy = ctx.config.work_dir / "scale-incremental"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    services = Services(scale_settings(copy))
    try:
        services.store.count(), services.registry.counts()  # opened before the clock starts
        started, report = time.perf_counter(), IngestReport()
        ingestor = Ingestor(services.embedder, services.store, services.registry)
        ingestor.add(day, report, None)
        ingestor.flush(report)
        rebuilt = services.registry.settle_lexical(services.settings.lexical_dir)
        index_s = time.perf_counter() - started
    finally:
        services.close()
        shutil.rmtree(copy, ignore_errors=True)
    minilm = ctx.embedder
    texts = [c.embed_text for p in day for c in Chunker(minilm).chunk(p)]
    minilm.embed(["warm up: the model loads on its first call"])
    started = time.perf_counter()
    for i in range(0, len(texts), ctx.settings().embed_batch_size):
        minilm.embed(texts[i : i + ctx.settings().embed_batch_size])
    embed_s = time.perf_counter() - started
    return {
        "papers": len(day),
        "chunks": len(texts),
        "index_cost_s": round(index_s, 2),
        "base_rebuilt": rebuilt,
        "minilm_embed_s": round(embed_s, 2),
        "ratio_to_embedding": round((index_s + embed_s) / embed_s, 3),
    }


def run_scale(ctx: BenchContext) -> dict[str, Any]:
    variants = ctx.config.scale_variants
    archive = ctx.papers("archive")
    stores = {
        "sample": cached_store(ctx, "sample", ctx.papers("sample"), 1),
        "archive": cached_store(ctx, "archive", archive, 1),
        "synthetic": cached_store(ctx, "archive", archive, variants),
    }
    cold = cold_asks(stores, ctx.config.cold_runs)
    base = cold["sample"]["wall_p50_s"]
    for entry in cold.values():
        entry["vs_sample"] = round(entry["wall_p50_s"] / base, 3) if base else 0.0
    return {
        "label": "index cost only: fake embedder and fake LLM",
        "variants": variants,
        "cold_ask": cold,
        "retrieval": retrieval(ctx, stores["synthetic"]),
        "incremental_day": incremental(ctx, stores["synthetic"], variants),
    }
