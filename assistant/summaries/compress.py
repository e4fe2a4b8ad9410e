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

from assistant.pipeline.meaning import (
    repeats_itself,
    reversed_polarity,
    stray_numbers,
    unbound_numbers,
)
from assistant.summaries.checker import (
    ANAPHORA,
    FILLER,
    MAX_WORDS,
    STOPWORDS,
    check_tldr,
    dangles,
    method_names,
    stem,
)
from assistant.summaries.extractive import score_sentence, split_sentences

# "we propose", "this paper introduces", "here we present" (with an optional adverb).
_SUBJECT = r"(?:we|this (?:paper|work|study|article)|our (?:paper|work)|the authors|here we)"
_VERB = r"(?:propose|introduce|present|develop|design|build|contribute|release|construct|curate)"
_CUE = re.compile(
    rf"\b{_SUBJECT}(?:,\s*[^,]{{1,40}},)?\s+(?:(?:first|further|also|then|here|therefore|"
    rf"thus|instead|now|\w+ly)\s+)?{_VERB}(?:s|d|ed)?\s+",
    re.I,
)
# "we draw inspiration from X and propose Y" -> "we propose Y".
_WE_AND = re.compile(rf"^we\s[^,.;]{{3,120}}?\sand\s(?={_VERB}s?\s)", re.I)
_FINDING = re.compile(
    rf"\b{_SUBJECT}\s+(?:(?:first|further|also|then|empirically|theoretically)\s+)?"
    r"(?:show|find|demonstrate|prove|reveal|identify|uncover|observe)s?\s+(?:\w+\s+){0,3}?that\s+",
    re.I,
)
# A leading phrase ending in a comma before the main clause ("To address this, we ...").
_CONNECTIVE = re.compile(
    r"^(?:in addition|additionally|moreover|furthermore|finally|further|then|also|notably|"
    r"specifically|importantly|in particular|to this end|to that end),\s+",
    re.I,
)
_LEADING = re.compile(r"^(?:[^,]{1,90}),\s+(?=(?:we|this|our|here)\b)", re.I)
# "X (Long Expansion)" -> "X": the expansion adds words, not content.
_EXPANSION = re.compile(r"\s*\((?=[^)]*\s)[^()]{3,80}\)")
_NAMED = re.compile(r",?\s*(?:called|named|dubbed|termed|coined)\s+([^\s,;:]+)\s*,?\s*", re.I)
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
    r"[a-z]+[A-Z][A-Za-z0-9+\-]*)$"
)
_RESULT_LEAD = (  # NAME and VERBS are filled in per paper
    r"^(?:.{0,160}?\b(?:show|shows|showing|demonstrate|demonstrates|demonstrating|indicate|"
    r"indicates|reveal|reveals|confirm|confirms|verify|verifies)\s+that\s+)?"
    r"(?P<subject>(?:our|the proposed|the resulting|this)\s+(?:\w+\s+){0,2}?(?:method|approach|"
    r"model|framework|system|technique|algorithm|pipeline|agent|policy|recipe|architecture)s?|"
    r"NAME|it)\s+(?:(?:consistently|significantly|substantially|also|further|notably|still|"
    r"even|clearly|greatly|largely)\s+)?(?P<verb>VERBS)\b"
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
}
_RESULT_WORDS = frozenset(_ING.values())
_AND_VERB = re.compile(r"\b(?:and|or)\s+(" + "|".join(_ING) + r")\b", re.I)
_CLAUSE_END = re.compile(
    r",\s+(?:which|while|thereby|thus|validating|demonstrating|highlighting|showing|"
    r"indicating|suggesting|confirming|underscoring|establishing|offering|providing|paving|"
    r"making|and\s+(?:demonstrat|show|highlight|provid|offer)\w*)\b|;\s|\s+—\s|:\s"
)
_HAS_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|can|\w+s|\w+ed)\b"
)  # a finite verb (crude: "-s"/"-ed" forms)
_BACKGROUND = re.compile(
    r"^(?:recent(?:ly)?|in recent years|nowadays|over the (?:past|last)|despite|however|"
    r"although|while|traditional(?:ly)?|existing|current(?:ly)?|most|many|prior)\b",
    re.I,
)
_SECONDARY = re.compile(r"\b(?:also|further|then|first|additionally|finally|second)\b", re.I)
_OWN_OPENING = re.compile(r"^(?:we|this (?:paper|work|study)|in this (?:paper|work|study))\b", re.I)
_DESCRIPTION = re.compile(r"^(?:a|an)\s", re.I)
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
# "a framework that overcomes these deficiencies through A and B" -> "a framework with A and B".
_MEANS = re.compile(
    r",?\s+(?:that|which)\s+[a-z]+s\s+(?:these|this|such|those)\s+(?:\w+\s+)?\w+\s+"
    r"(?:through|via|with|using)\s+"
)
# "an automated pipeline designed [to address these challenges]": the cut leaves a participle.
_STRAY_PARTICIPLE = re.compile(r"\s+(?:designed|built|tailored|aimed|intended|developed)$")


