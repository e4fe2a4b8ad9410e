"""The TL;DR checker: a pure function from (draft, title, abstract) to the reasons it fails.

A TL;DR is one line of 6-25 words that names the paper's key terms, holds no markup, and
mentions no number or name (capitalised word, acronym, model name) that the title and
abstract do not contain. Everything here is deterministic and side-effect free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from assistant.names import title_name
from assistant.phrasing import EMPTY_NAME
from assistant.summaries.announced import unfinished_list

MIN_WORDS, MAX_WORDS = 6, 35  # the ai_summary lines run 10-46 words, 25 on average


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """a an the and or but nor of in on at to for from by with without into onto over under
    as is are was were be been being it its this that these those their there here which who
    whom whose what when where while how than then so such not no can could may might will
    would should shall do does did has have had we our us they them he she his her you your
    i me my also both each either more most less least very via per vs up down out off about
    across after before between through during against among within upon all any some one"""
)
# Words that say a paper exists, not what it does: they do not count as content.
FILLER = _wordset(
    """paper papers study studies work works article present presents presented propose
    proposes proposed introduce introduces introduced new novel approach approaches method
    methods research author authors show shows using use uses based toward towards
    better improve improves improved improving enhance enhances enhanced enhancing aim aims
    aiming performance quality effective efficient various different several existing
    result results solution solutions problem problems task tasks framework technique"""
)

# Common words a draft may capitalise (headline style) without naming anything.
GENERIC = _wordset(
    """method model network data dataset system algorithm benchmark language image video text
    graph agent policy memory search code theory time series domain space world human deep large
    small fast simple multi single state field point layer weight loss function metric score
    feature structure signal noise token context prompt reward training framework approach"""
)
_COMMON_ENDING = re.compile(
    r"(?:ing|ed|tion|sion|ment|ness|ity|ive|ous|able|ible|ial|ual|ral|nal|ical|ally|ize|ise|"
    r"ized|ised|ism)$"
)
_EDGE = "\"'“”‘’`.,;:!?()[]{}*<>"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"[a-z0-9]+")
_SENTENCE_BREAK = (".", ":", ";", "!", "?")
_DASHES = {"-", "–", "—"}
_MARKUP = re.compile(
    r"https?://|\bwww\.|\]\(|!\[|<[A-Za-z/!][^>]*>|&#?\w+;|\*\*|__|`|^\s*(?:#{1,6}|>|[-*+])\s",
    re.IGNORECASE | re.MULTILINE,
)
# Openings that say nothing of this paper's own work, each with what to say instead.
_EMPTY_OPENINGS = {
    "vacuous: say what the paper proposes or finds, not that it is a study": (
        r"^(?:this|the|our) (?:paper|work|study|article|research) (?:\w+ ){0,2}"
        r"(?:a|an) (?:\w+ )?(?:study|paper|work|analysis|investigation|exploration|discussion)\b"
    ),
    # Background sentences say what others did, not what this paper does.
    "describes the background: say what this paper proposes or finds": (
        r"^(?:recent(?:ly)?|in recent years|nowadays|over the (?:past|last)|despite|however)\b"
    ),
    "starts with a pronoun: name the method or the finding": (
        r"^(?:they|it|these|those|its|their)\b"
    ),
}
_OPENING_FAULTS = [(re.compile(p, re.IGNORECASE), why) for why, p in _EMPTY_OPENINGS.items()]
# A subject that names nothing: "The method is a new approach to ...".
_GENERIC_SUBJECT = re.compile(
    r"^(?:the|this|our|a|an)\s+(?:new\s+|novel\s+|proposed\s+)?(?:method|approach|framework|"
    r"model|technique|system|paper|work|study|research)\s+(?:is|are|was|presents?|proposes?)\b",
    re.IGNORECASE,
)
# Praise an abstract rarely supports; allowed only when the abstract itself uses the word.
HYPE = _wordset(
    """cutting-edge groundbreaking ground-breaking revolutionary revolutionize revolutionizes
    revolutionising revolutionizing game-changing game-changer unprecedented unparalleled
    remarkable remarkably breakthrough amazing incredible exciting powerful seamless
    seamlessly transformative next-generation"""
)
_HYPE_PHRASE = re.compile(
    r"\b(?:to the next level|paving the way|opens? (?:up )?new (?:avenues|possibilities|doors)|"
    r"sets? (?:a )?new standards?|push(?:es|ing)? the (?:boundaries|limits|frontier))\b",
    re.IGNORECASE,
)
# Words a finished sentence does not end on: the line was cut off.
_DANGLING = _wordset(
    """a an the and or but nor of in on at to for from by with without into onto as than that
    which who whose whom where when while its their our his her this these those such via
    between across using including e.g. i.e. etc both either each"""
)
_OPEN_END = re.compile(r"(?:[,;:(\-–—/]|\.\.\.|…)\s*$")
# "... a 46.88% relative improvement w.r.t.": an abbreviation that needs what follows it; its
# full stop is not the sentence's (the word check above strips it: "e.g." reads as "e.g").
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:e\.g|i\.e|w\.r\.t|cf|vs|viz)\.?\s*$", re.I)
# Claims that say little; said twice they say nothing ("improvements ... improvements").
_VAGUE = ("improv", "enhanc", "significant", "substantial", "superior", "outperform")
# A line that points at what it does not contain.
_DANGLING_REF = re.compile(
    r"\brespectively\b|\b(?:these|those|such) (?:challenges|issues|problems|limitations|gaps?)\b"
    r"|\bsuch an?\b(?![^,;.]*\bthat\b)",  # "such a playing field" (not "such a way that")
    re.IGNORECASE,
)
# "surpassing, for visual understanding, them by 15.3%": a comparison whose baseline is a pronoun.
_COMPARED_PRONOUN = re.compile(
    r"\b(?:outperform|surpass|beat|exceed|rival|match)\w*,?\s+(?:[^,;.]{1,60},\s+)?(?:them|it)\b",
    re.IGNORECASE,
)


def _unnamed_baseline(text: str) -> bool:
    """Whether a comparison's baseline is "them"/"it" with no name before it in the line but
    the subject's: the baselines are named in the abstract, not in the line."""
    match = _COMPARED_PRONOUN.search(text)
    if not match:
        return False
    before = text[: match.start()].split()[1:]
    return not any(_is_name(strip_token(word), False) for word in before)


