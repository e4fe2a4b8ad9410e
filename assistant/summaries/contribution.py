"""The contribution sentence rewritten to start with the method ("In this paper, we introduce
X, a Y that Z" -> "X is a Y that Z"), and the method's name (used by assistant.summaries.compress).

Sentences that point at something they do not say ("this limitation", "To achieve this") are
cut back to their own claim or not used. Pure functions.
"""

from __future__ import annotations

import re

from assistant.names import SMALL_WORDS, split_title, title_name
from assistant.summaries.acronyms import definitions
from assistant.summaries.checker import ANAPHORA, dangles, method_names
from assistant.summaries.checker_words import FINDING_VERBS
from assistant.summaries.clauses import (
    EXPANSION,
    POINTER,
    capitalise,
    owned_by_subject,
    strip_lead,
    third_person,
)
from assistant.summaries.extractive import split_sentences
from assistant.summaries.naming import NAME_TOKEN, is_label, labelled, names_another

# "we propose", "this paper introduces", "here we present" (with an optional adverb).
# "This report presents X": a technical report names its model the way a paper does.
_SUBJECT = (
    r"(?:we|this (?:paper|work|study|article|report)|our (?:paper|work|report)|the authors|here we)"
)
# "train" only with a name ("we train i1, a 3B-parameter model"): see _TRAINED
_VERB = (
    r"(?:propose|introduce|present|develop|design|build|contribute|release|construct|curate|"
    r"train|provide(?=\s+(?:a|an)\s+(?:novel|new)\s))"
)
_CUE_ADVERB = r"(?:first|further|also|then|here|therefore|thus|instead|now|\w+ly)"
# "We address them with X, a Y" / "We answer this question with X": X is the contribution.
_ANSWER = (
    r"(?:we\s+(?:address|tackle|solve|answer|overcome|bridge|fill)\s+(?:this|these|them|it|both)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:with|by\s+(?:introducing|proposing|presenting|developing))"
    # "We improve evaluation validity by introducing X": what they made is X
    r"|we\s+[a-z]+\s+(?:[\w-]+\s+){0,3}?by\s+(?:introducing|proposing|presenting|developing))"
)
CUE = re.compile(
    rf"\b{_SUBJECT}(?:,\s*[^,]{{1,40}},)?\s+(?:{_CUE_ADVERB}\s+)?{_VERB}(?:s|d|ed)?\s+"
    rf"|\b{_ANSWER}\s+",
    re.I,
)
# "we draw inspiration from X and propose Y" -> "we propose Y".
# "we marry A with B to construct Y" -> "we construct Y": the means, then what is made.
# "We study two approaches: the vanilla and constrained ones, and introduce X, a variant that
# ..." (round 40): a colon's list and its comma before "and" still lead to what is made (a
# comma alone, "We formalize this ..., and propose X", also let side parts lead: round 41).
# Not "we introduce X and explore how to build Y" (round 43): how to build is no making.
_WE_AND = re.compile(
    rf"^we\s[^,.;:]{{3,120}}?(?::\s[^.;:]{{3,120}}?,)?\s(?:and|(?<!\bhow\s)to)\s(?={_VERB}s?\s)",
    re.I,
)
# "we propose a ... framework WebShaper to construct a dataset": what is proposed, not its aim
# (round 44); the means before "to" is only skipped when no cue verb made it.
_CUED_FIRST = re.compile(rf"^we\s+(?:{_CUE_ADVERB}\s+)?{_VERB}(?:s|d|ed)?\s+(?!to\b)", re.I)


def _we_and(body: str) -> str:
    """``body`` from the verb of what is made ("We draw on X and propose Y" -> "We propose Y")."""
    joined = _WE_AND.match(body)
    if joined is None or (joined.group(0).rstrip().endswith("to") and _CUED_FIRST.match(body)):
        return body
    return "We " + body[joined.end() :]