def _undangle(text: str) -> str | None:
    """``text`` cut before the clause that dangles ("a framework that overcomes these
    deficiencies" -> "a framework"), None if too little is left; ``text`` if nothing dangles."""
    match = ANAPHORA.search(text)
    if match is None:
        return text
    means = _MEANS.search(text)
    meant = text[means.end() :].strip(" .,;:") if means else ""
    if means and means.start() < match.start() < means.end() and not _POINTER.search(meant):
        # keep the means, not the aim
        return _undangle(f"{text[: means.start()]} with {text[means.end() :]}")
    cuts = [m.start() for m in _RELATIVE.finditer(text[: match.start()])]
    if _ANAPHORA_CLAUSE.match(text[match.start() :]):  # "... system to close this gap"
        cuts.append(match.start())
    kept = _STRAY_PARTICIPLE.sub("", text[: cuts[-1]].strip(" ,;:")) if cuts else ""
    return kept if len(kept.split()) >= MIN_KEPT_WORDS and not dangles(kept) else None


def _strip_lead(sentence: str) -> str:
    """The sentence without a leading phrase before its subject ("To address this, we ...")
    or a connective ("In addition, X ..."), and without "then" after "we"."""
    sentence = _CONNECTIVE.sub("", _LEADING.sub("", sentence.strip(), count=1), count=1)
    return _capitalise(re.sub(r"^(we|We)\s+then\s+", r"\1 ", sentence))


def _tidy(text: str) -> str:
    text = " ".join(_EXPANSION.sub("", text).split()).strip(" ,;:")
    return text.rstrip(".") + "."


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


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


def _cue_end(sentence: str) -> int:
    cue = _CUE.search(sentence)
    return cue.end() if cue else 0


def contribution(sentence: str, name: str | None, title: str = "") -> str | None:
    """The contribution sentence as "X is a Y that Z" / "X does Z", or None when it has no
    cue or still dangles once its leading phrase is cut."""
    body = _WE_AND.sub("We ", _strip_lead(sentence), count=1)
    cue = _CUE.search(body)
    if cue is None or cue.start() > 0:
        finding = _FINDING.search(body)
        if finding is None or finding.start() > 0:
            return None
        found = body[finding.end() :]
        return None if dangles(found) else _tidy(_capitalise(found))
    rest = _undangle(_EXPANSION.sub("", body[cue.end() :]).strip())
    if rest is None:
        return None
    called = _NAMED.search(rest)
    if called:  # "a Y, called X, that Z" -> "X is a Y that Z"
        label = called.group(1).strip("\"'“”")
        described = (rest[: called.start()] + " " + rest[called.end() :]).strip()
        return _tidy(f"{label} is {described}")
    which = _DEFINED_WHICH.match(body[cue.end() :].strip())
    if which and not dangles(which.group("rest")):  # "Long Name (ACR), which does Z"
        return _tidy(f"{which.group('name')} {which.group('rest')}")
    defined = _DEFINED_APPOSITIVE.match(body[cue.end() :].strip())
    if defined:  # "Long Name (ACR), a Y" -> "ACR is a Y"
        return _tidy(f"{defined.group('name')} is {defined.group('rest')}")
    apposition = _APPOSITIVE.match(rest)
    if apposition and _is_label(apposition.group("name"), name):
        label = re.sub(r"^the\s+", "", apposition.group("name"), flags=re.I)
        return _tidy(f"{label} is {apposition.group('rest')}")
    if _DESCRIPTION.match(rest):
        # "we propose a framework that Z" is the paper's own method: "X is a framework that
        # Z"; a part of it ("we also propose a loss ...") keeps the sentence as it is.
        phrase = _HEAD_END.split(rest, maxsplit=1)[0]
        own = (
            name
            and title.startswith(f"{name}:")
            and name not in rest
            and _KIND.match(phrase)
            and not _TWO_THINGS.search(phrase)
            and not _SECONDARY.search(sentence[: _cue_end(sentence)])
            and not _SUPPORTING.match(sentence.strip())
            and not _names_another(rest, name)
        )
        return _tidy(f"{name} is {rest}" if own else _capitalise(body[: cue.end()] + rest))
    return None


