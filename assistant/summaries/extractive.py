"""Extractive one-liners and key sentences, built only from the abstract's own words.

Used to fence a short excerpt into the TL;DR prompt, and as the fallback TL;DR when the
model's drafts fail the checker: the sentence that best states the contribution, compressed
to "<Method>: <clause>" within the word limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.summaries.checker import MAX_WORDS, check_tldr, content_words, method_names, stem

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'“])")
_NOISE = re.compile(r"https?://|www\.|github|code (?:is|and \w+ are) (?:publicly )?available", re.I)
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]*>|`|\*\*|__|&#?\w+;")
_SUBJECT = r"\b(?:we|this (?:paper|work|study|investigation)|our (?:paper|work)|the authors)"
_VERB = r"(?:propose|introduce|present|develop|design|build|contribute)(?:s|d|ed)?"
_STRONG = re.compile(rf"{_SUBJECT}(?:,\s*\w+,)?\s+{_VERB}\b\s*(?:that\s+)?", re.I)
_RESULT = re.compile(
    r"\b(?:we (?:show|find|demonstrate)|results? (?:show|demonstrate)|outperform|achiev|"
    r"state-of-the-art|improv)",
    re.I,
)
_FINDING = re.compile(
    rf"{_SUBJECT}\s+(?:show|find|demonstrate|prove|reveal)s?\s+that\s+", re.I
)
_ADVERBIAL = re.compile(r"^(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+,\s+")
_CLAUSE_BREAK = re.compile(r"[,;:]\s|\s(?:which|where|that|while|by|to)\s")
MIN_CUT_WORDS = 8


def split_sentences(text: str) -> list[str]:
    """Sentences of an abstract (a simple splitter: a stop, then a capital or digit)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def score_sentence(sentence: str, title: str, abstract: str = "") -> float:
    """How well a sentence states the paper's contribution: cue phrases and title terms."""
    if _NOISE.search(sentence):
        return -1.0
    terms = {stem(w) for w in content_words(title)}
    overlap = len(terms & {stem(w) for w in content_words(sentence)})
    score = 3.0 if _STRONG.search(sentence) else 1.0 if _RESULT.search(sentence) else 0.0
    names = method_names(title, abstract)
    if any(name in sentence for name in names):
        score += 1.0
    return score + 0.5 * min(overlap, 4)


def key_sentences(title: str, abstract: str, max_chars: int = 800) -> str:
    """The first sentence plus the best-scoring others, in abstract order, within max_chars."""
    sentences = split_sentences(clean_markup(abstract))
    if not sentences:
        return ""
    ranked = sorted(
        range(1, len(sentences)),
        key=lambda i: -score_sentence(sentences[i], title, abstract),
    )
    chosen = {0}
    used = len(sentences[0])
    for i in ranked:
        if used + len(sentences[i]) + 1 > max_chars or score_sentence(sentences[i], title) < 0:
            continue
        chosen.add(i)
        used += len(sentences[i]) + 1
    text = " ".join(sentences[i] for i in sorted(chosen))
    return text if len(text) <= max_chars else _cut_chars(text, max_chars)


def extractive_tldr(title: str, abstract: str) -> str:
    """A one-liner copied from the abstract that passes the checker whenever one can."""
    candidates = list(_candidates(title, abstract))
    for candidate in candidates:
        if not check_tldr(candidate, title, abstract):
            return candidate
    return candidates[0] if candidates else _fit(title)


def _candidates(title: str, abstract: str) -> Iterator[str]:
    sentences = [s for s in split_sentences(clean_markup(abstract)) if not _NOISE.search(s)]
    ranked = sorted(sentences, key=lambda s: -score_sentence(s, title, abstract))
    names = method_names(title, abstract)
    label = names[0] if names else None
    for sentence in ranked:
        clause = _clause(sentence)
        if label and label not in clause:
            yield _fit(f"{label}: {clause}")
        yield _fit(_capitalise(clause))
    short_title = title.partition(":")[0] if label else title
    for sentence in ranked:
        yield _fit(f"{short_title}: {_clause(sentence)}")


def clean_markup(text: str) -> str:
    """Text with markdown links/images reduced to their label and HTML tags removed."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", text)
    text = re.sub(r"\S*(?:https?://|www\.)\S*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _clause(sentence: str) -> str:
    """The part of a sentence after its cue ("... we propose X" -> "X"), or the sentence
    without a short leading adverbial ("However, X" -> "X")."""
    sentence = sentence.strip()
    cue = _STRONG.search(sentence) or _FINDING.search(sentence)
    clause = sentence[cue.end() :] if cue else _ADVERBIAL.sub("", sentence, count=1)
    return clause.rstrip(" .")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fit(text: str, limit: int = MAX_WORDS) -> str:
    """``text`` cut to ``limit`` words, at a clause break when one leaves enough words."""
    words = text.split()
    if len(words) <= limit:
        return " ".join(words)
    head = " ".join(words[:limit])
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(head)]
    cuts = [c for c in cuts if len(head[:c].split()) >= MIN_CUT_WORDS]
    return head[: cuts[-1]].rstrip(" ,;:") if cuts else head.rstrip(" ,;:") + "…"


def _cut_chars(text: str, limit: int) -> str:
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + " …"
