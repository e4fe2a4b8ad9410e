"""Whether a quote holds what a question asks for, beyond its words: the name it asks for
(coined in the sentence, not taken from the question), the long form of an acronym, the
terms a paper calls something, the benchmarks it is tested on, and a count for each item.

A sentence that shares every word of "What is the benchmark called?" but names no new
benchmark does not hold the answer; pipeline.lead leads with the one that does.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import takewhile

from assistant.pipeline import meaning
from assistant.pipeline.ask import (
    TESTBED_ASK,
    USES_ASK,
    ask_head,
    ask_of,
    asked_kinds,
    asks_own_kind,
    number_asks,
    question_parts,
)
from assistant.pipeline.evidence import (
    YEAR,
    YEAR_QUESTION,
    Need,
    counted_noun,
    counts,
    need_of,
    quantities,
    satisfies,
)
from assistant.pipeline.text import (
    COMMON_ACRONYMS,
    MODIFIER,
    SIZED_NAME,
    WORD,
    entities,
    topic_words,
)
from assistant.pipeline.types import Evidence

NAME_BEFORE, NAME_AFTER = 3, 2  # tokens from a name to the kind it names, either side
OBJECT_AFTER = 2  # tokens from the ask's last verb to the name it takes ("outperforms pi_0")
# The verb an ask ends on, after its subject, however long: "which model does it *outperform*
# on ...?", "what framework does X *build upon*?", "which model does the 4B MLLM, which needs
# no 3D input, *surpass* on VSI-Bench?", "which model do the authors *fine-tune* on their
# synthetic dataset to build their own editing model?".
_WH_VERB = re.compile(
    r"\b(?:does|do|did)\s+(?:[\w.,-]+\s+){1,12}?((?!not\b)[a-z][\w-]+(?:\s+(?:upon|on|from))?)"
    r"(?:\s+(?:on|in|over|against|for|with|to)(?:\s+[\w-]+){1,5})*\s*[?.]?\s*$",
    re.I,
)
# A passive ask ends on its verb and a stranded preposition: "which base model is its agent
# *built on*?" is answered by "built upon a Qwen2-VL-2B".
_PASSIVE_VERB = re.compile(
    r"\b(?:is|are|was|were)\s+(?:[\w.,-]+\s+){1,12}?([a-z][\w-]+)\s+(?:upon|on|from)\s*[?.]?\s*$",
    re.I,
)
# A word with digits after a letter names something (Qwen3-30B, GPT-4o); a measure starts
# with its number (23K, 24GB, 2.3x).
_NAMED_NUMBER = re.compile(r"[A-Za-z][\w.-]*\d")
# "on WikiArt", "on WebArena and Mind2Web", "across GSM8K, MATH, and AIME"; not what a method
# is based or built on ("a variant based on Group Relative Policy Optimization").
_TESTED_ON = re.compile(
    r"(?<!based )(?<!built )(?<!relies )(?<!relying )(?<!depends )"
    r"\b(?:on|across|over)\s+(?:the\s+)?([A-Z][\w.+-]*"
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z][\w.+-]*)*)"
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+|\bthe\s+")
# "What does the acronym CPGD stand for?" asks for the words it spells.
_STANDS_FOR = re.compile(
    r"\bwhat (?:does|do) (?:the )?(?:acronym |abbreviation |name )?(?P<acronym>[\w-]+) stand for\b",
    re.I,
)
SPELLED_WITHIN = 10  # words before "(CPGD)" that may spell it out
# "What do the authors call the effect ...?" is answered by "We term this effect, ..., X", as
# "what name is given to this kind of evaluation?" is by "We call these shadow evaluations".
_CALL_ASK = re.compile(
    r"\bwhat (?:do|does|did) (?:the )?(?:authors?|they|it|paper|work|study) (?:call|term|name)\b"
    r"|\bwhat name is (?:given|used)\b"
    # "What term does the study coin for self-evolution that ...?"
    r"|\bwhat (?:term|name|label)\s+(?:do|does|did)\b[^?]*?\b(?:coin|give|use|adopt)\w*\b",
    re.I,
)
# "We term this effect, ..., X", "a novel task termed referring reasoning": a coined term,
# which may be written in lower case.
_TERMS = re.compile(
    rf"\b(?i:{meaning.WE_NAME_IT})"
    r"|\b(?:termed|dubbed|coined|called|named)\s+(?:as\s+)?[\"“]?[a-z]"
    # "..., a process we term motion prompt expansion", "which we call X"
    r"|\b(?i:a|an|the|which|that)\s+(?:[\w-]+\s+){0,2}?we\s+(?:term|call|dub)\s+(?!for\b)[\"“]?[a-z]",
)
# "we introduce a novel model bge-en-icl": a name in lower case, hyphenated, after its kind.
_KIND_TERM = re.compile(
    rf"\b(?i:a|an)\s+(?i:novel|new)\s+(?P<kind>(?i:{meaning.KINDS}))\s+[a-z][a-z\d]*(?:-[a-z\d]+)+\b"
)
# "Which model repeatedly *identified* ...?": the thing asked for is the subject of the verb.
_SUBJECT_ASK = re.compile(
    r"\bwhich\s+(?:[\w-]+\s+){0,2}?(?P<kind>[\w-]+)\s+(?:\w+ly\s+)?"
    r"(?!(?:does|do|did|is|are|was|were|has|have|had|can|could|would|will)\b)"
    r"(?P<verb>\w+(?:ed|es|s))\b",
    re.I,
)
# "What is the component called that *translates* ...?": the same, after "called".
_CALLED_THAT = re.compile(
    r"\bcalled,?\s+(?:that|which)\s+(?:\w+ly\s+)?(?P<verb>\w+(?:es|s))\b", re.I
)
# "...: what is it called?" asks for the name of what the question's context describes.
_IT_CALLED = re.compile(r"\bwhat (?:is|are|was|were) (?:it|they|this|these)\s+called\b", re.I)
SUBJECT_BEFORE = 4  # tokens from a name to the ask's verb it is the subject of
_TESTBEDS = frozenset({"dataset", "benchmark"})  # kinds a paper is tested on
_CALLED = re.compile(r"\b(?:called|named|name)\b", re.I)
# Verbs that introduce a name the paper coins, and how many tokens the name may come after.
_COINING = frozenset(
    "propose proposes present presents introduce introduces dubbed called named termed".split()
)
COINED_AFTER = 4


# "What kind of iterative cycle was used ...?" is answered by the term the paper quotes before
# the noun: 'We utilized a "break-fix" cycle, ...'.
_KIND_ASK = re.compile(
    r"\bwhat (?:kind|type|sort) of (?:[\w-]+ ){0,2}?(?P<head>[a-z]{3,})"
    r"(?= (?:is|are|was|were|does|do|did|can|could|has|have)\b)",
    re.I,
)


def _quoted_before(sentence: str, head: str) -> bool:
    """A term in quotation marks stands right before ``head`` or its plural."""
    term = r"(?:\"[^\"]{2,40}\"|“[^”]{2,40}”|'[^']{2,40}')"
    return re.search(rf"{term}\s+{re.escape(head)}s?\b", sentence, re.I) is not None


# "What is that metric based on?" is answered by "a metric for LM similarity based on overlap
# in model mistakes", which names nothing.
_BASED_ON_ASK = re.compile(r"\bwhat (?:is|are|was|were) [^?]{1,80}? based on\s*\?", re.I)
_BASED_ON = re.compile(r"\bbased (?:up)?on (?P<what>(?:[\w-]+ ?){1,6})", re.I)


def _based_on_new(sentence: str, question: str) -> bool:
    """``sentence`` says what something is based on in words the question lacks."""
    asked = topic_words(question)
    return any(topic_words(m.group("what")) - asked for m in _BASED_ON.finditer(sentence))


def described_as(name: str, kinds: str = meaning.KINDS) -> re.Pattern[str]:
    """``name`` (as tokens cut it at a dot: "PixelRefer-2" of "PixelRefer-2.2M") called a kind:
    "X, a ... dataset", "X, which is an 8B-parameter MoE model"."""
    return re.compile(
        rf"(?<![\w-]){re.escape(name)}(?:\.\w+)*(?![\w-])"
        rf"(?:\s+|,?\s+(?:(?:which|that) )?(?:is|as)?\s*(?:a|an|the)\s+"
        rf"(?:[\w-]+,?\s+){{0,4}}?)(?P<kind>{kinds})\b",
        re.I,
    )


def holding(question: str, quotes: Sequence[Evidence], title: str = "") -> list[Evidence]:
    """The quotes holding what is asked for: a number the question lacks (one for each part
    asking for one, when some quote gives that many: ``counts_each``); a name beside the
    kind of thing asked ("the Uniform Phantom mechanism"), or failing that a new name that is
    not the paper's title's ("AI" of "Frontier AI Models" names no answer)."""
    if asked := _STANDS_FOR.search(question):
        return [q for q in quotes if spells_out(q.sentence, asked.group("acronym"))]
    termed = [q for q in quotes if _TERMS.search(q.sentence) or _KIND_TERM.search(q.sentence)]
    if _CALL_ASK.search(question) and termed:
        return termed
    if meaning.AUTHOR_QUESTION.search(question):
        return [q for q in quotes if _cites_new(q.sentence, question)]
    if _BASED_ON_ASK.search(question) and (
        based := [q for q in quotes if _based_on_new(q.sentence, question)]
    ):
        return based
    if (kind := _KIND_ASK.search(question)) and (
        quoted := [q for q in quotes if _quoted_before(q.sentence, kind.group("head"))]
    ):
        return quoted
    need = need_of(question)
    found = [q for q in quotes if need and _gives(q.sentence, question, need)]
    if "number" in need:
        found = [q for q in found if counts_each(q.sentence, question)] or found
        # "By how many *points* did ...?" is answered by "by 17.5 points", not "three models".
        if noun := counted_noun(question):
            found = [q for q in found if counts(q.sentence, noun, question)] or found
        # "... produces reasoning chains how much shorter than GRPO's?" is answered by "32.8%
        # shorter reasoning chains", not by "four thinking modes".
        if more := _HOW_MUCH_MORE.search(question):
            found = [q for q in found if _by_how_much(q.sentence, more.group("more"))] or found
        if YEAR_QUESTION.search(question):
            found = [q for q in found if YEAR.search(q.sentence)]
    if not need and TESTBED_ASK.search(question):
        return [q for q in quotes if tested_on(q.sentence) & _new_names(q.sentence, question)]
    return _naming(question, found, termed, title) if "name" in need else found


_COMPARATIVES = (
    "faster|slower|shorter|longer|smaller|larger|lower|higher|fewer|less|more|better|worse|"
    "cheaper|greater|bigger|wider"
)
_HOW_MUCH_MORE = re.compile(rf"\bhow much (?P<more>{_COMPARATIVES})\b", re.I)


def _by_how_much(sentence: str, comparative: str) -> bool:
    """A figure stands just before ``comparative``: "32.8% shorter", "2.1x faster"."""
    figure = r"\d[\d.,]*\s*(?:%|x\b|×|times\b)?"
    return re.search(rf"{figure}\s+(?:[\w-]+\s+)?{comparative}\b", sentence, re.I) is not None


def _gives(sentence: str, question: str, need: Need) -> bool:
    """``sentence`` gives what is asked (``satisfies``), or names the member of the family a
    "Which Pythia model ...?" asks for and gives the rest."""
    if satisfies(sentence, question, need, ""):
        return True
    return _names_member(sentence, question) and satisfies(sentence, question, need - {"name"}, "")


def _naming(
    question: str, found: list[Evidence], termed: list[Evidence], title: str
) -> list[Evidence]:
    """Of the quotes giving a new name (``found``), those naming what a name ask asks for: a
    name beside the asked kind (for a model, a name with its size), one the paper coins for a
    part of its own or introduces as asked; for "what is X called?", failing those, a coined
    term (``termed``) or any name that is neither the question's nor the title's."""
    if kind_termed := [q for q in termed if _names_kind_in_lower_case(q.sentence, question)]:
        return kind_termed
    beside = [
        q
        for q in found
        if names_the_kind(q.sentence, question)
        or _fills_slot(q.sentence, question)
        or _agent_of_verb(q.sentence, question)
        or _paired_with_given(q.sentence, question)
        or _names_member(q.sentence, question)
        or _sized_model(q.sentence, question)
    ]
    # "What mechanism does X use ...?" asks for a part of X's own: a name the paper coins.
    if not beside and (
        asks_own_kind(question) or USES_ASK.search(question) or _PROPOSES_ASK.search(question)
    ):
        beside = [q for q in found if coins_name(q.sentence, question)]
    if not beside and meaning.COINING_QUESTION.search(question):
        beside = [q for q in found if _introduces_name(q.sentence, question)]
    if beside or not _CALLED.search(question):
        return beside
    # "What is the task ... called?" with no name beside its kind: a term the paper coins,
    # which may be written in lower case ("a novel task termed referring reasoning").
    if termed:
        return termed
    given = meaning.given_words(question) | meaning.names(title)
    return [q for q in found if meaning.names(q.sentence) - given - _term_initials(q.sentence)]


def _names_kind_in_lower_case(sentence: str, question: str) -> bool:
    """``sentence`` names a thing of the asked kind in lower case: "we introduce a novel model
    bge-en-icl" for "What is the model it introduces called?"."""
    kinds = asked_kinds(question)
    return any(meaning.kind_of(m.group("kind")) in kinds for m in _KIND_TERM.finditer(sentence))


