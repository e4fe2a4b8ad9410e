"""A model sentence copied in the authors' voice ("We reach ...") is said of "the authors" in
the answer, checked as such, and never shown as "We ..." (assistant.pipeline.answer)."""

from __future__ import annotations

from assistant.llm.base import Generation
from assistant.pipeline.answer import AnswerBuilder, AnswerContext
from assistant.pipeline.evidence import SourceBundle
from assistant.pipeline.grounding import SourceText
from assistant.pipeline.types import Answer, Evidence, RetrievedPaper
from vectorstore.embeddings import FakeEmbedder

TITLE = "Dual-backbone anomaly detection in surveillance videos"
RESULT = (
    "Our dual-backbone framework combines convolutional and transformer representations "
    "through top-k pooling, achieving 90.7% AUC on the UCF-Crime dataset."
)
ABSTRACT = f"Anomalies in surveillance videos are rare and hard to label. {RESULT}"
QUESTION = "How does the dual-backbone anomaly detector combine its representations?"


def answer(draft: str) -> Answer:
    embedder = FakeEmbedder()
    paper = RetrievedPaper("p1", TITLE, None, None, 1.0, 0.5, 0.5, abstract=ABSTRACT)
    text = SourceText.of(TITLE, ABSTRACT)
    bundle = SourceBundle(paper, text, embedder.embed(list(text.sentences)))
    evidence = [Evidence(1, "p1", RESULT, 0.5)]
    ctx = AnswerContext(QUESTION, [paper], [bundle], evidence, evidence, 0.9, 0.1, lead=evidence)
    builder = AnswerBuilder(ctx, embedder=embedder, llm=None, canary="", started=0.0)
    final = list(builder.stream_verified(Generation(iter([draft]))))[-1].answer
    assert final is not None
    return final


def test_a_sentence_in_the_authors_voice_is_said_of_the_authors() -> None:
    said = answer(
        "Our dual-backbone framework combines convolutional and transformer representations "
        "through top-k pooling [1]."
    )
    assert said.answer.startswith("Their dual-backbone framework combines"), said.answer
    unquoted = said.answer.split("“")[0]  # a quotation keeps the abstract's own words
    assert "Our " not in unquoted and "We " not in unquoted


def test_a_changed_fact_in_the_authors_voice_is_still_dropped() -> None:
    said = answer(
        "Our dual-backbone framework replaces convolutional representations with transformer "
        "representations through top-k pooling [1]."
    )
    assert not said.answer.startswith("Their"), said.answer
    assert said.dropped_sentences
