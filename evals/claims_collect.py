"""Collect the embedded model's raw answer sentences for the claim set (issue 13).

Every answerable question (single_fact, multi_paper) of the sample-feed, API-day and claim
question files goes through the real pipeline's retrieval, evidence selection and prompt, and
the LLM writes a draft. The draft is recorded as generated, BEFORE any checking, split into
sentences: one record per sentence in ``claims_unlabelled.jsonl``, and the abstracts that were
numbered in the prompt in ``claim_sources.jsonl``. Nothing is labelled here: labels come from
reading the abstracts (see /work/shared/judging.md and evals/datasets/README.md).

    FEEDQA_HOME=/tmp/home-x FEEDQA_LLM_THREADS=2 python -m evals.claims_collect [--only c-]

API days that are not in the shared feeds directory are extracted from the Daily Papers archive.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.config import Settings
from assistant.pipeline.citations import parse_markers, split_sentences
from evals.datasets import (
    DATASETS_DIR,
    PACKAGE_DIR,
    Question,
    api_days,
    default_feeds_dir,
    feed_specs,
    feeds_dir_for,
    gold_paper_ids,
    load_dataset,
)
from evals.runner import EVAL_CANARY, prepare_store

if TYPE_CHECKING:
    from assistant.llm.base import LLM
    from assistant.pipeline.answer import AnswerContext
    from assistant.pipeline.qa import QAPipeline
    from vectorstore.embeddings import Embedder

QUESTION_FILES = ("sample_feed", "api_day", "claim_questions")
KINDS = ("single_fact", "multi_paper")
CLAIMS_FILE = "claims_unlabelled.jsonl"
SOURCES_FILE = "claim_sources.jsonl"
DEFAULT_MODEL = "SmolLM2-135M-Instruct.Q4_1"  # drafts cached before the model was recorded
CACHE_FILE = "claim_drafts.jsonl"  # under FEEDQA_HOME/evals: drafts made so far, for resuming


@dataclass
class Draft:
    """One question's raw draft and what the prompt showed the model."""

    question: Question
    gold: list[str]
    text: str
    sources: list[dict[str, Any]]  # {"n", "paper_id", "title"} of the numbered prompt sources
    abstracts: dict[str, tuple[str, str]]  # paper_id -> (title, abstract as the pipeline saw it)
    prompt_sources: str
    would_abstain: bool
    seconds: float
    model: str = ""
    commit: str = ""  # the checkout the draft was made with
    lead: list[str] = field(default_factory=list)  # the lead quote(s) the answer is drawn from
    shown: list[str] = field(default_factory=list)  # every quote in the prompt, the lead first


def answerable_questions(only: str | None = None) -> list[Question]:
    """single_fact and multi_paper questions of every question file, optionally by id prefix."""
    chosen = [q for name in QUESTION_FILES for q in load_dataset(name) if q.kind in KINDS]
    return [q for q in chosen if only is None or q.id.startswith(only)]


def draft_one(pipeline: QAPipeline, question: Question, gold: list[str]) -> Draft:
    """Retrieval, evidence and prompt as the pipeline does them, then the raw LLM draft."""
    from assistant.pipeline.answer import choose_path
    from assistant.pipeline.evidence import format_sources

    started = time.perf_counter()
    builder = pipeline._gather(question.question, {})
    if not builder.evidence:
        return Draft(question, gold, "", [], {}, "", True, 0.0)
    generation = pipeline._draft(builder)
    text = generation.consume()
    quotes = builder.shown_quotes()
    shown = sorted({e.source_n for e in quotes})
    return Draft(
        question,
        gold,
        text,
        _sources(builder, shown),
        _abstracts(builder, shown),
        format_sources(quotes, builder.bundles),
        choose_path(builder) == "abstained",
        round(time.perf_counter() - started, 2),
        lead=[e.sentence for e in builder.lead],
        shown=[e.sentence for e in quotes],
    )


def _sources(builder: AnswerContext, shown: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "n": n,
            "paper_id": builder.bundles[n - 1].paper.paper_id,
            "title": builder.bundles[n - 1].text.title,
        }
        for n in shown
    ]


def _abstracts(builder: AnswerContext, shown: list[int]) -> dict[str, tuple[str, str]]:
    bundles = [builder.bundles[n - 1] for n in shown]
    return {b.paper.paper_id: (b.text.title, b.text.abstract) for b in bundles}


def sentence_records(draft: Draft) -> list[dict[str, Any]]:
    """One record per sentence of the raw draft (garbage included), ``[n]`` markers kept."""
    by_n = {s["n"]: s["paper_id"] for s in draft.sources}
    q = draft.question
    records = []
    for position, sentence in enumerate(split_sentences(draft.text)):
        cited = [by_n[n] for n in dict.fromkeys(parse_markers(sentence)) if n in by_n]
        records.append(
            {
                "id": "",
                "question_id": q.id,
                "split": q.split,
                "feed": q.feed,
                "kind": q.kind,
                "question": q.question,
                "sentence": sentence,
                "cited": cited,
                "sources": draft.sources,
                "gold_paper_ids": draft.gold,
                "position": position,
                "draft": draft.text,
                "would_abstain": draft.would_abstain,
                "prompt_sources": draft.prompt_sources,
                "model": draft.model,
                "commit": draft.commit,
                "lead": draft.lead,
                "shown": draft.shown,
            }
        )
    return records


