"""Does a paper fit a "which papers ...?" question? Checks on the ask and on the line (title
and quoted sentence) that says why a paper fits, and the list built from them.

Lists included papers whose quote only shared a word with the question ("benchmarks" a paper
was tested on, for "introduce a new benchmark"; "real-world" for "world models"). So a paper
fits only when its title and abstract hold every term of the ask (outside clauses about other
work: "unlike diffusion models, ..."), and its line holds the terms that tell it from the other
candidates, all but a third of them; an ask to introduce or release something counts only what
the paper itself introduces or releases. When no paper fits, the answer abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache, partial

import numpy as np

from assistant.pipeline.background import background
from assistant.pipeline.evidence import OWN_WORK, OWN_WORK_BONUS, SourceBundle, sentence_scores
from assistant.pipeline.meaning import INTRODUCES_WORK, leans_back
from assistant.pipeline.text import COMMON_ACRONYMS
from assistant.pipeline.types import Evidence
from assistant.summaries.contribution import name_of
from vectorstore.words import QUESTION_WORDS, STOPWORDS, stems

LIST_MAX = 8  # papers of a "which papers" question checked for fit, in rank order
# Of those, the ones whose sentences are embedded (as many as before lists checked more): the
# rest choose their line by the ask's words alone, so a list waits no longer than it did.
LIST_EMBEDDED = 5

Group = frozenset[str]  # alternative stems, any of which covers one term of the ask
Reading = tuple[Group, ...]  # the terms of one reading of the ask

# Ways to ask which papers do something, one form a line.
_LIST_FORMS = (
    # "Which papers ...?", "List the recent works ..."
    r"^\W*(?:which|what|list|name|find|show)(?: (?:other|recent|the))? (?:papers|works|studies|"
    r"articles|preprints)\b",
    # "Are there any papers ...?"
    r"\b(?:are there|is there) (?:any |other )?(?:papers|works|studies)\b",
)
_LIST_QUESTION = re.compile("|".join(_LIST_FORMS), re.IGNORECASE)
_WHERE = re.compile(r"^\s*(?:(?:in|from) (?:the|this|today's) (?:feed|batch|list)\b)?", re.I)
# Words that phrase an ask without narrowing it ("are about", "build on", "of a field").
PHRASING = frozenset(
    """are is do does did build builds built address addresses tackle tackles focus focuses
    aim aims explore explores investigate investigates analyse analyses analyze analyzes
    argue argues apply applies employ employs leverage leverages utilize utilizes uses make
    makes deal deals concern concerns involve involves relate related field fields area areas
    topic topics their its they them against via through between across among toward towards
    within upon whether while produce produces improve improves enhance enhances enable
    enables allow allows help helps offer offers support supports yield yields matter
    matters""".split()
)
# "model" names a kind in an ask ("world models", "diffusion language models").
_STOP = (STOPWORDS - {"model", "models"}) | QUESTION_WORDS | PHRASING
# Asks for something the paper itself makes: the term must be what it introduces or releases.
_MAKING = r"introduc|releas|open-sourc|propos|present|construct|creat|curat|collect|contribut"
_MAKES_ASK = re.compile(rf"^(?:{_MAKING})\w*\b", re.IGNORECASE)
# The paper's own making: "we introduce X, a benchmark ...", "our benchmark, X": the words up
# to the next preposition that starts a setting ("evaluated *on* X benchmark").
_SETTING = r"on|in|across|over|against|using|from|via|than|that|which|where|whose|while"
_MAKES = re.compile(
    rf"\b(?:(?:{_MAKING}|develop|design|build|publish)\w*\b"
    rf"(?P<made>(?:[\s,()\"“”]+(?!(?:{_SETTING})\b)[\w-]+){{1,8}})"
    r"|\bour(?P<ours>(?:\s+[\w-]+){1,3}))",  # "our resulting benchmark", not "our analysis shows"
    re.IGNORECASE,
)
# Clauses about other work: "unlike prior V2V methods ...", "compared to existing ...",
# "outperforms X on Y": their words do not say what the paper is about.
_OTHERS = re.compile(
    r"\b(?:unlike|compared (?:to|with)|in contrast to|rather than|instead of|than|"
    r"outperform\w*|surpass\w*|(?:previous|prior|existing|conventional|traditional)\b)"
    r"[^,;:.]*",
    re.IGNORECASE,
)
# "Please check our project page for more video results": says where, not what.
# An ask about standing against other work: "compared against LoRA", "outperform GRPO".
_COMPARING = re.compile(r"\b(?:compar|outperform|surpass|versus\b|vs\b)", re.IGNORECASE)
_POINTER = re.compile(
    r"\b(?:project (?:page|website)|github|(?:code|data|models?) (?:is |are |will be )?"
    r"(?:publicly )?(?:available|released)|please (?:check|see|visit|refer))\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_TOOL = re.compile(r"i[sz]ers?$")  # "tokenizers", "optimizers": not "tokens", "optimization"
_BASED = re.compile(r"\b([\w]+)-based\b", re.IGNORECASE)  # "a diffusion-based framework"
KIND_BEFORE = 2  # words before "model" that may name its kind ("diffusion language model")
_DANGLING = re.compile(r"\b(?:against|with|on|to|of|for|from|in|by|into|over|about)\s*$", re.I)
# "large multimodal (vision-language) models": a restatement, as good as what it restates.
_GLOSS = re.compile(r"\(([^)]*)\)")
_OR = re.compile(r",?\s+or\s+|,\s+", re.IGNORECASE)
_DEFINED = re.compile(r"((?:[\w]+[\s-]+){1,6}?)\(([A-Z][A-Za-z]*[A-Z])s?\)")
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])s?\b")
_BENCH = re.compile(r"(?<=[A-Za-z0-9])-?Bench\b")  # "CEO-Bench", "IndustryBench": benchmarks
# A multimodal model is shown by the non-text modality it works on.
_COVERED_BY = {"multimod": frozenset({"visual", "vision", "video", "imag", "audio", "speech"})}
LINE_MISS_SHARE = 3  # a line may lack a third of the ask's terms that its paper holds
MANY_TERMS = 3  # an ask of fewer terms ("world models") needs them all in its line


def is_list_question(question: str) -> bool:
    """A question asking which papers do something ("Which papers in the feed ...?")."""
    return bool(_LIST_QUESTION.search(question))


# "Which paper in this feed forecasts the weather, and what RMSE does it report?": one paper,
# asked for by what it does.
_ONE_PAPER_QUESTION = re.compile(r"^\W*(?:which|what) (?:paper|work|study|article)\b", re.I)


def is_one_paper_question(question: str) -> bool:
    """A question asking which one paper does something ("Which paper in this feed ...?")."""
    return bool(_ONE_PAPER_QUESTION.search(question))


def ask_of(question: str) -> str:
    """The ask of a list question: "build on GRPO" in "Which papers build on GRPO?"."""
    match = _LIST_QUESTION.search(question)
    ask = question[match.end() :] if match else question
    return _WHERE.sub("", ask).strip().rstrip(" ?.!")


def expand(text: str) -> str:
    """``text`` with its acronyms spelled out: those it defines ("Sparse Autoencoders (SAEs)")
    after them, and the most common ones (LLM) instead of them; "X-Bench" also reads as a
    benchmark."""
    defined = {a.lower(): words for words, a in _defined(text)}
    # The acronym stays, lower-cased so it is not spelled again: "Low-Rank Adaptation (LoRA)
    # has ..." is about LoRA for an ask that names it so.
    text = _DEFINED.sub(lambda m: f"{m.group(1)}{m.group(2).lower()}", text)

    def spell(match: re.Match[str]) -> str:
        short = match.group(1).lower()
        if short in defined:  # kept too: an ask may use either ("build on LoRA")
            return f"{match.group(0)} ({defined[short]})"
        return COMMON_ACRONYMS.get(short, match.group(0))

    return _ACRONYM.sub(spell, _BENCH.sub(" benchmark", text))


def spelled(sentence: str, abstract: str) -> str:
    """``sentence`` with the acronyms its ``abstract`` defines elsewhere spelled out before
    them: "we present a new efficient LLVM" shows "large language and vision models" when
    the abstract's first sentence defines "LLVMs"."""
    defined = {a.lower(): words for words, a in _defined(abstract)}
    own = {a.lower() for _, a in _defined(sentence)}

    def spell(match: re.Match[str]) -> str:
        short = match.group(1).lower()
        if short in own or short not in defined:
            return match.group(0)
        return f"{defined[short]} ({match.group(0)})"

    return _ACRONYM.sub(spell, sentence)