_FINDING_ADVERB = r"(?:first|further|also|then|empirically|theoretically)"
_SHOW = rf"(?:{FINDING_VERBS})"
FINDING = re.compile(
    # "we find, to the best of our knowledge, the first evidence that ...": an aside and
    # what the finding is (evidence, proof) before its "that"
    rf"\b{_SUBJECT}\s+(?:{_FINDING_ADVERB}\s+)?{_SHOW}s?(?:,\s+[^,.;]{{3,40}},)?\s+"
    r"(?:(?:the\s+)?(?:first\s+)?(?:evidence|proof)\s+that\s+|"
    rf"(?:(?!(?:a|an|the|our|this|these)\s)\w+\s+){{0,3}}?that\s+)",  # not "show a stack that"
    re.I,
)
# Acronyms of a field or model family, not of the paper's method.
_FIELD = re.compile(
    r"^(?:M?LLMs?|L?VLMs?|LMs?|LRMs?|LMMs?|VLAs?|AI|RL|NLP|DNNs?|CNNs?|GNNs?|KV|CoT|RAG|MoE|"
    r"ViTs?|SFT|RLHF|ASR|TTS|QA|VQA|OCR|GUI|CUAs?)$"
)
HEAD_END = re.compile(r"\s(?:of|for|that|which|to|with|in|on|by|from|via)\s|,")
_KIND = re.compile(
    r"^(?:\S+\s+){0,10}?(?:framework|method|approach|model|system|benchmark|dataset|algorithm|"
    r"pipeline|agent|architecture|library|suite|paradigm|technique|toolkit|family|series|"
    r"environment|platform|corpus|recipe|strategy)s?\b",
    re.I,
)
_SECONDARY = re.compile(r"\b(?:also|further|then|first|additionally|finally|second)\b", re.I)
_DESCRIPTION = re.compile(r"^(?:a|an|the first)\s", re.I)
# "a benchmark and a framework": two contributions, not one the name could stand for.
_TWO_THINGS = re.compile(r"\s(?:and|or|plus)\s+(?:a|an)\s", re.I)
# "To support this approach, we construct a dataset ...": an artefact that serves the method.
_SUPPORTING = re.compile(
    r"^(?:to (?:support|enable|facilitate|train|evaluate|assess|benchmark|study|validate|"
    r"measure|test|complement)|for (?:evaluation|training|this purpose))\b",
    re.I,
)


# "GR-3 Technical Report": the report's model is the paper's own work, not "ByteMini", the robot
# it also introduces (round 44).
_REPORT_TITLE = re.compile(
    r"^(?P<name>\S+(?:\s+\S+){0,2}?)\s+(?:technical|tech\.?)\s+report$", re.I
)


def _reported(title: str, abstract: str) -> str | None:
    """The model a report title names, when the abstract uses that name whole (not only as the
    start of its variants' names: "Hunyuan-MT" of "Hunyuan-MT-7B" and "Hunyuan-MT-Chimera-7B")."""
    report = _REPORT_TITLE.match(" ".join(title.split()))
    if report is None:
        return None
    whole = re.search(rf"(?<![\w-]){re.escape(report['name'])}(?![\w-])", abstract)
    return report["name"] if whole else None


def name_of(title: str, abstract: str) -> str | None:
    """The method's name: the title's short prefix before a colon, else a name the title and
    abstract share that the abstract defines in parentheses or puts right after "we propose"
    (an acronym like "(LLMs)" that the title lacks names the field, not the method)."""
    head = split_title(title)[0] or title.strip()
    short = title_name(title) or _reported(title, abstract)
    if short and _names_something(short, abstract):
        return short
    for name in method_names(title, abstract):
        if name in title and name != head and not _FIELD.match(name):
            return name
    sentences = split_sentences(abstract)
    titled = _titled_acronym(title, abstract, sentences)
    if titled:
        return titled
    cued = False
    for sentence in sentences:
        cue = CUE.search(sentence)
        if cue:
            # "We introduce a protocol ... We further construct MaxFlip": the later artefact
            # names a side contribution, not the paper's method
            if cued and _SECONDARY.search(cue.group(0)):
                continue
            cued = True
            first = sentence[cue.end() :].split(" ", 1)[0].strip(",.;:")
            if NAME_TOKEN.match(first):
                return first
    return None


_OURS = re.compile(r"\b(?:we|our)\b", re.I)


def _titled_acronym(title: str, abstract: str, sentences: list[str]) -> str | None:
    """An acronym the abstract defines in a sentence about its own work ("we ... construct a
    new ... value model, World Value Model (WVM)") whose long form the title holds ("World
    Value Models for Robotic Manipulation"): the method, though the title has no colon."""
    lowered = title.lower()
    for acronym, long_form in definitions(abstract).items():
        if not _proper(long_form) or long_form.lower() not in lowered or _FIELD.match(acronym):
            continue
        if any(f"({acronym})" in s and _OURS.search(s) for s in sentences):
            return acronym
    return None


def _proper(long_form: str) -> bool:
    """A name of two words or more, each capitalised ("World Value Model"), not a field's
    phrase in lower case ("remote sensing")."""
    words = [w for w in long_form.split() if w.lower() not in SMALL_WORDS]
    return len(long_form.split()) > 1 and all(w[0].isupper() for w in words)


