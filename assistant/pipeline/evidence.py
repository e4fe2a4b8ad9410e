"""Pick the few abstract sentences that best answer a question: the tiny model reads only these."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.pipeline.grounding import SourceText
from assistant.pipeline.text import content_words, overlap
from assistant.pipeline.types import Evidence, RetrievedPaper
from assistant.sanitize import clean_untrusted
from vectorstore.embeddings import Embedder

LEXICAL_WEIGHT = 0.35


@dataclass
class SourceBundle:
    """A retrieved paper, cleaned, split into sentences and embedded once per question."""

    paper: RetrievedPaper
    text: SourceText
    vectors: np.ndarray


def bundle_sources(papers: list[RetrievedPaper], embedder: Embedder) -> list[SourceBundle]:
    texts = [SourceText.of(clean_untrusted(p.title), clean_untrusted(p.abstract)) for p in papers]
    flat = [s for t in texts for s in t.sentences]
    vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dim), dtype=np.float32)
    bundles, start = [], 0
    for paper, text in zip(papers, texts, strict=True):
        end = start + len(text.sentences)
        bundles.append(SourceBundle(paper, text, vectors[start:end]))
        start = end
    return bundles


def sentence_scores(question: str, q_vec: np.ndarray, bundle: SourceBundle) -> np.ndarray:
    words = content_words(question)
    lexical = np.array([overlap(words, content_words(s)) for s in bundle.text.sentences])
    dense = bundle.vectors @ q_vec if len(bundle.vectors) else np.zeros(0)
    return (1 - LEXICAL_WEIGHT) * dense + LEXICAL_WEIGHT * lexical


def select_evidence(
    question: str,
    q_vec: np.ndarray,
    bundles: list[SourceBundle],
    max_sentences: int = 5,
    per_source: int = 3,
) -> list[Evidence]:
    """Best sentences overall, at most ``per_source`` a paper, numbered by paper rank (1-based)."""
    candidates: list[Evidence] = []
    for n, bundle in enumerate(bundles, start=1):
        scores = sentence_scores(question, q_vec, bundle)
        for i in np.argsort(-scores)[:per_source]:
            candidates.append(
                Evidence(n, bundle.paper.paper_id, bundle.text.sentences[i], float(scores[i]))
            )
    candidates.sort(key=lambda e: -e.score)
    return candidates[:max_sentences]


def format_sources(evidence: list[Evidence], bundles: list[SourceBundle]) -> str:
    """Sources for the prompt, fenced, in abstract order within each paper."""
    blocks = []
    for n in sorted({e.source_n for e in evidence}):
        bundle = bundles[n - 1]
        chosen = {e.sentence for e in evidence if e.source_n == n}
        body = " ".join(s for s in bundle.text.sentences if s in chosen)
        blocks.append(f"<source {n}>\nTitle: {bundle.text.title}\n{body}\n</source {n}>")
    return "\n".join(blocks)