# "Which model ...?", "which larger mixture-of-experts model ...?", not "which classic model of
# rational choice ...?" nor a relative clause ("in which the base model's weights ...").
_MODEL_ASK = re.compile(
    r"(?<!\bin )(?<!\bof )(?<!\bby )\b(?:which|what)\s+(?:(?!(?:the|a|an)\b)[\w-]+\s+){0,2}"
    r"(?:models?|[LV]LMs?|MLLMs?|LMMs?)\b(?!\s+of\b)",
    re.I,
)
# A model's name with its size ("aya-vision-8b", "Qwen2.5-7B"): a model, whether or not the
# sentence says so.
_SIZED_MODEL_NAME = re.compile(SIZED_NAME + r"[BbMm]\b")


def _sized_model(sentence: str, question: str) -> bool:
    """A "which model ...?" ask, and ``sentence`` names a model with its size that the
    question does not: "while aya-vision-8b over-rely on text" answers "which model relies
    too heavily on text?"."""
    if not _MODEL_ASK.search(question):
        return False
    named = _SIZED_MODEL_NAME.findall(sentence)
    return any(name.lower() not in question.lower() for name in named)


# "Which Pythia model does X match?" asks for one member of a family the question names:
# "Pythia-6.9B", "Qwen2.5-7B", "Llama 3".
_FAMILY_ASK = re.compile(
    rf"\b(?:[Ww]hich|[Ww]hat)\s+(?P<family>[A-Z][A-Za-z]+)\s+(?:{meaning.KINDS}|version|variant)\b"
)


