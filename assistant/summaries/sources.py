"""Where a TL;DR comes from: the feed's own AI summary, our model, or the abstract itself.

``auto`` (the default) shows the feed's summary where the paper has one (the Daily Papers
API's ``ai_summary``), else a model TL;DR, else an extractive line. ``feed`` never runs the
model: a paper without a feed summary gets an extractive line. ``model`` always writes our
own, checked.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from assistant.models import Paper
from assistant.sanitize import strip_markup
from assistant.summaries.cache import Tldr
from assistant.summaries.extractive import trim_words

SourceSetting = Literal["auto", "feed", "model"]
SOURCES: tuple[SourceSetting, ...] = ("auto", "feed", "model")
FEED_MODEL = "feed"  # the cache's model column for feed summaries: the source is in the key
FEED_VERSION = "feed1"  # bump when the trimming below changes what is shown
FEED_MAX_WORDS = 60  # the API's summaries run 10-46 words; a longer one is cut at a clause


def feed_line(summary: str | None) -> str | None:
    """The feed's summary as one line of plain text, or None when there is none worth showing.
    It is untrusted text: markup and URLs are removed, whitespace folded."""
    text = " ".join(strip_markup(summary or "").split())
    if len(text.split()) < 3:
        return None
    if len(text.split()) > FEED_MAX_WORDS:
        text = trim_words(text, FEED_MAX_WORDS) or " ".join(text.split()[:FEED_MAX_WORDS]) + "…"
    return text


def feed_version(paper: Paper) -> str:
    """The cache version of a feed summary: it changes when the feed's summary changes."""
    digest = hashlib.sha256((paper.ai_summary or "").encode("utf-8")).hexdigest()[:12]
    return f"{FEED_VERSION}-{digest}"


def feed_tldr(paper: Paper) -> Tldr | None:
    """The paper's feed summary as a TL;DR of kind "feed", or None when it has none."""
    line = feed_line(paper.ai_summary)
    if line is None:
        return None
    return Tldr(paper.paper_id, paper.content_hash, line, "feed", FEED_MODEL, feed_version(paper))


def wants_feed(source: SourceSetting) -> bool:
    return source in ("auto", "feed")


LABELS = {"feed": "feed's summary", "model": "model", "extractive": "extractive"}


def source_label(kind: str) -> str:
    """How digests and the UI name a TL;DR's source."""
    return LABELS.get(kind, kind)
