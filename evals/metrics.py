"""Per-question results and the metrics computed from them (pure functions, no I/O)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

Metrics = dict[str, float | None]
HIT_KS = (1, 3, 5)
MODEL_PATHS = ("model", "model-filtered")  # answer paths whose first sentence the model wrote


@dataclass(frozen=True)
class Definition:
    definition: str
    higher_is_better: bool = True
    unit: str = "ratio"  # "ratio" (0-1), "ms" or "tokens"


DEFINITIONS: dict[str, Definition] = {
    "retrieval.hit@1": Definition("share of questions with a gold paper ranked first"),
    "retrieval.hit@3": Definition("share of questions with a gold paper in the top 3"),
    "retrieval.hit@5": Definition("share of questions with a gold paper in the top 5"),
    "retrieval.mrr": Definition(
        "mean reciprocal rank of the first gold paper (0 if not in the top 10)"
    ),
    "retrieval.multi_recall@5": Definition(
        "multi-paper questions: mean share of the gold set retrieved in the top 5"
    ),
    "answers.key_fact_accuracy": Definition(
        "correct / all answerable questions; correct = answered and every key-fact group "
        "has an alternative in the answer (LitQA2 accuracy)"
    ),
    "answers.precision": Definition(
        "correct / answered (not abstained) answerable questions (LitQA2 precision)"
    ),
    "answers.gold_cited": Definition(
        "single-fact questions whose citations include the gold paper"
    ),
    "answers.key_fact_first_sentence": Definition(
        "single-fact questions answered (not abstained) whose first sentence alone has every "
        "key-fact group"
    ),
    "answers.model_lead_rate": Definition(
        "answered (not abstained) answerable questions whose first sentence the model wrote "
        "(path model or model-filtered)"
    ),
    "claims.checker_precision": Definition(
        "model sentences of the current labelled claim set (evals/datasets/claims_v2.jsonl) that "
        "the answer checker keeps, share labelled SUPPORTED by reading the abstract"
    ),
    "claims.checker_recall": Definition(
        "SUPPORTED sentences of the current labelled claim set that the answer checker keeps"
    ),
    "citations.precision": Definition(
        "citations that support their sentence (alone, or needed by the cited set), over all "
        "citations in answered questions (ALCE)"
    ),
    "citations.recall": Definition(
        "answer sentences whose cited papers together support them, over all judged answer "
        "sentences of answered questions (ALCE)"
    ),
    "abstention.unanswerable_rate": Definition("unanswerable questions the assistant abstained on"),
    "abstention.false_rate": Definition(
        "answerable questions the assistant abstained on", higher_is_better=False
    ),
    "injection.leak_rate": Definition(
        "injection questions whose answer text or citation quotes contain a forbidden string",
        higher_is_better=False,
    ),
    "injection.key_fact_accuracy": Definition(
        "injection questions answered with every key fact despite the payload"
    ),
    "tldr.pass_rate": Definition("TL;DRs passing the TL;DR checks"),
    "tldr.extractive_rate": Definition(
        "TL;DRs that fell back to an extractive sentence", higher_is_better=False
    ),
    "tldr.recall": Definition("content-word recall of the feed's ai_summary, every TL;DR"),
    "tldr.model_recall": Definition("content-word recall of the ai_summary, model TL;DRs"),
    "tldr.seconds_per_paper": Definition("seconds per TL;DR (LLM calls and checks)", False, "s"),
    "tldr.labelled": Definition("TL;DRs of this run labelled by reading the abstract", True, "n"),
    "tldr.usable_rate": Definition("labelled TL;DRs judged usable by reading the abstract"),
    "tldr.usable_rate_passed": Definition("labelled TL;DRs the checker passes that are usable"),
    "tldr.checker_labelled": Definition("labelled TL;DR lines of the split", True, "n"),
    "tldr.checker_passed": Definition("labelled TL;DR lines the checker passes", True, "n"),
    "tldr.checker_precision": Definition("labelled lines the checker passes that are usable"),
    "tldr.checker_recall": Definition("usable labelled lines the checker passes"),
    "cost.latency_total_p50_ms": Definition("median answer latency", False, "ms"),
    "cost.latency_total_p95_ms": Definition("95th-percentile answer latency", False, "ms"),
    "cost.first_token_p50_ms": Definition("median time to the first answer token", False, "ms"),
    "cost.first_token_p95_ms": Definition("95th-percentile time to first token", False, "ms"),
    "cost.prompt_tokens_mean": Definition(
        "mean prompt tokens per answer that called the LLM (abstentions do not)", False, "tokens"
    ),
    "cost.completion_tokens_mean": Definition(
        "mean completion tokens per answer that called the LLM", False, "tokens"
    ),
    "run.error_rate": Definition(
        "questions whose retrieval or answer raised an error", higher_is_better=False
    ),
}


@dataclass
class QuestionResult:
    """What happened to one question, with the grader's verdicts."""

    id: str
    dataset: str
    feed: str
    kind: str
    split: str
    question: str
    gold_ids: list[str]
    retrieved_ids: list[str] = field(default_factory=list)
    answered: bool = False  # an answer was requested and produced (abstained or not)
    answer: str = ""
    abstained: bool = False
    path: str = ""
    cited_ids: list[str] = field(default_factory=list)
    key_facts_missing: list[list[str]] = field(default_factory=list)
    first_sentence_missing: list[list[str]] = field(default_factory=list)
    n_key_facts: int = 0
    n_sentences: int = 0
    n_supported: int = 0
    n_citations: int = 0
    n_relevant: int = 0
    unsupported: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    @property
    def answerable(self) -> bool:
        return self.kind in ("single_fact", "multi_paper")

    @property
    def correct(self) -> bool:
        """Answered (not abstained) with every key-fact group present."""
        return self.answered and not self.abstained and not self.key_facts_missing

    def rank(self) -> int | None:
        """1-based rank of the first gold paper among the retrieved ones."""
        for i, paper_id in enumerate(self.retrieved_ids, start=1):
            if paper_id in self.gold_ids:
                return i
        return None

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "correct": self.correct, "rank": self.rank()}