def _names_member(sentence: str, question: str) -> bool:
    """For "Which Pythia model ...?", ``sentence`` names a member of the family with its
    version or size ("Pythia-6.9B") that the question does not: "MUDDPythia-2.8B" is
    another name, and the question's own "Pythia" answers nothing."""
    asked = _FAMILY_ASK.search(question)
    if not asked:
        return False
    family = re.escape(asked.group("family"))
    members = re.findall(rf"(?<![\w-]){family}[-\s]?v?\d[\w.-]*", sentence)
    return any(m.rstrip(".").lower() not in question.lower() for m in members)


def _term_initials(sentence: str) -> set[str]:
    """Acronyms of lower-case terms ("the key-value (KV) cache"): a term abbreviated, not a
    name the paper gives ("Global Feature-guided Learning (GFL)" is one)."""
    words = meaning.tokens(sentence)
    toks = [t.lower() for t in words]
    return {
        toks[i]
        for i in range(len(toks))
        if words[i].isupper() and _abbreviates(toks, i) and words[i - 1].islower()
    }


def spells_out(sentence: str, acronym: str) -> bool:
    """``sentence`` gives the words ``acronym`` stands for: capitalised words just before it
    in brackets whose initials hold its letters in order ("Clipped Policy Gradient
    Optimization with Policy Drift (CPGD)")."""
    if f"({acronym}" not in sentence:
        return False
    words = meaning.tokens(sentence)
    for i in (i for i, w in enumerate(words) if w == acronym):
        initials = iter(
            w[0].lower() for w in words[max(0, i - SPELLED_WITHIN) : i] if w[:1].isupper()
        )
        if all(
            any(c == letter for c in initials) for letter in acronym.lower() if letter.isalpha()
        ):
            return True
    return False


