"""The finding of a study-type paper (used by assistant.summaries.compress): when the title or
the abstract says the paper studies something ("Why Low-Precision Training Fails", "we conduct
an empirical analysis of ..."), what it found ("Our analysis reveals that Z" -> "Z") says more
than the fix that validates it, the pipeline or metrics it measured with, or the dataset or
suite it also releases (round 18: four lines gave those and never the finding). Pure functions.
"""

from __future__ import annotations

import re

from assistant.summaries.checker import dangles
from assistant.summaries.checker_words import FINDING_VERBS, RESOURCE_KINDS, mentions
from assistant.summaries.clauses import (
    CLAUSE_END,
    capitalise,
    evidence_clause,
    finding_cuts,
    strip_lead,
)
from assistant.summaries.contribution import FINDING, spelled_this, tidy
from assistant.summaries.heads import Head
from assistant.summaries.naming import NAME_TOKEN

# A title that asks or states what the paper found out, or names a study.
_STUDY_TITLE = re.compile(
    r"^(?:why|how|when|what|do|does|are|is|can|should)\s|\?|\b(?:analysis|analy[sz]ing|"
    r"stud(?:y|ying)|investigat\w*|understanding|revisit\w*|rethinking|empirical|lessons)\b"
    # "Model-Adaptive Tool Necessity Reveals the Knowing-Doing Gap": the title states a finding
    r"|\s(?:reveals?|exposes?|uncovers?)\s+(?:the|a|an|that|how|why|hidden)\b",
    re.I,
)
# "we conduct an empirical analysis of ...", "we theoretically and empirically investigate".
_STUDY_WORK = re.compile(
    r"\b(?:we|this (?:paper|work|study))\s+(?:\w+\s+){0,3}?(?:conduct|present|perform|provide|"
    # "We perform the first layer- and token-wise representational analysis": up to four words
    r"carr(?:y|ies) out)s?\s+(?:a|an|the first)\s+(?:[\w-]+\s+){0,4}?(?:study|analysis|"
    r"investigation)\b"
    r"|\bwe\s+(?:\w+ly\s+(?:and\s+\w+ly\s+)?)?(?:investigate|analy[sz]e|examine|study)\s"
    # "Overall, our findings reveal that ...": the abstract calls what it found its findings
    r"|\bour\s+(?:[\w-]+\s+)?findings\s+(?:\w+\s+)?(?:reveal|show|suggest|"
    r"indicate|demonstrate|uncover)s?\b"
    # "This work identifies two fundamental properties of ...": what it found out, named
    r"|\b(?:we|this (?:paper|work|study))\s+(?:identif(?:y|ies)|uncovers?|discovers?|reveals?)\s+"
    r"(?:\w+\s+){0,3}?(?:properties|phenomena|patterns|laws|mechanisms|insights)\b",
    re.I,
)
# "Our in-depth analysis reveals that Z", "Experimental results and analysis illustrate that Z".
_SHOWN_THAT = re.compile(
    # not what others found before ("Recent probing studies reveal that ..."): background
    r"^(?!(?:recent|prior|previous|existing|earlier|past|many|most|some)\b)"
    r"(?:(?:our|the|these|further|experimental|empirical|extensive)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:analys[ie]s|findings|results|experiments|stud(?:y|ies)|investigation|evaluations?|"
    r"observations)(?:\s+and\s+(?:analys[ie]s|findings|experiments))?\s+(?:further\s+|also\s+)?"
    r"(?:reveal|show|demonstrate|indicate|illustrate|suggest|uncover)s?\s+that\s+"
    # "We notably find that Z": the adverbs contribution.FINDING leaves out
    rf"|^(?:we|this (?:paper|work|study))\s+(?:\w+ly\s+)(?:{FINDING_VERBS})s?\s+that\s+",
    re.I,
)
# What the method does ("our method outperforms ..."), not what the study found.
_ABOUT_METHOD = re.compile(
    r"^(?:our|the proposed|this)\s+(?:[\w-]+\s+){0,2}?(?:method|approach|model|framework|"
    r"system|technique|algorithm|pipeline|fix|modification)\b|^(?:it|they|this|these|our)\b",
    re.I,
)


def is_study(title: str, abstract: str) -> bool:
    """Whether the paper is a study: its title asks or states a finding, or its abstract says
    it studies, analyses or investigates something."""
    return bool(_STUDY_TITLE.search(title) or _STUDY_WORK.search(abstract))


