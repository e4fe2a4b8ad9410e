"""Does the paper that answers give the name a question asks for? A pure function.

"Which pretrained video model does Pandora integrate with its 7B LLM?" retrieves Pandora, whose
abstract says it integrates "a pretrained LLM (7B) and a pretrained video model", and never
which: quoting that sentence would read as an answer. So would "Evaluated on two benchmark
datasets, we find that CountGen ..." for "Which two benchmark datasets is CountGen evaluated
on?". The abstract gives no name when it speaks of the asked thing only as "a" or "two" of its
kind, with nothing that names it after ("a new metric (pass^k)", "two policies ...: a question
synthesizer and a reasoning solver", "a benchmark, X"), and no sentence on that kind holds a
name the question and title lack. (The sibling ``given`` judges number asks.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.pipeline import meaning
from assistant.pipeline.ask import ask_head, ask_of, question_parts
from assistant.pipeline.evidence import need_of
from assistant.pipeline.text import COUNT_WORDS

_INDEFINITE = "(?:a|an|several|multiple|various|\\d+|" + "|".join(COUNT_WORDS) + ")"
# What may follow a mention to name it: an aside, a list, an appositive ("a benchmark, X").
_NAMED_AFTER = re.compile(
    r"^\s*(?:\(|:|,\s+(?:a|an|the|namely|i\.e\.|e\.g\.|such as|including|called|named)\b|"
    r"(?:called|named|dubbed|termed|such as|including|like|namely)\b)",
    re.I,
)
_LISTED_LATER = re.compile(r":|\(\s*(?:1|i|a)\s*\)", re.I)  # "two policies from X: a ... and a"
_ALSO_UNNAMED = frozenset({"new", "additional", "other"})  # "a new benchmark" for "which benchmark"


def name_not_given(question: str, sentences: Sequence[str]) -> str | None:
    """What a name ask wants when ``sentences`` (one paper's title and abstract) only speak of
    it unnamed: "the name of the pretrained video model"; None when they name it, when the ask
    is for no kind of thing, or when some other part of the question asks for something else."""
    missing = [_unnamed(part, question, sentences) for part in question_parts(question)]
    if not missing or any(what is None for what in missing):
        return None
    return " and ".join(what for what in missing if what)


def _unnamed(part: str, question: str, sentences: Sequence[str]) -> str | None:
    """The name one part asks for when the abstract only mentions it unnamed, else None."""
    words = ask_head(ask_of(part)).split()
    if need_of(part) != {"name"} or not words or not meaning.KIND_WORD.fullmatch(words[-1]):
        return None
    title, abstract = sentences[0], sentences[1:]
    singular = meaning.kind_of(words[-1])
    kind = rf"\b{re.escape(singular.removesuffix('y'))}(?:y|ies|es|s)?\b"
    if any(re.search(kind, s, re.I) and _names_new(s, question, title) for s in abstract):
        return None
    after = _after_unnamed(abstract, kind, {w.lower() for w in words[:-1]})
    if not after or any(_NAMED_AFTER.match(r) or _LISTED_LATER.search(r) for r in after):
        return None
    plural = words[-1].lower() != singular or re.fullmatch(_INDEFINITE, words[0], re.I)
    return f"the name{'s' if plural else ''} of the {' '.join(words)}"


def _names_new(sentence: str, question: str, title: str) -> set[str]:
    """The names of ``sentence`` that neither the question nor the paper's title holds."""
    return meaning.new_names(sentence, question) - meaning.names(title)


def _after_unnamed(abstract: Sequence[str], kind: str, said: set[str]) -> list[str]:
    """What follows each mention of the kind as "a"/"two" of it, described only by the ask's
    own words ("a pretrained video model" for "which pretrained video model")."""
    said = said | _ALSO_UNNAMED
    mention = re.compile(rf"\b{_INDEFINITE}\s+((?:[\w-]+\s+){{0,3}}?){kind}", re.I)
    return [
        found.string[found.end() :]
        for sentence in abstract
        for found in mention.finditer(sentence)
        if set(found.group(1).lower().split()) <= said
    ]