def _introduces_name(sentence: str, question: str) -> bool:
    """For "X introduces which new task?": ``sentence`` says the question's verb and then a
    name the question lacks ("we introduce the task of Video Library Question Answering
    (VLQA)"), however many words describe it first."""
    verb = meaning.COINING_QUESTION.search(question)
    said = verb and re.search(rf"\b{verb.group('coins')}\w*\b", sentence, re.I)
    new = _new_names(sentence, question)
    after = meaning.tokens(sentence[said.end() :]) if said else []
    return any(_name_at(t, new) and t.lower().rstrip("s") not in COMMON_ACRONYMS for t in after)


def coins_name(sentence: str, question: str) -> bool:
    """``sentence`` introduces a name the question lacks and does not call it another kind
    than the one asked: "We present PRESTO, a relaxation of ...", "our method, dubbed
    SoftPromptComp, ..."; "we present CRAFT, a multi-agent *system*" names no benchmark."""
    kinds = asked_kinds(question)
    return any(_called_kinds(name, sentence) <= kinds for name in coined(sentence, question))


def coined(sentence: str, question: str) -> list[str]:
    """The names ``sentence`` introduces that the question lacks ("We present *PRESTO*, ...",
    "our method, dubbed *SoftPromptComp*"), as written."""
    new = _new_names(sentence, question)
    words = meaning.tokens(sentence)
    toks = [t.lower() for t in words]
    at_verb = [i for i, t in enumerate(toks) if t in _COINING]
    at_name = [
        i
        for i, t in enumerate(words)
        if _name_at(t, new) and not _abbreviates(toks, i) and not MODIFIER.search(t)
    ]
    return [words[n] for n in at_name if any(0 < n - v <= COINED_AFTER for v in at_verb)]


