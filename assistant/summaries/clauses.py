"""The clauses a TL;DR head is joined with, each cut from one abstract sentence: the main
result ("achieving 50.4% on CLEVRER") and how the method works ("combining A with B"), both
as -ing clauses, with the points where a how clause may end early; and numbered lists
collapsed to their items' names. Pure functions (used by assistant.summaries.compress).
"""

from __future__ import annotations

import re

from assistant.summaries.checker import dangles, name_pattern
from assistant.summaries.checker_words import (
    FINITE_AUX,
    OWN_SUBJECT_CLAUSE,
    PHRASE_ENDS,
    PLAIN_VERB_OBJECT,
    verbless_that_end,
)

# A leading phrase ending in a comma before the main clause ("To address this, we ...").
CONNECTIVES = (
    "in addition|additionally|moreover|furthermore|finally|further|then|also|notably|"
    "specifically|importantly|in particular|to this end|to that end|"
    # adverbs that only say how the authors feel about what follows ("Specially" is a common
    # slip for "Specifically")
    "remarkably|surprisingly|interestingly|impressively|crucially|critically|specially|overall"
)
_CONNECTIVE = re.compile(rf"^(?:{CONNECTIVES}),\s+", re.I)
# A leading phrase may hold a number's comma ("Analyzing roughly 38,000 hours of ..., we") or
# a short list's ("Inspired by how humans pause, zoom, and re-read critical regions, we");
# up to 90 characters, or 120 with no clause of its own ("We introduce X: after ..., we").
_SHORT_LIST_COMMA = r",(?=\s+(?:and\s+)?[\w-]+(?:\s+[\w-]+)?,\s+and\s)|,(?=\s+and\s+[\w-]+\s)"
_LEADING = re.compile(
    rf"^(?:(?:[^,]|(?<=\d),(?=\d{{3}})|{_SHORT_LIST_COMMA}){{1,90}}"
    r"|(?!we\b)(?:[^,:;]|(?<=\d),(?=\d{3})){91,120})"
    r",\s+(?=(?:we|this|our|here)\b)",
    re.I,
)
# "X (Long Expansion)" -> "X": the expansion adds words, not content.
EXPANSION = re.compile(r"\s*\((?=[^)]*\s)[^()]{3,80}\)")
# A leading phrase the result holds without ("Across diverse benchmarks, X matches ..."), not
# one that limits it ("On non-RL-ready tasks like WebArena, X outperforms ... by 30%") or
# points back ("As a result", "Building on this"). A phrase may hold a number ("160,000") or
# a parenthesis with commas; "On average" and "On multiple benchmarks" do not limit.
# A leading phrase's character: no comma but one inside a number ("1,600") or between the short
# items of a list ("Across A, B, and C, X outperforms ..."), each followed by a comma or "and".
_LIST_COMMA = r",(?=\s+(?:(?:and|or)\s+)?[^\s,()]+(?:\s+[^\s,()]+){0,3}?(?:,|\s+(?:and|or)\s))"
_PHRASE_PART = rf"(?:[^,()]|(?<=\d),(?=\d)|{_LIST_COMMA}|\([^()]*\))"
_ON_ANY = r"on\s+(?:average|multiple|various|diverse|all|several|many|numerous|standard)\b"
_BEFORE_NAME = (
    rf"(?:(?:(?={_ON_ANY})|(?!(?:(?:and|but)\s+)?(?:on|at|for|in|as|when|if|only)\b))"
    rf"(?!{_PHRASE_PART}*?\b(?:this|these|that|result)\b)"
    rf"{_PHRASE_PART}{{3,200}}?,\s+)?"
)
_RESULT_LEAD = (  # NAME and VERBS are filled in per paper
    r"^(?:.{0,160}?\b(?:show|shows|showing|showed|demonstrate|demonstrates|demonstrating|"
    r"demonstrated|indicate|indicates|indicated|reveal|reveals|revealed|confirm|confirms|"
    r"confirmed|verify|verifies|verified|validate|validates|validated|find|finds|found)"
    r"\s+(?:that\s+)?)?"
    r"(?P<subject>(?:our|the proposed|the resulting|this)\s+(?:\w+\s+){0,2}?(?:method|approach|"
    r"model|framework|system|technique|algorithm|pipeline|agent|policy|recipe|architecture)s?"
    r"(?:,\s+NAME,)?|"  # "Our model, OmniVinci, outperforms ..."
    # "our orthogonal update strategy improves ...": only "our", as "this strategy" may be
    # another's
    r"(?:our|the proposed)\s+(?:[\w-]+\s+){0,2}?(?:strategy|scheme|mechanism|loss|objective|"
    r"design|paradigm|solution)s?|"
    # "the 8B-parameter FaithLens outperforms ...", "Falcon-H1 models demonstrate ..."
    + _BEFORE_NAME
    # "Our RefEdit, trained on only 20,000 triplets, outperforms ...": the aside is dropped
    + r"(?:(?:our\s+|the\s+[\w.-]+\s+)?(?:NAME)(?:\s+(?:models?|family|series|variants?))?"
    r"(?:,\s+(?:[^,;()]|(?<=\d),(?=\d)){3,80}?,)?|it))"
    r"\s+(?:\([^()]{1,20}\)\s+)?"  # "X (32B) scores ..."
    r"(?:(?:consistently|significantly|substantially|also|further|notably|still|"
    r"even|clearly|greatly|largely)\s+)?(?P<verb>VERBS)\b"
)
# "X demonstrates strong performance": a verb of showing is a result verb only before one of
# these words.
_SHOWN = (
    r"(?=\s+(?:strong|superior|state-of-the-art|significant|substantial|consistent|competitive|"
    r"remarkable|excellent|robust|improved|better|higher|lower|faster|stronger|clear)\b)"
)
# Result verbs and their -ing forms, for "X is a Y that Z, achieving ...".
_ING = {
    "outperforms": "outperforming",
    "outperform": "outperforming",
    "achieves": "achieving",
    "achieve": "achieving",
    "improves": "improving",
    "improve": "improving",
    "reduces": "reducing",
    "reduce": "reducing",
    "surpasses": "surpassing",
    "surpass": "surpassing",
    "yields": "yielding",
    "yield": "yielding",
    "reaches": "reaching",
    "reach": "reaching",
    "attains": "attaining",
    "attain": "attaining",
    "boosts": "boosting",
    "boost": "boosting",
    "delivers": "delivering",
    "deliver": "delivering",
    "matches": "matching",
    "match": "matching",
    "exceeds": "exceeding",
    "exceed": "exceeding",
    "obtains": "obtaining",
    "obtain": "obtaining",
    "accelerates": "accelerating",
    "accelerate": "accelerating",
    "beats": "beating",
    "beat": "beating",
    "sets": "setting",
    "set": "setting",
    "establishes": "establishing",
    "establish": "establishing",
    "raises": "raising",
    "raise": "raising",
    "cuts": "cutting",
    "cut": "cutting",
    "lowers": "lowering",
    "lower": "lowering",
    "preserves": "preserving",
    "maintains": "maintaining",
    "enables": "enabling",
    "generalizes": "generalizing",
    "scales": "scaling",
    "speeds": "speeding",
    "increases": "increasing",
    "decreases": "decreasing",
    "scores": "scoring",
    # past tense: "Experiments show that X outperformed ...", "X achieved ..."
    "outperformed": "outperforming",
    "achieved": "achieving",
    "improved": "improving",
    "reduced": "reducing",
    "surpassed": "surpassing",
    "yielded": "yielding",
    "reached": "reaching",
    "attained": "attaining",
    "boosted": "boosting",
    "delivered": "delivering",
    "matched": "matching",
    "exceeded": "exceeding",
    "obtained": "obtaining",
}
# Verbs of showing, result verbs only before a word of _SHOWN ("X shows superior ...").
_SHOWING = {
    "demonstrates": "demonstrating",
    "demonstrate": "demonstrating",
    "shows": "showing",
    "show": "showing",
    "exhibits": "exhibiting",
    "exhibit": "exhibiting",
}
RESULT_WORDS = frozenset(_ING.values())
# "and reduces" follows the first verb; "and improved alignment" is a noun phrase, and so is
# a word ending a phrase ("across different models and scales while ...", "... and scales.").
_AND_VERB = re.compile(
    r"\b(?:and|or|but)\s+(?:(?:consistently|significantly|substantially|also|further)\s+)?("
    + "|".join(v for v in _ING if not v.endswith("ed"))
    + r")\b"
    + PHRASE_ENDS,
    re.I,
)
CLAUSE_END = re.compile(
    r",\s+(?:which|while|thereby|thus|validating|demonstrating|highlighting|showing|"
    r"indicating|suggesting|confirming|underscoring|establishing|offering|providing|paving|"
    r"making|and\s+(?:demonstrat|show|highlight|provid|offer)\w*)\b|;\s|\s+—\s|:\s"
)


