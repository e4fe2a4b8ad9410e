"""The claim a "We show this in <setting>" sentence points back at (used by
assistant.summaries.compress): "A moderation system can score well ... and still cause real
harm. We show this in an agent-based model where ..." states the paper's claim in its opening
sentence and where it is shown in the next; "We show in an agent-based model that a
moderation system can score well ... and still cause real harm" says both without a pointer
(round 20: the line gave a finding with no subject context instead). Pure functions."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.summaries.checker import MAX_WORDS, dangles
from assistant.summaries.clauses import strip_lead
from assistant.summaries.heads import Head

# "We show this in an agent-based model where ...": "this" is the sentence before.
_SHOW_THIS = re.compile(
    r"^we\s+(?:show|demonstrate|illustrate|confirm|verify)\s+this\b(?P<rest>[^.;:]*)", re.I
)
# Where the setting ends: its own detail ("where N=240 agents ...").
_SETTING_END = re.compile(r",|\s(?:where|which|that|whose|with|by)\s")
_SETTING = re.compile(r"^(?:(?:in|on|across|with|through|using|via|for)\s|\w+ly\b)", re.I)
# Trailing conditions a claim can be cut before and still be whole.
_CONDITION = re.compile(r",\s+(?:if|when|because|since|as|while|which|where|even)\s")


def shown_claims(sentences: list[str]) -> list[Head]:
    """A head "We show <setting> that <claim>" for each sentence "We show this <setting>" whose
    previous sentence is the claim it points at; the claim is cut before a trailing condition
    when the whole line is too long. Alone only: a joined result would read as the claim's."""
    heads = []
    for before, sentence in pairwise(sentences):
        shown = _SHOW_THIS.match(strip_lead(sentence))
        claim = before.strip().rstrip(".")
        if shown is None or dangles(claim) or "?" in claim:
            continue
        setting = _setting(shown.group("rest"))
        if setting is None:
            continue
        for text in _forms(claim):
            line = f"We show {setting + ' ' if setting else ''}that {_lowered(text)}."
            if len(line.split()) <= MAX_WORDS:
                heads.append(Head(sentence, line, joins=False))
                break
    return heads


def _setting(rest: str) -> str | None:
    """Where the claim is shown ("in an agent-based model"), "" for none, None when what
    follows "this" is no setting ("this to be false")."""
    text = _SETTING_END.split(rest.strip(), maxsplit=1)[0].strip()
    if not text:
        return ""
    return text if _SETTING.match(text) else None


def _forms(claim: str) -> list[str]:
    """The claim whole, then cut before each trailing condition, longest first."""
    cuts = [claim[: m.start()] for m in reversed(list(_CONDITION.finditer(claim)))]
    return [claim, *cuts]


def _lowered(text: str) -> str:
    """The claim's first word in lower case unless it is a name ("LLMs", "GPT-4")."""
    first = text.split(" ", 1)[0]
    if any(c.isupper() or c.isdigit() for c in first[1:]):
        return text
    return text[:1].lower() + text[1:]