def _called_kinds(name: str, sentence: str, asked: Collection[str] = ()) -> set[str]:
    """The kinds ``sentence`` calls ``name`` ("CRAFT, a multi-agent red-teaming system"),
    among them an ``asked`` one no kind word names ("MMLU-Redux, which is a subset of ...")."""
    kinds = "|".join([meaning.KINDS, *(rf"{re.escape(k)}s?" for k in sorted(asked))])
    return {meaning.kind_of(m.group("kind")) for m in described_as(name, kinds).finditer(sentence)}


def counts_each(sentence: str, question: str) -> bool:
    """As many new numbers in ``sentence`` as the question has parts asking for one: "How
    many Gaussians ..., and how much memory does that GPU have?" wants two ("one billion
    Gaussians on a single 24 GB GPU"), which "at billion-primitive scale" alone is not. The
    digits of a name ("Qwen3-30B-A3B") count nothing."""
    measures = " ".join(w for w in sentence.split() if not _NAMED_NUMBER.search(w))
    if len(quantities(measures) - quantities(question)) < number_asks(question):
        return False
    # "How many cases ..., and how many models ...?" is not answered by "1,474 cases across
    # eight tasks": each part counting things needs its own count.
    counted = [(part, noun) for part in question_parts(question) if (noun := counted_noun(part))]
    return len(counted) < 2 or all(counts(sentence, noun, part) for part, noun in counted)


def names_the_kind(sentence: str, question: str) -> bool:
    """A new name of ``sentence`` stands just before a kind of thing the question's ask names
    ("the Uniform Phantom mechanism", "GA-MATR reinforcement learning framework") or just
    after it ("our method, Duo"); "mechanisms that satisfy PF" names no mechanism."""
    kinds = asked_kinds(question)
    new = _new_names(sentence, question)
    words = meaning.tokens(sentence)
    toks = [t.lower() for t in words]
    initials = _kind_initials(question)
    at_kind = [
        i for i, t in enumerate(toks) if meaning.kind_of(t) in kinds or _initialled(t, initials)
    ]
    spelled = _spelled_out(toks, new)
    at_name = [
        i
        for i, t in enumerate(words)
        if _name_at(t, new) and not _abbreviates(toks, i) and i not in spelled and i not in at_kind
    ]
    if any(_beside(k, n, toks) for k in at_kind for n in at_name):
        return True
    if any(_ends_in_kind(words[n], kinds) for n in at_name):
        return True
    if _subject_of_ask(toks, at_name, question):
        return True
    if _after_modifier(toks, at_name, question):
        return True
    # "SwimBird-SFT-92K, a diverse supervised fine-tuning dataset": an apposition says what
    # the name is, however many words describe it.
    if any(_called_kinds(words[n], sentence, kinds) & kinds for n in at_name):
        return True
    if _object_of_ask(toks, at_name, question):
        return True
    # "a high-quality synthetic dataset for video instruction-following, namely LLaVA-Video-178K"
    if any(_namely(words[n], sentence) & kinds for n in at_name):
        return True
    if any(_described_as_asked(words[n], sentence, question) for n in at_name):
        return True
    # "Experiments on WikiArt and Pandora18k ..." names the datasets asked about; "on
    # Spec-Bench" too, though its name parts are the new names.
    return bool(kinds & _TESTBEDS) and any(_name_at(t, new) for t in tested_on(sentence))


def _kind_initials(question: str) -> set[str]:
    """The initials of the asked kind with the words before it ("lvlm" and "vlm" of "Which
    large vision-language model ...?"): "LVLMs like BLIP-2" writes the kind so, and
    "(LLM/LVLMs)" names no one model."""
    words = [w for t in ask_head(ask_of(question)).split() for w in t.split("-") if w]
    if not words or not meaning.is_kind(words[-1]):
        return set()
    return {"".join(w[0] for w in words[i:]).lower() for i in range(len(words) - 1)}


def _initialled(token: str, initials: set[str]) -> bool:
    """The token writes the kind by its initials, alone or among others ("LLM/LVLMs")."""
    return bool(initials) and any(
        part.removesuffix("s") in initials for part in token.split("/") if part
    )


