"""Writing a run out: report.json, report.md and PNG charts, compared with the previous run."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.gate import Thresholds, check, load_thresholds
from evals.metrics import DEFINITIONS, Metrics, QuestionResult, percentile

if TYPE_CHECKING:
    from evals.runner import EvalRun

REPORT_JSON, REPORT_MD = "report.json", "report.md"
KIND_CHART, LATENCY_CHART = "per_kind.png", "latency.png"
# The acceptance targets, judged on the sample-feed questions of the run.
ACCEPTANCE_FEED = "sample"
ACCEPTANCE: tuple[tuple[str, str, float, str], ...] = (
    ("answers.gold_cited", ">=", 0.90, "gold paper cited (single-fact)"),
    ("answers.key_fact_accuracy", ">=", 0.80, "key fact in the answer (answerable)"),
    ("answers.key_fact_first_sentence", ">=", 0.90, "key fact in the first sentence (single-fact)"),
    ("abstention.unanswerable_rate", ">=", 0.90, "unanswerable questions abstained"),
    ("abstention.false_rate", "<=", 0.05, "answerable questions abstained"),
)
KIND_CHART_METRICS = (
    ("retrieval.hit@5", "hit@5"),
    ("retrieval.mrr", "MRR"),
    ("answers.key_fact_accuracy", "key-fact acc."),
    ("injection.key_fact_accuracy", "key-fact acc."),
    ("answers.gold_cited", "gold cited"),
    ("citations.precision", "cit. precision"),
    ("citations.recall", "cit. recall"),
    ("abstention.unanswerable_rate", "abstained"),
    ("abstention.false_rate", "abstained"),
)


def new_run_id(root: Path) -> str:
    """A sortable, unused run id: the UTC time, with a suffix if that second is taken."""
    base = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    run_id, n = base, 1
    while (root / run_id).exists():
        n += 1
        run_id = f"{base}-{n}"
    return run_id


def write_report(
    run: EvalRun, out_dir: Path, history_dir: Path, thresholds: Thresholds | None = None
) -> dict[str, Any]:
    """Write report.json, report.md and the charts into ``out_dir``; return the report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = find_previous(history_dir, run, exclude=out_dir)
    report = build_report(run, out_dir.name, previous, thresholds or load_thresholds())
    report["charts"] = write_charts(report, run.results, out_dir)
    text = json.dumps(report, indent=2, ensure_ascii=False, default=str)
    (out_dir / REPORT_JSON).write_text(text + "\n", encoding="utf-8")
    (out_dir / REPORT_MD).write_text(render_markdown(report), encoding="utf-8")
    return report


def build_report(
    run: EvalRun, run_id: str, previous: dict[str, Any] | None, thresholds: Thresholds
) -> dict[str, Any]:
    """The report.json object."""
    sample = run.by_feed.get(ACCEPTANCE_FEED, {})
    return {
        "run_id": run_id,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "scope": run.options.scope(),
        "config": run.config,
        "seconds": run.seconds,
        "n_questions": len(run.results),
        "metrics": run.metrics,
        "definitions": {k: d.definition for k, d in DEFINITIONS.items()},
        "by_kind": run.by_kind,
        "by_feed": run.by_feed,
        "acceptance": acceptance(sample),
        "gate": gate_section(run.metrics, thresholds),
        "previous": _previous_ref(previous),
        "deltas": deltas(run.metrics, previous["metrics"]) if previous else {},
        "tldr": run.tldr,
        "claims": run.claims,
        "skipped_feeds": run.skipped_feeds,
        "dataset_problems": run.problems,
        "questions": [r.to_json() for r in run.results],
    }


