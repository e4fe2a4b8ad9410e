"""Parse an answer into sentences and the numbered sources each one cites. Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"\[(\s*\d+(?:\s*[,;]\s*\d+)*\s*)\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:\s*(?:\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)?\s+(?=[A-Z\"“(\[])")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "vs.", "Fig.", "Eq.", "approx.")


@dataclass(frozen=True)
class Claim:
    """One sentence of an answer: its text without markers, and the valid sources it cites."""

    text: str
    cited: tuple[int, ...]
    invalid: tuple[int, ...] = ()


def split_sentences(text: str) -> list[str]:
    """Split after . ! ? (and any citation markers that follow), not after common abbreviations."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start : match.start()]
        if head.rstrip().endswith(_ABBREVIATIONS):
            continue
        parts.append(text[start : match.end()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def parse_markers(sentence: str) -> list[int]:
    numbers: list[int] = []
    for group in _MARKER.findall(sentence):
        for token in re.split(r"[,;]", group):
            numbers.append(int(token.strip()))
    return numbers


def strip_markers(sentence: str) -> str:
    return re.sub(r"\s+([.,;!?])", r"\1", _MARKER.sub("", sentence)).strip()


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
    body, stop = (claim.text[:-1], claim.text[-1]) if claim.text[-1] in ".!?" else (claim.text, "")
    return f"{body} {markers}{stop}"