def _names_something(head: str, abstract: str) -> bool:
    """Whether a title's prefix is a name ("SIA", "Nemotron-Cascade 2", one the abstract uses)
    rather than a phrase ("Beyond Drug Discovery", "Hierarchical SVG Tokenization")."""
    return len(head.split()) == 1 or bool(NAME_TOKEN.match(head.split()[0])) or head in abstract


_ANAPHORA_CLAUSE = re.compile(r"(?:to|that|which|and)\s", re.I)
_RELATIVE = re.compile(r",?\s+(?:that|which|who|to|by|through|via|where|with)\s|,\s|:\s")
MIN_KEPT_WORDS = 4
# "a framework that overcomes these deficiencies through A and B" -> "a framework with A and B";
# "a framework enhancing these capabilities via A" -> "a framework with A".
_MEANS = re.compile(
    r",?\s+(?:(?:that|which)\s+[a-z]+s|[a-z]+ing)\s+(?:these|this|such|those)\s+(?:\w+\s+)?\w+\s+"
    r"(?:through|via|with|using)\s+"
)
# "an automated pipeline designed [to address these challenges]": the cut leaves a participle.
_STRAY_PARTICIPLE = re.compile(r"\s+(?:designed|built|tailored|aimed|intended|developed)$")


def _undangle(text: str) -> str | None:
    """``text`` cut before the clause that dangles ("a framework that overcomes these
    deficiencies" -> "a framework"), None if too little is left; ``text`` if nothing dangles."""
    means = _MEANS.search(text)
    meant = text[means.end() :].strip(" .,;:") if means else ""
    if means and not POINTER.search(meant):
        # keep the means, not the aim that points at the abstract ("these capabilities")
        return _undangle(f"{text[: means.start()]} with {text[means.end() :]}")
    match = ANAPHORA.search(text)
    if match is None:
        return text
    cuts = [m.start() for m in _RELATIVE.finditer(text[: match.start()])]
    if _ANAPHORA_CLAUSE.match(text[match.start() :]):  # "... system to close this gap"
        cuts.append(match.start())
    kept = _STRAY_PARTICIPLE.sub("", text[: cuts[-1]].strip(" ,;:")) if cuts else ""
    return kept if len(kept.split()) >= MIN_KEPT_WORDS and not dangles(kept) else None


# "We instead propose ...": "instead" answers a sentence the line does not show.
_INSTEAD = re.compile(r"^(We|This (?:paper|work|study))\s+instead\s+")


# "to train such a student model": "such" points back at the abstract's earlier sentence; the
# purpose reads whole with "a" alone ("to train a student model").
_SUCH_A = re.compile(r"\b(to\s+[a-z]+\s+)such\s+(an?\s)(?![^,;.]*\bthat\b)", re.I)


# "exploits this query--document asymmetry": a pointer whose noun phrase names what it points
# at by a compound of two words ("query--document"), so "the" reads without the sentence before.
_THIS_NAMED = re.compile(r"\bthis\s+(?=[a-z]{3,}(?:--?|\u2013)[a-z]{3,}\s+[a-z]{4,}\b)")


def tidy(text: str) -> str:
    text = " ".join(EXPANSION.sub("", text).split()).strip(" ,;:")
    text = _SUCH_A.sub(r"\1\2", _INSTEAD.sub(r"\1 ", text))
    text = _THIS_NAMED.sub("the ", text)
    return text.rstrip(".") + "."


def _cue_end(sentence: str) -> int:
    cue = CUE.search(sentence)
    return cue.end() if cue else 0


def contribution(
    sentence: str, name: str | None, title: str = "", named_before: bool = False
) -> str | None:
    """The contribution sentence as "X is a Y that Z" / "X does Z", or None when it has no
    cue or still dangles once its leading phrase is cut. Once an earlier sentence has named
    the method (``named_before``), "we build a dataset ..." is a part of it, never X itself."""
    body = _we_and(strip_lead(sentence))
    uncued = _without_cue(body, name)
    if uncued:
        return uncued
    cue = CUE.search(body)
    if cue is None or cue.start() > 0:
        return _finding(body)
    # "we propose in this report Logics-Parsing: an ...": the aside between cue and name, and
    # the colon that stands for the apposition's comma
    said = _IN_THIS.sub("", body[cue.end() :], count=1)
    colon = _NAME_COLON.match(said)
    if colon and not _spelled_out(said[colon.end() :], colon.group(1)):
        said = _NAME_COLON.sub(r"\1, ", said, count=1)
    body = body[: cue.end()] + said
    rest = _undangle(EXPANSION.sub("", body[cue.end() :]).strip())
    if rest is None:
        return None
    named = labelled(body[cue.end() :], rest, name)
    if named and _TRAINED.search(body[: cue.end()]):
        # "we train a 7B dLLM, DiffuCoder, on 130B tokens": on them it was trained
        named = _TRAINED_ON.sub(r" trained \1 ", named, count=1)
    if named:
        return tidy(owned_by_subject(named))
    return _unlabelled(sentence, body[: cue.end()], rest, name, title, named_before)


