"""Turning a streamed draft into a verified answer that leads with the answer.

``choose_path`` is the one place the answer path is decided; ``AnswerBuilder.respond`` follows
it. Paths (``Answer.path``):

- ``abstained``: retrieval is below the calibrated threshold, no close paper names what the
  question asks about (``subject``), the paper that answers does not give the number asked
  for (``given``), or the model found nothing and retrieval is not
  confident;
- ``paper-list``: a "which papers ...?" question, answered by checked lines, no draft;
- ``model``: a verified model sentence that answers the question leads, nothing was dropped;
- ``model-filtered``: the same, after some model sentences failed the checks;
- ``quote-led``: no model sentence answers the question; the quoted sentence of the abstract
  that holds the answer leads, and the verified model sentences follow;
- ``quoted-evidence``: no model sentence held up; the answer is the quoted evidence.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from assistant.errors import ModelCrashed
from assistant.links import paper_url
from assistant.llm.base import Generation
from assistant.pipeline import ask, background, faithful, holds, items, lead, listing, meaning, trim
from assistant.pipeline.citations import Claim, parse_claims, render_claim, split_sentences
from assistant.pipeline.evidence import SourceBundle
from assistant.pipeline.grounding import Verdict, check_claim, restates_question
from assistant.pipeline.text import (
    content_words,
    entities,
    numbers,
    overlap,
    stems,
    topic_words,
)
from assistant.pipeline.types import (
    Answer,
    AnswerEvent,
    AnswerPath,
    Citation,
    Evidence,
    RetrievedPaper,
)
from assistant.sanitize import clean_output
from assistant.summaries.checker_words import OWN_WORK

if TYPE_CHECKING:
    from assistant.llm.base import LLM
    from vectorstore.embeddings import Embedder

SENTINEL = "NOT IN FEED"
DECLINE_MARGIN = 0.25  # a model "not in feed" is believed unless retrieval is this confident
# Retrieval below the calibrated threshold is a judgement, not proof the feed lacks the topic:
# "The feed does not cover this" was false for answerable questions the gate turned away
# (read checks of sessions 15 and 24), so the answer says what the search found.
ABSTAIN_TEXT = "The search found no abstract in the feed that answers this."
# A list question none of whose papers shows in its own words that it fits: the feed may
# still hold one, so say what was not found rather than that the feed lacks the topic.
NO_FIT_TEXT = "No paper in the feed says in its own words that it fits this question."
# The question asks about a name no close paper mentions, however spelled ("subject"):
# quoting the nearest paper would answer for something else (OScaR's score for OCTOPUS).
UNNAMED_TEXT = "None of the papers closest to this question mentions “{name}”."
# The closest paper is about none of the question's names, and one of them is in no paper of
# the feed: "the closest paper does not give X on <it>" would read as if one were about it.
ABSENT_TEXT = "No paper in the feed mentions “{name}”."
NOT_GIVEN_TEXT = "The closest paper, “{title}” [{n}], does not give {what} in its abstract."
# "Which paper in this feed forecasts the weather, and what RMSE does it report?": the closest
# paper may be about something else, and "the closest paper does not give the RMSE" would read
# as if it were the weather paper (read check of session 24, q-147 and q-923).
WHICH_NOT_GIVEN_TEXT = (
    "The search found no paper that answers this; the closest, “{title}” [{n}], does not give "
    "{what} in its abstract."
)
QUOTE_NEW_TOPIC = 1  # question words a supporting quote must add to the answer so far
# Supporting quotes after the lead: one lost the key fact of 6 of 94 held-out answers (the
# name or second part sat in the second one); more read as a wall of quotes.
SUPPORTING_QUOTES = 2
QUOTE_COVERED = 0.7  # share of a quote's words a kept claim must repeat to make it redundant
SAME_CLAIM = 0.85  # share of a claim's words an earlier kept claim has: said twice
ADDS_WORDS = 3  # new content words that make a sentence after the lead worth showing
SHOWN_QUOTES = 4  # sentences of the top paper in the prompt: prefill is most of the wait


@dataclass(frozen=True)
class AnswerContext:
    """Everything known about one question before the model is asked."""

    question: str
    papers: list[RetrievedPaper]
    bundles: list[SourceBundle]  # the sources as numbered in the prompt
    evidence: list[Evidence]  # the sentences the prompt shows
    quotes: list[Evidence]  # the sentences of the top source that answer, best first
    answerable: float  # calibrated probability that the feed answers the question
    threshold: float
    listed: list[Evidence] | None = None  # the checked papers of a "which papers" question
    lead: list[Evidence] = field(default_factory=list)  # the quotes that answer (``lead``)
    # What the top paper does not give ("the number of parameters"; ``given``), or None.
    not_given: str | None = None
    # A name the question asks about that none of the closest papers mentions (``subject``).
    unnamed: str | None = None
    # A name of the question no paper of the feed holds, the closest paper being about none
    # of its subjects (``subject.absent_name``): says so in place of ``not_given``.
    absent: str | None = None

    def shown_quotes(self) -> list[Evidence]:
        """The top paper's sentences the model is shown: the lead, the other quotes, then
        that paper's evidence; at most SHOWN_QUOTES."""
        firsts = self.lead or self.quotes or self.evidence
        if not firsts:
            return []
        top = firsts[0]
        same = [e for e in self.evidence if e.source_n == top.source_n]
        ordered = {e.sentence: e for e in [*self.lead, *self.quotes, *same]}
        return list(ordered.values())[:SHOWN_QUOTES]

    @property
    def confident(self) -> float:
        return min(0.99, self.threshold + DECLINE_MARGIN)