def _defined(text: str) -> list[tuple[str, str]]:
    """(words, acronym) pairs of "Words Spelled Out (WSO)": the fewest last words that start
    with the acronym's first letter and hold its letters in order, each word's initial among
    them ("Sharpness-Aware Minimization (SAM)", "Sparse Autoencoders (SAEs)")."""
    pairs = []
    for match in _DEFINED.finditer(text):
        acronym = match.group(2).lower()
        words = [w for w in re.split(r"[\s-]+", match.group(1).strip()) if w]
        for start in range(len(words) - 1, -1, -1):
            if _spells(words[start:], acronym):
                pairs.append((" ".join(words[start:]), match.group(2)))
                break
    return pairs


def _spells(words: list[str], acronym: str) -> bool:
    """``words`` spell ``acronym``: each word gives the next letter by its initial, and may
    give the letters after it from inside ("Autoencoders" gives the A and E of SAE)."""

    def spell(w: int, a: int) -> bool:
        if w == len(words):
            return a == len(acronym)
        word = words[w].lower()
        if word in _JOINING and w:  # "Large Language and Vision Models (LLVMs)"
            return spell(w + 1, a)
        if a >= len(acronym) or word[0] != acronym[a]:
            return False
        for k in range(len(acronym) - a):
            if k and not _within(acronym[a + 1 : a + 1 + k], word[1:]):
                return False
            if spell(w + 1, a + 1 + k):
                return True
        return False

    return spell(0, 0)


