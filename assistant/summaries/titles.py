"""The title's line ("X: A Y for Z" -> "X is a Y for Z") and the title's words in sentence
case (used by assistant.summaries.compress). Pure functions."""

from __future__ import annotations

import re

from assistant.summaries.contribution import HEAD_END
from assistant.summaries.purpose import title_purpose

# Title descriptions that are not a noun phrase: a question, a claim, "Towards ...", "-ing".
_NOT_A_PHRASE = re.compile(
    r"\?|^(?:towards?|beyond|can|how|what|why|when|where|which|is|are|does|do|on|from|not|"
    r"less|more|let|make|better|faster|fewer|smaller|cheaper|stronger|your|our|\w+ing|\w+ify)\b"
    r"|\b(?:is|are|makes?|needs?|matters?|helps?|can|should|does|do|beats?)\b",
    re.I,
)
# "... With Agentic Tool Using": a title ending on a verb reads garbled after "provides".
_VERB_END = re.compile(r"\b(?:using|via|with|for)$", re.I)
# Head nouns that take "a": "LPM 1.0 is a video-based character performance model".
_COUNTABLE = re.compile(
    r"(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|platform|environment|corpus|recipe|"
    r"baseline|engine|simulator|tool|metric|protocol|network|transformer|encoder|planner|"
    r"optimizer|family|generator|testbed|arena|gym|leaderboard|study|survey|analysis)$",
    re.I,
)


def title_line(title: str, abstract: str, name: str) -> str | None:
    """ "X: A Y for Z" -> "X is a Y for Z"; "X: Y-ing Z" (a phrase without an article) ->
    "X provides ..."; None when the part after the colon is a question, a claim or a verb
    phrase, or the title has no "X:" head."""
    head, colon, rest = title.partition(":")
    rest = " ".join(rest.split())
    if not colon or head.strip().casefold() != name.casefold() or not rest:
        return None
    if _NOT_A_PHRASE.search(rest) or len(rest.split()) < 3 or _VERB_END.search(rest):
        return None
    phrase = " ".join(_title_word(w, abstract) for w in rest.split())
    if re.match(r"(?:a|an|the)\s", phrase):
        return f"{name} is {phrase}."
    noun = HEAD_END.split(phrase, maxsplit=1)[0].split()[-1]
    if _COUNTABLE.search(noun):
        return f"{name} is {'an' if phrase[0] in 'aeiou' else 'a'} {phrase}."
    if _CLAIM_VERB.search(rest):  # "Large-Scale Simulation Enables Zero-Shot Manipulation"
        return None
    return f"{name} provides {phrase}."


# A verb that makes an article-less title a claim, which reads garbled after "provides".
_CLAIM_VERB = re.compile(
    r"\b(?:enables?|drives?|unlocks?|yields?|improves?|boosts?|generali[sz]es|outperforms|learns|"
    r"teaches|reveals|solves|surpasses|bridges|empowers|advances)\b",
    re.I,
)


def _title_word(word: str, abstract: str) -> str:
    """A title-case word in sentence case, unless it is a name: an acronym, a mixed-case token,
    or a word the abstract capitalises mid-sentence ("Chinese", "Rust")."""
    parts = word.split("-")
    return "-".join(p if _keeps_case(p, abstract) else p.lower() for p in parts)


def _keeps_case(part: str, abstract: str) -> bool:
    if not part[:1].isupper() or any(c.isupper() or c.isdigit() for c in part[1:]):
        return True
    capitalised = re.search(rf"[a-z,;]\s+{re.escape(part)}\b", abstract)
    return bool(capitalised) and not re.search(rf"\b{re.escape(part.lower())}\b", abstract)


def cased_purpose(title: str, abstract: str) -> str | None:
    """The title's purpose ("for Collaborative Data Visualization") in sentence case."""
    purpose = title_purpose(title)
    return " ".join(_title_word(w, abstract) for w in purpose.split()) if purpose else None
