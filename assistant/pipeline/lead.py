"""The lead of a quote-led answer: the quoted words that answer the question, first.

A quote-led answer opens with the top paper's sentence that holds what is asked for. Two rules
decide which sentence that is, and how much of it is shown:

- focus: the question's topic words are weighted by how rare they are among the abstract's
  sentences. A word every sentence has ("self-distillation") names the topic; a word only one
  sentence has ("infinite", "optimal") pins the answer. Background sentences hold the former.
- parts: "What X ..., and which Y ...?" asks two things. When no single quote answers both, the
  lead quotes the span answering each part, side by side in one sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from assistant.pipeline.evidence import answer_span, need_of, satisfies
from assistant.pipeline.meaning import names_the_kind
from assistant.pipeline.text import topic_words
from assistant.pipeline.types import Evidence

# Where a question turns to its second ask: ", and what ...", "; how ...".
_SECOND_ASK = re.compile(
    r",?\s+and\s+(?=(?:what|which|how|who|whose|where|when|why|up to|by how|in what|on what|"
    r"does|do|is|are|can)\b)|;\s+",
    re.IGNORECASE,
)


CONTEXT_WEIGHT = 0.25
_ASK_START = re.compile(r"(?:^|[,;:]\s+)(?=(?:what|which|how|who|whose|where|when|why)\b)", re.I)
_TRAILING_CONTEXT = re.compile(
    r",\s+(?:according to|as reported|in the (?:paper|work|study))\b", re.I
)


def question_parts(question: str) -> list[str]:
    """A two-part question as its two asks; any other question as itself."""
    parts = [p for p in _SECOND_ASK.split(question, maxsplit=1) if topic_words(p)]
    return parts if len(parts) == 2 else [question]


def focus(sentence: str, question: str, sentences: Sequence[str]) -> float:
    """The question's topic words in ``sentence``, each weighted by its rarity among the
    abstract's ``sentences`` (``word_weights``)."""
    return _focused(sentence, word_weights(question, sentences))


def word_weights(question: str, sentences: Sequence[str]) -> dict[str, float]:
    """Each topic word of the question that the abstract holds, weighted log(1 + n/df) (df
    counted over its ``sentences``). Words of the ask itself count fully; words of the
    context around it ("In the kernel regression analysis of ..., what ...?") count a
    quarter, since setup sentences hold those."""
    asked = topic_words(question)
    ask = topic_words(ask_of(question))
    df = Counter(w for s in sentences for w in topic_words(s) & asked)
    n = max(1, len(sentences))
    return {w: math.log(1 + n / d) * (1.0 if w in ask else CONTEXT_WEIGHT) for w, d in df.items()}


def _focused(sentence: str, weights: dict[str, float]) -> float:
    return sum(weights[w] for w in sorted(topic_words(sentence) & weights.keys()))


def ask_of(question: str) -> str:
    """The clause of the question that asks (from its question word to a trailing "according
    to ..."), without the context that leads into it."""
    start = _ASK_START.search(question)
    ask = question[start.start() :] if start else question
    return _TRAILING_CONTEXT.split(ask, maxsplit=1)[0]


def best_quote(question: str, quotes: Sequence[Evidence], sentences: Sequence[str]) -> Evidence:
    """The quote that holds what ``question`` asks for (a number, a name beside the kind of
    thing asked), the most focused first; with none holding it, the most focused quote."""
    need = need_of(question)
    holding = [q for q in quotes if need and satisfies(q.sentence, question, need, "")]
    if "name" in need:
        holding = [q for q in holding if names_the_kind(q.sentence, question)] or holding
    pool = holding or list(quotes)
    weights = word_weights(question, sentences)
    return max(pool, key=lambda q: _focused(q.sentence, weights))


def lead_quotes(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str]
) -> list[Evidence]:
    """One quote; or, for a two-part question that no single quote answers, the quote that
    answers each part, in the question's order."""
    first = best_quote(question, quotes, sentences)
    parts = question_parts(question)
    if len(parts) == 1 or all(_answers_part(first.sentence, p, sentences) for p in parts):
        return [first]
    by_part = [best_quote(part, quotes, sentences) for part in parts]
    return [first] if by_part[0] is by_part[1] else by_part


def _answers_part(sentence: str, part: str, sentences: Sequence[str]) -> bool:
    """The sentence holds the part's ask (a number, a name), or is the most focused on it."""
    need = need_of(part)
    if need:
        return satisfies(sentence, part, need, "")
    weights = word_weights(part, sentences)
    best = max((_focused(s, weights) for s in sentences), default=0.0)
    return best > 0 and _focused(sentence, weights) >= best


def lead_spans(question: str, sentences: Sequence[str]) -> list[str]:
    """The shown span of each lead sentence (already cleaned for display). A single lead is
    cut to the clauses that answer the question; the two quotes of a two-part lead are shown
    whole, since a part's own words are too few to tell which clause holds its answer."""
    if len(sentences) == 1:
        return [answer_span(sentences[0], question, need_of(question))]
    return list(sentences)
