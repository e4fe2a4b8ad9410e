"""Shorter forms of a head: cut before a trailing clause, or before the phrase that announces
a list it cannot fit (used by assistant.summaries.compress and .lines). Pure functions."""

from __future__ import annotations

import re

from assistant.summaries.announced import ANNOUNCED_END, unfinished_list
from assistant.summaries.checker import cut_off, dangles
from assistant.summaries.clauses import CLAUSE_END
from assistant.summaries.contribution import tidy
from assistant.summaries.heads import IS_A, Head, says_little

# Where a head can end early: before a trailing "which"/"-ing" clause or after a colon.
# "..., paired with Agent-as-a-World (AaW), a harness ...": a second thing the head brings along.
# ", i.e., natural-language briefs ...", ", then remaps ...": a gloss or a next step, which a
# result says more than.
# "... strategies without any need for additional training": what it spares, after what it is
_CLAUSE_CUT = re.compile(
    r",\s+(?:which|while|thus|thereby|then|[a-z]+ing|(?:paired|coupled|together)\s+with)\b"
    r"|,\s+(?:i\.e\.|e\.g\.)|;\s|:\s"
    r"|,?\s+without\s+(?:any\s+|the\s+)?(?:need\s+for|requiring)\b"
)
MIN_CLIP_WORDS = 6
# ", zooming into regions, re-encoding pixels, and updating its state": a cut here would keep a
# series' first item ("rumination: iteratively selecting frames") and drop the rest.
_SERIES_GOES_ON = re.compile(r",\s+[a-z]+ing\b[^.;:]*?,\s+and\s+[a-z]+ing\b")
_COLON_SERIES = re.compile(r":\s+(?:\w+ly\s+)?[a-z]+ing\b[^:]*$")


# "We present the first end-to-end audit of licenses ..., covering 364 thousand datasets, ...":
# what the authors made, too long with the counts of what it covers (round 46), which only
# those counts may be cut from.
_WE_MADE = re.compile(r"^We\s+(?:\w+ly\s+)?(?:present|introduce|propose|conduct|perform)\s")
_COVERAGE_CUT = re.compile(r",\s+(?:covering|spanning|comprising|encompassing)\s+(?:over\s+)?\d")


def shorter(head: Head) -> list[Head]:
    """The head cut before each trailing clause, longest first: a result joins a shorter head
    ("X is a Y enabling Z, achieving R") before the whole head stands alone ("X is a Y enabling
    Z, thus creating W")."""
    if not IS_A.match(head.text):
        coverage = _COVERAGE_CUT.search(head.text) if _WE_MADE.match(head.text) else None
        return [Head(head.sentence, tidy(head.text[: coverage.start()]))] if coverage else []
    cuts = [
        m.start()
        for m in _CLAUSE_CUT.finditer(head.text)
        if not (
            _COLON_SERIES.search(head.text[: m.start()])
            and _SERIES_GOES_ON.match(head.text[m.start() :])
        )
    ]
    clips = [tidy(head.text[:cut]) for cut in reversed(cuts)]
    # a clip keeps the count its list announces ("two phases: in the first, ...") but not
    # the whole list: the announcement goes too
    clips = [
        (_without_announcement(c) or c) if unfinished_list(c) or _ANNOUNCEMENT.search(c) else c
        for c in clips
    ]
    return [
        Head(head.sentence, clip)
        for clip in clips
        # "... evidence memory that": the announcement's phrase began inside a relative clause
        if len(clip.split()) >= MIN_CLIP_WORDS and not dangles(clip) and not cut_off(clip)
    ]


# "X is a search agent that trains a compact search agent to ...": where what X is ends.
# "a framework in which a router ...": the preposition goes with its relative word.
_RELATIVE = re.compile(
    r"\s+(?:(?:in|on|by|with|for|through|from|of|to|at|under|via)\s+)?(?:that|which)\s"
)


def before_relative(head: Head) -> Head | None:
    """The head cut before the relative clause that says what the method does ("X is an
    optimized DCI search agent [that trains ...]"), for a result to join when the whole head
    is refused alone; None when it has none, or what is left says little besides the name
    and its kind."""
    found = _RELATIVE.search(head.text)
    if not IS_A.match(head.text) or found is None:
        return None
    kept = tidy(head.text[: found.start()])
    if len(kept.split()) < MIN_CLIP_WORDS or dangles(kept) or says_little(kept, ()):
        return None
    return Head(head.sentence, kept)