# A line opening "We ...", "This paper ...", "Our ...", "Here ..." has its subject and verb.
_NOT_OWN = r"^(?!(?:we|this|our|here)\b)"
# "X, a framework for ..." and nothing more: a noun phrase, not a sentence.
_APPOSITION_ONLY = re.compile(_NOT_OWN + r"[^,]+,\s+(?:a|an|the)\s+[^,]+$", re.IGNORECASE)
# A headline ("X: A framework for ...") rather than a sentence.
_HEADLINE = re.compile(_NOT_OWN + r"[^\s:]+(?:\s+[^\s:]+){0,4}:\s", re.IGNORECASE)
# Words that point back at something the sentence does not say.
ANAPHORA = re.compile(
    r"\b(?:this|these|such|that|those|the above|the aforementioned)\s+(?:\w+\s+)?(?:phenomen\w*|"
    r"limitations?|gaps?|challenges?|issues?|problems?|shortcomings?|bottlenecks?|drawbacks?|"
    r"observations?|insights?|findings?|questions?|goals?|settings?|tasks?|difficult\w*|"
    r"deficienc\w*|barriers?|concerns?|needs?|trade-?offs?|dilemmas?|weakness\w*|failures?|"
    r"beliefs?|assumptions?|notions?|intuitions?)\b"
    r"|\b(?:to (?:achieve|address|tackle|overcome|solve|fill|bridge|mitigate|close|remedy|"
    r"alleviate|handle|do|accomplish|realize|enable) (?:this|these|that|those|it|them)\b)"
    r"|\b(?:this|these|such) (?:framework|method|approach|model|benchmark|dataset|system|"
    r"technique|paradigm|pipeline|idea|design|strategy|mechanism|module|bias|effect)s?\b"
    r"|^to \w+ the (?:challenges?|gaps?|limitations?|problems?|issues?)\b"
    r"|\bto (?:further|this end|that end)\b|\brespectively\b|\b(?:the former|the latter)\b"
    r"|^we\s+(?:\w+ly\s+)?\w+\s+(?:its|their|it|them)\b"  # "We demonstrate its effectiveness"
    r"|^(?:it|they|this(?!\s+(?:paper|work|study|survey|article|report)\b)|these|those|such|"
    r"its|their|thus|therefore|hence|moreover|furthermore|yet|"
    r"additionally|also|however|then|finally|consequently)\b",
    re.I,
)
# What others have shown: background, not this paper's claim.
_CLAIMED = re.compile(
    r"\b(?:have|has) (?:shown|demonstrated|achieved|become|emerged|attracted)\b"
    r"|\bincreasingly\b|\bremains? (?:a |an )?(?:challeng|open|difficult)",
    re.I,
)
# TeX and quote artefacts copied from the abstract ("17.1\\%", "GUI-360^circ", "Stress-Test''").
# A TeX command whose backslash was lost, glued to its neighbours ("2times", "ARightarrowB",
# "sim25" from "$\\sim$25").
_ARTEFACT = re.compile(
    r"(?<!\w)\^|\^(?!\d)|''|``|\\[A-Za-z%]|\$"
    r"|\dtimes\b|[a-z](?:Right|Left)arrow|(?:right|left)arrow[a-z]|\b(?:sim|approx) ?\d|\dpm\d",
    re.IGNORECASE,
)
# "development-from", "immediaTE": punctuation or casing broken in the copy.
_BROKEN = re.compile(
    r"\b\w+-(?:from|within|into|with|and|or|to|of|in|on|for|the|a)\s|\b[a-z]{3,}[A-Z]{2,}\b"
)
# "World Action Models (WAMs) are ...": the line defines the field instead of the paper's work.
_FIELD_DEFINITION = re.compile(r"^[A-Z][\w\s-]{3,80}\([A-Z][\w-]*s\)\s+(?:are|is)\b")
# Two words for beating a baseline in one line say one claim twice.
_BEATS = re.compile(r"\b(?:outperform|surpass|exceed|beat|better than|superior to)", re.I)
# A trailing "X, a method" with nothing after it: cut off before the description.
_STUB_END = re.compile(r",\s+(?:a|an|the)\s+\w+(?:\s+\w+)?\.?$", re.I)
_INNER_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
# "... at test time. alpha1 first introduces ...": a sentence that opens on a lower-case name.
_INNER_LOWER = re.compile(r"\b(?!(?:etc|approx|resp|vs|al)\b)[a-z]{3,}\)?\.\s+[a-z]")
# "achieving near-zero FLOPs and lowering TTFT than ...": a comparison left without its
# comparative ("lower"), which the participle replaced.
_THAN_UNCOMPARED = re.compile(
    r"\b\w+ing\s+(?:(?!(?:more|less|rather)\b|\w+er\b)[\w-]+\s+){0,3}than\b"
)
# "most of the gain", "behind the score": a result the line never states.
_UNSTATED_RESULT = re.compile(
    r"\bthe\s+(?:gains?|score|improvements?|speedup|boost)\b"
    r"(?!\s+(?:of|on|in|from|for|over|with|at)\b)",
    re.I,
)
# "X is agnostic to ...; we instantiate it with ...", "X is a method ..., and it can achieve
# ...", "X is a benchmark ..., and its performance is ...": a second sentence, its subject a
# pronoun, behind a semicolon or "and".
_SPLICED = re.compile(
    r";\s+(?:we|it|they)\s|\band\s+(?:it|they)\s+(?!\w+ing\b)[a-z]+\b"
    r"|,\s+and\s+(?:its|their)\s+\w+\s+(?:is|are|was|were)\b",
    re.I,
)
# "X is a ..., routing queries, decomposes them ...": a finite verb after a participle clause
# once "is" has been said, the chain's verb forms mixed.
_MIXED_CHAIN = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s[^;]*,\s+(?:\w+ly\s+)?(?!including\b)\w+ing\b[^,]*,"
    r"\s+(?:\w+ly\s+)?(?!\w+ing\b)[a-z]+s\s+(?:them|it|this|these|those|the|a|an|its|their)\b"
)
# "..., achieving X and significantly outperforms Y": a participle and a finite verb joined by
# "and" as if they were one form ("showing that X outperforms ... and achieves" is not).
_MIXED_AND = re.compile(
    r",\s+(?:\w+ly\s+)?(?!including\b)\w+ing\b(?:(?!\bthat\b)[^,;.])*?,?\s+and\s+(?:\w+ly\s+)?"
    r"(?:outperforms|surpasses|achieves|improves|reduces|enables|provides|yields|delivers|"
    r"matches|exceeds|reaches|requires|uses|generates|produces|resumes|supports|"
    r"introduces|shows|demonstrates|reveals|ensures|maintains|offers|preserves|captures|"
    r"learns|predicts|retains|scales|boosts|lowers|increases|enhances|establishes|sets|"
    r"attains|leverages|employs|combines|integrates|decomposes|builds|trains|adopts|"
    r"applies|allows|facilitates|mitigates|addresses|avoids|eliminates|outputs|performs|"
    r"creates|constructs|extends|unifies|bridges|incorporates|exhibits|accelerates|"
    r"remains|rivals)\b",
    re.I,
)
# "X is a task ..., and Y, the first framework ...": the second name has no verb.
_VERBLESS_SECOND = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an|the)\s[^;]*,\s+and\s+[A-Z][\w-]*,\s+(?:a|an|the)\s"
)
_ACRONYM = re.compile(r"^([A-Z]{2,})s?$")
_DEFINED = re.compile(r"\(([A-Za-z][\w.+-]*[A-Z][\w.+-]*)\)")


def check_tldr(tldr: str, title: str, abstract: str) -> list[str]:
    """Why ``tldr`` is not an acceptable TL;DR of the paper; an empty list means it passes."""
    if not tldr.strip():
        return ["empty"]
    source = _source(title, abstract)
    reasons = [
        *_check_shape(tldr),
        *check_form(tldr, abstract),
        *_check_markup(tldr),
        *_check_numbers(tldr, source),
        *_check_binding(tldr, abstract),
        *_check_names(tldr, source),
        *_check_compounds(tldr, title, abstract),
        *_check_substance(tldr, source, title),
        *_check_background(tldr, title, abstract),
        *_check_subject(tldr, title, abstract),
        *check_statement(tldr, title, abstract),
    ]
    if unfinished_list(tldr):
        reasons.append("announces parts or findings it never gives")
    return reasons


