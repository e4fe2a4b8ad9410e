"""The lead of a quote-led answer: the quoted words that answer the question, first.

A quote-led answer opens with the top paper's sentence that holds what is asked for. Two rules
decide which sentence that is, and how much of it is shown:

- focus: the question's topic words are weighted by how rare they are among the abstract's
  sentences. A word every sentence has ("self-distillation") names the topic; a word only one
  sentence has ("infinite", "optimal") pins the answer. Background sentences hold the former.
- parts: "What X ..., and which Y ...?" asks two things. When no single quote answers both, the
  lead quotes the span answering each part, side by side in one sentence.
- restatement: a question that describes the paper instead of naming it ("How does the fully
  automated framework for ... synthesize diverse trajectories?") shares most words with the
  sentence introducing the paper ("we introduce ASTRA, a fully automated framework for ...").
  That sentence leads only when it holds what is asked; else the quote holding the question's
  words it lacks ("... synthesizes diverse, structurally grounded trajectories") does.

Focus counts the noun asked about ("which fusion *strategy*") twice, and the question's words
that are the paper's title ("the Large Continual Instruction Assistant") as context. The lead
is chosen among all the top paper's sentences, not only the quotes; a lead that continues the
sentence before it ("Then, we ...", "We use the latter ...") is quoted after that sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

from assistant.names import spelled, title_name
from assistant.pipeline import meaning
from assistant.pipeline.ask import (
    HOW_ASK,
    TESTBED_ASK,
    USES_ASK,
    ask_of,
    ask_start,
    asked_head,
    asks_means_of_kind,
    measured,
    number_asks,
    question_parts,
    words_of,
)
from assistant.pipeline.background import (
    INTRODUCES,
    MEANS,
    PURPOSE_FIRST,
    answers_problem,
    background,
    states_problem,
    with_antecedents,
    without_aim,
)
from assistant.pipeline.evidence import (
    answer_span,
    counted_noun,
    counts,
    need_of,
    quantities,
    satisfies,
)
from assistant.pipeline.holds import coined, counts_each, described_as, holding
from assistant.pipeline.text import WORD, entities, numbers, topic_words
from assistant.pipeline.types import Evidence

CONTEXT_WEIGHT = 0.25
# "Besides X, which ...?", "... other than X?": the question names X to leave it out, so a
# sentence holding only X ("LMs implement retrieval via a positional mechanism") answers
# nothing; X's words count only outside X ("supplement X with a lexical mechanism").
_EXCLUDED = re.compile(
    r"\b(?:besides|other than|apart from|aside from|except(?:\s+for)?|in addition to)\s+"
    r"(?:(?:the|a|an|its|their)\s+)?(?P<x>(?:[\w-]+\s+){0,4}?[\w-]+)"
    r"(?=\s*(?:[,?;.]|$)|\s+(?:what|which|how|who|does|do|did|is|are|can)\b)",
    re.I,
)
# The noun the question asks about ("which fusion *strategy*", "what *mechanism* makes ...")
# counts this many times its rarity weight: the sentence naming it says what it is.
HEAD_WEIGHT = 2.0
_COINING_ASK = re.compile(rf"\b(?:{meaning.COINING_VERBS})\w*", re.I)
# "instead of X" in a question, "without relying on X" in the sentence it restates.
_INSTEAD = re.compile(
    r"\b(?:instead of|rather than|without)\s+(?:(?:relying on|using|requiring)\s+)?"
    r"(?P<x>(?:[\w-]+\s*){1,5})",
    re.I,
)
# "instead of X" in a question: X is what the answer replaces, up to a preposition or clause.
_REPLACED = re.compile(
    r"\b(?:instead of|rather than|in place of)\s+"
    r"(?P<x>(?:(?!(?:to|for|in|on|with|and|or|while|when|that)\b)[\w-]+\s*){1,4})",
    re.I,
)
# What a sentence sets aside: "rather than expanding their width", "without relying on X",
# "is not determined by the overall size of the class, but rather by ...", "replaces X with".
_SETS_ASIDE = re.compile(
    r"\b(?:instead of|rather than|without|not|unlike|in place of|replac\w*)\s+"
    r"(?P<x>(?:[\w-]+\s*){1,8})",
    re.I,
)
MEANS_BOOST = 1.5
MEANS_AFTER_WORDS = 6  # words before "through ..." that must hold one of the question's
PURPOSE_WORDS = 2  # words of the question the purpose must hold ("To achieve this," holds none)
RECURRING = 2  # sentences naming the method that make its name the paper's subject
# A sentence that says this many times more of the ask than every sentence holding a name
# answers a "what strategy ..." question even when its answer is no name ("a
# focus-by-predicting strategy that ...").
FOCUS_OVER_NAME = 2.0
BACKGROUND_YIELD = 0.5  # share of a background lead's focus another sentence needs to lead
# The focus on the question's words a sentence introducing the paper lacks that another quote
# needs to answer in its place: about one rare word of the ask.
RESIDUAL_MIN = 1.0
# A sentence whose words are at least this share of the question's, and at least this many,
# only restates how the question describes the paper.
ECHO_SHARE = 0.8
ECHO_WORDS = 5
# "The paper arguing that ...", "The report that ranks ...": a question describing the paper
# by what it says or does, before asking its own thing.
_DESCRIBES_PAPER = re.compile(
    r"\b(?:the|a) (?:paper|work|study|report|article) (?:that|which|whose|where|in which"
    r"|arguing|showing|proposing|introducing|presenting|claiming|finding)\b",
    re.I,
)


def focus(sentence: str, question: str, sentences: Sequence[str]) -> float:
    """The question's topic words in ``sentence``, each weighted by its rarity among the
    abstract's ``sentences`` (``word_weights``)."""
    return _focused(sentence, word_weights(question, sentences))