def strip_lead(sentence: str) -> str:
    """The sentence without a leading phrase before its subject ("To address this, we ...")
    or a connective ("In addition, X ..."), and without "then" after "we"."""
    sentence = _CONNECTIVE.sub("", sentence.strip(), count=1)  # "Remarkably, despite X, our"
    sentence = _CONNECTIVE.sub("", _LEADING.sub("", sentence, count=1), count=1)
    return capitalise(re.sub(r"^(we|We)\s+then\s+", r"\1 ", sentence))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.^][A-Za-z0-9]+)*")


def casefolded_words(text: str) -> list[str]:
    """``text``'s words in case-folded form, hyphenated and dotted ones ("GPT-4o", "1.3x") whole."""
    return [w.casefold() for w in _WORD.findall(text)]


def _and_ing(match: re.Match[str]) -> str:
    """ "and reduces" -> "and reducing", "and consistently outperforms" -> "and consistently
    outperforming", to follow the first verb's -ing form."""
    words = match.group(0).split()
    return " ".join([*words[:-1], _ING[match.group(1).lower()]])


# "RefEdit is a model trained on our ... pipeline": the authors' "our" in a line about X.
# Only after a preposition: "and our fastest variant" says whose variant it is.
_OUR = re.compile(r"\b(on|in|by|of|to|via|from|with|using|through)\s+our\s+(?!(?:own|proposed)\b)")
_NAMED_ARE = re.compile(r"^[^,]{1,80}?\sare\s")
# A line about a named method: "RefEdit ...", "Lexical Bias Watermarking ...", "Mozi is ...";
# not "Informative supervision signals ..., showing that agents trained with our approach".
_NAMED_SUBJECT = re.compile(
    r"^(?:[A-Z][\w.-]*[A-Z0-9][\w.-]*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){1,4}|[A-Z][\w-]*(?=\s+(?:is|are)\s))"
    r"[\s,]"
)


def owned_by_subject(line: str) -> str:
    """ "X is a model trained on our pipeline" -> "... on its pipeline", "with our results
    preferred" -> "with its results preferred": the line is about X, and the checker refuses
    one that switches to the authors' voice."""
    if not _NAMED_SUBJECT.match(line):
        return line
    owner = "their" if _NAMED_ARE.match(line) else "its"
    return _OUR.sub(lambda m: f"{m.group(1)} {owner} ", line)


def result_clause(sentence: str, name: str | None, aliases: tuple[str, ...] = ()) -> str | None:
    """The main result of a sentence whose subject is the method (``name`` or one of its
    ``aliases``) as an -ing clause ("achieving 50.4% on CLEVRER"), cut before any trailing
    commentary; None when the sentence has no such result."""
    names = "|".join(re.escape(n) + _SIZED for n in (name, *aliases) if n) or "(?!x)x"
    verbs = "|".join(sorted(_ING, key=len, reverse=True))
    verbs += "|" + "|".join(f"{v}{_SHOWN}" for v in sorted(_SHOWING, key=len, reverse=True))
    text = strip_lead(sentence)
    lead = _RESULT_LEAD.replace("VERBS", verbs)
    match = re.match(lead.replace("NAME", names), text, re.I)
    match = match or re.match((_LIMITED_LEAD + lead[1:]).replace("NAME", names), text, re.I)
    if match is None:
        return None
    said = text[match.end() :]
    # "outperforms A, achieves B, and ...", "reduces A, reveals B, and gives C": the first
    finite = _FINITE_AFTER.search(said) or _FINITE_SERIES.search(said)
    rest = _result_rest(said[: finite.start()] if finite else said)
    rest = rest and _AND_VERB.sub(_and_ing, rest)
    # "outperforms strong baselines and encourages ...": both verbs of the result
    rest = rest and _AND_SUFFIX_VERB.sub(lambda m: _and_verb_ing(m, text), rest)
    verb = match.group("verb").lower()
    limit = match.groupdict().get("limit")  # it stays with the result, after it: "achieving R
    # on X" (between commas, "achieving, on X, R" read as stilted to a reader)
    rest = rest and (f"{rest} {limit[:1].lower()}{limit[1:]}" if limit else rest)
    if not rest:
        return None
    clause = f"{_ING.get(verb) or _SHOWING[verb]} {rest}"
    sized = re.search(rf"(?:{names}){_SIZE}", match.group("subject"))
    # the size stays with the result, whose numbers are that variant's
    return f"with {sized.group(0)} {clause}" if sized else clause