def _and_ing(match: re.Match[str]) -> str:
    """ "and reduces" -> "and reducing", to follow the first verb's -ing form."""
    return f"{match.group(0).split()[0]} {_ING[match.group(1).lower()]}"


def result_clause(sentence: str, name: str | None) -> str | None:
    """The main result of a sentence as an -ing clause ("achieving 50.4% on CLEVRER"), cut
    before any trailing commentary; None when the sentence has no such result."""
    names = re.escape(name) if name else "(?!x)x"
    verbs = "|".join(sorted(_ING, key=len, reverse=True))
    pattern = re.compile(_RESULT_LEAD.replace("NAME", names).replace("VERBS", verbs), re.I)
    match = pattern.match(_strip_lead(sentence))
    if match is None:
        return None
    rest = _strip_lead(sentence)[match.end() :]
    end = _CLAUSE_END.search(rest)
    rest = (rest[: end.start()] if end else rest).strip(" .,;")
    if not rest or dangles(rest) or len(rest.split()) < 2:
        return None
    rest = _AND_VERB.sub(_and_ing, _EXPANSION.sub("", rest))
    return f"{_ING[match.group('verb').lower()]} {rest}"


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
_HOW_WORDS = frozenset(_HOW_ING.values())
# What "we" do that is another contribution or the evaluation, not how the method works.
_NOT_WE = frozenset(
    {"introduces", "constructs", "performs", "features", "comprises", "consists of", "selects"}
)
# Words ending in "s" after a name that are not its verb ("X models", "X is", "X has").
_NOT_VERBS = frozenset(
    """is was has does its models variants series weights results agents policies methods tasks
    approaches outputs scores samples experiments""".split()
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
_KINDS = (
    r"(?:method|approach|framework|model|system|technique|algorithm|pipeline|agent|"
    r"architecture|benchmark|dataset|recipe|policy)"
)
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
_NEXT_SUBJECT = (
    r"|it|(?:the|this)\s+(?:[\w-]+\s+)?(?:method|approach|framework|system|technique|"
    r"algorithm|pipeline|architecture|benchmark|dataset|recipe)"
)
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|where|when|whose)\b", re.I)
_THEN_VERB = re.compile(
    r"\b((?:and|then|and then|,\s*then)(?:\s+(?:further|also|then|finally))?)\s+"
    r"(\w+(?: of| on| upon)?)\b",
    re.I,
)
# "comprising two key components": a count that points at a list the clause leaves out.
_POINTER = re.compile(
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
    text = _strip_lead(sentence)
    match = _how_lead(text, names, follows_head)
    if match is None:
        return None
    rest = text[match.end() :]
    if _NOUN_NEXT.match(rest):
        return None
    end = _CLAUSE_END.search(rest)
    rest = _EXPANSION.sub("", rest[: end.start()] if end else rest).strip(" .,;")
    relative = _RELATIVE_WORD.search(rest)  # "that unifies and generalizes" stays finite
    split = relative.start() if relative else len(rest)
    rest = _THEN_VERB.sub(_then_ing, rest[:split]) + rest[split:]
    if not rest or len(rest.split()) < 2:
        return None
    adverbs = match.group("adverbs").replace("then ", "")
    verb = match.group("part") or _ing_form(match.group("verb").lower(), text)
    return f"{adverbs}{verb} {rest}" if verb else None


def _how_lead(text: str, names: tuple[str, ...], follows_head: bool) -> re.Match[str] | None:
    """The subject and verb opening a how sentence: the method (or "it", "the framework") and
    a verb of how it works, or, right after the head's sentence, "we" and a verb of how the
    method is made ("we first train an SAE ...")."""
    named = "|".join(_name_pattern(name) for name in names) or "(?!x)x"
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
    if _SINGLE_FINAL.search(base):
        return None
    return base + "ing"


def _then_ing(match: re.Match[str]) -> str:
    """ "and then uses" -> "and then using", to follow the first verb's -ing form; a word that
    is as often a noun ("and conditions") stays as it is."""
    verb = match.group(2).lower()
    ing = None if verb in _NOUNS_TOO else _HOW_ING.get(verb) or _ING.get(verb)
    return f"{match.group(1)} {ing}" if ing else match.group(0)


def _name_pattern(name: str) -> str:
    return re.escape(name).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]")