def word_weights(question: str, sentences: Sequence[str], title: str = "") -> dict[str, float]:
    """Each topic word of the question that the abstract holds, weighted log(1 + n/df) (df
    counted over its ``sentences``). Words of the ask itself count fully; words of the
    context around it ("In the kernel regression analysis of ..., what ...?"), the words
    of the paper's ``title`` (they name the paper every sentence is about) and a kind word
    that describes the paper ("in the Stand-In *framework*") count a quarter, since setup
    sentences hold those; the noun asked about (``asked_head``) counts HEAD_WEIGHT times; the
    noun a "how accurate" ask measures ("accuracy", ``measured``) is a word of the ask.
    Words only of what the question leaves out ("Besides the *positional* mechanism, ...")
    count nothing. The decimals the question quotes count as words of the ask."""
    asked = words_of(question) | measured(question)
    head = asked_head(question)
    df = Counter(w for s in sentences for w in words_of(s) & asked)
    ask = words_of(ask_of(question)) | measured(question)
    ask -= words_of(title) | (_subject_kinds(question, title) - {head})
    ask -= _recurring_names(question, df)
    left_out = words_of(" ".join(_excluded(question))) - words_of(
        without_excluded(question, question)
    )
    n = max(1, len(sentences))
    weights = {
        w: math.log(1 + n / d)
        * (1.0 if w in ask else CONTEXT_WEIGHT)
        * (HEAD_WEIGHT if w == head else 1.0)
        for w, d in df.items()
        if w not in left_out
    }
    return weights | _anchor_weights(question, sentences)


_RESOLUTION = re.compile(r"\b(\d{2,4})\s*(?:x|×|\\times)\s*(\d{2,4})\b")
_VARIANT = re.compile(r"\b[A-Z][A-Za-z]{0,2}/\d{1,2}\b")  # a ViT size and patch: "H/16", "B/16"


def _anchor_weights(question: str, sentences: Sequence[str]) -> dict[str, float]:
    """The decimals and resolutions the question quotes from the abstract ("falling from 76.4%
    ... to 50.9%": which method?), weighted as words of the ask: they pin the sentence as a
    name would."""
    df = Counter(a for s in sentences for a in _anchors(s) & _anchors(question))
    return {a: math.log(1 + max(1, len(sentences)) / d) for a, d in df.items()}