@dataclass
class Draft:
    """What became of the model's draft."""

    kept: list[tuple[Claim, dict[int, Verdict]]] = field(default_factory=list)
    lead: int | None = None  # index in ``kept`` of the sentence that answers the question
    dropped: list[str] = field(default_factory=list)
    declined: bool = False


def choose_path(ctx: AnswerContext, draft: Draft | None = None) -> AnswerPath | Literal["draft"]:
    """The answer path: before the draft (``"draft"`` when one is needed), and after it."""
    # A list is its own abstention check: a paper is listed only when its line shows it fits.
    if ctx.listed is not None:
        return "paper-list" if ctx.listed else "abstained"
    if ctx.answerable < ctx.threshold or not ctx.evidence:
        return "abstained"
    if ctx.unnamed or ctx.not_given:
        return "abstained"
    if draft is None:
        return "draft"
    if draft.lead is not None:
        return "model-filtered" if draft.dropped else "model"
    if draft.kept:
        return "quote-led"
    if draft.declined and ctx.answerable < ctx.confident:
        return "abstained"
    return "quoted-evidence"


class AnswerBuilder:
    """Verifies the draft of one question and produces its Answer, streaming as it goes."""

    def __init__(
        self,
        ctx: AnswerContext,
        *,
        embedder: Embedder,
        llm: LLM | None,
        canary: str,
        started: float,
        timings: dict[str, float] | None = None,
    ) -> None:
        self.ctx, self.embedder, self.llm, self.canary = ctx, embedder, llm, canary
        self.started = started
        self.timings: dict[str, float] = dict(timings or {})
        self.notes: list[str] = []
        self.draft = Draft()
        self.generation: Generation | None = None
        self.shown: list[str] = []  # sentences already streamed, in order
        self.cited: list[Citation] = []  # the citations of the shown sentences
        self.quoted: set[str] = set()  # the source sentences quoted so far
        self.seen: list[str] = []  # the draft's sentences so far, kept or not

    def respond(self, draft: Callable[[], Generation]) -> Iterator[AnswerEvent]:
        """The whole answer: abstention, a paper list, or a verified draft."""
        path = choose_path(self.ctx)
        if path == "abstained" and self.ctx.unnamed and self.ctx.listed is None:
            reason = f"no close paper names {self.ctx.unnamed!r}"
            yield from self.abstain(reason, UNNAMED_TEXT.format(name=self.ctx.unnamed))
        elif path == "abstained" and self.ctx.not_given and self.ctx.absent:
            reason = f"no paper of the feed holds {self.ctx.absent!r}"
            yield from self.abstain(reason, ABSENT_TEXT.format(name=self.ctx.absent))
        elif path == "abstained" and self.ctx.not_given:
            yield from self.not_given(self.ctx.not_given)
        elif path == "abstained" and self.ctx.listed == []:
            yield from self.abstain("no retrieved paper fits the question", NO_FIT_TEXT)
        elif path == "abstained":
            yield from self.abstain("retrieval score below the calibrated threshold")
        elif path == "paper-list":
            yield from self.list_papers(self.ctx.listed or [])
        else:
            yield AnswerEvent("status", "writing the answer")
            yield from self.stream_verified(draft())

    def mark(self, name: str) -> None:
        self.timings.setdefault(name, round((time.perf_counter() - self.started) * 1000, 1))

    def _emit(self, text: str) -> AnswerEvent:
        self.mark("first_token")
        self.shown.append(text)
        return AnswerEvent("delta", ("" if len(self.shown) == 1 else " ") + text)

    def abstain(self, reason: str, said: str = ABSTAIN_TEXT) -> Iterator[AnswerEvent]:
        nearest = "; ".join(f'"{p.title}"' for p in self.ctx.papers[:3])
        text = said + (f" Nearest papers: {nearest}." if nearest else "")
        yield self._emit(text)
        self.notes.append(reason)
        yield self._final(text, [], path="abstained")

    def not_given(self, what: str) -> Iterator[AnswerEvent]:
        """The paper that answers is found, but its abstract lacks the number asked for:
        quoting it would read as an answer, so say what is missing and cite it."""
        top = (self.ctx.lead or self.ctx.quotes or self.ctx.evidence)[0].source_n
        title = clean_output(self.ctx.bundles[top - 1].text.title)
        one_paper = listing.is_one_paper_question(self.ctx.question)
        said = WHICH_NOT_GIVEN_TEXT if one_paper else NOT_GIVEN_TEXT
        text = said.format(title=title, n=top, what=what)
        yield self._emit(text)
        self.notes.append(f"the top paper's abstract does not give {what}")
        yield self._final(text, [self._citation(top, "")], path="abstained")

    def stream_verified(self, generation: Generation) -> Iterator[AnswerEvent]:
        """Each complete sentence of the draft is checked as it arrives; the first one that
        answers the question is shown at once, and the rest follow it."""
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
        yield self._emit(
            f"The model crashed ({crash.status}) before finishing this answer; "
            "it restarts for the next question. From the sources:"
        )
        if self.ctx.quotes or self.ctx.evidence:
            yield self._emit_lead(self._lead_quotes()[:1])
        yield self._final(" ".join(self.shown), _unique(self.cited), path="model-crashed")

    def _handle(self, sentence: str) -> Iterator[AnswerEvent]:
        if SENTINEL in sentence.upper():
            self.draft.declined = True
            return
        if self.canary and self.canary in sentence:
            self.draft.dropped.append("[sentence repeating the system prompt]")
            self.notes.append("dropped a sentence that leaked the system prompt")
            return
        earlier, self.seen = self.seen, [*self.seen, sentence]
        if problem := meaning.sentence_problem(sentence, earlier):
            self.draft.dropped.append(sentence)
            self.notes.append(f"dropped a draft sentence: {problem}")
            return
        sentence = sentence.replace("[n]", "")  # the prompt's own placeholder, parroted back
        for claim in parse_claims(clean_output(sentence), len(self.ctx.bundles)):
            verified = self._verify(claim)
            if verified is None:
                self.draft.dropped.append(claim.text)
            elif not self._said(verified[0].text):
                yield from self._keep(verified)

    def _keep(self, verified: tuple[Claim, dict[int, Verdict]]) -> Iterator[AnswerEvent]:
        draft = self.draft
        answers = draft.lead is None and self._answers(verified)
        if answers and not self._trims_lead(verified[0].text):
            # It answers with words of another sentence than the one that holds the answer:
            # "a 6.5% gain" where the lead quote says "an average improvement of 3.3%". (After
            # a lead, a sentence with a new number is a further fact, not another answer.)
            draft.dropped.append(verified[0].text)
            self.notes.append("dropped a draft sentence: answers from another sentence")
            return
        draft.kept.append(verified)
        if answers:
            draft.lead = len(draft.kept) - 1
            yield self._emit_claim(verified)
        elif draft.lead is not None and self._adds(verified[0].text):
            yield self._emit_claim(verified)

    def _emit_claim(self, verified: tuple[Claim, dict[int, Verdict]]) -> AnswerEvent:
        claim, verdicts = verified
        self.cited += [self._citation(n, v.best_sentence) for n, v in verdicts.items()]
        return self._emit(render_claim(claim))

    def _emit_quote(self, quote: Evidence) -> AnswerEvent:
        """A supporting quote, cited; an enumeration cut to the items that answer."""
        self.cited.append(self._citation(quote.source_n, quote.sentence))
        self.quoted.add(quote.sentence)
        title = self.ctx.bundles[quote.source_n - 1].text.title
        span = items.cut_to_items(clean_output(quote.sentence), self.ctx.question, title)
        return self._emit(f"“{span}” [{quote.source_n}]")

    def _emit_lead(self, quotes: list[Evidence]) -> AnswerEvent:
        """The lead quotes, cited, each cut to the clauses that answer its part (an
        enumeration to the items that do), side by side in one sentence."""
        for quote in quotes:
            self.cited.append(self._citation(quote.source_n, quote.sentence))
            self.quoted.add(quote.sentence)
        text = " and ".join(f"“{span}”" for span in self._lead_spans(quotes))
        return self._emit(f"{text} [{quotes[0].source_n}]")

    def _lead_spans(self, quotes: list[Evidence]) -> list[str]:
        title = self.ctx.bundles[quotes[0].source_n - 1].text.title
        sentences = [clean_output(q.sentence) for q in quotes]
        return trim.shown_spans(self.ctx.question, sentences, title)

    def _adds(self, text: str) -> bool:
        """The sentence says something the answer so far does not: a new number or name, or
        several new words."""
        shown = " ".join(self.shown)
        new_words = stems(content_words(text)) - stems(content_words(shown))
        return bool(numbers(text) - numbers(shown) or entities(text) - entities(shown)) or (
            len(new_words) >= ADDS_WORDS
        )

    def _answers(self, verified: tuple[Claim, dict[int, Verdict]]) -> bool:
        claim, verdicts = verified
        source = " ".join(self.ctx.bundles[n - 1].text.abstract for n in verdicts)
        title = self.ctx.bundles[next(iter(verdicts)) - 1].text.title if verdicts else ""
        return trim.answers(claim.text, self.ctx.question, source, title)

    def _trims_lead(self, text: str) -> bool:
        """A model sentence answers only as a trim of what the quote that would lead without
        it shows (``trim.trims_lead``)."""
        quotes = self._lead_quotes()
        sentences = [clean_output(q.sentence) for q in quotes]
        return trim.trims_lead(text, self.ctx.question, sentences, self._lead_spans(quotes))

    def _said(self, text: str) -> bool:
        words = content_words(text)
        return any(overlap(words, content_words(c.text)) >= SAME_CLAIM for c, _ in self.draft.kept)

    def _verify(self, claim: Claim) -> tuple[Claim, dict[int, Verdict]] | None:
        """The claim, cited to the top paper, when it says what one of the quotes shown to the
        model says (``faithful``) and that paper's abstract holds it (``verify_claim``)."""
        shown = self.ctx.shown_quotes()
        if shown:
            lead_text = " ".join(clean_output(q.sentence) for q in self.ctx.lead)
            quotes = [clean_output(q.sentence) for q in shown]
            if found := faithful.drawn_from(claim.text, self.ctx.question, lead_text, quotes):
                # The kind of problem only: the draft's words may be an injected payload.
                self.notes.append(f"dropped a draft sentence: {found.split(':')[0]}")
                return None
            n = shown[0].source_n
            if claim.cited and claim.cited != (n,):
                self.notes.append(f"citation corrected to [{n}]: {claim.text[:60]}")
            claim = Claim(claim.text, (n,))
        vec = self.embedder.embed([claim.text])[0]
        verified = verify_claim(claim, self.ctx.question, self.ctx.bundles, vec)
        if verified and claim.cited and verified[0].cited != claim.cited:
            if shown:
                return None  # held only by another paper than the quotes'
            self.notes.append(f"citation corrected to [{verified[0].cited[0]}]: {claim.text[:60]}")
        return verified

    def _finish(self) -> Iterator[AnswerEvent]:
        path = choose_path(self.ctx, self.draft)
        if path == "abstained" or path == "draft":  # "draft" cannot follow a draft
            yield from self.abstain("the model found no answer in the sources")
            return
        if path in ("quote-led", "quoted-evidence"):
            yield self._emit_lead(self._lead_quotes())
            for verified in self.draft.kept:
                if self._adds(verified[0].text):
                    yield self._emit_claim(verified)
            self.notes.append(
                "no model sentence answers the question: the quote that does leads"
                if path == "quote-led"
                else "the model's draft did not hold up against the sources; quoting them"
            )
        # After a model lead, the lead quote comes first among the supporting quotes: it holds
        # what is asked for, and the model's sentence may have said only part of it.
        quotes = [*self.ctx.lead, *self.ctx.quotes]
        model_led = path in ("model", "model-filtered")
        added = supporting = 0  # quotes shown; of them, those beside the model's evidence
        for quote in quotes:
            evidence = model_led and quote is quotes[0]
            if added < SUPPORTING_QUOTES and self._quote_adds(
                quote, evidence=evidence, context=supporting == 0
            ):
                yield self._emit_quote(quote)
                added, supporting = added + 1, supporting + (not evidence)
        yield self._final(" ".join(self.shown), _unique(self.cited), path=path)

    def _lead_quotes(self) -> list[Evidence]:
        """The quote that holds what is asked for, or one for each part of a two-part
        question (``lead.lead_quotes``)."""
        if self.ctx.lead:
            return self.ctx.lead
        quotes = self.ctx.quotes or self.ctx.evidence[:1]
        source = self.ctx.bundles[quotes[0].source_n - 1].text
        return lead.lead_quotes(self.ctx.question, quotes, source.sentences, source.title)

    def _quote_adds(self, quote: Evidence, *, evidence: bool = False, context: bool = True) -> bool:
        """A supporting quote follows only when it adds a part of the question the answer so
        far does not cover: the number or name a part asks for and the answer lacks
        (``lead.lacking``, ``holds.holding``), or the words of an ask it leaves mostly unsaid
        (``adds_ask``); as the first supporting quote (``context``), also the referent of a
        lead opening on "it" or "these" (``_names_referent``). Never a background sentence
        (``background.background``), nor one that only restates how the question describes the paper
        or its field ("Medical image restoration aims to ...", "We introduce X, a framework
        for ..."): the read checks scored those answers down. After a model lead, the quote
        that holds the answer follows as ``evidence`` for the model's words unless they repeat
        it."""
        shown = " ".join(self.shown)
        if any(says(s, quote.sentence) for s in self.shown) or _quote(quote) in shown:
            return False
        if quote.sentence in self.quoted:
            return False  # already quoted, perhaps cut
        if meaning.leans_back(quote.sentence) or background.background(quote.sentence):
            return False  # out of its place, "these models" may read as said of the answer
        source = self.ctx.bundles[quote.source_n - 1].text
        lacking = lead.lacking(shown, self.ctx.question)
        return (
            evidence
            or (context and self._names_referent(quote, source.sentences))
            or any(holds.holding(part, [quote], source.title) for part in lacking)
            or (
                not _sets_scene(quote.sentence, source.sentences)
                and adds_ask(quote.sentence, shown, self.ctx.question, source.title)
            )
        )

    def _names_referent(self, quote: Evidence, sentences: Sequence[str]) -> bool:
        """The lead opens on a pronoun ("…it reduces sequential tokens by 35.8%"), and the
        quote covers words of the question the answer so far does not: it tells what "it" is.
        The abstract's opening sentence setting the field's scene (``_sets_scene``) does not."""
        new_topic = topic_words(quote.sentence) & topic_words(self.ctx.question)
        if len(new_topic - topic_words(" ".join(self.shown))) < QUOTE_NEW_TOPIC:
            return False
        return background.dangles(self.shown[0]) and not _sets_scene(quote.sentence, sentences)

    def list_papers(self, listed: list[Evidence]) -> Iterator[AnswerEvent]:
        """A "which papers ..." answer: each fitting paper by title, with the checked sentence
        of its abstract that says why it fits, quoted and cited. No model draft is needed."""
        lines = []
        for e in listed:
            title = clean_output(self.ctx.bundles[e.source_n - 1].text.title)
            line = f"- {title}: {_quote(e)}"
            lines.append(line)
            self.mark("first_token")
            yield AnswerEvent("delta", ("\n" if len(lines) > 1 else "") + line)
        citations = [self._citation(e.source_n, e.sentence) for e in listed]
        self.notes.append("a question about which papers: listing the ones that fit")
        yield self._final("\n".join(lines), _unique(citations), path="paper-list")

    def _citation(self, n: int, quote: str) -> Citation:
        paper = self.ctx.bundles[n - 1].paper
        url = paper_url(paper.paper_id, paper.url)
        return Citation(n, paper.paper_id, clean_output(paper.title), url, clean_output(quote))

    def _final(self, text: str, citations: list[Citation], *, path: AnswerPath) -> AnswerEvent:
        self.mark("total")
        usage = self.generation.usage if self.generation else None
        llm = self.llm if self.generation else None
        answer = Answer(
            question=self.ctx.question,
            answer=text,
            abstained=path == "abstained",
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
            sources=self.ctx.papers,
            dropped_sentences=self.draft.dropped,
            notes=self.notes,
        )
        return AnswerEvent("final", answer=answer)