# The name's sized variant ("Despite being smaller, HiconAgent-3B outperforms ..."): the
# method's own result, at one of its sizes.
_SIZE = r"-\d+(?:\.\d+)?[BM]\b"
_SIZED = rf"(?:{_SIZE})?"
# A leading phrase that limits the result ("On the 32B scale, A^2FM achieves 13.4% ..."): kept
# in the clause ("achieving 13.4% ... on the 32B scale"), with the method's own name as the
# subject (not "it"); not a discourse marker ("In contrast") or a phrase pointing back.
_DISCOURSE = (
    r"in\s+(?:contrast|essence|summary|short|general|turn|fact|addition|particular|sum|total)|"
    r"as\s+such|for\s+(?:example|instance)|on\s+the\s+other\s+hand"
)
_LIMITED_LEAD = (
    rf"^(?P<limit>(?=(?:on|at|for|in|as|when|if|under|with|during)\s)(?!(?:{_DISCOURSE})\s*,)"
    rf"(?!{_PHRASE_PART}*?\b(?:this|these|that|those|result|such)\b){_PHRASE_PART}{{3,120}}?),\s+"
    r"(?=(?:the\s+[\w.-]+\s+)?(?:NAME)\b)"
)


# "We apply RL training with VerIF to two models, achieving significant improvements ...": what
# the authors' own method or training achieved, as the -ing clause after "we" and what they
# did; not after what they found or think ("We find that X ..., reducing ..."), nor a verb
# that as often says what a step does ("enabling", "scaling", "increasing").
_WE_DID = re.compile(
    r"^We\s+(?!(?:find|found|observe|note|show|argue|identify|discover|hope|believe|expect|"
    r"hypothesi[sz]e|conjecture|can|could|may|might|will|would)\b)[^,;:]{10,200}?,\s+"
    r"(?P<verb>achieving|outperforming|improving|surpassing|yielding|reducing|reaching|"
    r"attaining|boosting|delivering|matching|exceeding|obtaining|accelerating|beating|cutting|"
    r"lowering)\s+"
)


def we_result_clause(sentence: str) -> str | None:
    """The -ing result clause of a sentence saying what the authors did and what it achieved
    ("We adopt a single-tower design ..., achieving tight audio-visual alignment" ->
    "achieving tight audio-visual alignment"), cut before trailing commentary; None when the
    sentence is not of that form."""
    match = _WE_DID.match(strip_lead(sentence))
    if match is None:
        return None
    rest = _result_rest(strip_lead(sentence)[match.end() :])
    return f"{match.group('verb')} {_AND_VERB.sub(_and_ing, rest)}" if rest else None


def _result_rest(rest: str) -> str | None:
    """What a result verb says, cut before trailing commentary, or before a later clause that
    dangles ("..., surpassing the previous best by 9.6% and 6.6%, respectively"); None when
    less than two words or only a dangling part is left."""
    end = CLAUSE_END.search(rest)
    rest = (rest[: end.start()] if end else rest).strip(" .,;")
    if dangles(EXPANSION.sub("", rest)):
        cut = _LATER_CLAUSE.search(rest)
        rest = rest[: cut.start()].strip(" .,;") if cut else _before_pairs(rest)
    rest = EXPANSION.sub("", rest)  # "(98.5% and 67.1%, respectively)" goes with the brackets
    if not rest or dangles(rest) or len(rest.split()) < 2 or _LIST_ITEM.search(rest):
        return None
    return rest


# Where a result that ends on values paired "respectively" can stop before them: "improves
# accuracy by 7.4% on A, and by 4.9% and 5.5% on B and C, respectively" -> "... on A".
_PAIRS_CUT = re.compile(r",?\s+with\s|,\s+and\s|,?\s+while\s")
# "30.6% and 16.6%": two values whose names follow later, so no cut may keep them.
_PAIRED_VALUES = re.compile(r"\d%?\s*(?:,|and)\s*(?:by\s+)?[+-]?\d")


def _before_pairs(rest: str) -> str:
    """``rest`` cut before the last part that leaves it pointing at nothing ("respectively"),
    when what is left is a whole result with every number bound; ``rest`` itself otherwise."""
    for cut in reversed(list(_PAIRS_CUT.finditer(rest))):
        kept = rest[: cut.start()].strip(" .,;")
        if dangles(kept) or _PAIRED_VALUES.search(kept) or not _whole_result(kept):
            continue
        return kept if len(kept.split()) >= MIN_RESULT_WORDS else rest
    return rest


