"""Does the paper that answers give the number a question asks for? Pure functions.

"How many parameters does FlashWorld have?" retrieves FlashWorld, and its abstract quotes well,
but it gives no parameter count: quoting it would read as an answer. A question that counts
things ("how many N") is given its number only by a sentence with a quantity just before N
("865M parameters", "seven benchmark datasets", "a three-stage curriculum"), or, for
parameters, a model size ("our 7B model"). Any other number question needs at least one
quantity the question lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.pipeline.evidence import need_of, quantities
from assistant.pipeline.text import stems

# "how many (human) labelers", "how many image-text pairs": the counted noun ends the group.
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w-]+\s+){0,2}?[\w-]+s)\b", re.I)
_NOT_COUNTED = frozenset({"times"})  # "how many times fewer steps" asks for a ratio
_TOKEN = re.compile(r"[\w.,%×-]+")
_MODEL_SIZE = re.compile(r"\b\d+(?:\.\d+)?\s?[BMK]\b")
COUNT_BEFORE = 6  # tokens before the counted noun that may hold its number


def counted_noun(question: str) -> str | None:
    """The noun a "how many ...?" question counts ("parameters"), or None."""
    match = _HOW_MANY.search(question)
    noun = match.group(1).split()[-1] if match else None
    return None if noun is None or noun.lower() in _NOT_COUNTED else noun


def number_not_given(question: str, sentences: Sequence[str]) -> str | None:
    """What the question asks a number for when ``sentences`` (one paper's title and abstract)
    give none: "the number of parameters", "the number asked for"; None when they do, or the
    question asks for no number."""
    if "number" not in need_of(question):
        return None
    text = " ".join(sentences)
    noun = counted_noun(question)
    if noun is not None:
        return None if _counts(text, noun, question) else f"the number of {noun.lower()}"
    return None if quantities(text) - quantities(question) else "the number asked for"


def _counts(text: str, noun: str, question: str) -> bool:
    """A quantity the question lacks stands just before ``noun`` (or inside its compound:
    "three-stage"), or ``noun`` is parameters and the text gives a model size."""
    asked, wanted = quantities(question), _forms(noun)
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        parts = token.lower().strip(".,").split("-")
        if _forms(parts[-1]) & wanted:
            before = " ".join([*tokens[max(0, i - COUNT_BEFORE) : i], *parts[:-1]])
            if quantities(before) - asked:
                return True
    return noun.lower() == "parameters" and bool(_MODEL_SIZE.search(text))


def _forms(word: str) -> set[str]:
    """Stems of ``word`` and of it without a plural "s": the stemmer keeps "GPUs" whole."""
    word = word.lower()
    return stems({word, word.removesuffix("s")})
