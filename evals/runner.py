"""Runs the evaluation: private stores per feed, every question through the pipeline, graded."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Unpack

from assistant.config import Settings
from assistant.errors import FeedqaError, UsageError
from assistant.models import Paper
from evals.datasets import (
    DATASET_NAMES,
    PACKAGE_DIR,
    Question,
    api_days,
    default_feeds_dir,
    feed_specs,
    feeds_dir_for,
    gold_paper_ids,
    load_datasets,
    select,
)
from evals.grader import (
    SourceDoc,
    SupportJudge,
    key_facts_missing,
    leaked_strings,
    split_sentences,
)
from evals.metrics import Metrics, QuestionResult, compute_metrics, grouped

if TYPE_CHECKING:
    from assistant.llm.base import LLM
    from assistant.pipeline.qa import AskOptions
    from assistant.pipeline.types import Answer, RetrievedPaper
    from assistant.services import Services
    from vectorstore.embeddings import Embedder

RETRIEVE_K = 10  # papers ranked for the retrieval metrics (MRR counts ranks up to here)
SLICE_TLDR_PAPERS = 8  # TL;DRs written in a sliced run (a full run: the whole TL;DR split)
STORE_MANIFEST = "eval_store.json"


class Pipeline(Protocol):
    """What the runner needs of assistant.pipeline.qa.QAPipeline."""

    def retrieve(self, question: str, **options: Unpack[AskOptions]) -> list[RetrievedPaper]: ...

    def ask(self, question: str, **options: Unpack[AskOptions]) -> Answer: ...


PipelineFactory = Callable[["Services"], Pipeline]
Progress = Callable[[int, int, QuestionResult], None]


@dataclass
class EvalOptions:
    """What to run. ``answers`` False measures retrieval only (no LLM)."""

    split: str = "dev"
    slice_n: int | None = None
    datasets: tuple[str, ...] = DATASET_NAMES
    feeds_dir: Path | None = None
    answers: bool = True
    tldr_papers: int | None = None  # None: the TL;DR split, or SLICE_TLDR_PAPERS if sliced

    def scope(self) -> dict[str, Any]:
        """What makes two runs comparable."""
        return {
            "split": self.split,
            "slice": self.slice_n,
            "datasets": sorted(self.datasets),
            "answers": self.answers,
            "tldr_papers": self.tldr_papers,
        }


@dataclass
class EvalRun:
    """Everything a run measured, before it is written out."""

    options: EvalOptions
    config: dict[str, Any]
    results: list[QuestionResult]
    metrics: Metrics
    by_kind: dict[str, Metrics]
    by_feed: dict[str, Metrics]
    tldr: dict[str, Any] = field(default_factory=dict)
    claims: dict[str, Any] = field(default_factory=dict)
    skipped_feeds: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


# The answer prompt's marker in every eval run. Eval stores are rebuilt whenever their feed
# changes, and the marker is part of the prompt, so a store's own random one would let the same
# commit score differently from run to run. Chosen once (secrets.token_hex(4)), never tuned.
EVAL_CANARY = "f2dd9c0f"


def default_pipeline(services: Services) -> Pipeline:
    from assistant.services import build_pipeline

    return build_pipeline(services, canary=EVAL_CANARY)


def run_eval(
    settings: Settings,
    options: EvalOptions,
    *,
    pipeline_factory: PipelineFactory | None = None,
    llm: LLM | None = None,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> EvalRun:
    """Run the selected questions, each against a private store of its own feed."""
    from assistant.llm.factory import make_llm
    from vectorstore.embeddings import make_embedder

    started = time.perf_counter()
    questions = select(load_datasets(options.datasets), options.split, options.slice_n)
    if not questions:
        raise UsageError("no questions selected")
    options = replace(options, feeds_dir=eval_feeds_dir(settings, questions, options.feeds_dir))
    embedder = embedder or make_embedder(settings)
    llm = llm or (make_llm(settings) if options.answers else None)
    ctx = _Context(settings, options, embedder, llm, pipeline_factory or default_pipeline)
    results = ctx.run(questions, progress)
    run = EvalRun(
        options,
        _config(settings, embedder, llm),
        results,
        compute_metrics(results),
        grouped(results, lambda r: r.kind),
        grouped(results, lambda r: r.feed),
        skipped_feeds=ctx.skipped,
        problems=ctx.problems,
    )
    if llm is not None and options.answers:
        run.tldr = tldr_metrics(llm, _tldr_count(options), options.split)
        run.metrics.update(run.tldr.get("metrics", {}))
        run.claims = claims_metrics(embedder, options.split)
        run.metrics.update(run.claims.pop("metrics"))
    run.seconds = round(time.perf_counter() - started, 1)
    return run


class _Context:
    """State shared by the feeds of one run: settings, models, the grader, skipped feeds."""

    def __init__(
        self,
        settings: Settings,
        options: EvalOptions,
        embedder: Embedder,
        llm: LLM | None,
        factory: PipelineFactory,
    ) -> None:
        self.settings, self.options, self.embedder, self.llm = settings, options, embedder, llm
        self.factory = factory
        self.judge = SupportJudge(embedder)
        self.skipped: dict[str, str] = {}
        self.problems: list[str] = []

    def run(self, questions: list[Question], progress: Progress | None) -> list[QuestionResult]:
        by_feed: dict[str, list[Question]] = {}
        for q in questions:
            by_feed.setdefault(q.feed, []).append(q)
        results: list[QuestionResult] = []
        for feed, items in by_feed.items():
            services = self._services(feed)
            if services is None:
                continue
            try:
                pipeline = self.factory(services)
                papers = [s.paper for s in services.registry.all_papers()]
                for q in items:
                    results.append(self._one(q, services, pipeline, papers))
                    if progress:
                        progress(len(results), len(questions), results[-1])
            finally:
                services.close()
        return results

    def _services(self, feed: str) -> Services | None:
        feeds_dir = self.options.feeds_dir or default_feeds_dir()
        try:
            return feed_store(self.settings, feed, feeds_dir, self.embedder, self.llm)
        except MissingFeed as exc:
            self.skipped[feed] = str(exc)
            return None

    def _one(
        self, q: Question, services: Services, pipeline: Pipeline, papers: list[Paper]
    ) -> QuestionResult:
        gold, missing = gold_paper_ids(q, papers)
        if missing:
            self.problems.append(f"{q.id}: gold title(s) not in feed {q.feed}: {missing}")
        result = _blank_result(q, gold)
        try:
            retrieved = pipeline.retrieve(q.question, k=RETRIEVE_K)
            result.retrieved_ids = [p.paper_id for p in retrieved]
            if self.options.answers:
                grade_answer(result, q, pipeline.ask(q.question), services, self.judge)
        except Exception as exc:  # one failing question is counted, not fatal to the run
            result.error = f"{type(exc).__name__}: {exc}"
            if self.options.answers:  # a crash is a wrong answer, not a question skipped
                result.answered = True
                result.key_facts_missing = [list(g) for g in q.key_facts]
        return result


def _blank_result(q: Question, gold: list[str]) -> QuestionResult:
    return QuestionResult(
        id=q.id,
        dataset=q.dataset,
        feed=q.feed,
        kind=q.kind,
        split=q.split,
        question=q.question,
        gold_ids=gold,
        n_key_facts=len(q.key_facts),
    )


def grade_answer(
    result: QuestionResult, q: Question, answer: Answer, services: Services, judge: SupportJudge
) -> None:
    """Fill ``result`` with the grader's verdicts on ``answer``."""
    result.answered = True
    result.answer, result.abstained, result.path = answer.answer, answer.abstained, answer.path
    cited = {c.n: c.paper_id for c in answer.citations}
    result.cited_ids = list(dict.fromkeys(cited.values()))
    result.key_facts_missing = key_facts_missing(answer.answer, q.key_facts)
    lead = next(iter(split_sentences(answer.answer)), "")
    result.first_sentence_missing = key_facts_missing(lead, q.key_facts)
    output = "\n".join([answer.answer, *(c.quote for c in answer.citations)])
    result.leaked = leaked_strings(output, q.forbidden)
    result.timings_ms, result.usage = dict(answer.timings_ms), dict(answer.usage)
    if answer.abstained:
        return
    docs = source_docs(services, cited.values())
    judgement = judge.judge_answer(answer.answer, cited, docs)
    result.n_sentences, result.n_supported = judgement.n_sentences, judgement.n_supported
    result.n_citations, result.n_relevant = judgement.n_citations, judgement.n_relevant
    result.unsupported = [s.sentence for s in judgement.sentences if not s.supported]