# A second finite result verb after a comma: a list of results, cut to its first.
_FINITE_AFTER = re.compile(
    r",\s+(?:and\s+)?(?:" + "|".join(v for v in _ING if v.endswith("s")) + r")\b", re.I
)
# "It reduces A, reveals B, and gives C": a series of finite verbs of any kind (a word ending in
# "-s" after a comma and again after ", and"), which an -ing clause cannot carry past its first.
# "reveal A, identify 5 B, and synthesize 5 C": the plain forms after a plural subject, each
# before its object's determiner or count
_FINITE_SERIES = re.compile(
    r",\s+[a-z]*[^\Wsiu]s\s[^,;]+,\s+and\s+[a-z]*[^\Wsiu]s\s"
    rf"|,\s+{PLAIN_VERB_OBJECT}[^,;]+,\s+and\s+{PLAIN_VERB_OBJECT}"
)
# A second -ing clause after a result ("..., surpassing X by 9.6%").
_LATER_CLAUSE = re.compile(r",\s+(?:and\s+)?[a-z]+ing\s")
# Where a result can end and still say something whole: before a second -ing clause, a
# "while" clause or a comparison of costs ("..., while using fewer parameters").
# "..., and the AR model attains ...": a clause with a subject of its own.
_RESULT_CUT = re.compile(
    _LATER_CLAUSE.pattern + r"|,?\s+while\s|,\s+with\s|,\s+and\s+(?:the|our|its|their)\s"
)
# "achieving 1) state-of-the-art ...": an item of a list the clause leaves out.
_LIST_ITEM = re.compile(r"(?:^|\s)\(?(?:\d|i{1,3}|iv)\)\s")
MIN_RESULT_WORDS = 3


def result_cuts(clause: str) -> list[str]:
    """The shorter forms of a result clause, longest first: cut before each later -ing,
    "while" or "with" clause ("achieving 41.5% on WebArena, surpassing ..." -> "achieving
    41.5% on WebArena"), each saying something whole."""
    cuts = [clause[: m.start()].strip(" ,") for m in _RESULT_CUT.finditer(clause)]
    return [c for c in reversed(cuts) if len(c.split()) >= MIN_RESULT_WORDS and _whole_result(c)]


# Where a finding can end early and still say what was found: before a condition or contrast
# (", provided the dynamics are stable"), a later clause of its own, or what follows a colon.
_FINDING_CUT = re.compile(
    _RESULT_CUT.pattern + r"|,\s+(?:and\s+that|provided|given|as long as|whereas|although|"
    r"though|which|"
    r"especially|particularly)\s|:\s"
)
MIN_FINDING_WORDS = 5


def finding_cuts(finding: str) -> list[str]:
    """``finding`` and its shorter forms, longest first, each cut where a clause ends
    ("X achieves optimal sample complexity, ..., provided the dynamics are stable" -> "X
    achieves optimal sample complexity, ..."): a long finding shortened, not dropped."""
    cuts = [finding[: m.start()].strip(" ,") for m in _FINDING_CUT.finditer(finding)]
    kept = [c for c in reversed(cuts) if len(c.split()) >= MIN_FINDING_WORDS]
    return [finding, *(c for c in kept if _whole_result(c))]


def _whole_result(clause: str) -> bool:
    """Whether a cut result ends on a word that closes something and points at nothing, and
    not on a finding's subject cut from its verb ("revealing that state-of-the-art MLLMs")."""
    return not (dangles(clause) or _OPEN_END.search(clause) or verbless_that_end(clause))


_OPEN_END = re.compile(r"\b(?:and|or|of|to|by|than|from|the|a|an|over|on|in|for|with)$", re.I)
# "Experiments on X show consistent accuracy gains ...": what the paper's own experiments
# show, without naming the method; not a vague "the effectiveness of X".
_EVIDENCE_LEAD = re.compile(
    r"^(?:(?:our|the|extensive|comprehensive|empirical|experimental|quantitative|qualitative|"
    r"and|both|further)\s+){0,4}(?:experiments?|results?|evaluations?|stud(?:y|ies)|"
    r"analys[ie]s)\b[^,;:]{0,100}?\s+"
    r"(?P<verb>show|shows|demonstrate|demonstrates|reveal|reveals|indicate|indicates)\s+"
    r"(?P<that>that\s+)?",
    re.I,
)
_VAGUE_EVIDENCE = re.compile(
    r"^(?:the\s+)?(?:effectiveness|efficacy|superiority|validity|feasibility|potential|"
    r"advantages?|benefits?|value|utility|importance|merits?)\b|^(?:our|the|this)\s+"
    r"(?:hypothesis|claims?)\b|^(?:it|they|this|these|our|we)\b|^\S+'s\s"  # "X's superior ..."
    r"|\b(?:its|their|they|them)\b",  # whose? the sentence names no subject
    re.I,
)
MIN_EVIDENCE_WORDS = 4  # "revealing a clear structure" says nothing yet
_VERB_ING = {
    "show": "showing",
    "shows": "showing",
    "demonstrate": "demonstrating",
    "demonstrates": "demonstrating",
    "reveal": "revealing",
    "reveals": "revealing",
    "indicate": "indicating",
    "indicates": "indicating",
}


def evidence_clause(sentence: str) -> str | None:
    """What the paper's experiments show as an -ing clause ("showing consistent accuracy gains
    and reduced hallucination"), from a sentence whose subject is its experiments or results;
    None when the sentence has none, says only that the method works, or opens a list ("reveal
    a clear structure: ...")."""
    match = _EVIDENCE_LEAD.match(strip_lead(sentence))
    if match is None:
        return None
    said = strip_lead(sentence)[match.end() :]
    series = _FINITE_SERIES.search(said)  # "reveal A, identify 5 B, and ...": A alone
    said = said[: series.start()] if series and not match.group("that") else said
    end = CLAUSE_END.search(said)
    rest = None if end and end.group(0).startswith(":") else _result_rest(said)
    if rest is None or _VAGUE_EVIDENCE.search(rest) or len(rest.split()) < MIN_EVIDENCE_WORDS:
        return None
    if match.group("that") is None:  # "show X and establish Y": both follow "showing"
        rest = _AND_VERB.sub(_and_ing, rest)
    that = "that " if match.group("that") else ""
    return f"{_VERB_ING[match.group('verb').lower()]} {that}{rest}"


# "showing that X generates ...": what the experiments show the method itself does; NAME is
# filled in per paper.
_SHOWN_OF = (
    r"^(?:showing|demonstrating|revealing|indicating)\s+(?:that\s+)?(?:the\s+)?(?:our\s+)?(?:NAME)\s+"
    r"(?:(?:consistently|significantly|substantially|effectively|also|further)\s+)?"
    r"(?:(?:can|could)\s+(?:also\s+)?(?!(?:be|have|do|not|also)\b)(?P<base>[a-z]+)|(?P<verb>[a-z]+s))"
    r"(?:\s+and\s+(?P<second>[a-z]+s))?\s+(?=\S)"
)


