"""The lines a head can make, most complete first: the head joined with how the method works
(an -ing clause from a sentence about it) and the main result clause of one result sentence,
with either, alone (used by assistant.summaries.compress).

Every clause is copied from one abstract sentence, so numbers stay bound to the names they
came with. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations, pairwise

from assistant.summaries.checker import FILLER, STOPWORDS, dangles, stem
from assistant.summaries.checker_words import RESOURCE_KINDS
from assistant.summaries.clauses import (
    CLAUSE_END,
    RESULT_WORDS,
    casefolded_words,
    evidence_clause,
    evidence_of,
    how_clause,
    how_cuts,
    owned_by_subject,
    result_clause,
    result_cuts,
    strip_lead,
    we_result_clause,
)
from assistant.summaries.clips import before_relative, shorter
from assistant.summaries.contribution import FINDING
from assistant.summaries.credit import credited, made_apart
from assistant.summaries.findings import best_model_clauses, evaluated_clauses
from assistant.summaries.heads import SUBJECT_NAME, VAGUE_HOW, Head, named_in

Clause = tuple[str, str]  # (the sentence a clause is cut from, the clause)
Results = tuple[list[Clause], list[Clause]]  # the whole result clauses, then their shorter forms


def results_of(sentences: list[str], name: str | None, aliases: tuple[str, ...]) -> Results:
    """The result clauses of the method's sentences (not one another name's sentence states:
    assistant.summaries.credit), then what the experiments show (a clause naming the method
    says more than one about the experiments), then their shorter forms, for a line that is
    too long with the whole clause."""
    named = [(s, r) for s in sentences if (r := result_clause(s, name, aliases))]
    named += [(s, r) for s in sentences if (r := we_result_clause(s)) and s not in dict(named)]
    names = tuple(n for n in (name, *aliases) if n)  # a result another name's sentence states
    named = [(s, r) for s, r in named if credited(sentences.index(s), sentences, names)]
    shown = [
        (s, evidence_of(r, (name or "", *aliases), s))
        for s in sentences
        if (r := evidence_clause(s))
    ]
    whole = named + [clause for clause in shown if clause[0] not in dict(named)]
    cut = [(s, cut) for s, r in whole for cut in result_cuts(r)]
    # what "we" evaluated and found, after the method's results: it says what the paper shows
    found = [(s, clauses) for s in sentences if (clauses := evaluated_clauses(s, names))]
    found = [(s, clauses) for s, clauses in found if s not in dict(whole)]
    whole += [(s, clauses[0]) for s, clauses in found]
    cut += [(s, c) for s, clauses in found for c in clauses[1:]]
    return whole, cut


def results_for(head: Head, results: Results, names: tuple[str, ...]) -> Results:
    """``results`` without those whose sentence has the method (``names``) as its subject when
    the head does not name it: "We propose a training-free intervention, establishing a
    rigorous standard ..." would credit a side part with what the method ("GENIUS establishes
    ...") does."""
    results = _own_results(head, results)
    # "showing that MoRe4D generates ..." joined to a line about its dataset credits the dataset
    other = {s for s, c in (*results[0], *results[1]) if _names_another(c, head.text)}
    results = (
        [c for c in results[0] if c[0] not in other],
        [c for c in results[1] if c[0] not in other],
    )
    if not names or named_in([head.text], names[0]) or any(n in head.text for n in names[1:]):
        return results
    # "We identify that wider exploration spaces necessitate ...": "Moreover, it achieves ..."
    # is the method's result, which joined to the finding would be credited to its subject
    said = (*names, *_PRONOUNS) if _from_finding(head) else names
    theirs = {s for s, _ in (*results[0], *results[1]) if _said_by(s, said)}
    return (
        [c for c in results[0] if c[0] not in theirs],
        [c for c in results[1] if c[0] not in theirs],
    )


def _own_results(head: Head, results: Results) -> Results:
    """``results`` without those of a sentence that introduces something the head does not
    mention (``credit.made_apart``): the result is that thing's, not the head's."""
    other = {s for s, _ in (*results[0], *results[1]) if made_apart(s, head.text)}
    return (
        [c for c in results[0] if c[0] not in other],
        [c for c in results[1] if c[0] not in other],
    )


# "showing that MoRe4D generates ...": a clause whose subject is a name.
_THAT_NAME = re.compile(r"\bthat\s+([A-Z][\w.-]*[A-Z0-9][\w.-]*)\s+[a-z]+s\b")


def _names_another(clause: str, head: str) -> bool:
    """Whether a result clause says what a named thing the head does not name does ("showing
    that MoRe4D generates ..." after "TrajScene-60K is a dataset ...")."""
    found = _THAT_NAME.search(clause)
    if found is None:
        return False
    squeezed = re.sub(r"[\s-]", "", head).casefold()  # "ChunkGRPO" is "Chunk-GRPO"
    return re.sub(r"-", "", found.group(1)).casefold() not in squeezed