def _without_cue(body: str, name: str | None) -> str | None:
    """A contribution said without "we propose": a survey's aim ("This work aims to provide
    an up-to-date landscape of ...") or the passive ("A ... framework for faces is
    introduced."), which the title's name can be the subject of; None for neither."""
    aim = _AIMS_TO.match(body)
    if aim:
        return tidy(f"{aim.group('who')} {aim.group('verb')}s {aim.group('what')}")
    passive = _PASSIVE_CUE.match(body)
    if passive and name:
        return tidy(f"{name} is {passive.group('what')[0].lower()}{passive.group('what')[1:]}.")
    return None


_TRAINED_ON = re.compile(r",\s+(on|with|using)\s+(?=(?:\d|[\w-]+\s+(?:tokens|data|examples)))")
_IN_THIS = re.compile(r"^in\s+this\s+(?:report|paper|work|study),?\s+", re.I)
_NAME_COLON = re.compile(r"^([A-Z][\w.+-]*):\s+(?=(?:a|an)\s)")


def _spelled_out(description: str, name: str) -> bool:
    """Whether the description capitalises the letters the name is made of ("UniGenDet: a
    Unified ... image Generation and generated image Detection"): a gloss of the name, which
    the title's line says in plain case."""
    letters = re.sub(r"[^A-Z]", "", name)
    capitals = "".join(w[0] for w in description.split()[1:] if w[:1].isupper())
    return len(letters) >= 2 and capitals.startswith(letters)


# A survey's contribution: what it "aims to provide".
_AIMS_TO = re.compile(
    r"^(?P<who>this (?:work|paper|survey|article|review))\s+aims\s+to\s+"
    r"(?P<verb>provide|present|offer|give)\s+(?P<what>(?:a|an|the)\s.{10,200})$",
    re.I,
)
# "A photorealistic and controllable 3D caricaturization framework for faces is introduced.": the
# contribution in the passive, which the title's name (CaricatureGS) can be the subject of.
_PASSIVE_CUE = re.compile(
    r"^(?P<what>(?:a|an)\s[^,;:]{10,160}?)\s+is\s+(?:introduced|presented|proposed|developed)"
    r"\s*\.?$",
    re.I,
)


def _finding(body: str) -> str | None:
    """ "We show that Z" -> "Z", unless Z dangles; None for a sentence with no such cue."""
    finding = FINDING.search(body)
    if finding is None or finding.start() > 0:
        return None
    found = spelled_this(body[finding.end() :])
    return None if dangles(found) else tidy(capitalise(found))


def spelled_this(found: str) -> str:
    """A finding opening on "this" and a noun phrase that says what it points at, with "the"
    ("this target-side per-task adaptation cost can be replaced" -> "the target-side ...")."""
    return _SPELLED_THIS.sub("the ", found, count=1)


# "we show that this target-side per-task adaptation cost can be replaced": a pointer whose
# noun phrase says what it points at reads alone with "the" (round 20 item 24); "this gap
# can be closed" still points.
_SPELLED_THIS = re.compile(
    r"^this\s+(?=(?:[\w-]+\s+){3,5}?(?:can|could|is|are|was|were|has|have|may|might|will|"
    r"would)\s)",
    re.I,
)


