"""Deterministic TL;DR compression: the contribution sentence picked by its structure and
rewritten as one sentence that starts with the method ("In this paper, we introduce X, a Y
that Z" -> "X is a Y that Z"), joined with how the method works (an -ing clause from a
sentence about it: "X employs A" -> ", employing A") and the main result clause of one
result sentence.

This module picks the line: the first candidate that passes the checker, acronyms spelled
out and the title's purpose brought in. The parts live in their own modules:
assistant.summaries.contribution (the contribution sentence and the method's name), .naming
(where a sentence puts the name), .heads (the candidate first clauses and their order),
.clips (their shorter forms), .lines (joining how and result clauses) and .titles (the
title's line). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.names import title_name
from assistant.summaries.acronyms import spell_out, unglossed
from assistant.summaries.announced import unfinished_list, unnamed_group, with_group_named
from assistant.summaries.checker import CUE_WITHOUT_NAME, MAX_WORDS, check_tldr, dangles
from assistant.summaries.checker_words import (
    ANSWERING_CONNECTIVE,
    BACKGROUND_OPENING,
    CONTRAST_OPENING,
)
from assistant.summaries.clauses import (
    CLAUSE_END,
    capitalise,
    collapse_list,
    strip_lead,
)
from assistant.summaries.clips import with_clips
from assistant.summaries.contribution import contribution, name_of, tidy
from assistant.summaries.credit import made_names
from assistant.summaries.extractive import (
    closed,
    pointer_skipped,
    score_sentence,
    split_sentences,
    unpointed,
)
from assistant.summaries.findings import findings_first
from assistant.summaries.heads import (
    Head,
    about,
    aliases,
    demoted,
    is_side,
    named_in,
    rank,
    subjects,
    with_title_line,
)
from assistant.summaries.lines import (
    best_results,
    candidate_lines,
    hows_after,
    results_for,
    results_of,
    with_best,
)
from assistant.summaries.naming import NAME_TOKEN, labelled
from assistant.summaries.purpose import purpose_terms, with_purpose
from assistant.summaries.reasons import Code
from assistant.summaries.shown import shown_claims
from assistant.summaries.surveys import is_survey, survey_lines
from assistant.summaries.titles import cased_purpose, command_line, gerund_line, title_line


@dataclass(frozen=True)
class Compressed:
    """A compressed TL;DR and the abstract sentences it was cut from."""

    text: str
    sentences: tuple[str, ...]


def compress(title: str, abstract: str, limit: int = MAX_WORDS) -> Compressed | None:
    """The best compressed TL;DR that passes the checker, or None when no sentence yields one."""
    # A tilde is TeX's non-breaking space ("Fig.~3", "Task~8"), except before a number it does
    # not follow a word's letter: "about" ("~25 FPS").
    abstract = re.sub(
        r"\s+,", ",", re.sub(r"~(?!\s?\d)|(?<=[A-Za-z]{2}|[A-Za-z]\.)~(?=\d)", " ", abstract)
    )
    abstract = _DASH_APPOSITION.sub(_apposition, _with_dropped_name(title, abstract))
    sentences = [
        _uncontrasted(collapse_list(part))
        for s in split_sentences(abstract)
        for part in _contributions(s)
    ]
    if is_survey(title, abstract):  # a survey's line says what it covers (round 45)
        for line in survey_lines(title, sentences):
            if _fits(line, title, abstract, limit):
                return _spelled(Compressed(line, ()), title, abstract, (), limit)
    name = name_of(title, abstract)
    if name:
        sentences = [unglossed(part, name) for s in sentences for part in _split_at_name(s, name)]
        sentences = [_without_tex_suffix(s, name) for s in sentences]
    heads = with_clips(
        [
            Head(s, c)
            for i, s in enumerate(sentences)
            if (c := contribution(s, name, title, named_in(sentences[:i], name)))
        ]
    )
    names = (name, *aliases(name, abstract)) if name else ()
    if name:  # the sentence about the paper's own method before one about a part of it
        heads += [Head(s, tidy(_clip(s))) for s in sentences if about(s, name)]
        heads.sort(key=lambda head: rank(head.text, names))
        heads = _with_title(heads, title, abstract, name, names)
    heads.sort(key=lambda head: demoted(head, names))  # stable: only demotes
    own = (*names, *subjects(heads, name))
    heads = findings_first(heads, title, sentences, (*own, *made_names(sentences)))
    heads += shown_claims(sentences)  # "We show this in X": the claim it points back at
    results = results_of(sentences, name, own[1:] if name else own)
    best = best_results(sentences)
    for head in heads:
        found = with_best(head, results_for(head, results, names), best)
        lines = candidate_lines(head, hows_after(head, sentences, name), found)
        built = _head_line(lines, title, abstract, own, limit)
        if built:
            return built
    plain = _plain(title, sentences)
    return _spelled(plain, title, abstract, own, limit) if plain else None


# "we introduce RefEdit -- an instruction-based editing model ...": a dash before an apposition
# stands for its comma ("RefEdit, an ..."), which the contribution rules read.
_DASH = r"\s+(?:--|\u2014|\u2013)\s+"
# "X -- a tuple of models ... -- establishing ...": the closing dash is the apposition's comma.
_DASH_APPOSITION = re.compile(rf"(?<=\w){_DASH}(?=(?:a|an)\s)(?:([^.;]*?){_DASH})?")


def _with_title(
    heads: list[Head], title: str, abstract: str, name: str, names: tuple[str, ...]
) -> list[Head]:
    """``heads`` with the title's line; one made from the title's gerund ("X learns ...") only
    joined to a result: alone it says no more than the title."""
    line = title_line(title, abstract, name)
    if line:
        return with_title_line(heads, line, names)
    line = gerund_line(title, abstract, name)
    if line is None:
        return heads
    return [h for h in with_title_line(heads, line, names) if h != Head("", line, joins=False)]


def _apposition(dashed: re.Match[str]) -> str:
    """The dashes around an apposition as its commas."""
    closed = dashed.group(1)
    return ", " if closed is None else f", {closed}, "


def titled(title: str, abstract: str) -> str | None:
    """The last-resort line, when the checker refuses every abstract sentence for what it says
    (one pointing at what it does not show, a release note): what the abstract defines the
    method as ("This discovery stems from EdgeBench, a suite of ..." -> "EdgeBench is a suite
    of ..."), else the title's line ("X: Automate the Last Mile ..." -> "X automates the last
    mile ..."), passed by the checker but for restating the title."""
    name = name_of(title, abstract)
    if not name:
        return None
    titles = (title_line(title, abstract, name) or command_line(title, abstract, name),)
    lines = (*_defined(name, abstract), *titles)
    return next((line for line in lines if line and _echoes_only(line, title, abstract)), None)


def _defined(name: str, abstract: str) -> list[str]:
    """ "X is a Y" from each place the abstract defines the method by an appositive ("...
    stems from X, a suite of 134 tasks, spanning ...")."""
    found = []
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)},\s+(?:a|an)\s[^.;:]+", abstract):
        line = labelled(match.group(0), match.group(0), name)
        if line:
            found.append(closed(tidy(line)))
    return found


