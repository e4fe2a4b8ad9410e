"""Does the feed name what a question asks about? Pure functions.

"What does OCTOPUS score on <benchmark>?" retrieved OScaR, tested on the same benchmark, and
the answer quoted OScaR's number. The question's subject is the named thing it asks about
("OCTOPUS"), not the benchmark it is tested on nor a baseline it is compared with ("on X",
"than Y"); when no paper close to the question names its subject, however spelled
(``assistant.names.mentions``: "Qwen 2.5" is Qwen2.5, "GRPO" is Group Relative Policy
Optimization), quoting the nearest paper would answer a question about something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.names import mentions
from assistant.pipeline.ask import ask_of
from assistant.pipeline.listing import expand
from assistant.pipeline.meaning import KINDS, is_kind, source_sentences
from assistant.pipeline.text import (
    AUXILIARY,
    COMMON_ACRONYMS,
    MODIFIER,
    MODIFIER_WORDS,
    topic_words,
)
from assistant.pipeline.types import Evidence, RetrievedPaper

# A word of a name: an acronym or an inner capital ("GRPO", "MobileGS"), letters with digits
# ("Qwen3", "R1"), or a capitalised word inside the sentence ("Claude", "Opus").
_WORD = re.compile(r"[^\W_][\w.\-]*[^\W_]|[^\W_]")
_INNER = re.compile(r"^[^\W\d_]\S*(?:[A-Z]|\d)")
_NAMED = re.compile(rf"{_INNER.pattern}|^[A-Z]")
_NUMBER = re.compile(r"^\d[\d.,]*[A-Za-z]?$")  # "4", "2.5", "8B": goes on a name, never starts one
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BMKT]$")  # a model size, which an abstract may give apart
# Words before a name that make it a setting, not the subject: the benchmark it is tested on,
# the baseline it is compared with, where a score went up from.
SETTING = frozenset(
    """on across over against than versus vs from with beyond among compared relative
    outperform outperforms surpass surpasses beat beats""".split()
)
SETTING_BEFORE = 3  # words back from a name that a setting word may stand
# The measure a "what ...?" ask names before its verb ("What *VBench-2.0 score* does"): not
# its subject. ask.ask_head reads only hyphenated words, and stops at "VBench-2.0".
_HEAD = re.compile(
    rf"^\W*(?:what|which|how (?:much|many))\s+(.*?)\s+{AUXILIARY}\b",
    re.I,
)
_JOIN = re.compile(r"\s+(?:of|and|for)\s+")
# A described name ends on the kind of thing it is ("Dynamic Spatial Intelligence Benchmark").
_KIND_END = re.compile(rf"\s+(?P<kind>{KINDS})$", re.I)
_LISTING = frozenset({"and", "or", "the"})
# Capitalised words that open a question or a clause and name nothing.
_PLAIN = frozenset(
    """what which who whom whose how when where why does do did is are was were can could
    should would will has have had in on for according given i the a an""".split()
)


# A compound modifier opening a run is not part of the name it modifies: "SFT-trained Qwen 2.5"
# asks about Qwen 2.5.
_LEADING_MODIFIER = re.compile(rf"^[\w.]+-(?:{MODIFIER_WORDS})\s+(?=\S)", re.I)


# "Level II", "Stage 2": a label a paper may spell another way ("II: Cognitive model ..."),
# no name of its own.
_ORDINAL_LABEL = re.compile(r"(?:Level|Stage|Phase|Step|Part|Tier|Round)\s+(?:[IVX]+|\d+)")


def subject_names(question: str, *, settings: bool = False) -> list[str]:
    """The names a question asks about, as it spells them: runs of name words ("Claude 4
    Opus", "Deep Seek Sparse Attention"), less the measure it asks for ("What *F1* does ...")
    and names in a setting ("on MADQA", "than GPT-4", "on Maze, TSP and Sudoku"; kept when
    ``settings``), each without a trailing modifier ("the Ravens-based dataset" asks about
    Ravens)."""
    ask = ask_of(question)
    offset = len(question) - len(question.lstrip()) + question.strip().find(ask.strip())
    head = _HEAD.search(ask)
    head_end = offset + head.end(1) if head else -1
    named = [
        MODIFIER.sub("", _LEADING_MODIFIER.sub("", question[run[0].start() : run[-1].end()]))
        for run in _joined(question, _runs(question))
        if run[0].start() >= head_end and (settings or not _in_setting(question[: run[0].start()]))
    ]
    return [name for name in named if not _ORDINAL_LABEL.fullmatch(name)]


def named_first(question: str, papers: list[RetrievedPaper]) -> list[RetrievedPaper]:
    """``papers`` with the first one naming every name the question asks about
    (``subject_names``) moved to the front when the top paper does not name them all: "By
    how much does ERA boost ..." is about the paper that proposes ERA, though papers sharing
    the question's benchmark and model words may rank above it; what the top three do not
    name reads as not in the feed."""
    names = subject_names(question)
    if not names or not papers or _names_all(papers[0], names):
        return papers
    named = next((p for p in papers[1:] if _names_all(p, names)), None)
    return papers if named is None else [named, *(p for p in papers if p is not named)]


def on_subject(
    question: str, evidence: list[Evidence], papers: list[RetrievedPaper]
) -> list[Evidence]:
    """The ``evidence`` from the papers (``papers[source_n - 1]``) that name every name the
    question asks about, when some do: "By how much does ERA boost ...?" is answered by the
    paper proposing ERA, not by a paper whose sentence shares more of the question's benchmark
    and model words. All of it when no paper names them, or the question names nothing."""
    names = subject_names(question)
    if not names:
        return evidence
    kept = [e for e in evidence if _names_all(papers[e.source_n - 1], names)]
    return kept or evidence


def _names_all(paper: RetrievedPaper, names: list[str]) -> bool:
    text = f"{paper.title} {paper.abstract}"
    return all(mentions(name, text) for name in names)


def absent_name(
    question: str, top: str, texts: Iterable[str], doc_freq: Mapping[str, int]
) -> str | None:
    """A name of the question (its subject or setting: "on LibriSpeech") that no paper of
    the feed holds, when the closest paper ``top`` (title and abstract) names none of the
    question's subjects: "The closest paper does not give the WER on LibriSpeech" would then
    read as if it were about LibriSpeech. None of ``texts`` (the closest papers) names it,
    however spelled, and some word of it is in no paper (``doc_freq``: papers per topic word)."""
    if any(_named_in(name, top) for name in subject_names(question)):
        return None
    joined = " ".join(texts)
    for name in subject_names(question, settings=True):
        unheld = any(not doc_freq.get(w, 0) for w in topic_words(name))
        if unheld and not _named_in(name, joined):
            return name
    return None


def _joined(question: str, runs: list[list[re.Match[str]]]) -> list[list[re.Match[str]]]:
    """Runs one small word apart are one name ("Mixture of Experts", "War and Peace")."""
    out: list[list[re.Match[str]]] = []
    for run in runs:
        if out and _JOIN.fullmatch(question[out[-1][-1].end() : run[0].start()]):
            out[-1] = out[-1] + run
        else:
            out.append(run)
    return out


def _runs(question: str) -> list[list[re.Match[str]]]:
    """Runs of name words with only spaces between them ("Qwen3 VL 8B Instruct"); a comma or
    a bracket ends a run ("MemHarness, Beacon" are two names)."""
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for k, word in enumerate(_WORD.finditer(question)):
        joined = bool(run) and not question[run[-1].end() : word.start()].strip()
        if not joined and run:
            runs.append(run)
            run = []
        # A sentence's first word is capitalised as the question's is ("Besides WebArena").
        first = k == 0 or question[: word.start()].rstrip().endswith((".", "?", "!"))
        if _goes_on(word.group(0), run, first=first):
            run.append(word)
        elif run:
            runs.append(run)
            run = []
    return [*runs, run] if run else runs


def missing_subject(question: str, texts: Iterable[str]) -> str | None:
    """The first name the question asks about that none of ``texts`` (the closest papers'
    titles and abstracts) names, however spelled; None when they name them all."""
    joined = " ".join(texts)
    missing = (n for n in subject_names(question) if not _named_in(n, joined))
    name = next(missing, None)
    if name is None:
        return None
    # Of "Beacon and Hermes", say "Hermes" is missing; "War and Peace" is missing whole.
    parts = [part for part in _JOIN.split(name) if not _named_in(part, joined)]
    return parts[0] if len(parts) == 1 else name


def _named_in(name: str, text: str) -> bool:
    """``text`` names ``name``, or each part of it around a common acronym: "the Minecraft RL
    work" describes a paper on reinforcement learning in Minecraft, it does not name one."""
    if mentions(name, text) or _described_in(name, text):
        return True
    if len(parts := _JOIN.split(name)) > 1:  # "Beacon and Metis" may be named one by one
        return all(_named_in(part, text) for part in parts)
    words = name.split()
    # "Aya 23 35B": "the 8B and 35B models"; "GigaAM Multilingual Conformer": "GigaAM
    # Multilingual, a Conformer encoder". A last word naming a kind ("... Benchmark") is
    # part of what the name says it is.
    sized = len(words) > 1 and _SIZE.match(words[-1])
    headed = sized or (len(words) > 2 and not is_kind(words[-1]))
    if headed and mentions(" ".join(words[:-1]), text) and mentions(words[-1], text):
        return True
    cuts = [k for k, w in enumerate(words) if _plural(w).lower() in COMMON_ACRONYMS]
    if not cuts or len(words) == 1:
        return False
    parts = [words[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(words)], strict=True)]
    return all(mentions(" ".join(part), text) for part in parts if part) and all(
        mentions(words[k], text) for k in cuts
    )


