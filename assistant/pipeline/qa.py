"""Grounded question answering: retrieve, select evidence, draft with the LLM, verify every
sentence against the source it cites, and fall back to quoting the evidence when the draft
does not hold up. Abstains when the feed does not cover the question."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

from assistant.errors import UsageError
from assistant.llm.base import Generation, Message
from assistant.pipeline import abstain
from assistant.pipeline.answer import AnswerBuilder, AnswerContext
from assistant.pipeline.ask import question_parts
from assistant.pipeline.evidence import (
    SourceBundle,
    bundle_sources,
    format_sources,
    lead_candidates,
    need_of,
    quote_sentences,
    select_evidence,
    top_source,
)
from assistant.pipeline.given import number_not_given
from assistant.pipeline.lead import answers_each_part, lead_quotes
from assistant.pipeline.listing import LIST_EMBEDDED, LIST_MAX, is_list_question, papers_to_list
from assistant.pipeline.name_given import name_not_given
from assistant.pipeline.retrieval import HybridRetriever
from assistant.pipeline.subject import absent_name, missing_subject, named_first, on_subject
from assistant.pipeline.text import topic_words
from assistant.pipeline.types import Answer, AnswerEvent, Evidence, Filters, RetrievedPaper
from prompts import Prompt, load_prompt

if TYPE_CHECKING:
    from assistant.llm.loader import LLMLoader
    from vectorstore.embeddings import Embedder
    from vectorstore.registry import Registry

History = list[tuple[str, str]]


class AskOptions(TypedDict, total=False):
    """What a question may come with: the conversation so far, papers to retrieve, filters."""

    history: History | None
    k: int | None
    filters: Filters | None


CONTEXT_PAPERS = 3
# Evidence sentences in the prompt: prefill (~250 tokens/s here) is most of the time to the
# first token, and the sentences that carry the answer are quoted beside the draft anyway.
PROMPT_SENTENCES = 3
# The closest papers one of which must name what a question asks about (as abstain's
# "missing" feature reads the top three).
NAMING = 3
MAX_ANSWER_TOKENS = 48  # one short sentence (about 25 tokens), with room to finish it


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
    """The question-answering pipeline. Thread-safe for concurrent questions. Built by
    ``assistant.services.build_pipeline`` from the components it names."""

    def __init__(
        self,
        *,
        retriever: HybridRetriever,
        registry: Registry,
        embedder: Embedder,
        llm: LLMLoader,
        calibration: abstain.Calibration,
        max_question_tokens: int,
        retrieval_k: int,
        canary: str,
        prompt: Prompt | None = None,
    ) -> None:
        """``canary`` is the system prompt's marker, never shown, so a draft that repeats the
        prompt is caught; ``prompt`` replaces prompts/answer (tests of prompt injection)."""
        self.retriever, self.registry, self.embedder = retriever, registry, embedder
        self.llm_loader = llm  # the model loads on first use (or on a thread: preload)
        self.calibration = calibration
        self.max_question_tokens, self.retrieval_k = max_question_tokens, retrieval_k
        self.prompt = prompt or load_prompt("answer")
        self.canary = canary

    def retrieve(self, question: str, **options: Unpack[AskOptions]) -> list[RetrievedPaper]:
        """The papers a question retrieves, without answering it (evals, benchmarks)."""
        return self.search(question, **options)[2]

    def search(
        self, question: str, **options: Unpack[AskOptions]
    ) -> tuple[str, Any, list[RetrievedPaper]]:
        """The validated question's search query, its embedding and the papers it retrieves."""
        return self._search(validate_question(question, self.max_question_tokens), options)

    def ask(self, question: str, **options: Unpack[AskOptions]) -> Answer:
        """The final answer of ``ask_stream`` (the same options)."""
        final = None
        for event in self.ask_stream(question, **options):
            if event.kind == "final":
                final = event.answer
        assert final is not None
        return final

    def ask_stream(self, question: str, **options: Unpack[AskOptions]) -> Iterator[AnswerEvent]:
        """Validate the question once, gather the evidence, and let the builder answer."""
        started = time.perf_counter()
        text = validate_question(question, self.max_question_tokens)
        self.registry.require_papers()
        self.llm_loader.preload()
        yield AnswerEvent("status", "searching the feed")
        ctx = self._gather(text, options)
        retrieval_ms = round((time.perf_counter() - started) * 1000, 1)
        builder = AnswerBuilder(
            ctx,
            embedder=self.embedder,
            llm=self.llm_loader.get(),
            canary=self.canary,
            started=started,
            timings={"retrieval": retrieval_ms},
        )
        yield from builder.respond(lambda: self._draft(ctx))

    def _gather(self, text: str, options: AskOptions) -> AnswerContext:
        """Retrieve, pick the evidence and the quotes, and judge whether the feed answers."""
        listing = is_list_question(text)
        query, q_vec, papers = self._search(text, options, at_least=LIST_MAX if listing else 0)
        bundles = (
            bundle_sources(papers[:LIST_MAX], self.embedder, LIST_EMBEDDED)
            if listing
            else bundle_sources(papers[:CONTEXT_PAPERS], self.embedder)
        )
        evidence = select_evidence(query, q_vec, bundles[:CONTEXT_PAPERS], PROMPT_SENTENCES)
        quotes, leads = self._quotes(text, query, q_vec, bundles, evidence)
        answering = leads or quotes
        top_text = bundles[answering[0].source_n - 1].text if answering else None
        index = self.retriever.index()
        signals = abstain.features(text, papers, evidence, index.doc_freq, index.n_papers)
        given = [top_text.title, *top_text.sentences] if top_text else None
        not_given = (
            (number_not_given(text, given) or name_not_given(text, given)) if given else None
        )
        # The closest papers' own words, read for the question's names.
        near = [f"{p.title} {p.abstract}" for p in papers[:NAMING]]
        return AnswerContext(
            question=text,
            papers=papers,
            bundles=bundles,
            evidence=evidence,
            quotes=quotes,
            lead=leads,
            answerable=self.calibration.probability(signals),
            threshold=self.calibration.threshold,
            listed=papers_to_list(text, q_vec, bundles) if listing else None,
            unnamed=None if listing else missing_subject(text, near),
            not_given=not_given,
            absent=absent_name(text, f"{top_text.title} {top_text.abstract}", near, index.doc_freq)
            if top_text and not_given
            else None,
        )

    def _quotes(
        self,
        text: str,
        query: str,
        q_vec: Any,
        bundles: list[SourceBundle],
        evidence: list[Evidence],
    ) -> tuple[list[Evidence], list[Evidence]]:
        """The quotes of the top source (``top_source``) and the lead among its sentences."""
        if not evidence:
            return [], []
        parts = question_parts(text)

        def answers_all(e: Evidence) -> bool:
            """Every part asks for a number or a name, and ``e`` holds each (a part asking for
            neither would be answered by any sentence)."""
            title = bundles[e.source_n - 1].text.title
            return all(map(need_of, parts)) and answers_each_part(e.sentence, text, title)

        named = on_subject(text, evidence, [b.paper for b in bundles])
        top = top_source(text, named, bundles, len(parts), answers_all)
        quotes = quote_sentences(query, q_vec, bundles[top - 1], top)
        pool = lead_candidates(query, q_vec, bundles[top - 1], quotes)
        source = bundles[top - 1].text
        return quotes, lead_quotes(text, pool, source.sentences, source.title)

    def _search(
        self, text: str, options: AskOptions, at_least: int = 0
    ) -> tuple[str, Any, list[RetrievedPaper]]:
        """The query (expanded by the previous turn for a follow-up), its embedding (made once
        per question) and the papers it retrieves (``at_least`` of them: a paper list checks
        more papers than an answer quotes)."""
        query = retrieval_query(text, options.get("history"))
        q_vec = self.embedder.embed([query])[0]
        k = max(options.get("k") or self.retrieval_k, at_least)
        papers = self.retriever.retrieve(query, q_vec, k, options.get("filters"))
        return query, q_vec, named_first(text, papers)

    def _draft(self, ctx: AnswerContext) -> Generation:
        """The model's draft: the lead quote turned into a direct answer (prompts/answer.txt)."""
        system, user = self.prompt.render(
            sources=format_sources(ctx.shown_quotes(), ctx.bundles),
            question=ctx.question,
            canary=self.canary,
        )
        examples = [
            Message(role, text)
            for turn, reply in self.prompt.examples
            for role, text in (("user", turn), ("assistant", reply))
        ]
        return self.llm_loader.get().generate(
            [Message("system", system), *examples, Message("user", user)],
            max_tokens=MAX_ANSWER_TOKENS,
            temperature=0.0,
        )