# Where a long head can end and still say what the method is: before a relative clause, a
# list of its parts or trailing commentary.
_HEAD_CLIP = re.compile(
    r",\s+(?:featuring|including|comprising|consisting of)\s*:?\s*\(|"
    r",\s+(?:paired|coupled|together)\s+with\s|" + CLAUSE_END.pattern
)


def with_clips(heads: list[Head]) -> list[Head]:
    """``heads`` each followed by its clip: "X is a reward model that enables token-level
    grounding, which can extract ... (40 more words)" -> "X is a reward model that enables
    token-level grounding". The clip is tried when the whole head is refused (too long, or its
    tail points at "these dimensions"): the same head without its tail says more than a
    title echo or a side detail."""
    clipped: list[Head] = []
    for head in heads:
        clipped.append(head)
        end = _HEAD_CLIP.search(head.text)
        if end and end.start() > 0:
            clipped.append(Head(head.sentence, tidy(head.text[: end.start()])))
        unlisted = _without_announcement(head.text)
        if unlisted:
            clipped.append(Head(head.sentence, unlisted))
        unmeant = _without_means(head.text)
        if unmeant:
            clipped.append(Head(head.sentence, unmeant))
    return clipped


# "X is a method that enables Z [by binding A and composing B]": how it does what it does;
# "X is a framework for evaluating Z[, the capacity of ...]": what its last term means (the
# checker reads "X ..., the ..." as a verbless "X, a ...").
_MEANS_CUT = re.compile(r"\s+by\s+(?=[a-z]+ing\s)|,\s+(?:the|an?)\s")
# "Agent Bazaar is a ...": a head that says what a named thing is (not "When ..., the ...").
_NAMED_IS = re.compile(r"^[A-Z][^,]{0,60}?\s(?:is|are)\s+(?:a|an|the)\s")


def _without_means(head: str) -> str | None:
    """The head cut before the "by <doing>" phrase that says how the method does what it does
    ("X is a method that enables Z by binding ..." -> "X is a method that enables Z") or an
    apposition after it, for when the whole head is refused; None when it has no such phrase,
    it does not say what a named thing is ("X is a ...") or too little is left."""
    means = _MEANS_CUT.search(head)
    if means is None or not _NAMED_IS.match(head[: means.start()]):
        return None
    if means.group().startswith(",") and "," in head[: means.start()]:
        return None  # "X is a suite ..., and Y, a subset": a list, not an apposition
    kept = tidy(head[: means.start()])
    return kept if len(kept.split()) >= MIN_CLIP_WORDS and not dangles(kept) else None


# A count that announces the parts named next: "two mechanisms: (1) ...", "three stages:".
_ANNOUNCEMENT = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|multiple)\s+(?:[\w-]+\s+){0,2}?[a-z-]+s"
    r"\s*(?::|,?\s*(?:namely|i\.e\.)|\(?(?:1|i|a)\)\s)",
    re.I,
)
# Where the phrase holding the count starts: "... the task [into] three stages:".
_PHRASE_START = re.compile(
    r",\s|\s(?:with|through|via|using|that|which|comprising|consisting of|featuring|including|"
    r"into|in|by|across|on|of|over)\s"
)


def _without_announcement(head: str) -> str | None:
    """The head cut before the phrase that announces a list ("X is a framework with two
    mechanisms: (1) ..." -> "X is a framework"), for when the whole list does not fit: the
    announcement dropped cleanly, not the list cut short. None when the head announces none
    or too little is left."""
    ending = ANNOUNCED_END.search(head)  # "... with two mechanisms, improving": from "with"
    found = _ANNOUNCEMENT.search(head)
    if ending is None and found is None:
        return None
    starts = [] if found is None else list(_PHRASE_START.finditer(head[: found.start()]))
    cut = ending.start() if ending else starts[-1].start() if starts else 0
    kept = tidy(head[:cut])
    if len(kept.split()) < MIN_CLIP_WORDS or dangles(kept) or unfinished_list(kept):
        return None
    return kept
