"""The TL;DR checker's faithfulness rules: numbers, names and compounds the title and abstract
do not contain, numbers bound to another statement, markup, and words copied from the prompt's
examples instead of the abstract. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.summaries.checker_words import (
    ACRONYM,
    FILLER,
    GENERIC,
    STOPWORDS,
    WORDS,
    content_words,
    is_name,
    method_names,
    stem,
    strip_token,
)
from assistant.summaries.reasons import Code, Reason

_MARKUP = re.compile(
    r"https?://|\bwww\.|\]\(|!\[|<[A-Za-z/!][^>]*>|&#?\w+;|\*\*|__|`|^\s*(?:#{1,6}|>|[-*+])\s",
    re.IGNORECASE | re.MULTILINE,
)


def check_binding(tldr: str, abstract: str) -> list[Reason]:
    """Numbers attached to other names, or credited to another system, than in the abstract
    (assistant.pipeline.meaning owns the binding rules, shared with the answer checker)."""
    from assistant.pipeline.meaning import credited_elsewhere, unbound_numbers

    found = [*unbound_numbers(tldr, abstract), *credited_elsewhere(tldr, abstract)]
    wrong = list(dict.fromkeys(found))
    return (
        [Reason(Code.BINDING, f"number bound to another statement: {', '.join(wrong)}")]
        if wrong
        else []
    )


@dataclass(frozen=True)
class Source:
    """What a TL;DR may draw on: the words, names and numbers of the title and abstract."""

    tokens: frozenset[str]  # casefolded tokens, their hyphen parts and stems
    words: tuple[str, ...]  # casefolded alphanumeric words in order (for acronym initials)
    numbers: frozenset[str]
    key_terms: frozenset[str]  # stems of title content words and method-name parts


@lru_cache(maxsize=256)
def source_of(title: str, abstract: str) -> Source:
    text = f"{title}\n{abstract}"
    tokens: set[str] = set()
    for raw in text.split():
        token = strip_token(raw).casefold()
        tokens.update({token, stem(token), *re.split(r"[-/]", token)})
    names = " ".join(method_names(title, abstract)).casefold()
    key_terms = {stem(w) for w in (*content_words(title), *WORDS.findall(names))}
    return Source(
        tokens=frozenset(tokens),
        words=tuple(WORDS.findall(text.casefold())),
        numbers=frozenset(_norm_number(n) for n in _NUMBER.findall(text)),
        key_terms=frozenset(key_terms),
    )


def check_markup(tldr: str) -> list[Reason]:
    return (
        [Reason(Code.MARKUP, "contains markup (a URL, link, HTML or formatting)")]
        if _MARKUP.search(tldr)
        else []
    )


def check_numbers(tldr: str, source: Source) -> list[Reason]:
    invented = [n for n in _NUMBER.findall(tldr) if _norm_number(n) not in source.numbers]
    if not invented:
        return []
    return [
        Reason(Code.UNSOURCED, f"number not in the abstract: {', '.join(dict.fromkeys(invented))}")
    ]


def check_names(tldr: str, source: Source) -> list[Reason]:
    invented = []
    sentence_start = True
    for raw in tldr.split():
        token = strip_token(raw)
        if token and is_name(token, sentence_start) and not _known(token, source):
            invented.append(token)
        sentence_start = raw.endswith(_SENTENCE_BREAK) or raw in _DASHES
    if not invented:
        return []
    return [
        Reason(Code.UNSOURCED, f"name not in the abstract: {', '.join(dict.fromkeys(invented))}")
    ]


PREFIX = 5  # words sharing this many first letters count as the same word ("speeding"/"speed")


def check_borrowed(tldr: str, title: str, abstract: str, examples: str) -> list[Reason]:
    """Content words the line shares with the prompt's worked ``examples`` but not with the
    title or abstract: the tiny model copying an example ("far below human grandmasters")."""
    source = source_of(title, abstract)
    known = {t[:PREFIX] for t in source.tokens if len(t) >= PREFIX}
    shown = {w[:PREFIX] for w in content_words(examples) if len(w) >= PREFIX}
    borrowed = [
        w
        for w in content_words(tldr)
        if len(w) >= PREFIX and w[:PREFIX] in shown and w[:PREFIX] not in known
    ]
    if not borrowed:
        return []
    return [
        Reason(
            Code.UNSOURCED,
            f"copied from the prompt's examples, not in the abstract: {', '.join(borrowed)}",
        )
    ]


_LOWER_COMPOUND = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])")


_INFLECTION = re.compile(r"(?:ing|ed|es|e|s)$")


def check_compounds(tldr: str, title: str, abstract: str) -> list[Reason]:
    """Hyphenated compounds the source does not write in any spelling ("multi-agent
    red-teaming" for a scene-graph paper, "human-to-humano-to-world"): invented or garbled.
    An inflection of the source's compound is its word ("fine-tune" -> "fine-tuning")."""
    source = " ".join(f"{title} {abstract}".casefold().split())
    invented = [
        c
        for c in dict.fromkeys(_LOWER_COMPOUND.findall(tldr))
        if all(
            form not in source
            for form in (_INFLECTION.sub("", c), c.replace("-", ""), c.replace("-", " "))
        )
    ]
    return (
        [Reason(Code.UNSOURCED, f"a compound the abstract does not use: {', '.join(invented)}")]
        if invented
        else []
    )


def _known(token: str, source: Source) -> bool:
    folded = token.casefold()
    if folded in source.tokens or stem(folded) in source.tokens or folded in STOPWORDS:
        return True
    if token.isalpha() and token[1:].islower() and _harmless(stem(folded)):
        return True
    parts = [p for p in re.split(r"[-/]", token) if p]
    if sum(p[:1].isupper() for p in parts) > 1:  # "Gui-TARS": a name the source lacks whole
        return False
    if len(parts) > 1:
        return all(not is_name(p, i == 0) or _known(p, source) for i, p in enumerate(parts))
    return _expands(token, source.words)


def _expands(token: str, words: tuple[str, ...]) -> bool:
    """True for an acronym of consecutive source words: "LLMs" <- "large language models"."""
    match = ACRONYM.match(token)
    if not match:
        return False
    letters = match.group(1).casefold()
    k = len(letters)
    return any(
        all(words[i + j][0] == letters[j] for j in range(k)) for i in range(len(words) - k + 1)
    )


def related_word(word: str, term: str) -> bool:
    """Same word up to its ending: "fairness" ~ "fair", "reinforcement" ~ "reinforcing"."""
    if word == term:
        return True
    short, long = sorted((word, term), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    return word[:6] == term[:6] and len(word) >= 6 and len(term) >= 6


def _harmless(word: str) -> bool:
    """A common word, capitalised only because the draft is in headline style."""
    return word in GENERIC or word in FILLER or bool(_COMMON_ENDING.search(word))


_COMMON_ENDING = re.compile(
    r"(?:ing|ed|tion|sion|ment|ness|ity|ive|ous|able|ible|ial|ual|ral|nal|ical|ally|ize|ise|"
    r"ized|ised|ism)$"
)


_DASHES = {"-", "–", "—"}


_SENTENCE_BREAK = (".", ":", ";", "!", "?")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _norm_number(number: str) -> str:
    return number.replace(",", "")