# A count of the kind ("Hulu-Med, Lingshu) on 20 out of 24 benchmarks"): the name before
# it is what was counted on them, not one of them; a name after it may be ("on two
# benchmarks, MMLU and GSM8K").
COUNT_REACH = 3  # tokens from a count to the kind it counts


def _beside(kind_at: int, name_at: int, toks: Sequence[str]) -> bool:
    """The name at ``name_at`` stands close enough to the kind at ``kind_at`` to name it, and
    not before a count of that kind."""
    if not -NAME_AFTER <= kind_at - name_at <= NAME_BEFORE:
        return False
    before = toks[max(0, kind_at - COUNT_REACH) : kind_at]
    counted = toks[kind_at].endswith("s") and any(quantities(t) for t in before)
    return not (counted and name_at < kind_at)


# "What learning technique does X propose to ...?" asks for what the paper coins.
_PROPOSES_ASK = re.compile(
    rf"\b(?:what|which)\s+(?:[\w-]+\s+){{0,3}}?(?:does|do|did)\s+(?:[\w.-]+\s+){{1,4}}?"
    rf"(?:{meaning.COINING_VERBS})\w*\b",
    re.I,
)
# "Recent work by Farquhar et al. (2024) proposes ...", "Dennett (1989), for instance, ...".
_CITES = re.compile(r"\b(?P<author>[A-Z][a-z]+)(?: et al\b\.?| \((?:19|20)\d\d\))")


def _cites_new(sentence: str, question: str) -> bool:
    """``sentence`` cites an author the question does not name: "Which author posed it?" is
    answered by "Dennett (1989) ... highlights the puzzle", a sentence naming no method."""
    return any(m.group("author") not in question for m in _CITES.finditer(sentence))


# "the W^+ space of which generative model ...?": the words before the question word, which
# the sentence should say just before the name ("the W^+ space of a StyleGAN2").
_SLOT_BEFORE_WH = re.compile(
    r"(?P<word>[\w-]+)\s+(?P<prep>of|on|in|from|by|with|upon|using|for)\s+(?:which|what)\s", re.I
)


def _fills_slot(sentence: str, question: str) -> bool:
    """A new name stands where the question's "<word> <preposition> which ..." puts its answer:
    "parameterizing the maps using the W^+ space of a StyleGAN2" answers "the W^+ space of
    which generative model is used to parameterize the maps?"."""
    new = _new_names(sentence, question)
    for slot in _SLOT_BEFORE_WH.finditer(question):
        said = rf"\b{re.escape(slot['word'])}\s+{slot['prep']}\s+(?:(?:a|an|the|its|their|our)\s+)?"
        filled = re.finditer(said + r"(?P<name>[\w.^+-]+)", sentence, re.I)
        if any(_name_at(found["name"].rstrip("."), new) for found in filled):
            return True
    return False


# "which model is named *alongside FLUX* as ...?": the answer is paired with a given name.
_ALONGSIDE = re.compile(
    r"\b(?:alongside|along with|together with|as well as|besides|in addition to)\s+"
    r"(?:(?:the|a|an)\s+)?(?P<given>[\w.-]+)",
    re.I,
)


def _paired_with_given(sentence: str, question: str) -> bool:
    """A new name joined by "and" to the name the question pairs its answer with, or listed
    with it (``_listed_with``): "Playground-v2 and FLUX consistently outperform" answers "which
    model is named alongside FLUX as consistently outperforming ...?"."""
    asked = _ALONGSIDE.search(question)
    if asked is None:
        return False
    given = re.escape(asked.group("given"))
    pairs = re.finditer(
        rf"(?P<a>[\w.-]+)\s+(?:and|&)\s+{given}\b|\b{given}\s+(?:and|&)\s+(?P<b>[\w.-]+)",
        sentence,
        re.I,
    )
    new = _new_names(sentence, question)
    if any(_name_at((m.group("a") or m.group("b")).rstrip(".,"), new) for m in pairs):
        return True
    return _listed_with(sentence, asked.group("given"), new)


# A list of names: "Adam, Shampoo and Prodigy", "GPT-4o, Claude 3, and Gemini".
_NAME_ITEM = r"[A-Z][\w.-]*(?:\s[A-Z0-9][\w.-]*)?"
_NAME_LIST = re.compile(rf"{_NAME_ITEM}(?:\s*,\s*{_NAME_ITEM})+,?\s+(?:and|&)\s+{_NAME_ITEM}")


