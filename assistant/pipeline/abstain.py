"""When does the feed not cover a question? A logistic score over retrieval features,
calibrated on the dev split of our own questions (evals/calibrate.py writes the file)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib.resources import files

from assistant.pipeline.text import content_words
from assistant.pipeline.types import Evidence, RetrievedPaper

FEATURES = ("dense", "coverage", "evidence")


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # abstain below this probability of "answerable"

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features[f] for w, f in zip(self.weights, FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


# Used only until a calibration file exists: a plain cut on the best dense similarity.
UNCALIBRATED = Calibration(weights=(12.0, 2.0, 4.0), bias=-7.5, threshold=0.5)


def load_calibration() -> Calibration:
    resource = files("assistant") / "data" / "abstain_calibration.json"
    if not resource.is_file():
        return UNCALIBRATED
    data = json.loads(resource.read_text(encoding="utf-8"))
    return Calibration(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


def features(question: str, papers: list[RetrievedPaper], evidence: list[Evidence]) -> dict[str, float]:
    """dense: best chunk cosine; coverage: share of the question's content words found in the
    top paper; evidence: best evidence sentence score."""
    if not papers:
        return dict.fromkeys(FEATURES, 0.0)
    top = papers[0]
    words = content_words(question)
    paper_words = content_words(f"{top.title} {top.abstract}")
    coverage = len(words & paper_words) / len(words) if words else 0.0
    return {
        "dense": max(p.dense for p in papers[:3]),
        "coverage": coverage,
        "evidence": max((e.score for e in evidence), default=0.0),
    }
