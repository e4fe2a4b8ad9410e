"""The benchmark's inputs: the sample feed, the real Daily Papers archive (parsed by the ingest
code, malformed days included), subsets of it as archives, and real-looking questions."""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.models import Paper
    from evals.datasets import Question

ARCHIVE = "hf_api/hf_daily_papers_ALL_2024-05-27_to_2026-08-21.tar.gz"
TITLE_TEMPLATES = (
    "What does the paper {t} propose?",
    "How does {t} work, and what results does it report?",
    "Which benchmarks are used to evaluate {t}?",
    "What problem does {t} address?",
)


@dataclass
class Member:
    """One day file of the archive, with the papers the ingest parser finds in it."""

    name: str
    data: bytes
    papers: list[Paper] = field(default_factory=list)
    error: str | None = None


def archive_path(feeds_dir: Path | None = None) -> Path:
    from evals.datasets import default_feeds_dir

    return (feeds_dir or default_feeds_dir()) / ARCHIVE


def read_archive(path: Path) -> list[Member]:
    """Every day file in archive order, parsed as the ingest parses it (FeedError kept)."""
    from assistant.errors import FeedError
    from assistant.feeds import parse_bytes

    members: list[Member] = []
    with tarfile.open(path, mode="r|*") as archive:
        for info in archive:
            handle = archive.extractfile(info) if info.isfile() else None
            if handle is None:
                continue
            member = Member(info.name, handle.read())
            try:
                member.papers = parse_bytes(member.data, f"{path}/{info.name}").papers
            except FeedError as exc:
                member.error = str(exc)
            members.append(member)
    return members


def pick_members(members: list[Member], n_papers: int) -> list[Member]:
    """Whole days in archive order until ``n_papers`` papers, plus the first malformed day
    (so the subset exercises the parser's error path like the full archive does)."""
    chosen: list[Member] = []
    total = 0
    for member in members:
        if total >= n_papers:
            break
        chosen.append(member)
        total += len(member.papers)
    broken = next((m for m in members if m.error), None)
    if broken is not None and broken not in chosen:
        chosen.append(broken)
    return chosen


def write_archive(members: list[Member], dest: Path) -> Path:
    """A .tar.gz of these day files, under their original names."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dest, mode="w:gz") as archive:
        for member in members:
            info = tarfile.TarInfo(member.name)
            info.size = len(member.data)
            archive.addfile(info, io.BytesIO(member.data))
    return dest


def papers_of(members: list[Member]) -> list[Paper]:
    """The distinct papers of these days (first sighting wins), in archive order."""
    seen: dict[str, Paper] = {}
    for member in members:
        for paper in member.papers:
            seen.setdefault(paper.paper_id, paper)
    return list(seen.values())


def evenly(items: list, count: int) -> list:
    """``count`` items spread evenly over ``items`` (all of them if there are fewer)."""
    if count >= len(items):
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def sample_papers() -> list[Paper]:
    """The 46 papers of the built-in demo feed, parsed by the ingest code."""
    from assistant.config import Settings
    from assistant.feeds import load_source
    from assistant.models import ParseResult
    from assistant.services import builtin_feed_path

    results = load_source(str(builtin_feed_path()), Settings())
    return [p for r in results if isinstance(r, ParseResult) for p in r.papers]


def dev_questions(answerable_only: bool = True) -> list[Question]:
    """The sample feed's dev questions (single_fact + multi_paper when answerable_only)."""
    from evals.datasets import load_dataset

    questions = [q for q in load_dataset("sample_feed") if q.split == "dev"]
    return [q for q in questions if q.answerable or not answerable_only]


def title_questions(papers: list[Paper], count: int) -> list[str]:
    """Questions a reader might ask about papers in the store, made from their titles."""
    chosen = evenly(papers, count)
    return [
        TITLE_TEMPLATES[i % len(TITLE_TEMPLATES)].format(t=p.title) for i, p in enumerate(chosen)
    ]


def latency_questions(papers: list[Paper], count: int) -> list[str]:
    """Half dev questions (all kinds), half title-derived questions over ``papers``."""
    dev = [q.question for q in dev_questions(answerable_only=False)]
    n_dev = min(len(dev), count // 2)
    return evenly(dev, n_dev) + title_questions(papers, count - n_dev)
