"""The TL;DR evaluation: model TL;DRs of real Daily Papers API papers, measured against the
feed's own ``ai_summary`` (content-word recall), the checker, and labels written by reading
the abstracts (evals/datasets/tldr_labels.jsonl).

Papers come from evals/datasets/tldr_api.jsonl: ``dev`` days are for tuning prompts and the
checker, ``test`` days are never tuned on.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.models import Paper
from assistant.summaries.checker import STOPWORDS, stem

TLDR_SET = "tldr_api.jsonl"
TLDR_LABELS = "tldr_labels.jsonl"
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def content_terms(text: str) -> set[str]:
    """The content words of ``text``: casefolded, hyphenated words kept whole, stop words
    dropped, plurals folded."""
    return {stem(w) for w in _WORD.findall(text.casefold()) if w not in STOPWORDS and len(w) > 1}


def content_recall(tldr: str, reference: str) -> float:
    """The share of ``reference``'s content words that ``tldr`` contains (0 when empty)."""
    wanted = content_terms(reference)
    return len(wanted & content_terms(tldr)) / len(wanted) if wanted else 0.0


def load_tldr_set(datasets_dir: Path, split: str) -> list[Paper]:
    """The TL;DR set's papers of ``split`` ("dev", "test" or "all"), each with its ai_summary."""
    papers = []
    for record in _jsonl(datasets_dir / TLDR_SET):
        if split in ("all", record["split"]):
            papers.append(
                Paper(
                    record["paper_id"],
                    record["title"],
                    record["abstract"],
                    day=record["day"],
                    ai_summary=record["ai_summary"],
                )
            )
    return papers


@dataclass(frozen=True)
class Label:
    """A TL;DR judged by reading the abstract (see /work/shared/judging.md)."""

    paper_id: str
    tldr: str
    usable: bool
    faithful: bool
    informative: int
    fluent: bool
    reason: str
    split: str = ""  # the label's own split: "test" labels were never tuned on


def load_labels(datasets_dir: Path) -> dict[tuple[str, str], Label]:
    """Labels keyed by (paper id, TL;DR text): a label holds only for the exact line judged."""
    path = datasets_dir / TLDR_LABELS
    if not path.is_file():
        return {}
    labels = {}
    for r in _jsonl(path):
        label = Label(
            r["paper_id"],
            r["tldr"],
            bool(r["usable"]),
            bool(r["faithful"]),
            int(r["informative"]),
            bool(r["fluent"]),
            r["reason"],
            r.get("split", ""),
        )
        labels[(label.paper_id, _norm(label.tldr))] = label
    return labels


def _norm(text: str) -> str:
    return " ".join(text.split())


def _jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def tldr_rows(
    papers: Sequence[Paper], write: Callable[[Paper], Any], check: Callable[[str, str, str], list]
) -> list[dict[str, Any]]:
    """One row per paper: our TL;DR, its source, the checker's objections, its recall of the
    ai_summary and the seconds it took."""
    rows = []
    for paper in papers:
        started = time.perf_counter()
        tldr = write(paper)
        rows.append(
            {
                "paper_id": paper.paper_id,
                "day": paper.day,
                "title": paper.title,
                "tldr": tldr.tldr,
                "kind": tldr.kind,
                "ai_summary": paper.ai_summary,
                "reasons": check(tldr.tldr, paper.title, paper.abstract),
                "model_rejections": list(tldr.reasons),
                "recall": round(content_recall(tldr.tldr, paper.ai_summary or ""), 4),
                "seconds": round(time.perf_counter() - started, 3),
            }
        )
    return rows


def tldr_summary(
    rows: Sequence[dict[str, Any]], labels: dict[tuple[str, str], Label]
) -> dict[str, float | int | None]:
    """The TL;DR metrics of ``rows``: pass and fallback shares, recall, seconds per paper, and
    the usable rate of the lines that carry a label (all of them, and those the checker
    passes)."""
    n = len(rows)
    if not n:
        return {}
    model = [r for r in rows if r["kind"] == "model"]
    judged = [
        (r, labels[(r["paper_id"], _norm(r["tldr"]))])
        for r in rows
        if (r["paper_id"], _norm(r["tldr"])) in labels
    ]
    passed = [label for r, label in judged if not r["reasons"]]
    return {
        "tldr.pass_rate": sum(not r["reasons"] for r in rows) / n,
        "tldr.extractive_rate": sum(r["kind"] == "extractive" for r in rows) / n,
        "tldr.recall": sum(r["recall"] for r in rows) / n,
        "tldr.model_recall": sum(r["recall"] for r in model) / len(model) if model else None,
        "tldr.seconds_per_paper": sum(r["seconds"] for r in rows) / n,
        "tldr.labelled": len(judged),
        "tldr.usable_rate": _share(label.usable for _, label in judged),
        "tldr.usable_rate_passed": _share(label.usable for label in passed),
    }


def checker_precision(
    datasets_dir: Path, check: Callable[[str, str, str], list], split: str
) -> dict[str, float | int | None]:
    """The checker on every labelled line of ``split`` (the label's own split: "test" labels
    were never tuned on): how many it passes, the usable share of those (precision) and the
    share of usable lines it passes (recall). Lines of every pipeline count, not only this
    run's, so a stricter checker shows here even when the current lines do not change."""
    papers = {paper.paper_id: paper for paper in load_tldr_set(datasets_dir, "all")}
    labels = [
        label
        for label in load_labels(datasets_dir).values()
        if label.split == split and label.paper_id in papers
    ]
    judged = [
        (
            not check(label.tldr, papers[label.paper_id].title, papers[label.paper_id].abstract),
            label,
        )
        for label in labels
    ]
    passed = [label.usable for ok, label in judged if ok]
    usable = [ok for ok, label in judged if label.usable]
    return {
        "tldr.checker_labelled": len(judged),
        "tldr.checker_passed": len(passed),
        "tldr.checker_precision": _share(passed),
        "tldr.checker_recall": _share(usable),
    }


def _share(flags: Iterable[bool]) -> float | None:
    values = list(flags)
    return sum(values) / len(values) if values else None