def _listed_with(sentence: str, given: str, new: Collection[str]) -> bool:
    """A list of names holds ``given`` and a new name: "We select three such methods -- Adam,
    Shampoo and Prodigy" answers "Besides Adam and Shampoo, which third optimizer ...?"."""
    for listed in _NAME_LIST.finditer(sentence):
        names = [n.strip() for n in re.split(r",|\s(?:and|&)\s", listed.group(0)) if n.strip()]
        if any(n.lower() == given.lower() for n in names) and any(_name_at(n, new) for n in names):
            return True
    return False


# "What metric primarily *assesses* ...?": the verb after the asked kind.
_KIND_VERB = re.compile(
    rf"\b(?:what|which)\s+(?:[\w-]+\s+){{0,3}}?{meaning.KINDS}\s+(?:\w+ly\s+)?"
    r"(?P<verb>[a-z]{4,}?)(?:es|s)\b",
    re.I,
)


def _agent_of_verb(sentence: str, question: str) -> bool:
    """A new name is what does the asked kind's verb, in the passive: "Performance of models is
    primarily assessed using the F1-score" answers "what metric primarily assesses model
    performance?"."""
    asked = _KIND_VERB.search(question)
    if asked is None:
        return False
    said = rf"\b{re.escape(asked['verb'])}\w*\s+(?:using|with|by|via|through)\s+(?:the|a|an)?\s*"
    filled = re.finditer(said + r"(?P<name>[\w.^+-]+)", sentence, re.I)
    new = _new_names(sentence, question)
    return any(_name_at(found["name"].rstrip(".,"), new) for found in filled)


# "Agent" of "HostAgent", "Bench" of "MedIF-Bench"
_LAST_PART = re.compile(r"(?<=[a-z0-9-])[A-Z][a-z]+$")
_SHORT_KINDS = {"bench": "benchmark"}  # "MedIF-Bench" is a benchmark


def _ends_in_kind(name: str, kinds: Collection[str]) -> bool:
    """A joined name ending in the asked kind names a thing of that kind: "HostAgent" is an
    agent, "MedIF-Bench" a benchmark."""
    last = _LAST_PART.search(name)
    kind = meaning.kind_of(last.group(0)) if last else ""
    return bool(kind) and _SHORT_KINDS.get(kind, kind) in kinds


DESCRIBED_WORDS = 2  # words of the question's own an apposition must repeat to describe a name


def _described_as_asked(name: str, sentence: str, question: str) -> bool:
    """``name`` is set off by the question's own description of what it asks for: "We use
    NeoForce, a unified force-based tactile representation, to ..." answers "what is the
    unified force-based tactile representation it uses called?"."""
    # "X, a ..." (not "On X, the defender must ...", a clause of its own).
    pattern = rf"(?<![\w-]){re.escape(name)},\s+(?:a|an)\s+(?P<what>[^,.;:()]+)"
    it_called = _IT_CALLED.search(question)
    described = question if it_called else ask_of(question)
    asked, kinds = topic_words(described), asked_kinds(question)
    if it_called:  # "The embedder-adviser retrieval framework ...: what is it called?"
        kinds |= {meaning.kind_of(w) for w in WORD.findall(question) if meaning.is_kind(w)}
    for apposition in re.finditer(pattern, sentence):
        # The description up to its first word the ask lacks: "NDIF, a collaborative research
        # platform providing ..." for "What is the collaborative research platform called?".
        said = list(takewhile(lambda w: topic_words(w) <= asked, apposition.group("what").split()))
        # "CogOmniControl, a reasoning-driven framework ..." is the paper the question
        # describes, not the model it asks for.
        other_kind = any(meaning.is_kind(w) and meaning.kind_of(w) not in kinds for w in said)
        # An ask naming a kind ("What is the ... dataset built for the reasoning-switchable
        # MLLM called?") is described by that kind, not by the words of its context.
        of_kind = not kinds or any(meaning.kind_of(w) in kinds for w in said)
        if len(topic_words(" ".join(said))) >= DESCRIBED_WORDS and of_kind and not other_kind:
            return True
    return False


def _namely(name: str, sentence: str) -> set[str]:
    """The kind ``sentence`` names ``name`` after, however far: the last one before "namely X"
    ("an approach by creating a ... dataset ..., namely X" names a dataset) or "(i.e., X)"
    ("the most common LLVM's families (i.e., LLaVA)" names a family)."""
    named = re.search(rf",?\s+\(?(?:namely|dubbed|termed|i\.e\.,?)\s+{re.escape(name)}", sentence)
    if named is None:
        return set()
    before = meaning.KIND_WORD.findall(sentence[: named.start()])
    return {meaning.kind_of(before[-1])} if before else set()


