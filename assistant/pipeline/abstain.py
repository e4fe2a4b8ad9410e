"""When does the feed not cover a question? A logistic score over retrieval features,
calibrated on the dev split of our own questions (evals/calibrate.py writes the file)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files

from assistant.names import mentions, squash
from assistant.pipeline.subject import subject_names
from assistant.pipeline.text import content_words, entities, topic_words
from assistant.pipeline.types import Evidence, RetrievedPaper

FEATURES = ("dense", "coverage", "evidence", "missing")


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # abstain below this probability of "answerable"

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features[f] for w, f in zip(self.weights, FEATURES, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


# Used only until a calibration file exists: a plain cut on the best dense similarity.
UNCALIBRATED = Calibration(weights=(4.0, 3.0, 2.0, -3.0), bias=-3.0, threshold=0.5)


def load_calibration() -> Calibration:
    resource = files("assistant") / "data" / "abstain_calibration.json"
    if not resource.is_file():
        return UNCALIBRATED
    data = json.loads(resource.read_text(encoding="utf-8"))
    return Calibration(tuple(data["weights"]), float(data["bias"]), float(data["threshold"]))


def idf(word: str, doc_freq: Mapping[str, int], n_docs: int) -> float:
    return math.log((n_docs + 1) / (doc_freq.get(word, 0) + 1)) + 1.0


def features(
    question: str,
    papers: list[RetrievedPaper],
    evidence: list[Evidence],
    doc_freq: Mapping[str, int],
    n_docs: int,
) -> dict[str, float]:
    """dense: best chunk cosine; coverage: IDF-weighted share of the question's topic words
    found in the top paper (rare words like a benchmark's name weigh most); evidence: best
    evidence sentence score; missing: 1 when a name in the question (an acronym or model name
    such as MVBench) appears in none of the top three papers, spelled any way ("FireRed OCR"
    names FireRed-OCR, "T3RL" names T^3RL: ``names.mentions``)."""
    if not papers:
        return dict.fromkeys(FEATURES, 0.0) | {"missing": 1.0}
    words = topic_words(question)
    weights = {w: idf(w, doc_freq, n_docs) for w in words}
    top_words = topic_words(f"{papers[0].title} {papers[0].abstract}")
    near_text = " ".join(f"{p.title} {p.abstract}" for p in papers[:3])
    near_names = entities(near_text) | content_words(near_text)
    total = sum(weights.values()) or 1.0
    return {
        "dense": max(p.dense for p in papers[:3]),
        "coverage": sum(weights[w] for w in words if w in top_words) / total,
        "evidence": max((e.score for e in evidence), default=0.0),
        "missing": 1.0 if _unnamed(entities(question) - near_names, near_text, question) else 0.0,
    }


# A name with a version ("VBench-2.0"), which ``entities`` cuts at its dot ("vbench-2").
_DOTTED = re.compile(r"\b[\w-]+(?:\.\d+)+\b")


def _unnamed(names: set[str], text: str, question: str) -> bool:
    """Whether any of ``names`` (not found as a word of ``text``) is not there spelled
    another way either, alone or as part of the question's name it was cut from ("FireRed
    VAD" is "FireRedVAD", "Video CoCo" is "VideoCoCo", though neither "firered" nor "coco" is
    a word of the text; "VBench-2.0" is there though "vbench-2" is not)."""
    spellings = [*subject_names(question, settings=True), *_DOTTED.findall(question)]
    whole = [n for n in spellings if mentions(n, text)]
    return any(
        not mentions(name, text) and not any(squash(name) in squash(n) for n in whole)
        for name in names
    )