def finding(sentence: str, names: tuple[str, ...] = ()) -> str | None:
    """What a finding sentence found ("Our findings reveal that DLMs exhibit attention sinks"
    -> "DLMs exhibit attention sinks"), or None when the sentence states no finding, the
    finding is the method's result (about it or one of its ``names``) or it dangles."""
    text = strip_lead(sentence)
    named = _NAMED_FINDING.match(text)
    if named:  # "These results reveal a knowing-doing gap in X: Y": the gap and what it is
        return tidy(f"Our {named.group('noun').lower()} {text[named.start('verb') :]}")
    identified = _IDENTIFIED_AS.match(text)
    if identified:  # "These results identify X as a major factor in Y" -> "X is a major ..."
        return tidy(capitalise(f"{identified['what']} is {identified['role']}"))
    lead = _SHOWN_THAT.match(text) or FINDING.match(text) or _FIRST_OF_LIST.match(text)
    if lead is None and _MEASURED_REVEALING.match(text):  # the measure and what it reveals
        lead = re.match("", text)
    if lead is None or _PRELIMINARY.match(text):
        return None
    found = _NEXT_ITEM.split(spelled_this(text[lead.end() :]), maxsplit=1)[0]
    found = _RESPECTIVELY.sub(".", found)  # "..., with rates of 42.0% and 36.1% ... respectively"
    found = _AND_THAT.sub(", and ", found)  # "reveal that X, and that Y": X and Y both found
    found = _without_study_verb(found)
    subject = " ".join(found.split()[:SUBJECT_WORDS])
    if _ABOUT_METHOD.match(found) or dangles(found) or any(mentions(subject, n) for n in names):
        return None
    return tidy(capitalise(found))


# "These results identify training-position distribution as a major controllable factor in
# retrieval-level position bias and suggest ...": the study's conclusion, said of its subject.
_IDENTIFIED_AS = re.compile(
    r"^(?:these|our|the)\s+(?:results|findings|analyses|experiments)\s+identify\s+"
    r"(?P<what>[^,;:]{3,80}?)\s+as\s+(?P<role>(?:a|an|the)\s[^,;:]{3,120}?)"
    r"(?:,?\s+and\s+(?:suggest|point|call|highlight)\b.*)?\.?$",
    re.I,
)
_FURTHER = re.compile(
    r"\b(?:further|also|additionally)\s+(?:suggest|show|reveal|indicate|find)", re.I
)
# "We first show that long-document VQA beats OCR transcription. Building on this, ...": the
# first step of the study, which the rest builds on, not what it found.
_PRELIMINARY = re.compile(r"^we\s+first\s+(?:show|find|observe|demonstrate)\b", re.I)
SUBJECT_WORDS = 5  # "Experiments show that the 8B IOMM model ...": the method's result
# "Our experiments yield 7 key takeaways, e.g., (1) X, (2) Y": the first of the numbered
# findings says more than the study's set-up (round 19: two lines gave the set-up instead).
_FIRST_OF_LIST = re.compile(
    r"^(?:our|the|these|we)\b[^:;]{0,200}?\b(?:yield|reveal|uncover|provide|offer|distill|"
    r"draw|find|obtain)s?\s+(?:[\w-]+\s+){0,3}?(?:takeaways|insights|lessons|findings|"
    r"observations)\s*(?::|,\s*(?:e\.g\.|i\.e\.|namely|including),?)\s*\((?:1|i|a)\)\s*",
    re.I,
)
# "These results reveal a knowing-doing gap in LLM tool-use: improving ... requires ...": the
# finding named (no "that") and then said after the colon; "these" points at the results the
# line does not show, so the line says "Our results".
_NAMED_FINDING = re.compile(
    r"^(?:these|our|the|overall,?\s+(?:these|our|the))\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>results|findings|analys[ie]s|experiments|observations)\s+(?:further\s+|also\s+)?"
    r"(?P<verb>reveal|show|uncover|expose|highlight)s?\s+(?:a|an)\s[^:;.]{3,80}:\s+\S",
    re.I,
)
# "Flip rates range from 17.5% to 97.3%, revealing large differences in stability that ...": a
# measured result, then what it reveals; not "we ..." (what the paper did).
_MEASURED_REVEALING = re.compile(
    r"^(?:(?:across|on|over|among|in)\s[^,;:]{3,80},\s+)?(?!we\s)[A-Za-z][^,;:]{5,120}?\d[^,;:]*,"
    r"\s+(?:revealing|indicating|suggesting|exposing)\s",
    re.I,
)
_AND_THAT = re.compile(r",?\s+and\s+that\s+")
# A trailing figures clause whose "respectively" points at a pairing the finding drops.
_RESPECTIVELY = re.compile(r",\s+(?:with|at|of|by)\s[^,;]*\brespectively\b\.?$")
# "our study shows that questionnaires are insufficient ... and suggests profiling": the second
# verb is the study's, not the finding's (a plural subject with a singular verb).
_STUDY_VERB = re.compile(
    r",?\s+and\s+(?:suggests|proposes|recommends|advocates|calls for|highlights|motivates|"
    r"points to|offers|provides|introduces|argues)\b"
)
_PLURAL_BE = re.compile(r"\b(?:are|were)\b")


