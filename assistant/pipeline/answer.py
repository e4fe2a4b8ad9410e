"""Turning a streamed draft into a verified answer, sentence by sentence."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.errors import ModelCrashed
from assistant.links import paper_url
from assistant.llm.base import Generation
from assistant.pipeline.citations import Claim, parse_claims, render_claim, split_sentences
from assistant.pipeline.evidence import SourceBundle
from assistant.pipeline.grounding import Verdict, check_claim, restates_question
from assistant.pipeline.text import content_words, entities, numbers, overlap
from assistant.pipeline.types import (
    Answer,
    AnswerEvent,
    AnswerPath,
    Citation,
    Evidence,
    RetrievedPaper,
)
from assistant.sanitize import clean_output

if TYPE_CHECKING:
    from assistant.services import Services

SENTINEL = "NOT IN FEED"
DECLINE_MARGIN = 0.25  # a model "not in feed" is believed unless retrieval is this confident
ABSTAIN_TEXT = "The feed does not cover this."
QUOTE_COVERED = 0.7  # share of a quote's words a kept claim must repeat to make it redundant


class AnswerBuilder:
    """Collects verified claims and produces the final Answer for one question."""

    def __init__(
        self, question: str, papers: list[RetrievedPaper], services: Services, started: float
    ) -> None:
        self.question, self.papers, self.services, self.started = (
            question,
            papers,
            services,
            started,
        )
        self.timings: dict[str, float] = {}
        self.bundles: list[SourceBundle] = []
        self.evidence: list[Evidence] = []
        self.quotes: list[Evidence] = []
        self.kept: list[tuple[Claim, dict[int, Verdict]]] = []
        self.dropped: list[str] = []
        self.notes: list[str] = []
        self.answerable = 1.0
        self.threshold = 0.5  # the calibrated abstention threshold, set by the pipeline
        self.canary = ""  # a secret in the system prompt: output containing it is dropped
        self.model_declined = False
        self.generation: Generation | None = None

    def attach(
        self, bundles: list[SourceBundle], evidence: list[Evidence], quotes: list[Evidence]
    ) -> None:
        """The sources as numbered in the prompt, the evidence it shows, and the sentences of
        the top source that answer the question (quoted beside or instead of the draft)."""
        self.bundles, self.evidence, self.quotes = bundles, evidence, quotes

    def mark(self, name: str) -> None:
        self.timings.setdefault(name, round((time.perf_counter() - self.started) * 1000, 1))

    def _emit(self, text: str) -> AnswerEvent:
        self.mark("first_token")
        return AnswerEvent("delta", text)

    def abstain(self, reason: str) -> Iterator[AnswerEvent]:
        nearest = "; ".join(f'"{p.title}"' for p in self.papers[:3])
        text = ABSTAIN_TEXT + (f" Nearest papers: {nearest}." if nearest else "")
        yield self._emit(text)
        self.notes.append(reason)
        yield self._final(text, [], abstained=True, path="abstained")

    def stream_verified(self, generation: Generation) -> Iterator[AnswerEvent]:
        self.generation = generation
        buffer = ""
        try:
            for delta in generation:
                self.mark("first_model_token")
                buffer += delta
                *complete, buffer = split_sentences(buffer + "\0") or [""]
                buffer = buffer.removesuffix("\0")
                for sentence in complete:
                    yield from self._handle(sentence)
        except ModelCrashed as crash:
            yield from self._after_crash(crash)
            return
        if buffer.strip():
            yield from self._handle(buffer)
        self.mark("generation")
        yield from self._finish()

    def _after_crash(self, crash: ModelCrashed) -> Iterator[AnswerEvent]:
        """The model process died mid-answer: one line saying so, then the evidence quoted.
        What was already verified and shown stays."""
        self.notes.append(str(crash))
        notice = (
            f"The model crashed ({crash.status}) before finishing this answer; "
            "it restarts for the next question. From the sources:"
        )
        quotes = self.quotes or self.evidence[:1]
        quoted = " ".join(_quote(e) for e in quotes)
        shown = " ".join(render_claim(c) for c, _ in self.kept)
        text = " ".join(part for part in (shown, notice, quoted) if part)
        yield self._emit((" " if shown else "") + " ".join(p for p in (notice, quoted) if p))
        citations = [*self._citations(), *(self._citation(e.source_n, e.sentence) for e in quotes)]
        yield self._final(text, _unique(citations), abstained=False, path="model-crashed")

    def _handle(self, sentence: str) -> Iterator[AnswerEvent]:
        if SENTINEL in sentence.upper():
            self.model_declined = True
            return
        if self.canary and self.canary in sentence:
            self.dropped.append("[sentence repeating the system prompt]")
            self.notes.append("dropped a sentence that leaked the system prompt")
            return
        sentence = sentence.replace("[n]", "")  # the prompt's own placeholder, parroted back
        for claim in parse_claims(clean_output(sentence), len(self.bundles)):
            verified = self._verify(claim)
            if verified is None:
                self.dropped.append(claim.text)
                continue
            self.kept.append(verified)
            yield self._emit(("" if len(self.kept) == 1 else " ") + render_claim(verified[0]))

    def _verify(self, claim: Claim) -> tuple[Claim, dict[int, Verdict]] | None:
        if len(claim.text.split()) < 3 or restates_question(claim.text, self.question):
            return None
        vec = self.services.embedder.embed([claim.text])[0]
        verdicts = {n: check_claim(claim.text, b.text, vec, b.vectors)
                    for n, b in enumerate(self.bundles, start=1)}  # fmt: skip
        supported = [n for n in claim.cited if verdicts[n].supported]
        if not supported:
            # The citation is wrong or missing: attribute to the best source that supports it.
            backing = [n for n, v in verdicts.items() if v.supported]
            if not backing:
                return None
            supported = [max(backing, key=lambda n: verdicts[n].cosine)]
            if claim.cited:
                self.notes.append(f"citation corrected to [{supported[0]}]: {claim.text[:60]}")
        return Claim(claim.text, tuple(supported)), {n: verdicts[n] for n in supported}

    def _finish(self) -> Iterator[AnswerEvent]:
        if self.kept:
            path: AnswerPath = "model-filtered" if self.dropped else "model"
            text = " ".join(render_claim(c) for c, _ in self.kept)
            citations = self._citations()
            quotes = self._uncovered_quotes()
            if quotes:
                # The small model often restates the question in the source's words without
                # the fact itself; the sentences that answer it, quoted and cited, carry it.
                quoted = " ".join(_quote(e) for e in quotes)
                yield self._emit(" " + quoted)
                text = f"{text} {quoted}"
                citations = _unique([*citations, *(self._citation(e.source_n, e.sentence)
                                                   for e in quotes)])  # fmt: skip
                self.notes.append("quoted the evidence that answers the question beside the draft")
            yield self._final(text, citations, abstained=False, path=path)
            return
        if self.model_declined and self.answerable < self._confident():
            yield from self.abstain("the model found no answer in the sources")
            return
        yield from self._quote_evidence()

    def _confident(self) -> float:
        return min(0.99, self.threshold + DECLINE_MARGIN)

    def _uncovered_quotes(self) -> list[Evidence]:
        """The answering sentences that no kept claim already says, numbers and names too."""
        claims = [claim.text for claim, _ in self.kept]
        return [e for e in self.quotes if not any(says(c, e.sentence) for c in claims)]

    def _quote_evidence(self) -> Iterator[AnswerEvent]:
        quotes = self.quotes or self.evidence[:1]
        text = " ".join(_quote(e) for e in quotes)
        yield self._emit(text)
        citations = [self._citation(e.source_n, e.sentence) for e in quotes]
        self.notes.append("the model's draft did not hold up against the sources; quoting them")
        yield self._final(text, _unique(citations), abstained=False, path="quoted-evidence")

    def list_papers(self, listed: list[Evidence]) -> Iterator[AnswerEvent]:
        """A "which papers ..." answer: each relevant paper by title, with the sentence of its
        abstract that bears on the question, quoted and cited. No model draft is needed."""
        lines = []
        for e in listed:
            title = clean_output(self.bundles[e.source_n - 1].text.title)
            line = f"- {title}: {_quote(e)}"
            lines.append(line)
            yield self._emit(("\n" if len(lines) > 1 else "") + line)
        citations = [self._citation(e.source_n, e.sentence) for e in listed]
        self.notes.append("a question about which papers: listing the relevant ones")
        yield self._final("\n".join(lines), _unique(citations), abstained=False,
                          path="paper-list")  # fmt: skip

    def _citations(self) -> list[Citation]:
        citations = [
            self._citation(n, verdict.best_sentence)
            for _, verdicts in self.kept
            for n, verdict in verdicts.items()
        ]
        return _unique(citations)

    def _citation(self, n: int, quote: str) -> Citation:
        paper = self.bundles[n - 1].paper
        url = paper_url(paper.paper_id, paper.url)
        return Citation(n, paper.paper_id, clean_output(paper.title), url, clean_output(quote))

    def _final(
        self, text: str, citations: list[Citation], *, abstained: bool, path: AnswerPath
    ) -> AnswerEvent:
        self.mark("total")
        usage = self.generation.usage if self.generation else None
        llm = self.services.llm if self.generation else None
        answer = Answer(
            question=self.question,
            answer=text,
            abstained=abstained,
            citations=citations,
            backend=llm.backend if llm else "none",
            model=llm.model if llm else "none",
            path=path,
            timings_ms=dict(self.timings),
            usage={
                "prompt_tokens": usage.prompt_tokens,
                "completion_tokens": usage.completion_tokens,
            }
            if usage
            else {"prompt_tokens": 0, "completion_tokens": 0},
            sources=self.papers,
            dropped_sentences=self.dropped,
            notes=self.notes,
        )
        return AnswerEvent("final", answer=answer)


def says(claim: str, sentence: str) -> bool:
    """Whether ``claim`` repeats ``sentence``: most of its words, and all its numbers and names
    (a claim that drops "by 38%" does not replace the sentence that has it)."""
    words = content_words(claim)
    return (
        overlap(content_words(sentence), words) >= QUOTE_COVERED
        and numbers(sentence) <= numbers(claim)
        and entities(sentence) <= entities(claim) | words
    )


def _quote(evidence: Evidence) -> str:
    return f"“{clean_output(evidence.sentence)}” [{evidence.source_n}]"


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: dict[int, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.n, citation)
    return sorted(seen.values(), key=lambda c: c.n)
