"""TL;DR generation: a line built deterministically from the abstract (the contribution
sentence rewritten to start with the method, plus its main result: assistant.summaries.compress),
which the LLM shortens; the edit is kept only if it passes the checker and adds nothing of its
own, else the built line is used, labelled extractive. Results are cached per (paper, content
hash, model, prompt version)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.errors import BackendUnavailable, ModelFileError
from assistant.llm.base import LLM, Message
from assistant.models import Paper
from assistant.names import with_macro_names
from assistant.sanitize import clean_untrusted, strip_markup, tilde_ranges
from assistant.summaries.agreement import agreed
from assistant.summaries.cache import Tldr, TldrCache
from assistant.summaries.checker import MAX_WORDS, check_borrowed
from assistant.summaries.compress import compress, titled
from assistant.summaries.edits import edit_problems
from assistant.summaries.extractive import (
    contribution_and_result,
    extractive_tldr,
    misplaced,
    trim_words,
    unpointed,
)
from assistant.summaries.sources import SourceSetting, feed_tldr, wants_feed
from prompts import Prompt, load_prompt

__all__ = ["Tldr", "TldrRun", "TldrWriter", "clean_draft", "summarise_papers"]

# Bump when the checker, the feedback or the extractive fallback change what gets cached.
RULES_VERSION = "rules62"
MAX_TOKENS = 64  # 30 words is ~45 tokens; a draft cut here is trimmed back or rejected
NO_MODEL = "none"

_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:tl;?\s?dr|summary|one[- ]line(?:r| summary| tl;?dr)?)"
    r"(?:\s+in\s+one\s+(?:sentence|line))?\b\s*(?:\*\*)?"
    r"\s*[:.\-–—]?\s*(?:\*\*)?\s*",
    re.IGNORECASE,
)
_QUOTES = {'"': '"', "“": "”", "'": "'", "`": "`", "«": "»"}


def clean_draft(text: str) -> str:
    """Model output without a leading "TL;DR:" label, wrapping quotes or trailing spaces.
    Line breaks are kept: a multi-line draft is for the checker to reject."""
    text = _LABEL.sub("", text.strip(), count=1).strip()
    if len(text) > 1 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return "\n".join(line.rstrip() for line in text.splitlines()).strip()


_SECOND_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MIN_FIRST_WORDS = 8  # a first sentence shorter than this is not worth keeping alone


def fit_draft(text: str, cut_off: bool = False) -> tuple[str, bool]:
    """A draft edited down to one line: only its first sentence when it wrote more (the tiny
    model often adds "Extensive experiments show ..."), and an over-long or cut-off draft
    trimmed back to its last clause break within the word limit; (text, whether it was
    trimmed). What remains is still checked, so it passes only on its own merits."""
    if "\n" in text:
        return text, False
    first = _SECOND_SENTENCE.split(text, maxsplit=1)
    if len(first) > 1 and len(first[0].split()) >= MIN_FIRST_WORDS:
        return first[0].rstrip(), True
    if not cut_off and len(text.split()) <= MAX_WORDS:
        return text, False
    trimmed = trim_words(text, MAX_WORDS)
    return (trimmed, True) if trimmed else (text, False)


def abstract_data(paper: Paper) -> str:
    """The abstract as data for drafting and checking TL;DRs: markup, URLs and sentences that
    give the model orders removed, so an obeyed payload never counts as the paper's words."""
    # A range written with a tilde ("1.3x ~ 1.7x") stays a range in the line and its check;
    # an agreement slip ("an algorithm that adjust") is repaired before any line copies it.
    abstract = with_macro_names(paper.abstract, paper.title)
    return agreed(tilde_ranges(clean_untrusted(abstract))) or paper.title


def _fence_safe(text: str) -> str:
    # Untrusted text must not close the <paper> fence or smuggle markup into the prompt.
    return strip_markup(text).replace("<", "‹").replace(">", "›")


class TldrWriter:
    """Writes checked TL;DRs with one LLM and one prompt. ``calls`` counts LLM requests."""

    def __init__(self, llm: LLM, prompt: Prompt | None = None) -> None:
        self.llm = llm
        self.prompt = prompt or load_prompt("tldr")
        self.model_id = f"{llm.backend}:{llm.model}"
        self.prompt_version = prompt_version(self.prompt)
        self._example_text = " ".join(reply for _, reply in self.prompt.examples)
        self.calls = 0

    def messages(self, paper: Paper, line: str | None = None) -> list[Message]:
        """The chat messages of the edit: the worked examples, then the line to shorten."""
        line = line if line is not None else base_line(paper)
        picked = " ".join(contribution_and_result(paper.title, abstract_data(paper)))
        values = {
            "title": " ".join(paper.title.split()),
            "sentences": picked,
            "abstract": picked,
            "line": line,
        }
        wanted = self.prompt.placeholders()
        system, user = self.prompt.render(
            **{k: _fence_safe(v) for k, v in values.items() if k in wanted}
        )
        messages = [Message("system", system)]
        for turn, reply in self.prompt.examples:
            messages += [Message("user", turn), Message("assistant", reply)]
        return [*messages, Message("user", user)]

    def write(self, paper: Paper) -> Tldr:
        """The model's edit of the built line when it passes every check, else the built line
        (no retry: a second call costs as much as the first and rarely fixes the edit)."""
        line = base_line(paper)
        draft, reasons = self._draft(self.messages(paper, line), paper, line)
        if reasons:
            return self._extractive(paper, tuple(reasons), line)
        return Tldr(
            paper.paper_id, paper.content_hash, draft, "model", self.model_id, self.prompt_version
        )

    def _draft(self, messages: list[Message], paper: Paper, line: str) -> tuple[str, list[str]]:
        """One cleaned draft and the reasons it fails (empty: it passes)."""
        self.calls += 1
        # Greedy decoding: the same paper gets the same TL;DR. The model stops at the end of
        # its first line; any other backend's multi-line text is the checker's to reject.
        generation = self.llm.generate(
            messages, max_tokens=MAX_TOKENS, temperature=0.0, stop=["\n"]
        )
        text = clean_draft(generation.consume())
        cut_off = generation.usage.completion_tokens >= MAX_TOKENS
        text, trimmed = fit_draft(text, cut_off)
        if cut_off and not trimmed:
            return text, ["cut off before the end: too long"]
        abstract = abstract_data(paper)
        reasons = edit_problems(text, line, paper.title, abstract)
        return text, reasons + check_borrowed(text, paper.title, abstract, self._example_text)

    def _extractive(self, paper: Paper, reasons: tuple[str, ...], line: str) -> Tldr:
        return Tldr(
            paper.paper_id,
            paper.content_hash,
            line,
            "extractive",
            self.model_id,
            self.prompt_version,
            tuple(dict.fromkeys(reasons)),
        )