def _without_study_verb(found: str) -> str:
    """The finding without a trailing verb of the study that found it ("X are insufficient
    and suggests Y" -> "X are insufficient"): kept, the finding's plural subject would
    suggest Y."""
    verb = _STUDY_VERB.search(found)
    if verb is None or not _PLURAL_BE.search(found[: verb.start()]):
        return found
    return found[: verb.start()]


_NEXT_ITEM = re.compile(r"[,;]?\s+(?:and\s+)?\((?:2|ii|b)\)\s")


def findings_first(
    heads: list[Head], title: str, sentences: list[str], names: tuple[str, ...]
) -> list[Head]:
    """``heads`` after what a study found, when the paper is one and its first head keeps no
    place of its own (:func:`leads`; ``names``: the method's and what "we" made): the finding
    says more than the fix, pipeline, metric or dataset the contribution sentences give. A
    finding stands alone: a how or result clause would read as said of its subject."""
    if not is_study(title, " ".join(sentences)):
        return heads
    found = [
        Head(s, tidy(cut), joins=False)
        for s in sentences
        if (f := finding(s, names))
        for cut in finding_cuts(f)
    ]
    # "Analyses further suggest that ...": a secondary finding after the others
    found.sort(key=lambda head: bool(_FURTHER.search(head.sentence)))
    shown = any(evidence_clause(head.sentence) for head in found)
    if not found or (heads and leads(heads[0], names, shown)):
        return heads
    said = {head.sentence for head in found}
    return [*found, *(head for head in heads if head.sentence not in said)]


def leads(head: Head, names: tuple[str, ...], shown: bool = False) -> bool:
    """Whether a head keeps its place before a study's finding: it names a method as its
    subject ("CDT is a training strategy ..."), not a dataset, suite or testbed a finding is
    measured with; it already states a finding ("..., showing that DREs occur ..."); or it
    says what the study is and the finding can join it as what the results show (``shown``:
    "We present the first systematic evaluation of X, showing that Z")."""
    if _STATES_FINDING.search(head.sentence or head.text):
        return True
    if shown and _STUDY_HEAD.match(head.text):
        return True
    subject = _NAMED_HEAD.match(head.text)
    named = subject is not None and (
        NAME_TOKEN.match(subject.group(1)) is not None
        or any(mentions(subject.group(1), n) for n in names)
    )
    return named and not _DATA_KIND.search(head.text)


_STUDY_HEAD = re.compile(
    r"^we\s+(?:\w+\s+)?(?:present|conduct|perform|provide)\s+(?:a|an|the first)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:study|evaluation|analysis|investigation)\b",
    re.I,
)
_STATES_FINDING = re.compile(r"\b(?:showing|revealing|finding|demonstrating)\s+that\b", re.I)
# "SCRIPTS is a 1k-dialogue dataset", "We introduce NUMINA, a ..."
_NAMED_HEAD = re.compile(r"^(?:we\s+(?:\w+\s+)?(?:introduce|propose|present)\s+)?([^\s,]+)", re.I)
# A data contribution, or the evaluation around one (an environment, a metric).
_DATA_KIND = re.compile(
    rf"^(?:\S+\s+){{1,12}}?(?:{RESOURCE_KINDS}|environment|evaluation|metric)s?\b", re.I
)


# "Using X, we comprehensively evaluate 18 MLLMs, finding that most perform poorly on ...":
# what the authors' evaluation found, said in the sentence that says what they evaluated.
_WE_EVALUATED = re.compile(
    r"^we\s+(?:\w+ly\s+)?(?P<verb>evaluate|benchmark|test|assess|analy[sz]e|examine|compare|"
    r"probe|audit)\s+(?P<what>[^,;:]{5,120}?),?\s+(?:and\s+)?(?P<found>finding|revealing|"
    r"showing|uncovering|observing)\s+that\s+(?P<rest>.+)$",
    re.I,
)
# "We evaluate X on diverse inputs, demonstrating improvements in accuracy over prior work": the
# evaluated method's gains, said without "that".
_WE_EVALUATED_GAINS = re.compile(
    r"^we\s+(?:\w+ly\s+)?(?:evaluate|benchmark|test|assess|validate)\s+[^,;:]{5,160}?,\s+"
    r"(?:\w+ly\s+)?(?P<clause>(?:demonstrating|showing|achieving|yielding)\s+(?:(?:consistent\s+|"
    r"significant\s+|substantial\s+|clear\s+)?(?:improvements|gains)\s+(?:in|on)\s"
    # "demonstrating improved optimization stability, ...": what improved, said as an adjective
    r"|(?:improved|superior|better|higher|stronger)\s+[a-z]).+)$",
    re.I,
)
# Where a finding stops saying what was found: an example, a list or a contrast after it.
_FOUND_END = re.compile(
    r",?\s+(?:e\.g\.|i\.e\.|such as\b|for example\b|for instance\b)|\s+\(e\.g\."
)
# A finding whose subject the line would not show ("most perform poorly": most of what?) or that
# is about the method itself (a line about the method would name it twice).
_FOUND_SUBJECT = re.compile(
    r"^(?:most|many|some|all|few|none|both|each|they|it|its|their|this|these|those|our|we|"
    r"the proposed)\b",
    re.I,
)