# "... and can be directly deployed": a second verb with no -ing form to take.
_AND_FINITE = re.compile(rf"\band\s+(?:\w+ly\s+)?{FINITE_AUX}\s")
# ", produces longer responses": a later verb of the series, which might stay finite.
_LATER_VERB = re.compile(r",\s+(?:and\s+)?[a-z]+[^s\W]s\s")


# "UniReason 1.0": a name's version, which the abstract's sentences often leave out.
_VERSION = re.compile(r"\s+v?\d+(?:\.\d+)*$")


def evidence_of(clause: str, names: tuple[str, ...], sentence: str) -> str:
    """What the experiments show the method itself does, said of it ("showing that FlowLet
    generates high-fidelity volumes" -> "generating high-fidelity volumes"): a line whose
    subject is the method would name it twice. ``clause`` as it is when it says no such thing
    or its verb has no sure -ing form (``sentence``: where the verb may be a noun too)."""
    names = (*names, *(_VERSION.sub("", name) for name in names if _VERSION.search(name)))
    named = "|".join(name_pattern(name) for name in names if name)
    match = re.match(_SHOWN_OF.replace("NAME", named), clause, re.I) if named else None
    if match is None:
        return clause
    verbs = [match.group("verb") or f"{match.group('base')}s", match.group("second")]
    plain = sentence.replace(f"and {verbs[1]}", "") if verbs[1] else sentence
    ings = [_ING.get(v) or _ing_form(v, plain) for v in verbs if v]
    if not all(ings) or _LATER_VERB.search(clause[match.end() :]):
        return clause
    if _AND_FINITE.search(clause[match.end() :]):  # "producing A and can be deployed" (round 44)
        return clause
    rest = _AND_VERB.sub(_and_ing, clause[match.end() :])  # "... and reduces B": "reducing"
    rest = _AND_OBJECT_VERB.sub(lambda m: _and_verb_ing(m, sentence), rest)
    return f"{' and '.join(str(ing) for ing in ings)} {rest}"


# Verbs that say how a method works, with their -ing forms: "X is a Y for Z, combining A and B".
_HOW_ING = {
    "uses": "using",
    "employs": "employing",
    "leverages": "leveraging",
    "combines": "combining",
    "integrates": "integrating",
    "incorporates": "incorporating",
    "utilizes": "utilizing",
    "utilises": "utilising",
    "adopts": "adopting",
    "applies": "applying",
    "exploits": "exploiting",
    "features": "featuring",
    "comprises": "comprising",
    "consists of": "consisting of",
    "relies on": "relying on",
    "builds on": "building on",
    "builds upon": "building upon",
    "learns": "learning",
    "trains": "training",
    "fine-tunes": "fine-tuning",
    "decomposes": "decomposing",
    "constructs": "constructing",
    "couples": "coupling",
    "unifies": "unifying",
    "formulates": "formulating",
    "reformulates": "reformulating",
    "casts": "casting",
    "treats": "treating",
    "replaces": "replacing",
    "augments": "augmenting",
    "fuses": "fusing",
    "encodes": "encoding",
    "transforms": "transforming",
    "extracts": "extracting",
    "distills": "distilling",
    "injects": "injecting",
    "aligns": "aligning",
    "optimizes": "optimizing",
    "guides": "guiding",
    "generates": "generating",
    "synthesizes": "synthesizing",
    "performs": "performing",
    "repurposes": "repurposing",
    "converts": "converting",
    "equips": "equipping",
    "enforces": "enforcing",
    "assigns": "assigning",
    "selects": "selecting",
    "retrieves": "retrieving",
    "routes": "routing",
    "refines": "refining",
    "rewrites": "rewriting",
    "adjusts": "adjusting",
    "predicts": "predicting",
    "introduces": "introducing",
    "empowers": "empowering",
    "offers": "offering",
    "considers": "considering",
    "gathers": "gathering",
    "filters": "filtering",
    "renders": "rendering",
    "covers": "covering",
    "discovers": "discovering",
    "triggers": "triggering",
    "clusters": "clustering",
    "monitors": "monitoring",
    "edits": "editing",
    "exhibits": "exhibiting",
    "inherits": "inheriting",
    "targets": "targeting",
    "conditions": "conditioning",
    "develops": "developing",
    "opens": "opening",
    "visits": "visiting",
    "limits": "limiting",
    "orders": "ordering",
    "alters": "altering",
    "registers": "registering",
    "embeds": "embedding",
    "controls": "controlling",
    "infers": "inferring",
    "transmits": "transmitting",
    "omits": "omitting",
}
# What "we" do that is another contribution or the evaluation, not how the method works.
_NOT_WE = frozenset(
    {"introduces", "constructs", "performs", "features", "comprises", "consists of", "selects"}
)
# Words ending in "s" after a name that are not its verb ("X models", "X is", "X has").
_NOT_VERBS = frozenset(
    """is was has does its thus models variants series weights results agents policies methods tasks
    approaches outputs scores samples experiments as his this""".split()
)
# Words after a plural noun that a verb is never followed by ("X policies not only improve").
_NOUN_NEXT = re.compile(
    r"(?:not|also|can|could|will|would|are|were|do|have|consistently|achieve|improve|"
    r"outperform|show|demonstrate|learn|exhibit|remain|yield|perform)\b",
    re.I,
)
# Verbs of _HOW_ING that are as often plural nouns: never converted after "and".
_NOUNS_TOO = frozenset(
    """filters clusters orders targets limits edits conditions controls offers covers features
    registers monitors triggers renders""".split()
)
# A final single vowel and consonant: the -ing form may double it ("embeds" -> "embedding").
_SINGLE_FINAL = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")
# An unstressed last syllable keeps its single consonant: "recovering", "broadening", "reasoning"
# (not "prefer", "refer", "transfer": "preferring").
_UNSTRESSED_END = re.compile(r"\w{3,}(?:[^f]er|en|on)$")
# What a method is called in a how sentence's subject ("our framework", "the method").
_THING_KINDS = (
    "method approach framework model system technique algorithm pipeline agent architecture "
    "benchmark dataset recipe policy"
).split()
# Kinds that as often name what the method trains or acts on ("the model": the base model).
_NOT_THE_METHOD = frozenset({"model", "agent", "policy"})
_KINDS = f"(?:{'|'.join(_THING_KINDS)})"
# The subject and verb of a how sentence ("Specifically, X first trains ..."); NAME, NEXT
# (subjects allowed only right after the head's sentence) and VERBS are filled in per paper.
_HOW_LEAD = (
    r"^(?:[^,]{1,90},\s+)?"
    rf"(?P<subject>NAME|(?:our|the proposed)\s+(?:[\w-]+\s+){{0,2}}?{_KINDS}NEXT)\s+"
    r"(?P<adverbs>(?:(?:first|also|further|then|\w+ly)\s+){0,2})"
    r"(?:(?:is|are)\s+(?P<part>\w+ed|built|taught|made|grown|drawn)"
    r"(?=\s+(?:by|through|via|with|on|using|from|in|to)\b)|(?P<verb>VERBS))\s+"
)
# "It", "The framework": the method only right after the sentence that introduced it (not
# "the model", which is as often the base model the method trains).
_NEXT_KINDS = "|".join(k for k in _THING_KINDS if k not in _NOT_THE_METHOD)
_NEXT_SUBJECT = rf"|it|(?:the|this)\s+(?:[\w-]+\s+)?(?:{_NEXT_KINDS})"
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|where|when|whose)\b", re.I)
_OWN_SUBJECT_CLAUSE = re.compile(OWN_SUBJECT_CLAUSE, re.I)
_THEN_VERB = re.compile(
    r"\b((?:and|then|and then|,\s*then)(?:\s+(?:further|also|then|finally))?)\s+"
    r"(\w+(?: of| on| upon)?)\b",
    re.I,
)
# "comprising two key components": a count that points at a list the clause leaves out.
POINTER = re.compile(
    r"\b(?:two|three|four|five|six|several|multiple)\s+(?:[\w-]+\s+){0,2}(?:components|"
    r"contributions|innovations|stages|modules|parts|steps|principles|dimensions|advances|"
    r"phases|mechanisms|elements|ideas|designs|challenges|issues|problems|limitations|"
    r"questions|tasks)$",
    re.I,
)


