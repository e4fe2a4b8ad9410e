"""The TL;DR checker's vocabulary and token helpers: stop and filler words, a crude stem,
content words, the names a paper gives its method and what counts as a name. Pure functions."""

from __future__ import annotations

import re

from assistant.names import title_name


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = wordset(
    """a an the and or but nor of in on at to for from by with without into onto over under
    as is are was were be been being it its this that these those their there here which who
    whom whose what when where while how than then so such not no can could may might will
    would should shall do does did has have had we our us they them he she his her you your
    i me my also both each either more most less least very via per vs up down out off about
    across after before between through during against among within upon all any some one"""
)


# Endings of adjectives, which can stand where a bare verb would ("..., and efficient TTS",
# "the paradigm that effective models must ..."): a word with one is not read as a verb.
ADJECTIVE_END = re.compile(r"(?:ent|ant|al|ive|ic|ous|able|ible|ar|ful|less|ary|ory)$")

# What "this ..." may name without pointing outside the line: the paper itself ("this paper",
# "this study"). A regex alternation, for the demonstrative checks and the fallback's cut.
OWN_WORK = "paper|work|study|survey|article|report"


# A connective that answers a sentence a one-line TL;DR does not show ("In contrast, SFT
# targets ...": contrasted with what?). A regex alternation, for the built line's background
# test and the checker's opening test.
ANSWERING_CONNECTIVE = (
    "in contrast|by contrast|instead|conversely|on the other hand|yet|still|thus|hence|"
    "therefore|consequently|as a result|nevertheless|nonetheless|meanwhile"
)


# The kinds of thing a paper releases for others to use rather than a method: a dataset,
# benchmark or corpus. A regex alternation, for the title line's and the finding's tests.
RESOURCE_KINDS = "benchmark|dataset|data set|corpus|suite|testbed|leaderboard|collection"
# The verbs by which authors report what they found ("we show that", "we identify that"): one
# list for every reader of findings (contribution, findings, the checker's own-finding rule).
FINDING_VERBS = "show|find|demonstrate|prove|reveal|identify|uncover|observe"
# After "A and <word>s": the word ends its phrase ("across models and scales while ..."), so it
# is a noun of the pair, not a verb ("and reduces latency").
PHRASE_ENDS = r"(?!\s*(?:[,.;:)]|$|while\b|whereas\b|but\b))"
# Openings of a sentence about what others did or what is known, not this paper's work: the
# checker's background rule; the line builders also pass over the wider contrast openings.
BACKGROUND_OPENING = (
    r"recent(?:ly)?|in recent years|nowadays|over the (?:past|last)|despite|however"
    # "Prior works have predominantly relied on ..." (round 39): what others did
    r"|(?:prior|previous|earlier) (?:works?|methods|approaches|studies|research|efforts)"
)
CONTRAST_OPENING = r"although|while|traditional(?:ly)?|existing|current(?:ly)?|most|many"


# Words that say a paper exists, not what it does: they do not count as content.
FILLER = wordset(
    """paper papers study studies work works article present presents presented propose
    proposes proposed introduce introduces introduced new novel approach approaches method
    methods research author authors show shows using use uses based toward towards
    better improve improves improved improving enhance enhances enhanced enhancing aim aims
    aiming performance quality effective efficient various different several existing
    result results solution solutions problem problems task tasks framework technique"""
)


# Common words a draft may capitalise (headline style) without naming anything.
GENERIC = wordset(
    """method model network data dataset system algorithm benchmark language image video text
    graph agent policy memory search code theory time series domain space world human deep large
    small fast simple multi single state field point layer weight loss function metric score
    feature structure signal noise token context prompt reward training framework approach"""
)


EDGE = "\"'“”‘’`.,;:!?()[]{}*<>"


WORDS = re.compile(r"[a-z0-9]+")


ACRONYM = re.compile(r"^([A-Z]{2,})s?$")


_DEFINED = re.compile(r"\(([A-Za-z][\w.+-]*[A-Z][\w.+-]*)\)")


def name_pattern(name: str) -> str:
    """A regex for ``name`` as abstracts write it: a hyphen or a space between its parts
    ("InfiMed-ORBIT", "InfiMed ORBIT")."""
    return re.escape(name).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]")


def mentions(text: str, name: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){name_pattern(name)}(?![\w-])", text, re.I))


