"""Does a sentence say only what its cited source says? Lexical, number/entity and embedding
checks against the source's own sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from assistant.pipeline.citations import split_sentences
from assistant.pipeline.text import content_words, entities, numbers, overlap, stems

MIN_OVERLAP = 0.6  # share of the claim's content words found in the source
MIN_COSINE = 0.72  # MiniLM similarity to the best single source sentence
MIN_OVERLAP_WITH_COSINE = 0.34  # a paraphrase must still share some wording


@dataclass(frozen=True)
class SourceText:
    """A retrieved paper as the grounding check sees it."""

    title: str
    abstract: str
    sentences: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, title: str, abstract: str) -> SourceText:
        return cls(title, abstract, tuple(split_sentences(abstract)))


@dataclass(frozen=True)
class Verdict:
    supported: bool
    overlap: float
    cosine: float
    best_sentence: str
    reasons: tuple[str, ...] = ()


def check_claim(
    claim: str, source: SourceText, claim_vec: np.ndarray, sent_vecs: np.ndarray
) -> Verdict:
    """Judge ``claim`` against one source, given MiniLM vectors of the claim and its sentences."""
    text = f"{source.title} {source.abstract}"
    reasons = []
    if missing := numbers(claim) - numbers(text):
        reasons.append(f"numbers not in source: {sorted(missing)}")
    if missing := entities(claim) - entities(text) - content_words(text):
        reasons.append(f"names not in source: {sorted(missing)}")
    lexical = overlap(content_words(claim), content_words(text))
    cosines = sent_vecs @ claim_vec if len(sent_vecs) else np.zeros(1)
    best = int(np.argmax(cosines))
    cosine = float(cosines[best])
    if lexical < MIN_OVERLAP and not (cosine >= MIN_COSINE and lexical >= MIN_OVERLAP_WITH_COSINE):
        reasons.append(f"weak support (overlap {lexical:.2f}, similarity {cosine:.2f})")
    best_sentence = source.sentences[best] if source.sentences else source.abstract
    return Verdict(not reasons, lexical, cosine, best_sentence, tuple(reasons))


def restates_question(claim: str, question: str) -> bool:
    """True when ``claim`` adds no word or number to the question: the tiny model often echoes
    the question back as if it were the answer."""
    added = stems(content_words(claim)) - stems(content_words(question))
    return not added and not numbers(claim) - numbers(question)