def dangles(text: str) -> bool:
    """Whether ``text`` points at something it does not say ("this limitation", "To achieve
    this", "respectively", an opening "It"/"These"/"Yet")."""
    return bool(ANAPHORA.search(text.strip()))


OPENING_WORDS = 6  # a line opening with the abstract's first words copies its background


def _check_background(tldr: str, title: str, abstract: str) -> list[str]:
    """The abstract's opening sentence (unless it already names the method or says "we"), or
    a claim of what others "have shown", says what the field knows, not what this paper does."""
    first = _WORDS.findall(abstract.casefold())[:OPENING_WORDS]
    own = first[:1] == ["we"] or first[:2] in (["this", "paper"], ["in", "this"])
    own = own or any(tldr.startswith(name) for name in method_names(title, abstract))
    opening = _WORDS.findall(tldr.casefold())[:OPENING_WORDS]
    if not own and len(first) == OPENING_WORDS and opening == first:
        return ["copies the abstract's opening (background), not what this paper does"]
    if _CLAIMED.search(tldr) or _FIELD_DEFINITION.search(tldr.strip()):
        return ["describes the background: say what this paper proposes or finds"]
    return []


# "We propose ...", "Our work introduces ...": the paper's own contribution, named or not.
_OWN_CONTRIBUTION = re.compile(
    r"^(?:we|our (?:work|paper|study)|this (?:paper|work|study))\s+(?:\w+ly\s+)?(?:propose|"
    r"introduce|present|develop|design|build|construct|curate|release|contribute)"
    r"|^our (?:approach|method|framework|model|system|pipeline|agent)\b",
    re.I,
)
# "We conduct extensive experiments ...", "Our data and results ...": the evaluation.
_EXPERIMENTS = re.compile(
    r"^(?:we\s+(?:\w+ly\s+)?(?:conduct|evaluate|focus|test|run|perform|benchmark|analy[sz]e)|"
    r"our (?:data|results?|experiments?|analys[ie]s|evaluations?|findings)\b|"
    r"(?:extensive |comprehensive )?experiments\b)",
    re.I,
)
# "X is a benchmark and a framework": two contributions bound to one name.
_TWO_THINGS = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an)\s[^,]{0,80}?\sand\s+(?:a|an)\s"
)
# "SimpleGVR: A Simple Baseline ..."; not a phrase like "Teaching with Lies: ...".
_SHORT_NAME = re.compile(r"^\S*(?:[A-Z]\S*[A-Z0-9]|[a-z][A-Z]|\d)\S*|^\S+$")


def _check_subject(tldr: str, title: str, abstract: str) -> list[str]:
    """A paper titled "X: ..." is summarised by a line about X or about what "we" propose:
    a line about another name (a side release "X-Lite", a benchmark beside the model), the
    background or the experiments says neither what X is nor what it does."""
    head = title_name(title)
    if head is None or not _SHORT_NAME.match(head):
        return []
    if _TWO_THINGS.match(tldr.strip()):
        return ["binds two contributions to one name"]
    if any(_names(tldr, form) for form in _forms_of(head) | _expansions(head, abstract)):
        return []
    if _EXPERIMENTS.match(tldr.strip()):
        return [f"describes the experiments, not what {head} is or does"]
    if _OWN_CONTRIBUTION.match(tldr.strip()):
        return []
    return [f"says neither what {head} is nor what the paper proposes"]


def _forms_of(name: str) -> set[str]:
    """How an abstract writes a title's name: as is (with a space for a hyphen), by its
    initials ("Graph of Skills" -> "GoS"), or by a named part ("InfiMed-ORBIT" -> "ORBIT")."""
    forms = {name}  # its hyphen and space spellings: name_pattern
    parts = [part for part in re.split(r"[-\s]", name) if part]
    if len(parts) > 1:
        forms.add("".join(part[0] for part in parts))
    return forms | {part for part in parts if len(part) >= 3 and _ACRONYM.match(part)}


def _expansions(name: str, abstract: str) -> set[str]:
    """What the abstract spells the name out as, and its initials: "Cognitive Diffusion
    Probabilistic Models (CogDPM)" -> that phrase and "CDPM"."""
    found = set()
    for match in re.finditer(rf"((?:[A-Z][\w-]*\s+){{1,6}})\({re.escape(name)}\)", abstract):
        words = match.group(1).split()
        found |= {" ".join(words), "".join(w[0] for w in words)}
    return found


def name_pattern(name: str) -> str:
    """A regex for ``name`` as abstracts write it: a hyphen or a space between its parts
    ("InfiMed-ORBIT", "InfiMed ORBIT")."""
    return re.escape(name).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]")


def _names(text: str, name: str) -> bool:
    return bool(re.search(rf"(?<![\w-]){name_pattern(name)}(?![\w-])", text, re.I))


def _check_binding(tldr: str, abstract: str) -> list[str]:
    """Numbers attached to other names than in the abstract (assistant.pipeline.meaning owns
    the binding rules)."""
    from assistant.pipeline.meaning import unbound_numbers

    wrong = list(dict.fromkeys(unbound_numbers(tldr, abstract)))
    return [f"number bound to another statement: {', '.join(wrong)}"] if wrong else []


@dataclass(frozen=True)
class _Source:
    """What a TL;DR may draw on: the words, names and numbers of the title and abstract."""

    tokens: frozenset[str]  # casefolded tokens, their hyphen parts and stems
    words: tuple[str, ...]  # casefolded alphanumeric words in order (for acronym initials)
    numbers: frozenset[str]
    key_terms: frozenset[str]  # stems of title content words and method-name parts


@lru_cache(maxsize=256)
def _source(title: str, abstract: str) -> _Source:
    text = f"{title}\n{abstract}"
    tokens: set[str] = set()
    for raw in text.split():
        token = strip_token(raw).casefold()
        tokens.update({token, stem(token), *re.split(r"[-/]", token)})
    names = " ".join(method_names(title, abstract)).casefold()
    key_terms = {stem(w) for w in (*content_words(title), *_WORDS.findall(names))}
    return _Source(
        tokens=frozenset(tokens),
        words=tuple(_WORDS.findall(text.casefold())),
        numbers=frozenset(_norm_number(n) for n in _NUMBER.findall(text)),
        key_terms=frozenset(key_terms),
    )