def prompt_version(prompt: Prompt) -> str:
    """The version cached TL;DRs are keyed on: the prompt file's and the rules'."""
    return f"{prompt.version}+{RULES_VERSION}"


def base_line(paper: Paper) -> str:
    """The line built from the abstract without a model: the compressed contribution (and
    result) when one passes the checker, else the extractive one-liner; when the checker
    refuses that too, the title's line if it passes (round 20: "We instantiate this as X, ...")."""
    abstract = abstract_data(paper)
    built = compress(paper.title, abstract)
    if built:
        return built.text
    line = extractive_tldr(paper.title, abstract)
    if not misplaced(line, paper.title, abstract):
        return line
    # "We introduce X to formalize this view.": without the clause that points outside it
    cut = unpointed(line)
    kept = cut if cut and not misplaced(cut, paper.title, abstract) else None
    return titled(paper.title, abstract) or kept or line


def extractive_only(paper: Paper, version: str, reason: str) -> Tldr:
    """An extractive TL;DR made without any model (the backend is down); never cached."""
    text = base_line(paper)
    return Tldr(
        paper.paper_id, paper.content_hash, text, "extractive", NO_MODEL, version, (reason,)
    )


@dataclass
class TldrRun:
    """TL;DRs in the order of the papers asked for, with what it took to get them."""

    tldrs: list[Tldr] = field(default_factory=list)
    cached: int = 0
    llm_calls: int = 0
    warnings: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for t in self.tldrs if t.kind == kind)


def summarise_papers(
    papers: Sequence[Paper],
    writer: TldrWriter | None,
    cache: TldrCache,
    *,
    refresh: bool = False,
    degrade: bool = False,
    advance: Callable[[int], None] | None = None,
    source: SourceSetting = "auto",
) -> TldrRun:
    """TL;DRs for ``papers``, from the cache when possible, each stored as soon as it is made.
    ``source`` picks where they come from (see assistant.summaries.sources).

    ``writer`` None means no model is available. A backend failure raises, unless
    ``degrade``: then this and the remaining papers get extractive TL;DRs (a cached model
    TL;DR of the same text and prompt is still used) and the run carries a warning.
    """
    run = TldrRun()
    version = writer.prompt_version if writer else prompt_version(load_prompt("tldr"))
    for paper in papers:
        feed = _from_feed(paper, cache, source, run)
        if feed is not None:
            tldr = feed
        elif source == "feed":
            tldr = extractive_only(paper, version, "no feed summary")
        else:
            tldr, writer = _one(paper, writer, cache, version, refresh, degrade, run)
        run.tldrs.append(tldr)
        if advance:
            advance(1)
    return run


def _from_feed(paper: Paper, cache: TldrCache, source: SourceSetting, run: TldrRun) -> Tldr | None:
    """The feed's own summary when the setting allows it and the paper has one (cached under
    the "feed" model, so a later run finds it like any other TL;DR)."""
    tldr = feed_tldr(paper) if wants_feed(source) else None
    if tldr is None:
        return None
    if cache.get(tldr.paper_id, tldr.content_hash, tldr.model, tldr.prompt_version):
        run.cached += 1
    else:
        cache.put(tldr)
    return tldr


def _one(
    paper: Paper,
    writer: TldrWriter | None,
    cache: TldrCache,
    version: str,
    refresh: bool,
    degrade: bool,
    run: TldrRun,
) -> tuple[Tldr, TldrWriter | None]:
    if writer is None:
        hit = cache.get_any_model(paper.paper_id, paper.content_hash, version)
        return hit or extractive_only(paper, version, "model unavailable"), None
    hit = cache.get(paper.paper_id, paper.content_hash, writer.model_id, version)
    if hit is not None and not refresh:
        run.cached += 1
        return hit, writer
    calls = writer.calls
    try:
        tldr = writer.write(paper)
    except (BackendUnavailable, ModelFileError) as exc:
        if not degrade:
            raise
        run.warnings.append(f"LLM unavailable ({exc}); TL;DRs from here on are extractive")
        return _one(paper, None, cache, version, refresh, degrade, run)
    finally:
        run.llm_calls += writer.calls - calls
    cache.put(tldr)
    return tldr, writer
