"""Whether a name is the paper's own contribution or a tool it uses: "a curriculum strategy
using Group Relative Policy Optimization (GRPO)" defines GRPO, the algorithm the strategy uses,
not the strategy (which has no name). Used by the line builder (assistant.summaries.naming),
which then keeps "We propose a ...", and by the checker (checker_statement), which refuses a
line "GRPO is a curriculum strategy ...". Pure functions."""

from __future__ import annotations

import re

from assistant.names import title_name

# Words after which a defined name labels what a description uses or is built from, not the
# description itself ("a recipe based on Direct Preference Optimization (DPO)").
_TOOL_WORDS = frozenset(
    """using use uses with via on of through leveraging employing adopting from by over and or
    upon atop""".split()
)
# A clause inside the description: a name after it labels the clause's object ("a recipe that
# integrates extended SFT with RL from online inference (GRPO)").
_CLAUSE_WORDS = frozenset("that which who whose where".split())
# Without a spelled long form, only a near tool word says the name labels the tool.
_NEAR_TOOL_WORDS = frozenset("using with via from through leveraging employing adopting".split())
NEAR = 4  # words before an unspelled acronym searched for a tool word
LONGEST = 12  # words a long form may span


def defined_by_tool(description: str, label: str) -> bool:
    """Whether the acronym ``label`` closing ``description`` ("a Y ... (ACR)", the parenthesis
    cut) labels something the description uses: its spelled long form follows a tool word or a
    relative clause ("a strategy using Group Relative Policy Optimization"), or, unspelled, a
    tool word comes within the last few words ("... with RL from online inference")."""
    words = [w.strip(",;:") for w in description.split()]
    start = long_form_start(words, label)
    if start is None:
        return any(w.casefold() in _NEAR_TOOL_WORDS for w in words[-NEAR:])
    before = [w.casefold() for w in words[:start]]
    return any(_marks_tool(before, i) for i in range(len(before)))


# "the concept of an Agentic Web Interface (AWI)", "a family of ...": "of" after such a noun
# names the thing itself, not what it is made of.
_ITSELF_OF = frozenset("concept notion idea family suite series set class collection".split())