def _unlabelled(
    sentence: str, cue: str, rest: str, name: str | None, title: str, named_before: bool
) -> str | None:
    """The line for a cue followed by no label of the method (``rest``: what follows the cue):
    "X is a framework that Z" for the paper's own method, "We propose a loss ..." for a part,
    None for a step ("we train a 7B model on ...")."""
    if _TRAINED.search(cue):
        return None  # "we train a 7B model on ...": a step, unless it names what it made
    namely = _NAMELY.match(rest)
    if namely:  # "a hybrid approach, namely In-Writing, that combines ..."
        return tidy(f"{namely['name']} is {namely['kind']} {namely['tail']}")
    named_after = _NAMED_AFTER.match(rest)
    if named_after and name and name in named_after.group("label"):
        # "we construct a new value model, World Value Model (WVM), that offers ..."
        label, kind, tail = named_after.group("label", "kind", "tail")
        # "WVM is a ... value model": its long form would say "value model" twice
        shown = name if f"({name})" in label else label
        return tidy(f"{shown} is {kind} {tail}")
    if _DESCRIPTION.match(rest):
        # "we propose a framework that Z" is the paper's own method: "X is a framework that
        # Z"; a part of it ("we also propose a loss ...") keeps the sentence as it is.
        own = _is_own(sentence, rest, name, title, named_before)
        return tidy(f"{name} is {rest}" if own else _we(cue) + rest)
    named_and = _NAME_AND_VERB.match(rest)
    if named_and and name and named_and.group("name") == name:
        # "we introduce WMReward and treat improving ... as ...": what X does
        return tidy(f"{name} {third_person(named_and.group('verb').lower())} {named_and['what']}")
    if _NAME_THEN_AIM.match(rest) and is_label(rest.split()[0], name):
        # "we propose OmniShotCut to formulate SBD as ...": says what X does, kept whole
        return tidy(_we(cue) + rest)
    return None


# "a hybrid approach, namely In-Writing, that combines ...": the name given after its kind.
_NAMELY = re.compile(
    r"^(?P<kind>(?:a|an)\s[^,;:]{3,80}?),\s+(?:namely|dubbed|termed|coined)\s+"
    r"(?P<name>[A-Z][\w.+-]*(?:\s[A-Z][\w.+-]*){0,3}),\s+(?P<tail>(?:that|which)\s.{10,})$"
)
# "WMReward and treat improving physics plausibility as an inference-time alignment problem".
_NAME_AND_VERB = re.compile(
    r"^(?P<name>[^\s,]+)\s+and\s+(?P<verb>treat|cast|frame|formulate|use|apply|reframe|view|"
    r"model|recast)\s+(?P<what>.{10,})$"
)


def _is_own(sentence: str, rest: str, name: str | None, title: str, named_before: bool) -> bool:
    """Whether the description after the cue ("a framework that Z") is the paper's own method,
    the one the title names: not a part, a second thing, a supporting artefact or a thing with
    a name of its own."""
    phrase = HEAD_END.split(rest, maxsplit=1)[0]
    return bool(
        name
        and not named_before
        and title.startswith(f"{name}:")
        and name not in rest
        and _KIND.match(phrase)
        and not _TWO_THINGS.search(phrase)
        and not _SECONDARY.search(sentence[: _cue_end(sentence)])
        and not _SUPPORTING.match(sentence.strip())
        and not names_another(rest, name)
    )


# "a new generalist value model, World Value Model (WVM), that offers ...": the description
# first, then the name, then what it does.
_NAMED_AFTER = re.compile(
    r"^(?P<kind>(?:a|an)\s[^,()]{3,80}),\s+(?P<label>[A-Z][^,]{1,60}),\s+"
    r"(?P<tail>(?:that|which)\s.+)$"
)
# "we train X, a Y": what the authors made when they name it; "we train a model" is a step.
_TRAINED = re.compile(r"\btrain(?:s|ed)?\s+$", re.I)
# "X to formulate ...", "X that learns ...", "X for ...": a name and what it is for.
_NAME_THEN_AIM = re.compile(r"^[^\s,]+\s+(?:to|that|which|for)\s+\w+\s+\w+")


# "This paper proposes" / "This work introduces": the paper as the subject reads as a pointer.
_PAPER_CUE = re.compile(
    rf"^(?:this|our) (?:paper|work|study|article|report)\s+(?:{_CUE_ADVERB}\s+)?"
    rf"({_VERB})(?:s|d|ed)?\s+$",
    re.I,
)


def _we(cue: str) -> str:
    """The cue with "we" as its subject: "This paper proposes " -> "We propose "; "We bridge
    this gap by presenting " -> "We present " (the gap is the abstract's, not the line's)."""
    paper = _PAPER_CUE.match(cue)
    if paper:
        return f"We {paper.group(1).lower()} "
    answer = _ANSWER_VERB.search(cue)
    if answer:
        verb = answer.group(1).lower()
        return f"We {verb}{'e' if verb.endswith(('c', 's')) else ''} "
    return capitalise(cue)


# "... by presenting " at the end of an answering cue: the verb of what the authors made.
_ANSWER_VERB = re.compile(r"\bby\s+(introduc|propos|present|develop)ing\s+$", re.I)