def collect(
    settings: Settings,
    questions: list[Question],
    llm: LLM,
    embedder: Embedder,
    feeds_dir: Path,
    cache: Path,
) -> None:
    """Draft every question not yet in ``cache`` against a private store of its own feed,
    appending each draft to ``cache`` as soon as it is made (a long run can be resumed)."""
    from assistant.services import build_pipeline, builtin_feed_path

    done, commit = set(load_cache(cache)), git_head()
    by_feed: dict[str, list[Question]] = {}
    for q in questions:
        if q.id not in done:
            by_feed.setdefault(q.feed, []).append(q)
    for feed, items in by_feed.items():
        specs = feed_specs(feed, feeds_dir, builtin_feed_path())
        services = prepare_store(settings, feed, specs, embedder, llm)
        try:
            pipeline = build_pipeline(services, canary=EVAL_CANARY)
            papers = [s.paper for s in services.registry.all_papers()]
            for q in items:
                draft = draft_one(pipeline, q, gold_paper_ids(q, papers)[0])
                draft.model, draft.commit = str(getattr(llm, "model", "unknown")), commit
                with cache.open("a", encoding="utf-8") as f:
                    f.write(json.dumps(_cached(draft), ensure_ascii=False) + "\n")
                done.add(q.id)
                _progress(len(done), len(questions), draft)
        finally:
            services.close()


def _cached(draft: Draft) -> dict[str, Any]:
    return {
        "question_id": draft.question.id,
        "gold": draft.gold,
        "text": draft.text,
        "sources": draft.sources,
        "abstracts": draft.abstracts,
        "prompt_sources": draft.prompt_sources,
        "would_abstain": draft.would_abstain,
        "seconds": draft.seconds,
        "model": draft.model,
        "commit": draft.commit,
        "lead": draft.lead,
        "shown": draft.shown,
    }


def load_cache(cache: Path) -> dict[str, dict[str, Any]]:
    """Cached drafts by question id (a line cut off by a killed run is skipped)."""
    rows: dict[str, dict[str, Any]] = {}
    if cache.is_file():
        for line in cache.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            rows[row["question_id"]] = row
    return rows


def cached_drafts(questions: list[Question], cache: Path) -> list[Draft]:
    """The cached drafts of ``questions``, in question order."""
    rows = load_cache(cache)
    return [
        Draft(
            q,
            r["gold"],
            r["text"],
            r["sources"],
            {k: (v[0], v[1]) for k, v in r["abstracts"].items()},
            r["prompt_sources"],
            r["would_abstain"],
            r["seconds"],
            r.get("model") or DEFAULT_MODEL,
            r.get("commit", "unknown"),
            r.get("lead", []),
            r.get("shown", []),
        )
        for q in questions
        if (r := rows.get(q.id))
    ]


def _progress(done: int, total: int, draft: Draft) -> None:
    print(
        f"[{done}/{total}] {draft.question.id} {draft.seconds}s "
        f"{len(split_sentences(draft.text))} sentences",
        flush=True,
    )


def write_outputs(drafts: list[Draft], out_dir: Path) -> tuple[int, int]:
    """Both JSONL files, written atomically; returns (sentences, sources)."""
    records = [r for d in drafts for r in sentence_records(d)]
    for i, record in enumerate(records, start=1):
        record["id"] = f"cl-{i:04d}"
    sources: dict[str, dict[str, str]] = {}
    for d in drafts:
        for paper_id, (title, abstract) in d.abstracts.items():
            sources.setdefault(
                paper_id, {"paper_id": paper_id, "title": title, "abstract": abstract}
            )
    _write_jsonl(out_dir / CLAIMS_FILE, records)
    _write_jsonl(out_dir / SOURCES_FILE, sorted(sources.values(), key=lambda s: s["paper_id"]))
    return len(records), len(sources)


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.fchmod(fd, 0o644)  # mkstemp makes 0600; these are data files of the repository
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def git_head() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "HEAD"],
        cwd=PACKAGE_DIR,
        capture_output=True,
        text=True,
        timeout=5,
        check=False,
    )
    return out.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.claims_collect", description=__doc__)
    parser.add_argument("--only", help="question id prefix, e.g. c- (default: all)")
    parser.add_argument("--out-dir", type=Path, default=DATASETS_DIR)
    parser.add_argument(
        "--write-only",
        action="store_true",
        help="write the files from the drafts cached so far, run nothing",
    )
    args = parser.parse_args(argv)
    from assistant.llm.factory import make_llm
    from vectorstore.embeddings import make_embedder

    settings = Settings()
    questions = answerable_questions(args.only)
    shared = default_feeds_dir()
    feeds_dir = feeds_dir_for(api_days(questions), shared, settings.evals_dir / "claim_feeds")
    cache = settings.evals_dir / CACHE_FILE
    started = time.perf_counter()
    if not args.write_only:
        collect(settings, questions, make_llm(settings), make_embedder(settings), feeds_dir, cache)
    drafts = cached_drafts(questions, cache)
    n_sentences, n_sources = write_outputs(drafts, args.out_dir)
    print(
        f"{len(drafts)} questions, {n_sentences} sentences, {n_sources} source papers, "
        f"{time.perf_counter() - started:.0f}s"
    )


if __name__ == "__main__":
    main()
