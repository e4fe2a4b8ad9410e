"""Query: retrieval latency over stores of different sizes, and `ask` time to first token,
warm (this process, after a warm-up) and cold (a fresh `feedqa ask` process)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from evals.bench.corpus import dev_questions, evenly, latency_questions
from evals.bench.measure import (
    child_env,
    feedqa_command,
    latency_ms,
    percentile,
    run_measured,
)

if TYPE_CHECKING:
    from assistant.pipeline.types import Answer
    from evals.bench.context import BenchContext

ASK_TIMEOUT_S = 600


def retrieval_latency(ctx: BenchContext, store: str) -> dict[str, Any]:
    """QAPipeline.retrieve(k=5) per question; the first call (index build) is timed apart."""
    services = ctx.services(store)
    try:
        questions = latency_questions(ctx.papers(store), ctx.config.latency_questions)
        pipeline = services.pipeline
        started = time.perf_counter()
        pipeline.retrieve("warm up the retrieval index", k=5)
        first_s = time.perf_counter() - started
        seconds = []
        for question in questions:
            started = time.perf_counter()
            pipeline.retrieve(question, k=5)
            seconds.append(time.perf_counter() - started)
        counts = services.registry.counts()
    finally:
        services.close()
    return {**counts, "first_query_ms": round(first_s * 1000, 1), **latency_ms(seconds)}


def timed_ask(pipeline: Any, question: str) -> tuple[float | None, float, Answer]:
    """Seconds to the first answer text, seconds in all, and the Answer, from ask_stream."""
    started = time.perf_counter()
    first = None
    answer = None
    for event in pipeline.ask_stream(question):
        if event.kind == "delta" and first is None:
            first = time.perf_counter() - started
        elif event.kind == "final":
            answer = event.answer
    assert answer is not None
    return first, time.perf_counter() - started, answer


def ask_questions(ctx: BenchContext) -> list[str]:
    return [q.question for q in evenly(dev_questions(), ctx.config.ask_questions)]


def warm_ask(ctx: BenchContext) -> dict[str, Any]:
    """`ask` in this process over the sample store, after one warm-up question."""
    services = ctx.services("sample", with_llm=True)
    try:
        pipeline = services.pipeline
        timed_ask(pipeline, "What do the papers in the feed say about long context?")
        runs = [timed_ask(pipeline, q) for q in ask_questions(ctx)]
    finally:
        services.close()
    return summarise_asks(runs)


def summarise_asks(runs: list[tuple[float | None, float, Answer]]) -> dict[str, Any]:
    firsts = [f for f, _, _ in runs if f is not None]
    model_first = [a.timings_ms.get("first_model_token", 0.0) for _, _, a in runs]
    return {
        "first_token": latency_ms(firsts),
        "total": latency_ms([t for _, t, _ in runs]),
        "first_model_token_p50_ms": round(percentile([m for m in model_first if m], 50), 1),
        "retrieval_p50_ms": round(
            percentile([a.timings_ms.get("retrieval", 0.0) for _, _, a in runs], 50), 1
        ),
        "prompt_tokens_p50": percentile([a.usage.get("prompt_tokens", 0) for _, _, a in runs], 50),
        "paths": [a.path for _, _, a in runs],
    }


def cold_ask(ctx: BenchContext) -> dict[str, Any]:
    """A fresh `feedqa ask` process per question: start to first byte of answer on stdout."""
    home = ctx.ensure_store("sample")
    runs = []
    for question in ask_questions(ctx)[: ctx.config.cold_runs]:
        cmd = [*feedqa_command(), "ask", question]
        run = run_measured(cmd, child_env(home), timeout_s=ASK_TIMEOUT_S, first_byte=True)
        if run.returncode != 0 or run.first_byte_s is None:
            raise RuntimeError(f"feedqa ask failed (exit {run.returncode}): {run.stderr[-500:]}")
        runs.append(run)
    return {
        "first_byte": latency_ms([r.first_byte_s or 0.0 for r in runs]),
        "total": latency_ms([r.wall_s for r in runs]),
        "peak_rss_mb": max(r.peak_rss_mb for r in runs),
    }


def run_query(ctx: BenchContext) -> dict[str, Any]:
    stores = ["sample", *(["small"] if ctx.config.small_papers else []), "archive"]
    return {
        "retrieval": {store: retrieval_latency(ctx, store) for store in stores},
        "ask_warm": warm_ask(ctx),
        "ask_cold": cold_ask(ctx),
    }