def _echoes_only(line: str, title: str, abstract: str) -> bool:
    """Whether ``line`` fits and the checker refuses it for nothing but restating the title."""
    if len(line.split()) > MAX_WORDS or unfinished_list(line):
        return False
    return all(f.code in _TITLE_ECHO for f in check_tldr(line, title, abstract))


# The checker's reasons against a line that says no more than the title: fine for the last
# resort, where the alternative is a line the checker refuses for what it says.
_TITLE_ECHO = frozenset({Code.TITLE_ECHO})


def _with_dropped_name(title: str, abstract: str) -> str:
    """The abstract with the title's name ("EmboAlign: ...") put back where its contribution
    sentence lost it ("we present , a ..." -> "we present EmboAlign, a ..."): the abstract wrote
    its name as a TeX macro the feed dropped. The checker's pattern for that gap is reused."""
    head = title_name(title)
    if head is None or not NAME_TOKEN.match(head.split()[0]):
        return abstract
    return CUE_WITHOUT_NAME.sub(lambda m: f"{m.group(1)} {head}, ", abstract, count=1)


def _head_line(
    lines: Iterator[tuple[str, tuple[str, ...]]],
    title: str,
    abstract: str,
    own: tuple[str, ...],
    limit: int,
) -> Compressed | None:
    """The first of a head's ``lines`` that fits, acronyms spelled out; with the title's
    purpose ("X is a system [for collaborative data visualization] that ...") when the line
    leaves it out: the first line that fits with it, as long as it says no less than the line
    without it (the purpose never costs the result clause it would push out)."""
    purpose = cased_purpose(title, abstract)
    first: Compressed | None = None
    for text, used in lines:
        text = with_group_named(text, abstract)
        skipped = pointer_skipped(text)  # "..., designed to instill this capability, ..."
        if skipped and not _fits(text, title, abstract, limit):
            text = skipped
        if not _fits(text, title, abstract, limit):
            rescued = _rescued(text, purpose, own)
            if first is None and rescued and _fits(rescued, title, abstract, limit):
                return _spelled(Compressed(rescued, used), title, abstract, own, limit)
            continue
        spelled = _spelled(Compressed(text, used), title, abstract, own, limit)
        first = first or spelled
        purposed = with_purpose(spelled.text, purpose) if purpose else None
        if purposed is None or len(purpose_terms(purposed)) < len(purpose_terms(first.text)):
            return first
        if _fits(purposed, title, abstract, limit):
            return Compressed(purposed, used)
    return first


