"""The issue's targets, checked against a run's results: PASS, MISS or n/a (not measured)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

FULL_CORPUS_PAPERS = 9500  # the archive holds 9,581 items (9,577 distinct papers)
RSS_LIMIT_MB = 2048
BIG_STORE_PAPERS = 9000  # "at 10k papers"
SCALE_PAPERS = 100_000  # the scale section's synthetic store ("at 100k papers")
SCALE_RSS_MB = 1536


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: str
    status: str  # "PASS" | "MISS" | "n/a"

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def _get(results: dict[str, Any], *path: str) -> Any:
    node: Any = results
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _status(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def ingest_throughput(r: dict[str, Any]) -> Target:
    goal = ">= 85% of raw embedder chunks/s"
    case, raw = _get(r, "ingest", "archive"), _get(r, "limits", "embedder", "chunks_per_s")
    if not case or not raw:
        return Target("ingest vs raw embedder", goal, "not measured", "n/a")
    first = case["first"]
    measured = (
        f"{case['vs_raw_embedder']:.0%} ({first['chunks_per_s']} vs {raw} chunks/s, "
        f"{first['papers']} papers)"
    )
    return Target(
        "ingest vs raw embedder", goal, measured, _status(case["vs_raw_embedder"] >= 0.85)
    )


def full_corpus_memory(r: dict[str, Any]) -> Target:
    first = _get(r, "ingest", "archive", "first")

    def measure(f: dict[str, Any]) -> str:
        return (
            f"{f['peak_rss_mb']:.0f} MB peak, {f['papers']} papers, "
            f"{f['store_papers']} stored, {f['feed_errors']} malformed days"
        )

    target = _measured(
        "full corpus ingest memory",
        f"all 9.6k papers in one run, peak RSS < {RSS_LIMIT_MB} MB",
        first,
        measure,
        lambda f: f["peak_rss_mb"] < RSS_LIMIT_MB,
    )
    if first and first["papers"] < FULL_CORPUS_PAPERS:
        return dataclasses.replace(target, measured=target.measured + " (subset)", status="n/a")
    return target


def reingest(r: dict[str, Any]) -> Target:
    goal = "< 5% of the first ingest's time"
    case = _get(r, "ingest", "archive")
    if not case:
        return Target("re-ingest unchanged feed", goal, "not measured", "n/a")
    again, first = case["reingest"], case["first"]
    measured = (
        f"{case['reingest_ratio_wall']:.1%} ({again['wall_seconds']:.1f} s vs "
        f"{first['wall_seconds']:.1f} s wall, {first['papers']} papers)"
    )
    return Target(
        "re-ingest unchanged feed", goal, measured, _status(case["reingest_ratio_wall"] < 0.05)
    )


def retrieval_10k(r: dict[str, Any]) -> Target:
    goal = "p50 < 50 ms at 10k papers"
    big = _get(r, "query", "retrieval", "archive")
    if not big:
        return Target("retrieval latency", goal, "not measured", "n/a")
    measured = f"p50 {big['p50_ms']} ms, p95 {big['p95_ms']} ms at {big['papers']} papers"
    if big["papers"] < BIG_STORE_PAPERS:
        return Target("retrieval latency", goal, measured, "n/a")
    return Target("retrieval latency", goal, measured, _status(big["p50_ms"] < 50))


def _measured(
    name: str, goal: str, found: Any, measure: Callable[[Any], str], ok: Callable[[Any], bool]
) -> Target:
    """The target from what a run ``found`` (None or empty: not measured)."""
    if not found:
        return Target(name, goal, "not measured", "n/a")
    return Target(name, goal, measure(found), _status(ok(found)))


def _latency(name: str, goal: str, found: Any, spread: str, limit_ms: float) -> Target:
    """A p50 latency under ``limit_ms``, shown with its ``spread`` ("p95" or "max")."""

    def measure(f: dict[str, Any]) -> str:
        return f"p50 {f['p50_ms'] / 1000:.2f} s, {spread} {f[spread + '_ms'] / 1000:.2f} s"

    return _measured(name, goal, found, measure, lambda f: f["p50_ms"] < limit_ms)


def warm_ask(r: dict[str, Any]) -> Target:
    found = _get(r, "query", "ask_warm", "first_token")
    return _latency("warm ask", "first token p50 < 3 s", found, "p95", 3000)


def cold_ask(r: dict[str, Any]) -> Target:
    found = _get(r, "query", "ask_cold", "first_byte")
    goal = "process start to first token p50 < 6 s"
    return _latency("cold `feedqa ask`", goal, found, "max", 6000)


def baseline_hits(r: dict[str, Any]) -> Target:
    return _measured(
        "hit@5 vs baseline",
        "hit@5 ahead of the llama-index baseline",
        _get(r, "baseline", "hit@5"),
        lambda h: f"{h['ours']:.3f} vs {h['baseline']:.3f} ({h['questions']} dev questions)",
        lambda h: h["ours"] > h["baseline"] or h["ours"] == h["baseline"] == 1.0,
    )


def baseline_ttft(r: dict[str, Any]) -> Target:
    def measure(ttft: dict[str, Any]) -> str:
        ours, base = ttft["ours_first_token"]["p50_ms"], ttft["baseline_first_token"]["p50_ms"]
        return (
            f"p50 {ours / 1000:.2f} s vs {base / 1000:.2f} s ({ttft['ours_vs_baseline_p50']:.2f}x)"
        )

    return _measured(
        "first token vs baseline",
        "time to first token ahead of the baseline",
        _get(r, "baseline", "ttft"),
        measure,
        lambda t: t["ours_first_token"]["p50_ms"] < t["baseline_first_token"]["p50_ms"],
    )


def safe_llama_speed(r: dict[str, Any]) -> Target:
    """The default (extra buffer types off, AMX-safe) against llama.cpp's extra buffer types."""
    goal = "extra buffer types off: <= 5% slower than on, prefill and decode"
    off, on = _get(r, "limits", "llm"), _get(r, "limits", "llm_extra_bufts")
    if not off:
        return Target("AMX-safe llama.cpp speed", goal, "not measured", "n/a")
    if "crashed" in off:
        return Target("AMX-safe llama.cpp speed", goal, f"the default {off['crashed']}", "MISS")
    if not on or "crashed" in on:
        why = f"with them llama.cpp {on['crashed']}" if on else "not run"
        measured = (
            f"comparison cannot run: {why}; off: prefill {off['prefill_tokens_per_s']:.0f}, "
            f"decode {off['decode_tokens_per_s']:.0f} tokens/s"
        )
        return Target("AMX-safe llama.cpp speed", goal, measured, "n/a")
    ratios = [off[k] / on[k] for k in ("prefill_tokens_per_s", "decode_tokens_per_s")]
    measured = f"prefill {ratios[0]:.0%}, decode {ratios[1]:.0%} of extra-buffer speed"
    return Target("AMX-safe llama.cpp speed", goal, measured, _status(min(ratios) >= 0.95))


