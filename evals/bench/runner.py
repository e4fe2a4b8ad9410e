"""Runs the sections in order, timing each and noting the load; writes bench.json/bench.md."""

from __future__ import annotations

import json
import os
import shutil
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.bench.config import BenchConfig
from evals.bench.context import BenchContext
from evals.bench.measure import load_average

Section = Callable[[BenchContext], dict[str, Any]]


def section_functions() -> dict[str, Section]:
    from evals.bench.baseline import run_baseline
    from evals.bench.ingest_bench import run_ingest
    from evals.bench.limits import run_limits
    from evals.bench.memory import run_memory
    from evals.bench.query_bench import run_query
    from evals.bench.scale import run_scale
    from evals.bench.tldr_bench import run_tldr

    return {
        "limits": run_limits,
        "ingest": run_ingest,
        "query": run_query,
        "tldr": run_tldr,
        "memory": run_memory,
        "baseline": run_baseline,
        "scale": run_scale,
    }


def run_section(ctx: BenchContext, name: str, func: Section, loads: list[float]) -> None:
    """One section; a failure is recorded in its place and the run goes on."""
    started = time.perf_counter()
    load = load_average()
    loads.append(load)
    print(f"[bench] {name} (load {load}) ...", flush=True)
    try:
        ctx.results[name] = func(ctx)
    except Exception as exc:
        traceback.print_exc()
        ctx.results[name] = {"error": f"{type(exc).__name__}: {exc}"}
    seconds = time.perf_counter() - started
    ctx.results.setdefault("section_seconds", {})[name] = round(seconds, 1)
    print(f"[bench] {name} done in {seconds:.1f}s (load {load_average()})", flush=True)


def run_bench(config: BenchConfig, run_id: str) -> dict[str, Any]:
    from evals.bench.targets import check_targets

    ctx = BenchContext(config)
    started, loads = time.perf_counter(), [load_average()]
    run: dict[str, Any] = {
        "id": run_id,
        "mode": "quick" if config.quick else "full",
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
        "load_start": loads[0],
    }
    ctx.results["run"] = run
    functions = section_functions()
    for name in config.sections:
        run_section(ctx, name, functions[name], loads)
    loads.append(load_average())
    run.update(
        load_end=loads[-1],
        load_max=max(loads),
        loads=loads,
        seconds=round(time.perf_counter() - started, 1),
        config=describe(ctx),
    )
    ctx.results["targets"] = [t.to_json() for t in check_targets(ctx.results)]
    if not config.keep_work:
        shutil.rmtree(config.work_dir, ignore_errors=True)
    return ctx.results


def describe(ctx: BenchContext) -> dict[str, Any]:
    """What the run measured with: sizes and the settings that shape speed."""
    settings = ctx.settings()
    return {
        "archive": str(ctx.config.archive),
        "archive_papers": ctx.config.archive_papers or "all",
        "small_papers": ctx.config.small_papers,
        "sections": list(ctx.config.sections),
        "embed_batch_size": settings.embed_batch_size,
        "llm_context": settings.llm_context,
        "llm_threads": settings.llm_threads or os.cpu_count(),
        "retrieval_k": settings.retrieval_k,
    }


def write_outputs(results: dict[str, Any], out_dir: Path) -> str:
    """bench.json and bench.md in ``out_dir``; returns the Markdown."""
    from evals.bench.report import render

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    markdown = render(results)
    (out_dir / "bench.md").write_text(markdown + "\n", encoding="utf-8")
    return markdown