def verify_claim(
    claim: Claim, question: str, bundles: list[SourceBundle], vec: np.ndarray
) -> tuple[Claim, dict[int, Verdict]] | None:
    """The claim with the sources that support it (its own citations when they hold, else the
    best supporting source), or None when none does. ``vec`` is its MiniLM embedding."""
    if len(claim.text.split()) < 3 or restates_question(claim.text, question):
        return None
    verdicts = {
        n: check_claim(claim.text, b.text, vec, b.vectors) for n, b in enumerate(bundles, start=1)
    }
    supporting = {n for n, v in verdicts.items() if _holds(claim.text, question, bundles, n, v)}
    supported = [n for n in claim.cited if n in supporting]
    if not supported:
        # The citation is wrong or missing: attribute to the best source that supports it.
        if not supporting:
            return None
        supported = [max(supporting, key=lambda n: verdicts[n].cosine)]
    return Claim(claim.text, tuple(supported)), {n: verdicts[n] for n in supported}


def _holds(
    claim: str, question: str, bundles: list[SourceBundle], n: int, verdict: Verdict
) -> bool:
    """Words and numbers found (``check_claim``) and meaning kept (``meaning.problems``)."""
    if not verdict.supported:
        return False
    bundle = bundles[n - 1]
    others = [b.text.abstract for m, b in enumerate(bundles, start=1) if m != n]
    found = meaning.problems(
        claim,
        title=bundle.text.title,
        abstract=bundle.text.abstract,
        best_sentence=verdict.best_sentence,
        question=question,
        others=others,
    )
    return not found