def _scale_case(r: dict[str, Any], name: str) -> dict[str, Any] | None:
    return _get(r, "scale", "cold_ask", name)


def _at_scale(papers: int | None, threshold: int, target: Target) -> Target:
    """``target`` as measured, or n/a when the store was smaller than the goal's (--quick)."""
    if (papers or 0) < threshold:
        measured = target.measured + " (small store)"
        return dataclasses.replace(target, measured=measured, status="n/a")
    return target


def _scale_cold(r: dict[str, Any], case: str, label: str, papers: int, limit: float) -> Target:
    """Cold ask on the scale section's ``case`` store against the 46-paper store."""
    found = _scale_case(r, case)
    target = _measured(
        f"cold ask at {label}",
        f"cold ask at {label} papers <= {limit}x the 46-paper store (index cost only)",
        found,
        lambda c: f"{c['vs_sample']:.2f}x ({c['wall_p50_s']:.2f} s, {c['papers']} papers)",
        lambda c: c["vs_sample"] <= limit,
    )
    return _at_scale(found["papers"], papers, target) if found else target


def scale_cold_archive(r: dict[str, Any]) -> Target:
    return _scale_cold(r, "archive", "9.6k", FULL_CORPUS_PAPERS, 1.3)


def scale_cold_synthetic(r: dict[str, Any]) -> Target:
    return _scale_cold(r, "synthetic", "100k", SCALE_PAPERS, 1.6)


def scale_rss(r: dict[str, Any]) -> Target:
    goal = f"cold ask peak RSS at 100k papers < {SCALE_RSS_MB} MB"
    case = _scale_case(r, "synthetic")
    if not case:
        return Target("cold ask memory at 100k", goal, "not measured", "n/a")
    measured = f"{case['peak_rss_mb']:.0f} MB ({case['papers']} papers)"
    target = Target(
        "cold ask memory at 100k", goal, measured, _status(case["peak_rss_mb"] < SCALE_RSS_MB)
    )
    return _at_scale(case["papers"], SCALE_PAPERS, target)


def scale_retrieval(r: dict[str, Any]) -> Target:
    goal = "retrieval p50 < 100 ms at 100k papers (fake embedder)"
    ret = _get(r, "scale", "retrieval")
    if not ret:
        return Target("retrieval at 100k", goal, "not measured", "n/a")
    measured = f"p50 {ret['p50_ms']} ms, p95 {ret['p95_ms']} ms at {ret['papers']} papers"
    target = Target("retrieval at 100k", goal, measured, _status(ret["p50_ms"] < 100))
    return _at_scale(ret["papers"], SCALE_PAPERS, target)


def scale_incremental(r: dict[str, Any]) -> Target:
    def measure(day: dict[str, Any]) -> str:
        return (
            f"{day['ratio_to_embedding']:.2f}x ({day['index_cost_s']:.2f} s index cost + "
            f"{day['minilm_embed_s']:.2f} s MiniLM embedding, {day['chunks']} chunks)"
        )

    day = _get(r, "scale", "incremental_day")
    target = _measured(
        "incremental day at 100k",
        "one 50-paper day into the 100k store <= 2x its embedding time",
        day,
        measure,
        lambda d: d["ratio_to_embedding"] <= 2.0,
    )
    return (
        _at_scale(_get(r, "scale", "retrieval", "papers"), SCALE_PAPERS, target) if day else target
    )


CHECKS: tuple[Callable[[dict[str, Any]], Target], ...] = (
    safe_llama_speed,
    ingest_throughput,
    full_corpus_memory,
    reingest,
    retrieval_10k,
    warm_ask,
    cold_ask,
    baseline_hits,
    baseline_ttft,
    scale_cold_archive,
    scale_cold_synthetic,
    scale_rss,
    scale_retrieval,
    scale_incremental,
)


def check_targets(results: dict[str, Any]) -> list[Target]:
    return [check(results) for check in CHECKS]
