"""Extractive one-liners and key sentences, built only from the abstract's own words.

Used to fence a short excerpt into the TL;DR prompt, and as the fallback TL;DR when the
model's drafts fail the checker: the sentence that best states the contribution, compressed
to "<Method>: <clause>" within the word limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.sanitize import strip_markup
from assistant.summaries.checker import MAX_WORDS, check_tldr, content_words, method_names, stem

# A stop, then a capital; or a stop glued to the next sentence ("exploration.To address").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'“])|(?<=[a-z]{3}\.)(?=[A-Z][a-z]+\s)")
_NOISE = re.compile(
    r"https?://|www\.|github|code (?:is|and \w+ are) (?:publicly )?available|project page|"
    r"\b(?:available|released) (?:at|on)\W*$",
    re.I,
)
_SUBJECT = r"\b(?:we|this (?:paper|work|study|investigation)|our (?:paper|work)|the authors)"
_VERB = r"(?:propose|introduce|present|develop|design|build|contribute)(?:s|d|ed)?"
_ADVERB = r"(?:(?:first|further|also|then|here|\w+ly)\s+)?"
_STRONG = re.compile(
    rf"{_SUBJECT}(?:,\s*\w+,)?\s+{_ADVERB}{_VERB}(?:\s+and\s+\w+)?\b\s*(?:that\s+)?", re.I
)
# Words that state a result: a cue for scoring, widened to pick the result sentence.
_RESULT_WORDS = (
    r"we (?:show|find|demonstrate)|results? (?:show|demonstrate)|outperform|achiev|"
    r"state-of-the-art|improv"
)
_RESULT = re.compile(rf"\b(?:{_RESULT_WORDS})", re.I)
_OURS = re.compile(
    r"\bin this (?:paper|work|study)\b|\bour (?:method|approach|model|framework|system)\b", re.I
)
_BACKGROUND = re.compile(
    r"^(?:however|recent(?:ly)?|in recent years|nowadays|despite|although|while|traditional"
    r"(?:ly)?|existing|current(?:ly)?|most|many|they|it|these|those)\b",
    re.I,
)
_FINDING = re.compile(
    rf"{_SUBJECT}\s+{_ADVERB}(?:show|find|demonstrate|prove|reveal)s?\s+that\s+", re.I
)
_ADVERBIAL = re.compile(r"^(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+,\s+")
_CLAUSE_BREAK = re.compile(r"[.,;:]\s|\s(?:which|where|that|while|by|to|and|with)\s")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_REPORTING = re.compile(r"\b(?:show|find|demonstrate|prove|reveal|suggest|observe|argue)s?$", re.I)
MIN_CUT_WORDS = 8
MIN_STUB_WORDS = 5  # words a trailing piece of a second sentence needs to be kept


def split_sentences(text: str) -> list[str]:
    """Sentences of an abstract (a simple splitter: a stop, then a capital or digit)."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def score_sentence(sentence: str, title: str, abstract: str = "") -> float:
    """How well a sentence states the paper's contribution: cue phrases and title terms, less
    for background ("However, ...", "Recent ...") and links."""
    if _NOISE.search(sentence):
        return -1.0
    terms = {stem(w) for w in content_words(title)}
    overlap = len(terms & {stem(w) for w in content_words(sentence)})
    score = 0.0
    if _STRONG.search(sentence):
        score = 3.0
    elif _OURS.search(sentence):
        score = 2.5
    elif _RESULT.search(sentence):
        score = 1.0
    if _BACKGROUND.search(sentence):
        score -= 1.5
    if any(name in sentence for name in method_names(title, abstract)):
        score += 1.0
    return score + 0.5 * min(overlap, 4)


def key_sentences(title: str, abstract: str, max_chars: int = 800, lead: bool = True) -> str:
    """The best-scoring sentences within ``max_chars``: with ``lead``, the first sentence plus
    the best others in abstract order; without, the best ones best first (a small model
    leans on what it reads first, so the contribution goes there, not the background)."""
    sentences = split_sentences(strip_markup(abstract))
    if not sentences:
        return ""
    scores = [score_sentence(s, title, abstract) for s in sentences]
    if lead:
        scores[0] = float("inf")
    chosen: list[int] = []
    used = 0
    for i in sorted(range(len(sentences)), key=lambda i: -scores[i]):
        if scores[i] < 0 or (chosen and used + len(sentences[i]) + 1 > max_chars):
            continue
        chosen.append(i)
        used += len(sentences[i]) + 1
    text = " ".join(sentences[i] for i in (sorted(chosen) if lead else chosen))
    return text if len(text) <= max_chars else _cut_chars(text, max_chars)