# "three key innovations: (1) A to do x; (2) B ...; and (3) C" -> "A, B, and C".
_LIST_LEAD = re.compile(
    r"\b(?:two|three|four|five|six)\s+(?:[\w-]+\s+){0,2}\w+s\s*(?::|,\s*(?:i\.e\.|namely),?)\s*"
    r"(?=\((?:1|i|a)\))",
    re.I,
)
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


def _collapse_list(sentence: str) -> str:
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


def _item_name(item: str) -> str:
    """A list item's name: its words before what it does ("a curated knowledge base that
    grounds ..." -> "a curated knowledge base"); empty when the item is itself a list."""
    name = _ITEM_END.split(item, maxsplit=1)[0].strip()
    return "" if _INNER_LIST.match(item[len(name) :]) else name


def compress(title: str, abstract: str, limit: int = MAX_WORDS) -> Compressed | None:
    """The best compressed TL;DR that passes the checker, or None when no sentence yields one."""
    abstract = re.sub(r"\s+,", ",", abstract.replace("~", " "))
    sentences = [_collapse_list(s) for s in split_sentences(abstract)]
    name = name_of(title, abstract)
    heads = [_Head(s, c) for s in sentences if (c := contribution(s, name, title))]
    if name:  # the sentence about the paper's own method before one about a part of it
        heads += [_Head(s, _tidy(_clip(s))) for s in sentences if _about(s, name)]
        heads.sort(key=lambda head: _head_rank(head.text, name))
        heads = _with_title_line(heads, title_line(title, abstract, name), name)
    results = [(s, r) for s in sentences if (r := result_clause(s, name))]
    for head in heads:
        for text, used in _lines(head, _hows(head, sentences, name), results):
            if _fits(text, title, abstract, limit):
                return Compressed(text, used)
    return _plain(title, sentences, name)


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
        if (h := how_clause(s, names, follows_head=bool(head.sentence) and i == start))
        for cut in _shorter(h)
        if _adds(cut, head.text)
    ]


MIN_NEW_WORDS = 2


def _adds(clause: str, head: str) -> bool:
    """Whether a clause says something the head does not: "operating via a dual-path
    approach" after "X is a dual-path framework" adds nothing."""
    said = {stem(w) for w in _words(head)}
    new = {stem(w) for w in _words(clause) if w not in STOPWORDS and w not in FILLER} - said
    return len(new) >= MIN_NEW_WORDS


# The name a head line is about: "TPG is a novel method ..." -> "TPG".
_SUBJECT_NAME = re.compile(r"^(\S+)\s+(?:is|are)\s")


# Where a how clause can end early and still say something whole: before a purpose ("to"), a
# relative clause, an example list, or a second participle clause.
_HOW_CUT = re.compile(
    r",?\s+(?:that|which|where|such as|including|in order to|while)\s+"
    r"|(?<!\bup)(?<!inherent)(?<!similar)(?<!due)(?<!compared)(?<!prior)(?<!applied)"
    r"(?<!equal)(?<!relative)(?<!close)\s+to\s+(?!(?:the|a|an|its|their|\d|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|over|more|all|each|both)\b)"
    r"|,\s+(?:and\s+)?\w+ing\s|,\s+(?:known|i\.e\.|e\.g\.)|,\s+and\s"
)
# A cut that leaves half a construction: "not only ... but also up", ", fine-tuned".
_HALF = re.compile(r"\bnot only\b(?!.*\bbut\b)|,\s+[\w-]+ed$|\b(?:up|also|only|not|both)$", re.I)
# "syn- thetic": a word broken across a line in the abstract's copy.
_SPLIT = re.compile(r"[a-z]-\s+[a-z]")
MIN_HOW_WORDS = 3


