"""`feedqa eval`: the offline evaluation suite (retrieval, answers, citations, abstention,
injection, TL;DRs, cost), written to FEEDQA_HOME/evals/<run-id>/ and compared with the last run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from assistant.cli_common import handle_errors, print_json
from assistant.config import Settings

DEFAULT_DATASETS = ("sample_feed", "api_day", "injection")
# Question sets over archive days, run on request (the runner extracts their days).
DATASET_CHOICES = (*DEFAULT_DATASETS, "claim_questions", "lead_questions")


@click.command(name="eval")
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="dev",
    show_default=True,
    help="Which questions to run.",
)
@click.option(
    "--slice",
    "slice_n",
    type=click.IntRange(1),
    default=None,
    help="Run about N questions, stratified by feed and kind (fast).",
)
@click.option(
    "--datasets",
    "datasets",
    default=",".join(DEFAULT_DATASETS),
    show_default=True,
    help="Comma-separated datasets from evals/datasets/.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the run here instead of FEEDQA_HOME/evals/<run-id>/.",
)
@click.option(
    "--feeds-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The shared real feeds (default: ../shared/feeds by the checkout).",
)
@click.option(
    "--backend",
    type=click.Choice(["embedded", "openai", "fake"]),
    default=None,
    help="LLM backend (default: the configured one).",
)
@click.option("--retrieval-only", is_flag=True, help="Only the retrieval metrics; no LLM.")
@click.option(
    "--tldr-papers",
    type=click.IntRange(0),
    default=None,
    help="TL;DRs to write and check, from evals/datasets/tldr_api.jsonl "
    "(default: the whole split, 8 sliced).",
)
@click.option(
    "--gate",
    is_flag=True,
    help="Exit 1 when a metric breaks evals/thresholds.toml; "
    "without --slice, runs the gate's own slice.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.pass_obj
@handle_errors
def eval_cmd(
    settings: Settings,
    split: str,
    slice_n: int | None,
    datasets: str,
    out_dir: Path | None,
    feeds_dir: Path | None,
    backend: str | None,
    retrieval_only: bool,
    tldr_papers: int | None,
    gate: bool,
    as_json: bool,
) -> None:
    """Run the evaluation suite and write report.json, report.md and charts."""
    from evals.gate import gate_options, load_thresholds
    from evals.report import new_run_id, write_report
    from evals.runner import EvalOptions, run_eval

    if backend:
        settings = settings.model_copy(update={"llm_backend": backend})
    options = EvalOptions(
        split=split,
        slice_n=slice_n,
        datasets=_datasets(datasets),
        feeds_dir=feeds_dir,
        answers=not retrieval_only,
        tldr_papers=0 if retrieval_only else tldr_papers,
    )
    if gate and slice_n is None:
        options = gate_options(load_thresholds(), feeds_dir, answers=not retrieval_only)
    history = settings.evals_dir
    target = out_dir or history / new_run_id(history)
    run = run_eval(settings, options, progress=_progress if sys.stderr.isatty() else None)
    report = write_report(run, target, history)
    if as_json:
        print_json({"dir": str(target), "metrics": report["metrics"], "gate": report["gate"]})
    else:
        click.echo(summary(report, target))
    if gate and not report["gate"]["passed"]:
        sys.exit(1)


def _datasets(text: str) -> tuple[str, ...]:
    from assistant.errors import UsageError

    names = tuple(n.strip() for n in text.split(",") if n.strip())
    unknown = [n for n in names if n not in DATASET_CHOICES]
    if unknown or not names:
        raise UsageError(f"unknown dataset(s) {unknown}; choose from {', '.join(DATASET_CHOICES)}")
    return names


def _progress(done: int, total: int, result: Any) -> None:
    mark = "!" if result.error else ("." if not result.abstained else "a")
    click.echo(f"\r{done}/{total} {result.id} {mark}  ", nl=False, err=True)
    if done == total:
        click.echo(err=True)


def summary(report: dict[str, Any], target: Path) -> str:
    """A few lines for the terminal: headline metrics, acceptance, gate, where the report is."""
    from evals.report import fmt, fmt_delta

    metrics, deltas = report["metrics"], report["deltas"]
    lines = [f"{report['n_questions']} questions in {report['seconds']} s"]
    for name, value in metrics.items():
        if value is not None:
            lines.append(f"  {name:<32} {fmt(name, value):>8} {fmt_delta(name, deltas.get(name))}")
    for row in report["acceptance"]:
        met = {True: "met", False: "NOT met", None: "not measured"}[row["met"]]
        lines.append(f"  target: {row['target']} {row['op']} {row['bound']}: {met}")
    gate = report["gate"]
    lines.append(
        "  gate: " + ("passes" if gate["passed"] else "FAILS: " + "; ".join(gate["breaches"]))
    )
    lines.append(f"report: {target / 'report.md'}")
    return "\n".join(lines)