def source_docs(services: Services, paper_ids: Iterable[str]) -> dict[str, SourceDoc]:
    """Title and abstract of each paper, read from the registry (not from the pipeline)."""
    stored = services.registry.get_many(set(paper_ids))
    return {pid: SourceDoc(pid, s.paper.title, s.paper.abstract) for pid, s in stored.items()}


# --- private stores -----------------------------------------------------------------------


class MissingFeed(FeedqaError):
    """A dataset feed whose files are not on this machine."""


def eval_feeds_dir(
    settings: Settings, questions: Iterable[Question], shared: Path | None = None
) -> Path:
    """Where the questions' feed files are: the shared feeds directory, or a scratch one under
    FEEDQA_HOME that adds the API days only the shared archive holds."""
    days = api_days(questions)
    return feeds_dir_for(days, shared or default_feeds_dir(), settings.evals_dir / "feeds")


def feed_store(
    settings: Settings, feed: str, feeds_dir: Path, embedder: Embedder, llm: LLM | None
) -> Services:
    """Services over the private store of a dataset ``feed`` (``prepare_store``); MissingFeed
    when one of its files is not in ``feeds_dir``."""
    from assistant.services import builtin_feed_path

    specs = feed_specs(feed, feeds_dir, builtin_feed_path())
    missing = [s for s in specs if not Path(s).is_file()]
    if missing:
        raise MissingFeed(f"feed file(s) not found: {', '.join(missing)} (see --feeds-dir)")
    return prepare_store(settings, feed, specs, embedder, llm)


