"""The title's line ("X: A Y for Z" -> "X is a Y for Z") and the title's words in sentence
case (used by assistant.summaries.compress). Pure functions."""

from __future__ import annotations

import re

from assistant.names import split_title
from assistant.summaries.checker_words import RESOURCE_KINDS, kind_noun
from assistant.summaries.clauses import third_person
from assistant.summaries.contribution import HEAD_END
from assistant.summaries.purpose import title_purpose

# Title descriptions that are not a noun phrase: a question, a claim, "Towards ...", "-ing".
_NOT_A_PHRASE = re.compile(
    r"\?|^(?:towards?|beyond|can|how|what|why|when|where|which|is|are|does|do|on|from|not|"
    r"less|more|let|make|better|faster|fewer|smaller|cheaper|stronger|your|our|\w+ing|\w+ify|"
    r"\w+(?:ically|ively|ously|fully|ently|antly))\b"  # "Agentically Data Synthesizing via ..."
    r"|\b(?:is|are|makes?|needs?|matters?|helps?|can|should|does|do|beats?)\b",
    re.I,
)
# "... With Agentic Tool Using": a title ending on a verb reads garbled after "provides".
_VERB_END = re.compile(r"\b(?:using|via|with|for)$", re.I)
# The name is a dataset or benchmark ("we present V-GameGym, a comprehensive benchmark"): the
# title's phrase is its topic, and "X provides <topic>" says X does what it only measures.
_RESOURCE = (
    r"\W{0,3}(?:,|is|\()\s*(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}?"
    rf"(?:{RESOURCE_KINDS})s?\b"
)


def _after_name(title: str, name: str) -> str | None:
    """What the title says after "X:" when X is ``name``, spaces collapsed; None when the title
    has no such head."""
    head, rest = split_title(title)
    if not head or head.casefold() != name.casefold():
        return None
    return " ".join(rest.split())


def title_line(title: str, abstract: str, name: str) -> str | None:
    """ "X: A Y for Z" -> "X is a Y for Z"; "X: Y-ing Z" (a phrase without an article) ->
    "X provides ..."; None when the part after the colon is a question, a claim or a verb
    phrase, or the title has no "X:" head."""
    rest = _after_name(title, name)
    if not rest:
        return None
    if _NOT_A_PHRASE.search(rest) or len(rest.split()) < 3 or _VERB_END.search(rest):
        return None
    if _IMPERATIVE.match(rest):  # "X provides automate the last mile" reads garbled
        return None
    phrase = sentence_cased(rest, abstract)
    if re.match(r"(?:a|an|the)\s", phrase):
        return f"{name} is {phrase}."
    noun = HEAD_END.split(phrase, maxsplit=1)[0].split()[-1]
    if kind_noun(noun):
        return f"{name} is {'an' if phrase[0] in 'aeiou' else 'a'} {phrase}."
    if _CLAIM_VERB.search(rest):  # "Large-Scale Simulation Enables Zero-Shot Manipulation"
        return None
    if names_resource(name, abstract) or _spelled_name(phrase, name, abstract):
        return None
    return f"{name} provides {phrase}."


def command_line(title: str, abstract: str, name: str) -> str | None:
    """ "X: Automate the Last Mile of ..." -> "X automates the last mile of ..."; None when the
    part after the colon opens on no bare verb and its object. Only for the last-resort line:
    a compressed line saying what X is beats the title's command."""
    rest = _after_name(title, name)
    if rest is None or "?" in rest:
        return None
    command = _IMPERATIVE.match(rest)
    if command is None or len(rest.split()) < 4:
        return None
    verb = third_person(command.group(1).lower())
    return f"{name} {verb} {sentence_cased(rest[command.end(1) :].strip(), abstract)}."


# Title gerunds and the verbs they stand for ("X: Learning Long-Context Reasoning from ..." ->
# "X learns long-context reasoning from ..."); not a study's ("Rethinking", "Exploring"), whose
# line would say X rethinks what the authors do.
_GERUNDS = {
    g + "ing": v
    for g, v in (
        ("benchmark", "benchmarks"),
        ("evaluat", "evaluates"),
        ("learn", "learns"),
        ("scal", "scales"),
        ("train", "trains"),
        ("bridg", "bridges"),
        ("advanc", "advances"),
        ("enhanc", "enhances"),
        ("unify", "unifies"),
        ("empower", "empowers"),
        ("incentiviz", "incentivizes"),
        ("build", "builds"),
        ("align", "aligns"),
        ("boost", "boosts"),
        ("detect", "detects"),
        ("mak", "makes"),
        ("unleash", "unleashes"),
        ("synthesiz", "synthesizes"),
        ("improv", "improves"),
        ("extend", "extends"),
        ("enabl", "enables"),
        ("decoupl", "decouples"),
        ("unlock", "unlocks"),
        ("master", "masters"),
        ("harness", "harnesses"),
        ("automat", "automates"),
        ("steer", "steers"),
        ("generat", "generates"),
        ("accelerat", "accelerates"),
        ("teach", "teaches"),
        ("ground", "grounds"),
        ("distill", "distills"),
    )
}


