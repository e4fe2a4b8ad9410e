"""What the pipeline returns: retrieved papers, evidence, citations and answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# How an answer was made; documented in assistant/pipeline/answer.py (choose_path).
AnswerPath = Literal[
    "model",
    "model-filtered",
    "quote-led",
    "quoted-evidence",
    "paper-list",
    "abstained",
    "model-crashed",
]


@dataclass(frozen=True)
class Filters:
    """Retrieval filters: an inclusive window of feed days (YYYY-MM-DD) and a source name."""

    since: str | None = None
    until: str | None = None
    source: str | None = None


@dataclass
class RetrievedPaper:
    paper_id: str
    title: str
    url: str | None
    day: str | None
    fused: float  # reciprocal-rank-fusion score
    dense: float  # best cosine similarity of any of its chunks to the question
    lexical: float  # best BM25 score of any of its chunks
    passages: list[str] = field(default_factory=list)
    abstract: str = ""


@dataclass(frozen=True)
class Evidence:
    """One sentence of a retrieved abstract, numbered by the source it belongs to."""

    source_n: int
    paper_id: str
    sentence: str
    score: float


@dataclass(frozen=True)
class Citation:
    n: int
    paper_id: str
    title: str
    url: str | None
    quote: str


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    backend: str
    model: str
    path: AnswerPath
    timings_ms: dict[str, float] = field(default_factory=dict)
    usage: dict[str, int] = field(default_factory=dict)
    sources: list[RetrievedPaper] = field(default_factory=list)
    dropped_sentences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `feedqa ask --json` object."""
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [asdict(c) for c in self.citations],
            "backend": self.backend,
            "model": self.model,
            "path": self.path,
            "timings_ms": self.timings_ms,
            "usage": self.usage,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class AnswerEvent:
    """A step of a streamed answer: ``delta`` text to append, or the ``final`` Answer."""

    kind: Literal["status", "delta", "final"]
    text: str = ""
    answer: Answer | None = None