def how_clause(sentence: str, names: tuple[str, ...], follows_head: bool = False) -> str | None:
    """How the method works, as an -ing clause ("combining A with B") from a sentence whose
    subject is the method (its name, "our framework", or "it" right after the head's own
    sentence), cut before trailing commentary; None when the sentence says no such thing."""
    text = strip_lead(sentence)
    means = _means(text, names)
    if means is not None:
        return means
    match = _how_lead(text, names, follows_head)
    if match is None:
        return None
    rest = text[match.end() :]
    if _SHOWS.match(match.group("verb") or "") and not _SHOWN_RESULT.search(rest):
        return None
    if _OUTLOOK.match(match.group("verb") or ""):
        return None
    if _NOUN_NEXT.match(rest):
        return None
    end = _clause_end(rest)
    if rest[end : end + 1] == ":" and _ANNOUNCES.search(rest[:end]):
        return None  # "introduces a unique capability: precise ...": the what comes after
    rest = EXPANSION.sub("", rest[:end]).strip(" .,;")
    relative = _RELATIVE_WORD.search(rest)  # "that unifies and generalizes" stays finite
    split = relative.start() if relative else len(rest)
    head = _AND_SUFFIX_VERB.sub(lambda m: _and_verb_ing(m, text), rest[:split])
    rest = _THEN_VERB.sub(lambda m: _then_ing(m, text), head) + rest[split:]
    # Not in a clause with its own subject: "where the student re-noises and refines" stays.
    own = _OWN_SUBJECT_CLAUSE.search(rest)
    own_at = own.start() if own else len(rest)
    rest = _AND_OBJECT_VERB.sub(lambda m: _and_verb_ing(m, text), rest[:own_at]) + rest[own_at:]
    if not rest or len(rest.split()) < 2:
        return None
    adverbs = match.group("adverbs").replace("then ", "")
    verb = match.group("part") or _ing_form(match.group("verb").lower(), text)
    return f"{adverbs}{verb} {rest}" if verb else None


# "a unique capability", "three key components": a phrase that announces what a colon gives.
_ANNOUNCES = re.compile(
    r"\b(?:a|an|two|three|four)\s+(?:[\w-]+\s+)?(?:capability|capabilities|feature|features|"
    r"property|properties|ability|advantage|insight|idea|component|components|mechanism)\s*$"
)
# "Our approach shows remarkable extensibility": what the method shows is a result (or a
# vague claim), not how it works.
_SHOWS = re.compile(r"(?:show|demonstrate|exhibit|display|reveal)s\b", re.I)
# "our framework opens new opportunities for ...": the outlook, not how the method works.
_OUTLOOK = re.compile(r"(?:opens|paves)\b", re.I)
_SHOWN_RESULT = re.compile(r"\b(?:outperform|surpass|improv|achiev|reduc|\d)", re.I)


# "Our approach addresses this challenge by halting ...", "We achieve this by aligning ...":
# the method's means, an -ing clause already; NAME is filled in per paper.
_MEANS_LEAD = (
    r"^(?:we|our\s+(?:[\w-]+\s+){0,2}?(?:approach|method|framework|model|system)|NAME)\s+"
    r"(?:address|tackle|achieve|solve|accomplish|realize|overcome)(?:s|es)?\s+"
    r"(?:this|these|it|them|that)(?:\s+[\w-]+){0,2}?\s+by\s+(?=\w+ing\s)"
)


def _means(text: str, names: tuple[str, ...]) -> str | None:
    """The -ing clause after "addresses this challenge by" / "achieve this by", cut before
    trailing commentary; None when the sentence has no such means."""
    named = "|".join(name_pattern(name) for name in names) or "(?!x)x"
    match = re.match(_MEANS_LEAD.replace("NAME", named), text, re.I)
    if match is None:
        return None
    rest = text[match.end() :]
    end = CLAUSE_END.search(rest)
    rest = EXPANSION.sub("", rest[: end.start()] if end else rest).strip(" .,;")
    return rest if len(rest.split()) >= 3 and not dangles(rest) else None