def strip_token(raw: str) -> str:
    """A whitespace token without surrounding punctuation or a possessive ending."""
    token = raw.strip(_EDGE)
    for suffix in ("'s", "’s"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
    return token.strip(_EDGE)


def stem(word: str) -> str:
    """A crude plural fold, enough to match "models" with "model"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Casefolded words of ``text`` that are neither stop words nor filler."""
    return [w for w in _WORDS.findall(text.casefold()) if w not in STOPWORDS and w not in FILLER]


def method_names(title: str, abstract: str) -> list[str]:
    """Names the paper gives its method: the title's prefix before a colon (if short) and
    acronyms defined in parentheses, e.g. "(CogDPM)"."""
    names = []
    if head := title_name(title):
        names.append(head)
    names += [m for m in _DEFINED.findall(f"{title} {abstract}") if len(m) <= 30]
    return list(dict.fromkeys(names))


def _norm_number(number: str) -> str:
    return number.replace(",", "")


def _check_shape(tldr: str) -> list[str]:
    reasons = []
    if "\n" in tldr.strip() or "\r" in tldr.strip():
        reasons.append("more than one line")
    n = len(tldr.split())
    if n > MAX_WORDS:
        reasons.append(f"too long ({n} words; at most {MAX_WORDS})")
    elif n < MIN_WORDS:
        reasons.append(f"too short ({n} words; at least {MIN_WORDS})")
    return reasons


def check_form(tldr: str, abstract: str = "") -> list[str]:
    """Why ``tldr`` is not one finished, readable sentence: repetition, a cut-off end, a
    dropped name, garbled text, a headline fragment, more than one sentence, or hype that
    ``abstract`` does not use."""
    text = " ".join(tldr.split())
    reasons = [*_repetition(text, abstract), *_cut_off(text), *_garbled(text)]
    reasons += _hype(text, abstract)
    if _HEADLINE.search(text):
        reasons.append('a headline fragment ("X: ..."), not a sentence')
    elif _APPOSITION_ONLY.search(text.rstrip(".")):
        reasons.append('a noun phrase ("X, a ...") with no verb, not a sentence')
    inner = _INNER_SENTENCE.search(text.rstrip(".!? ")) or _INNER_LOWER.search(text)
    if inner or _SPLICED.search(text):
        reasons.append("more than one sentence")
    mixed = bool(_MIXED_AND.search(text) or _THAN_UNCOMPARED.search(text))
    mixed = mixed or _half_converted(text, abstract)
    if _MIXED_CHAIN.search(text) or _VERBLESS_SECOND.search(text) or mixed:
        reasons.append("ungrammatical: a clause of the chain has the wrong verb form or none")
    unstated = _UNSTATED_RESULT.search(text) or _unnamed_baseline(text)
    if _DANGLING_REF.search(text) or dangles(text) or unstated:
        reasons.append('refers to something it does not say ("this gap", "To achieve this")')
    if _ARTEFACT.search(text) or _broken(text, abstract):
        reasons.append("garbled: TeX, quote marks or broken punctuation copied from the abstract")
    if len(_BEATS.findall(text)) > 1:
        reasons.append("says it beats the baselines twice")
    if _STUB_END.search(text):
        reasons.append('cut off: ends on "X, a method" before saying what it is')
    return reasons


# ", learning X and models Y": a participle clause whose second conjunct ends in -s.
_PARTICIPLE_AND = re.compile(
    r",\s+(?:\w+ly\s+)?(?P<root>\w+?)ing\s+(?P<middle>(?:(?!\bthat\b)[^,;.])+?)\s+and\s+"
    r"(?:\w+ly\s+)?(?P<second>[a-z]+s)\s+(?=[\w(])"
)


def _half_converted(text: str, abstract: str) -> bool:
    """Whether the line turned the first of two finite verbs the abstract coordinates into a
    participle and left the second ("encodes X and concatenates them" -> "encoding X and
    concatenates them"): the abstract's "<verb>s X and <second>" shows the second is a verb.
    A second word that is no verb's -s form ("various", "class") does not count."""
    for match in _PARTICIPLE_AND.finditer(text):
        root, middle, second = match.group("root", "middle", "second")
        if second.endswith(("ss", "us", "is")):
            continue
        finite = (
            rf"\b{re.escape(root[:4])}\w*s\s+{re.escape(middle)}\s+and\s+(?:\w+ly\s+)?"
            rf"{re.escape(second)}\b"
        )
        if re.search(finite, " ".join(abstract.split()), re.I):
            return True
    return False


def _broken(text: str, abstract: str) -> bool:
    """Whether a word is broken ("image-to video", "modelLLM"): a compound the abstract
    itself writes that way ("try-on image", "add-on module") is a word, not a break."""
    folded = abstract.casefold()
    return any(
        not re.search(rf"(?<![\w-]){re.escape(m.group().strip().casefold())}(?!\w)", folded)
        for m in _BROKEN.finditer(text)
    )


def _trigrams(text: str) -> list[tuple[str, ...]]:
    words = [w for w in (strip_token(t).casefold() for t in text.split()) if w]
    return [tuple(words[i : i + 3]) for i in range(len(words) - 2)]


def _repetition(text: str, abstract: str) -> list[str]:
    """A three-word phrase said twice (unless the abstract says it twice too: a term), or a
    content word said three times."""
    grams = _trigrams(text)
    repeated = {g for g in grams if grams.count(g) > 1}
    if repeated:
        in_source = _trigrams(abstract)
        if any(in_source.count(g) < 2 for g in repeated):
            return ["repeats a phrase"]
    words = [w for w in (strip_token(t).casefold() for t in text.split()) if w]
    counts: dict[str, int] = {}
    for w in words:
        if w not in STOPWORDS and len(w) > 2:
            counts[w] = counts.get(w, 0) + 1
    if any(n >= 4 for n in counts.values()):
        return ["repeats a word four times"]
    vague = [stem_ for stem_ in _VAGUE if sum(w.startswith(stem_) for w in words) > 1]
    if vague:
        return [f"repeats a vague claim ({vague[0]}...)"]
    return _repeated_content(text, abstract)


# Words that make a repeat a parallel ("intra-shot relations and inter-shot relations").
_JOINERS = _wordset("and or to vs versus from into")


def _near_repeat(words: list[str], tokens: list[str], abstract: str) -> bool:
    """A content word said again within three words, unless that stretch is copied from the
    abstract as it stands and joins two parallel phrases ("intra-shot relations and inter-shot
    relations"): "interactive evidence-centered interactive interface" is the abstract's slip."""
    source = " ".join(abstract.casefold().split())
    for i, w in enumerate(words):
        if not w or len(w) <= 3 or w in STOPWORDS or w not in words[i + 1 : i + 4]:
            continue
        j = words.index(w, i + 1)
        if " ".join(tokens[i : j + 1]).casefold().strip(".,;:") not in source:
            return True
        slip = j <= i + 2 and tokens[i].islower() and not _JOINERS & set(words[i + 1 : j])
        if slip:
            return True
    return False


def _repeated_content(text: str, abstract: str = "") -> list[str]:
    """Two adjacent content words said twice ("medical reasoning ... medical reasoning"), one
    participle clause opened twice (", delivering ... , delivering"), or a name followed by a
    compound of itself ("aDSL enables aDSL-based")."""
    words = [stem(strip_token(t).casefold()) for t in text.split()]
    pairs = [(a, b) for a, b in pairwise(words) if a and b and not {a, b} & STOPWORDS]
    if len(pairs) != len(set(pairs)) or _repeated_compound(text, abstract):
        return ["repeats a phrase"]
    clauses = [m.casefold() for m in _PARTICIPLE.findall(text)]
    if len(clauses) != len(set(clauses)):
        return ["repeats a clause opening"]
    if _near_repeat(words, text.split(), abstract):
        return ["repeats a word within a few words"]
    for name, compound in _NAME_COMPOUND.findall(text):
        if compound == name:
            return ["garbled: a name used as a compound of itself"]
    if _repeats_subject(text):
        return ["repeats its subject's name: two sentences stitched into one"]
    return []


# A name said again as the subject of what the line reports ("..., showing that X ...") or as
# where a result was measured (a dataset's "outperforms ... on X") is the abstract's own
# sentence; said anywhere else it is a second sentence stitched on.
_REPORTS = _wordset("that showing demonstrating revealing proving confirming indicating on")


def _repeats_subject(text: str) -> bool:
    """Whether the line's opening name comes back later ("CHARM is ..., demonstrating the
    performance of CHARM", "ARC-Hunyuan-Video-7B ..., introducing ARC-Hunyuan-Video"), other than
    as the subject of a reported clause."""
    first, _, rest = text.partition(" ")
    name = strip_token(first)
    if not any(c.isupper() for c in name[1:]) and not any(c.isdigit() for c in name):
        return False
    if rest[:1].isupper():  # "KV Packet is ...": the name is longer than its first word
        return False
    forms = {name} | ({name.rsplit("-", 1)[0]} if name.count("-") >= 2 else set())
    for form in forms:
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", rest):
            before = rest[: match.start()].split()[-1:]
            if not before or before[0].casefold() not in _REPORTS:
                return True
    return False


def _repeated_compound(text: str, abstract: str) -> bool:
    """A hyphenated compound said twice ("metric-optimized ... metric-optimized"): two words
    as one token, which the pair check above cannot see; a term the abstract repeats may."""
    compounds = _COMPOUND.findall(text)
    source = abstract.casefold()
    return any(compounds.count(c) > 1 and source.count(c) < 2 for c in set(compounds))


_COMPOUND = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")
_PARTICIPLE = re.compile(r",\s+(\w+ing)\b")
_NAME_COMPOUND = re.compile(r"\b(\w*[A-Z]\w*)\s+(?:\S+\s+){0,2}?(\w*[A-Z]\w*)-\w+")


# "..., such as DocUNet, DIR300, WarpDoc": a line ending on a list with neither "and" before
# its last item nor a full stop: the list was cut.
_LIST_TAIL = re.compile(
    r",\s*[^,\s]+(?:\s[^,\s]+){0,2},\s*(?!(?:and|or)\b)[^,\s]+(?:\s[^,\s]+){0,2}$"
)


def _cut_off(text: str) -> list[str]:
    last = text.split()[-1].casefold().rstrip(".!?\"'”’") if text.split() else ""
    if _OPEN_END.search(text) or last in _DANGLING or _ABBREVIATION_END.search(text):
        return ["cut off: it does not end as a finished sentence"]
    cut_list = _LIST_TAIL.search(text) and not re.search(r"\b(?:and|or)\s+[^,]*$", text)
    if cut_list and not text.endswith((".", "!", "?")):
        return ["cut off: a list ends with neither 'and' nor a full stop"]
    if (
        text.count("(") != text.count(")")
        or text.count('"') % 2
        or text.count("“") != text.count("”")
    ):
        return ["cut off: an unclosed parenthesis or quote"]
    return []


# "SimpleGVR is a simple baseline for ...": a sentence saying what the named work is, which
# says more than the title even when every content word comes from it.
_DEFINES = re.compile(r"^[^\s:]+(?:\s[^\s:]+){0,2}\s+(?:is|are)\s+(?:a|an)\s+\S+\s+\S+")
_BUT_ALSO = re.compile(r"\bbut (?:\w+ )?also\b", re.I)
_NOT_ONLY = re.compile(r"\bnot (?:\w+ )?only\b", re.I)
# "..., achieving best, and ...": a comparative or superlative with no noun after it.
_BARE_SUPERLATIVE = re.compile(r"\b(?:achiev|attain|reach)\w*\s+(?:best|better|superior)\b\s*[,;.]")
# "the is a new loss function": an article with no noun before the verb.
_BARE_ARTICLE = re.compile(r"\b(?:the|a|an)\s+(?:is|are|was|were|has|have)\b", re.I)
# "showing that the our EditCrafter": two determiners in a row (an abstract's typo, or a cut).
_TWO_DETERMINERS = re.compile(r"\b(?:the|a|an|our|its|their)\s+(?:the|a|an|our|its|their)\b", re.I)
# "DarkForest. is a framework" (a name cut with its sentence's period) and "Envision-a causal
# event benchmark" (the abstract's own lost spaces around a dash).
_STRAY_PERIOD = re.compile(r"^\S+\.\s+(?:is|are)\s|\w-(?:a|an|the)\s", re.I)
# "We present, a data-free framework": the abstract's name was a macro the feed dropped.
CUE_WITHOUT_NAME = re.compile(
    r"\b((?:we|this paper|this work)\s+(?:\w+\s+)?(?:present|introduce|propose|develop)s?)\s*,\s+"
    r"(?=(?:a|an|the)\s)",
    re.I,
)
# "outperforming, on the RoboTwin benchmark, DP": a result verb cut from its object.
_PARTICIPLE_COMMA = re.compile(
    r"\b(?:outperform|improv|achiev|surpass|reach|attain|deliver|yield|reduc|boost|exceed|"
    r"beat|match|increas)ing,\s(?!(?:for (?:instance|example)|e\.g\.|i\.e\.|in particular),)",
    re.I,
)


def _garbled(text: str) -> list[str]:
    if EMPTY_NAME.search(text):
        return ['garbled: a name is missing after "called"']
    if re.search(r"(.)\1{3,}|[^\w\s]{3,}|\b(\w+) \2\b", text, re.IGNORECASE):
        return ["garbled: repeated characters or words"]
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return ["garbled: too few letters"]
    if _GENERIC_SUBJECT.search(text):
        return ['vacuous: the subject names nothing ("The method is ...")']
    if _BUT_ALSO.search(text) and not _NOT_ONLY.search(text):
        return ['garbled: "but also" without its "not only"']
    if _BARE_ARTICLE.search(text):
        return ['garbled: an article with no noun ("the is")']
    if _BARE_SUPERLATIVE.search(text):
        return ['garbled: "achieving best" with no noun after it']
    if _TWO_DETERMINERS.search(text):
        return ['garbled: two determiners in a row ("the our")']
    if _NOT_ONLY.search(text) and not _BUT_ALSO.search(text) and " but " not in text:
        return ['garbled: "not only" without its "but"']
    if _STRAY_PERIOD.search(text):
        return ['garbled: a stray period ("DarkForest. is", "Envision-a causal")']
    if CUE_WITHOUT_NAME.search(text):
        return ['garbled: what it presents has no name ("We present, a ...")']
    if _PARTICIPLE_COMMA.search(text):
        return ['garbled: a result verb cut from its object by a comma ("outperforming, on X, Y")']
    return []


def _hype(text: str, abstract: str) -> list[str]:
    source = abstract.casefold()
    words = {strip_token(w).casefold() for w in text.split()}
    hype = [w for w in words & HYPE if w not in source]
    phrase = _HYPE_PHRASE.search(text)
    if phrase and phrase.group(0).casefold() not in source:
        hype.append(phrase.group(0))
    return [f"hype the abstract does not use: {', '.join(sorted(hype))}"] if hype else []


def _check_markup(tldr: str) -> list[str]:
    return ["contains markup (a URL, link, HTML or formatting)"] if _MARKUP.search(tldr) else []


def _check_numbers(tldr: str, source: _Source) -> list[str]:
    invented = [n for n in _NUMBER.findall(tldr) if _norm_number(n) not in source.numbers]
    if not invented:
        return []
    return [f"number not in the abstract: {', '.join(dict.fromkeys(invented))}"]


def _check_names(tldr: str, source: _Source) -> list[str]:
    invented = []
    sentence_start = True
    for raw in tldr.split():
        token = strip_token(raw)
        if token and _is_name(token, sentence_start) and not _known(token, source):
            invented.append(token)
        sentence_start = raw.endswith(_SENTENCE_BREAK) or raw in _DASHES
    if not invented:
        return []
    return [f"name not in the abstract: {', '.join(dict.fromkeys(invented))}"]


PREFIX = 5  # words sharing this many first letters count as the same word ("speeding"/"speed")


def check_borrowed(tldr: str, title: str, abstract: str, examples: str) -> list[str]:
    """Content words the line shares with the prompt's worked ``examples`` but not with the
    title or abstract: the tiny model copying an example ("far below human grandmasters")."""
    source = _source(title, abstract)
    known = {t[:PREFIX] for t in source.tokens if len(t) >= PREFIX}
    shown = {w[:PREFIX] for w in content_words(examples) if len(w) >= PREFIX}
    borrowed = [
        w
        for w in content_words(tldr)
        if len(w) >= PREFIX and w[:PREFIX] in shown and w[:PREFIX] not in known
    ]
    if not borrowed:
        return []
    return [f"copied from the prompt's examples, not in the abstract: {', '.join(borrowed)}"]


_LOWER_COMPOUND = re.compile(r"(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])")
_INFLECTION = re.compile(r"(?:ing|ed|es|e|s)$")


def _check_compounds(tldr: str, title: str, abstract: str) -> list[str]:
    """Hyphenated compounds the source does not write in any spelling ("multi-agent
    red-teaming" for a scene-graph paper, "human-to-humano-to-world"): invented or garbled.
    An inflection of the source's compound is its word ("fine-tune" -> "fine-tuning")."""
    source = " ".join(f"{title} {abstract}".casefold().split())
    invented = [
        c
        for c in dict.fromkeys(_LOWER_COMPOUND.findall(tldr))
        if all(
            form not in source
            for form in (_INFLECTION.sub("", c), c.replace("-", ""), c.replace("-", " "))
        )
    ]
    return [f"a compound the abstract does not use: {', '.join(invented)}"] if invented else []


def _is_name(token: str, sentence_start: bool) -> bool:
    """Acronyms, inner capitals ("ImageNet"), letters with digits ("GPT-4o"), and capitalised
    words other than at the start of a sentence."""
    if not any(c.isalpha() for c in token):
        return False
    if any(c.isupper() for c in token[1:]):
        return True
    if any(c.isdigit() for c in token):
        return True
    return token[0].isupper() and not sentence_start


def _known(token: str, source: _Source) -> bool:
    folded = token.casefold()
    if folded in source.tokens or stem(folded) in source.tokens or folded in STOPWORDS:
        return True
    if token.isalpha() and token[1:].islower() and _harmless(stem(folded)):
        return True
    parts = [p for p in re.split(r"[-/]", token) if p]
    if sum(p[:1].isupper() for p in parts) > 1:  # "Gui-TARS": a name the source lacks whole
        return False
    if len(parts) > 1:
        return all(not _is_name(p, i == 0) or _known(p, source) for i, p in enumerate(parts))
    return _expands(token, source.words)


def _harmless(word: str) -> bool:
    """A common word, capitalised only because the draft is in headline style."""
    return word in GENERIC or word in FILLER or bool(_COMMON_ENDING.search(word))


def _expands(token: str, words: tuple[str, ...]) -> bool:
    """True for an acronym of consecutive source words: "LLMs" <- "large language models"."""
    match = _ACRONYM.match(token)
    if not match:
        return False
    letters = match.group(1).casefold()
    k = len(letters)
    return any(
        all(words[i + j][0] == letters[j] for j in range(k)) for i in range(len(words) - k + 1)
    )


def _related(word: str, term: str) -> bool:
    """Same word up to its ending: "fairness" ~ "fair", "reinforcement" ~ "reinforcing"."""
    if word == term:
        return True
    short, long = sorted((word, term), key=len)
    if len(short) >= 4 and long.startswith(short):
        return True
    return word[:6] == term[:6] and len(word) >= 6 and len(term) >= 6


def _check_substance(tldr: str, source: _Source, title: str) -> list[str]:
    for opening, why in _OPENING_FAULTS:
        if opening.search(tldr.strip()):
            return [why]
    content = {stem(w) for w in content_words(tldr) if len(w) > 1}
    if not any(_related(word, term) for word in content for term in source.key_terms):
        return ["vacuous: names none of the paper's key terms (title words or method name)"]
    if len(content) < 3:
        return ["vacuous: too few content words"]
    if content <= source.key_terms and not _DEFINES.match(tldr.strip()):
        return ["only restates the title: say what the method does or finds"]
    if _echoes_title(tldr, title):
        return ["echoes the title: say what the method does or finds"]
    return []


TITLE_RUN = 5  # a line opening with this many title words uses the title as its subject


def _echoes_title(tldr: str, title: str) -> bool:
    """Whether the line opens with the title (beyond a short method name before its colon,
    which a TL;DR should name): "LLM Unlearning Should Be Form-Independent, a method ..."."""
    if title_name(title):
        title = title.partition(":")[2]
    words = _WORDS.findall(title.casefold())
    opening = " ".join(_WORDS.findall(tldr.casefold())[:TITLE_RUN])
    runs = {" ".join(words[i : i + TITLE_RUN]) for i in range(len(words) - TITLE_RUN + 1)}
    return opening in runs


# "Our visualization further shows ...": a secondary finding copied from the abstract's middle.
_SECONDARY = re.compile(
    r"\b(?:further|also|additionally)\s+(?:show|demonstrat|reveal|find|confirm|indicat|highlight|"
    r"suggest|prov|illustrat|verif)\w*",
    re.I,
)
# "The method enables ...", "Our approach relies on ...": a subject that names nothing, with
# any verb in the third person.
_UNNAMED_SUBJECT = re.compile(
    r"^(?:the|our)\s+(?:new\s+|novel\s+|proposed\s+)?(?:method|approach|framework|model|"
    r"technique|system|pipeline|algorithm|strategy|solution)s?\s+(?:\w+ly\s+)?"
    r"(?:can|could|is|are|enables|allows|improves|achieves|outperforms|surpasses|yields|"
    r"delivers|offers|provides|shows|demonstrates|leads|reduces|increases|boosts|[a-z]+[^s\W]s)\b",
    re.I,
)
# "While this area is young, its extension ...": the main clause is about a pronoun.
_CLAUSE_THEN_PRONOUN = re.compile(
    r"^(?:while|although|though|whereas|as|since|because|when|if)\b[^,]{0,150},\s*"
    r"(?:it|its|they|their|this|these|those|such)\b",
    re.I,
)
# ", adopting ...", ", designed for ...": a participle clause hung on the subject.
_PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?:\w+ly\s+)?(?:(?!including\b)\w+ing|\w+ed\s+(?:for|to|by|with|on|in|from|as|via))\b",
    re.I,
)
STACKED = 3  # three participle clauses chained on one subject read as a stitched list
# "TAIR, a novel restoration task ..., outperforms ...", "X is the first benchmark for ...,
# achieving state-of-the-art results": a task or dataset does not beat methods. Only the head
# noun counts ("a model trained on the ... dataset" may), and a result after "showing that
# <another name>" or "models that achieve" has its own subject.
_RESULT_ON_KIND = re.compile(
    r"^\S+(?:\s\S+){0,2}(?:\s\([^)]*\))?(?:\s+(?:is|are)\s+|,\s+)(?:a|an|the)\s+"
    r"(?:(?!(?:a|an|the|on|of|for|in|with|to|by|from|and|or|that|which|trained|built|based|"
    r"using|via)\b)[\w'-]+\s+){0,6}?"
    r"(?:benchmark|dataset|corpus|task|problem|survey|setting|testbed|leaderboard)s?"
    r"(?![\w-])(?!\s+and\b)"
    r"(?:(?!\b(?:show|demonstrat|reveal|find|found|indicat|prov)\w*\s+that\b)[^.;])*?"
    r"(?:(?<!that )(?<!which )\b(?:achiev|attain|reach|deliver|set)\w*\s+(?:a\s+)?(?:new\s+)?"
    r"(?:state-of-the-art|sota|superior|competitive|top)\b"
    r"|,\s+(?:\w+ly\s+)?(?:outperform|surpass|beat|exceed))",
    re.I,
)
# "incorporating three key ingredients": a count of parts promised and not given (": ...",
# "(1) ...", "for X, Y and Z" give them).
_PROMISED_PARTS = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|multiple)\s+(?:key|core|main|major|novel|"
    r"critical|important|crucial|complementary|essential|fundamental|primary|central|distinct)\s+"
    r"(?:ingredients|components|mechanisms|modules|stages|strategies|innovations|techniques|"
    r"contributions|designs|steps|phases|pillars|principles|insights|advances|aspects|factors|"
    r"dimensions|axes|challenges|issues|problems|limitations|properties|objectives|parts|"
    r"elements|features|improvements|ideas|findings|lessons|observations|capabilities)\b"
    r"(?!,?\s*(?::|\(|—|–|(?:namely|including|such as|like|for)\b))",
    re.I,
)
# "X is a multi-agent system ..., first decomposing a user idea into ...": the first step of a
# procedure, which promises the rest, is a detail, not the paper's point.
_FIRST_STEP = re.compile(r",\s+(?:by\s+)?first(?:ly)?\s+\w+ing\b", re.I)
# "We introduce Klear and delve into ...", "We propose X (its expansion).": a name
# introduced without saying what it is.
_BARE_INTRODUCTION = re.compile(
    r"\b(?:introduce|present|propose|release|develop)s?\s+[A-Z][^\s,(]*\s*(?:\([^)]*\)\s*)?"
    r"(?:\band\s+[a-z]|\.?$)"
)
# "Second, X improves ...": one item of the abstract's list, not the paper's point.
_LIST_ITEM = re.compile(r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|finally|lastly),", re.I)
# "Results show X effectively ...": the evaluation's verdict, not what the paper proposes.
_RESULTS_OPENING = re.compile(
    r"^(?:the\s+)?results\s+(?:show|demonstrate|indicate|reveal|suggest|confirm)", re.I
)
# "X is a cost-effective, end-to-end agent.": what kind of thing X is, not what it does.
_KIND_ONLY = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an|the)\s+"
    r"(?:(?!(?:for|of|to|in|on|with|that|which|from|by)\b)[^\s.;:]+\s+){0,6}(?:agent|model|framework|"
    r"method|approach|system|benchmark|dataset|pipeline|tool|toolkit|library|platform|suite|"
    r"architecture|algorithm|paradigm)s?\.?$",
    re.I,
)
LIGHT_VERBS = _wordset("provide provides offer offers enable enables deliver delivers")
# "MUR is comprehensively evaluated against ...": the line's main verb says the work was
# evaluated, which every paper is, not what it does or finds.
_EVALUATED = re.compile(
    r"^\S+(?:\s\S+){0,5}?(?:\s\([^)]*\))?\s+(?:is|are|was|were|has been|have been)\s+"
    r"(?:\w+ly\s+)?(?:evaluated|tested|compared|benchmarked|validated|assessed)\b",
    re.I,
)
# "... and we thought that current usage could benefit ...": what the authors believe or hope,
# the motivation, not what they did or found ("we argue" states a position paper's thesis).
_BELIEF = re.compile(
    r"\bwe\s+(?:\w+ly\s+)?(?:thought|think|believe|feel|hope|wonder|suspect|expect|"
    r"hypothesi[sz]e|conjecture)\b",
    re.I,
)
# "MotionMillion-Eval is the most comprehensive benchmark ..., demonstrating strong
# generalization": a benchmark or dataset is credited with what only a method shows
# (performance, generalization, gains); "revealing performance gaps" is a benchmark's finding.
_CLAIM_ON_KIND = re.compile(
    r"^\S+(?:\s\S+){0,2}(?:\s\([^)]*\))?(?:\s+(?:is|are)\s+|,\s+)(?:a|an|the)\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:benchmark|dataset|corpus|task|survey|testbed|leaderboard)s?(?![\w-])"
    r"[^.;]*?,\s+(?:(?:\w+ly\s+)?(?:demonstrat|show|exhibit|yield|deliver|achiev|bring|attain|"
    r"reach|obtain)\w*\s+(?!that\b)(?:[\w-]+\s+){0,2}?|and\s+its\s+)(?:generali[sz]ation|"
    r"improvements?|gains|accuracy|performance(?!\s+(?:gaps?|drops?|differences?|degradation|"
    r"declines?)))\b",
    re.I,
)