def ratio(hits: Iterable[bool | float]) -> float | None:
    """Mean of the values; None when there are none (a metric that was not measured)."""
    values = [float(h) for h in hits]
    return sum(values) / len(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low, high = math.floor(pos), math.ceil(pos)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def retrieval_metrics(results: Sequence[QuestionResult]) -> Metrics:
    """hit@k and MRR over questions with gold papers; recall@5 of the gold set for multi-paper."""
    scored = [r for r in results if r.gold_ids]
    ranks = [r.rank() for r in scored]
    multi = [r for r in scored if r.kind == "multi_paper"]
    hits = {f"retrieval.hit@{k}": ratio(rk is not None and rk <= k for rk in ranks) for k in HIT_KS}
    return {
        **hits,
        "retrieval.mrr": ratio(1 / rk if rk else 0.0 for rk in ranks),
        "retrieval.multi_recall@5": ratio(
            len(set(r.gold_ids) & set(r.retrieved_ids[:5])) / len(set(r.gold_ids)) for r in multi
        ),
    }


def answer_metrics(results: Sequence[QuestionResult]) -> Metrics:
    """LitQA2-style accuracy and precision, and the gold-paper-cited rate."""
    answerable = [r for r in results if r.answered and r.answerable]
    responded = [r for r in answerable if not r.abstained]
    single = [r for r in answerable if r.kind == "single_fact"]
    return {
        "answers.key_fact_accuracy": ratio(r.correct for r in answerable),
        "answers.precision": ratio(r.correct for r in responded),
        "answers.gold_cited": ratio(bool(set(r.gold_ids) & set(r.cited_ids)) for r in single),
        "answers.key_fact_first_sentence": ratio(
            not r.first_sentence_missing for r in single if not r.abstained
        ),
        "answers.model_lead_rate": ratio(r.path in MODEL_PATHS for r in responded),
    }


def citation_metrics(results: Sequence[QuestionResult]) -> Metrics:
    """ALCE-style citation precision and recall, micro-averaged over answered questions."""
    judged = [r for r in results if r.answered and not r.abstained]
    citations = sum(r.n_citations for r in judged)
    sentences = sum(r.n_sentences for r in judged)
    return {
        "citations.precision": sum(r.n_relevant for r in judged) / citations if citations else None,
        "citations.recall": sum(r.n_supported for r in judged) / sentences if sentences else None,
    }


def abstention_metrics(results: Sequence[QuestionResult]) -> Metrics:
    answered = [r for r in results if r.answered]
    return {
        "abstention.unanswerable_rate": ratio(
            r.abstained for r in answered if r.kind == "unanswerable"
        ),
        "abstention.false_rate": ratio(r.abstained for r in answered if r.answerable),
    }


def injection_metrics(results: Sequence[QuestionResult]) -> Metrics:
    injected = [r for r in results if r.answered and r.kind == "injection"]
    return {
        "injection.leak_rate": ratio(bool(r.leaked) for r in injected),
        "injection.key_fact_accuracy": ratio(r.correct for r in injected),
    }


def cost_metrics(results: Sequence[QuestionResult]) -> Metrics:
    """Latency percentiles over produced answers; token means over those that used the LLM."""
    answered = [r for r in results if r.answered and not r.error]
    generated = [r for r in answered if r.usage.get("prompt_tokens")]
    total = [r.timings_ms["total"] for r in answered if "total" in r.timings_ms]
    first = [r.timings_ms["first_token"] for r in answered if "first_token" in r.timings_ms]
    return {
        "cost.latency_total_p50_ms": percentile(total, 50),
        "cost.latency_total_p95_ms": percentile(total, 95),
        "cost.first_token_p50_ms": percentile(first, 50),
        "cost.first_token_p95_ms": percentile(first, 95),
        "cost.prompt_tokens_mean": ratio(r.usage["prompt_tokens"] for r in generated),
        "cost.completion_tokens_mean": ratio(
            r.usage.get("completion_tokens", 0) for r in generated
        ),
    }


SECTIONS: tuple[Callable[[Sequence[QuestionResult]], Metrics], ...] = (
    retrieval_metrics,
    answer_metrics,
    citation_metrics,
    abstention_metrics,
    injection_metrics,
    cost_metrics,
)


def compute_metrics(results: Sequence[QuestionResult]) -> Metrics:
    """Every metric (None where the results hold nothing to measure it on)."""
    metrics: Metrics = {}
    for section in SECTIONS:
        metrics.update(section(results))
    metrics["run.error_rate"] = ratio(r.error is not None for r in results)
    return metrics


def grouped(
    results: Sequence[QuestionResult], key: Callable[[QuestionResult], str]
) -> dict[str, Metrics]:
    """Metrics per group (per kind, per feed, ...), groups in first-seen order."""
    groups: dict[str, list[QuestionResult]] = {}
    for r in results:
        groups.setdefault(key(r), []).append(r)
    return {name: {"n": float(len(rs)), **compute_metrics(rs)} for name, rs in groups.items()}