def evaluated_clauses(sentence: str, names: tuple[str, ...] = ()) -> list[str]:
    """What the authors' evaluation found, longest first: what they evaluated and what they
    found as two -ing clauses ("evaluating 18 MLLMs and finding that most perform poorly on
    complex video reasoning"), then what they found alone ("finding that current defenses
    fail"), unless its subject needs what was evaluated ("most"), then the same with the
    finding cut short. None when the sentence is not of that form, or the finding dangles or
    is about the method (``names``): a line about the method would name it twice."""
    gains = _WE_EVALUATED_GAINS.match(strip_lead(sentence))
    if gains:
        return _gains(gains.group("clause"))
    match = _WE_EVALUATED.match(strip_lead(sentence))
    if match is None or dangles(match.group("what")):
        return []
    rest = tidy(_FOUND_END.split(match.group("rest"), maxsplit=1)[0]).rstrip(".")
    subject = " ".join(rest.split()[:SUBJECT_WORDS])
    if any(mentions(subject, n) for n in names if n) or _ABOUT_METHOD.match(rest):
        return []
    verb = match.group("verb").lower()
    evaluated = f"{verb[:-1] if verb.endswith('e') else verb}ing {match.group('what').strip()}"
    found = match.group("found").lower()
    clauses = []
    for cut in finding_cuts(rest):
        if len(cut.split()) < MIN_FOUND_WORDS or dangles(cut):
            continue
        clauses.append(f"{evaluated} and {found} that {cut}")
        if not _FOUND_SUBJECT.match(cut):
            clauses.append(f"{found} that {cut}")
    return clauses


MIN_FOUND_WORDS = 4


def _gains(clause: str) -> list[str]:
    """ "demonstrating improvements in X over prior work" and its shorter forms that say
    something whole, without the trailing commentary."""
    end = CLAUSE_END.search(clause, 5)
    clause = tidy(clause[: end.start()] if end else clause).rstrip(".")
    return [c for c in finding_cuts(clause) if not dangles(c)]


# "Even the best model in our evaluation, Gemini-3-Pro, achieves only 27.3% accuracy": how far
# the strongest evaluated system gets on a benchmark, the finding a benchmark's line lacks.
_BEST_MODEL = re.compile(
    r"(?:^|:\s+|,\s+(?:with\s+)?|\b(?:show|reveal|find)s?\s+that\s+)"
    r"(?P<subject>(?:even\s+)?the\s+(?:best|strongest|top)(?:-performing|-scoring)?\s+"
    r"(?:evaluated\s+)?(?:[\w.()-]+\s+){0,2}?(?:model|agent|system|LLM|MLLM|VLM)s?)"
    r"(?:\s+in\s+our\s+evaluation)?(?P<who>,\s+[^,;:]{2,60},|\s+\([^()]{2,40}\))?"
    r"\s+(?:can\s+)?(?:already\s+)?(?P<verb>achiev|reach|attain|scor)(?:es|e|s|ing)?\s+"
    r"(?P<rest>.+)$",
    re.I,
)
_BEST_ING = {"achiev": "achieving", "reach": "reaching", "attain": "attaining", "scor": "scoring"}
# Where what the best system reaches ends: another statement after it.
_BEST_END = re.compile(r",?\s+(?:while|whereas)\s|,\s+(?:and|with|but)\s")


def best_model_clauses(sentence: str) -> list[str]:
    """How far the strongest evaluated system gets, as a clause for a benchmark's line, longest
    first ("with even the best model, Gemini-3-Pro, achieving only 27.3% overall accuracy"), then
    without the system's name; none when the sentence says no such thing or it dangles."""
    match = _BEST_MODEL.search(strip_lead(sentence))
    if match is None:
        return []
    ing = _BEST_ING[match.group("verb").lower()]
    rest = _BEST_END.split(match.group("rest"), maxsplit=1)[0]
    end = CLAUSE_END.search(rest)
    rest = tidy(rest[: end.start()] if end else rest).rstrip(".")
    if len(rest.split()) < MIN_BEST_WORDS or dangles(rest):
        return []
    subject = match.group("subject")
    subject = subject[:1].lower() + subject[1:]
    named = f"with {subject}{match.group('who') or ''} {ing} {rest}"
    return list(dict.fromkeys([named, f"with {subject} {ing} {rest}"]))


MIN_BEST_WORDS = 2