def _how_lead(text: str, names: tuple[str, ...], follows_head: bool) -> re.Match[str] | None:
    """The subject and verb opening a how sentence: the method (or "it", "the framework") and
    a verb of how it works, or, right after the head's sentence, "we" and a verb of how the
    method is made ("we first train an SAE ...")."""
    named = "|".join(name_pattern(name) for name in names) or "(?!x)x"
    verbs = "|".join(re.escape(v) for v in sorted(_HOW_ING, key=len, reverse=True))
    lead = _HOW_LEAD.replace("NAME", named).replace("NEXT", _NEXT_SUBJECT if follows_head else "")
    match = re.match(lead.replace("VERBS", verbs + r"|[a-z]+s"), text, re.I)
    if match is not None or not follows_head:
        return match
    base = "|".join(
        re.escape(_base(v)) for v in sorted(_HOW_ING, key=len, reverse=True) if v not in _NOT_WE
    )
    return re.match(
        _HOW_LEAD.replace("NAME", "we").replace("NEXT", "").replace("VERBS", base), text, re.I
    )


def _base(verb: str) -> str:
    """ "applies" -> "apply", "relies on" -> "rely on", "uses" -> "use"."""
    first, _, rest = verb.partition(" ")
    first = first[:-3] + "y" if first.endswith("ies") else first[:-1]
    return f"{first} {rest}".strip()