def _rescued(text: str, purpose: str | None, own: tuple[str, ...]) -> str | None:
    """A line about the method that is refused as too short or vague on its own ("X is an
    automated pipeline.") with the title's purpose brought in ("X is an automated pipeline for
    issue resolution training data"): what X is for, in the authors' words. Only a line whose
    subject is the method: the purpose is the method's, not a part's."""
    if not purpose or not own or rank(text, own) != 0:
        return None
    return with_purpose(text, purpose)


# "Our contributions are: (1) we show ... (3) we introduce X, a recipe ... (4) we achieve ...":
# each numbered item a sentence of its own, so the one introducing the method can lead.
_OWN_ITEM = re.compile(r"\s*\(\d{1,2}\)\s+(?=we\s)")


def _contributions(sentence: str) -> list[str]:
    """``sentence`` split into its numbered "we ..." items, when it lists two or more."""
    parts = _OWN_ITEM.split(sentence)
    if len(parts) < 3:
        return [sentence]
    return [capitalise(part.strip()) for part in parts if part.strip()]


def _split_at_name(sentence: str, name: str) -> list[str]:
    """``sentence`` split where a new sentence starts with a lower-case name ("... datasets.
    i1 is competitive ..."), which the sentence splitter takes for a continuation."""
    if not name[:1].islower():
        return [sentence]
    return re.split(rf"(?<=[.!?])\s+(?={re.escape(name)}\s)", sentence)


def _without_tex_suffix(sentence: str, name: str) -> str:
    """``sentence`` with the TeX the abstract hangs on the title's name dropped ("GUI-360^circ"
    -> "GUI-360"): the checker refuses the caret, and with it every line naming the method."""
    return re.sub(rf"(?<![\w-]){re.escape(name)}\^\{{?\\?\w+\}}?", name, sentence)


def _spelled(
    built: Compressed, title: str, abstract: str, own: tuple[str, ...], limit: int
) -> Compressed:
    """``built`` with the acronyms the abstract defines spelled out, when the longer line
    still passes the checker."""
    text = spell_out(built.text, abstract, own, limit)
    if text == built.text or not _fits(text, title, abstract, limit):
        return built
    return Compressed(text, built.sentences)


def _fits(line: str, title: str, abstract: str, limit: int) -> bool:
    """Within the word limit, not ending inside a list it announces nor pointing at a counted
    group it does not name ("all three dimensions"), and passed by the checker."""
    if len(line.split()) > limit or unfinished_list(line) or unnamed_group(line):
        return False
    return not check_tldr(line, title, abstract)


