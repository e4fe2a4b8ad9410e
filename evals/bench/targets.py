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
    goal = f"all 9.6k papers in one run, peak RSS < {RSS_LIMIT_MB} MB"
    first = _get(r, "ingest", "archive", "first")
    if not first:
        return Target("full corpus ingest memory", goal, "not measured", "n/a")
    measured = (
        f"{first['peak_rss_mb']:.0f} MB peak, {first['papers']} papers, "
        f"{first['store_papers']} stored, {first['feed_errors']} malformed days"
    )
    if first["papers"] < FULL_CORPUS_PAPERS:
        return Target("full corpus ingest memory", goal, measured + " (subset)", "n/a")
    return Target(
        "full corpus ingest memory", goal, measured, _status(first["peak_rss_mb"] < RSS_LIMIT_MB)
    )


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


def warm_ask(r: dict[str, Any]) -> Target:
    goal = "first token p50 < 3 s"
    first = _get(r, "query", "ask_warm", "first_token")
    if not first:
        return Target("warm ask", goal, "not measured", "n/a")
    measured = f"p50 {first['p50_ms'] / 1000:.2f} s, p95 {first['p95_ms'] / 1000:.2f} s"
    return Target("warm ask", goal, measured, _status(first["p50_ms"] < 3000))


def cold_ask(r: dict[str, Any]) -> Target:
    goal = "process start to first token p50 < 6 s"
    first = _get(r, "query", "ask_cold", "first_byte")
    if not first:
        return Target("cold `feedqa ask`", goal, "not measured", "n/a")
    measured = f"p50 {first['p50_ms'] / 1000:.2f} s, max {first['max_ms'] / 1000:.2f} s"
    return Target("cold `feedqa ask`", goal, measured, _status(first["p50_ms"] < 6000))


def baseline_hits(r: dict[str, Any]) -> Target:
    goal = "hit@5 ahead of the llama-index baseline"
    hits = _get(r, "baseline", "hit@5")
    if not hits:
        return Target("hit@5 vs baseline", goal, "not measured", "n/a")
    ok = hits["ours"] > hits["baseline"] or hits["ours"] == hits["baseline"] == 1.0
    measured = f"{hits['ours']:.3f} vs {hits['baseline']:.3f} ({hits['questions']} dev questions)"
    return Target("hit@5 vs baseline", goal, measured, _status(ok))


def baseline_ttft(r: dict[str, Any]) -> Target:
    goal = "time to first token ahead of the baseline"
    ttft = _get(r, "baseline", "ttft")
    if not ttft:
        return Target("first token vs baseline", goal, "not measured", "n/a")
    ours, base = ttft["ours_first_token"]["p50_ms"], ttft["baseline_first_token"]["p50_ms"]
    measured = (
        f"p50 {ours / 1000:.2f} s vs {base / 1000:.2f} s ({ttft['ours_vs_baseline_p50']:.2f}x)"
    )
    return Target("first token vs baseline", goal, measured, _status(ours < base))


def safe_llama_speed(r: dict[str, Any]) -> Target:
    """The default (extra buffer types off, AMX-safe) against llama.cpp's extra buffer types."""
    goal = "extra buffer types off: <= 5% slower than on, prefill and decode"
    off, on = _get(r, "limits", "llm"), _get(r, "limits", "llm_extra_bufts")
    if not off or "crashed" in off:
        return Target(
            "AMX-safe llama.cpp speed", goal, "the default crashed or was not run", "MISS"
        )
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


def scale_cold_archive(r: dict[str, Any]) -> Target:
    goal = "cold ask at 9.6k papers <= 1.3x the 46-paper store (index cost only)"
    case = _scale_case(r, "archive")
    if not case:
        return Target("cold ask at 9.6k", goal, "not measured", "n/a")
    measured = f"{case['vs_sample']:.2f}x ({case['wall_p50_s']:.2f} s, {case['papers']} papers)"
    target = Target("cold ask at 9.6k", goal, measured, _status(case["vs_sample"] <= 1.3))
    return _at_scale(case["papers"], FULL_CORPUS_PAPERS, target)


def scale_cold_synthetic(r: dict[str, Any]) -> Target:
    goal = "cold ask at 100k papers <= 1.6x the 46-paper store (index cost only)"
    case = _scale_case(r, "synthetic")
    if not case:
        return Target("cold ask at 100k", goal, "not measured", "n/a")
    measured = f"{case['vs_sample']:.2f}x ({case['wall_p50_s']:.2f} s, {case['papers']} papers)"
    target = Target("cold ask at 100k", goal, measured, _status(case["vs_sample"] <= 1.6))
    return _at_scale(case["papers"], SCALE_PAPERS, target)


def scale_rss(r: dict[str, Any]) -> Target:
    goal = f"cold ask peak RSS at 100k papers < {SCALE_RSS_MB} MB"
    case = _scale_case(r, "synthetic")
    if not case:
        return Target("cold ask memory at 100k", goal, "not measured", "n/a")
    measured = f"{case['peak_rss_mb']:.0f} MB ({case['papers']} papers)"
    target = Target("cold ask memory at 100k", goal, measured,
                    _status(case["peak_rss_mb"] < SCALE_RSS_MB))  # fmt: skip
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
    goal = "one 50-paper day into the 100k store <= 2x its embedding time"
    day = _get(r, "scale", "incremental_day")
    papers = _get(r, "scale", "retrieval", "papers")
    if not day:
        return Target("incremental day at 100k", goal, "not measured", "n/a")
    measured = (
        f"{day['ratio_to_embedding']:.2f}x ({day['index_cost_s']:.2f} s index cost + "
        f"{day['minilm_embed_s']:.2f} s MiniLM embedding, {day['chunks']} chunks)"
    )
    target = Target("incremental day at 100k", goal, measured,
                    _status(day["ratio_to_embedding"] <= 2.0))  # fmt: skip
    return _at_scale(papers, SCALE_PAPERS, target)


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