def _marks_tool(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` says that what follows is a tool or a relative clause's object."""
    word = words[i]
    if word == "of" and i > 0 and words[i - 1] in _ITSELF_OF:
        return False
    return word in _TOOL_WORDS or word in _CLAUSE_WORDS


def long_form_start(words: list[str], label: str) -> int | None:
    """Where the shortest run of words ending ``words`` that spells ``label`` starts: its first
    word opens on the label's first letter and the label's letters follow in order among the
    run's capitals ("Reinforcement Learning with Explicit Human Values" for RLEV) or initials
    ("group relative policy optimization" for GRPO); None when no such run ends the words."""
    letters = re.sub(r"[^a-z]", "", label.casefold())
    # "LoRA" spells "Low-Rank Adaptation" by its capitals alone
    spellings = {letters, "".join(c for c in label if c.isupper()).casefold()}
    if len(letters) < 2:
        return None
    for n in range(1, min(len(words), LONGEST) + 1):
        run = words[-n:]
        if run[0][:1].casefold() != letters[0]:
            continue
        capitals = "".join(c for w in run for c in w if c.isupper()).casefold()
        initials = "".join(part[:1] for w in run for part in w.split("-") if part).casefold()
        if any(_in_order(s, capitals) or _in_order(s, initials) for s in spellings if len(s) > 1):
            return len(words) - n
    return None


def _in_order(letters: str, spelled: str) -> bool:
    """Whether ``letters`` occur in ``spelled`` in order, the first ones at its start."""
    rest = iter(spelled)
    return spelled[:1] == letters[:1] and all(c in rest for c in letters)


# The line's subject when it says what a name is: "GRPO is a ...", "Temporal is two ...",
# "X, a ..." (a name: one word, or up to four capitalised words); not a finding about it
# ("LLMs are brittle when ...").
_SUBJECT = re.compile(
    r"^(?P<name>[^\s,]+(?:\s[A-Z][^\s,]*){0,3}?)"
    r"(?:\s+(?:is|are)\s+(?:a|an|the|two|three|four|several)\s|,\s+(?:a|an)\s)"
)
# Where an abstract gives a name to its own work: "we propose X", "called X", "X (ours)",
# "X, a ...", "X is a ...".
_CUE = (
    r"(?:introduc|propos|present|develop|design|buil[dt]|releas|construct|curat|train|call|"
    r"name|dub|term|coin)\w*"
)
_OWN_AFTER = r"\s*(?:\(ours\)|,\s+(?:a|an|the)\s|\s+(?:is|are)\s+(?:a|an|the)\s|:)"
# "Temporal is two complementary methods": one thing said to be several.
_ONE_IS_MANY = re.compile(r"^\S+\s+is\s+(?:two|three|four|five|six|several|multiple|many)\s", re.I)


def borrowed_subject(line: str, title: str, abstract: str) -> str | None:
    """Why the subject of a line "X is a ..." is not the name the paper gives its own work: X
    is an acronym the abstract defines only for a tool its work uses ("... using Group Relative
    Policy Optimization (GRPO)"), or an ordinary word that only opens a longer name ("Temporal"
    of "Temporal Self-Consistency Voting"); None for the paper's own name or the title's."""
    found = _SUBJECT.match(line.strip())
    if found is None:
        return None
    name = found.group("name")
    if name == title_name(title) or _given(name, title, abstract):
        return None
    if _word_of_a_name(name, abstract):  # a title capitalises every word: no name by itself
        return f'its subject "{name}" is an ordinary word that opens a longer name'
    if _only_tools(name, title, abstract) and not _named(name, title):
        return f"its subject {name} names something the work uses, not the work"
    return None


def one_is_many(line: str) -> bool:
    """Whether the line says one thing is several ("Temporal is two complementary methods")."""
    return bool(_ONE_IS_MANY.match(line.strip()))


def _named(name: str, text: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _given(name: str, title: str, abstract: str) -> bool:
    """Whether the abstract gives ``name`` to its own work: after a cue ("we propose X",
    "called X"), with "(ours)", "X, a ...", "X is a ...", or an acronym it defines for its own
    description ("we propose Adaptive Sparse Routing (ASR)")."""
    escaped = re.escape(name)
    if re.search(rf"\b{_CUE}\s+(?:\S+\s+){{0,2}}?[\"“]?{escaped}(?![\w-])", abstract, re.I):
        return True
    if re.search(rf"(?<![\w-]){escaped}{_OWN_AFTER}", abstract):
        return True
    return any(not by_tool for by_tool in _definitions(name, abstract, title))


def _definitions(name: str, abstract: str, title: str = "") -> list[bool]:
    """For each "(NAME)" in the abstract, whether it defines a tool the work uses: not when
    the title spells the name out ("Representation Distribution Matching for ..." for RDM)."""
    found = []
    for match in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", abstract):
        sentence = re.split(r"(?<=[.!?])\s+", abstract[: match.start()])[-1]
        cues = list(re.finditer(rf"\b{_CUE}\s+", sentence, re.I))
        described = sentence[cues[-1].end() :] if cues else sentence  # as the builder sees it
        found.append(
            defined_by_tool(described.rstrip(), name) and not _titled(described, name, title)
        )
    return found


def _titled(described: str, name: str, title: str) -> bool:
    """Whether the title holds the long form that ``described`` ends on for ``name``."""
    words = described.split()
    start = long_form_start(words, name)
    return start is not None and " ".join(words[start:]).casefold() in title.casefold()


def _only_tools(name: str, title: str, abstract: str) -> bool:
    """Whether the abstract defines ``name`` and every definition is a tool's."""
    definitions = _definitions(name, abstract, title)
    return bool(definitions) and all(definitions)


def _word_of_a_name(name: str, abstract: str) -> bool:
    """Whether ``name`` is an ordinary word ("Temporal"): the abstract writes it in lower case
    and, capitalised, only as the first word of a longer name ("Temporal Self-Consistency")."""
    if not (name.isalpha() and name[1:].islower() and len(name) > 1):
        return False
    if not re.search(rf"\b{name.lower()}\b", abstract):
        return False
    capitalised = re.finditer(rf"\b{name}\b(?P<next>\s+\S+)?", abstract)
    return all(m["next"] and m["next"].strip()[:1].isupper() for m in capitalised)