def _clip(sentence: str) -> str:
    """A sentence cut before trailing commentary when it is longer than a line."""
    if len(sentence.split()) <= MAX_WORDS:
        return sentence
    end = CLAUSE_END.search(sentence)
    return sentence[: end.start()] if end else sentence


# "Unlike methods relying on X, EAFT uses ...": what others do, before the method's own claim.
_CONTRAST_LEAD = re.compile(
    r"^(?:unlike|in contrast to|as opposed to|rather than)\s[^,]{3,160},\s+(?=[A-Z])", re.I
)


def _uncontrasted(sentence: str) -> str:
    """``sentence`` without a leading contrast with what others do: the method's own claim."""
    return _CONTRAST_LEAD.sub("", sentence.strip(), count=1)


_BACKGROUND = re.compile(
    rf"^(?:{BACKGROUND_OPENING}|{CONTRAST_OPENING}|prior)\b"
    # a connective that answers a sentence the line does not show ("In contrast, ...")
    rf"|^(?:{ANSWERING_CONNECTIVE})\b",
    re.I,
)
# "Our method, VideoNSA, adapts ...": the name is the subject.
_OUR_NAMED = re.compile(
    r"^our (?:\w+\s+)?(?:method|approach|model|framework|system|algorithm),\s+(?=\S+,\s+[a-z])",
    re.I,
)
# "We investigate whether X can Y": the question, where the abstract gives the answer later.
_ASKS = re.compile(
    r"^(?:[^,]{0,160},\s+)?(?:we|this (?:paper|work|study))\s+(?:\w+\s+){0,2}?"
    r"(?:whether|if)\s",
    re.I,
)
_OWN_OPENING = re.compile(
    r"^(?:we|this (?:paper|work|study|survey)|in this (?:paper|work|study))\b", re.I
)


def _unnamed(sentence: str) -> str:
    """ "Our method, VideoNSA, adapts ..." -> "VideoNSA adapts ..."."""
    match = _OUR_NAMED.match(sentence)
    if match is None:
        return sentence
    name, _, rest = sentence[match.end() :].partition(",")
    return f"{name}{rest}"


def _plain(title: str, sentences: list[str]) -> Compressed | None:
    """The best whole sentence that neither dangles, describes background nor only asks
    ("We investigate whether ..."), its leading phrase cut: the line when no sentence has a
    contribution cue."""
    abstract = " ".join(sentences)
    own = [s for i, s in enumerate(sentences) if i or _OWN_OPENING.match(strip_lead(s))]
    # A side statement ("Evaluations ... reveal ...") stands alone only when nothing else fits;
    # a sentence saying what "we" / "this paper" did before one about others' methods.
    ranked = sorted(
        own,
        key=lambda s: (
            is_side(s) or _is_part(s),
            not _OWN_OPENING.match(strip_lead(s)),
            -score_sentence(s, title, abstract),
        ),
    )
    for sentence in ranked:  # the first sentence is background in most abstracts
        line = tidy(capitalise(_unnamed(strip_lead(sentence))))
        if _BACKGROUND.search(line) or "?" in line or _ASKS.search(line):
            continue
        # a line pointing at what it does not say ("... that executes these modules") is
        # tried without that clause
        for form in (line, unpointed(line)):
            if form and not dangles(form) and _fits(form, title, abstract, MAX_WORDS):
                return Compressed(form, (sentence,))
    return None


# "(2) We employ ...", "... strategy: (1) We generate ...": one step of a numbered list, not
# the paper's point ("First, we introduce X" may still be the method's main part).
_LIST_ITEM = re.compile(r"^\(?(?:\d|[ivx]+)\)\s|:\s*\(?(?:1|i)\)\s", re.I)


def _is_part(sentence: str) -> bool:
    """Whether a sentence is one step of a list the abstract gives."""
    return bool(_LIST_ITEM.search(sentence.strip()))