def gerund_line(title: str, abstract: str, name: str) -> str | None:
    """ "X: Learning Long-Context Reasoning from Search Agent Trajectories" -> "X learns
    long-context reasoning from search agent trajectories": what X does, as the title says it;
    None for a title of another shape or a gerund not known to stand for what X does."""
    rest = _after_name(title, name)
    words = rest.split(" ", 1) if rest else []
    if rest is None or len(words) < 2:
        return None
    verb = _GERUNDS.get(words[0].casefold())
    if verb is None or "?" in rest or len(words[1].split()) < 2 or _VERB_END.search(words[1]):
        return None
    # only a benchmark or dataset measures ("SpatialEdit benchmarks ..." for a model)
    if verb in _MEASURES and not names_resource(name, abstract):
        return None
    return f"{name} {verb} {sentence_cased(words[1], abstract)}."


_MEASURES = frozenset({"benchmarks", "evaluates"})


# A title that opens on a bare verb and its object ("Automate the Last Mile ..."): a command,
# which reads garbled after "provides". A preposition before an article is no verb.
_IMPERATIVE = re.compile(
    r"^(?!(?:through|into|across|under|over|within|without|between|among|against|via|with|"
    r"for|in|at|by|of|to|toward|inside|around|along|behind|upon|after|before|during|all|"
    r"the|an?)\b)(?!\w+ing\b)([A-Z][a-z]{2,})\s+(?=(?:the|a|an|your|any|every|each)\s)",
    re.I,
)


def names_resource(name: str, abstract: str) -> bool:
    """Whether the abstract defines ``name`` as a dataset, benchmark or corpus ("we present
    V-GameGym, a comprehensive benchmark")."""
    return bool(re.search(re.escape(name) + _RESOURCE, abstract, re.I))


def _spelled_name(phrase: str, name: str, abstract: str) -> bool:
    """Whether the title's phrase opens with what the name stands for ("Momentum
    Uncertainty-guided Reasoning (MUR)"): "MUR provides momentum uncertainty guided reasoning"
    says the name twice once the name is spelled out."""
    defined = re.search(rf"((?:[\w-]+\s+){{1,6}})\({re.escape(name)}\)", abstract)
    if defined is None:
        return False
    spelled = set(re.split(r"[\s-]+", defined.group(1).casefold()))
    opening = re.split(r"[\s-]+", phrase.casefold())[:2]
    return all(word in spelled for word in opening)


# A verb that makes an article-less title a claim, which reads garbled after "provides".
_CLAIM_VERB = re.compile(
    r"\b(?:enables?|drives?|unlocks?|yields?|improves?|boosts?|generali[sz]es|outperforms|learns|"
    r"teaches|reveals|solves|surpasses|bridges|empowers|advances|scales)\b",
    re.I,
)


def _title_word(word: str, abstract: str) -> str:
    """A title-case word in sentence case, unless it is a name: an acronym, a mixed-case token,
    or a word the abstract capitalises mid-sentence ("Chinese", "Rust")."""
    parts = word.split("-")
    return "-".join(p if _keeps_case(p, abstract) else p.lower() for p in parts)


def sentence_cased(phrase: str, abstract: str) -> str:
    """A title's phrase in sentence case (:func:`_title_word`), where a word the abstract
    capitalises only inside a longer term ("the Unknown Schema scenario") is lowered when the
    phrase keeps none of that term: "over Unknown schemas" reads as a stray capital."""
    words = [_title_word(w, abstract) for w in phrase.split()]
    parts = [p for w in words for p in w.split("-")]
    lone = {
        i
        for i, part in enumerate(parts)
        if _term_word(part, abstract)
        and not any(_capital(p) for p in parts[max(i - 1, 0) : i] + parts[i + 1 : i + 2])
    }
    cased, i = [], 0
    for word in words:
        pieces = word.split("-")
        cased.append("-".join(p.lower() if i + k in lone else p for k, p in enumerate(pieces)))
        i += len(pieces)
    return " ".join(cased)


def _capital(part: str) -> bool:
    return part[:1].isupper()


def _term_word(part: str, abstract: str) -> bool:
    """Whether a capitalised word is one the abstract capitalises only next to another
    capitalised word ("Unknown Schema", "Test-Time Training"), never alone ("Rust code")."""
    if not _capital(part) or any(c.isupper() or c.isdigit() for c in part[1:]):
        return False
    uses = list(re.finditer(rf"(\S*)[\s-]{re.escape(part)}\b[\s-]?(\S*)", abstract))
    return bool(uses) and all(_capital(u.group(1)) or _capital(u.group(2)) for u in uses)


def _keeps_case(part: str, abstract: str) -> bool:
    if not part[:1].isupper() or any(c.isupper() or c.isdigit() for c in part[1:]):
        return True
    capitalised = re.search(rf"[a-z,;]\s+{re.escape(part)}\b", abstract)
    return bool(capitalised) and not re.search(rf"\b{re.escape(part.lower())}\b", abstract)


def cased_purpose(title: str, abstract: str) -> str | None:
    """The title's purpose ("for Collaborative Data Visualization") in sentence case."""
    purpose = title_purpose(title)
    return sentence_cased(purpose, abstract) if purpose else None