def _shorter(clause: str) -> list[str]:
    """``clause`` and its cuts at the points where it can end, longest first."""
    cuts = [clause[: m.start()].strip(" ,") for m in _HOW_CUT.finditer(clause)]
    kept = [clause, *reversed(cuts)]
    return [c for c in kept if len(c.split()) >= MIN_HOW_WORDS and _whole(c)]


def _whole(clause: str) -> bool:
    """Whether a how clause says something whole: no dangling reference, no count pointing
    at a list it leaves out ("two core components"), no half construction."""
    return not (
        dangles(clause)
        or _POINTER.search(clause)
        or _HALF.search(clause)
        or _SPLIT.search(clause)
        or _ITEM_MARK.search(clause)
    )


def _lines(
    head: _Head, hows: list[Clause], results: list[Clause]
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The lines a head can make, most complete first: with how it works and its result, with
    either, alone."""
    if head.joins:
        for how in hows:
            for result in results:
                yield from _joined(head, [how, result])
        for result in results:
            yield from _joined(head, [result])
        for i, how in enumerate(hows):
            for other in hows[i + 1 :]:
                yield from _joined(head, [how, other])
            yield from _joined(head, [how])
    if head.alone:
        yield head.text, head.sentences


def _joined(head: _Head, clauses: list[Clause]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The head with ``clauses`` joined, unless one comes from the head's own sentence or two
    parts share a phrase ("... representations ... representations")."""
    used = [head.sentence, *(sentence for sentence, _ in clauses)]
    if len(set(used)) < len(used):
        return
    parts = [head.text.rstrip("."), *(clause for _, clause in clauses)]
    if any(_shares_phrase(a, b) for a, b in combinations(parts, 2)):
        return
    yield ", ".join(parts) + ".", tuple(s for s in used if s)


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


def _with_title_line(heads: list[_Head], named: str | None, name: str) -> list[_Head]:
    """``heads`` with the title's line ("X is a Y for Z") tried joined to a result right after
    the lines whose subject is the method, and alone after the lines that name it: before
    lines about something else (a part, a side release, the experiments)."""
    if named is None:
        return heads
    subject = sum(_head_rank(h.text, name) == 0 for h in heads)
    naming = sum(_head_rank(h.text, name) <= 1 for h in heads)
    joined, alone = _Head("", named, alone=False), _Head("", named, joins=False)
    return [*heads[:subject], joined, *heads[subject:naming], alone, *heads[naming:]]


NAMED_WITHIN = 6  # a line names the method when its name is among its first words


def _head_rank(head: str, name: str) -> int:
    """0 for a line whose subject is the method ("X is ...", not "X-Lite is ..."), 1 for one
    that names it early ("We propose X, ..."), 2 for a line about something else, 3 for
    "We ..." without it."""
    pattern = re.escape(name).replace(r"\-", "[-\\s]").replace(r"\ ", "[-\\s]")
    if re.match(rf"{pattern}(?![\w-])", head, re.I):
        return 0
    early = " ".join(head.split()[:NAMED_WITHIN])
    if re.search(rf"(?<![\w-]){pattern}(?![\w-])", early):
        return 1
    return 3 if head.startswith("We ") else 2


# Title descriptions that are not a noun phrase: a question, a claim, "Towards ...", "-ing".
_NOT_A_PHRASE = re.compile(
    r"\?|^(?:towards?|beyond|can|how|what|why|when|where|which|is|are|does|do|on|from|not|"
    r"less|more|let|make|better|faster|fewer|smaller|cheaper|stronger|\w+ing)\b"
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
    return f"{name} provides {phrase}."


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


def _fits(line: str, title: str, abstract: str, limit: int) -> bool:
    """Within the word limit, free of TeX or quote artefacts, and passed by the checker."""
    if len(line.split()) > limit:
        return False
    return not check_tldr(line, title, abstract)


def _shares_phrase(head: str, clause: str) -> bool:
    """Whether two parts of a line share a two-word phrase of content words."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = [w for w in _words(text) if w not in _SMALL]
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
    end = _CLAUSE_END.search(sentence)
    return sentence[: end.start()] if end else sentence


def _plain(title: str, sentences: list[str], name: str | None) -> Compressed | None:
    """The best whole sentence that neither dangles nor describes background, its leading
    phrase cut: the line when no sentence has a contribution cue."""
    abstract = " ".join(sentences)
    own = [s for i, s in enumerate(sentences) if i or _OWN_OPENING.match(s)]
    ranked = sorted(own, key=lambda s: -score_sentence(s, title, abstract))
    for sentence in ranked:  # the first sentence is background in most abstracts
        line = _tidy(_capitalise(_strip_lead(sentence)))
        if dangles(line) or _BACKGROUND.search(line) or "?" in line:
            continue
        if _fits(line, title, abstract, MAX_WORDS):
            return Compressed(line, (sentence,))
    return None


_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'.^][A-Za-z0-9]+)*")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def numbers_of(text: str) -> set[str]:
    return {w for w in _words(text) if any(c.isdigit() for c in w)}


def _is_cut_from(draft: str, line: str) -> bool:
    """Whether ``draft``'s words are ``line``'s words in order with some left out."""
    remaining = iter(_words(line))
    return all(any(word == other for other in remaining) for word in _words(draft))


def _moved_numbers(draft: str, line: str) -> list[str]:
    """Numbers whose two preceding words differ from the line's: a cut that joined a number to
    another statement ("reducing memory [by 70% and accelerating decoding] by 1.3x")."""

    def contexts(text: str) -> dict[str, set[tuple[str, ...]]]:
        words = _words(text)
        found: dict[str, set[tuple[str, ...]]] = {}
        for i, word in enumerate(words):
            if any(c.isdigit() for c in word):
                found.setdefault(word, set()).add(tuple(words[max(0, i - 2) : i]))
        return found

    source = contexts(line)
    return [n for n, seen in contexts(draft).items() if not seen <= source.get(n, set())]


def _new_repeats(draft: str, line: str) -> bool:
    def repeated(text: str) -> set[tuple[str, ...]]:
        words = _words(text)
        grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
        return {g for g in grams if grams.count(g) > 1}

    return bool(repeated(draft) - repeated(line))


MIN_EDIT_WORDS = 8


def edit_problems(draft: str, line: str, title: str, abstract: str) -> list[str]:
    """Why the model's edit of ``line`` is not kept: the checker's reasons, and anything the
    edit adds (a word, number or name ``line`` lacks), numbers bound to other names than in
    the abstract, a dropped method name, self-repetition, a dangling reference, a reversed
    claim. The edit may only cut and reorder: what it says was already checked in ``line``."""
    reasons = list(check_tldr(draft, title, abstract))
    if not _is_cut_from(draft, line):
        reasons.append("rewords the line: only cutting words is allowed")
    if _new_repeats(draft, line):
        reasons.append("repeats a phrase the line says once")
    wrong = unbound_numbers(draft, abstract) + stray_numbers(draft, abstract)
    wrong += _moved_numbers(draft, line)
    if wrong:
        reasons.append(f"numbers bound to other names than in the abstract: {', '.join(wrong)}")
    head = line.split()[0]
    if not draft.startswith(head):
        reasons.append(f"drops the name the line starts with ({head})")
    if (dropped := numbers_of(line) - numbers_of(draft)) and len(dropped) == len(numbers_of(line)):
        reasons.append("drops the result's numbers")
    if len(draft.split()) < MIN_EDIT_WORDS:
        reasons.append("too short to say what the paper does")
    kept = set(_words(draft))
    if any(w in _RESULT_WORDS and w not in kept for w in _words(line)):
        reasons.append("drops the result")
    if repeats_itself(draft) and not repeats_itself(line):
        reasons.append("repeats itself")
    if dangles(draft):
        reasons.append("refers to something it does not say")
    if reversed_polarity(draft, line, abstract):
        reasons.append("turns a claim around")
    return reasons