def check_statement(tldr: str, title: str, abstract: str) -> list[str]:
    """Why ``tldr`` is not the paper's main statement: a secondary finding, an unnamed or
    wrong subject, a dangling motivation, a stitched chain of clauses, a name introduced
    bare, a phrase cut short of the abstract's, or the title dressed as a sentence."""
    text = " ".join(tldr.split())
    faults = [
        (_SECONDARY, 'a secondary finding ("further shows"), not the paper\'s main point'),
        (_UNNAMED_SUBJECT, 'vacuous: the subject names nothing ("Our approach enables ...")'),
        (_CLAUSE_THEN_PRONOUN, "a motivation clause about a pronoun, not the paper's work"),
        (_RESULT_ON_KIND, "a result attached to a task or dataset, not to the method"),
        (_PROMISED_PARTS, 'names a count of parts ("three key ingredients") but not the parts'),
        (_FIRST_STEP, 'the first step of a procedure ("first training ..."), not the point'),
        (_BARE_INTRODUCTION, "introduces a name without saying what it is"),
        (_LIST_ITEM, 'one item of a list ("Second, ..."), not the paper\'s main point'),
        (_RESULTS_OPENING, '"Results show ...": say what the paper proposes or finds'),
        (_KIND_ONLY, "vague: says what kind of thing it is, not what it does or is for"),
        (_EVALUATED, "says only that it was evaluated, not what it does or finds"),
        (_BELIEF, 'the authors\' belief or motivation ("we thought"), not what they did'),
        (_CLAIM_ON_KIND, "a method's result credited to a benchmark or dataset"),
        (_CLOSING, 'a closing remark ("We finally ..."), not the paper\'s main point'),
    ]
    reasons = [why for pattern, why in faults if pattern.search(text)]
    if len(_PARTICIPLE_CLAUSE.findall(text)) >= STACKED:
        reasons.append("a stitched chain of participle clauses")
    if _clipped(text, abstract):
        reasons.append("cut off: the abstract's phrase goes on past the line's last word")
    if _subject_cut(text, abstract):
        reasons.append("cut off: the clause's subject is left without its verb")
    if _list_cut_short(text, abstract):
        reasons.append("cut off: the abstract's list goes on past the line's last item")
    if _means_not_contribution(text, abstract):
        reasons.append('a means ("We design a pipeline ..."), not the contribution it serves')
    if _drops_relation(text, abstract):
        reasons.append('says X is what the abstract says X is built on ("is [built on] a")')
    if _title_casing(text, title, abstract) or _title_with_verb(text, title, abstract):
        reasons.append("echoes the title: say what the method does or finds")
    if _points_outside(text):
        reasons.append('refers to something it does not say ("this formalism", "these skills")')
    return reasons