_JOINING = frozenset({"and", "of", "for", "the", "to", "in", "with", "on"})


def _within(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


@lru_cache(maxsize=4096)
def terms(text: str) -> frozenset[str]:
    """The stems of the content words of ``text`` (acronyms spelled out), hyphenated words
    in parts, and "model" with each word before it that may name its kind ("world+model");
    a word for a tool ("tokenizer") is kept apart from what it makes ("token")."""
    words = ordered_terms(text)
    kinds = {
        f"{w}+model"
        for i, m in enumerate(words)
        if m == "model"
        for w in words[max(0, i - KIND_BEFORE) : i]
    }
    return frozenset(words) | kinds


def ordered_terms(text: str) -> list[str]:
    """The stems of the content words of ``text`` in order (see ``terms``)."""
    words = [w.lower() for w in _WORD.findall(_BASED.sub(r"\1 model", expand(text)))]
    kept = [w for w in words if (len(w) > 2 or any(c.isdigit() for c in w)) and w not in _STOP]
    return [w.removesuffix("s") if _TOOL.search(w) else next(iter(stems({w}))) for w in kept]


@lru_cache(maxsize=256)
def readings(question: str) -> tuple[Reading, ...]:
    """The ways to read the ask's terms. Words joined by "or" are alternatives: the words
    next to it form one group ("audio or sound", "3D or 4D content"); and each part of two
    or more terms is also read alone ("video editing" or "video-to-video translation"). A
    part that ends on a preposition shares the next part's object ("compared against or
    build on LoRA"): it is neither merged nor read alone."""
    ask = expand(_GLOSS.sub(r" or \1", ask_of(question)))
    if _MAKES_ASK.match(ask):
        ask = ask.split(maxsplit=1)[1] if len(ask.split()) > 1 else ""
    parts = [p for p in _OR.split(ask) if p.strip()] if re.search(r"\bor\b", ask) else [ask]
    merged: list[Group] = []
    for n, part in enumerate(parts):
        groups = [_group(t) for t in _ask_terms(part)]
        if n and merged and groups and not _DANGLING.search(parts[n - 1]):
            merged[-1] = merged[-1] | groups.pop(0)
        merged.extend(groups)
    alone = [tuple(_group(t) for t in _ask_terms(p)) for p in parts if not _DANGLING.search(p)]
    alone = [r for r in alone if len(r) > 1]
    found = [tuple(merged), *alone] if len(parts) > 1 else [tuple(merged)]
    return tuple(r for r in found if r)


def _group(term: str) -> Group:
    """The stems that cover ``term``: itself, and for "multimodal" the modality a paper names
    ("visual reasoning", "video understanding")."""
    return frozenset({term}) | _COVERED_BY.get(term, frozenset())


def _ask_terms(part: str) -> list[str]:
    """The terms of one part of an ask in order, once each; "model" after a word names a
    kind of model ("world models", "diffusion language models")."""
    words = ordered_terms(part)
    named = [f"{words[i - 1]}+model" if w == "model" and i else w for i, w in enumerate(words)]
    return list(dict.fromkeys(named))


def makes_ask(question: str) -> bool:
    """The ask is for something the paper makes: "introduce a new benchmark", "release
    model weights"."""
    return bool(_MAKES_ASK.match(ask_of(question)))


def compares(question: str) -> bool:
    """The ask is about how a paper stands against other work ("compared against LoRA"): the
    clauses about other work are then what it asks about."""
    return bool(_COMPARING.search(ask_of(question)))


def own_words(sentence: str, *, made: bool = False, others: bool = False) -> frozenset[str]:
    """The terms ``sentence`` says of the paper's own work: without its clauses about other
    work (kept when ``others``), and when ``made``, only the words naming what the paper
    introduces or releases."""
    text = sentence if others else _OTHERS.sub(" ", sentence)
    if made:
        text = " ".join(m.group("made") or m.group("ours") for m in _MAKES.finditer(text))
    return terms(text)


def misses(reading: Reading, words: frozenset[str]) -> int:
    """The terms of ``reading`` that ``words`` lacks (a word covers a term it begins with,
    "speedup" covers "speed")."""
    return sum(not any(_covers(w, alt) for w in words for alt in group) for group in reading)


def _covers(word: str, stem: str) -> bool:
    return word == stem or (len(stem) >= 5 and word.startswith(stem))


def paper_words(title: str, abstract: str, *, others: bool = False) -> frozenset[str]:
    """The terms a paper holds: its title's, and its abstract's outside clauses about other
    work (unless ``others``)."""
    return terms(title) | own_words(abstract, others=others)


def line_words(question: str, title: str, sentence: str) -> frozenset[str]:
    """The terms a list line shows: its title's, and what its sentence says of the paper's
    own work (what it makes, for an ask to make something)."""
    return terms(title) | own_words(sentence, made=makes_ask(question), others=compares(question))


def fits(
    question: str, paper: frozenset[str], line: frozenset[str], papers: Sequence[frozenset[str]]
) -> bool:
    """A paper fits when, for some reading of the ask, it holds every term, and its line
    holds the key terms (``key_terms``; all terms for an ask to make something) but a third
    of the reading's terms, and always the rarest among the candidates ``papers``."""
    for reading in readings(question):
        if misses(reading, paper):
            continue
        key = reading if makes_ask(question) else key_terms(reading, papers)
        held = [sum(not misses((g,), p) for p in papers) for g in key]
        rarest = tuple(g for g, n in zip(key, held, strict=True) if n == min(held))
        if misses(key, line) <= len(reading) // LINE_MISS_SHARE and not misses(rarest, line):
            return True
    return False


def key_terms(reading: Reading, papers: Sequence[frozenset[str]]) -> Reading:
    """The terms that tell papers apart: those of ``reading`` that some candidate lacks
    ("multimodal" among LLM papers), or all of them when none does or the ask is short
    ("world" alone is not "world models")."""
    key = tuple(g for g in reading if any(misses((g,), p) for p in papers))
    return key if key and len(reading) >= MANY_TERMS else reading


def fit_count(question: str, words: frozenset[str]) -> int:
    """How many terms of the best reading of the ask ``words`` hold."""
    return max((len(r) - misses(r, words) for r in readings(question)), default=0)


def ranked_lines(
    question: str, title: str, sentences: Sequence[str], order: Sequence[int], name: str | None
) -> list[int]:
    """The indices of ``sentences`` (given in ``order``, best scoring first), best line
    first: a sentence saying what the paper itself does ("we ...", its ``name``) before one
    about the field ("RL has shown promise in ..."); of those, one naming the paper's method
    when its title does not ("we present Duo, ..." under "The Diffusion Duality": a list
    item should say what the paper's method is called), then the one holding the most terms
    of the ask, then one introducing the paper's work ("we propose X, a ...") before its
    details, then the one whose line (with the title) holds the most."""
    made = makes_ask(question)
    heads = terms(title)
    untitled = name if name and name not in title else None

    def shown(i: int) -> tuple[bool, bool, int, bool, int, int]:
        own = own_words(sentences[i], made=made, others=compares(question))
        says_own = bool(OWN_WORK.search(sentences[i])) or bool(name and name in sentences[i])
        named = bool(untitled and untitled in sentences[i])
        introduces = bool(INTRODUCES_WORK.search(sentences[i]))
        held, shows = fit_count(question, own), fit_count(question, heads | own)
        return says_own, named, held, introduces, shows, -order.index(i)

    return sorted(order, key=shown, reverse=True)


def papers_to_list(question: str, q_vec: np.ndarray, bundles: list[SourceBundle]) -> list[Evidence]:
    """For a question asking which papers do something: each of the top ``LIST_MAX`` papers
    that fits (``fits``), in rank order, with the best sentence of its own work (no
    background) whose line shows the fit. None may fit."""
    top = [(n, b) for n, b in enumerate(bundles[:LIST_MAX], start=1) if b.text.sentences]
    others = compares(question)
    papers = [paper_words(b.text.title, b.text.abstract, others=others) for _, b in top]
    listed: list[Evidence] = []
    for (n, bundle), paper in zip(top, papers, strict=True):
        line = _line(question, q_vec, bundle, partial(fits, question, paper, papers=papers))
        if line:
            listed.append(Evidence(n, bundle.paper.paper_id, *line))
    return listed


def _line(
    question: str,
    q_vec: np.ndarray,
    bundle: SourceBundle,
    shows_fit: Callable[[frozenset[str]], bool],
) -> tuple[str, float] | None:
    """The sentence of a list line and its score: of the paper's own sentences, the first in
    ``ranked_lines`` order whose line ``shows_fit``; None when none does."""
    text = bundle.text
    sentences = text.sentences
    scores = sentence_scores(question, q_vec, bundle) + OWN_WORK_BONUS * np.array(
        [bool(OWN_WORK.search(s)) for s in sentences], dtype=float
    )
    made = makes_ask(question)
    order = [int(i) for i in np.argsort(-scores) if _own(sentences[i], made=made)]
    name = name_of(text.title, text.abstract)
    shown = [spelled(s, text.abstract) for s in sentences]
    for i in ranked_lines(question, text.title, shown, order, name):
        if shows_fit(line_words(question, text.title, shown[i])):
            return sentences[i], float(scores[i])
    return None


def _own(sentence: str, *, made: bool) -> bool:
    """A sentence that may show fit: not background, not leaning on the one before, and not
    a pointer to code or a project page (unless the ask is what a paper releases)."""
    if background(sentence) or leans_back(sentence):
        return False
    return made or not _POINTER.search(sentence)
