"""bench.md: the targets with PASS/MISS, then one table per section."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

STORE_LABELS = {"sample": "sample feed", "small": "archive subset", "archive": "archive"}


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"


def header(results: dict[str, Any]) -> list[str]:
    run = results["run"]
    return [
        f"# feedqa benchmark `{run['id']}`",
        "",
        f"{run['mode']} run · {run['started']} · {run['cpus']} CPUs · load average (1 min) "
        f"{run['load_start']} at start, {run['load_end']} at end (max {run['load_max']}) · "
        f"{run['seconds'] / 60:.1f} min",
        "",
    ]


def targets_table(results: dict[str, Any]) -> list[str]:
    rows = [(t["name"], t["goal"], t["measured"], f"**{t['status']}**") for t in results["targets"]]
    return ["## Targets", "", *table(("Target", "Goal", "Measured", "Result"), rows)]


def limits_table(s: dict[str, Any]) -> list[str]:
    e, llm = s["embedder"], s["llm"]
    rows = [
        (
            "MiniLM int8, ONNX Runtime alone",
            f"{e['chunks_per_s']} chunks/s · {e['tokens_per_s']:.0f} tokens/s",
            f"{e['chunks']} chunks of {e['papers']} papers, batch {e['batch_size']}, ingest order",
        ),
        (
            "MiniLM via MiniLMEmbedder.embed",
            f"{e['embed_call_chunks_per_s']} chunks/s",
            "same batches, tokenizer + pooling included",
        ),
        (
            f"{llm['model']} prefill, llama.cpp alone",
            f"{llm['prefill_tokens_per_s']:.0f} tokens/s",
            f"{llm['prefill_tokens']} prompt tokens, max_tokens=1, best of 3",
        ),
        (
            f"{llm['model']} decode, llama.cpp alone",
            f"{llm['decode_tokens_per_s']:.0f} tokens/s",
            f"{llm['decode_tokens']} tokens, {llm['threads']} threads, best of 3",
        ),
        extra_bufts_row(s.get("llm_extra_bufts")),
    ]
    return table(("Model", "Speed", "On"), rows)


def extra_bufts_row(figures: dict[str, Any] | None) -> tuple[str, str, str]:
    """llama.cpp with its extra buffer types (feedqa's default turns them off)."""
    name = "same, llama.cpp extra buffer types on"
    if not figures:
        return (name, "not run", "")
    if "crashed" in figures:
        return (name, f"crashed ({figures['crashed']})", "llama.cpp#20824 on AMX CPUs")
    speed = (
        f"prefill {figures['prefill_tokens_per_s']:.0f} · "
        f"decode {figures['decode_tokens_per_s']:.0f} tokens/s"
    )
    return (name, speed, "the comparison for the 5% target")


def ingest_table(s: dict[str, Any]) -> list[str]:
    rows = []
    for store, case in s.items():
        f, again = case["first"], case["reingest"]
        rows.append(
            (
                STORE_LABELS.get(store, store)
                + (" (first ingest kept)" if f.get("reused") else ""),
                f["papers"],
                f["chunks"],
                f"{f['pipeline_seconds']:.1f} s / {f['wall_seconds']:.1f} s",
                f"{f['papers_per_s']} ({f['papers_per_s_wall']} wall)",
                f["chunks_per_s"],
                f"{case['vs_raw_embedder']:.0%}",
                f"{again['wall_seconds']:.1f} s",
                f"{case['reingest_ratio_wall']:.1%}",
                f"{f['peak_rss_mb']:.0f} MB",
            )
        )
    head = (
        "Feed",
        "Papers",
        "Chunks",
        "Time (pipeline / wall)",
        "Papers/s",
        "Chunks/s",
        "vs raw embedder",
        "Re-ingest (wall)",
        "Re-ingest ÷ first",
        "Peak RSS",
    )
    return table(head, rows)


def query_table(s: dict[str, Any]) -> list[str]:
    rows = [
        (
            f"retrieve k=5, {STORE_LABELS.get(name, name)}",
            f"{r['papers']} papers / {r['chunks']} chunks",
            ms(r["p50_ms"]),
            ms(r["p95_ms"]),
            f"{r['n']} questions; first query (builds the index) {ms(r['first_query_ms'])}",
        )
        for name, r in s["retrieval"].items()
    ]
    warm, cold = s["ask_warm"], s["ask_cold"]
    rows += [
        (
            "ask warm: first answer text",
            "sample feed",
            ms(warm["first_token"]["p50_ms"]),
            ms(warm["first_token"]["p95_ms"]),
            f"{warm['first_token']['n']} questions; first model "
            f"token p50 {ms(warm['first_model_token_p50_ms'])}; prompt p50 "
            f"{warm['prompt_tokens_p50']:.0f} tokens",
        ),
        (
            "ask warm: whole answer",
            "sample feed",
            ms(warm["total"]["p50_ms"]),
            ms(warm["total"]["p95_ms"]),
            "paths: " + ", ".join(warm["paths"]),
        ),
        (
            "ask cold (`feedqa ask` process): first byte",
            "sample feed",
            ms(cold["first_byte"]["p50_ms"]),
            ms(cold["first_byte"]["p95_ms"]),
            f"{cold['first_byte']['n']} runs; whole process p50 {ms(cold['total']['p50_ms'])}",
        ),
    ]
    return table(("Measure", "Store", "p50", "p95", "Notes"), rows)


def tldr_table(s: dict[str, Any]) -> list[str]:
    if s.get("status") != "ok":
        return [f"n/a: {s.get('note', '')}", ""]
    rows = [
        (
            "cold (fresh cache)",
            f"{s['cold_seconds_per_paper']:.2f} s/paper",
            f"{s['papers']} papers, {s['llm_calls']} LLM calls, {s['model_tldrs']} model / "
            f"{s['extractive_tldrs']} extractive",
        ),
        (
            "cached re-run",
            f"{s['cached_seconds_per_paper'] * 1000:.2f} ms/paper",
            f"{s['cache_hits']} cache hits",
        ),
    ]
    return table(("Run", "Time", "Notes"), rows)


def memory_table(s: dict[str, Any]) -> list[str]:
    rows = [
        (
            "`feedqa ingest` (archive)",
            f"{s['ingest_peak_rss_mb']:.0f} MB",
            f"{s['ingest_papers']} papers",
        ),
        ("`feedqa ask` (cold process)", f"{s['ask_peak_rss_mb']:.0f} MB", "sample feed"),
    ]
    chat = s["chat"]
    if "after_questions_peak_rss_mb" in chat:
        rows += [
            (
                "`feedqa chat` after warm-up",
                f"{chat['after_warm_up_peak_rss_mb']:.0f} MB",
                f"ready in {chat['ready_seconds']} s",
            ),
            (
                "`feedqa chat` after questions",
                f"{chat['after_questions_peak_rss_mb']:.0f} MB",
                f"{chat['questions']} questions, answer p50 {ms(chat['answer']['p50_ms'])}",
            ),
        ]
    else:
        rows.append(("`feedqa chat`", "n/a", chat.get("note", "")))
    return table(("Process", "Peak RSS", "Notes"), rows)


def baseline_table(s: dict[str, Any]) -> list[str]:
    rows = []
    for store, ing in s["ingest"].items():
        rows.append(
            (
                f"ingest papers/s, {STORE_LABELS.get(store, store)} ({ing['papers']} papers)",
                ing["ours_papers_per_s"],
                ing["papers_per_s"],
                f"{ing['ours_vs_baseline']:.2f}x ({ing['ours_chunks']} vs "
                f"{ing['vectors']} vectors)",
            )
        )
    hits, ttft = s["hit@5"], s["ttft"]
    rows.append(
        (
            f"hit@5, {hits['questions']} dev questions",
            hits["ours"],
            hits["baseline"],
            f"{hits['ours'] - hits['baseline']:+.3f}",
        )
    )
    ours, base = ttft["ours_first_token"], ttft["baseline_first_token"]
    rows.append(
        (
            "first token p50 (warm)",
            ms(ours["p50_ms"]),
            ms(base["p50_ms"]),
            f"{ttft['ours_vs_baseline_p50']:.2f}x",
        )
    )
    rows.append(
        (
            "whole answer p50 (warm)",
            ms(ttft["ours_total"]["p50_ms"]),
            ms(ttft["baseline_total"]["p50_ms"]),
            "",
        )
    )
    return table(("Measure", "feedqa", "llama-index baseline", "feedqa vs baseline"), rows)


def scale_table(s: dict[str, Any]) -> list[str]:
    rows = [
        (
            f"cold `feedqa ask`, {name}",
            f"{r['papers']} papers / {r['chunks']} chunks",
            f"{r['wall_p50_s']:.2f} s",
            f"{r['vs_sample']:.2f}x",
            f"peak RSS {r['peak_rss_mb']:.0f} MB; {r['wall']['n']} runs",
        )
        for name, r in s["cold_ask"].items()
    ]
    ret, day = s["retrieval"], s["incremental_day"]
    rows.append(
        (
            "retrieve k=5",
            f"{ret['papers']} papers / {ret['chunks']} chunks",
            f"p50 {ms(ret['p50_ms'])}",
            f"p95 {ms(ret['p95_ms'])}",
            f"{ret['n']} questions; first query {ms(ret['first_query_ms'])}",
        )
    )
    rows.append(
        (
            "ingest one new day",
            f"{day['papers']} papers / {day['chunks']} chunks",
            f"{day['index_cost_s']:.2f} s index cost",
            f"{day['ratio_to_embedding']:.2f}x",
            f"vs MiniLM embedding {day['minilm_embed_s']:.2f} s; "
            f"base rebuilt: {day['base_rebuilt']}",
        )
    )
    note = (
        f"Synthetic corpus: the archive's papers x {s['variants']} variants "
        "(evals/bench/scale.py says how they are made)."
    )
    return [note, "", *table(("Measure", "Store", "Time", "Ratio", "Notes"), rows)]


SECTION_TABLES: dict[str, tuple[str, Callable[[dict[str, Any]], list[str]]]] = {
    "limits": ("Limits: raw models on this machine", limits_table),
    "ingest": ("Ingest: `feedqa ingest`, fresh process and store", ingest_table),
    "query": ("Query", query_table),
    "tldr": ("TL;DR", tldr_table),
    "memory": ("Memory", memory_table),
    "baseline": ("Baseline: plain llama-index, same models", baseline_table),
    "scale": ("Scale (index cost only: fake embedder and fake LLM)", scale_table),
}


def render(results: dict[str, Any]) -> str:
    lines = header(results) + targets_table(results)
    for key, (title, render_section) in SECTION_TABLES.items():
        section = results.get(key)
        if section is None:
            continue
        lines += [f"## {title}", ""]
        if "error" in section:
            lines += [f"section failed: `{section['error']}`", ""]
            continue
        lines += render_section(section)
    return "\n".join(lines)
