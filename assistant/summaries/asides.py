"""What a TL;DR line hangs on its main clause that a reader cannot use: the abstract's closing
boilerplate ("providing a rigorous benchmark for ..."), a finding credited to a method
("X is an algorithm ..., revealing that ..."), a switch from the third person to the authors'
"we", a "combining" with only one of the things combined, and a last clause that names only
a kind of thing ("containing a dedicated pipeline"). Used by the checker on every
TL;DR (issue #14: kinds the blind reads found in lines the checker passed). Pure functions."""

from __future__ import annotations

import re

# "providing a rigorous benchmark for ...", "offers a practical guide to ...": the abstract's
# closing sentence, which praises the work instead of saying what it is or finds.
_CLOSING_PRAISE = re.compile(
    r"\b(?:provid|offer|serv)\w*\s+(?:as\s+)?(?:a|an)\s+(?:rigorous|practical|valuable|solid|"
    r"useful|principled|promising|reliable|foundational)\s+(?:[\w-]+\s+)?(?:benchmark|guide|"
    r"tool|foundation|resource|testbed|recipe|basis|reference)\b"
    r"|\b(?:highlight|underscor|showcas|emphasi[sz])\w*\s+the\s+(?:great\s+|significant\s+)?"
    r"(?:potential|importance|value|necessity)\s+of\b",
    re.I,
)
# "MRPO is an RL algorithm ..., revealing that cascading errors ...": what an analysis found,
# hung on a method's description as if the method had found it (a benchmark, dataset or
# framework that evaluates models does reveal findings, so those heads are not listed).
_FINDING_ON_METHOD = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:algorithm|method|"
    r"model|approach|technique|architecture|optimizer|module|mechanism|objective|strategy|"
    r"policy|system|agent)s?\b[^,;]*,\s+(?:\w+ly\s+)?(?:revealing|uncovering)\b",
    re.I,
)
# "LiteStage is a ... framework, combining a stage-wise offline search, achieving ...": a
# combination of one thing: what it is combined with was cut.
_COMBINES_ONE = re.compile(
    r",\s+(?:combining|coupling|pairing|fusing|merging)\s+(?:a|an|the)\s+"
    r"(?:(?!(?:and|with|or)\b)[^,;.])+(?:,|\.?$)",
    re.I,
)
# "..., containing a dedicated pipeline.", "..., trained through a comprehensive regimen.",
# "..., allowing the model.": a last clause whose object is a kind word with at most a vague
# adjective, which says nothing of what that pipeline or model is or does.
_EMPTY_TAIL = re.compile(
    r",\s+(?:\w+ly\s+)?\w+(?:ing|ed)\s+(?:\w+\s+){0,2}?(?:a|an|the)\s+(?:(?:dedicated|"
    r"comprehensive|specialized|novel|carefully[- ]designed|well-designed|new|simple|unified|"
    r"general)\s+)?(?:pipeline|regimen|model|approach|method|design|module|process|framework|"
    r"procedure|strategy|recipe|system|mechanism|technique)\.?$",
    re.I,
)
# A line may open in the authors' voice ("We ...", "Our ...", "Building on our ..., we ...");
# one that opens on a name and later says "we"/"our" copied a clause without converting it.
_OWN_VOICE_OPENING = re.compile(
    r"^(?:we|our|here|in|this|these|building|by|to|with|using|for|unlike|while|through|after|"
    r"based|rather|instead|beyond)\b",
    re.I,
)
# "our own"/"our proposed" label a named thing ("Magistral, ... and our own RL pipeline,
# demonstrates", "... metrics including VBench and our proposed AniEval framework").
_FIRST_PERSON = re.compile(r"\b(?:we|us)\b|\bour\s+(?!(?:own|proposed)\b)", re.I)


def voice_switch(text: str) -> bool:
    """Whether a line that opens on a name later speaks as "we"/"our": "LLM2Vec-Gen is a novel
    approach ...: rather than encoding the input, we learn ...", "... evaluate models in our
    scenario"."""
    return not _OWN_VOICE_OPENING.match(text) and bool(_FIRST_PERSON.search(text))


def aside_faults(text: str) -> list[str]:
    """Why the line's asides make it unusable; an empty list when none does."""
    faults = [
        (_CLOSING_PRAISE, 'closing praise ("providing a rigorous benchmark"), not a finding'),
        (_FINDING_ON_METHOD, 'a finding credited to the method ("X is an algorithm, revealing")'),
        (_COMBINES_ONE, 'cut off: "combining" one thing, what it is combined with is missing'),
        (_EMPTY_TAIL, 'ends on an empty clause ("containing a dedicated pipeline")'),
    ]
    reasons = [why for pattern, why in faults if pattern.search(text)]
    if voice_switch(text):
        reasons.append('switches to the authors\' "we"/"our" after opening on a name')
    return reasons