def _previous_ref(previous: dict[str, Any] | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    return {
        "run_id": previous.get("run_id"),
        "created": previous.get("created"),
        "metrics": previous.get("metrics", {}),
    }


def find_previous(history_dir: Path, run: EvalRun, exclude: Path) -> dict[str, Any] | None:
    """The newest earlier report with the same scope and backend/model, if any."""
    want = (run.options.scope(), run.config.get("backend"), run.config.get("model"))
    for path in sorted(history_dir.glob(f"*/{REPORT_JSON}"), reverse=True):
        if path.parent.resolve() == exclude.resolve():
            continue
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        config = old.get("config", {})
        if (old.get("scope"), config.get("backend"), config.get("model")) == want:
            return dict(old)
    return None


def deltas(current: Metrics, previous: dict[str, Any]) -> dict[str, float | None]:
    """Current minus previous value for every metric measured in both runs."""
    out: dict[str, float | None] = {}
    for name, value in current.items():
        old = previous.get(name)
        out[name] = None if value is None or old is None else round(value - float(old), 6)
    return out


def acceptance(metrics: Metrics) -> list[dict[str, Any]]:
    """The issue's acceptance targets against the sample-feed metrics."""
    rows = []
    for metric, op, bound, label in ACCEPTANCE:
        value = metrics.get(metric)
        met = None if value is None else (value >= bound if op == ">=" else value <= bound)
        rows.append(
            {
                "target": label,
                "metric": metric,
                "op": op,
                "bound": bound,
                "value": value,
                "met": met,
            }
        )
    return rows


def gate_section(metrics: Metrics, thresholds: Thresholds) -> dict[str, Any]:
    breaches = check(metrics, thresholds)
    return {
        "passed": not breaches,
        "breaches": [str(b) for b in breaches],
        "floors": thresholds.floors,
        "ceilings": thresholds.ceilings,
    }


# --- markdown -----------------------------------------------------------------------------


def fmt(metric: str, value: Any) -> str:
    """A metric value for humans: ratios to 3 places, ms and tokens to whole numbers."""
    if value is None:
        return "–"
    definition = DEFINITIONS.get(metric)
    unit = definition.unit if definition else "ratio"
    if unit == "ratio":
        return f"{value:.3f}"
    if unit == "s":
        return f"{value:.2f}"
    return f"{value:,.0f}"


def fmt_delta(metric: str, delta: float | None) -> str:
    if delta is None:
        return ""
    definition = DEFINITIONS.get(metric)
    better = delta > 0 if (definition is None or definition.higher_is_better) else delta < 0
    mark = "" if abs(delta) < 1e-9 else (" ▲" if better else " ▼")
    return (
        f"{delta:+.3f}" if not definition or definition.unit == "ratio" else f"{delta:+,.0f}"
    ) + mark


def render_markdown(report: dict[str, Any]) -> str:
    """report.md: metrics with deltas, acceptance targets, per-kind table, gate, failures."""
    sections = [
        _md_header(report),
        _md_metrics(report),
        _md_acceptance(report),
        _md_groups("By kind", report["by_kind"]),
        _md_groups("By feed", report["by_feed"]),
        _md_gate(report),
        _md_tldr(report),
        _md_claims(report.get("claims") or {}),
        _md_failures(report),
        _md_charts(report),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _md_header(report: dict[str, Any]) -> str:
    scope, config, prev = report["scope"], report["config"], report["previous"]
    lines = [
        f"# feedqa eval {report['run_id']}",
        "",
        f"- scope: split `{scope['split']}`, slice {scope['slice'] or 'none'}, datasets "
        f"{', '.join(scope['datasets'])}{'' if scope['answers'] else ', retrieval only'}",
        f"- backend `{config.get('backend')}` model `{config.get('model')}`, embedder "
        f"`{config.get('embedder')}`, commit `{config.get('commit')}`",
        f"- {report['n_questions']} questions in {report['seconds']} s; compared with "
        + (f"run `{prev['run_id']}`" if prev else "nothing (no earlier run with this scope)"),
    ]
    for feed, why in report["skipped_feeds"].items():
        lines.append(f"- **skipped feed `{feed}`**: {why}")
    for problem in report["dataset_problems"]:
        lines.append(f"- dataset problem: {problem}")
    return "\n".join(lines)


def _md_metrics(report: dict[str, Any]) -> str:
    prev = (report["previous"] or {}).get("metrics", {})
    lines = [
        "## Metrics",
        "",
        "| metric | value | previous | Δ | definition |",
        "|---|---|---|---|---|",
    ]
    for name, value in report["metrics"].items():
        delta = fmt_delta(name, report["deltas"].get(name))
        definition = report["definitions"].get(name, "")
        old = fmt(name, prev.get(name))
        lines.append(f"| `{name}` | {fmt(name, value)} | {old} | {delta} | {definition} |")
    return "\n".join(lines)


def _md_acceptance(report: dict[str, Any]) -> str:
    split = report["scope"]["split"]
    lines = [
        f"## Issue acceptance targets (feed `{ACCEPTANCE_FEED}`, split `{split}`)",
        "",
        "| target | value | bound | met |",
        "|---|---|---|---|",
    ]
    for row in report["acceptance"]:
        met = {True: "yes", False: "**no**", None: "–"}[row["met"]]
        value = fmt(row["metric"], row["value"])
        lines.append(f"| {row['target']} | {value} | {row['op']} {row['bound']} | {met} |")
    return "\n".join(lines)


GROUP_COLUMNS = (
    ("retrieval.hit@1", "hit@1"),
    ("retrieval.hit@5", "hit@5"),
    ("retrieval.mrr", "MRR"),
    ("answers.key_fact_accuracy", "key-fact acc"),
    ("answers.precision", "precision"),
    ("answers.gold_cited", "gold cited"),
    ("answers.key_fact_first_sentence", "fact 1st sent."),
    ("answers.model_lead_rate", "model leads"),
    ("citations.precision", "cit P"),
    ("citations.recall", "cit R"),
    ("abstention.unanswerable_rate", "abstain (unans.)"),
    ("abstention.false_rate", "false abstain"),
    ("injection.leak_rate", "leak"),
    ("injection.key_fact_accuracy", "inj. key-fact"),
)


def _md_groups(title: str, groups: dict[str, Metrics]) -> str:
    if not groups:
        return ""
    header = "| group | n | " + " | ".join(label for _, label in GROUP_COLUMNS) + " |"
    lines = [f"## {title}", "", header, "|---" * (len(GROUP_COLUMNS) + 2) + "|"]
    for name, metrics in groups.items():
        cells = " | ".join(fmt(m, metrics.get(m)) for m, _ in GROUP_COLUMNS)
        lines.append(f"| {name} | {int(metrics.get('n') or 0)} | {cells} |")
    return "\n".join(lines)


def _md_gate(report: dict[str, Any]) -> str:
    gate = report["gate"]
    status = "passes" if gate["passed"] else "**fails**"
    lines = ["## CI gate (evals/thresholds.toml)", "", f"This run {status} the floors/ceilings."]
    lines += [f"- {b}" for b in gate["breaches"]]
    return "\n".join(lines)


def _md_checker(m: dict[str, Any]) -> str:
    if not m.get("tldr.checker_labelled"):
        return ""
    return (
        f"\n\nThe checker on all {m['tldr.checker_labelled']} labelled lines of the split "
        f"(every pipeline's): passes {m['tldr.checker_passed']}, of which "
        f"{fmt('tldr.checker_precision', m['tldr.checker_precision'])} are usable; passes "
        f"{fmt('tldr.checker_recall', m['tldr.checker_recall'])} of the usable ones."
    )


def _md_tldr(report: dict[str, Any]) -> str:
    tldr = report.get("tldr") or {}
    if not tldr:
        return "## TL;DRs\n\nNot measured in this run."
    if "note" in tldr:
        return f"## TL;DRs\n\n{tldr['note']}"
    m = tldr["metrics"]
    usable = "no line of this run carries a label"
    if m.get("tldr.labelled"):
        rate = fmt("tldr.usable_rate", m["tldr.usable_rate"])
        usable = (
            f"usable (by reading the abstract) {rate} of {m['tldr.labelled']} labelled "
            "lines, "
            f"{fmt('tldr.usable_rate_passed', m['tldr.usable_rate_passed'])} of those the "
            "checker passes"
        )
    return (
        f"## TL;DRs\n\n{tldr['papers']} papers of the TL;DR set's {tldr.get('split', 'dev')} "
        f"days (model TL;DRs), {tldr['llm_calls']} LLM calls in {tldr['seconds']} s: "
        f"{fmt('tldr.seconds_per_paper', m['tldr.seconds_per_paper'])} s per paper, "
        f"content-word recall of ai_summary {fmt('tldr.recall', m['tldr.recall'])} "
        f"(model lines {fmt('tldr.model_recall', m['tldr.model_recall'])}), pass rate "
        f"{fmt('tldr.pass_rate', m['tldr.pass_rate'])}, extractive fallbacks "
        f"{fmt('tldr.extractive_rate', m['tldr.extractive_rate'])}; {usable}.{_md_checker(m)}"
    )


def _md_claims(section: dict[str, Any]) -> str:
    """The report.md section: one confusion matrix per labelled claim set."""
    if not section.get("sets"):
        return ""
    parts = [f"## Answer checker on the labelled claim sets ({section['split']} split)"]
    for name, result in section["sets"].items():
        rows = [
            f"| {label} | {row['kept']} | {row['dropped']} |"
            for label, row in result["matrix"].items()
        ]
        parts.append(
            f"`{name}.jsonl`: {result['n']} sentences; precision (kept that are SUPPORTED) "
            f"{_pct(result['precision'])}, recall (SUPPORTED kept) {_pct(result['recall'])}.\n\n"
            "| label | kept | dropped |\n|---|---|---|\n" + "\n".join(rows)
        )
    return "\n\n".join(parts)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def failure_reasons(q: dict[str, Any]) -> list[str]:
    """Why a question counts against a metric, in words, for the tuning table."""
    reasons = []
    if q.get("error"):
        reasons.append(f"error: {q['error']}")
    if q["gold_ids"] and (q["rank"] is None or q["rank"] > 5):
        reasons.append(f"gold not in top 5 (rank {q['rank']})")
    if q["answered"]:
        reasons += _answer_reasons(q)
    return reasons


def _answer_reasons(q: dict[str, Any]) -> list[str]:
    reasons = []
    answerable = q["kind"] in ("single_fact", "multi_paper", "injection")
    if answerable and q["abstained"]:
        reasons.append("abstained")
    elif answerable and q["key_facts_missing"]:
        reasons.append(f"missing key facts {q['key_facts_missing']}")
    if q["kind"] == "unanswerable" and not q["abstained"]:
        reasons.append("answered an unanswerable question")
    if (
        q["kind"] == "single_fact"
        and not q["abstained"]
        and not set(q["gold_ids"]) & set(q["cited_ids"])
    ):
        reasons.append("gold paper not cited")
    if q["leaked"]:
        reasons.append(f"LEAKED {q['leaked']}")
    if q["unsupported"]:
        reasons.append(f"{len(q['unsupported'])} unsupported sentence(s)")
    return reasons


def _md_failures(report: dict[str, Any]) -> str:
    rows = [(q, failure_reasons(q)) for q in report["questions"]]
    rows = [(q, r) for q, r in rows if r]
    if not rows:
        return "## Questions that missed\n\nNone."
    lines = [
        "## Questions that missed",
        "",
        "| id | kind | path | why | answer |",
        "|---|---|---|---|---|",
    ]
    for q, reasons in rows:
        answer = " ".join(q["answer"].split())[:160].replace("|", "\\|")
        lines.append(f"| {q['id']} | {q['kind']} | {q['path']} | {'; '.join(reasons)} | {answer} |")
    return "\n".join(lines)


def _md_charts(report: dict[str, Any]) -> str:
    return "\n".join(["## Charts", ""] + [f"![{name}]({name})" for name in report["charts"]])


# --- charts -------------------------------------------------------------------------------


def write_charts(report: dict[str, Any], results: list[QuestionResult], out_dir: Path) -> list[str]:
    """The per-kind bar chart and the latency histogram (matplotlib, Agg, imported here)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    written = [KIND_CHART]
    _kind_chart(plt, report["by_kind"], out_dir / KIND_CHART)
    totals = [r.timings_ms["total"] for r in results if "total" in r.timings_ms]
    if totals:
        firsts = [r.timings_ms["first_token"] for r in results if "first_token" in r.timings_ms]
        _latency_chart(plt, totals, firsts, out_dir / LATENCY_CHART)
        written.append(LATENCY_CHART)
    return written


def _kind_chart(plt: Any, by_kind: dict[str, Metrics], path: Path) -> None:
    kinds = list(by_kind)
    labels = list(dict.fromkeys(label for _, label in KIND_CHART_METRICS))
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / max(len(labels), 1)
    for i, label in enumerate(labels):
        values = [_kind_value(by_kind[k], label) for k in kinds]
        xs = [j + i * width for j in range(len(kinds))]
        ax.bar(xs, [v if v is not None else 0 for v in values], width, label=label)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(kinds))], kinds)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("share")
    ax.set_title("Scores per question kind")
    ax.legend(fontsize=8, ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.08))
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _kind_value(metrics: Metrics, label: str) -> float | None:
    for metric, name in KIND_CHART_METRICS:
        if name == label and metrics.get(metric) is not None:
            return metrics[metric]
    return None


def _latency_chart(plt: Any, totals: list[float], firsts: list[float], path: Path) -> None:
    series = {"total": totals, "first token": firsts}
    series = {name: [v / 1000 for v in values] for name, values in series.items() if values}
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.hist(list(series.values()), bins=min(30, max(5, len(totals) // 2)), label=list(series))
    for name, values in series.items():
        p50, p95 = percentile(values, 50), percentile(values, 95)
        ax.axvline(p50, linestyle="--", linewidth=1, color="grey")
        ax.axvline(p95, linestyle=":", linewidth=1, color="grey")
        ax.text(p95, ax.get_ylim()[1] * 0.9, f" {name} p95", fontsize=7, rotation=90)
    ax.set_xlabel("seconds (dashed: p50, dotted: p95)")
    ax.set_ylabel("answers")
    ax.set_title("Answer latency")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