# "this formalism", "these capabilities": a demonstrative a one-line TL;DR cannot resolve.
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those)\s+(?!(?:paper|work|study|survey|article|report|way)\b)([a-z][\w-]*)",
    re.I,
)


def _points_outside(text: str) -> bool:
    """Whether a demonstrative's word ("this *emergent* system") is one the line has not
    said before it: the referent is in the abstract, not in the line."""
    for match in _DEMONSTRATIVE.finditer(text):
        said = {stem(w) for w in _WORDS.findall(text[: match.start()].casefold())}
        if stem(match.group(1).casefold()) not in said:
            return True
    return False


# "We finally identify six open design directions ...": the abstract's closing remark.
_CLOSING = re.compile(r"^(?:finally|lastly),?\s|^we\s+(?:finally|lastly)\b", re.I)
# "..., showing that achieving intended outcomes.": a that-clause whose subject is a gerund
# phrase and which ends before its verb.
_GERUND_THAT_END = re.compile(r"\bthat\s+(\w+ing\s+(?:[\w-]+\s+){0,5}[\w-]+)\.?$")


def _subject_cut(text: str, abstract: str) -> bool:
    """Whether the line ends a that-clause on its gerund subject where the abstract's clause
    goes on to its verb ("that achieving intended outcomes [...] remains challenging")."""
    match = _GERUND_THAT_END.search(text)
    if not match:
        return False
    source = " ".join(abstract.split())
    return bool(re.search(rf"\b{re.escape(match.group(1))}\s+[\w-]", source))