def says(claim: str, sentence: str) -> bool:
    """Whether ``claim`` repeats ``sentence``: most of its words, and all its numbers and names
    (a claim that drops "by 38%" does not replace the sentence that has it)."""
    words = content_words(claim)
    return (
        overlap(content_words(sentence), words) >= QUOTE_COVERED
        and numbers(sentence) <= numbers(claim)
        and entities(sentence) <= entities(claim) | words
    )


# The authors speaking of their own work: an opening sentence that says what the paper does.
_OWN_WORK = re.compile(rf"\b(?:we|our|this (?:{OWN_WORK}))\b", re.I)


def adds_ask(quote: str, shown: str, question: str, title: str = "") -> bool:
    """``quote`` says what a part of ``question`` asks that ``shown`` leaves mostly unsaid: of
    the part's ask (``ask.ask_of``, less the title's words) ``shown`` lacks more than half
    the words, and ``quote`` holds more than half of those. The question's other words only
    describe the paper ("In the all-in-one medical image restoration model, how is ..."), and
    a quote introducing the paper ("We introduce X, a transformer that ...") says what the
    question describes it by (``background.restates_setting``): neither adds what was asked. A part
    asking for a number, a name or the testbeds (``ask.asks_for``) is covered once ``shown``
    gives it (``lead.lacking``): its other words only tell which one is meant; a "how" part
    once ``shown`` says by what means (``lead.tells_means``): its subject's description ("the
    transformer that generates 3D scenes by next-token prediction") is no ask."""
    if background.restates_setting(quote, question):
        return False
    said, held = ask.words_of(shown), ask.words_of(quote)
    for part in ask.question_parts(question):
        if ask.asks_for(part) or lead.tells_means(shown, part):
            continue
        asked = ask.words_of(ask.ask_of(part)) - ask.words_of(title)
        missing = asked - said
        if 2 * len(missing) > len(asked) and 2 * len(missing & held) > len(missing):
            return True
    return False


def _sets_scene(sentence: str, sentences: Sequence[str]) -> bool:
    """Whether ``sentence`` opens its abstract by setting the field's scene ("Knowledge
    distillation has become ..."): beside an answer it adds nothing the reader asked for (the
    read checks), unlike an opening that says what the paper does ("We study ...")."""
    return sentence == next(iter(sentences), None) and not _OWN_WORK.search(sentence)


def _quote(evidence: Evidence) -> str:
    return f"“{clean_output(evidence.sentence)}” [{evidence.source_n}]"


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: dict[int, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.n, citation)
    return sorted(seen.values(), key=lambda c: c.n)
