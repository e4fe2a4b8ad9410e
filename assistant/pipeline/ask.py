"""What a question asks: its parts ("What X ..., and which Y ...?"), where each ask starts,
the noun and the kinds of thing it asks about, what it measures, and its words.

The lead (pipeline.lead), the quotes that hold a name (pipeline.holds) and the background
rules (pipeline.background) all read the question through these functions.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.names import plain
from assistant.pipeline import meaning
from assistant.pipeline.evidence import need_of
from assistant.pipeline.text import (
    AUXILIARIES,
    AUXILIARY,
    COUNT_WORDS,
    WORD,
    content_words,
    topic_words,
)

# The prepositions an ask may open on: "by how much ...", "on which benchmark ...", "about
# how many samples ...".
_ASK_PREPOSITIONS = (
    r"(?:up to|from|in|on|to|for|with|at|by|of|under|through|into|across|over|among|within"
    r"|between|per|after|during|against|below|above|beyond|about|around)"
)
# Where a question turns to its second ask: ", and what ...", "; how ...", ", and below what
# ...", ", and by up to how much ...". The second ask may open on its topic before the
# question word: "..., and data from how many news sites is it applied to?", "..., and for
# models trained with up to how much ...?"; a hedge may come first: "..., and roughly how many
# ...?".
_SECOND_ASK = re.compile(
    rf",?\s+and\s+(?=(?:(?:[\w-]+\s+){{1,3}}?(?:{_ASK_PREPOSITIONS}\s+){{1,2}}"
    rf"|(?:{_ASK_PREPOSITIONS}\s+){{0,2}}(?:[a-z]+ly\s+(?=how\b))?)"
    r"(?:what|which|how|who|whose|where|when|why)\b|(?:does|do|is|are|can)\b)|;\s+",
    re.IGNORECASE,
)
_ABLE = re.compile(r"\b[a-z]{3,}able\b", re.I)  # "drivable", "scalable": a verb made able
_YING = re.compile(r"\b[a-z]{3,}ying\b", re.I)  # "underlying", "lying": the verb ends "-ie"
# "How accurate is X?" asks for its accuracy: the noun of an "-ate" adjective ends "-acy".
_HOW_ATE = re.compile(r"\bhow ([a-z]{3,})ate\b", re.I)
# "On which environments is X evaluated?": asks for what it is tested on, whatever the kind
# ("Experiments on ALFWorld and WebShop ..." answers it).
TESTBED_ASK = re.compile(
    r"\b(?:on|in|across|over) which\b[^?]*\b(?:evaluat|test|validat|assess)\w*",
    re.I,
)
_ACTS_ON = re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?(?:does|do|did)\b", re.I)
HEAD_WORDS = 4  # words after "what" that may hold the noun it asks about
_WH = re.compile(r"\b(?:what|which)\s+(.*)", re.IGNORECASE)
# "What *is the* supervised fine-tuning dataset ... called?": the noun asked about follows.
_COPULA = re.compile(r"^(?:is|are|was|were)\s+(?:the|a|an)\s+", re.I)
# "What is the heterogeneous graph over images ... called that ...?": its noun phrase.
_CALLED_NOUN = re.compile(
    r"\b(?:what|which)\s+(?:is|are|was|were)\s+(?:the|a|an)\s+(?P<noun>[^;?]{1,80}?)\s+"
    r"(?:called|named|termed)\b",
    re.I,
)
_PREPOSITIONS = frozenset(
    "for of in on with to from by at across over under between among into through".split()
)
# The verb after "what <noun>": "which fusion strategy *does* ...", "what mechanism *makes* ...".
_ASK_VERB = (
    "(?:" + "|".join((*AUXILIARIES, "makes?", "lets?", "enables?", "allows?", "helps?")) + ")"
)
_WH_HEAD = re.compile(rf"\b(?:what|which)\s+((?:[\w@-]+\s+){{0,7}}?)(?={_ASK_VERB}\b)", re.I)
# "How much *end-to-end speedup* does ...": what a "how much" ask measures, before its verb.
_HOW_MUCH_HEAD = re.compile(rf"\bhow much\s+((?:[\w@-]+\s+){{1,7}}?)(?={_ASK_VERB}\b)", re.I)
# An ask may open on a preposition: "In the benchmark built on X, *by how many points* did ...".
_ASK_START = re.compile(
    rf"(?:^|[,;:.]\s+)(?=(?:{_ASK_PREPOSITIONS}\s+)?(?:what|which|how|who|whose|where|when|why)\b)",
    re.I,
)
# The colon ending a question's context, with a question word after it: "The paper on ...:".
_CONTEXT_COLON = re.compile(
    r":\s+(?=[^:]*\b(?:what|which|how|who|whose|where|when|why)\b[^:]*$)", re.I
)
# An ask whose question word comes late, after a context ending in a comma: "In the 3D
# Gaussian Splatting framework ..., *optimizing only which attributes* preserves ...?".
_LATE_ASK = re.compile(
    r"^(?:in|for|of|on|among|within)\s[^,:]*(?P<cut>[,:])\s+(?=[^,:]*\b(?:what|which|how)\b)",
    re.I,
)
# An ask whose question word follows its verb, after the subject it asks about: "A framework
# for ... that does not rely on retained data *is built from which* two components?", "A
# method that lets ... *adds what* constraint ...?". The subject is context.
_MID_ASK = re.compile(
    rf"\s(?=(?:{AUXILIARY}\s+(?:\w+ly\s+)?[a-z][\w-]*|(?:\w+ly\s+)?[a-z]\w*(?:s|ed))\s+"
    rf"(?:{_ASK_PREPOSITIONS}\s+)?(?:what|which)\b)",
)
# "What are they?", "What is it?": the ask is what the context counts just before it ("...
# names *two key contributors* to hallucination", "reports *one consistent failure mode*").
_PRONOUN_ASK = re.compile(
    r"^\W*(?:what|which) (?:is|are|was|were) (?:it|they|these|those|this)\W*$", re.I
)
_COUNTED = re.compile(
    rf"\b(?:one|{'|'.join(COUNT_WORDS)}|\d+)\s+"
    r"(?:(?!(?:of|to|for|in|on|that|which)\b)[\w-]+\s*){1,4}",
    re.I,
)
# The context after an ask: "..., according to ...", "... in the controlled study of ...".
_TRAILING_CONTEXT = re.compile(
    r",\s+(?:according to|as reported|given that)\b"
    r"|,?\s+in the (?:[\w-]+\s+){0,2}?(?:paper|work|study)\b",
    re.I,
)
# "How does X search ...?", "How is Y achieved?": asks for the means, which a sentence gives
# with "through A", "via B", "using C", "by training D".
HOW_ASK = re.compile(r"^\W*how\s+(?:is|are|was|were|does|do|did|can|could)\b", re.I)
# "What does X use / build on / rely on ...?" asks for a means too; its verb is no word of
# the answer ("Building on this foundation, we further ..." does not say what X builds on).
USES_ASK = re.compile(
    r"\bwhat\b[^?]*?\b(?P<verb>use[sd]?|builds? (?:up)?on|rel(?:y|ies) on|leverages?|draws? on"
    r"|exploits?|employs?)\b",
    re.I,
)
SUBJECT_WORDS = 6  # words after "how does" that may hold the kind of thing asked about


def question_parts(question: str) -> list[str]:
    """A two-part question as its two asks; any other question as itself. An ask with no
    topic word is a part only when it asks for a number or a name ("..., and what is their
    method called?"), not "..., and how does it work?"."""
    # Only the ask is split, not the description leading into it ("A procedure that corrects
    # ... and can sit on top of any method: what share ..., and how much faster ...?").
    start = ask_start(question)
    context, ask = question[:start], question[start:]
    parts = [p for p in _SECOND_ASK.split(ask, maxsplit=1) if topic_words(p) or need_of(p)]
    return [context + parts[0], parts[1]] if len(parts) == 2 else [question]


def words_of(text: str, known: Collection[str] = ()) -> set[str]:
    """Topic words, with the parts of each hyphenated word that is not ``known`` whole:
    "purely-dynamic" meets "purely dynamic", but "self-distillation" meets
    "self-distillation" once, not three times. Names are compared as ``plain`` writes them:
    "M3FinMeeting" meets "M^3FinMeeting"."""
    text = plain(text)
    whole = topic_words(text)
    compounds = [w for w in content_words(text) if "-" in w and not topic_words(w) & set(known)]
    split = topic_words(" ".join(compounds).replace("-", " "))
    return whole | split | _lie_stems(text) | _able_stems(text)


def _able_stems(text: str) -> set[str]:
    """The stem of the verb an "-able" word is made from: "drivable" meets "drive",
    "scalable" meets "scale" (the stemmer keeps "drivabl" whole)."""
    return topic_words(" ".join(w[:-4] + "e" for w in _ABLE.findall(text)))


def measured(question: str) -> set[str]:
    """The stem of the noun a "how <adjective>?" ask measures: "how accurate" asks for the
    "accuracy" a sentence gives (the stemmer keeps "accur" and "accuraci" apart)."""
    return topic_words(" ".join(w + "acy" for w in _HOW_ATE.findall(question)))


def _lie_stems(text: str) -> set[str]:
    """The stem of "underlie" for "underlying" ("lie"/"lying"), which the stemmer splits."""
    return topic_words(" ".join(w[:-4] + "ie" for w in _YING.findall(text)))


def asked_head(question: str) -> str | None:
    """The stem of the noun a "what/which ... ?" question asks about: a word for a kind of
    thing among its first words ("what *benchmark* built on ..."), else the last word before
    its verb ("Which parameter-update *rule* does ..."); None for other questions."""
    start = _WH.search(question)
    first = _COPULA.sub("", start.group(1)).split()[:HEAD_WORDS] if start else []
    found = _WH_HEAD.search(question)
    before_verb = _before_preposition(found.group(1).split() if found else [])
    kinds = [w for w in first if meaning.is_kind(w)]
    last = before_verb[-1:] if len(before_verb) <= HEAD_WORDS else []
    for word in kinds or last:
        if stems := topic_words(word):
            return sorted(stems)[0]
    return None


def _before_preposition(words: list[str]) -> list[str]:
    """The words before the first preposition: "What *workflow* for report generation is ..."
    asks about a workflow, not a generation."""
    cut = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
    return words[:cut]


def ask_of(question: str) -> str:
    """The clause of the question that asks (from its question word to a trailing "according
    to ..."), without the context that leads into it; for "What are they?", what they are
    ("... supports *two output modes*. What are they?")."""
    start = ask_start(question)
    ask = _TRAILING_CONTEXT.split(question[start:], maxsplit=1)[0]
    counted = _COUNTED.findall(question[:start]) if _PRONOUN_ASK.match(ask) else []
    return " ".join([*counted[-1:], ask])


def ask_start(question: str) -> int:
    """Where the ask begins: at its question word, or at the sentence that opens on one after
    a sentence of context ("A paper ..., where simply expanding X fails. Into what does it
    ...?": the "where" of the context asks nothing), or after a colon ending the context ("The
    paper on X, where Y performs poorly: what ...?", "The study of X: according to its first
    finding, experts created from what kind of ...?")."""
    starts = list(_ASK_START.finditer(question))
    opening = [m for m in starts if question[m.start()] == "."]
    if opening:
        return opening[-1].start()
    colon = _CONTEXT_COLON.search(question)
    after = [m.start() for m in starts if colon and m.start() >= colon.start()]
    if colon and not after:
        return colon.start()
    if not starts and (late := _LATE_ASK.search(question)):
        return late.start("cut")
    if not starts and (mid := _MID_ASK.search(question)):
        return mid.start()
    return (after or [m.start() for m in starts] or [0])[0]


def asks_means_of_kind(question: str) -> bool:
    """A "how" question about a kind of thing, the paper's work ("How does the low-rank
    adaptation *method* ... form ...?"): it asks by what means. "How do explanations compare
    to ...?" asks for a result."""
    found = HOW_ASK.search(question)
    subject = question[found.end() :].split()[:SUBJECT_WORDS] if found else []
    return any(meaning.is_kind(w) for w in subject)


def asks_own_kind(question: str) -> bool:
    """An ask names a kind as its subject ("Which method relaxes ...?", "what framework is
    proposed ...?"): the paper's own work, not a kind the work acts on ("which model does it
    outperform?")."""
    asks = [ask_of(part) for part in question_parts(question)]
    return any(_kinds_of_ask(a) and not _ACTS_ON.search(a) for a in asks)


def number_asks(question: str) -> int:
    return sum("number" in need_of(part) for part in question_parts(question))


def ask_head(ask: str) -> str:
    """The words between an ask's "what", "which" or "how much" and its verb: "What
    *inference speedup* does SALAD attain?", "How much *token reduction* does ...?"."""
    found = _WH_HEAD.search(ask) or _HOW_MUCH_HEAD.search(ask)
    return found.group(1).strip() if found else ""


def asked_kinds(question: str) -> set[str]:
    """The kinds of thing each ask names (singular, lower case): those between its "what" or
    "which" and its verb ("which *model* does ..."), else any in the ask ("what is the *method*
    called?"). In "Which model does the video generation *framework* train?" the framework is
    the paper itself; a sentence naming it answers nothing."""
    return set().union(*(_kinds_of_ask(ask_of(part)) for part in question_parts(question)))


def _kinds_of_ask(ask: str) -> set[str]:
    """The kinds before the ask's verb, else among its first words ("What is the *benchmark*
    built with the agentic framework ... called?" asks for a benchmark, not the framework that
    describes the paper), else in the phrase a "What is the <phrase> called?" ask names, or
    that phrase's noun when it names no known kind (``_called_noun``), else anywhere in it."""
    found = _WH_HEAD.search(ask)
    start = _WH.search(ask)
    first = " ".join(start.group(1).split()[:HEAD_WORDS]) if start else ""
    for text in (found.group(1) if found else "", first):
        if kinds := _kinds_in(text):
            return kinds
    if called := _CALLED_NOUN.search(ask):
        phrase = called.group("noun")
        if kinds := _kinds_in(phrase):
            return kinds
        if noun := _called_noun(phrase):
            return {noun}
    return _kinds_in(ask)


def _kinds_in(text: str) -> set[str]:
    return {meaning.kind_of(k) for k in WORD.findall(text) if meaning.is_kind(k)}


def _called_noun(phrase: str) -> str | None:
    """The noun of the phrase a "What is the <phrase> called?" ask names, a word for a kind or
    not: the "split" of "What is the public evaluation split called that OpenAI open-sourced
    with its benchmark ...?", not the benchmark of the context after it."""
    words = [w for w in _before_preposition(phrase.split()) if not w.endswith("ed")]
    return meaning.kind_of(words[-1]) if words else None


def asks_for(question: str) -> bool:
    """Some part of ``question`` asks for a number, a name or the testbeds (``lacking``)."""
    return any(need_of(part) or TESTBED_ASK.search(part) for part in question_parts(question))
