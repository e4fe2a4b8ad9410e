"""Ingest, end to end: `feedqa ingest --json` in a fresh process on a fresh store, then the
same feed again unchanged. Peak RSS is the child's own ru_maxrss."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from evals.bench.measure import child_env, feedqa_command, per_second, ratio, run_measured

if TYPE_CHECKING:
    from evals.bench.context import BenchContext

INGEST_TIMEOUT_S = 4 * 3600
RECORD = "bench_first_ingest.json"


class BenchError(RuntimeError):
    """A step of the benchmark could not be measured."""


def run_ingest_cli(ctx: BenchContext, store: str) -> dict[str, Any]:
    """One `feedqa ingest --quiet --json SPEC` on the store's home."""
    spec = ctx.feed_spec(store)
    cmd = [*feedqa_command(), "ingest", "--quiet", "--json", spec]
    run = run_measured(cmd, child_env(ctx.home(store)), timeout_s=INGEST_TIMEOUT_S)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        raise BenchError(
            f"ingest of {store} failed (exit {run.returncode}): {run.stderr.strip()[-500:]}"
        ) from None
    seconds = float(report["seconds"])
    return {
        "papers": report["parsed"],
        "new": report["new"],
        "unchanged": report["unchanged"],
        "chunks": report["chunks_written"],
        "feed_errors": len(report["errors"]),
        "store_papers": report["store"]["papers"],
        "store_chunks": report["store"]["chunks"],
        "pipeline_seconds": seconds,
        "wall_seconds": run.wall_s,
        "papers_per_s": per_second(report["parsed"], seconds),
        "papers_per_s_wall": per_second(report["parsed"], run.wall_s),
        "chunks_per_s": per_second(report["chunks_written"], seconds),
        "peak_rss_mb": run.peak_rss_mb,
        "exit_code": run.returncode,
    }


def ingest_once(ctx: BenchContext, store: str) -> dict[str, Any]:
    """The first ingest of a store (a fresh home), recorded beside it for --reuse-work."""
    import shutil

    shutil.rmtree(ctx.home(store), ignore_errors=True)
    first = run_ingest_cli(ctx, store)
    (ctx.home(store) / RECORD).write_text(json.dumps(first), encoding="utf-8")
    return first


def kept_ingest(ctx: BenchContext, store: str) -> dict[str, Any] | None:
    """The first-ingest figures of a store kept by an earlier run (--keep-work), if any."""
    path = ctx.home(store) / RECORD
    if not path.is_file():
        return None
    first: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {**first, "reused": True}


def ingest_case(ctx: BenchContext, store: str, raw_chunks_per_s: float) -> dict[str, Any]:
    """First ingest, its ratio to the raw embedder, and a re-ingest of the unchanged feed."""
    first = ctx.ingested.get(store) or ingest_once(ctx, store)
    ctx.ingested[store] = first
    again = run_ingest_cli(ctx, store)
    return {
        "first": first,
        "vs_raw_embedder": ratio(first["chunks_per_s"], raw_chunks_per_s),
        "reingest": again,
        "reingest_ratio_wall": ratio(again["wall_seconds"], first["wall_seconds"]),
        "reingest_ratio_pipeline": ratio(again["pipeline_seconds"], first["pipeline_seconds"]),
    }


def run_ingest(ctx: BenchContext) -> dict[str, Any]:
    raw = ctx.results.get("limits", {}).get("embedder", {}).get("chunks_per_s", 0.0)
    stores = ["sample", *(["small"] if ctx.config.small_papers else []), "archive"]
    return {store: ingest_case(ctx, store, raw) for store in stores}
