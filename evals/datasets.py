"""Evaluation questions: loading and validating the JSONL files, feeds and gold paper ids."""

from __future__ import annotations

import json
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import UsageError
from assistant.feeds.ids import fold_title
from assistant.models import Paper, normalise_text

# Paths come from this file, not the package: an old editable install may see `evals` as a
# namespace package whose __init__ never runs.
PACKAGE_DIR = Path(__file__).resolve().parent
DATASETS_DIR = PACKAGE_DIR / "datasets"
THRESHOLDS_PATH = PACKAGE_DIR / "thresholds.toml"
KINDS = ("single_fact", "multi_paper", "unanswerable", "injection")
SPLITS = ("dev", "test")
# The shared 580-day archive: API days no standalone file holds are taken from it.
ARCHIVE = "hf_daily_papers_ALL_2024-05-27_to_2026-08-21.tar.gz"
DATASET_NAMES = ("sample_feed", "api_day", "injection")
INJECTION_FEED = "injection_feed.jsonl"
_REQUIRED = ("id", "feed", "kind", "question", "gold_titles", "key_facts", "split")


class DatasetError(UsageError):
    """A dataset file that does not follow the schema in evals/datasets/README.md."""


@dataclass(frozen=True)
class Question:
    """One evaluation question, as in the dataset README."""

    id: str
    dataset: str
    feed: str
    kind: str
    question: str
    gold_titles: tuple[str, ...]
    gold_ids: tuple[str, ...]
    key_facts: tuple[tuple[str, ...], ...]
    forbidden: tuple[str, ...]
    split: str

    @property
    def answerable(self) -> bool:
        return self.kind in ("single_fact", "multi_paper")


def default_feeds_dir() -> Path:
    """The shared real feeds beside the repository checkout (``<repo>/../shared/feeds``)."""
    return PACKAGE_DIR.parents[1] / "shared" / "feeds"


def load_dataset(name: str, datasets_dir: Path | None = None) -> list[Question]:
    """The questions of ``<datasets_dir>/<name>.jsonl``, validated."""
    path = (datasets_dir or DATASETS_DIR) / f"{name}.jsonl"
    if not path.is_file():
        raise DatasetError(f"{path}: no such dataset")
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            questions.append(_question(name, _decode(line, path, number), f"{path}:{number}"))
    return questions


def load_datasets(names: Iterable[str], datasets_dir: Path | None = None) -> list[Question]:
    """Questions of several datasets, checking that ids are unique across them."""
    questions = [q for name in names for q in load_dataset(name, datasets_dir)]
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            raise DatasetError(f"duplicate question id {q.id}")
        seen.add(q.id)
    return questions