def strip_token(raw: str) -> str:
    """A whitespace token without surrounding punctuation or a possessive ending."""
    token = raw.strip(EDGE)
    for suffix in ("'s", "’s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    return token.strip(EDGE)


def stem(word: str) -> str:
    """A crude plural fold, enough to match "models" with "model"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Casefolded words of ``text`` that are neither stop words nor filler."""
    return [w for w in WORDS.findall(text.casefold()) if w not in STOPWORDS and w not in FILLER]


def method_names(title: str, abstract: str) -> list[str]:
    """Names the paper gives its method: the title's prefix before a colon (if short) and
    acronyms defined in parentheses, e.g. "(CogDPM)"."""
    names = []
    if head := title_name(title):
        names.append(head)
    names += [m for m in _DEFINED.findall(f"{title} {abstract}") if len(m) <= 30]
    return list(dict.fromkeys(names))


def is_name(token: str, sentence_start: bool) -> bool:
    """Acronyms, inner capitals ("ImageNet"), letters with digits ("GPT-4o"), and capitalised
    words other than at the start of a sentence."""
    if not any(c.isalpha() for c in token):
        return False
    if any(c.isupper() for c in token[1:]):
        return True
    if any(c.isdigit() for c in token):
        return True
    return token[0].isupper() and not sentence_start


# Head nouns that take "a": "LPM 1.0 is a video-based character performance model".
_COUNTABLE = re.compile(
    r"(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|platform|environment|corpus|recipe|"
    r"baseline|engine|simulator|tool|metric|protocol|network|transformer|encoder|planner|"
    r"optimizer|family|generator|testbed|arena|gym|leaderboard|study|survey|analysis|strategy)$"
    # an agent noun is a thing too: "a visual-interactive text-image universal embedder"
    r"|^[a-z-]{4,}(?:er|or)$",
    re.I,
)
# Words in -er/-or that are no agent noun: "Y over Z", "in order", "knowledge transfer".
_NOT_AGENT = frozenset(
    """other under over after matter order power water error color colour behavior behaviour
    humor labor rather together whether never ever either neither further transfer""".split()
)


# Finite verbs with no -ing form a participle chain could take: "producing A and can be
# deployed" mixes the forms (the line builder and the checker both read it).
FINITE_AUX = r"(?:is|are|was|were|has|have|can|could|will|may)"
# A plain verb known by its object's determiner or count ("identify 5 distinct failure modes",
# "synthesize the results"): a series of them after a plural subject cannot follow an -ing
# form (the line builder cuts before it, the checker reads it as a slip).
PLAIN_VERB_OBJECT = (
    r"(?![a-z]+(?:ing|ed|s)\b)[a-z]{4,}\s+(?:\d[\d.,]*|the|a|an|its|their|these|new|novel)\s"
)
# Words opening a clause with its own subject ("where the student re-noises and refines"),
# whose verbs stay finite after an -ing form.
OWN_SUBJECT_CLAUSE = r"\b(?:where|when|whereby|whose)\b"
# Verbs that need their object: a line cannot end on them or give them a comma instead.
OBJECT_ING = (
    "featuring comprising containing incorporating involving integrating combining leveraging "
    "employing utilizing using including"
).split()


def kind_noun(word: str) -> bool:
    """Whether ``word`` names a kind of thing a paper makes ("framework", "dataset",
    "embedder"): the one vocabulary of kinds the title line and the checker share."""
    return bool(_COUNTABLE.search(word)) and word.casefold() not in _NOT_AGENT


# "..., revealing that state-of-the-art MLLMs.": a finding's that-clause of a few words at the
# line's end, which may be its subject alone.
_NOUN_THAT_END = re.compile(
    r"\b(?:reveal|show|demonstrat|indicat|suggest|find|confirm)\w*\s+that\s+"
    r"((?:[\w-]+\s+){0,3}[\w-]+)\.?$",
    re.I,
)
# A word that may be the clause's finite verb: lower-case and ending as a verb does ("-s",
# "-ed") or an auxiliary or a common bare verb; a hyphenated compound or a capitalised name
# ("MLLMs") is not one.
_MAY_BE_VERB = re.compile(
    r"^(?:[a-z]+(?:s|ed)|is|are|was|were|be|can|could|may|might|must|will|would|should|do|"
    r"did|have|had|remain|fail|struggle|lack|need|perform|work|help|hold|exist|emerge|"
    r"improve|outperform|achieve|scale|generali[sz]e|transfer|depend|matter|differ)$"
)


def verbless_that_end(text: str) -> str | None:
    """The words of a that-clause ending ``text`` ("revealing that state-of-the-art MLLMs")
    when none of them may be its verb: a finding cut before what it found; else None."""
    match = _NOUN_THAT_END.search(text.rstrip())
    if not match or any(_MAY_BE_VERB.match(word) for word in match.group(1).split()):
        return None
    return match.group(1)


# "... a new benchmark engineered.", "... as a latent action learned.": a participle after a
# noun ends the line where its complement was cut ("engineered to evaluate ..."); after an
# auxiliary, a pronoun or an adverb it ends a clause ("... is fine-tuned.", "... we collected.").
_BARE_PARTICIPLE_END = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|has|have|had|not|we|they|it|who|which|that)\b)"
    r"(?P<noun>[a-z][\w-]{2,})(?<!ly)\s+(?P<verb>[a-z]{3,}ed|built|made|driven|grown)[.!]?$",
    re.I,
)


def bare_participle_end(text: str) -> tuple[str, str] | None:
    """The noun and participle a line ends on when nothing follows the participle ("a new
    benchmark engineered."), else None."""
    match = _BARE_PARTICIPLE_END.search(text.rstrip())
    return (match["noun"], match["verb"]) if match else None
