"""Where a contribution sentence puts the method's name: "X, a Y", "a Y, called X", "Long
Name (ACR), a Y", "a Y NAME" (used by assistant.summaries.contribution). Pure functions."""

from __future__ import annotations

import re

from assistant.summaries.borrowed import defined_by_tool
from assistant.summaries.checker import dangles, name_pattern

_COMMON = frozenset(
    """a an the this that these our its their it we new novel first simple
    unified general large small efficient effective""".split()
)
# A name: an acronym, an inner capital or digit-letter mix ("VEGA-3D", "ImageNet", "GPT-4o").
NAME_TOKEN = re.compile(
    r"^(?=[^\s]*[A-Z])(?:[A-Z][A-Za-z0-9+\-.]*[A-Z0-9+][A-Za-z0-9+\-]*|"
    r"[a-z]+-?[A-Z][A-Za-z0-9+\-]*)$"  # "alpha-Flow" too
)


# "a loss, called MFD, that ..." (not "called the manifold feature distance": no one-word name).
_NAMED = re.compile(
    r",?\s*(?:called|named|dubbed|termed|coined)\s+(?!(?:the|a|an)\s)([^\s,;:]+)\s*,?\s*", re.I
)
# "a framework called general agentic memory (GAM)": a name of several words with its acronym.
_NAMED_DEFINED = re.compile(
    r",?\s*(?:called|named|dubbed|termed|coined)\s+(?!(?:the|a|an)\s)"
    r"(?P<long>[\w-]+(?:\s+[\w-]+){1,5})\s+\((?P<acronym>[A-Za-z][\w.+-]*[A-Z][\w.+-]*)\)\s*,?\s*"
)
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,;:])")
# The description the name labels comes first ("a novel framework called ..."), not a part
# named later in the sentence ("X, a paradigm ... a state, termed Y (ACR)").
_KIND_FIRST = re.compile(r"^(?:a|an)\s[^,]{0,80}$", re.I)
# "X, a Y" and the dash apposition "X - a Y" / "X — a Y".
_APPOSITIVE = re.compile(
    r"^(?P<name>[^\s,]+(?:\s[^\s,]+){0,3}?)(?:,\s+|\s+[-–—]\s+|—)(?P<rest>(?:a|an|the)\s.+)$"
)
_DEFINED_APPOSITIVE = re.compile(
    r"^[^(),]{3,90}\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),\s+(?P<rest>(?:a|an|the)\s.+)$"
)
# "X, which [dynamically] allocates ...": the verb may follow an adverb.
_WHICH_DOES = r"which\s+(?P<rest>(?:[a-z]+ly\s+)?[a-z]+s\s.+)$"
_NAME_WHICH = re.compile(r"^(?P<name>[^\s,]+),\s+" + _WHICH_DOES)
_DEFINED_WHICH = re.compile(
    r"^[^(),]{3,90}\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),\s+" + _WHICH_DOES
)
NAME_WINDOW = 15  # words of a description searched for a name of its own


def labelled(cued: str, rest: str, name: str | None) -> str | None:
    """The sentence after its cue (``cued``; ``rest``: the same, its dangling clause cut) as
    "X is a Y" / "X does Z" when it labels what it introduces ("a Y, called X", "X (ACR),
    which does Z", "Long Name (ACR), a Y", "a Y NAME", "X, a Y"); None when it has no label.
    The line is not yet tidied."""
    defined = _NAMED_DEFINED.search(rest)
    if defined and _KIND_FIRST.match(rest[: defined.start()]):
        # "a Y called long name (ACR)" -> "Long name (ACR) is a Y"
        label = f"{defined.group('long')[:1].upper()}{defined.group('long')[1:]}"
        described = _SPACE_BEFORE_STOP.sub("", f"{rest[: defined.start()]} {rest[defined.end() :]}")
        return f"{label} ({defined.group('acronym')}) is {described.strip()}"
    called = _NAMED.search(rest)
    if called:  # "a Y, called X, that Z" -> "X is a Y that Z"
        label = called.group(1).strip("\"'“”.")  # "named DarkForest." ends its sentence
        described = (rest[: called.start()] + " " + rest[called.end() :]).strip()
        return f"{label} is {described}"
    which = _own(_DEFINED_WHICH.match(cued.strip())) or _NAME_WHICH.match(rest)
    if which and not dangles(which.group("rest")) and is_label(which.group("name"), name):
        return f"{which.group('name')} {which.group('rest')}"  # "X (ACR), which does Z"
    defined = _own(_DEFINED_APPOSITIVE.match(cued.strip())) or _comma_defined(rest)
    if defined:  # "Long Name (ACR), a Y" -> "ACR is a Y"
        return f"{defined.group('name')} is {defined.group('rest')}"
    named = _named_description(rest, name)
    if named:  # "a multi-level benchmark TIME, designed for Z" -> "TIME is a ... benchmark, ..."
        return named
    apposition = _APPOSITIVE.match(rest)
    if apposition and is_label(apposition.group("name"), name):
        label = re.sub(r"^the\s+", "", apposition.group("name"), flags=re.I)
        return f"{label} is {apposition.group('rest')}"
    return None