def _anchors(text: str) -> set[str]:
    """The decimals of ``text``, its resolutions ("on the ImageNet 256 x 256 benchmark" asks
    about the sentence at 256 x 256, not the one at 512 x 512) and its model variants ("its
    H/16 variant" asks about "PixelREPA-H/16", not "JiT-B/16")."""
    sizes = {"#{}x{}".format(*m) for m in _RESOLUTION.findall(text)}
    variants = {f"#{v.lower()}" for v in _VARIANT.findall(text)}
    return {f"#{n}" for n in numbers(text) if "." in n} | sizes | variants


def _recurring_names(question: str, df: Counter[str]) -> set[str]:
    """The words of the question's names that several sentences of the abstract hold: the
    paper's own method ("What fraction of tokens does GlimpsePrune prune?"), not the answer."""
    named = words_of(" ".join(meaning.names(question)))
    return {w for w in named if df[w] >= RECURRING}


def _subject_kinds(text: str, title: str) -> set[str]:
    """The stems of kind words in ``text`` that only describe the paper itself: each time
    they occur, they follow its name ("the Stand-In framework") or stand in an apposition to
    it ("SimpleVLA-RL, an efficient RL framework", "X is a simple method")."""
    names = _subject_names(title)
    spans = [m.span("kind") for name in names for m in described_as(name).finditer(text)]
    describing: dict[str, bool] = {}
    for kind in meaning.KIND_WORD.finditer(text):
        for stem in topic_words(kind.group(0)):
            describing[stem] = describing.get(stem, True) and kind.span() in spans
    return {stem for stem, only in describing.items() if only}


def _subject_names(title: str) -> set[str]:
    """The paper's names: the title's short head before a colon, and the names it holds."""
    name = title_name(title)
    return ({name} if name else set()) | {n for n in entities(title) if len(n) > 1}


def _focused(sentence: str, weights: dict[str, float]) -> float:
    said = words_of(sentence, weights.keys()) | _anchors(sentence)
    return sum(weights[w] for w in sorted(said & weights.keys()))


