"""Parse an answer into sentences and the numbered sources each one cites. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]")
# A sentence opens on a capital, a quote or bracket, a name that starts with a digit
# ("4DLangVGGT has two key components", "3D Gaussian splatting ..."), or a list item's number
# ("... metallicness. 2) To support this framework, we construct Hi3DBench ..."), not a bare
# number: a quote of the item must not open on the end of the item before it.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’')]*(?:\s*(?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)?\s+"
    r"(?=[A-Z\"“(\[]|\d+[A-Za-z]|\d{1,2}\)\s)"
)
# A list item's number, and the most words of an item that is a phrase, not a sentence: "…
# three aspects: 1) Inter-frame precise temporal change understanding. 2) Intra-frame ..."
# is one sentence.
_ITEM_NUMBER = re.compile(r"(?:^|\s)\d{1,2}\)\s")
FRAGMENT_WORDS = 6
_LINE_BREAK = re.compile(r"\s*\n\s*")
# No sentence ends here; the TL;DR sentence splitter imports them too.
ABBREVIATIONS = (
    "e.g.",
    "i.e.",
    "et al.",
    "vs.",
    "Fig.",
    "Eq.",
    "approx.",
    "w.r.t.",
    "cf.",
    "resp.",
    "Dr.",  # a method named like a person: "Dr. MAS", "Dr. GRPO"
    "Prof.",
)
_MAX_DIGITS = 6  # "[" + 5000 digits + "]" must not reach int() (Python caps it at 4300 digits)


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer: its text without markers, and the valid sources it cites."""

    text: str
    cited: tuple[int, ...]
    invalid: tuple[int, ...] = ()


def split_sentences(text: str) -> list[str]:
    """Split after . ! ? (and any citation markers that follow), not after common abbreviations,
    and at line breaks (list items are claims of their own)."""
    return [s for line in _LINE_BREAK.split(text) for s in _split_line(line)]


def _split_line(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if head.rstrip().endswith(ABBREVIATIONS) or _in_phrase_list(head, text, match.end()):
            continue
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _in_phrase_list(head: str, text: str, at: int) -> bool:
    """The next list item starts at ``at``, and ``head`` holds the items before it whole: a
    colon opened the list in this sentence ("including: 1) Chemical Foundation Training,
    which establishes ... 2) ..."), or the item ``head`` ends on is a phrase of at most
    FRAGMENT_WORDS words ("aspects. 1) A. 2) B."). An item of several sentences ("1) We
    transform ... With our proposed ...") has been split from its list already."""
    items = list(_ITEM_NUMBER.finditer(head))
    if not items or _ITEM_NUMBER.match(text, at - 1) is None:  # the space before it
        return False
    opened = head[: items[0].start()].rstrip().endswith(":")
    return opened or len(head[items[-1].end() :].split()) <= FRAGMENT_WORDS


def parse_markers(sentence: str) -> list[int]:
    numbers: list[int] = []
    for group in _MARKER.findall(sentence):
        for token in re.split(r"[,;]", group):
            digits = token.strip().lstrip("0") or "0"
            numbers.append(int(digits) if len(digits) <= _MAX_DIGITS else 10**_MAX_DIGITS)
    return numbers


def strip_markers(sentence: str) -> str:
    text, removed = sentence, 1
    while removed:  # "[[9]9]" must not leave a "[9]" behind
        text, removed = _MARKER.subn("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"\s+([.,;!?])", r"\1", text).strip()


def parse_claims(answer: str, n_sources: int) -> list[Claim]:
    """Claims of an answer; citations outside 1..n_sources are kept apart as invalid."""
    claims = []
    for sentence in split_sentences(answer):
        numbers = list(dict.fromkeys(parse_markers(sentence)))
        valid = tuple(n for n in numbers if 1 <= n <= n_sources)
        invalid = tuple(n for n in numbers if not 1 <= n <= n_sources)
        text = strip_markers(sentence)
        if text:
            claims.append(Claim(text, valid, invalid))
    return claims


def render_claim(claim: Claim) -> str:
    """A claim with its citations written back as ``[n]`` markers before the final stop."""
    if not claim.cited:
        return claim.text
    markers = "".join(f"[{n}]" for n in claim.cited)
    ends = claim.text[-1:] in (".", "!", "?")
    body, stop = (claim.text[:-1], claim.text[-1]) if ends else (claim.text, "")
    return f"{body} {markers}{stop}"
