"""Helpers the lead tests share: an abstract's sentence as a quote, and the sentence that
leads a quote-led answer when every sentence of the abstract is a quote."""

from __future__ import annotations

from assistant.pipeline.lead import best_quote
from assistant.pipeline.types import Evidence


def quote(sentence: str) -> Evidence:
    return Evidence(1, "p1", sentence, 0.5)


def led(question: str, sentences: list[str], title: str = "") -> str:
    """The sentence that leads when every sentence of the abstract is a quote."""
    return best_quote(question, [quote(s) for s in sentences], sentences, title).sentence