def _from_finding(head: Head) -> bool:
    """Whether the head is cut from a "We find that Z" sentence (Z's subject is not the method)."""
    return bool(head.sentence) and FINDING.match(strip_lead(head.sentence)) is not None


def _said_by(sentence: str, names: tuple[str, ...]) -> bool:
    """Whether the sentence's subject is one of ``names`` ("Ultimately, X establishes ...",
    "When deployed for policy learning, X improves ...")."""
    text = strip_lead(sentence)
    return text.startswith(names) or _OPENING_PHRASE.sub("", text).startswith(names)


_PRONOUNS = ("it ", "It ", "they ", "They ")  # the method, a sentence after it is named
# An opening phrase before the subject: an adverb, or a short clause ending on a comma.
_OPENING_PHRASE = re.compile(r"^(?:\w+ly|overall|together|thus|hence|[^,]{3,60}),\s+", re.I)


def best_results(sentences: list[str]) -> Results:
    """How far the strongest evaluated system gets ("with even the best model achieving only
    27.3% accuracy"), whole and shorter, for a benchmark's line."""
    found = [(s, clauses) for s in sentences if (clauses := best_model_clauses(s))]
    return [(s, c[0]) for s, c in found], [(s, cut) for s, c in found for cut in c[1:]]


def with_best(head: Head, results: Results, best: Results) -> Results:
    """``results`` and, for a head that says what a benchmark or dataset is, the ``best``
    system's result on it, which is the finding of a benchmark (said of a method's line, it
    would read as the method's)."""
    if not best[0] or not _RESOURCE_HEAD.match(head.text):
        return results
    return results[0] + best[0], results[1] + best[1]


# "X is a benchmark of ...", "We introduce X, a suite ...": a head saying what a resource is.
# Not a method that merely uses one ("X trains a model on the dataset ...").
_RESOURCE_HEAD = re.compile(
    rf"^(?:\S+\s+){{1,6}}?(?:is|are|provides|introduces|presents|offers)\s+(?:an?|the)\s+"
    # the kind's own modifiers ("a large-scale, multi-turn benchmark"), not a phrase after it
    rf"(?:(?!(?:on|of|in|for|with|from|by|to|that|which|who)\b)[\w,-]+\s+){{0,6}}?"
    rf"(?:{RESOURCE_KINDS})\b",
    re.I,
)


def hows_after(head: Head, sentences: list[str], name: str | None) -> list[Clause]:
    """The how clauses of the sentences after the head's own (of every sentence for the title's
    line): "it" stands for the method only in the sentence right after the head's."""
    start = sentences.index(head.sentence) + 1 if head.sentence in sentences else 0
    if _from_finding(head):
        return []  # "We find that Z": a how clause would read as said of Z's subject
    subject = SUBJECT_NAME.match(head.text)
    names = tuple({n for n in (name, subject and subject.group(1)) if n})
    return [
        (s, cut)
        for i, s in enumerate(sentences[start:], start)
        if (h := _how(s, names, head, i == start))
        for cut in how_cuts(h)
        if _adds(cut, head.text)
    ]


def _how(sentence: str, names: tuple[str, ...], head: Head, follows: bool) -> str | None:
    """The sentence's how clause; for the title's line (no sentence of its own) also a part
    "we" introduce ("Finally, we introduce A and B to achieve C" -> "introducing A and B to
    achieve C"), which the title's phrase names no part of."""
    found = how_clause(sentence, names, follows_head=bool(head.sentence) and follows)
    if found or head.sentence:
        return found
    part = _WE_ADD.match(strip_lead(sentence))
    if part is None or dangles(part.group("rest")) or _names_method(part.group("rest"), names):
        return None  # "introducing X, a pipeline" after "X is ...": the method, not a part
    end = CLAUSE_END.search(part.group("rest"))
    rest = part.group("rest")[: end.start()] if end else part.group("rest")
    return f"{part.group('verb').lower()}ing {rest.strip(' .,;')}"


def _names_method(rest: str, names: tuple[str, ...]) -> bool:
    """Whether what "we" introduce opens on the method's name, however the title spaces or
    hyphenates it ("OSWorld 2.0" for "OSWorld2.0", "a recursive architecture called Loop-ViT"
    for "LoopViT")."""
    squeezed = re.sub(r"[\s-]", "", rest).casefold()
    keys = [re.sub(r"[\s-]", "", n).casefold() for n in names if n]
    return any(squeezed.startswith(k) or f"called{k}" in squeezed[:80] for k in keys)


# "we introduce interleaving temporal units ...": a part of the method, as "introducing ...".
_WE_ADD = re.compile(r"^we\s+(?P<verb>introduc|propos|design|adopt|employ)e?\s+(?P<rest>.+)$", re.I)


MIN_NEW_WORDS = 2