_RESULT_CUE = re.compile(
    rf"\b(?:{_RESULT_WORDS}|results? indicate|experiments? (?:show|demonstrate)|surpass|reduc|"
    r"accelerat|speedup|faster|gain)",
    re.I,
)
MIN_PICK_WORDS = 5


def contribution_and_result(title: str, abstract: str) -> list[str]:
    """The two sentences a TL;DR is edited from, in abstract order: the one that best states
    the contribution, and the best one that states a result (else the runner-up)."""
    sentences = [
        s
        for s in split_sentences(strip_markup(abstract))
        if len(s.split()) >= MIN_PICK_WORDS and not _NOISE.search(s)
    ]
    if not sentences:
        return [title]
    scores = [score_sentence(s, title, abstract) for s in sentences]
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    results = [i for i in order[1:] if _RESULT_CUE.search(sentences[i])]
    chosen = order[:1] + (results or order[1:])[:1]
    return [sentences[i] for i in sorted(chosen)]


def extractive_tldr(title: str, abstract: str) -> str:
    """A one-liner copied from the abstract that passes the checker whenever one can."""
    candidates = list(_candidates(title, abstract))
    for candidate in candidates:
        if not check_tldr(candidate, title, abstract):
            return candidate
    return candidates[0] if candidates else _fit(title)


def _candidates(title: str, abstract: str) -> Iterator[str]:
    sentences = [s for s in split_sentences(strip_markup(abstract)) if not _NOISE.search(s)]
    ranked = sorted(sentences, key=lambda s: -_candidate_score(s, title, abstract))
    label = _title_label(title)
    for sentence in ranked:
        # The sentence itself first: a whole sentence reads better than a headline fragment.
        yield _fit(_capitalise(sentence.strip().rstrip(" .")))
        clause = _clause(sentence)
        if label and label.casefold() not in clause.casefold():
            yield _fit(f"{label}: {clause}")
        yield _fit(_capitalise(clause))
    for sentence in ranked:  # last resort: the title names the topic
        yield _fit(f"{title.partition(':')[0]}: {_clause(sentence)}")


def _candidate_score(sentence: str, title: str, abstract: str) -> float:
    # Prefer sentences whose clause fits the limit without being cut.
    n = len(_clause(sentence).split())
    fits = 0.5 if MIN_CUT_WORDS <= n <= MAX_WORDS else 0.0
    return score_sentence(sentence, title, abstract) + fits - 0.05 * max(0, n - MAX_WORDS)


def _title_label(title: str) -> str | None:
    head, colon, _ = title.partition(":")
    return head.strip() if colon and 0 < len(head.split()) <= 3 else None


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
    if len(text.split()) <= limit:
        return " ".join(text.split())
    return trim_words(text, limit) or " ".join(text.split()[:limit]).rstrip(" ,;:") + "…"


def trim_words(text: str, limit: int = MAX_WORDS, min_words: int = MIN_CUT_WORDS) -> str | None:
    """The longest prefix of ``text`` of at most ``limit`` words that ends at a sentence or
    clause break, keeps at least ``min_words`` words, and leaves nothing dangling (an open
    parenthesis, "we show", a stub of a second sentence); None if there is none."""
    words = text.split()
    head = " ".join(words[:limit])
    if len(words) > limit:
        head += " "  # so a break right after the last kept word is seen
    ends = [m.start() for m in _SENTENCE_BREAK.finditer(head)]
    for cut in reversed([m.start() for m in _CLAUSE_BREAK.finditer(head)]):
        kept = head[:cut].rstrip(" ,;:")
        last_end = max((e for e in ends if e < cut), default=None)
        stub = last_end is not None and len(head[last_end:cut].split()) < MIN_STUB_WORDS
        dangling = stub or kept.count("(") != kept.count(")") or _REPORTING.search(kept)
        if len(kept.split()) >= min_words and not dangling:
            return kept
    return None


def _cut_chars(text: str, limit: int) -> str:
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + " …"
