"""Pick the few abstract sentences that best answer a question: the tiny model reads only these."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.pipeline.grounding import SourceText
from assistant.pipeline.text import content_words, overlap, topic_words
from assistant.pipeline.types import Evidence, RetrievedPaper
from assistant.sanitize import clean_untrusted
from vectorstore.embeddings import Embedder

LEXICAL_WEIGHT = 0.35
# Quotes: each next sentence is chosen for its score plus the share of the question's topic
# words it adds (a two-part question is usually answered by two sentences), until every
# question word found in the abstract is covered or three are chosen. Set on the dev split.
COVERAGE_WEIGHT = 0.6
MAX_QUOTES = 3
# "Which papers ...?" answers list the top paper and each of the next ones whose best chunk is
# nearly as similar to the question, or whose BM25 score is at least half the best one.
LIST_MAX = 5
LIST_DENSE_SHARE = 0.8
LIST_LEXICAL_SHARE = 0.5


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


def quote_sentences(
    question: str, q_vec: np.ndarray, bundle: SourceBundle, source_n: int
) -> list[Evidence]:
    """The sentences of one source that answer ``question`` together, best first."""
    scores = sentence_scores(question, q_vec, bundle)
    asked = topic_words(question)
    answers = [topic_words(s) & asked for s in bundle.text.sentences]
    coverable: set[str] = set().union(*answers)
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < min(MAX_QUOTES, len(answers)):
        if chosen and coverable <= covered:
            break
        gains = [-np.inf if i in chosen else
                 scores[i] + COVERAGE_WEIGHT * len(answers[i] - covered) / max(1, len(asked))
                 for i in range(len(answers))]  # fmt: skip
        best = int(np.argmax(gains))
        chosen.append(best)
        covered |= answers[best]
    return [Evidence(source_n, bundle.paper.paper_id, bundle.text.sentences[i], float(scores[i]))
            for i in chosen]  # fmt: skip


def papers_to_list(question: str, q_vec: np.ndarray, bundles: list[SourceBundle]) -> list[Evidence]:
    """For a question asking which papers do something: the relevant papers among the top
    ``LIST_MAX``, each with its sentence that best bears on the question."""
    papers = [b.paper for b in bundles[:LIST_MAX]]
    if not papers:
        return []
    top_dense = max(p.dense for p in papers)
    top_lexical = max(p.lexical for p in papers)
    listed = []
    for n, bundle in enumerate(bundles[:LIST_MAX], start=1):
        paper = bundle.paper
        relevant = (paper.dense >= LIST_DENSE_SHARE * top_dense
                    or paper.lexical >= LIST_LEXICAL_SHARE * top_lexical)  # fmt: skip
        if (n == 1 or relevant) and bundle.text.sentences:
            scores = sentence_scores(question, q_vec, bundle)
            best = int(np.argmax(scores))
            listed.append(
                Evidence(n, paper.paper_id, bundle.text.sentences[best], float(scores[best]))
            )
    return listed


def format_sources(evidence: list[Evidence], bundles: list[SourceBundle]) -> str:
    """Sources for the prompt, fenced, in abstract order within each paper."""
    blocks = []
    for n in sorted({e.source_n for e in evidence}):
        bundle = bundles[n - 1]
        chosen = {e.sentence for e in evidence if e.source_n == n}
        body = " ".join(s for s in bundle.text.sentences if s in chosen)
        blocks.append(f"<source {n}>\nTitle: {bundle.text.title}\n{body}\n</source {n}>")
    return "\n".join(blocks)
