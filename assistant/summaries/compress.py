"""Deterministic TL;DR compression: the contribution sentence picked by its structure and
rewritten as one sentence that starts with the method ("In this paper, we introduce X, a Y
that Z" -> "X is a Y that Z"), joined with how the method works (an -ing clause from a
sentence about it: "X employs A" -> ", employing A") and the main result clause of one
result sentence.

Every clause is copied from one abstract sentence, so numbers stay bound to the names they
came with. Sentences that point at something they do not say ("this limitation", "To achieve
this") are cut back to their own claim or not used. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations, pairwise

from assistant.summaries.acronyms import spell_out
from assistant.summaries.checker import (
    ANAPHORA,
    FILLER,
    MAX_WORDS,
    STOPWORDS,
    check_tldr,
    dangles,
    method_names,
    name_pattern,
    stem,
)
from assistant.summaries.clauses import (
    ANNOUNCED_END,
    CLAUSE_END,
    EXPANSION,
    POINTER,
    RESULT_WORDS,
    capitalise,
    casefolded_words,
    collapse_list,
    evidence_clause,
    how_clause,
    how_cuts,
    result_clause,
    result_cuts,
    strip_lead,
    unfinished_list,
    we_result_clause,
)
from assistant.summaries.extractive import score_sentence, split_sentences
from assistant.summaries.purpose import purpose_terms, title_purpose, with_purpose

# "we propose", "this paper introduces", "here we present" (with an optional adverb).
_SUBJECT = r"(?:we|this (?:paper|work|study|article)|our (?:paper|work)|the authors|here we)"
# "train" only with a name ("we train i1, a 3B-parameter model"): see _TRAINED
_VERB = (
    r"(?:propose|introduce|present|develop|design|build|contribute|release|construct|curate|"
    r"train)"
)
_CUE_ADVERB = r"(?:first|further|also|then|here|therefore|thus|instead|now|\w+ly)"
# "We address them with X, a Y" / "We answer this question with X": X is the contribution.
_ANSWER = (
    r"(?:we\s+(?:address|tackle|solve|answer|overcome|bridge|fill)\s+(?:this|these|them|it|both)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:with|by\s+(?:introducing|proposing|presenting|developing))"
    # "We improve evaluation validity by introducing X": what they made is X
    r"|we\s+[a-z]+\s+(?:[\w-]+\s+){0,3}?by\s+(?:introducing|proposing|presenting|developing))"
)
_CUE = re.compile(
    rf"\b{_SUBJECT}(?:,\s*[^,]{{1,40}},)?\s+(?:{_CUE_ADVERB}\s+)?{_VERB}(?:s|d|ed)?\s+"
    rf"|\b{_ANSWER}\s+",
    re.I,
)
# "we draw inspiration from X and propose Y" -> "we propose Y".
_WE_AND = re.compile(rf"^we\s[^,.;]{{3,120}}?\sand\s(?={_VERB}s?\s)", re.I)
_FINDING_ADVERB = r"(?:first|further|also|then|empirically|theoretically)"
_SHOW = r"(?:show|find|demonstrate|prove|reveal|identify|uncover|observe)"
_FINDING = re.compile(
    rf"\b{_SUBJECT}\s+(?:{_FINDING_ADVERB}\s+)?{_SHOW}s?\s+"
    rf"(?:(?!(?:a|an|the|our|this|these)\s)\w+\s+){{0,3}}?that\s+",  # not "show a stack that"
    re.I,
)
# "a loss, called MFD, that ..." (not "called the manifold feature distance": no one-word name).
_NAMED = re.compile(
    r",?\s*(?:called|named|dubbed|termed|coined)\s+(?!(?:the|a|an)\s)([^\s,;:]+)\s*,?\s*", re.I
)
_APPOSITIVE = re.compile(r"^(?P<name>[^\s,]+(?:\s[^\s,]+){0,3}),\s+(?P<rest>(?:a|an|the)\s.+)$")
_DEFINED_APPOSITIVE = re.compile(
    r"^[^(),]{3,90}\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),\s+(?P<rest>(?:a|an|the)\s.+)$"
)
# Acronyms of a field or model family, not of the paper's method.
_FIELD = re.compile(
    r"^(?:M?LLMs?|L?VLMs?|LMs?|LRMs?|LMMs?|VLAs?|AI|RL|NLP|DNNs?|CNNs?|GNNs?|KV|CoT|RAG|MoE|"
    r"ViTs?|SFT|RLHF|ASR|TTS|QA|VQA|OCR|GUI|CUAs?)$"
)
_HEAD_END = re.compile(r"\s(?:of|for|that|which|to|with|in|on|by|from|via)\s|,")
_KIND = re.compile(
    r"^(?:\S+\s+){0,10}?(?:framework|method|approach|model|system|benchmark|dataset|algorithm|"
    r"pipeline|agent|architecture|library|suite|paradigm|technique|toolkit|family|series|"
    r"environment|platform|corpus|recipe|strategy)s?\b",
    re.I,
)
_NAME_WHICH = re.compile(r"^(?P<name>[^\s,]+),\s+which\s+(?P<rest>[a-z]+s\s.+)$")
_DEFINED_WHICH = re.compile(
    r"^[^(),]{3,90}\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),\s+which\s+(?P<rest>[a-z]+s\s.+)$"
)
_SMALL = frozenset("a an the of in on for to and or with by from as at its their".split())
_COMMON = frozenset(
    """a an the this that these our its their it we new novel first simple
    unified general large small efficient effective""".split()
)
# A name: an acronym, an inner capital or digit-letter mix ("VEGA-3D", "ImageNet", "GPT-4o").
_NAME_TOKEN = re.compile(
    r"^(?=[^\s]*[A-Z])(?:[A-Z][A-Za-z0-9+\-.]*[A-Z0-9+][A-Za-z0-9+\-]*|"
    r"[a-z]+-?[A-Z][A-Za-z0-9+\-]*)$"  # "alpha-Flow" too
)
_BACKGROUND = re.compile(
    r"^(?:recent(?:ly)?|in recent years|nowadays|over the (?:past|last)|despite|however|"
    r"although|while|traditional(?:ly)?|existing|current(?:ly)?|most|many|prior)\b",
    re.I,
)
_SECONDARY = re.compile(r"\b(?:also|further|then|first|additionally|finally|second)\b", re.I)
_OWN_OPENING = re.compile(r"^(?:we|this (?:paper|work|study)|in this (?:paper|work|study))\b", re.I)
_DESCRIPTION = re.compile(r"^(?:a|an|the first)\s", re.I)
# "a benchmark and a framework": two contributions, not one the name could stand for.
_TWO_THINGS = re.compile(r"\s(?:and|or|plus)\s+(?:a|an)\s", re.I)
# "To support this approach, we construct a dataset ...": an artefact that serves the method.
_SUPPORTING = re.compile(
    r"^(?:to (?:support|enable|facilitate|train|evaluate|assess|benchmark|study|validate|"
    r"measure|test|complement)|for (?:evaluation|training|this purpose))\b",
    re.I,
)
NAME_WINDOW = 15  # words of a description searched for a name of its own


@dataclass(frozen=True)
class Compressed:
    """A compressed TL;DR and the abstract sentences it was cut from."""

    text: str
    sentences: tuple[str, ...]


def name_of(title: str, abstract: str) -> str | None:
    """The method's name: the title's short prefix before a colon, else a name the title and
    abstract share that the abstract defines in parentheses or puts right after "we propose"
    (an acronym like "(LLMs)" that the title lacks names the field, not the method)."""
    head, colon, _ = title.partition(":")
    head = head.strip()
    if colon and 0 < len(head.split()) <= 3 and _names_something(head, abstract):
        return head
    for name in method_names(title, abstract):
        if name in title and name != head and not _FIELD.match(name):
            return name
    for sentence in split_sentences(abstract):
        cue = _CUE.search(sentence)
        if cue:
            first = sentence[cue.end() :].split(" ", 1)[0].strip(",.;:")
            if _NAME_TOKEN.match(first):
                return first
    return None


def _names_something(head: str, abstract: str) -> bool:
    """Whether a title's prefix is a name ("SIA", "Nemotron-Cascade 2", one the abstract uses)
    rather than a phrase ("Beyond Drug Discovery", "Hierarchical SVG Tokenization")."""
    return len(head.split()) == 1 or bool(_NAME_TOKEN.match(head.split()[0])) or head in abstract


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


def _tidy(text: str) -> str:
    text = " ".join(EXPANSION.sub("", text).split()).strip(" ,;:")
    return text.rstrip(".") + "."


def _is_label(label: str, name: str | None) -> bool:
    """Whether the words before ", a ..." name something: the method's name, a name token, one
    uncommon word ("freephdlabor"), or up to four capitalised words ("Nemotron Nano V2 VL")."""
    words = re.sub(r"^the\s+", "", label, flags=re.I).split()
    if name and (label == name or words[0].startswith(name)):
        return True
    if _NAME_TOKEN.match(words[0]):
        return True
    if len(words) == 1:
        return words[0].casefold() not in _COMMON and words[0].isalpha()
    return all(w[:1].isupper() for w in words)


def _names_another(rest: str, name: str | None) -> bool:
    """Whether a description names something other than the method ("a dataset, VerInstruct,
    containing ..."): then "X is a dataset" would bind the method's name to it."""
    words = [w.strip(",.;:()") for w in rest.split()[:NAME_WINDOW]]
    return any(_NAME_TOKEN.match(w) and not (name and w.startswith(name)) for w in words if w)


# "Reason, then Re-reason (ReRe), a training-free framework": a long name with a comma.
_COMMA_DEFINED = re.compile(
    r"^(?P<long>[A-Z][^(),]*(?:,\s[^(),]+){1,2})\s\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\),"
    r"\s+(?P<rest>(?:a|an|the)\s.+)$"
)
MAX_LONG_NAME = 6


def _comma_defined(rest: str) -> re.Match[str] | None:
    """ "Reason, then Re-reason (ReRe), a Y": a long name the sentence defines an acronym for,
    commas and all (a short name that opens with the acronym's letter, not a list)."""
    found = _COMMA_DEFINED.match(rest.strip())
    if found is None or len(found.group("long").split()) > MAX_LONG_NAME:
        return None
    return found if found.group("long")[0].casefold() == found.group("name")[0].casefold() else None


def _cue_end(sentence: str) -> int:
    cue = _CUE.search(sentence)
    return cue.end() if cue else 0


def contribution(
    sentence: str, name: str | None, title: str = "", named_before: bool = False
) -> str | None:
    """The contribution sentence as "X is a Y that Z" / "X does Z", or None when it has no
    cue or still dangles once its leading phrase is cut. Once an earlier sentence has named
    the method (``named_before``), "we build a dataset ..." is a part of it, never X itself."""
    body = _WE_AND.sub("We ", strip_lead(sentence), count=1)
    cue = _CUE.search(body)
    if cue is None or cue.start() > 0:
        finding = _FINDING.search(body)
        if finding is None or finding.start() > 0:
            return None
        found = body[finding.end() :]
        return None if dangles(found) else _tidy(capitalise(found))
    rest = _undangle(EXPANSION.sub("", body[cue.end() :]).strip())
    if rest is None:
        return None
    called = _NAMED.search(rest)
    if called:  # "a Y, called X, that Z" -> "X is a Y that Z"
        label = called.group(1).strip("\"'“”")
        described = (rest[: called.start()] + " " + rest[called.end() :]).strip()
        return _tidy(f"{label} is {described}")
    which = _DEFINED_WHICH.match(body[cue.end() :].strip()) or _NAME_WHICH.match(rest)
    if which and not dangles(which.group("rest")) and _is_label(which.group("name"), name):
        return _tidy(f"{which.group('name')} {which.group('rest')}")  # "X (ACR), which does Z"
    defined = _DEFINED_APPOSITIVE.match(body[cue.end() :].strip()) or _comma_defined(rest)
    if defined:  # "Long Name (ACR), a Y" -> "ACR is a Y"
        return _tidy(f"{defined.group('name')} is {defined.group('rest')}")
    named = _named_description(rest, name)
    if named:  # "a multi-level benchmark TIME, designed for Z" -> "TIME is a ... benchmark, ..."
        return _tidy(named)
    apposition = _APPOSITIVE.match(rest)
    if apposition and _is_label(apposition.group("name"), name):
        label = re.sub(r"^the\s+", "", apposition.group("name"), flags=re.I)
        return _tidy(f"{label} is {apposition.group('rest')}")
    if _TRAINED.search(body[: cue.end()]):
        return None  # "we train a 7B model on ...": a step, unless it names what it made
    if _DESCRIPTION.match(rest):
        # "we propose a framework that Z" is the paper's own method: "X is a framework that
        # Z"; a part of it ("we also propose a loss ...") keeps the sentence as it is.
        phrase = _HEAD_END.split(rest, maxsplit=1)[0]
        own = (
            name
            and not named_before
            and title.startswith(f"{name}:")
            and name not in rest
            and _KIND.match(phrase)
            and not _TWO_THINGS.search(phrase)
            and not _SECONDARY.search(sentence[: _cue_end(sentence)])
            and not _SUPPORTING.match(sentence.strip())
            and not _names_another(rest, name)
        )
        return _tidy(f"{name} is {rest}" if own else _we(body[: cue.end()]) + rest)
    if _NAME_THEN_AIM.match(rest) and _is_label(rest.split()[0], name):
        # "we propose OmniShotCut to formulate SBD as ...": says what X does, kept whole
        return _tidy(_we(body[: cue.end()]) + rest)
    return None


# "we train X, a Y": what the authors made when they name it; "we train a model" is a step.
_TRAINED = re.compile(r"\btrain(?:s|ed)?\s+$", re.I)
# "X to formulate ...", "X that learns ...", "X for ...": a name and what it is for.
_NAME_THEN_AIM = re.compile(r"^[^\s,]+\s+(?:to|that|which|for)\s+\w+\s+\w+")


# "This paper proposes" / "This work introduces": the paper as the subject reads as a pointer.
_PAPER_CUE = re.compile(
    rf"^(?:this|our) (?:paper|work|study|article)\s+(?:{_CUE_ADVERB}\s+)?({_VERB})(?:s|d|ed)?\s+$",
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


# "a multi-level benchmark TIME, designed for ...": the name closes the description.
_DESCRIPTION_THEN_NAME = (
    r"^(?P<desc>(?:a|an)\s(?:[^;:()]{{2,90}}?)),?\s+{name}"
    r"(?P<tail>[,.].*|\s(?:that|which|for|to)\s.*)?$"
)
# "a novel framework for REfining multi-modAl contRastive learning (REARM)": the name last.
_DESCRIPTION_THEN_ACRONYM = re.compile(
    r"^(?P<desc>(?:a|an)\s[^()]{3,120}?)\s*\((?P<name>[A-Za-z][\w.+^-]*[A-Z][\w.+-]*)\)\.?$"
)


def _named_description(rest: str, name: str | None) -> str | None:
    """ "a Y NAME[, Z]" -> "NAME is a Y[, Z]" for the method's own name; "a Y (ACR)" -> "ACR is
    a Y", its words in lower case when their capitals spell ACR ("REfining" -> "refining")."""
    if name:
        pattern = _DESCRIPTION_THEN_NAME.format(name=name_pattern(name))
        described = re.match(pattern, rest.strip())
        if described:
            return f"{name} is {described.group('desc')}{described.group('tail') or ''}"
    between = _DESCRIPTION_COMMA_NAME.match(rest.strip())
    if between and _NAME_TOKEN.match(between.group("name")):  # "a pipeline, CHORD, for Z"
        desc = _lowered(between.group("desc") + " " + between.group("tail"), between["name"])
        return f"{between.group('name')} is {desc}"
    acronym = _DESCRIPTION_THEN_ACRONYM.match(rest.strip())
    if acronym is None:
        return None
    label = acronym.group("name")
    return f"{label} is {_lowered(acronym.group('desc'), label)}"


def _lowered(desc: str, label: str) -> str:
    """``desc`` in lower case when its capitals spell ``label`` ("REfining multi-modAl
    contRastive ..." for REARM), as it is otherwise."""
    capitals = "".join(c for c in desc if c.isupper())
    return desc.lower() if capitals.casefold() == label.casefold() else desc


# "a universal generative pipeline, CHORD, for ...": the name between commas.
_DESCRIPTION_COMMA_NAME = re.compile(
    r"^(?P<desc>(?:a|an)\s[^,;:()]{3,80}),\s+(?P<name>[^\s,]+),\s+(?P<tail>(?:for|that|which|to)\s.+)$"
)


def compress(title: str, abstract: str, limit: int = MAX_WORDS) -> Compressed | None:
    """The best compressed TL;DR that passes the checker, or None when no sentence yields one."""
    abstract = re.sub(r"\s+,", ",", abstract.replace("~", " "))
    sentences = [_uncontrasted(collapse_list(s)) for s in split_sentences(abstract)]
    name = name_of(title, abstract)
    if name:
        sentences = [part for s in sentences for part in _split_at_name(s, name)]
        sentences = [_without_tex_suffix(s, name) for s in sentences]
    heads = _with_clips(
        [
            _Head(s, c)
            for i, s in enumerate(sentences)
            if (c := contribution(s, name, title, _named_in(sentences[:i], name)))
        ]
    )
    names = (name, *_aliases(name, abstract)) if name else ()
    if name:  # the sentence about the paper's own method before one about a part of it
        heads += [_Head(s, _tidy(_clip(s))) for s in sentences if _about(s, name)]
        heads.sort(key=lambda head: _rank(head.text, names))
        heads = _with_title_line(heads, title_line(title, abstract, name), names)
    heads.sort(key=lambda head: _demoted(head, names))  # stable: only demotes
    own = (*names, *_subjects(heads, name))
    results = _results(sentences, name, own[1:] if name else own)
    for head in heads:
        lines = _lines(head, _hows(head, sentences, name), results)
        built = _head_line(lines, title, abstract, own, limit)
        if built:
            return built
    plain = _plain(title, sentences)
    return _spelled(plain, title, abstract, own, limit) if plain else None


def _head_line(
    lines: Iterator[tuple[str, tuple[str, ...]]],
    title: str,
    abstract: str,
    own: tuple[str, ...],
    limit: int,
) -> Compressed | None:
    """The first of a head's ``lines`` that fits, acronyms spelled out; with the title's
    purpose ("X is a system [for collaborative data visualization] that ...") when the line
    leaves it out: the first line that fits with it, as long as it says no less than the line
    without it (the purpose never costs the result clause it would push out)."""
    purpose = _cased_purpose(title, abstract)
    first: Compressed | None = None
    for text, used in lines:
        if not _fits(text, title, abstract, limit):
            rescued = _rescued(text, purpose, own)
            if first is None and rescued and _fits(rescued, title, abstract, limit):
                return _spelled(Compressed(rescued, used), title, abstract, own, limit)
            continue
        spelled = _spelled(Compressed(text, used), title, abstract, own, limit)
        first = first or spelled
        purposed = with_purpose(spelled.text, purpose) if purpose else None
        if purposed is None or len(purpose_terms(purposed)) < len(purpose_terms(first.text)):
            return first
        if _fits(purposed, title, abstract, limit):
            return Compressed(purposed, used)
    return first


def _rescued(text: str, purpose: str | None, own: tuple[str, ...]) -> str | None:
    """A line about the method that is refused as too short or vague on its own ("X is an
    automated pipeline.") with the title's purpose brought in ("X is an automated pipeline for
    issue resolution training data"): what X is for, in the authors' words. Only a line whose
    subject is the method: the purpose is the method's, not a part's."""
    if not purpose or not own or _rank(text, own) != 0:
        return None
    return with_purpose(text, purpose)


def _cased_purpose(title: str, abstract: str) -> str | None:
    """The title's purpose ("for Collaborative Data Visualization") in sentence case."""
    purpose = title_purpose(title)
    return " ".join(_title_word(w, abstract) for w in purpose.split()) if purpose else None


def _split_at_name(sentence: str, name: str) -> list[str]:
    """``sentence`` split where a new sentence starts with a lower-case name ("... datasets.
    i1 is competitive ..."), which the sentence splitter takes for a continuation."""
    if not name[:1].islower():
        return [sentence]
    return re.split(rf"(?<=[.!?])\s+(?={re.escape(name)}\s)", sentence)


def _without_tex_suffix(sentence: str, name: str) -> str:
    """``sentence`` with the TeX the abstract hangs on the title's name dropped ("GUI-360^circ"
    -> "GUI-360"): the checker refuses the caret, and with it every line naming the method."""
    return re.sub(rf"(?<![\w-]){re.escape(name)}\^\{{?\\?\w+\}}?", name, sentence)


def _spelled(
    built: Compressed, title: str, abstract: str, own: tuple[str, ...], limit: int
) -> Compressed:
    """``built`` with the acronyms the abstract defines spelled out, when the longer line
    still passes the checker."""
    text = spell_out(built.text, abstract, own, limit)
    if text == built.text or not _fits(text, title, abstract, limit):
        return built
    return Compressed(text, built.sentences)


def _results(
    sentences: list[str], name: str | None, aliases: tuple[str, ...]
) -> tuple[list[Clause], list[Clause]]:
    """The result clauses of the method's sentences, then what the experiments show (a
    clause naming the method says more than one about the experiments), then their shorter
    forms, for a line that is too long with the whole clause."""
    named = [(s, r) for s in sentences if (r := result_clause(s, name, aliases))]
    named += [(s, r) for s in sentences if (r := we_result_clause(s)) and s not in dict(named)]
    shown = [(s, r) for s in sentences if (r := evidence_clause(s))]
    whole = named + [clause for clause in shown if clause[0] not in dict(named)]
    return whole, [(s, cut) for s, r in whole for cut in result_cuts(r)]


def _subjects(heads: list[_Head], name: str | None) -> tuple[str, ...]:
    """The names the head lines give the method when the title gives none ("TPG is a ...")."""
    if name:
        return ()
    found = (_SUBJECT_NAME.match(head.text) for head in heads)
    return tuple(dict.fromkeys(m.group(1) for m in found if m and _NAME_TOKEN.match(m.group(1))))


def _named_in(sentences: list[str], name: str | None) -> bool:
    """Whether one of ``sentences`` names the method."""
    return bool(name) and any(_mentions(s, name or "") for s in sentences)


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a word of its own ("X", not "X-Lite")."""
    return bool(re.search(rf"(?<![\w-]){name_pattern(name)}(?![\w-])", text))


Clause = tuple[str, str]  # (the sentence a clause is cut from, the clause)


def _hows(head: _Head, sentences: list[str], name: str | None) -> list[Clause]:
    """The how clauses of the sentences after the head's own (of every sentence for the title's
    line): "it" stands for the method only in the sentence right after the head's."""
    start = sentences.index(head.sentence) + 1 if head.sentence in sentences else 0
    subject = _SUBJECT_NAME.match(head.text)
    names = tuple({n for n in (name, subject and subject.group(1)) if n})
    return [
        (s, cut)
        for i, s in enumerate(sentences[start:], start)
        if (h := _how(s, names, head, i == start))
        for cut in how_cuts(h)
        if _adds(cut, head.text)
    ]


def _how(sentence: str, names: tuple[str, ...], head: _Head, follows: bool) -> str | None:
    """The sentence's how clause; for the title's line (no sentence of its own) also a part
    "we" introduce ("Finally, we introduce A and B to achieve C" -> "introducing A and B to
    achieve C"), which the title's phrase names no part of."""
    found = how_clause(sentence, names, follows_head=bool(head.sentence) and follows)
    if found or head.sentence:
        return found
    part = _WE_ADD.match(strip_lead(sentence))
    if part is None or dangles(part.group("rest")) or part.group("rest").startswith(names):
        return None  # "introducing X, a pipeline" after "X is ...": the method, not a part
    end = CLAUSE_END.search(part.group("rest"))
    rest = part.group("rest")[: end.start()] if end else part.group("rest")
    return f"{part.group('verb').lower()}ing {rest.strip(' .,;')}"


# "we introduce interleaving temporal units ...": a part of the method, as "introducing ...".
_WE_ADD = re.compile(r"^we\s+(?P<verb>introduc|propos|design|adopt|employ)e?\s+(?P<rest>.+)$", re.I)


MIN_NEW_WORDS = 2
# Words a how clause may carry without saying how: "featuring a novel paradigm", "supporting
# diverse applications".
_VAGUE_HOW = frozenset(
    """paradigm applications diverse wide range variety designed key core main novel several
    two three four five six ingredients components innovations contributions techniques
    modules elements stages parts""".split()
)  # "incorporating three key ingredients" counts parts it does not name


def _adds(clause: str, head: str) -> bool:
    """Whether a clause says something the head does not, besides its verb: "operating via a
    dual-path approach" after "X is a dual-path framework", "working by training the model"
    after "X ... of T2I models" or "featuring a novel paradigm" add nothing."""
    said = {stem(w) for w in casefolded_words(head)}
    words = casefolded_words(clause)[1:]  # the verb only says that a how follows
    content = [w for w in words if w not in STOPWORDS and w not in FILLER and w not in _VAGUE_HOW]
    return len({stem(w) for w in content} - said) >= MIN_NEW_WORDS


# The name a head line is about: "TPG is a novel method ..." -> "TPG".
_SUBJECT_NAME = re.compile(r"^(\S+)\s+(?:is|are)\s")


def _lines(
    head: _Head, hows: list[Clause], results: tuple[list[Clause], list[Clause]]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The lines a head can make, most complete first: with how it works and its result, with
    either, alone; ``results`` are the whole result clauses and their shorter forms."""
    whole, cut = results
    if head.joins:
        for found in (whole, cut):  # a cut result only when no whole one fits
            for how in hows:
                for result in found:
                    yield from _joined(head, [how, result])
            for result in found:
                yield from _joined(head, [result])
        for i, how in enumerate(hows):
            for other in hows[i + 1 :]:
                yield from _joined(head, [how, other])
            yield from _joined(head, [how])
    if head.alone:
        if head.joins:
            for clip in _shorter(head):
                for result in (*whole, *cut):
                    yield from _joined(clip, [result])
        yield head.text, head.sentences
        if head.joins:  # too long alone: what the method is says more than the next head
            for clip in _shorter(head):
                yield clip.text, clip.sentences


# Where a head can end early: before a trailing "which"/"-ing" clause or after a colon.
_CLAUSE_CUT = re.compile(r",\s+(?:which|while|thus|thereby|[a-z]+ing)\b|;\s|:\s")
# A head that says what the method is ("X is a Y ..."): a result joins what X is, not a
# property ("SOP is agnostic to ..., improving ..." reads as if the property improved it).
_IS_A = re.compile(r"^\S+\s+(?:is|are)\s+(?:a|an|the)\s")
MIN_CLIP_WORDS = 6


def _shorter(head: _Head) -> list[_Head]:
    """The head cut before each trailing clause, longest first: a result joins a shorter head
    ("X is a Y enabling Z, achieving R") before the whole head stands alone ("X is a Y enabling
    Z, thus creating W")."""
    if not _IS_A.match(head.text):
        return []
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(head.text)]
    clips = [_tidy(head.text[:cut]) for cut in reversed(cuts)]
    # a clip keeps the count its list announces ("two phases: in the first, ...") but not
    # the whole list: the announcement goes too
    clips = [
        (_without_announcement(c) or c) if unfinished_list(c) or _ANNOUNCEMENT.search(c) else c
        for c in clips
    ]
    return [
        _Head(head.sentence, clip)
        for clip in clips
        if len(clip.split()) >= MIN_CLIP_WORDS and not dangles(clip)
    ]


def _joined(head: _Head, clauses: list[Clause]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The head with ``clauses`` joined, unless one comes from the head's own sentence, two
    parts share a phrase ("... representations ... representations") or the result repeats
    a verb."""
    used = [head.sentence, *(sentence for sentence, _ in clauses)]
    if len(set(used)) < len(used):
        return
    parts = [head.text.rstrip("."), *(clause for _, clause in clauses)]
    if any(_shares_phrase(a, b) for a, b in combinations(parts, 2)) or _repeats_verb(parts):
        return
    yield ", ".join(parts) + ".", tuple(s for s in used if s)


def _repeats_verb(parts: list[str]) -> bool:
    """Whether a result clause opens on a verb the parts before it already use ("... while
    achieving state-of-the-art accuracy, achieving on-par accuracy ...")."""
    last = parts[-1].split()[0].casefold()
    return last in RESULT_WORDS and any(last in casefolded_words(part) for part in parts[:-1])


@dataclass(frozen=True)
class _Head:
    """A candidate first clause: cut from ``sentence`` (empty for the title's line), tried
    with a result clause joined (``joins``) and on its own (``alone``)."""

    sentence: str
    text: str
    joins: bool = True
    alone: bool = True

    @property
    def sentences(self) -> tuple[str, ...]:
        return (self.sentence,) if self.sentence else ()


def _with_title_line(heads: list[_Head], named: str | None, names: tuple[str, ...]) -> list[_Head]:
    """``heads`` with the title's line ("X is a Y for Z") tried joined to a result right after
    the lines whose subject is the method, and alone after the lines that name it: before
    lines about something else (a part, a side release, the experiments). A title echo
    ("X provides <title words>") says less than a sentence that names the method: it comes
    after those even when joined."""
    if named is None:
        return heads
    bare = [h for h in heads if _says_little(h.text, names)]
    if bare:  # "We propose a novel framework: LoFT": the title says what LoFT is
        rest = _with_title_line([h for h in heads if h not in bare], named, names)
        after = rest.index(_Head("", named, joins=False)) + 1
        return [*rest[:after], *bare, *rest[after:]]
    subject = sum(_rank(h.text, names) == 0 for h in heads)
    naming = sum(_rank(h.text, names) <= 1 for h in heads)
    joined, alone = _Head("", named, alone=False), _Head("", named, joins=False)
    if _ECHO.match(named):
        return [*heads[:naming], joined, alone, *heads[naming:]]
    # before a line that says what X does or is built on rather than what X is ("X is built
    # on a video model ..."): "X is a framework for video stylization, built on ..."
    says_what = next((i for i, h in enumerate(heads[:subject]) if not _IS_A.match(h.text)), subject)
    return [*heads[:says_what], joined, *heads[says_what:naming], alone, *heads[naming:]]


MIN_SAID = 2  # content words a head needs besides the method's name and its kind


def _says_little(head: str, names: tuple[str, ...]) -> bool:
    """Whether a head names the method and its kind and little else ("We propose a novel
    framework: LoFT", "X is a simple method")."""
    named = {stem(w) for name in names for w in casefolded_words(name)}
    words = [w for w in casefolded_words(head) if w not in STOPWORDS and w not in FILLER]
    said = {stem(w) for w in words if w not in _VAGUE_HOW and not _KIND_WORD.match(w)}
    return len(said - named) < MIN_SAID


_KIND_WORD = re.compile(
    r"^(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|family|series|environment|"
    r"platform|corpus|recipe|strategy)s?$"
)


# "X provides <the title's words>": a title echo, not a description of what X is.
_ECHO = re.compile(r"^\S+(?:\s\S+){0,2}\sprovides\s")


def _rank(head: str, names: tuple[str, ...]) -> int:
    """The best :func:`_head_rank` of ``head`` over the method's names."""
    return min(_head_rank(head, name) for name in names)


def _aliases(name: str, abstract: str) -> tuple[str, ...]:
    """The short forms the abstract defines for a long name: "Graph of Skills (GoS)" -> GoS."""
    found = re.findall(rf"{re.escape(name)}\s+\(([A-Za-z][\w.+-]*[A-Z][\w.+-]*)\)", abstract)
    return tuple(dict.fromkeys(found))


# Side sentences: a further or supporting release, the experiments, a finding, a result.
_ALSO = re.compile(
    r"^(?:\S+\s+){0,5}?(?:also|further|furthermore|additionally|moreover|in addition)\b", re.I
)
_EXPERIMENTS = re.compile(
    r"^(?:(?:the|our)\s+)?(?:\w+\s+)?(?:experiments?|results?|evaluations?|analys[ie]s|"
    r"ablations?|visuali[sz]ations?|studies|comparisons?)\s+(?:\w+\s+){0,6}?(?:show|"
    r"demonstrate|reveal|indicate|confirm|verify|validate|suggest)s?\b"
    r"|^we\s+(?:then\s+)?(?:apply|test|evaluate|conduct|validate|compare|benchmark)\b",
    re.I,
)
_TO_SUPPORT = re.compile(r"\bto (?:support|facilitate|foster|enable) (?:further|future)\b", re.I)


def _demoted(head: _Head, names: tuple[str, ...]) -> bool:
    """Whether a head goes after the others: a result of the method ("X achieves ..." says
    what X scores, not what X is), or a side statement that is not about the method
    (``names``: its name first, then the aliases the abstract defines)."""
    text = strip_lead(head.sentence) if head.sentence else ""
    name = names[0] if names else None
    if name and text and _about(text, name) and result_clause(text, name, names[1:]) is not None:
        return True
    return _is_side(head.sentence) and not (names and _rank(head.text, names) == 0)


def _is_side(sentence: str) -> bool:
    """Whether a sentence is a side statement rather than the contribution: "We also
    release ...", "Furthermore, we introduce ... to support further research", "Results show
    X ...", "We demonstrate that ..."."""
    text = strip_lead(sentence) if sentence else ""
    if not text:
        return False
    if _ALSO.match(sentence) or _TO_SUPPORT.search(sentence) or _EXPERIMENTS.match(text):
        return True
    return bool(_FINDING.match(text)) and not _CUE.match(text)


NAMED_WITHIN = 6  # a line names the method when its name is among its first words


def _head_rank(head: str, name: str) -> int:
    """0 for a line whose subject is the method ("X is ...", not "X-Lite is ..."), 1 for one
    that names it early ("We propose X, ..."), 2 for a line about something else, 3 for
    "We ..." without it."""
    pattern = name_pattern(name)
    if re.match(rf"{pattern}(?![\w-])", head, re.I):
        return 0
    if _mentions(" ".join(head.split()[:NAMED_WITHIN]), name):
        return 1
    return 3 if head.startswith("We ") else 2


# Title descriptions that are not a noun phrase: a question, a claim, "Towards ...", "-ing".
_NOT_A_PHRASE = re.compile(
    r"\?|^(?:towards?|beyond|can|how|what|why|when|where|which|is|are|does|do|on|from|not|"
    r"less|more|let|make|better|faster|fewer|smaller|cheaper|stronger|your|our|\w+ing|\w+ify)\b"
    r"|\b(?:is|are|makes?|needs?|matters?|helps?|can|should|does|do|beats?)\b",
    re.I,
)
# "... With Agentic Tool Using": a title ending on a verb reads garbled after "provides".
_VERB_END = re.compile(r"\b(?:using|via|with|for)$", re.I)
# Head nouns that take "a": "LPM 1.0 is a video-based character performance model".
_COUNTABLE = re.compile(
    r"(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|platform|environment|corpus|recipe|"
    r"baseline|engine|simulator|tool|metric|protocol|network|transformer|encoder|planner|"
    r"optimizer|family|generator|testbed|arena|gym|leaderboard|study|survey|analysis)$",
    re.I,
)


def title_line(title: str, abstract: str, name: str) -> str | None:
    """ "X: A Y for Z" -> "X is a Y for Z"; "X: Y-ing Z" (a phrase without an article) ->
    "X provides ..."; None when the part after the colon is a question, a claim or a verb
    phrase, or the title has no "X:" head."""
    head, colon, rest = title.partition(":")
    rest = " ".join(rest.split())
    if not colon or head.strip().casefold() != name.casefold() or not rest:
        return None
    if _NOT_A_PHRASE.search(rest) or len(rest.split()) < 3 or _VERB_END.search(rest):
        return None
    phrase = " ".join(_title_word(w, abstract) for w in rest.split())
    if re.match(r"(?:a|an|the)\s", phrase):
        return f"{name} is {phrase}."
    noun = _HEAD_END.split(phrase, maxsplit=1)[0].split()[-1]
    if _COUNTABLE.search(noun):
        return f"{name} is {'an' if phrase[0] in 'aeiou' else 'a'} {phrase}."
    if _CLAIM_VERB.search(rest):  # "Large-Scale Simulation Enables Zero-Shot Manipulation"
        return None
    return f"{name} provides {phrase}."


# A verb that makes an article-less title a claim, which reads garbled after "provides".
_CLAIM_VERB = re.compile(r"\b(?:enables?|drives?|unlocks?|yields?|improves?|boosts?)\b", re.I)


def _title_word(word: str, abstract: str) -> str:
    """A title-case word in sentence case, unless it is a name: an acronym, a mixed-case token,
    or a word the abstract capitalises mid-sentence ("Chinese", "Rust")."""
    parts = word.split("-")
    return "-".join(p if _keeps_case(p, abstract) else p.lower() for p in parts)


def _keeps_case(part: str, abstract: str) -> bool:
    if not part[:1].isupper() or any(c.isupper() or c.isdigit() for c in part[1:]):
        return True
    capitalised = re.search(rf"[a-z,;]\s+{re.escape(part)}\b", abstract)
    return bool(capitalised) and not re.search(rf"\b{re.escape(part.lower())}\b", abstract)


# Where a long head can end and still say what the method is: before a relative clause, a
# list of its parts or trailing commentary.
_HEAD_CLIP = re.compile(
    r",\s+(?:featuring|including|comprising|consisting of)\s*:?\s*\(|" + CLAUSE_END.pattern
)


def _with_clips(heads: list[_Head]) -> list[_Head]:
    """``heads`` each followed by its clip: "X is a reward model that enables token-level
    grounding, which can extract ... (40 more words)" -> "X is a reward model that enables
    token-level grounding". The clip is tried when the whole head is refused (too long, or its
    tail points at "these dimensions"): the same head without its tail says more than a
    title echo or a side detail."""
    clipped: list[_Head] = []
    for head in heads:
        clipped.append(head)
        end = _HEAD_CLIP.search(head.text)
        if end and end.start() > 0:
            clipped.append(_Head(head.sentence, _tidy(head.text[: end.start()])))
        unlisted = _without_announcement(head.text)
        if unlisted:
            clipped.append(_Head(head.sentence, unlisted))
    return clipped


# A count that announces the parts named next: "two mechanisms: (1) ...", "three stages:".
_ANNOUNCEMENT = re.compile(
    r"\b(?:two|three|four|five|six|seven|several|multiple)\s+(?:[\w-]+\s+){0,2}?[a-z-]+s"
    r"\s*(?::|,?\s*(?:namely|i\.e\.)|\(?(?:1|i|a)\)\s)",
    re.I,
)
# Where the phrase holding the count starts: "... the task [into] three stages:".
_PHRASE_START = re.compile(
    r",\s|\s(?:with|through|via|using|that|which|comprising|consisting of|featuring|including|"
    r"into|in|by|across|on|of|over)\s"
)


def _without_announcement(head: str) -> str | None:
    """The head cut before the phrase that announces a list ("X is a framework with two
    mechanisms: (1) ..." -> "X is a framework"), for when the whole list does not fit: the
    announcement dropped cleanly, not the list cut short. None when the head announces none
    or too little is left."""
    ending = ANNOUNCED_END.search(head)  # "... with two mechanisms, improving": from "with"
    found = _ANNOUNCEMENT.search(head)
    if ending is None and found is None:
        return None
    starts = [] if found is None else list(_PHRASE_START.finditer(head[: found.start()]))
    cut = ending.start() if ending else starts[-1].start() if starts else 0
    kept = _tidy(head[:cut])
    if len(kept.split()) < MIN_CLIP_WORDS or dangles(kept) or unfinished_list(kept):
        return None
    return kept


def _fits(line: str, title: str, abstract: str, limit: int) -> bool:
    """Within the word limit, not ending inside a list it announces, and passed by the checker."""
    if len(line.split()) > limit or unfinished_list(line):
        return False
    return not check_tldr(line, title, abstract)


def _shares_phrase(head: str, clause: str) -> bool:
    """Whether two parts of a line share a two-word phrase of content words."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = [w for w in casefolded_words(text) if w not in _SMALL]
        return set(pairwise(words))

    return bool(pairs(head) & pairs(clause))


def _about(sentence: str, name: str) -> bool:
    """A sentence with the method as its subject and a verb next: "TUA-Bench includes ..."."""
    rest = sentence[len(name) :] if sentence.startswith(name) else ""
    return bool(re.match(r"\s+(?:also\s+)?[a-z]+s\b", rest)) and not dangles(rest)


def _clip(sentence: str) -> str:
    """A sentence cut before trailing commentary when it is longer than a line."""
    if len(sentence.split()) <= MAX_WORDS:
        return sentence
    end = CLAUSE_END.search(sentence)
    return sentence[: end.start()] if end else sentence


# "Unlike methods relying on X, EAFT uses ...": what others do, before the method's own claim.
_CONTRAST_LEAD = re.compile(
    r"^(?:unlike|in contrast to|as opposed to|rather than)\s[^,]{3,160},\s+(?=[A-Z])", re.I
)


def _uncontrasted(sentence: str) -> str:
    """``sentence`` without a leading contrast with what others do: the method's own claim."""
    return _CONTRAST_LEAD.sub("", sentence.strip(), count=1)


def _plain(title: str, sentences: list[str]) -> Compressed | None:
    """The best whole sentence that neither dangles nor describes background, its leading
    phrase cut: the line when no sentence has a contribution cue."""
    abstract = " ".join(sentences)
    own = [s for i, s in enumerate(sentences) if i or _OWN_OPENING.match(strip_lead(s))]
    # A side statement ("Evaluations ... reveal ...") stands alone only when nothing else fits.
    ranked = sorted(
        own, key=lambda s: (_is_side(s) or _is_part(s), -score_sentence(s, title, abstract))
    )
    for sentence in ranked:  # the first sentence is background in most abstracts
        line = _tidy(capitalise(strip_lead(sentence)))
        if dangles(line) or _BACKGROUND.search(line) or "?" in line:
            continue
        if _fits(line, title, abstract, MAX_WORDS):
            return Compressed(line, (sentence,))
    return None


# "(2) We employ ...", "... strategy: (1) We generate ...": one step of a numbered list, not
# the paper's point ("First, we introduce X" may still be the method's main part).
_LIST_ITEM = re.compile(r"^\(?(?:\d|[ivx]+)\)\s|:\s*\(?(?:1|i)\)\s", re.I)


def _is_part(sentence: str) -> bool:
    """Whether a sentence is one step of a list the abstract gives."""
    return bool(_LIST_ITEM.search(sentence.strip()))