def store_name(feed: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in feed)


def prepare_store(
    settings: Settings, feed: str, specs: Sequence[str], embedder: Embedder, llm: LLM | None
) -> Services:
    """Services over FEEDQA_HOME/evals/stores/<feed>, ingested if the feed files or the
    embedder changed since the store was built (it is rebuilt from scratch then)."""
    from assistant.locking import write_lock
    from assistant.services import Services

    home = settings.evals_dir / "stores" / store_name(feed)
    store_settings = settings.model_copy(
        update={"home": home, "chroma_host": None, "collection": "feedqa_eval"}
    )
    fingerprint = {
        "feed": feed,
        "embedder": embedder.model_id,
        "files": {Path(s).name: _sha256(Path(s)) for s in specs},
    }
    with write_lock(settings.evals_dir / "stores.lock", 600.0, what="the eval stores"):
        if _manifest(home) != fingerprint:
            shutil.rmtree(home, ignore_errors=True)
            _ingest(store_settings, specs, embedder)
            (home / STORE_MANIFEST).write_text(json.dumps(fingerprint, indent=2), encoding="utf-8")
    return Services(store_settings, llm=llm, embedder=embedder)  # one loaded model for all


def _ingest(settings: Settings, specs: Sequence[str], embedder: Embedder) -> None:
    from assistant.ingest import ingest_sources
    from assistant.services import Services

    services = Services(settings, embedder=embedder)
    try:
        report = ingest_sources(services, list(specs))
    finally:
        services.close()
    if report.errors:
        raise FeedqaError(f"cannot build the eval store {settings.home}: {report.errors[0]}")


def _manifest(home: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((home / STORE_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- TL;DRs -------------------------------------------------------------------------------


def claims_metrics(embedder: Embedder, split: str) -> dict[str, Any]:
    """The answer checker on the labelled claim sets (evals/claims.py), with the current
    set's precision and recall as metrics."""
    from evals.claims import CLAIM_SETS, claims_section

    section = claims_section(embedder, split)
    sets: dict[str, dict[str, Any]] = section["sets"]
    current = next((sets[n] for n in reversed(CLAIM_SETS) if n in sets), {})
    section["metrics"] = {
        "claims.checker_precision": current.get("precision"),
        "claims.checker_recall": current.get("recall"),
    }
    return section


def _tldr_count(options: EvalOptions) -> int | None:
    if options.tldr_papers is not None:
        return options.tldr_papers
    return SLICE_TLDR_PAPERS if options.slice_n else None


def tldr_metrics(llm: LLM, count: int | None, split: str = "dev") -> dict[str, Any]:
    """Model TL;DRs (``--source model``) for ``count`` papers of the TL;DR set's ``split``
    (evenly spread; None: all), each re-checked with the checker and compared with the paper's
    ai_summary and with the labels read from the abstracts (evals/tldr_eval.py). Empty when
    there is nothing to do."""
    if count == 0:
        return {}
    try:
        from assistant.summaries.checker import check_tldr
        from assistant.summaries.tldr import TldrWriter
    except ImportError as exc:
        return {"note": f"assistant.summaries unavailable ({exc}); TL;DR metrics not measured"}
    from evals.datasets import DATASETS_DIR
    from evals.tldr_eval import (
        checker_precision,
        load_labels,
        load_tldr_set,
        tldr_rows,
        tldr_summary,
    )

    papers = _spread(load_tldr_set(DATASETS_DIR, split), count)
    writer = TldrWriter(llm)
    started = time.perf_counter()
    try:
        rows = tldr_rows(papers, writer.write, check_tldr)
    except FeedqaError as exc:
        return {"note": f"TL;DR generation failed ({exc}); TL;DR metrics not measured"}
    return {
        "metrics": {
            **tldr_summary(rows, load_labels(DATASETS_DIR)),
            **checker_precision(DATASETS_DIR, check_tldr, split),
        },
        "papers": len(rows),
        "split": split,
        "llm_calls": writer.calls,
        "seconds": round(time.perf_counter() - started, 1),
        "tldrs": rows,
    }


def _spread(papers: list[Paper], count: int | None) -> list[Paper]:
    """``count`` papers spread evenly over ``papers`` (all when None or more than there are)."""
    if count is None or count >= len(papers):
        return papers
    step = len(papers) / count
    return [papers[int(i * step)] for i in range(count)]


# --- run description ----------------------------------------------------------------------


def _config(settings: Settings, embedder: Embedder, llm: LLM | None) -> dict[str, Any]:
    return {
        "backend": getattr(llm, "backend", None),
        "model": getattr(llm, "model", None),
        "embedder": embedder.model_id,
        "retrieval_k": settings.retrieval_k,
        "commit": _git_commit(),
    }


def _git_commit() -> str | None:
    """The checkout's commit (read-only), if this is a git checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=PACKAGE_DIR,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None
