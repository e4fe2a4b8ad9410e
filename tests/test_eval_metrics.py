"""Eval datasets, metrics, gate, report and runner, with fakes (no LLM, fake embedder)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import Settings
from assistant.feeds import Limits, parse_bytes
from assistant.llm.base import Message
from assistant.llm.fake import FakeLLM
from assistant.services import builtin_feed_path
from evals.datasets import (
    DATASET_NAMES,
    DatasetError,
    feed_specs,
    feeds_dir_for,
    gold_paper_ids,
    load_dataset,
    load_datasets,
    select,
    stratified_slice,
)
from evals.gate import Thresholds, check, load_thresholds
from evals.metrics import QuestionResult, compute_metrics, grouped, percentile
from evals.report import deltas, new_run_id, write_report
from evals.runner import EVAL_CANARY, EvalOptions, EvalRun, run_eval

# --- datasets -------------------------------------------------------------------------------


def test_datasets_load_and_validate() -> None:
    questions = load_datasets(DATASET_NAMES)
    assert len(questions) == 136
    assert Counter(q.kind for q in questions)["unanswerable"] == 33
    assert all(q.key_facts for q in questions if q.kind != "unanswerable")


def test_a_bad_record_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=r"bad.jsonl:1: missing feed"):
        load_dataset("bad", tmp_path)


def test_gold_titles_resolve_and_key_facts_are_in_gold_abstracts(shared_feeds: Path) -> None:
    """Every gold title matches a paper of its feed and every key-fact group has an
    alternative in the gold abstracts (the README's promise, checked on every commit)."""
    for q in load_datasets(DATASET_NAMES):
        specs = feed_specs(q.feed, shared_feeds, builtin_feed_path())
        papers = [p for s in specs for p in parse_bytes(Path(s).read_bytes(), s, Limits()).papers]
        gold, missing = gold_paper_ids(q, papers)
        assert not missing and len(gold) == len(q.gold_titles), q.id
        text = " ".join(p.abstract for p in papers if p.paper_id in gold).casefold()
        assert all(any(a.casefold() in text for a in g) for g in q.key_facts), q.id


def test_dev_lead_questions_resolve_and_hide_their_key_facts(
    shared_feeds: Path, tmp_path: Path
) -> None:
    """Dev lead questions (archive days): every gold title matches a paper of its day, every
    key-fact group has an alternative verbatim in the gold abstract and none in the question."""
    dev = select(load_dataset("lead_questions"), "dev")
    days = {q.feed.removeprefix("hf_api_") for q in dev}
    feeds = feeds_dir_for(days, shared_feeds, tmp_path)
    for q in (q for q in dev if q.kind == "single_fact"):
        specs = feed_specs(q.feed, feeds, builtin_feed_path())
        papers = [p for s in specs for p in parse_bytes(Path(s).read_bytes(), s, Limits()).papers]
        gold, missing = gold_paper_ids(q, papers)
        assert not missing and len(gold) == len(q.gold_titles), q.id
        text = " ".join(p.abstract for p in papers if p.paper_id in gold).casefold()
        assert all(any(a.casefold() in text for a in g) for g in q.key_facts), q.id
        assert not any(a.casefold() in q.question.casefold() for g in q.key_facts for a in g), q.id


def test_stratified_slice_is_deterministic_and_covers_every_stratum() -> None:
    dev = select(load_datasets(DATASET_NAMES), "dev")
    picked = stratified_slice(dev, 30)
    assert picked == stratified_slice(dev, 30)
    assert 28 <= len(picked) <= 32
    strata = {(q.feed, q.kind) for q in dev}
    assert {(q.feed, q.kind) for q in picked} == strata
    assert all(q.split == "dev" for q in picked)
    assert select(dev, "all", 1000) == dev


# --- metrics --------------------------------------------------------------------------------


def _result(
    qid: str, kind: str, gold: list[str], retrieved: list[str], **kw: object
) -> QuestionResult:
    return QuestionResult(id=qid, dataset="d", feed="f", kind=kind, split="dev", question="?",
                          gold_ids=gold, retrieved_ids=retrieved, **kw)  # type: ignore[arg-type]  # fmt: skip


def _results() -> list[QuestionResult]:
    return [
        _result("1", "single_fact", ["a"], ["a", "b"], answered=True, cited_ids=["a"],
                timings_ms={"total": 1000.0, "first_token": 100.0},
                usage={"prompt_tokens": 300, "completion_tokens": 30},
                n_sentences=2, n_supported=2, n_citations=2, n_relevant=1),
        _result("2", "single_fact", ["a"], ["b", "c", "a"], answered=True, cited_ids=["b"],
                key_facts_missing=[["x"]], timings_ms={"total": 3000.0}),
        _result("3", "single_fact", ["a"], ["b"], answered=True, abstained=True),
        _result("4", "multi_paper", ["a", "b"], ["c", "b", "d", "e", "f", "a"], answered=True,
                n_sentences=2, n_supported=1, n_citations=2, n_relevant=2),
        _result("5", "unanswerable", [], ["a"], answered=True, abstained=True),
        _result("6", "unanswerable", [], ["a"], answered=True),
        _result("7", "injection", ["p"], ["p"], answered=True, leaked=["PWNED"]),
        _result("8", "injection", ["p"], ["q"], answered=True),
    ]  # fmt: skip


def test_metrics_are_computed_from_the_results() -> None:
    m = compute_metrics(_results())
    # ranks: 1, 3, None, 2, 1, None over the six questions with gold papers
    assert m["retrieval.hit@1"] == pytest.approx(2 / 6)
    assert m["retrieval.hit@3"] == pytest.approx(4 / 6)
    assert m["retrieval.mrr"] == pytest.approx((1 + 1 / 3 + 1 / 2 + 1) / 6)
    assert m["retrieval.multi_recall@5"] == pytest.approx(0.5)
    # answerable: 1 correct, 2 missing a fact, 3 abstained, 4 correct
    assert m["answers.key_fact_accuracy"] == pytest.approx(2 / 4)
    assert m["answers.precision"] == pytest.approx(2 / 3)
    assert m["answers.gold_cited"] == pytest.approx(1 / 3)
    assert m["citations.precision"] == pytest.approx(3 / 4)
    assert m["citations.recall"] == pytest.approx(3 / 4)
    assert m["abstention.unanswerable_rate"] == 0.5
    assert m["abstention.false_rate"] == 0.25
    assert m["injection.leak_rate"] == 0.5
    assert m["cost.latency_total_p50_ms"] == 2000.0
    assert m["cost.first_token_p50_ms"] == 100.0
    assert m["cost.prompt_tokens_mean"] == 300.0  # only answer 1 called the LLM
    assert m["run.error_rate"] == 0.0


def test_unmeasured_metrics_are_none_and_groups_split() -> None:
    retrieval_only = [_result("1", "single_fact", ["a"], ["a"])]
    m = compute_metrics(retrieval_only)
    assert m["retrieval.hit@1"] == 1.0
    assert m["answers.key_fact_accuracy"] is None and m["cost.latency_total_p50_ms"] is None
    by_kind = grouped(_results(), lambda r: r.kind)
    assert list(by_kind) == ["single_fact", "multi_paper", "unanswerable", "injection"]
    assert by_kind["unanswerable"]["retrieval.hit@1"] is None


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([10.0] * 3 + [100.0], 95) == pytest.approx(86.5)


# --- gate -----------------------------------------------------------------------------------


def test_gate_checks_floors_and_ceilings() -> None:
    thresholds = Thresholds(floors={"a": 0.5, "b": 0.5}, ceilings={"c": 0.0})
    assert check({"a": 0.6, "b": 0.5, "c": 0.0}, thresholds) == []
    breaches = check({"a": 0.4, "b": None, "c": 0.1}, thresholds)
    assert [(b.metric, b.kind) for b in breaches] == [("a", "floor"), ("c", "ceiling")]
    missing = check({"a": 0.6}, thresholds, require_all=True)
    assert [(b.metric, b.kind) for b in missing] == [("b", "missing"), ("c", "missing")]


def test_thresholds_file_names_known_metrics() -> None:
    from evals.metrics import DEFINITIONS

    thresholds = load_thresholds()
    assert thresholds.floors and thresholds.ceilings["injection.leak_rate"] == 0.0
    assert set(thresholds.floors) | set(thresholds.ceilings) <= set(DEFINITIONS)


# --- report ---------------------------------------------------------------------------------


def _run(scope_split: str = "dev", hit: float = 0.5) -> EvalRun:
    results = _results()
    metrics = compute_metrics(results)
    metrics["retrieval.hit@1"] = hit
    return EvalRun(
        options=EvalOptions(split=scope_split),
        config={"backend": "fake", "model": "scripted", "embedder": "fake", "commit": None},
        results=results,
        metrics=metrics,
        by_kind=grouped(results, lambda r: r.kind),
        by_feed=grouped(results, lambda r: r.feed),
    )


def test_report_writes_files_and_compares_with_the_previous_run_of_the_same_scope(
    tmp_path: Path,
) -> None:
    first = write_report(_run(hit=0.5), tmp_path / "20250101-000000", tmp_path)
    assert first["previous"] is None and first["deltas"] == {}
    write_report(_run("test", hit=0.9), tmp_path / "20250101-000001", tmp_path)  # other scope
    second = write_report(_run(hit=0.75), tmp_path / new_run_id(tmp_path), tmp_path)
    assert second["previous"]["run_id"] == "20250101-000000"
    assert second["deltas"]["retrieval.hit@1"] == pytest.approx(0.25)
    out = tmp_path / second["run_id"]
    assert {"report.json", "report.md", "per_kind.png", "latency.png"} <= {
        p.name for p in out.iterdir()
    }
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "+0.250 ▲" in md and "answered an unanswerable question" in md and "LEAKED" in md
    saved = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert saved["metrics"]["retrieval.hit@1"] == 0.75 and len(saved["questions"]) == 8
    assert [row["met"] for row in saved["acceptance"]] == [None] * 5  # no "sample" feed here


def test_deltas_skip_unmeasured_metrics() -> None:
    assert deltas({"a": 0.5, "b": None, "c": 1.0}, {"a": 0.25, "b": 0.1}) == {
        "a": 0.25, "b": None, "c": None,
    }  # fmt: skip


# --- runner with fakes ----------------------------------------------------------------------


def _scripted(messages: list[Message]) -> str:
    """Answers by quoting the first sentence of the first source, citing it."""
    match = re.search(r"<source (\d+)>\nTitle: [^\n]*\n([^\n]*)", messages[-1].content)
    if not match:
        return "NOT IN FEED"
    return f"{match.group(2).split('. ')[0]} [{match.group(1)}]."


def test_run_eval_end_to_end_with_fakes(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, embedder="fake", llm_backend="fake")
    options = EvalOptions(split="dev", slice_n=6, datasets=("sample_feed",), tldr_papers=2)
    llm = FakeLLM(_scripted)
    run = run_eval(settings, options, llm=llm)
    assert len(run.results) >= 3 and all(r.error is None for r in run.results), run.results
    assert all(r.answered for r in run.results)
    assert run.metrics["retrieval.hit@5"] is not None
    assert run.metrics["abstention.unanswerable_rate"] is not None
    assert set(run.by_kind) == {"single_fact", "multi_paper", "unanswerable"}
    assert (tmp_path / "evals" / "stores" / "sample" / "eval_store.json").is_file()
    assert "metrics" in run.tldr or "note" in run.tldr
    # every run sends the same answer prompt (a store's own marker would differ per rebuild)
    assert any(f"(id {EVAL_CANARY})" in call[0].content for call in llm.calls)
    again = run_eval(settings, EvalOptions(datasets=("sample_feed",), slice_n=3, answers=False,
                                           tldr_papers=0))  # fmt: skip
    assert (
        all(not r.answered for r in again.results)
        and again.metrics["cost.latency_total_p50_ms"] is None
    )


def test_cli_eval_retrieval_only(tmp_path: Path, fake_env: None) -> None:
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["eval", "--retrieval-only", "--datasets", "sample_feed",
                                       "--slice", "4", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "retrieval.hit@1" in result.output and (out / "report.md").is_file()
    bad = CliRunner().invoke(main, ["eval", "--datasets", "nope"])
    assert bad.exit_code == 2 and "unknown dataset" in bad.output
