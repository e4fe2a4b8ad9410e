"""Sentences that set the scene rather than answer: background and concessions, problems
and the challenges a method addresses, aims ("To address this, ..."), and references that
dangle without the sentence before them.

A lead that continues or explains the sentence before it is quoted after that sentence
(with_antecedents); a background sentence yields the lead to one that answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.pipeline import meaning
from assistant.pipeline.ask import HOW_ASK, ask_of, words_of
from assistant.pipeline.evidence import need_of
from assistant.pipeline.text import numbers, topic_words
from assistant.pipeline.types import Evidence

# A sentence that goes on from the one before it: read alone, its answer is half told.
# "Second, we propose X" is not one: it counts contributions, each told whole, and the
# sentence before it is another contribution's, not its first half.
_CONTINUES = re.compile(
    r"^\W*(?:then|next|subsequently|after that)\b|\bthe (?:latter|former)\b"
    # "We refer to this as Misevolution.": it names what the sentence before describes.
    rf"|^\W*{meaning.WE_NAME_IT}",
    re.I,
)
# A demonstrative subject pointing back at the sentence before: "This transforms ...",
# "This also enables ...", "These allow ...".
_POINTS_BACK = re.compile(
    r"^\W*(?:this|these)\s+(?:\w+ly\s+|also\s+|further\s+)?[a-z]+(?:s|ed)\b", re.I
)
# Words of the ask a sentence's antecedent must add for it to be shown first: one may be the
# paper's name ("Meshy" of "generated meshes").
ANTECEDENT_WORDS = 2
# A demonstrative subject naming what the sentence before introduced: "This innovation ...",
# "These modules ...", "Such a design ...".
_DEMONSTRATIVE = re.compile(
    r"^\W*(?:this|these|such(?:\s+an?)?)\s+(?:[a-z-]+\s+)?(?:innovation|design|approach|method"
    r"|module|mechanism|technique|strategy|component|framework|architecture|scheme|procedure"
    r"|pipeline|paradigm|idea|formulation|modification|combination|integration|representation"
    r"|objective|variant)s?\b",
    re.I,
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
# "Furthermore, to overcome the scarcity of ... annotations, we establish an automated
# annotation pipeline": a purpose in the question's words, then what the work does for it.
PURPOSE_FIRST = re.compile(
    r"^\W*(?:[A-Z]\w+,\s+)?to\s+(?P<aim>[^,;:]+),\s+(?:we|our|the|it|this|they)\b", re.I
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
INTRODUCES = re.compile(
    rf"{meaning.AUTHORS_DO}"
    rf"(?:{meaning.COINING_VERBS}|develop|design|construct|conduct|produc|build)\w*\b",
    re.I,
)
_PROBLEM_WORDS = frozenset(
    topic_words("problem limitation challenge issue gap difficulty bottleneck shortcoming drawback")
)
# A sentence opening on others' work ("However, existing methods ...", "Recent LLMs ...").
_OPENS_ON = r"^\W*(?:(?:however|yet|but|unfortunately),?\s+)?"
_PRIOR_WORK = r"recent(?:ly)?|existing|current|conventional|traditional|prior"
# A sentence telling why the work is needed: recent or existing work, a problem, a need, a
# risk ("The deployment of agents in sensitive domains introduces critical risks ...").
_BACKGROUND = re.compile(
    rf"{_OPENS_ON}(?:{_PRIOR_WORK}|despite|although|due to)\b"
    r"|\b(?:struggl\w*|suffer\w*|remains? (?:a |an )?(?:\w+ )?(?:challeng|difficult|"
    r"open|unclear|limited|under-?explored|unexplored|unknown)\w*|remains? poorly understood"
    r"|(?:has|have) (?:\w+ly )?(?:achieved|made|shown|demonstrated) (?:remarkable|impressive"
    r"|significant|substantial|tremendous|great|rapid|strong) (?:progress|success|advances|gains)"
    r"|(?:is|are) (?:essential|crucial|critical|important|vital|key) (?:for|to|in)"
    r"|has (?:attracted|gained|received)|(?:has|have) (?:been made|emerged)"
    r"|(?:introduces?|poses?|raises?|brings?) (?:\w+ ){0,2}(?:risks?|threats?|concerns?))\b",
    re.I,
)
# A problem word denied: "does not suffer from ...", "without struggling to ...".
_NO_PROBLEM = re.compile(
    r"\b(?:not|never|without|no longer)\s+(?:\w+\s+)?(?:suffer|struggl)\w*", re.I
)
# "X plays a pivotal role in Y": why Y needs work, unless the paper finds it ("we show ...").
_ROLE = re.compile(
    r"\bplay(?:s|ing)? (?:a|an) (?:\w+ )?(?:pivotal|crucial|key|central|critical|vital|"
    r"important|fundamental) role\b",
    re.I,
)
# "Despite being trained on only 200K samples, LLaMA-Omni 2 ...": what the work concedes of
# itself, by pronoun or by a participle whose subject is the work.
_CONCEDES = re.compile(r"^\W*(?:despite|although)\b(?:.*\b(?:it|its|our|we)\b|\s+being\b)", re.I)
# "We find that ...", "Our experimental results show that ...": a finding of the paper's own.
# "Our proposed DeafTest reveals that MLLMs often struggle ...": what the paper's own named
# test reveals, too.
_WE_FIND = re.compile(
    r"\bwe (?:\w+ )?(?:find|found|show|observe|demonstrate)\b|\bour (?:\w+ )?(?:results|"
    r"experiments|analys[ie]s|evaluations?|findings) (?:show|reveal|demonstrate|indicate)s?\b"
    r"|\bour (?:proposed |new )?(?-i:[A-Z][\w-]*[A-Z][\w-]*) (?:show|reveal|demonstrate)s\b",
    re.I,
)
# "Comprehensive evaluation across 16 leading models demonstrates ..., where even GPT-4o
# achieves only 65.4% accuracy, and open-source models struggle ...": what an evaluation
# shows is a finding, unless it is others' ("Recent evaluations show ...").
_RESULTS_SHOW = re.compile(
    r"\b(?:evaluations?|experiments|results|analys[ie]s)\b[^.;]{0,80}?"
    r"\b(?:show|reveal|demonstrate|indicate)s?\b",
    re.I,
)
_OPENS_PRIOR = re.compile(rf"{_OPENS_ON}(?:{_PRIOR_WORK})\b", re.I)
_FINDING = re.compile(r"\b(?:we|our|find|found|show|shows|reveal|reveals|demonstrat\w*)\b", re.I)
MEANS = re.compile(r"\b(?:through|via|using|leverag\w*|by (?:means of|\w+ing)\b)", re.I)
SHORT_PROBLEM_WORDS = 25  # a problem sentence this short is shown before its cause


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


def denies_ask(sentence: str, question: str) -> bool:
    """For "how does X <do> ...?", ``sentence`` says it does not: "While the distilled policy
    reconstructs training behaviors, it does not generalize reliably ..." states the problem
    that "How does ... make its distilled policy generalize ...?" asks the remedy for."""
    if not HOW_ASK.search(question):
        return False
    asked = words_of(ask_of(question))
    return any(topic_words(m.group("verb")) & asked for m in _DENIAL.finditer(sentence))


def background(sentence: str) -> bool:
    """The sentence tells why the work is needed ("Recent reports claim ...", "However,
    existing methods struggle ...", "X is essential for ...", "X plays a pivotal role in
    ..."), not what it does or finds ("We find that X plays a key role ...", "Since existing
    methods struggle ..., we introduce X")."""
    # "our formulation does not suffer from popping artifacts" claims the work's strength.
    sentence = _NO_PROBLEM.sub(" ", sentence)
    if _ROLE.search(sentence) and not _FINDING.search(sentence):
        return True
    # "We find that ... models trained with up to 4x more compute have emerged" is a finding;
    # so is "Despite being 3.5x smaller than X, it delivers ...": a concession the work makes.
    if _WE_FIND.search(sentence) or (_CONCEDES.search(sentence) and numbers(sentence)):
        return False
    if _RESULTS_SHOW.search(sentence) and not _OPENS_PRIOR.search(sentence):
        return False
    # "Since existing methods struggle ..., we introduce X, a 0.5B model ...": the problem
    # clause leads into the work.
    return bool(_BACKGROUND.search(sentence)) and not INTRODUCES.search(sentence)


def dangles(text: str) -> bool:
    """The subject of ``text`` (a shown quote, perhaps after an opening phrase) is a pronoun
    pointing at a sentence not shown: "…it reduces sequential tokens by up to 35.8%", "On the
    FLEURS-VAD-102 benchmark, it achieves ..."."""
    return bool(_DANGLING.search(text))


def restates_setting(sentence: str, question: str) -> bool:
    """``sentence`` introduces the paper ("To address this gap, we introduce PRING, the first
    ...", "we conduct the first systematic study ...") or states the problem the question asks
    the remedy for (``denies_ask``): beside an answer, it repeats what the question says."""
    return bool(INTRODUCES.search(sentence)) or denies_ask(sentence, question)


def with_antecedents(
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
            or _names_before(before.sentence, quote.sentence, question)
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
    points_back = _POINTS_BACK.search(sentence) and MEANS.search(before)
    return bool(points_back) and not need_of(question)


def _names_before(before: str, sentence: str, question: str) -> bool:
    """``sentence`` speaks of the one ``before`` it by a demonstrative ("This innovation
    significantly reduces the latency of image synthesis") and ``before`` holds words of the
    ask it lacks ("we develop a Causal Attention Mechanism combined with the KV Cache" for
    "What does it combine with the KV Cache to reduce latency?", ANTECEDENT_WORDS of them):
    read alone, it hides what it speaks of. A lead giving a number or name asked for reads
    alone."""
    if not _DEMONSTRATIVE.search(sentence) or need_of(question):
        return False
    added = words_of(ask_of(question)) & words_of(before) - words_of(sentence)
    return len(added) >= ANTECEDENT_WORDS


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


def without_aim(sentence: str, question: str) -> str:
    aim = _AIM_CLAUSE.search(sentence)
    if not aim or asks_about_aim(sentence, question):
        return sentence
    return "…" + sentence[aim.end() :]