def third_person(verb: str) -> str:
    """ "automate" -> "automates", "teach" -> "teaches", "unify" -> "unifies"."""
    if re.search(r"(?:s|sh|ch|x|z)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


def _ing_form(verb: str, sentence: str) -> str | None:
    """The -ing form of a present-tense verb ("uses" or "use" -> "using"), None for a result
    verb (the result clause's), a word the sentence also uses as a noun ("models"), or one
    whose form is not sure (a doubled consonant: "embeds" -> "embedding")."""
    known = {**_HOW_ING, **{_base(v): ing for v, ing in _HOW_ING.items()}}
    if verb in known:
        return known[verb]
    if verb in _ING or verb in _NOT_VERBS or not verb.endswith("s") or verb.endswith("ss"):
        return None
    if re.search(rf"\b(?:the|a|an|our|these|its|their|of|and)\s+{verb}\b", sentence, re.I):
        return None
    base = _base(verb) if verb.endswith("ies") else verb[:-1]
    base = base[:-1] if verb.endswith(("sses", "shes", "ches", "xes", "oes")) else base
    if base.endswith("e") and not base.endswith(("ee", "oe", "ye")):
        return base[:-1] + "ing"
    if _SINGLE_FINAL.search(base) and not _UNSTRESSED_END.search(base):
        return None
    return base + "ing"


def _then_ing(match: re.Match[str], sentence: str) -> str:
    """ "and then uses" -> "and then using", to follow the first verb's -ing form; a word that
    is as often a noun ("and conditions") stays as it is. After "then" the word is a verb, so
    one the tables lack is formed by its ending ("then realizes" -> "then realizing")."""
    verb = match.group(2).lower()
    ing = None if verb in _NOUNS_TOO else _HOW_ING.get(verb) or _ING.get(verb)
    if ing is None and "then" in match.group(1).lower() and verb not in _NOUNS_TOO:
        ing = _ing_form(verb, sentence)
    return f"{match.group(1)} {ing}" if ing else match.group(0)


# "encodes X and concatenates them": a second verb, known by the object after it, that must
# follow the first into its -ing form ("encoding X and concatenating them").
_AND_OBJECT_VERB = re.compile(
    r"\band\s+([a-z]+s)(?=\s+(?:the|a|an|them|it|its|their|these|this|those|each|all|only)\b"
    r"|\s+by\s+\w+ing\b)"
)
# A verb by its ending, whatever follows: "summarizing ... and classifies correctness" (only
# before a relative word: "a pipeline that collects and annotates" stays finite).
_AND_SUFFIX_VERB = re.compile(
    r"\band\s+([a-z]{3,}(?:ifies|izes|ises|ates|ages))\b(?!\s+(?:and|or)\b)"
)


def _and_verb_ing(match: re.Match[str], sentence: str) -> str:
    verb = match.group(1)
    # Not taken for a noun for standing after this "and" itself.
    ing = _ing_form(verb, sentence.replace(f"and {verb}", ""))
    return f"and {ing}" if ing else match.group(0)


# "three key innovations: (1) A to do x; (2) B ...; and (3) C" -> "A, B, and C".
_COUNTED = r"\b(?:two|three|four|five|six)\s+(?:[\w-]+\s+){0,2}\w+s"  # "three key innovations"
_LIST_LEAD = re.compile(_COUNTED + r"\s*(?::|,\s*(?:i\.e\.|namely),?)\s*(?=\((?:1|i|a)\))", re.I)
_ITEM_MARK = re.compile(r"\((?:\d|i{1,3}|iv|v|vi|[a-f])\)\s*")
# Where an item's name ends: before what it does, what it is for, or an example.
_ITEM_END = re.compile(
    r"[,;:]|\s[-–—]\s|\s(?:to|that|which|where|for|by|via|through|in order to|"
    r"using|combining|leveraging|integrating|enabling|allowing|including|capturing|measuring|"
    r"assessing|evaluating|providing|ensuring|designed|trained|built|based)\s",
)
# "(2) summary, hide, and restore": an item that is itself a list has no one name.
_INNER_LIST = re.compile(r"^,\s*(?:[\w-]+\s*,\s*)*(?:and|or)\s")
MAX_ITEM_WORDS = 7


def collapse_list(sentence: str) -> str:
    """A sentence ending in a numbered list with each item cut to its name ("three key
    advances: (1) a curated knowledge base that ...; (2) ..." -> "a curated knowledge base,
    ..., and ..."); the sentence as it is when an item's name is long or unclear."""
    lead = _LIST_LEAD.search(sentence)
    if lead is None:
        return sentence
    items = [i.strip(" ,;.") for i in _ITEM_MARK.split(sentence[lead.end() :])]
    names = [_item_name(re.sub(r"^and\s+", "", i)) for i in items if i]
    if len(names) < 2 or any(not 0 < len(n.split()) <= MAX_ITEM_WORDS for n in names):
        return sentence
    series = f"{', '.join(names[:-1])}{',' if len(names) > 2 else ''} and {names[-1]}"
    if re.match(r"[a-z]+ing\b", names[0]):  # "two core challenges: (i) inferring ..."
        kind = re.sub(r"^\w+\s+", "", lead.group(0)).split(":")[0].split(",")[0].strip()
        series = f"the {kind} of {series}"
    return f"{sentence[: lead.start()]}{series}."


# "(i) it attributes claims ...": an item that is a clause with its own subject, not a name.
_CLAUSE_ITEM = re.compile(r"^(?:it|they|we|he|she|this|these|those|each|one)\s", re.I)


def _item_name(item: str) -> str:
    """A list item's name: its words before what it does ("a curated knowledge base that
    grounds ..." -> "a curated knowledge base"); empty when the item is itself a list or a
    clause of its own ("it verifies each claim")."""
    if _CLAUSE_ITEM.match(item):
        return ""
    name = _ITEM_END.split(item, maxsplit=1)[0].strip()
    return "" if _INNER_LIST.match(item[len(name) :]) else name


# Where a how clause can end early and still say something whole: before a purpose ("to"), a
# relative clause, an example list, or a second participle clause.
_HOW_CUT = re.compile(
    r",?\s+(?:that|which|where|such as|including|in order to|while)\s+"
    r"|(?<!\bup)(?<!inherent)(?<!similar)(?<!due)(?<!compared)(?<!prior)(?<!applied)"
    r"(?<!equal)(?<!relative)(?<!close)\s+to\s+(?!(?:the|a|an|its|their|\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|over|more|all|each|both)\b)"
    r"|,\s+(?:and\s+)?\w+ing\s|,\s+(?:known|i\.e\.|e\.g\.)|,\s+and\s"
)
# "enabling a larger set of entities [to be embedded ...]": the verb's object and the
# infinitive after it are one complement; cut before its "to", the clause says another thing.
_CONTROL_OBJECT = re.compile(
    r"(?:^|,\s+)(?:\w+ly\s+)?(?:enabling|allowing|permitting|letting|forcing|causing|helping|"
    r"requiring|empowering|encouraging|teaching|training|prompting|guiding)\s+[^,]*$",
    re.I,
)
# A cut that leaves half a construction: "not only ... but also up", ", fine-tuned".
# "... and prove" (its "that" clause cut), "the lack of realistic" (its noun cut at a comma).
_HALF = re.compile(
    r"\bnot only\b(?!.*\bbut\b)|,\s+[\w-]+ed$|\b(?:up|also|only|not|both)$"
    r"|\b(?:and|or)\s+(?:prove|show|find|demonstrate|observe|argue|verify|reveal)$"
    r"|\bof\s+[a-z]+(?:istic|ical|ive|ous|ful|able|ible)$",
    re.I,
)
# "syn- thetic": a word broken across a line in the abstract's copy.
_SPLIT = re.compile(r"[a-z]-\s+[a-z]")
MIN_HOW_WORDS = 3


def how_cuts(clause: str) -> list[str]:
    """``clause`` and its cuts at the points where it can end, longest first."""
    cuts = [
        clause[: m.start()].strip(" ,")
        for m in _HOW_CUT.finditer(clause)
        if not _inside_series(clause[: m.start()], clause[m.start() :])
        and not _CONTROL_OBJECT.search(clause[: m.start()])
    ]
    kept = [clause, *reversed(cuts)]
    return [c for c in kept if len(c.split()) >= MIN_HOW_WORDS and _whole(c)]


# ", checking A, validating B, and identifying C": a series of -ing items.
_SERIES_ITEM = re.compile(r",\s+[a-z]+ing\b[^,]*$")
_SERIES_NEXT = re.compile(r",\s+[a-z]+ing\b")
_SERIES_LAST = re.compile(r",?\s+(?:and|or)\s+[a-z]+ing\b")


def _clause_end(rest: str) -> int:
    """Where a how clause ends (``CLAUSE_END``); before the whole series when that falls
    between the items of one (", checking A, validating B, and identifying C")."""
    end = CLAUSE_END.search(rest)
    if end is None:
        return len(rest)
    series = _SERIES_ITEM.search(rest[: end.start()])
    return (
        series.start()
        if series and _inside_series(rest[: end.start()], rest[end.start() :])
        else end.start()
    )


# "combining A, B, and C": a list of things after the clause's last verb.
_LAST_ITEMS = re.compile(r"\b[a-z]+ing\b[^,]*(?:,[^,]*)+$")
_LAST_AND = re.compile(r",\s+and\s")


def _inside_series(kept: str, cut: str) -> bool:
    """The cut falls between items of one series, so the kept part ends on its first items
    and reads as cut off ("..., checking theoretical results.", "combining A, B.", "combining
    A." of "combining A, denoising cache acceleration, and C")."""
    ing_items = _SERIES_ITEM.search(kept) and _SERIES_NEXT.match(cut) and _SERIES_LAST.search(cut)
    noun_items = _NOUN_SERIES_REST.match(cut) and _JOINS_ONE.search(kept)
    return bool(ing_items or noun_items or (_LAST_AND.match(cut) and _LAST_ITEMS.search(kept)))


# ", denoising cache acceleration, and hardware-software ... attention": the rest of a list of
# nouns whose item opens on an -ing word, up to its ", and" and a last item that is no verb,
# after a verb that joins things and has one so far ("combining adaptive context management").
_NOUN_SERIES_REST = re.compile(r",\s+[a-z]+ing\s[^,;]+(?:,\s+[^,;]+)*?,\s+and\s+(?![a-z]+ing\b)\w")
_JOINS_ONE = re.compile(
    r"\b(?:combining|integrating|incorporating|unifying|fusing|merging|coupling|pairing)\s[^,]+$"
)


def _whole(clause: str) -> bool:
    """Whether a how clause says something whole: no dangling reference, no count pointing
    at a list it leaves out ("two core components"), no half construction."""
    return not (
        dangles(clause)
        or POINTER.search(clause)
        or _HALF.search(clause)
        or _SPLIT.search(clause)
        or _ITEM_MARK.search(clause)
    )