def _own(defined: re.Match[str] | None) -> re.Match[str] | None:
    """A definition "... (ACR), ..." unless the acronym labels a tool the sentence uses ("a
    strategy using Group Relative Policy Optimization (GRPO), which ...")."""
    if defined is None:
        return None
    before = defined.string[: defined.start("name")].rstrip(" (")
    return None if defined_by_tool(before, defined.group("name")) else defined


def is_label(label: str, name: str | None) -> bool:
    """Whether the words before ", a ..." name something: the method's name, a name token, one
    uncommon word ("freephdlabor"), or up to four capitalised words ("Nemotron Nano V2 VL"),
    maybe joined by "&"."""
    words = re.sub(r"^the\s+", "", label, flags=re.I).split()
    if name and (label == name or words[0].startswith(name)):
        return True
    if NAME_TOKEN.match(words[0]):
        return True
    if len(words) == 1:
        return words[0].casefold() not in _COMMON and words[0].isalpha()
    return all(w[:1].isupper() or w == "&" for w in words)  # "Bind & Compose"


def names_another(rest: str, name: str | None) -> bool:
    """Whether a description names something other than the method ("a dataset, VerInstruct,
    containing ..."): then "X is a dataset" would bind the method's name to it."""
    words = [w.strip(",.;:()") for w in rest.split()[:NAME_WINDOW]]
    return any(NAME_TOKEN.match(w) and not (name and w.startswith(name)) for w in words if w)


# "Reason, then Re-reason (ReRe), a training-free framework": a long name with a comma.
_COMMA_DEFINED = re.compile(
    r"^(?P<long>[A-Z][^(),]*(?:,\s[^(),]+){1,2})\s\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),"
    r"\s+(?P<rest>(?:a|an|the)\s.+)$"
)
MAX_LONG_NAME = 6


def _comma_defined(rest: str) -> re.Match[str] | None:
    """ "Reason, then Re-reason (ReRe), a Y": a long name the sentence defines an acronym for,
    commas and all (a short name that opens with the acronym's letter, not a list)."""
    found = _COMMA_DEFINED.match(rest.strip())
    if found is None or len(found.group("long").split()) > MAX_LONG_NAME:
        return None
    return found if found.group("long")[0].casefold() == found.group("name")[0].casefold() else None


# "a multi-level benchmark TIME, designed for ...": the name closes the description.
# Not "a public POINTS-1.5 model to obtain POINTS-Reader": what the name is made from, not it.
_DESCRIPTION_THEN_NAME = (
    r"^(?P<desc>(?:a|an)\s(?:[^;:()]{{2,90}}?)(?<!\sto\sobtain)(?<!\sto\sget)(?<!\sto\syield)"
    r"(?<!\sto\sproduce)(?<!\sto\sderive)),?\s+{name}"
    r"(?P<tail>[,.].*|\s(?:that|which|for|to)\s.*)?$"
)
# "a novel framework for REfining multi-modAl contRastive learning (REARM)": the name last.
_DESCRIPTION_THEN_ACRONYM = re.compile(
    r"^(?P<desc>(?:a|an)\s[^()]{3,120}?)\s*\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\)\.?$"
)


def _named_description(rest: str, name: str | None) -> str | None:
    """ "a Y NAME[, Z]" -> "NAME is a Y[, Z]" for the method's own name; "a Y (ACR)" -> "ACR is
    a Y", its words in lower case when their capitals spell ACR ("REfining" -> "refining")."""
    if name:
        pattern = _DESCRIPTION_THEN_NAME.format(name=name_pattern(name))
        described = re.match(pattern, rest.strip())
        if described:
            return f"{name} is {described.group('desc')}{described.group('tail') or ''}"
    between = _DESCRIPTION_COMMA_NAME.match(rest.strip())
    if between and NAME_TOKEN.match(between.group("name")):  # "a pipeline, CHORD, for Z"
        desc = _lowered(between.group("desc") + " " + between.group("tail"), between["name"])
        return f"{between.group('name')} is {desc}"
    acronym = _DESCRIPTION_THEN_ACRONYM.match(rest.strip())
    if acronym is None or defined_by_tool(acronym.group("desc"), acronym.group("name")):
        return None  # "a strategy using Group Relative Policy Optimization (GRPO)": a tool's
    label = acronym.group("name")
    return f"{label} is {_lowered(acronym.group('desc'), label)}"


def _lowered(desc: str, label: str) -> str:
    """``desc`` in lower case when its capitals spell ``label`` ("REfining multi-modAl
    contRastive ..." for REARM), as it is otherwise."""
    capitals = "".join(c for c in desc if c.isupper())
    return desc.lower() if capitals.casefold() == label.casefold() else desc


# "a universal generative pipeline, CHORD, for ...": the name between commas.
_DESCRIPTION_COMMA_NAME = re.compile(
    r"^(?P<desc>(?:a|an)\s[^,;:()]{3,80}),\s+(?P<name>[^\s,]+),\s+(?P<tail>(?:for|that|which|to)\s.+)$"
)