def _list_cut_short(text: str, abstract: str) -> bool:
    """Whether the line ends on an item of a list the abstract goes on with: "combining a
    Direction Oracle, a soft binding-affinity gate." where the abstract has "..., a soft
    binding-affinity gate, and amortized fine-tuning"."""
    head, comma, tail = text.rstrip(" .").rpartition(",")
    tail = tail.strip()
    if not comma or len(tail.split()) < 2 or re.search(r"\b(?:and|or)\b", tail):
        return False
    source = " ".join(abstract.split())
    before = " ".join(head.split()[-2:])
    item = rf"{re.escape(before)},\s+{re.escape(tail)},?\s+(?:and|or)\s+\w"
    return bool(re.search(item, source))


# "We design ...", "We build ...": how the authors made something, not what they propose.
_WE_MEANS = re.compile(
    r"^we\s+(?:\w+ly\s+)?(?:design|build|use|adopt|employ|leverage|apply|implement|utili[sz]e|"
    r"incorporate|add|train|construct|develop|devise|collect|curate)\b",
    re.I,
)
_CONTRIBUTION = re.compile(
    r"\b(?:propose|proposes|introduce|introduces|we present|this (?:paper|work) presents)\b", re.I
)
OWN_WORDS = 4  # the line's words after "We" that find its own sentence in the abstract


