"""Grounded question answering: retrieve, select evidence, draft with the LLM, verify every
sentence against the source it cites, and fall back to quoting the evidence when the draft
does not hold up. Abstains when the feed does not cover the question."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.errors import UsageError
from assistant.llm.base import Message
from assistant.pipeline import abstain
from assistant.pipeline.answer import AnswerBuilder
from assistant.pipeline.evidence import bundle_sources, format_sources, select_evidence
from assistant.pipeline.retrieval import HybridRetriever
from assistant.pipeline.text import topic_words
from assistant.pipeline.types import Answer, AnswerEvent, Filters, RetrievedPaper
from prompts import load_prompt

if TYPE_CHECKING:
    from assistant.services import Services

History = list[tuple[str, str]]
CONTEXT_PAPERS = 3
MAX_ANSWER_TOKENS = 96


def count_tokens(text: str) -> int:
    """tiktoken (cl100k) count; llama-index ships the BPE file, so this works offline."""
    from llama_index.core.utils import get_tokenizer

    return len(get_tokenizer()(text))


def validate_question(question: str, max_tokens: int) -> str:
    text = " ".join(question.split())
    if not text:
        raise UsageError("the question is empty")
    if len(text) > max_tokens * 12 or count_tokens(text) > max_tokens:
        raise UsageError(f"the question is too long (limit {max_tokens} tokens)")
    return text


_FOLLOW_UP = re.compile(
    r"\b(they|them|their|it|its|this|that|these|those|the (paper|method|model|authors?|approach"
    r"|work|study)|same|also|else|more)\b",
    re.IGNORECASE,
)


def is_follow_up(question: str) -> bool:
    """A question that leans on the previous turn: refers back, or names too little itself."""
    return bool(_FOLLOW_UP.search(question)) or len(topic_words(question)) <= 1


def retrieval_query(question: str, history: History | None) -> str:
    """Follow-ups lean on the previous turn so "what dataset did they use?" stays on topic;
    a self-contained new question is searched as asked."""
    if not history or not is_follow_up(question):
        return question
    last_question, last_answer = history[-1]
    return f"{question} {last_question} {last_answer[:300]}"


class QAPipeline:
    """The question-answering pipeline. Thread-safe for concurrent questions."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.retriever = HybridRetriever(services)
        self.prompt = load_prompt("answer")
        self.calibration = abstain.load_calibration()
        self.canary = secrets.token_hex(4)  # per process; never shown, so leaks are detectable

    def retrieve(
        self,
        question: str,
        k: int | None = None,
        filters: Filters | None = None,
        history: History | None = None,
    ) -> list[RetrievedPaper]:
        text = validate_question(question, self.services.settings.max_question_tokens)
        k = k or self.services.settings.retrieval_k
        return self.retriever.retrieve(retrieval_query(text, history), k, filters)

    def ask(
        self,
        question: str,
        *,
        history: History | None = None,
        k: int | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        final = None
        for event in self.ask_stream(question, history=history, k=k, filters=filters):
            if event.kind == "final":
                final = event.answer
        assert final is not None
        return final

    def ask_stream(
        self,
        question: str,
        *,
        history: History | None = None,
        k: int | None = None,
        filters: Filters | None = None,
    ) -> Iterator[AnswerEvent]:
        started = time.perf_counter()
        text = validate_question(question, self.services.settings.max_question_tokens)
        self.services.require_papers()
        yield AnswerEvent("status", "searching the feed")
        papers = self.retrieve(text, k, filters, history)
        builder = AnswerBuilder(text, papers, self.services, started)
        bundles = bundle_sources(papers[:CONTEXT_PAPERS], self.services.embedder)
        q_vec = self.services.embedder.embed([retrieval_query(text, history)])[0]
        evidence = select_evidence(text, q_vec, bundles)
        builder.attach(bundles, evidence)
        builder.mark("retrieval")
        index = self.retriever.index()
        signals = abstain.features(text, papers, evidence, index.doc_freq, len(index.papers))
        probability = self.calibration.probability(signals)
        builder.answerable, builder.threshold = probability, self.calibration.threshold
        builder.canary = self.canary
        if probability < self.calibration.threshold or not evidence:
            yield from builder.abstain("retrieval score below the calibrated threshold")
            return
        yield AnswerEvent("status", "writing the answer")
        system, user = self.prompt.render(
            sources=format_sources(evidence, bundles), question=text, canary=self.canary
        )
        generation = self.services.llm.generate(
            [Message("system", system), Message("user", user)],
            max_tokens=MAX_ANSWER_TOKENS,
            temperature=0.0,
        )
        yield from builder.stream_verified(generation)