def _spelled_out(toks: Sequence[str], new: Collection[str]) -> set[int]:
    """Where the words a common acronym spells stand ("Large Language Models (LLMs)"): they
    name the kind itself, no one thing of that kind; "the Epps-Pulley (EP) objective" is one."""
    spelled: set[int] = set()
    for at, tok in enumerate(toks):
        if tok.rstrip("s") in COMMON_ACRONYMS and tok in new and _abbreviates(toks, at):
            spelled |= set(range(max(0, at - len(tok.rstrip("s"))), at))
    return spelled


# "which *closed-source* model ...?": the words the question puts before its asked kind.
_KIND_MODIFIER = re.compile(
    rf"\b(?:which|what)\s+(?P<modifier>[\w-]{{4,}})\s+(?:[\w-]+\s+)?{meaning.KINDS}", re.I
)


def _after_modifier(toks: Sequence[str], at_name: Sequence[int], question: str) -> bool:
    """A new name just after the word the question qualifies its asked kind with: "the
    closed-source Runway Gen-3 Alpha" answers "which closed-source model ...?"."""
    asked = _KIND_MODIFIER.search(ask_of(question))
    modifier = asked.group("modifier").lower() if asked else None
    return any(n > 0 and toks[n - 1] == modifier for n in at_name)


def _subject_of_ask(toks: Sequence[str], at_name: Sequence[int], question: str) -> bool:
    """A new name just before the verb a "which <kind> <verb>s ...?" ask puts after its kind:
    "guided Gemini 2.5 Pro to repeatedly identify ..." answers "which model repeatedly
    identified ...?"."""
    ask = ask_of(question)
    asked = _SUBJECT_ASK.search(ask)
    if asked is None or not meaning.is_kind(asked.group("kind")):
        asked = _CALLED_THAT.search(ask)
    if asked is None:
        return False
    verb = topic_words(asked.group("verb"))
    at_verb = [i for i, t in enumerate(toks) if topic_words(t) & verb]
    return any(0 < v - n <= SUBJECT_BEFORE for v in at_verb for n in at_name)


def _new_names(sentence: str, question: str) -> set[str]:
    return meaning.new_names(sentence, question)


def _name_at(token: str, new: Collection[str]) -> bool:
    """The token is one of the ``new`` names, or a hyphenated name holding one: "Tool-R0"
    (whose name parts are "tool" and "r0"), "Gemini-1" (of "Gemini-1.5-Pro", cut at its
    dot); but "Vision-Language-Action" spells out words, with no digit or acronym in it."""
    numbered = any(c.isdigit() for c in token)
    capitalised = {p.lower() for p in token.split("-") if numbered and p[:1].isupper()}
    # "Epps-Pulley", whose parts are each a new name.
    parts = {p.lower() for p in token.split("-")}
    joined = len(parts) > 1 and parts <= set(new)
    return token.lower() in new or joined or bool((entities(token) | capitalised) & set(new))


def tested_on(text: str) -> set[str]:
    """The names ``text`` says something is tested on (lower case): "on WikiArt",
    "across GSM8K", "over the ProofWriter ..."."""
    listed = (_LIST_SEPARATOR.split(m.group(1)) for m in _TESTED_ON.finditer(text))
    return {name.lower() for names in listed for name in names if name}


def _object_of_ask(toks: Sequence[str], at_name: Sequence[int], question: str) -> bool:
    """A new name just after the verb the ask ends on: "outperforms pi_0" answers "which
    model does it outperform?", "Building upon veRL" answers "what framework does it build
    upon?", "built upon a Qwen2-VL-2B" answers "which base model is it built on?"."""
    ask = ask_of(question)
    verbs = topic_words(" ".join(_WH_VERB.findall(ask) + _PASSIVE_VERB.findall(ask)))
    at_verb = [i for i, t in enumerate(toks) if topic_words(t) & verbs]
    # "built upon a Qwen2-VL-2B": an article between is no word of the ask's
    articles = [i for i, t in enumerate(toks) if t in ("a", "an", "the")]
    return any(
        0 < n - v - sum(v < a < n for a in articles) <= OBJECT_AFTER
        for v in at_verb
        for n in at_name
    )


def _abbreviates(toks: Sequence[str], at: int) -> bool:
    """The name at ``at`` spells the initials of the words just before it: "large language
    models (LLMs)" and "Vision-Language-Action (VLA)" name the kind itself, no one thing of
    that kind."""
    letters = toks[at].rstrip("s")
    before = [w for t in toks[max(0, at - len(letters)) : at] for w in t.split("-") if w]
    return "".join(w[0] for w in before[-len(letters) :]) == letters