def _means_not_contribution(text: str, abstract: str) -> bool:
    """Whether an authors'-voice line tells how they built a part ("We design a Geometry-to-
    Video pipeline ...") while another sentence of the abstract states the contribution
    ("we propose ReRe ..."): the line gives a means, not the paper's point."""
    if not _WE_MEANS.match(text):
        return False
    own = " ".join(text.split()[1 : 1 + OWN_WORDS]).casefold()
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(abstract.split()))
    return any(_CONTRIBUTION.search(s) for s in sentences if own not in s.casefold())


# "DreamStyle is a vanilla Image-to-Video model": the line's subject and what it is said to be.
_IS_A = re.compile(
    r"^(?P<name>\S+(?:\s\S+){0,2}?)\s+(?:is|are)\s+(?P<what>(?:a|an|the)\s+\S+\s+\S+)"
)


def _drops_relation(text: str, abstract: str) -> bool:
    """Whether the line says "X is a Y" where the abstract says "X is built on a Y" (based on,
    derived from, trained with ...): the cut relation made X the thing it builds on."""
    match = _IS_A.match(text)
    if not match:
        return False
    related = (
        rf"{re.escape(match['name'])}\s+(?:is|are)\s+(?:\w+\s+){{1,3}}?"
        rf"(?:on|upon|from|with|by|of|as|in|into|to)\s+{re.escape(match['what'])}"
    )
    return bool(re.search(related, " ".join(abstract.split()), re.I))


CLIP_RUN = 3  # the line's last words, looked up in the abstract


def _clipped(text: str, abstract: str) -> bool:
    """Whether the line, with no full stop, copies an abstract sentence but stops one content
    word short of its end: "... closer to production" where the abstract ends "closer to
    production standards."; with a full stop the shorter phrase was chosen ("... reliable
    automated evaluation." for "evaluation methods.")."""
    if text.rstrip().endswith((".", "!", "?")):
        return False
    tail = [strip_token(t).casefold() for t in text.split()][-CLIP_RUN:]
    raw = abstract.split()
    folded = [strip_token(t).casefold() for t in raw]
    ends = [
        i + CLIP_RUN - 1
        for i in range(len(folded) - CLIP_RUN + 1)
        if folded[i : i + CLIP_RUN] == tail
    ]
    return len(tail) == CLIP_RUN and bool(ends) and all(_drops_last_word(raw, i) for i in ends)


def _drops_last_word(raw: list[str], i: int) -> bool:
    """Whether token ``i`` of the abstract is followed, with no punctuation between, by the
    content word that ends its sentence."""
    if i + 1 >= len(raw) or raw[i] != raw[i].rstrip(_EDGE + "-"):
        return False
    nxt = raw[i + 1]
    word = strip_token(nxt)
    ends_sentence = nxt.endswith((".", "!", "?")) and not nxt.endswith("...")
    return ends_sentence and word.isalpha() and word.islower() and word not in STOPWORDS


def _title_casing(text: str, title: str, abstract: str) -> bool:
    """A capitalised phrase of the source copied with broken casing: "shot Boundary
    Detection" (the title has "Shot Boundary Detection"). Only a common word counts, one the
    source also writes in lower case: "varying Gaussian" keeps a proper adjective."""
    tokens = [strip_token(t) for t in f"{title} {abstract}".split()]
    common = {t for t in tokens if t.islower()}
    source = list(pairwise(tokens))
    capitalised = {
        (a.casefold(), b.casefold())
        for a, b in source
        if a.istitle() and b.istitle() and a.isalpha() and b.isalpha()
    }
    for a, b in set(pairwise(strip_token(t) for t in text.split()[1:])) - set(source):
        broken = a.isalpha() and a.islower() and a not in STOPWORDS and b.casefold() in common
        if broken and b.istitle() and (a.casefold(), b.casefold()) in capitalised:
            return True
    return False


def _title_with_verb(text: str, title: str, abstract: str) -> bool:
    """ "X provides <the title's words>", "X is a <the title's words>" (with a kind word such as
    "dataset" at most): the title as a sentence adds nothing to it."""
    names = {w.casefold() for n in method_names(title, abstract) for w in _WORDS.findall(n)}
    words = {stem(w) for w in content_words(text) if w not in names}
    title_words = {stem(w) for w in content_words(title)}
    new = words - title_words
    if len(words) >= 3 and bool(new) and new <= {stem(v) for v in LIGHT_VERBS}:
        return True
    return len(words) >= 2 and new <= {stem(w) for w in GENERIC}