def _described_in(name: str, text: str) -> bool:
    """A described name ("Dynamic Spatial Intelligence Benchmark") is named by a sentence of
    ``text`` that holds its words and its kind in any order: "DSI-Bench: A Benchmark for
    Dynamic Spatial Intelligence", "We introduce Dynamic Spatial Intelligence and propose
    DSI-Bench, a benchmark" ("X-Bench" reads as a benchmark, ``listing.expand``)."""
    end = _KIND_END.search(name)
    if end is None or not name[: end.start()].strip():
        return False
    words, kind = name[: end.start()], end.group("kind")
    return any(mentions(words, s) and mentions(kind, s) for s in source_sentences(expand(text)))


def _plural(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1].isupper() else word


def _goes_on(word: str, run: list[re.Match[str]], *, first: bool) -> bool:
    """``word`` starts a name run or goes on with one: a number only goes on ("Qwen 2.5"), and
    the question's first word starts one only when it is more than capitalised ("GRPO")."""
    if word.lower() in _PLAIN:
        return False
    if _NUMBER.match(word):
        return bool(run)
    if first and not _INNER.match(word):
        return False
    return bool(_NAMED.match(word))


def _in_setting(before: str) -> bool:
    """A setting word stands among the last SETTING_BEFORE plain words before a name, names
    and "and" between them aside ("on Maze, TSP, VSP and *Sudoku*")."""
    plain = [
        w.lower()
        for w in _WORD.findall(before)
        if not (_NAMED.match(w) or _NUMBER.match(w)) and w.lower() not in _LISTING
    ]
    return any(w in SETTING for w in plain[-SETTING_BEFORE:])
