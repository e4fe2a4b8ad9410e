"""Does the paper that answers give the number a question asks for? Pure functions.

"How many parameters does FlashWorld have?" retrieves FlashWorld, and its abstract quotes well,
but it gives no parameter count: quoting it would read as an answer. A question that counts
things ("how many N") is given its number only by a sentence with a quantity just before N
("865M parameters", "seven benchmark datasets", "a three-stage curriculum"), or, for
parameters, a model size ("our 7B model"). Any other number question needs at least one
quantity the question lacks, in a sentence that holds what the question names: "What accuracy
does Jet-RL reach on AIME?" is not answered by "Jet-RL achieves up to 33% speedup", nor "What
resolve rate does SWE-Pruner reach on SWE-Bench Verified?" by "23-54% token reduction on ...
SWE-Bench Verified". The slot of an ask is the benchmark it is tested on ("on AIME") and the
measure it names before its verb ("What *resolve rate* does ..."); a sentence fits the slot
when it holds every such benchmark (however spaced: "Human Eval" names HumanEval) and, unless
the measure is only "score" or "improvement" or is given in units ("48 fps"), one of its words
(not naming a change of it: "accuracy gain" gives no accuracy), or, for a rate or accuracy, a
bare percentage in a sentence naming the benchmark ("79.5% on OSWorld-Verified").
The answer then says what is missing in the ask's words: "the accuracy on AIME".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from assistant.names import squash
from assistant.pipeline.ask import ask_head, ask_of, question_parts
from assistant.pipeline.evidence import MODEL_SIZE, counted_noun, counts, need_of, quantities
from assistant.pipeline.holds import tested_on
from assistant.pipeline.text import (
    COUNT_WORDS,
    SIZED_NAME,
    WORD,
    entities,
    numbers,
    stems,
    topic_words,
)

_TOKEN = re.compile(r"[\w.,%×-]+")
_WHAT = re.compile(r"(?:what|which)\b", re.I)
_VERSION = re.compile(r"\d+[a-z]?$")  # "1k", "2024", "8k": a version or size ends a name
BASE_LETTERS = 4
# Measure words that say a number is asked for, not which one: any number may answer them.
_ANY_MEASURE = stems(
    set(
        """score value number amount improvement gain margin performance result percentage
        factor multiple share fraction proportion size boost increase decrease reduction
        difference level figure higher lower more less better worse relative absolute overall
        average mean""".split()
    )
)
# A measure with a unit may be given by its unit alone: "up to 1080p and 48 fps", "at 44.1kHz".
_IN_UNITS = stems(
    set(
        """resolution frame fps memory time latency length duration cost throughput storage
        height width depth temperature price budget hours days sampling frequency""".split()
    )
)
# A measure word just before one of these names a change ("+11.7pp average accuracy *gain*"):
# its number is no level of the measure ("What accuracy does X reach?") unless the ask
# names a change itself ("What accuracy gain ...?").
# "FID increase from 3.40 to 5.43" gives the levels: only a gain is always a difference.
_CHANGE = stems(set("gain gains improvement improvements boost boosts".split()))
# A bare percentage ("it achieves 79.5% on OSWorld-Verified", "(72.1%)") gives an ask for a
# rate or an accuracy, though the sentence names no measure; "33% speedup" names its own,
# and "improves by 5%", "reducing observation size by over 50%" or "+5%" is a change.
_PERCENT_MEASURES = stems({"accuracy", "rate", "success", "precision", "recall"})
# Fixed-width lookbehinds (re needs them): "by 5%", "by over 50%", "by more than 3%".
_CHANGE_HEDGES = (
    "",
    "over ",
    "about ",
    "nearly ",
    "up to ",
    "almost ",
    "around ",
    "roughly ",
    "more than ",
)
_BY_CHANGE = "".join(rf"(?<!\bby {hedge})" for hedge in _CHANGE_HEDGES)
_BARE_PERCENT = re.compile(
    rf"(?<![+±−-]){_BY_CHANGE}(?<![\d.])\d+(?:\.\d+)?\s?%"
    r"(?=\s*(?:$|[),;.]|(?:on|in|to|with|and|at|for|across|over|under|while|after)\b))",
    re.I,
)
# A parameter count is given as a model size: "Its largest version, Hermes 3 405B, ..." gives
# "the parameter size of the largest Hermes 3 model".
_PARAMETERS = stems({"parameter"})
_PARAMETER_ASK = re.compile(
    r"\bparameter\s+(?:size|count|scale)\b|\bnumber\s+of\s+parameters\b", re.I
)
# A speed is given as a speedup, as "faster" or as an acceleration; "up to what speed-up
# ...?" asks for one too.
_SPEED = frozenset(
    stems(
        {"speedup", "speed-up", "speed", "faster", "fast", "accelerate", "acceleration", "quicker"}
    )
)

# "How many times faster ...?", "by what factor is sampling faster ...?": the number asked for
# is a speed, though the ask names no measure before its verb ("59 points in Inception Score"
# does not answer it).
_SPEED_ASK = re.compile(
    r"\b(?:how\s+many\s+times|how\s+much|by\s+(?:what|how\s+much)(?:\s+factor)?|"
    r"what\s+factor)\b[^?]{0,80}?\b(?:faster|quicker|speed-?ups?|accelerat\w*)\b",
    re.I,
)


def number_not_given(question: str, sentences: Sequence[str]) -> str | None:
    """What the question asks a number for when ``sentences`` (one paper's title and abstract)
    give none: "the number of parameters", "the accuracy on AIME", "the number asked for"; None
    when they do, or the question asks for no number."""
    if "number" not in need_of(question):
        return None
    text = " ".join(sentences)
    noun = counted_noun(question)
    if noun is not None:
        return None if counts(text, noun, question) else f"the number of {noun.lower()}"
    return None if _gives_number(question, sentences) else _asked_for(question, sentences[0])


class Slot(NamedTuple):
    """What a number ask names: the sentence giving its number must hold each of ``names``
    (lower case) and, when there is any, one stem of its ``measure``; ``change`` when the
    ask itself names a change ("What accuracy *gain* ...?"), ``sized`` when it asks how large
    a named thing is or its parameter size; ``at_size`` the models it names at a size
    ("Llama-3-70B"), which a sentence giving them only at another size does not fit;
    ``initials`` those of a measure of several words, which an abstract may write for it
    ("ASR" for "attack success rate")."""

    names: frozenset[str]
    measure: frozenset[str]
    change: bool = False
    sized: bool = False
    at_size: frozenset[str] = frozenset()
    initials: str = ""


# "How large is the X dataset?": the number must come with X, not from anywhere in the paper.
_HOW_LARGE = re.compile(
    r"\bhow\s+(?:large|big)\s+(?:is|are|was|were)\s+(?:the\s+)?(?P<name>[\w.-]*[A-Z0-9][\w.-]*)"
    r"\s+(?P<kind>dataset|benchmark|corpus|suite|collection|set)\b",
    re.I,
)


def slot_of(ask: str, title: str) -> Slot:
    """The benchmarks an ask is tested on ("on AIME") and the names before its verb ("What
    *GenEval* score"), less those of the title; the measure before its verb ("resolve rate"),
    none when it is only "score" or "improvement" or is given in units."""
    head = ask_head(ask_of(ask))
    named = tested_on(ask) & entities(ask) | entities(head)
    sized = _HOW_LARGE.search(ask)  # "How large is the Img-Ref-T2I dataset?": its own size
    if sized:
        named |= {sized.group("name").lower()}
    measure = topic_words(head) - _ANY_MEASURE
    if _PARAMETER_ASK.search(ask_of(ask)):  # "What is the parameter size of ...?": no head
        measure |= _PARAMETERS
    if _SPEED_ASK.search(ask_of(ask)):
        measure |= _SPEED
    return Slot(
        frozenset(n for n in named if n not in title.lower()),
        frozenset() if measure & _IN_UNITS else frozenset(measure),
        bool(topic_words(head) & _CHANGE),
        bool(sized or measure & _PARAMETERS),
        frozenset(_SIZED_MODEL.findall(ask)),
        _initials(head, measure) if len(measure) > 1 else "",
    )


def _initials(head: str, measure: set[str]) -> str:
    """The initials of the measure's words: "asr" of "(average) attack success rate"."""
    return "".join(w[0] for w in WORD.findall(head.lower()) if topic_words(w) & measure)


def fits(sentence: str, slot: Slot) -> bool:
    """``sentence`` holds every name of the slot (spaced or hyphenated any way) and a word of
    its measure (a speed as any speed word)."""
    squashed = squash(sentence)
    if not all(_named(name, squashed) for name in slot.names):
        return False
    if any(_other_size(name, sentence) for name in slot.at_size):
        return False
    measure = _measure_words(slot)
    tokens = WORD.findall(sentence)
    if not measure or any(_names_measure(tokens, i, slot) for i in range(len(tokens))):
        return True
    # Beside a benchmark the ask names, not anywhere: "92% of the pages" is no error rate.
    return bool(slot.names and measure & _PERCENT_MEASURES and _BARE_PERCENT.search(sentence))


def _names_measure(tokens: Sequence[str], i: int, slot: Slot) -> bool:
    """Token ``i`` is a word of the slot's measure, not naming a change of it ("accuracy
    gain") unless the slot asks for a change."""
    token = tokens[i].lower().strip(".,")
    named = bool(stems({token}) & _measure_words(slot))
    named |= bool(slot.measure & _PARAMETERS and MODEL_SIZE.fullmatch(tokens[i]))
    initials = bool(slot.initials) and token == slot.initials  # "53.3% ASR"
    after = stems({t.lower().strip(".,") for t in tokens[i + 1 : i + 2]})
    return (named or initials) and (slot.change or not after & _CHANGE)


def _measure_words(slot: Slot) -> frozenset[str]:
    """The words that name the slot's measure: a speed as any speed word ("faster")."""
    return slot.measure | (_SPEED if slot.measure & _SPEED else frozenset())


def _asked_for(question: str, title: str) -> str:
    """The number a "what <measure> ...?" ask wants, in its own words ("the resolve rate on
    SWE-Bench", "the size of the X dataset"), or "the number asked for" when no such ask names
    its measure or benchmark."""
    for part in question_parts(question):
        sized = _HOW_LARGE.search(part)
        if sized:
            return f"the size of the {sized.group('name')} {sized.group('kind').lower()}"
        if _SPEED_ASK.search(part):
            return "the speed-up"
        ask, slot = ask_of(part), slot_of(part, title)
        head = ask_head(ask)
        if "number" in need_of(part) and _WHAT.match(ask) and head and slot.measure | slot.names:
            return f"the {head}" + "".join(f" on {b}" for b in _benchmarks(part, slot)[:1])
    return "the number asked for"


def _benchmarks(ask: str, slot: Slot) -> list[str]:
    """The slot's benchmarks as the ask spells them ("SWE-Bench", not "swe-bench")."""
    spelled = (
        re.search(re.escape(name), ask, re.I) for name in sorted(tested_on(ask) & slot.names)
    )
    return [found.group(0) for found in spelled if found]


def _named(name: str, squashed: str) -> bool:
    """``name`` stands in the squashed sentence, or its base without a trailing version or
    size does ("ImageNet" for "ImageNet-1K", "AIME" for "AIME2024") when that base is no
    shorter than BASE_LETTERS ("GSM" is not GSM8K)."""
    name = squash(name)
    base = _VERSION.sub("", name)
    return name in squashed or (len(base) >= BASE_LETTERS and base in squashed)


# A model size ends the name: "Llama-3-70B" is not the "Llama-3-8B" a sentence gives.
_SIZED_MODEL = re.compile(SIZED_NAME + r"[BMK]\b")
_SIZED_NAME = re.compile(r"(?P<base>.+?)[-\s]?(?P<size>\d+(?:\.\d+)?[bmk])$", re.I)


def _other_size(name: str, sentence: str) -> bool:
    """``name`` ends in a size, and every time ``sentence`` gives the name before that size it
    gives another size: "Llama-3-8B" for the asked "Llama-3-70B"."""
    sized = _SIZED_NAME.match(name)
    if sized is None:
        return False
    after = rf"(?<![\w-]){re.escape(sized.group('base'))}[-\s]?(\d+(?:\.\d+)?[bmk])?\b"
    given = [m.group(1) for m in re.finditer(after, sentence, re.I)]
    asked = sized.group("size").lower()
    return bool(given) and all(size is not None and size.lower() != asked for size in given)


def _gives_number(question: str, sentences: Sequence[str]) -> bool:
    """A sentence gives a quantity the question lacks and fits the slot of one of its number
    asks (of a two-part question, one answered part is an answer)."""
    asks = [part for part in question_parts(question) if "number" in need_of(part)]
    slots = [slot_of(ask, sentences[0]) for ask in asks] or [Slot(frozenset(), frozenset())]
    asked, text = quantities(question), " ".join(sentences)
    sized = any(slot.sized for slot in slots)
    changes = _CHANGE_ASK.search(question) is not None
    return any(
        _measures(sentence, asked, sized, changes)
        and any(_fits_in(sentence, slot, text) for slot in slots)
        for sentence in sentences
    )


def _measures(sentence: str, asked: set[str], sized: bool, change: bool) -> bool:
    """``sentence`` gives a quantity the question lacks. A ``change`` ask ("How much does X
    improve fidelity?") is not answered by a count of things ("six design objectives"), only
    by a measure ("by 3.2%", "by over two-fold")."""
    new = _measured(sentence, sized) - asked
    counted_only = new <= _SPELLED_COUNTS and not _MULTIPLE.search(sentence)
    return bool(new) and not (change and counted_only)


_CHANGE_ASK = re.compile(
    r"\bhow much (?:does|do|did|can|could|would|will)\b[^?,]*?\b"
    r"(?:improv|increas|reduc|boost|rais|lower|cut|gain|decreas)\w*",
    re.I,
)
_SPELLED_COUNTS = frozenset({"one", *COUNT_WORDS})
_MULTIPLE = re.compile(r"\b(?:[\w-]*fold|times|twice)\b", re.I)


# A list's item marker ("(1) Complexity: ...", "(ii)", "(a)", "1) generative ..."): it numbers
# the items, it measures nothing.
_ENUMERATOR = re.compile(
    r"\(\s*(?:\d{1,2}|[ivx]{1,4}|[a-h])\s*\)|(?<![\w.(])(?:\d{1,2}|[ivx]{1,4}|[a-h])\)(?=\s)", re.I
)
# A count of the kinds or parts a paper describes ("three types of uncertain knowledge", "MARS
# relies on three pillars", "four variants of OD-VAE"): how the work is organised, never a size
# or a score it reports.
_KIND_COUNT = re.compile(
    r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+)?"
    r"(?:types?|kinds?|categories|dimensions|aspects|pillars|components|perspectives|facets|"
    r"principles|axes|insights|findings|contributions|strategies|stages|phases|steps|variants)\b",
    re.I,
)
# A position ("in the second and third steps", "the first stage"): which one, never how much
# ("cuts the cost by a third" is a quantity).
_POSITION = re.compile(
    r"\b(?:the|its|our|their|each)\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|final|last)\b(?:\s*(?:,|and|or)\s*)?)+",
    re.I,
)
# A count of what a paper is tested on or trained with ("across 78 tasks", "nearly 40 reward
# models", "80K preference pairs"): a size, never a score.
_ITEM_COUNT = re.compile(
    r"\b\d[\d,.]*[KM]?\s+(?:[\w-]+\s+)?(?:tasks|benchmarks|datasets|languages|domains|scenarios"
    r"|environments|models|pairs|samples|examples)\b",
    re.I,
)
# A size in billions ("LLMs with 7B and 13B parameters", "over 540 billion of legal tokens",
# "54 billion and 141 billion parameters"): how large a model or its data is, never a score or
# a speedup.
_SIZE_WORD = r"\d[\d,.]*\s+(?:billion|million|trillion)"
_BILLIONS = re.compile(
    rf"\b\d+(?:\.\d+)?B\b|\b{_SIZE_WORD}(?:,?\s+(?:and|or)\s+{_SIZE_WORD}|,\s+{_SIZE_WORD})*"
    r"\s+(?:of\s+)?(?:[\w-]+\s+)?(?:tokens|parameters|words)\b"
)
# A share of things ("63% of all utilized lessons originate from ..."): a proportion the paper
# observes, not a score on what the question names.
_SHARE = re.compile(r"\b\d+(?:\.\d+)?\s?%\s+of\s+(?:all\s+|the\s+)?[a-z]", re.I)


# The digits of a name ("GPT-4o", "Llama-3.1-8B", "tau^2-Bench") or of "3D": part of what is
# named, not a quantity.
_NAME_DIGITS = re.compile(
    r"(?<=[A-Za-z]-)\d[\w.]*|(?<=[\d.]-)\d+(?:\.\d+)?[BMK]\b|(?<=[A-Za-z]\^)\{?\d+\}?|\b\d(?=D\b)"
)


def _measured(sentence: str, sized: bool = True) -> set[str]:
    """The quantities of ``sentence``, less its list's item markers, its counts of kinds, its
    positions and the digits of its names: "addressing three dimensions: (1) Complexity ...,
    (2) Diversity ..." gives no score of the paper, nor "in the second and third steps", nor
    "prompts include three types of uncertain knowledge" or "guide GPT-4o" the size of its
    dataset. Unless a size is asked (``sized``), a count of what it is tested on is no answer
    either ("across 78 tasks" gives no score), nor a size in billions ("with 7B and 13B
    parameters" gives no speedup)."""
    kept = _POSITION.sub(" ", _KIND_COUNT.sub(" ", _without_markers(sentence)))
    return quantities(kept if sized else _BILLIONS.sub(" ", _ITEM_COUNT.sub(" ", kept)))


def _without_markers(sentence: str) -> str:
    """``sentence`` without its list's item markers and the digits of its names."""
    return _NAME_DIGITS.sub(" ", _ENUMERATOR.sub(" ", sentence))


def _fits_in(sentence: str, slot: Slot, text: str) -> bool:
    """``sentence`` fits the slot, or fits its measure and names no setting of its own while
    the paper names the slot's benchmarks elsewhere: "We evaluate on AssetOpsBench. ... the
    temporal cache achieved a median 30.6x speedup on cache hits" gives the AssetOpsBench
    speedup. A size is no benchmark's: "How large is X?" wants the number beside X."""
    if fits(sentence, slot):
        return True
    if slot.sized or not slot.names or not _measure_near(sentence, slot):
        return False
    if any(_other_size(name, sentence) for name in slot.at_size):
        return False
    if tested_on(sentence) - slot.names:
        return False
    return all(_named(name, squash(text)) for name in slot.names)


NEAR = 3  # tokens either side of a number that may name what it measures


def _measure_near(sentence: str, slot: Slot) -> bool:
    """A word of the slot's measure stands within NEAR tokens of a number ("a median of 30.6x
    speedup"), not just anywhere in the sentence ("33% speedup ... accuracy degradation");
    with no measure asked ("What score ...?"), a number in digits anywhere."""
    if not slot.measure:  # a score in digits: "three orthogonal dimensions" counts parts
        unshared = _without_markers(_SHARE.sub(" ", sentence))
        return any(numbers(token) for token in _TOKEN.findall(unshared))
    tokens = _TOKEN.findall(_without_markers(sentence))
    said = [i for i in range(len(tokens)) if _names_measure(tokens, i, slot)]
    return any(
        quantities(token) and any(abs(i - j) <= NEAR for j in said)
        for i, token in enumerate(tokens)
    )