def _decode(line: str, path: Path, number: int) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise DatasetError(f"{path}:{number}: invalid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise DatasetError(f"{path}:{number}: expected an object")
    return record


def _question(dataset: str, record: dict[str, Any], where: str) -> Question:
    missing = [key for key in _REQUIRED if key not in record]
    if missing:
        raise DatasetError(f"{where}: missing {', '.join(missing)}")
    if record["kind"] not in KINDS or record["split"] not in SPLITS:
        raise DatasetError(f"{where}: bad kind or split")
    facts = record["key_facts"]
    if not isinstance(facts, list) or not all(_strings(g) and g for g in facts):
        raise DatasetError(f"{where}: key_facts must be a list of non-empty string lists")
    if not _strings(record["gold_titles"]) or not _strings(record.get("forbidden", [])):
        raise DatasetError(f"{where}: gold_titles and forbidden must be string lists")
    return Question(
        id=str(record["id"]),
        dataset=dataset,
        feed=str(record["feed"]),
        kind=record["kind"],
        question=str(record["question"]),
        gold_titles=tuple(normalise_text(t) for t in record["gold_titles"]),
        gold_ids=tuple(record.get("gold_ids", [])),
        key_facts=tuple(tuple(g) for g in facts),
        forbidden=tuple(record.get("forbidden", [])),
        split=record["split"],
    )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def select(
    questions: list[Question], split: str = "dev", slice_n: int | None = None
) -> list[Question]:
    """Questions of ``split`` ("dev", "test" or "all"), optionally a stratified slice of them."""
    if split not in (*SPLITS, "all"):
        raise UsageError(f"unknown split {split!r}: use dev, test or all")
    chosen = [q for q in questions if split == "all" or q.split == split]
    return stratified_slice(chosen, slice_n) if slice_n else chosen


def stratified_slice(questions: list[Question], n: int) -> list[Question]:
    """About ``n`` questions, each (feed, kind) stratum kept in proportion (at least one each),
    picked evenly spaced through the stratum so the slice is deterministic and representative."""
    strata: dict[tuple[str, str], list[Question]] = {}
    for q in questions:
        strata.setdefault((q.feed, q.kind), []).append(q)
    quotas = _quotas({k: len(v) for k, v in strata.items()}, n)
    picked = {q.id for key, items in strata.items() for q in _evenly(items, quotas[key])}
    return [q for q in questions if q.id in picked]


def _quotas(sizes: dict[tuple[str, str], int], n: int) -> dict[tuple[str, str], int]:
    total = sum(sizes.values())
    if n >= total:
        return dict(sizes)
    exact = {k: n * size / total for k, size in sizes.items()}
    quotas = {k: min(sizes[k], max(1, int(v))) for k, v in exact.items()}
    by_remainder = sorted(sizes, key=lambda k: exact[k] - int(exact[k]), reverse=True)
    for key in by_remainder:
        if sum(quotas.values()) >= n:
            break
        if quotas[key] < sizes[key]:
            quotas[key] += 1
    return quotas


def _evenly(items: list[Question], count: int) -> list[Question]:
    if count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def api_days(questions: Iterable[Question]) -> set[str]:
    """The Daily Papers API days (``YYYY-MM-DD``) the questions' feeds name."""
    parts = {part for q in questions for part in q.feed.split("+")}
    return {p.removeprefix("hf_api_") for p in parts if p.startswith("hf_api_")}


def feeds_dir_for(days: set[str], shared: Path, scratch: Path) -> Path:
    """A feeds directory holding every API day asked about: the shared one if it has them all,
    else ``scratch`` with the shared days copied and the missing ones taken from the archive.
    A day neither holds is left out, so asking for it reports the missing feed file."""
    wanted = {f"hf_daily_papers_{d}.json" for d in days}
    if all((shared / "hf_api" / name).is_file() for name in wanted):
        return shared
    target = scratch / "hf_api"
    target.mkdir(parents=True, exist_ok=True)
    archive_path = shared / "hf_api" / ARCHIVE
    if not archive_path.is_file():
        return shared
    with tarfile.open(archive_path) as archive:
        for name in sorted(wanted):
            _place_day(name, shared / "hf_api" / name, archive, target)
    return scratch


def _place_day(name: str, shared_file: Path, archive: tarfile.TarFile, target: Path) -> None:
    if shared_file.is_file():
        (target / name).write_bytes(shared_file.read_bytes())
        return
    try:
        member = archive.extractfile(
            f"Paper_metadata_download/{name.removeprefix('hf_daily_papers_')}"
        )
    except KeyError:
        return
    if member is not None:
        (target / name).write_bytes(member.read())


def feed_specs(
    feed: str, feeds_dir: Path, builtin: Path, datasets_dir: Path | None = None
) -> list[str]:
    """The files to ingest for a dataset ``feed`` name (``a+b`` is the union of a and b)."""
    specs: list[str] = []
    for part in feed.split("+"):
        if part == "sample":
            specs.append(str(builtin))
        elif part == "injection":
            specs.append(str((datasets_dir or DATASETS_DIR) / INJECTION_FEED))
        elif part.startswith("hf_api_"):
            day = part.removeprefix("hf_api_")
            specs.append(str(feeds_dir / "hf_api" / f"hf_daily_papers_{day}.json"))
        else:
            raise DatasetError(f"unknown feed {part!r} in {feed!r}")
    return specs


def gold_paper_ids(question: Question, papers: Iterable[Paper]) -> tuple[list[str], list[str]]:
    """The gold papers' ids in the ingested store, and the gold titles that matched nothing.

    ``gold_ids`` win when the store has them; otherwise titles are matched after folding case,
    punctuation and whitespace."""
    by_title = {fold_title(p.title): p.paper_id for p in papers}
    known = set(by_title.values())
    found: list[str] = []
    missing: list[str] = []
    for i, title in enumerate(question.gold_titles):
        arxiv = question.gold_ids[i] if i < len(question.gold_ids) else None
        paper_id = arxiv if arxiv in known else by_title.get(fold_title(title))
        if paper_id is None:
            missing.append(title)
        elif paper_id not in found:
            found.append(paper_id)
    return found, missing