def best_quote(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> Evidence:
    """The quote answering ``question`` (``_best_quote``); when that one only states the
    problem the question asks about (``states_problem``), the sentence after it that answers
    it (``answers_problem``): "To address this, we ... by ...", "We find that ... because ..."."""
    chosen = _best_quote(question, quotes, sentences, title)
    chosen = _counted_list(question, chosen, quotes, sentences, title)
    if not states_problem(chosen.sentence, question) or chosen.sentence not in sentences:
        return chosen
    at = sentences.index(chosen.sentence) + 1
    remedy = [q for q in quotes if at < len(sentences) and q.sentence == sentences[at]]
    return remedy[0] if remedy and answers_problem(remedy[0].sentence, question) else chosen


def _best_quote(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> Evidence:
    """The quote that holds what ``question`` asks for (``holding``), the most focused first;
    with none holding it, or one far more focused on the ask that names the kind asked
    about, the most focused quote."""
    weights = word_weights(question, sentences, title)
    quotes = after_introduction(question, quotes, sentences)
    abstract, asked = " ".join(sentences), words_of(ask_of(question)) - words_of(title)

    def score(quote: Evidence) -> float:
        return lead_score(glossed(quote.sentence, abstract, asked), question, weights, title)

    pool = holding(question, quotes, title)
    # Of equally focused quotes, the one saying the ask's words as it does ("encoding motion
    # with ..." for "what does it encode motion with?", not "... an encoder-decoder").
    best = max(quotes, key=lambda q: (score(q), _shared_pairs(q.sentence, question)))
    if not pool:
        best = _giving_kind(question, quotes, best, score)
        return past_restatement(best, question, quotes, weights, title)
    named = _not_background_lead(max(pool, key=score), pool, score)
    # A named sentence sharing no word with the ask ("Experiments on WikiArt ...") still wins.
    far_more = 0 < FOCUS_OVER_NAME * score(named) <= score(best)
    # ... as does one holding the decimals the question quotes ("falling from 76.4% ...").
    anchored = _anchors(best.sentence) & _anchors(question)
    if far_more and (asked_head(question) in words_of(best.sentence) or anchored):
        return best
    # A background sentence holding a name ("SSMs have emerged as efficient alternatives to
    # Transformers") gives way to the paper's own far more focused one ("we propose
    # state-based methods as a superior alternative to prompt-based methods").
    if far_more and background(named.sentence) and not background(best.sentence):
        return past_restatement(best, question, quotes, weights, title)
    return past_restatement(named, question, pool, weights, title)


# "Which two games ...?", "What three stages ...?": the answer joins that many things.
_COUNT_ASK = re.compile(r"\b(?:which|what)\s+(?:two|three|four|five)\b", re.I)
# A sentence that joins or enumerates things: "X and Y", "combines X with Y", "(1) ... (2)",
# "two metrics: ...".
_JOINS = re.compile(r"\b(?:and|or|both|with|versus)\b|\(\s*(?:\d|i{1,3}|[a-c])\s*\)|\b\d\)|:", re.I)
# "X and Y" joining two things, not two clauses ("... and achieve ...").
_JOINED_THINGS = re.compile(
    r"\b(?:and|or)\s+(?!(?:achieve|show|find|propose|introduce|demonstrate|present|use|develop"
    r"|design|conduct|evaluate|reveal|then)\w*)",
    re.I,
)
COUNT_YIELD = 0.25  # share of the lead's focus a quote joining things needs to lead instead


def _counted_list(
    question: str,
    chosen: Evidence,
    quotes: Sequence[Evidence],
    sentences: Sequence[str],
    title: str,
) -> Evidence:
    """For "which two X ...?", a lead that joins nothing ("Here, we investigate ... in two
    recently released, open-source VLMs") gives way to the most focused quote joining two
    things ("Llama 3.2 Vision Instruct (11B) and Molmo 7B-D both prefer ..."), when that one
    has COUNT_YIELD of its focus; a background quote never leads."""
    if not _COUNT_ASK.search(question) or _JOINS.search(chosen.sentence):
        return chosen
    weights = word_weights(question, sentences, title)

    def score(quote: Evidence) -> float:
        return lead_score(quote.sentence, question, weights)

    joined = [q for q in quotes if _JOINED_THINGS.search(q.sentence)]
    other = max((q for q in joined if not background(q.sentence)), key=score, default=chosen)
    return other if score(other) >= COUNT_YIELD * score(chosen) > 0 else chosen


def _not_background_lead(
    chosen: Evidence, quotes: Sequence[Evidence], score: Callable[[Evidence], float]
) -> Evidence:
    """``chosen``, unless it is background ("Recent VLA models ... expose the teacher model to
    the logged trajectory") and another of ``quotes`` at BACKGROUND_YIELD of its focus on the
    ask says what the paper does or finds ("We empirically show that this induces trajectory
    anchoring bias")."""
    if not background(chosen.sentence):
        return chosen
    other = max((q for q in quotes if not background(q.sentence)), key=score, default=chosen)
    return other if score(other) >= BACKGROUND_YIELD * score(chosen) > 0 else chosen


_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")


def glossed(sentence: str, abstract: str, asked: set[str]) -> str:
    """``sentence`` with the ``asked`` words each of its acronyms stands for in the
    ``abstract``: "using Qwen2.5-1.5B Math with ORM achieves 35.8" speaks of the "Outcome
    Reward Modeling (ORM)" a question names in full. Words of the paper's own name ("MCE" of
    "In Monadic Context Engineering, which ...?") are no ask's."""
    acronyms = sorted(set(_ACRONYM.findall(sentence)))
    meant = [w for acronym in acronyms for w in sorted(_spelled_in(acronym, abstract))]
    return " ".join([sentence, *(w for w in meant if words_of(w) & asked)])


@lru_cache(maxsize=4096)
def _spelled_in(acronym: str, abstract: str) -> frozenset[str]:
    return frozenset(spelled(acronym, abstract) - {acronym.lower()})


def _shared_pairs(sentence: str, question: str) -> int:
    """How many pairs of adjacent topic words of the question's ask ``sentence`` holds."""
    return len(_pairs(ask_of(question)) & _pairs(sentence))


def _pairs(text: str) -> set[tuple[str, str]]:
    said = [min(words) for token in WORD.findall(text) if (words := topic_words(token))]
    return set(pairwise(said))


def _giving_kind(
    question: str, quotes: Sequence[Evidence], best: Evidence, score: Callable[[Evidence], float]
) -> Evidence:
    """With no quote naming the asked kind (``holding``), the most focused quote may be
    background in the question's words ("Long-context retrieval remains hard for current
    models"): for a name ask ("Which model reaches ...?") a quote giving some new name
    ("Qwen3-8B is best, at 91.2%") leads in its place, what is asked outweighing how many of
    its words a sentence repeats; else the paper's own sentence at BACKGROUND_YIELD of its
    focus. A lead that is not background stays: any capitalised word is a "name"."""
    if not background(best.sentence):
        return best
    need = need_of(question)
    if "name" in need and not satisfies(best.sentence, question, need, ""):
        giving = [q for q in quotes if score(q) > 0 and satisfies(q.sentence, question, need, "")]
        best = max(giving, key=score, default=best)
    # Background ("Evaluating X is essential, and what it should cover remains unclear") gives
    # way to a sentence on what the paper does that is about as focused on the ask.
    return _not_background_lead(best, quotes, score)


def after_introduction(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str]
) -> Sequence[Evidence]:
    """For "how does <the paper's method> ...?", the quotes from the sentence introducing the
    paper on: the setup before it tells how earlier work does it ("LoRA augments the weights
    by adding the product of two smaller matrices" for "How does the low-rank adaptation method
    that removes inter-matrix scale conflicts form its weight update?"). The paper is
    introduced by its first sentence that coins a name or says "we develop ...": a name
    coined later ("we propose a Sparse-To-Dense Distillation approach") is one step of the
    work, and the steps before it ("we identify high-quality keymasks by ...") may answer."""
    if not HOW_ASK.search(question):
        return quotes
    at = [i for i, s in enumerate(sentences) if coined(s, question) or INTRODUCES.search(s)]
    later = [q for q in quotes if at and q.sentence in sentences[at[0] :]]
    return later or quotes


def past_restatement(
    chosen: Evidence,
    question: str,
    quotes: Sequence[Evidence],
    weights: dict[str, float],
    title: str = "",
) -> Evidence:
    """The quote answering what ``chosen`` leaves out, when ``chosen`` only introduces the
    paper in the words the question describes it with ("we introduce ASTRA, a fully automated
    framework for ..." for "How does the fully automated framework for ... synthesize diverse
    trajectories?"): the ask is then the question's words it lacks ("synthesize diverse
    trajectories"), and the quote most focused on them (saying by what means, for a "how"
    question) answers. ``chosen`` stays when no other quote holds RESIDUAL_MIN of them. A
    "how" question's ``chosen`` that says no means gives way the same way to a quote saying by
    what means it does what ``chosen`` lacks ("This design removes inter-matrix scale
    conflicts" for "How does the method that removes inter-matrix scale conflicts form its
    weight update?")."""
    how = bool(HOW_ASK.search(question))
    plain = asks_means_of_kind(question) and not _says_means(chosen.sentence, weights)
    introduces = (
        coined(chosen.sentence, question)
        or restates_asked(chosen.sentence, question)
        or echoes(chosen.sentence, question)
    )
    if not (introduces or plain) or _answers_ask(chosen.sentence, question, title):
        return chosen
    held = _held(chosen.sentence, question)
    uses = USES_ASK.search(question)
    held |= words_of(uses.group("verb")) if uses else set()
    # What is left of the ask, not of the context before it ("A paper ..., where simply
    # expanding the codebook causes training instability. Into what does it decompose ...?").
    asked = words_of(ask_of(question))
    rest = {w: v for w, v in weights.items() if w not in held and w in asked}

    def rank(quote: Evidence) -> tuple[bool, float]:
        score = lead_score(quote.sentence, question, rest, title)
        # In place of a lead saying no means, any quote saying one on a word it lacks answers.
        enough = score >= RESIDUAL_MIN or (not introduces and score > 0)
        return enough and how and _says_means(quote.sentence, rest), score

    # Background ("However, existing methods fall into a trap ...") never answers in its place.
    others = [q for q in quotes if q is not chosen and not background(q.sentence)]
    answer = max(others, key=rank, default=chosen)
    found, score = rank(answer)
    answers = score >= RESIDUAL_MIN if introduces else found
    if answers or not (introduces and uses):
        return answer if answers else chosen
    return _what_it_uses(chosen, question, others, weights, title)


def _what_it_uses(
    chosen: Evidence,
    question: str,
    others: Sequence[Evidence],
    weights: dict[str, float],
    title: str,
) -> Evidence:
    """For "What does CARE use to ...?", the sentence saying what the named thing uses ("CARE
    leverages the original training set ..."), though it shares no word of the ask that the
    restatement lacks; ``chosen`` when none does."""
    named = words_of(" ".join(meaning.names(question)))
    means = [q for q in others if _says_means(q.sentence, {w: 1.0 for w in named})]
    return max(
        means, key=lambda q: lead_score(q.sentence, question, weights, title), default=chosen
    )


def _held(sentence: str, question: str) -> set[str]:
    """The words of ``sentence`` ("tool-augmented" holds "tool" and "augmented" too), and the
    question's words its acronyms spell ("ESC" holds "emotional support conversation")."""
    spelt = [w for name in entities(sentence) for w in spelled(name, question)]
    return words_of(sentence) | words_of(" ".join(spelt))


def restates_asked(sentence: str, question: str) -> bool:
    """``sentence`` introduces the paper's work by a name the question already asks about,
    saying what it does without as the question says what it does instead of: "we propose
    CARE, a framework that strengthens reasoning without relying on synthetic data" restates
    "What does CARE build on to strengthen reasoning, instead of synthetic data?"."""
    if not (INTRODUCES.search(sentence) and meaning.names(sentence) & meaning.names(question)):
        return False
    asked, said = _INSTEAD.search(question), _INSTEAD.search(sentence)
    return bool(asked and said and topic_words(asked.group("x")) & topic_words(said.group("x")))


def echoes(sentence: str, question: str) -> bool:
    """``sentence`` says little beyond the question's own description of the paper: "we show
    that using partially-annotated datasets in evaluation can paint a distorted picture" for
    "The paper arguing that evaluating ... on partially-annotated datasets can paint a
    distorted picture curates its evaluation set from which source?"."""
    if not _DESCRIBES_PAPER.search(question):
        return False  # "How does Tidewalk turn its cache into ...?" asks what its words say
    said = words_of(sentence)
    return len(said) >= ECHO_WORDS and len(said & words_of(question)) >= ECHO_SHARE * len(said)


def lead_score(sentence: str, question: str, weights: dict[str, float], title: str = "") -> float:
    """How well ``sentence`` answers: its focus on the ask (``word_weights``), without the
    asked noun where it only describes the paper itself ("SimpleVLA-RL, an efficient RL
    *framework*" does not answer "What RL framework does SimpleVLA-RL build upon?"), and
    MEANS_BOOST times for a "how does ..." question when it says by what means."""
    head = asked_head(question)
    if head and head in _subject_kinds(sentence, title):
        weights = {w: v for w, v in weights.items() if w != head}
    weights = _without_replaced(sentence, question, weights)
    sentence = without_excluded(sentence, question)
    score = _focused(sentence, weights)
    means = HOW_ASK.search(question) and _says_means(sentence, weights)
    return score * MEANS_BOOST if means else score


def _without_replaced(sentence: str, question: str, weights: dict[str, float]) -> dict[str, float]:
    """``weights`` less the words of what the question says the answer replaces ("What does it
    do with the hidden state *instead of expanding its width*?"), unless ``sentence`` sets
    them aside too ("divides hidden states into parts rather than expanding their width"): a
    sentence holding them plainly tells what is replaced ("Hyper-Connections increase memory
    access costs by expanding the width of hidden states")."""
    asked = _REPLACED.search(question)
    replaced = words_of(asked.group("x")) if asked else set()
    aside = (words_of(said.group("x")) for said in _SETS_ASIDE.finditer(sentence))
    if not replaced or any(words & replaced for words in aside):
        return weights
    return {w: v for w, v in weights.items() if w not in replaced}


def without_excluded(sentence: str, question: str) -> str:
    """``sentence`` less each mention of what the question leaves out (``_EXCLUDED``: "the
    positional mechanism" of "Besides the positional mechanism, which ...?"), however its
    words end ("positional mechanisms")."""
    for left_out in _excluded(question):
        words = left_out.split()
        mention = r"[\s-]+".join(rf"{re.escape(w.rstrip('s'))}\w*" for w in words)
        sentence = re.sub(rf"\b{mention}\b", " ", sentence, flags=re.I)
    return sentence


def _excluded(question: str) -> list[str]:
    return [found.group("x") for found in _EXCLUDED.finditer(question)]


def _says_means(sentence: str, weights: dict[str, float]) -> bool:
    """A means ("through A", "by training B") right after words of the question: "Identity
    control is achieved through ...", not "a strategy for correcting errors by aligning ...";
    or opening a sentence that holds words of the question; or a purpose in the question's
    words opening the sentence, whose main clause is the means (``background.PURPOSE_FIRST``)."""
    aim = PURPOSE_FIRST.match(sentence)
    if aim and len(words_of(aim.group("aim"), weights.keys()) & weights.keys()) >= PURPOSE_WORDS:
        return True
    for means in MEANS.finditer(sentence):
        before = " ".join(sentence[: means.start()].split()[-MEANS_AFTER_WORDS:])
        if words_of(before, weights.keys()) & weights.keys():
            return True
        # "By grouping similar frames before splitting, the method ...": an opening means
        # tells how the main clause after it is done.
        if not WORD.search(before) and words_of(sentence, weights.keys()) & weights.keys():
            return True
    return False


def _answers_ask(sentence: str, question: str, title: str) -> bool:
    """A sentence introducing the paper still answers when the question asks what is
    introduced, or the sentence holds the number or name asked for ("we propose the
    Real5-OmniDocBench benchmark") or the noun asked about ("evaluates LLMs across three
    *dimensions*: ...")."""
    head = asked_head(question)
    # "What method does the paper ... introduce?", "Which papers propose ...?"; but "What
    # *distillation* is introduced with the framework that ...?" asks for another thing.
    if _COINING_ASK.search(question) and (head is None or head in words_of(sentence)):
        return True
    if _coins_asked_name(sentence, question):
        return True
    said = [Evidence(0, "", sentence, 0.0)]
    return bool(holding(question, said, title)) or (head is not None and head in words_of(sentence))


def _coins_asked_name(sentence: str, question: str) -> bool:
    """A name ask that describes no paper before its question word ("Which two metrics does
    ReLearn's evaluation framework introduce to measure ...?") is answered by the names a
    sentence coins ("This framework introduces Knowledge Forgetting Rate (KFR) and ..."),
    though the sentence lacks the asked kind's word. With a description before the ask ("The
    benchmark of 83 papers ...: which model ...?"), the coined name may be the described
    paper's own, and a sentence restating the question names the paper, not the answer."""
    if not meaning.asks_for_name(question) or not coined(sentence, question):
        return False
    # A preposition may lead the question word: "In which formal language ...?".
    bare = len(question[: ask_start(question)].split()) <= 1
    return bare and not restates_asked(sentence, question) and not echoes(sentence, question)


def _numbers_beyond(sentence: str, lead: str, question: str) -> bool:
    """``sentence`` gives a number that neither ``lead`` nor the question holds."""
    return bool(quantities(sentence) - quantities(lead) - quantities(question))


def lead_quotes(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> list[Evidence]:
    """One quote; or, for a two-part question that no single quote answers, the quote that
    answers each part, in the question's order. A quote that continues the sentence before it
    ("Then, we ...", "We use the latter ...") is led by that sentence."""
    return with_antecedents(_answering(question, quotes, sentences, title), sentences, question)


def _answering(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str
) -> list[Evidence]:
    first = best_quote(question, quotes, sentences, title)
    parts = question_parts(question)
    if len(parts) == 1:
        return [first]
    # A background quote ("what a benchmark should cover remains unclear" for "What is X and
    # what does it cover?") shares a part's words, not its answer: a part's own sentence
    # ("We present X, a benchmark ...") leads in its place.
    by_part = [best_quote(p, quotes, sentences, title) for p in parts]
    own = [b for b in by_part if not background(b.sentence)]
    if own and background(first.sentence):
        first = own[0]
    by_part = _own_best(parts, by_part, quotes, sentences, title)
    answered = [
        _answers_part(first, p, b, sentences, title) for p, b in zip(parts, by_part, strict=True)
    ]
    # Enough numbers answer each number ask, unless a part's own quote gives its number:
    # "FID 54.1 vs. 80.8" holds three numbers but not the MBPP score another sentence gives.
    told_elsewhere = any(
        not ok and holding(p, [b], title) and _numbers_beyond(b.sentence, first.sentence, question)
        for p, b, ok in zip(parts, by_part, answered, strict=True)
    )
    counted = number_asks(question) > 1 and counts_each(first.sentence, question)
    if all(answered) or (counted and not told_elsewhere):
        return [first]
    return [by_part[0]] if by_part[0] is by_part[1] else by_part


def _own_best(
    parts: Sequence[str],
    by_part: Sequence[Evidence],
    quotes: Sequence[Evidence],
    sentences: Sequence[str],
    title: str,
) -> list[Evidence]:
    """Each part's best quote, or when that is background, the part's best of the paper's own
    sentences: a part's words alone ("what is the benchmark called?") may fit the background
    best ("Despite recent advances ... on standard benchmarks"), and the paper's sentence
    answers it ("Finally, we present MBench, a hierarchical benchmark ..."). With no own
    sentence, every quote is background and the part keeps its best."""
    fore = [q for q in quotes if not background(q.sentence)]
    return [
        best_quote(p, fore, sentences, title) if background(b.sentence) and fore else b
        for p, b in zip(parts, by_part, strict=True)
    ]


def answers_each_part(sentence: str, question: str, title: str = "") -> bool:
    """A sentence leading a two-part question holds what each part asks for (``holding``):
    "SNR weights the denoisers" answers the second part of "What regularization scheme ...,
    and what quantity weights the denoisers?", not the first."""
    parts = question_parts(question)
    said = [Evidence(0, "", sentence, 0.0)]
    return len(parts) == 1 or all(not need_of(p) or holding(p, said, title) for p in parts)


def _answers_part(
    quote: Evidence, part: str, best: Evidence, sentences: Sequence[str], title: str
) -> bool:
    """The quote is the part's best, or holds the part's ask and is as focused on it."""
    if quote is best:
        return True
    if holding(part, [best], title) and not holding(part, [quote], title):
        return False
    # "how many models ...?" is not answered by "1,474 cases across eight tasks" when the
    # part's best gives its count ("Evaluation of 20 representative models ...").
    noun = counted_noun(part)
    if noun and counts(best.sentence, noun, part) and not counts(quote.sentence, noun, part):
        return False
    weights = word_weights(part, sentences, title)
    said, other = (lead_score(q.sentence, part, weights, title) for q in (quote, best))
    return said >= other


def lacking(text: str, question: str) -> list[str]:
    """The parts of ``question`` asking for a number or a name that ``text`` does not give, or
    for what something is tested on ("On which environments ...?") that it does not name."""
    said = [Evidence(0, "", text, 0.0)]
    return [
        part
        for part in question_parts(question)
        if ((need := need_of(part)) and not satisfies(text, part, need, ""))
        or (not need and TESTBED_ASK.search(part) and not holding(part, said))
    ]


def lead_spans(question: str, sentences: Sequence[str]) -> list[str]:
    """The shown span of each lead sentence (already cleaned for display). A single lead is
    cut to the clauses that answer the question; the two quotes of a two-part lead are shown
    whole, since a part's own words are too few to tell which clause holds its answer. A
    purpose clause pointing back at a sentence not shown ("To address this challenge, ") is
    cut: "…we propose X" reads alone."""
    spans = [without_aim(s, question) for s in sentences]
    if len(spans) == 1:
        cut = answer_span(spans[0].removeprefix("…"), question, need_of(question))
        return [cut if cut.startswith("…") or spans[0] == sentences[0] else "…" + cut]
    return spans


def tells_means(text: str, question: str) -> bool:
    """For a "how does X ...?" ask, ``text`` says by what means, right after words of the ask
    (``_says_means``): "We compress primitives into a grid using an autoencoder" tells how
    primitives become tokens, and a quote after it adds nothing to that part."""
    weights = word_weights(question, [text])
    return bool(HOW_ASK.search(question)) and _says_means(text, weights)
