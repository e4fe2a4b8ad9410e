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
from collections.abc import Callable, Collection, Sequence
from itertools import takewhile

from assistant.names import plain, spelled, title_name
from assistant.pipeline import meaning
from assistant.pipeline.evidence import (
    answer_span,
    counted_noun,
    counts,
    need_of,
    quantities,
    satisfies,
)
from assistant.pipeline.text import (
    AUXILIARIES,
    COMMON_ACRONYMS,
    WORD,
    content_words,
    entities,
    numbers,
    topic_words,
)
from assistant.pipeline.types import Evidence

# The prepositions an ask may open on: "by how much ...", "on which benchmark ...".
_ASK_PREPOSITIONS = (
    r"(?:up to|from|in|on|to|for|with|at|by|of|under|through|into|across|over|among|within"
    r"|between|per|after|during|against|below|above|beyond)"
)
# Where a question turns to its second ask: ", and what ...", "; how ...", ", and below what
# ...", ", and by up to how much ...". The second ask may open on its topic before the
# question word: "..., and data from how many news sites is it applied to?", "..., and for
# models trained with up to how much ...?".
_SECOND_ASK = re.compile(
    rf",?\s+and\s+(?=(?:(?:[\w-]+\s+){{1,3}}?(?:{_ASK_PREPOSITIONS}\s+){{1,2}}"
    rf"|(?:{_ASK_PREPOSITIONS}\s+){{0,2}})"
    r"(?:what|which|how|who|whose|where|when|why)\b|(?:does|do|is|are|can)\b)|;\s+",
    re.IGNORECASE,
)


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
NAME_BEFORE, NAME_AFTER = 3, 2  # tokens from a name to the kind it names, either side
OBJECT_AFTER = 2  # tokens from the ask's last verb to the name it takes ("outperforms pi_0")
# The verb an ask ends on, after its subject, however long: "which model does it *outperform*
# on ...?", "what framework does X *build upon*?", "which model does the 4B MLLM, which needs
# no 3D input, *surpass* on VSI-Bench?", "which model do the authors *fine-tune* on their
# synthetic dataset to build their own editing model?".
_WH_VERB = re.compile(
    r"\b(?:does|do|did)\s+(?:[\w,-]+\s+){1,12}?((?!not\b)[a-z][\w-]+(?:\s+(?:upon|on|from))?)"
    r"(?:\s+(?:on|in|over|against|for|with|to)(?:\s+[\w-]+){1,5})*\s*[?.]?\s*$",
    re.I,
)
# A sentence that goes on from the one before it: read alone, its answer is half told.
# "Second, we propose X" is not one: it counts contributions, each told whole, and the
# sentence before it is another contribution's, not its first half.
_CONTINUES = re.compile(
    r"^\W*(?:then|next|subsequently|after that)\b|\bthe (?:latter|former)\b",
    re.I,
)
# A demonstrative subject pointing back at the sentence before: "This transforms ...",
# "This also enables ...", "These allow ...".
_POINTS_BACK = re.compile(
    r"^\W*(?:this|these)\s+(?:\w+ly\s+|also\s+|further\s+)?[a-z]+(?:s|ed)\b", re.I
)
# A purpose clause pointing back at the sentence before ("To address this challenge, we
# propose X"): that sentence is background unless the question asks about what it points to.
_AIM = re.compile(r"^\W*to \w+ (?:this|these|such) (?P<aim>[\w-]+)", re.I)
# The purpose clause cut from a lead shown without the sentence it points to; "To this end,"
# points back too.
_AIM_CLAUSE = re.compile(
    r"^\W*to (?:(?:this|that) end|\w+ (?:this|these|such|that|those)(?: [\w-]+){0,3}),\s+(?=[a-z])",
    re.I,
)
# "does not generalize", "fails to capture", "cannot scale": a problem, not a means.
_DENIAL = re.compile(
    r"\b(?:not(?!\s+(?:only|just|merely)\b)|cannot|can't|fail(?:s|ed)? to|unable to"
    r"|struggl(?:es?|ed) to)\s+"
    r"(?:\w+ly\s+)?(?P<verb>[a-z][\w-]*)",
    re.I,
)
# A sentence taking up the problem the one before it states: "To address this, we ...",
# "We tackle this through ...".
_REMEDY_VERBS = r"(?:address|overcome|solve|tackle|mitigate|resolve|remedy|fix|close)"
_ADDRESSES = re.compile(
    rf"^\W*(?:to {_REMEDY_VERBS}|we (?:\w+ly )?{_REMEDY_VERBS}\w*) "
    r"(?:this|these|that|those|it|such)\b",
    re.I,
)
# A sentence naming the challenge the work takes up: "The key technical challenge is
# replacing oracle rewards ...", "The main difficulty lies in ...". It restates what the
# question asks the answer to, unless the question asks for the challenge itself.
_CHALLENGE = re.compile(
    r"^\W*(?:the|a|one|our)\s+(?:[\w-]+\s+){0,2}?(?:challenge|difficulty|obstacle|problem"
    r"|bottleneck|question)s?\s+(?:is|are|lies|lie|remains?)\b",
    re.I,
)
# Asks how a problem is kept away ("How does X avoid Y?") or what goes wrong ("What goes
# wrong with Z?", "Why does Z fail ...?"): the sentence naming the problem does not answer.
_FAILURE_ASK = re.compile(
    r"\bwhat (?:goes|went|can go) wrong\b|\bwhy (?:does|do|did|is|are)\b.*\b(?:fail|break|"
    r"degrad|collapse|struggl|underperform)\w*|\bwhat (?:causes|is the cause of|explains)\b",
    re.I,
)
_PROBLEM_ASK = re.compile(
    r"\b(?:how|which|what)\b.*\b(?:avoid|prevent|mitigat|overcom|address|handl|fix|resolv|"
    r"reduc|tackl|alleviat|counter|circumvent|sidestep|suppress|eliminat)\w*\b|"
    + _FAILURE_ASK.pattern,
    re.I,
)
# A sentence naming a problem: "... suffer from Y", "Z degrades sharply", "often unstable".
_PROBLEM = re.compile(
    r"\b(?:suffer\w*|struggl\w*|degrad\w*|fail(?:s|ed|ure)?|collaps\w*|unstable|instabilit\w*|"
    r"bottleneck\w*|prone to|vulnerable to|plagued|hamper\w*|limit(?:s|ed|ation)\w*|"
    r"deteriorat\w*|break(?:s)? down|overfit\w*|(?:is|are|remains?) (?:\w+ly )?challenging"
    r"|obstacles?)\b",
    re.I,
)
# A finding of why: "We find that this is because ...", "This stems from ...".
_EXPLAINS = re.compile(
    r"\b(?:because|due to|caused by|stems? from|arises? from|attribut\w+ to|root cause|"
    r"traced? (?:back )?to|results? from)\b",
    re.I,
)
# A pronoun subject, at the start or after an opening phrase ("Compared to X, it ...").
_DANGLING = re.compile(
    r"^[\W…]*(?:[^,;:“”]{0,80},\s+)?(?:it|they|these|this|its|their)\b"
    r"(?!\s+(?:paper|work|study)\b)",
    re.I,
)
# The sentence introducing the paper's work: "we propose X", "this paper presents Y", "we
# further introduce Z", "we conduct the first systematic study".
_INTRODUCES = re.compile(
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?"
    r"(?:propos|present|introduc|develop|design|construct|conduct|produc|build)\w*\b",
    re.I,
)
_PROBLEM_WORDS = frozenset(
    topic_words("problem limitation challenge issue gap difficulty bottleneck shortcoming drawback")
)
# A sentence telling why the work is needed: recent or existing work, a problem, a need, a
# risk ("The deployment of agents in sensitive domains introduces critical risks ...").
_BACKGROUND = re.compile(
    r"^\W*(?:(?:however|yet|but|unfortunately),?\s+)?"
    r"(?:recent(?:ly)?|existing|current|conventional|traditional|prior|despite|although"
    r"|due to)\b|\b(?:struggl\w*|suffer\w*|remains? (?:a |an )?(?:\w+ )?(?:challeng|difficult|"
    r"open|unclear|limited|under-?explored|unexplored|unknown)\w*|remains? poorly understood"
    r"|(?:has|have) (?:\w+ly )?(?:achieved|made|shown|demonstrated) (?:remarkable|impressive"
    r"|significant|substantial|tremendous|great|rapid|strong) (?:progress|success|advances|gains)"
    r"|(?:is|are) (?:essential|crucial|critical|important|vital|key) (?:for|to|in)"
    r"|has (?:attracted|gained|received)|(?:has|have) (?:been made|emerged)"
    r"|(?:introduces?|poses?|raises?|brings?) (?:\w+ ){0,2}(?:risks?|threats?|concerns?))\b",
    re.I,
)
# "X plays a pivotal role in Y": why Y needs work, unless the paper finds it ("we show ...").
_ROLE = re.compile(
    r"\bplay(?:s|ing)? (?:a|an) (?:\w+ )?(?:pivotal|crucial|key|central|critical|vital|"
    r"important|fundamental) role\b",
    re.I,
)
_CONCEDES = re.compile(r"^\W*(?:despite|although)\b.*\b(?:it|its|our|we)\b", re.I)
_WE_FIND = re.compile(r"\bwe (?:\w+ )?(?:find|found|show|observe|demonstrate)\b", re.I)
_FINDING = re.compile(r"\b(?:we|our|find|found|show|shows|reveal|reveals|demonstrat\w*)\b", re.I)
# A word with digits after a letter names something (Qwen3-30B, GPT-4o); a measure starts
# with its number (23K, 24GB, 2.3x).
_NAMED_NUMBER = re.compile(r"[A-Za-z][\w.-]*\d")
_ABLE = re.compile(r"\b[a-z]{3,}able\b", re.I)  # "drivable", "scalable": a verb made able
_YING = re.compile(r"\b[a-z]{3,}ying\b", re.I)  # "underlying", "lying": the verb ends "-ie"
# "How accurate is X?" asks for its accuracy: the noun of an "-ate" adjective ends "-acy".
_HOW_ATE = re.compile(r"\bhow ([a-z]{3,})ate\b", re.I)
# "on WikiArt", "on WebArena and Mind2Web", "across GSM8K, MATH, and AIME".
_TESTED_ON = re.compile(
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
# "What do the authors call the effect ...?" is answered by "We term this effect, ..., X".
_CALL_ASK = re.compile(
    r"\bwhat (?:do|does|did) (?:the )?(?:authors?|they|it|paper|work|study) (?:call|term|name)\b",
    re.I,
)
# "We term this effect, ..., X", "a novel task termed referring reasoning": a coined term,
# which may be written in lower case.
_TERMS = re.compile(
    r"\b(?i:we (?:term|call|name|dub|refer to)\s+(?:this|these|such|it|them))\b"
    r"|\b(?:termed|dubbed|coined|called|named)\s+(?:as\s+)?[\"“]?[a-z]",
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
# "On which environments is X evaluated?": asks for what it is tested on, whatever the kind
# ("Experiments on ALFWorld and WebShop ..." answers it).
_TESTBED_ASK = re.compile(
    r"\b(?:on|in|across|over) which\b[^?]*\b(?:evaluat|test|validat|assess)\w*",
    re.I,
)
_TESTBEDS = frozenset({"dataset", "benchmark"})  # kinds a paper is tested on
_CALLED = re.compile(r"\b(?:called|named|name)\b", re.I)
# Verbs that introduce a name the paper coins, and how many tokens the name may come after.
_COINING = frozenset(
    "propose proposes present presents introduce introduces dubbed called named termed".split()
)
COINED_AFTER = 4
_COINING_ASK = re.compile(rf"\b(?:{meaning.COINING_VERBS})\w*", re.I)
_ACTS_ON = re.compile(r"\b(?:what|which)\s+(?:[\w-]+\s+){0,3}?(?:does|do|did)\b", re.I)
HEAD_WORDS = 4  # words after "what" that may hold the noun it asks about
_WH = re.compile(r"\b(?:what|which)\s+(.*)", re.IGNORECASE)
# "What *is the* supervised fine-tuning dataset ... called?": the noun asked about follows.
_COPULA = re.compile(r"^(?:is|are|was|were)\s+(?:the|a|an)\s+", re.I)
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
# The context after an ask: "..., according to ...", "... in the controlled study of ...".
_TRAILING_CONTEXT = re.compile(
    r",\s+(?:according to|as reported)\b|,?\s+in the (?:[\w-]+\s+){0,2}?(?:paper|work|study)\b",
    re.I,
)
# "How does X search ...?", "How is Y achieved?": asks for the means, which a sentence gives
# with "through A", "via B", "using C", "by training D".
_HOW = re.compile(r"^\W*how\s+(?:is|are|was|were|does|do|did|can|could)\b", re.I)
_MEANS = re.compile(r"\b(?:through|via|using|leverag\w*|by (?:means of|\w+ing)\b)", re.I)
# "What does X use / build on / rely on ...?" asks for a means too; its verb is no word of
# the answer ("Building on this foundation, we further ..." does not say what X builds on).
_USES_ASK = re.compile(
    r"\bwhat\b[^?]*?\b(?P<verb>use[sd]?|builds? (?:up)?on|rel(?:y|ies) on|leverages?|draws? on"
    r"|exploits?|employs?)\b",
    re.I,
)
# "instead of X" in a question, "without relying on X" in the sentence it restates.
_INSTEAD = re.compile(
    r"\b(?:instead of|rather than|without)\s+(?:(?:relying on|using|requiring)\s+)?"
    r"(?P<x>(?:[\w-]+\s*){1,5})",
    re.I,
)
MEANS_BOOST = 1.5
MEANS_AFTER_WORDS = 6  # words before "through ..." that must hold one of the question's
RECURRING = 2  # sentences naming the method that make its name the paper's subject
SUBJECT_WORDS = 6  # words after "how does" that may hold the kind of thing asked about
# A sentence that says this many times more of the ask than every sentence holding a name
# answers a "what strategy ..." question even when its answer is no name ("a
# focus-by-predicting strategy that ...").
FOCUS_OVER_NAME = 2.0
BACKGROUND_YIELD = 0.5  # share of a background lead's focus another sentence needs to lead
SHORT_PROBLEM_WORDS = 25  # a problem sentence this short is shown before its cause
# The focus on the question's words a sentence introducing the paper lacks that another quote
# needs to answer in its place: about one rare word of the ask.
RESIDUAL_MIN = 1.0


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
    count nothing."""
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
    return {
        w: math.log(1 + n / d)
        * (1.0 if w in ask else CONTEXT_WEIGHT)
        * (HEAD_WEIGHT if w == head else 1.0)
        for w, d in df.items()
        if w not in left_out
    }


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
    spans = [m.span("kind") for name in names for m in _describing(name).finditer(text)]
    describing: dict[str, bool] = {}
    for kind in meaning.KIND_WORD.finditer(text):
        for stem in topic_words(kind.group(0)):
            describing[stem] = describing.get(stem, True) and kind.span() in spans
    return {stem for stem, only in describing.items() if only}


def _subject_names(title: str) -> set[str]:
    """The paper's names: the title's short head before a colon, and the names it holds."""
    name = title_name(title)
    return ({name} if name else set()) | {n for n in entities(title) if len(n) > 1}


def _describing(name: str) -> re.Pattern[str]:
    """``name`` (as tokens cut it at a dot: "PixelRefer-2" of "PixelRefer-2.2M") called a kind:
    "X, a ... dataset", "X, which is an 8B-parameter MoE model"."""
    return re.compile(
        rf"(?<![\w-]){re.escape(name)}(?:\.\w+)*(?![\w-])"
        rf"(?:\s+|,?\s+(?:(?:which|that) )?(?:is|as)?\s*(?:a|an|the)\s+"
        rf"(?:[\w-]+,?\s+){{0,4}}?)(?P<kind>{meaning.KINDS})\b",
        re.I,
    )


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


def _focused(sentence: str, weights: dict[str, float]) -> float:
    return sum(weights[w] for w in sorted(words_of(sentence, weights.keys()) & weights.keys()))


def ask_of(question: str) -> str:
    """The clause of the question that asks (from its question word to a trailing "according
    to ..."), without the context that leads into it."""
    return _TRAILING_CONTEXT.split(question[ask_start(question) :], maxsplit=1)[0]


def ask_start(question: str) -> int:
    """Where the ask begins: at its question word, or at the sentence that opens on one after
    a sentence of context ("A paper ..., where simply expanding X fails. Into what does it
    ...?": the "where" of the context asks nothing)."""
    starts = list(_ASK_START.finditer(question))
    opening = [m for m in starts if question[m.start()] == "."]
    chosen = opening[-1] if opening else (starts[0] if starts else None)
    return chosen.start() if chosen else 0


def best_quote(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> Evidence:
    """The quote answering ``question`` (``_best_quote``); when that one only states the
    problem the question asks about (``states_problem``), the sentence after it that answers
    it (``answers_problem``): "To address this, we ... by ...", "We find that ... because ..."."""
    chosen = _best_quote(question, quotes, sentences, title)
    if not states_problem(chosen.sentence, question) or chosen.sentence not in sentences:
        return chosen
    at = sentences.index(chosen.sentence) + 1
    remedy = [q for q in quotes if at < len(sentences) and q.sentence == sentences[at]]
    return remedy[0] if remedy and answers_problem(remedy[0].sentence, question) else chosen


def states_problem(sentence: str, question: str) -> bool:
    """``sentence`` says the asked thing does not happen (``denies_ask``), or, for a question
    asking how a problem is avoided or what goes wrong (``_PROBLEM_ASK``), names a problem
    ("... suffer from Y", "X degrades sharply under shift")."""
    if denies_ask(sentence, question) or names_challenge(sentence, question):
        return True
    return bool(_PROBLEM_ASK.search(question) and _PROBLEM.search(sentence))


def names_challenge(sentence: str, question: str) -> bool:
    """``sentence`` names the challenge the work takes up ("The key technical challenge is
    replacing oracle reward signals with autonomous feedback") and the question asks for no
    challenge or problem, but how it is met ("what provides the feedback ...?")."""
    return bool(_CHALLENGE.search(sentence)) and not topic_words(question) & _PROBLEM_WORDS


def answers_problem(sentence: str, question: str) -> bool:
    """``sentence`` takes up the problem the one before it states: a remedy ("To address
    this, we ..."), or for an ask what goes wrong, a finding of its cause ("We find that this
    is because ...")."""
    if _ADDRESSES.search(sentence):
        return True
    return bool(_FAILURE_ASK.search(question) and _EXPLAINS.search(sentence))


def _best_quote(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> Evidence:
    """The quote that holds what ``question`` asks for (``holding``), the most focused first;
    with none holding it, or one far more focused on the ask that names the kind asked
    about, the most focused quote."""
    weights = word_weights(question, sentences, title)
    quotes = after_introduction(question, quotes, sentences)

    def score(quote: Evidence) -> float:
        return lead_score(quote.sentence, question, weights, title)

    pool = holding(question, quotes, title)
    best = max(quotes, key=score)
    if not pool:
        best = _giving_kind(question, quotes, best, score)
        return past_restatement(best, question, quotes, weights, title)
    named = max(pool, key=score)
    # A named sentence sharing no word with the ask ("Experiments on WikiArt ...") still wins.
    far_more = 0 < FOCUS_OVER_NAME * score(named) <= score(best)
    if far_more and asked_head(question) in words_of(best.sentence):
        return best
    return past_restatement(named, question, pool, weights, title)


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
    if not background(best.sentence):
        return best
    # Background ("Evaluating X is essential, and what it should cover remains unclear") gives
    # way to a sentence on what the paper does that is about as focused on the ask.
    own = [q for q in quotes if not background(q.sentence)]
    other = max(own, key=score, default=best)
    return other if score(other) >= BACKGROUND_YIELD * score(best) > 0 else best


def denies_ask(sentence: str, question: str) -> bool:
    """For "how does X <do> ...?", ``sentence`` says it does not: "While the distilled policy
    reconstructs training behaviors, it does not generalize reliably ..." states the problem
    that "How does ... make its distilled policy generalize ...?" asks the remedy for."""
    if not _HOW.search(question):
        return False
    asked = words_of(ask_of(question))
    return any(topic_words(m.group("verb")) & asked for m in _DENIAL.finditer(sentence))


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
    if not _HOW.search(question):
        return quotes
    at = [i for i, s in enumerate(sentences) if coined(s, question) or _INTRODUCES.search(s)]
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
    how = bool(_HOW.search(question))
    plain = _asks_means_of_kind(question) and not _says_means(chosen.sentence, weights)
    introduces = coined(chosen.sentence, question) or restates_asked(chosen.sentence, question)
    if not (introduces or plain) or _answers_ask(chosen.sentence, question, title):
        return chosen
    held = _held(chosen.sentence, question)
    uses = _USES_ASK.search(question)
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
    if not (_INTRODUCES.search(sentence) and meaning.names(sentence) & meaning.names(question)):
        return False
    asked, said = _INSTEAD.search(question), _INSTEAD.search(sentence)
    return bool(asked and said and topic_words(asked.group("x")) & topic_words(said.group("x")))


def _asks_means_of_kind(question: str) -> bool:
    """A "how" question about a kind of thing, the paper's work ("How does the low-rank
    adaptation *method* ... form ...?"): it asks by what means. "How do explanations compare
    to ...?" asks for a result."""
    found = _HOW.search(question)
    subject = question[found.end() :].split()[:SUBJECT_WORDS] if found else []
    return any(meaning.is_kind(w) for w in subject)


def lead_score(sentence: str, question: str, weights: dict[str, float], title: str = "") -> float:
    """How well ``sentence`` answers: its focus on the ask (``word_weights``), without the
    asked noun where it only describes the paper itself ("SimpleVLA-RL, an efficient RL
    *framework*" does not answer "What RL framework does SimpleVLA-RL build upon?"), and
    MEANS_BOOST times for a "how does ..." question when it says by what means."""
    head = asked_head(question)
    if head and head in _subject_kinds(sentence, title):
        weights = {w: v for w, v in weights.items() if w != head}
    sentence = without_excluded(sentence, question)
    score = _focused(sentence, weights)
    means = _HOW.search(question) and _says_means(sentence, weights)
    return score * MEANS_BOOST if means else score


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
    or opening a sentence that holds words of the question."""
    for means in _MEANS.finditer(sentence):
        before = " ".join(sentence[: means.start()].split()[-MEANS_AFTER_WORDS:])
        if words_of(before, weights.keys()) & weights.keys():
            return True
        # "By grouping similar frames before splitting, the method ...": an opening means
        # tells how the main clause after it is done.
        if not WORD.search(before) and words_of(sentence, weights.keys()) & weights.keys():
            return True
    return False


def holding(question: str, quotes: Sequence[Evidence], title: str = "") -> list[Evidence]:
    """The quotes holding what is asked for: a number the question lacks (one for each part
    asking for one, when some quote gives that many: ``_counts_each``); a name beside the
    kind of thing asked ("the Uniform Phantom mechanism"), or failing that a new name that is
    not the paper's title's ("AI" of "Frontier AI Models" names no answer)."""
    if asked := _STANDS_FOR.search(question):
        return [q for q in quotes if spells_out(q.sentence, asked.group("acronym"))]
    termed = [q for q in quotes if _TERMS.search(q.sentence)]
    if _CALL_ASK.search(question) and termed:
        return termed
    need = need_of(question)
    found = [q for q in quotes if need and satisfies(q.sentence, question, need, "")]
    if "number" in need:
        found = [q for q in found if _counts_each(q.sentence, question)] or found
        # "By how many *points* did ...?" is answered by "by 17.5 points", not "three models".
        if noun := counted_noun(question):
            found = [q for q in found if counts(q.sentence, noun, question)] or found
    if not need and _TESTBED_ASK.search(question):
        return [q for q in quotes if tested_on(q.sentence) & _new_names(q.sentence, question)]
    return _naming(question, found, termed, title) if "name" in need else found


def _naming(
    question: str, found: list[Evidence], termed: list[Evidence], title: str
) -> list[Evidence]:
    """Of the quotes giving a new name (``found``), those naming what a name ask asks for: a
    name beside the asked kind, one the paper coins for a part of its own or introduces as
    asked; for "what is X called?", failing those, a coined term (``termed``) or any name that
    is neither the question's nor the title's."""
    beside = [q for q in found if names_the_kind(q.sentence, question)]
    # "What mechanism does X use ...?" asks for a part of X's own: a name the paper coins.
    if not beside and (_asks_own_kind(question) or _USES_ASK.search(question)):
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
    return [q for q in found if meaning.names(q.sentence) - given]


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
    said = [Evidence(0, "", sentence, 0.0)]
    return bool(holding(question, said, title)) or (head is not None and head in words_of(sentence))


def coined(sentence: str, question: str) -> list[str]:
    """The names ``sentence`` introduces that the question lacks ("We present *PRESTO*, ...",
    "our method, dubbed *SoftPromptComp*"), as written."""
    new = _new_names(sentence, question)
    words = meaning.tokens(sentence)
    toks = [t.lower() for t in words]
    at_verb = [i for i, t in enumerate(toks) if t in _COINING]
    at_name = [i for i, t in enumerate(words) if _name_at(t, new) and not _abbreviates(toks, i)]
    return [words[n] for n in at_name if any(0 < n - v <= COINED_AFTER for v in at_verb)]


def _called_kinds(name: str, sentence: str) -> set[str]:
    """The kinds ``sentence`` calls ``name`` ("CRAFT, a multi-agent red-teaming system")."""
    return {m.group("kind").lower().rstrip("s") for m in _describing(name).finditer(sentence)}


def _asks_own_kind(question: str) -> bool:
    """An ask names a kind as its subject ("Which method relaxes ...?", "what framework is
    proposed ...?"): the paper's own work, not a kind the work acts on ("which model does it
    outperform?")."""
    asks = [ask_of(part) for part in question_parts(question)]
    return any(_kinds_of_ask(a) and not _ACTS_ON.search(a) for a in asks)


def _counts_each(sentence: str, question: str) -> bool:
    """As many new numbers in ``sentence`` as the question has parts asking for one: "How
    many Gaussians ..., and how much memory does that GPU have?" wants two ("one billion
    Gaussians on a single 24 GB GPU"), which "at billion-primitive scale" alone is not. The
    digits of a name ("Qwen3-30B-A3B") count nothing."""
    measures = " ".join(w for w in sentence.split() if not _NAMED_NUMBER.search(w))
    return len(quantities(measures) - quantities(question)) >= _number_asks(question)


def _numbers_beyond(sentence: str, lead: str, question: str) -> bool:
    """``sentence`` gives a number that neither ``lead`` nor the question holds."""
    return bool(quantities(sentence) - quantities(lead) - quantities(question))


def _number_asks(question: str) -> int:
    return sum("number" in need_of(part) for part in question_parts(question))


def names_the_kind(sentence: str, question: str) -> bool:
    """A new name of ``sentence`` stands just before a kind of thing the question's ask names
    ("the Uniform Phantom mechanism", "GA-MATR reinforcement learning framework") or just
    after it ("our method, Duo"); "mechanisms that satisfy PF" names no mechanism."""
    kinds = asked_kinds(question)
    new = _new_names(sentence, question)
    words = meaning.tokens(sentence)
    toks = [t.lower() for t in words]
    at_kind = [i for i, t in enumerate(toks) if t.rstrip("s") in kinds]
    spelled = _spelled_out(toks, new)
    at_name = [
        i
        for i, t in enumerate(words)
        if _name_at(t, new) and not _abbreviates(toks, i) and i not in spelled and i not in at_kind
    ]
    if any(-NAME_AFTER <= k - n <= NAME_BEFORE for k in at_kind for n in at_name):
        return True
    if _subject_of_ask(toks, at_name, question):
        return True
    # "SwimBird-SFT-92K, a diverse supervised fine-tuning dataset": an apposition says what
    # the name is, however many words describe it.
    if any(_called_kinds(words[n], sentence) & kinds for n in at_name):
        return True
    if _object_of_ask(toks, at_name, question):
        return True
    # "a high-quality synthetic dataset for video instruction-following, namely LLaVA-Video-178K"
    if any(_namely(words[n], sentence) & kinds for n in at_name):
        return True
    if any(_described_as_asked(words[n], sentence, question) for n in at_name):
        return True
    # "Experiments on WikiArt and Pandora18k ..." names the datasets asked about.
    return bool(kinds & _TESTBEDS and tested_on(sentence) & new)


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
        kinds |= {w.lower().rstrip("s") for w in WORD.findall(question) if meaning.is_kind(w)}
    for apposition in re.finditer(pattern, sentence):
        # The description up to its first word the ask lacks: "NDIF, a collaborative research
        # platform providing ..." for "What is the collaborative research platform called?".
        said = list(takewhile(lambda w: topic_words(w) <= asked, apposition.group("what").split()))
        # "CogOmniControl, a reasoning-driven framework ..." is the paper the question
        # describes, not the model it asks for.
        other_kind = any(meaning.is_kind(w) and w.rstrip("s") not in kinds for w in said)
        # An ask naming a kind ("What is the ... dataset built for the reasoning-switchable
        # MLLM called?") is described by that kind, not by the words of its context.
        of_kind = not kinds or any(w.lower().rstrip("s") in kinds for w in said)
        if len(topic_words(" ".join(said))) >= DESCRIBED_WORDS and of_kind and not other_kind:
            return True
    return False


def _namely(name: str, sentence: str) -> set[str]:
    """The kind ``sentence`` names ``name`` after, however far: the last one before "namely X"
    ("an approach by creating a ... dataset ..., namely X" names a dataset)."""
    named = re.search(rf",?\s+(?:namely|dubbed|termed)\s+{re.escape(name)}", sentence)
    if named is None:
        return set()
    before = meaning.KIND_WORD.findall(sentence[: named.start()])
    return {before[-1].lower().rstrip("s")} if before else set()


def _spelled_out(toks: Sequence[str], new: Collection[str]) -> set[int]:
    """Where the words a common acronym spells stand ("Large Language Models (LLMs)"): they
    name the kind itself, no one thing of that kind; "the Epps-Pulley (EP) objective" is one."""
    spelled: set[int] = set()
    for at, tok in enumerate(toks):
        if tok.rstrip("s") in COMMON_ACRONYMS and tok in new and _abbreviates(toks, at):
            spelled |= set(range(max(0, at - len(tok.rstrip("s"))), at))
    return spelled


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
    describes the paper), else anywhere in it."""
    found = _WH_HEAD.search(ask)
    start = _WH.search(ask)
    first = " ".join(start.group(1).split()[:HEAD_WORDS]) if start else ""
    for text in (found.group(1) if found else "", first, ask):
        kinds = {k.lower().rstrip("s") for k in WORD.findall(text) if meaning.is_kind(k)}
        if kinds:
            return kinds
    return set()


def _object_of_ask(toks: Sequence[str], at_name: Sequence[int], question: str) -> bool:
    """A new name just after the verb the ask ends on: "outperforms pi_0" answers "which
    model does it outperform?", "Building upon veRL" answers "what framework does it build
    upon?"."""
    verbs = topic_words(" ".join(_WH_VERB.findall(ask_of(question))))
    at_verb = [i for i, t in enumerate(toks) if topic_words(t) & verbs]
    return any(0 < n - v <= OBJECT_AFTER for v in at_verb for n in at_name)


def _abbreviates(toks: Sequence[str], at: int) -> bool:
    """The name at ``at`` spells the initials of the words just before it: "large language
    models (LLMs)" and "Vision-Language-Action (VLA)" name the kind itself, no one thing of
    that kind."""
    letters = toks[at].rstrip("s")
    before = [w for t in toks[max(0, at - len(letters)) : at] for w in t.split("-") if w]
    return "".join(w[0] for w in before[-len(letters) :]) == letters


def lead_quotes(
    question: str, quotes: Sequence[Evidence], sentences: Sequence[str], title: str = ""
) -> list[Evidence]:
    """One quote; or, for a two-part question that no single quote answers, the quote that
    answers each part, in the question's order. A quote that continues the sentence before it
    ("Then, we ...", "We use the latter ...") is led by that sentence."""
    return _with_antecedents(_answering(question, quotes, sentences, title), sentences, question)


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
    by_part = [_not_background(b, first) for b in by_part]
    answered = [
        _answers_part(first, p, b, sentences, title) for p, b in zip(parts, by_part, strict=True)
    ]
    # Enough numbers answer each number ask, unless a part's own quote gives its number:
    # "FID 54.1 vs. 80.8" holds three numbers but not the MBPP score another sentence gives.
    told_elsewhere = any(
        not ok and holding(p, [b], title) and _numbers_beyond(b.sentence, first.sentence, question)
        for p, b, ok in zip(parts, by_part, answered, strict=True)
    )
    counted = _number_asks(question) > 1 and _counts_each(first.sentence, question)
    if all(answered) or (counted and not told_elsewhere):
        return [first]
    return [by_part[0]] if by_part[0] is by_part[1] else by_part


def _not_background(quote: Evidence, first: Evidence) -> Evidence:
    return first if background(quote.sentence) and not background(first.sentence) else quote


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
        or (not need and _TESTBED_ASK.search(part) and not holding(part, said))
    ]


def asks_for(question: str) -> bool:
    """Some part of ``question`` asks for a number, a name or the testbeds (``lacking``)."""
    return any(need_of(part) or _TESTBED_ASK.search(part) for part in question_parts(question))


def background(sentence: str) -> bool:
    """The sentence tells why the work is needed ("Recent reports claim ...", "However,
    existing methods struggle ...", "X is essential for ...", "X plays a pivotal role in
    ..."), not what it does or finds ("We find that X plays a key role ...")."""
    if _ROLE.search(sentence) and not _FINDING.search(sentence):
        return True
    # "We find that ... models trained with up to 4x more compute have emerged" is a finding;
    # so is "Despite being 3.5x smaller than X, it delivers ...": a concession the work makes.
    if _WE_FIND.search(sentence) or (_CONCEDES.search(sentence) and numbers(sentence)):
        return False
    return bool(_BACKGROUND.search(sentence))


def dangles(text: str) -> bool:
    """The subject of ``text`` (a shown quote, perhaps after an opening phrase) is a pronoun
    pointing at a sentence not shown: "…it reduces sequential tokens by up to 35.8%", "On the
    FLEURS-VAD-102 benchmark, it achieves ..."."""
    return bool(_DANGLING.search(text))


def restates_setting(sentence: str, question: str) -> bool:
    """``sentence`` introduces the paper ("To address this gap, we introduce PRING, the first
    ...", "we conduct the first systematic study ...") or states the problem the question asks
    the remedy for (``denies_ask``): beside an answer, it repeats what the question says."""
    return bool(_INTRODUCES.search(sentence)) or denies_ask(sentence, question)


def _with_antecedents(
    leads: list[Evidence], sentences: Sequence[str], question: str
) -> list[Evidence]:
    """Each lead that continues its previous sentence, with that sentence before it; a lead
    whose purpose clause points back at a problem, only when the question asks about it."""
    shown: list[Evidence] = []
    for quote in leads:
        at = sentences.index(quote.sentence) if quote.sentence in sentences else 0
        before = Evidence(quote.source_n, quote.paper_id, sentences[at - 1], quote.score)
        continues = (
            _CONTINUES.search(quote.sentence)
            or asks_about_aim(quote.sentence, question)
            or _explains_before(before.sentence, quote.sentence, question)
            or _effect_of_before(before.sentence, quote.sentence, question)
        )
        if at and continues and before.sentence not in _texts(shown):
            shown.append(before)
        if quote.sentence not in _texts(shown):
            shown.append(quote)
    return shown


def _effect_of_before(before: str, sentence: str, question: str) -> bool:
    """``sentence`` tells what the one ``before`` it does ("This transforms keyframes into
    beacons ...", "These enable ..."), which says by what means ("we propose X, which
    leverages ..."), for a question asking for no number or name. A lead giving a number or
    name asked for reads alone, and so does one after a sentence saying no means ("This is
    achieved through ..." after "we introduce a framework that recovers ...")."""
    points_back = _POINTS_BACK.search(sentence) and _MEANS.search(before)
    return bool(points_back) and not need_of(question)


def _explains_before(before: str, sentence: str, question: str) -> bool:
    """``sentence`` gives the cause of the problem a short ``before`` states, for an ask what
    goes wrong: "We find that this is because ..." reads alone only after "Z degrades ..."."""
    short = len(before.split()) <= SHORT_PROBLEM_WORDS
    explains = _FAILURE_ASK.search(question) and _EXPLAINS.search(sentence)
    return bool(short and explains and states_problem(before, question))


def asks_about_aim(sentence: str, question: str) -> bool:
    """``sentence`` opens with a purpose pointing back ("To evaluate this limitation, ...")
    and the question asks about what it points to ("What limitation ...?"), or about a
    problem at all."""
    aim = _AIM.search(sentence)
    asked = topic_words(question)
    return bool(aim and asked & (topic_words(aim.group("aim")) | _PROBLEM_WORDS))


def _texts(quotes: Sequence[Evidence]) -> list[str]:
    return [q.sentence for q in quotes]


def lead_spans(question: str, sentences: Sequence[str]) -> list[str]:
    """The shown span of each lead sentence (already cleaned for display). A single lead is
    cut to the clauses that answer the question; the two quotes of a two-part lead are shown
    whole, since a part's own words are too few to tell which clause holds its answer. A
    purpose clause pointing back at a sentence not shown ("To address this challenge, ") is
    cut: "…we propose X" reads alone."""
    spans = [_without_aim(s, question) for s in sentences]
    if len(spans) == 1:
        cut = answer_span(spans[0].removeprefix("…"), question, need_of(question))
        return [cut if cut.startswith("…") or spans[0] == sentences[0] else "…" + cut]
    return spans


def _without_aim(sentence: str, question: str) -> str:
    aim = _AIM_CLAUSE.search(sentence)
    if not aim or asks_about_aim(sentence, question):
        return sentence
    return "…" + sentence[aim.end() :]


def tells_means(text: str, question: str) -> bool:
    """For a "how does X ...?" ask, ``text`` says by what means, right after words of the ask
    (``_says_means``): "We compress primitives into a grid using an autoencoder" tells how
    primitives become tokens, and a quote after it adds nothing to that part."""
    weights = word_weights(question, [text])
    return bool(_HOW.search(question)) and _says_means(text, weights)