def _adds(clause: str, head: str) -> bool:
    """Whether a clause says something the head does not, besides its verb: "operating via a
    dual-path approach" after "X is a dual-path framework", "working by training the model"
    after "X ... of T2I models" or "featuring a novel paradigm" add nothing."""
    said = {stem(w) for w in casefolded_words(head)}
    words = casefolded_words(clause)[1:]  # the verb only says that a how follows
    content = [w for w in words if w not in STOPWORDS and w not in FILLER and w not in VAGUE_HOW]
    return len({stem(w) for w in content} - said) >= MIN_NEW_WORDS


def candidate_lines(
    head: Head, hows: list[Clause], results: Results
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The lines a head can make, most complete first: with how it works and its result, with
    either, alone; ``results`` are the whole result clauses and their shorter forms."""
    whole, cut = results
    if head.joins:
        for found in (whole, cut):  # a cut result only when no whole one fits
            for how in hows:
                for result in found:
                    yield from _joined(head, [how, result])
            for result in found:
                yield from _joined(head, [result])
        for i, how in enumerate(hows):
            for other in hows[i + 1 :]:
                yield from _joined(head, [how, other])
            yield from _joined(head, [how])
    if head.alone:
        if head.joins:
            for clip in shorter(head):
                for result in (*whole, *cut):
                    yield from _joined(clip, [result])
        yield head.text, head.sentences
        if head.joins:  # too long alone: what the method is says more than the next head
            for clip in shorter(head):
                yield clip.text, clip.sentences
            kind = before_relative(head)  # refused alone: what it is, and what it achieves
            if kind is not None:
                for result in (*whole, *cut):
                    yield from _joined(kind, [result])
                if len(kind.text.split()) >= MIN_KIND_ALONE:  # "UFP4 is a ... recipe." is bare
                    yield kind.text, kind.sentences


MIN_KIND_ALONE = 10  # words of what a method is, alone, when its relative clause is refused


def _joined(head: Head, clauses: list[Clause]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The head with ``clauses`` joined, unless one comes from the head's own sentence, two
    parts share a phrase ("... representations ... representations") or the result repeats
    a verb."""
    used = [head.sentence, *(sentence for sentence, _ in clauses)]
    if len(set(used)) < len(used):
        return
    text = head.text.rstrip(".")
    clauses = _said_of_subject(head, clauses)
    if clauses and clauses[-1][1].split()[0].casefold() in RESULT_WORDS:
        text = _without_result(text, clauses[-1][1])
    parts = [text, *(clause for _, clause in clauses)]
    if any(_shares_phrase(a, b) for a, b in combinations(parts, 2)) or _repeats_verb(parts):
        return
    # "X ..., with our results preferred in 94.3% ...": in a line about X, "its results"
    yield owned_by_subject(", ".join(parts) + "."), tuple(s for s in used if s)


def _said_of_subject(head: Head, clauses: list[Clause]) -> list[Clause]:
    """``clauses`` with what the experiments show the head's subject does said of it: "Jenga is
    a pipeline ..., achieving substantial speedups", not "..., demonstrating that Jenga achieves
    ..." (round 43: the title's name was not taken as the method's, so only the head has it)."""
    subject = SUBJECT_NAME.match(head.text)
    if subject is None:
        return clauses
    names = (subject[1],)
    return [(sentence, evidence_of(clause, names, sentence)) for sentence, clause in clauses]


# "X is the first framework to ... achieving substantial gains over baselines": the head's own
# result, from its sentence.
_HEAD_RESULT = re.compile(
    r"(?<!while)(?<!by),?\s+(?:achieving|outperforming|surpassing|attaining|obtaining|yielding)\s"
)
MIN_HEAD_WORDS = 6


def _without_result(head: str, result: str) -> str:
    """``head`` without a result clause of its own when the joined ``result`` repeats one of
    its words ("achieving gains over baselines, surpassing ... baselines")."""
    match = _HEAD_RESULT.search(head)
    if match is None or len(head[: match.start()].split()) < MIN_HEAD_WORDS:
        return head
    own = {stem(w) for w in casefolded_words(head[match.end() :]) if w not in STOPWORDS}
    joined = {stem(w) for w in casefolded_words(result) if w not in STOPWORDS}
    return head[: match.start()].rstrip(" ,") if own & joined else head


def _repeats_verb(parts: list[str]) -> bool:
    """Whether a result clause opens on a verb the parts before it already use ("... while
    achieving state-of-the-art accuracy, achieving on-par accuracy ...")."""
    last = parts[-1].split()[0].casefold()
    return last in RESULT_WORDS and any(last in casefolded_words(part) for part in parts[:-1])


_SMALL = frozenset("a an the of in on for to and or with by from as at its their".split())


def _shares_phrase(head: str, clause: str) -> bool:
    """Whether two parts of a line share a two-word phrase of content words."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = [w for w in casefolded_words(text) if w not in _SMALL]
        return set(pairwise(words))

    return bool(pairs(head) & pairs(clause))
