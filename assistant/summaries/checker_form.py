"""The TL;DR checker's form rules: whether a line is one finished, readable sentence (no
repetition, cut-off end, garbled copy, headline, second sentence, dangling reference or hype
the abstract does not use). Pure functions."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.phrasing import EMPTY_NAME
from assistant.summaries.agreement import ARTICLE_SLIP
from assistant.summaries.checker_words import (
    FINITE_AUX,
    OBJECT_ING,
    OWN_SUBJECT_CLAUSE,
    OWN_WORK,
    PHRASE_ENDS,
    PLAIN_VERB_OBJECT,
    STOPWORDS,
    is_name,
    kind_noun,
    stem,
    strip_token,
    wordset,
)
from assistant.summaries.reasons import Code, Reason

# A subject that names nothing: "The method is a new approach to ...".
_GENERIC_SUBJECT = re.compile(
    r"^(?:the|this|our|a|an)\s+(?:new\s+|novel\s+|proposed\s+)?(?:method|approach|framework|"
    r"model|technique|system|paper|work|study|research)\s+(?:is|are|was|presents?|proposes?)\b",
    re.IGNORECASE,
)


# Praise an abstract rarely supports; allowed only when the abstract itself uses the word.
HYPE = wordset(
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
_DANGLING = wordset(
    """a an the and or but nor of in on at to for from by with without into onto as than that
    which who whose whom where when while its their our his her this these those such via
    between across e.g. i.e. etc both either each"""
) | set(OBJECT_ING)


# "... into reusable policy abstractions so, offering ...": a clause cut after the word that
# opens its second half ("so that", "than", "whether"), then another clause joined on.
_BROKEN_CLAUSE = re.compile(r"(?<!\beven )(?<!\band )\b(?:so|than|whether|because)\s*,\s", re.I)
_OPEN_END = re.compile(r"(?:[,;:(\-–—/]|\.\.\.|…)\s*$")


# "... a 46.88% relative improvement w.r.t.": an abbreviation that needs what follows it; its
# full stop is not the sentence's (the word check above strips it: "e.g." reads as "e.g").
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:e\.g|i\.e|w\.r\.t|cf|vs|viz)\.?\s*$", re.I)


# Claims that say little; said twice they say nothing ("improvements ... improvements").
_VAGUE = ("improv", "enhanc", "significant", "substantial", "superior", "outperform")


# A line that points at what it does not contain.
_DANGLING_REF = re.compile(
    r"\brespectively\b|\b(?:these|those|such) (?:challenges|issues|problems|limitations|gaps?)\b"
    r"|\bsuch an?\b(?![^,;.]*\bthat\b)"  # "such a playing field" (not "such a way that")
    # "The shortfall in physics plausibility also stems from ...": also, besides what?
    r"|^the\s+(?:[\w-]+\s+){1,5}?also\s+[a-z]+s\b"
    # "a framework to 'think' while they edit": "they" with nothing plural to stand for
    r"|\b(?:while|as|when|before|after|because|once)\s+they\b"
    # "to integrate such simulation into their reasoning": such as what was said before
    r"|\bsuch\s+(?!as\b|an?\b|that\b|cases?\b)[a-z][\w-]*(?:ion|ment|ness|ity|ing|s)\b"
    # "show that both sampling strategies scale": both of the two named before
    r"|\bthat\s+both\s+(?:[\w-]+\s+){0,2}[a-z]+s\b(?![^,;.]{0,40}\band\b)"
    # "featuring the following characteristics, ...": a list the line never gives
    r"|\bthe\s+following\s+(?:[\w-]+\s+)?[\w-]+\b(?!\s*:)",
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
    return not any(is_name(strip_token(word), False) for word in before)


# A line opening "We ...", "This paper ...", "Our ...", "Here ..." has its subject and verb.
_NOT_OWN = r"^(?!(?:we|this|our|here)\b)"


# "X, a framework for ..." and nothing more: a noun phrase, not a sentence.
_APPOSITION_ONLY = re.compile(_NOT_OWN + r"[^,]+,\s+(?:a|an|the)\s+[^,]+$", re.IGNORECASE)


# "ROSE, boosting performance on ..., outperforming ...": a name and participle clauses only.
_NAME_THEN_PARTICIPLE = re.compile(r"^[A-Z0-9][^,\s]*(?:\s+[A-Z0-9][^,\s]*){0,3},\s+[a-z]+ing\b")
_PARTICIPLE_PART = re.compile(r"(?:and\s+|while\s+)?\w+ing\b")


def _participles_only(text: str) -> bool:
    """Whether the line is a short name and nothing but participle clauses after it, so it
    has no finite verb: "CoME-VL, achieving state-of-the-art performance on RefCOCO"."""
    if not _NAME_THEN_PARTICIPLE.search(text):
        return False
    parts = [part.strip() for part in text.rstrip(". ").split(",")[1:]]
    return all(_PARTICIPLE_PART.match(part) for part in parts)


# A headline ("X: A framework for ...") rather than a sentence.
_HEADLINE = re.compile(_NOT_OWN + r"[^\s:]+(?:\s+[^\s:]+){0,4}:\s", re.IGNORECASE)


# Words that point back at something the sentence does not say.
ANAPHORA = re.compile(
    r"\b(?:this|these|such|that|those|the above|the aforementioned|the stated|the above-mentioned)"
    r"\s+(?:\w+\s+)?(?:phenomen\w*|"
    r"limitations?|gaps?|challenges?|issues?|problems?|shortcomings?|bottlenecks?|drawbacks?|"
    r"observations?|insights?|findings?|questions?|goals?|settings?|tasks?|difficult\w*|"
    r"deficienc\w*|barriers?|concerns?|needs?|trade-?offs?|dilemmas?|weakness\w*|failures?|"
    r"beliefs?|assumptions?|notions?|intuitions?)\b"
    r"|\b(?:this|these|such|that|those)\s+(?:choices?|decisions?)\b(?!-)"  # "of that choice:"
    # "unleashes this efficient reasoning potential" (round 43)
    r"|\b(?:this|these)\s+(?:[\w-]+\s+){0,2}potentials?\b(?!-)"
    # "One rendered by X, ...", "The other is generated by ...": one of a set named before
    r"|^the others?\b|^one\s+\w+ed\s+(?:by|from|with|via|using|in|on)\b"
    # "The resulting framework admits ...": resulting from what? ("The resulting model, MDN,"
    # names it)
    r"|^the resulting\s+[\w-]+\b(?!,\s+[A-Z])"
    # "The recipe integrates cleanly with ...": which recipe? (round 43's rules58 diff)
    r"|^the\s+(?:recipe|pipeline|technique|algorithm|procedure)\b"
    r"(?![-,]|\s+(?:of|for|called|named)\b)|\bas follows\b"
    # "MoGE indeed leads to ...", "2D models do indeed ...": confirms what the line never says
    r"|\bindeed\b"
    # "a framework that instead models ...", "This paper instead treats ...": instead of what?
    r"|\binstead\s+(?!of\b)[a-z]+(?:s|ed)\b"
    r"|\b(?:to (?:achieve|address|tackle|overcome|solve|fill|bridge|mitigate|close|remedy|"
    r"alleviate|handle|do|accomplish|realize|enable) (?:this|these|that|those|it|them)\b)"
    r"|\b(?:this|these|such) (?:framework|method|approach|model|benchmark|dataset|system|"
    r"technique|paradigm|pipeline|idea|design|strategy|mechanism|module|bias|effect)s?\b"
    r"|^to \w+ the (?:challenges?|gaps?|limitations?|problems?|issues?)\b"
    r"|\bto (?:further|this end|that end)\b|\brespectively\b|\b(?:the former|the latter)\b"
    r"|^we\s+(?:\w+ly\s+)?\w+\s+(?:its|their|it|them)\b"  # "We demonstrate its effectiveness"
    r"|^we\s+(?:\w+ly\s+)?\w+\s+that\s+(?:it|they|this|these)\b"  # "We find that it can ..."
    # "Our framework first resolves ...": the paper's own thing, never named
    r"|^our\s+(?:proposed\s+)?(?:framework|method|approach|model|system|pipeline|algorithm)\b(?!,)"
    rf"|^(?:it|they|this(?!\s+(?:{OWN_WORK})\b)|these|those|such|"
    r"its|their|thus|therefore|hence|moreover|furthermore|yet|"
    r"additionally|also|however|then|finally|consequently)\b",
    re.I,
)


# TeX, HTML and quote artefacts copied from the abstract ("17.1\\%", "GUI-360^circ",
# "Stress-Test''").
# A TeX command whose backslash was lost, glued to its neighbours ("2times", "ARightarrowB",
# "sim25" from "$\\sim$25").
_ARTEFACT = re.compile(
    r"(?<!\w)\^|\^(?!\d)|''|``|\\[A-Za-z%]|\$"
    r"|\dtimes\b|[a-z](?:Right|Left)arrow|(?:right|left)arrow[a-z]"
    r"|\b(?:sim|approx|leq|geq) ?\d|\dpm\d"
    # a TeX group's braces ("black{a framework}") and an HTML entity's code point glued in
    # ("coordinatesx2013without" for "coordinates&#x2013;without")
    r"|[A-Za-z]\{|\}[A-Za-z]|(?:[a-z]|\b)x20[0-9][0-9a-f](?![0-9a-f])"
    # a template field name left in the text ("reviewing unique_references studies")
    r"|\b[a-z]+_[a-z]+\b",
    re.IGNORECASE,
)


# "development-from", "immediaTE": punctuation or casing broken in the copy.
_BROKEN = re.compile(
    r"\b\w+-(?:from|within|into|with|and|or|to|of|in|on|for|the|a)\s|\b[a-z]{3,}[A-Z]{2,}\b"
)


# Two words for beating a baseline in one line say one claim twice.
_BEATS = re.compile(r"\b(?:outperform|surpass|exceed|beat|better than|superior to)", re.I)


# A trailing "X, a method" with nothing after it: cut off before the description.
_STUB_END = re.compile(r",\s+(?:a|an|the)\s+\w+(?:\s+\w+)?\.?$", re.I)


# "a collaboration framework in, outperforming ...": a preposition cut from its object.
_BARE_PREPOSITION = re.compile(r"\s(?:in|on|by|with|for|of|at|from|into|via|through)\s*[,;.]")
# "... for the tool-calling agent to focus on.": an infinitive's stranded preposition (round 44).
_STRANDED = re.compile(r"\bto\s+[a-z]+\s+(?:on|in|with|for|at|from|into)\s*\.?$")
# "... and have follow findings: 1.": a list's first marker, the list cut off.
_LIST_MARKER_END = re.compile(r":\s*\(?(?:\d|i{1,3}|[a-d])[.)]\s*\.?$")
# "..., and crucially.": a clause cut after its opening adverb.
_ADVERB_END = re.compile(r",?\s+and\s+\w+ly\.?$")


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
    r",\s+(?:(?:\w+ly|often|still|also)\s+)?(?!including\b)\w+ing\b(?:(?!\bthat\b)[^,;.])*?,?"
    r"\s+and\s+(?:\w+ly\s+)?(?:outperforms|surpasses|achieves|improves|reduces|enables|provides|yields|delivers|"
    r"matches|exceeds|reaches|requires|uses|generates|produces|resumes|supports|"
    r"introduces|shows|demonstrates|reveals|ensures|maintains|offers|preserves|captures|"
    r"learns|predicts|retains|scales|boosts|lowers|increases|enhances|establishes|sets|"
    r"attains|leverages|employs|combines|integrates|decomposes|builds|trains|adopts|"
    r"applies|allows|facilitates|mitigates|addresses|avoids|eliminates|outputs|performs|"
    r"creates|constructs|extends|unifies|bridges|incorporates|exhibits|accelerates|"
    r"remains|rivals|cannot|can\s+not|could\s+not|does\s+not|do\s+not|fails\s+to)\b" + PHRASE_ENDS,
    re.I,
)


# "..., adhering to X and is fine-tuned from Y": a participle clause whose second conjunct is
# finite ("is", "has"), the abstract's "adheres to X and is fine-tuned" half converted.
_MIXED_IS = re.compile(
    # "..., built from genuine user demands and is carefully curated": a past participle too
    r",\s+(?:\w+ly\s+)?(?!including\b)(?:\w+ing|built|made|derived|constructed|trained)\b"
    r"(?:(?!\b(?:that|which|where|who|when)\b)[^,;.])*?"
    rf"\s+and\s+(?:\w+ly\s+)?{FINITE_AUX}\s"
)


# "X is a task ..., and Y, the first framework ...": the second name has no verb.
_VERBLESS_SECOND = re.compile(
    r"^\S+(?:\s\S+){0,2}\s+(?:is|are)\s+(?:a|an|the)\s[^;]*,\s+and\s+[A-Z][\w-]*,\s+(?:a|an|the)\s"
)


def dangles(text: str) -> bool:
    """Whether ``text`` points at something it does not say ("this limitation", "To achieve
    this", "respectively", an opening "It"/"These"/"Yet")."""
    return bool(ANAPHORA.search(text.strip()))


def check_form(tldr: str, abstract: str = "") -> list[Reason]:
    """Why ``tldr`` is not one finished, readable sentence: repetition, a cut-off end, a
    dropped name, garbled text, a headline fragment, more than one sentence, or hype that
    ``abstract`` does not use."""
    text = " ".join(tldr.split())
    reasons = [*_repetition(text, abstract), *_cut_off(text, abstract), *_garbled(text)]
    reasons += _hype(text, abstract)
    if _HEADLINE.search(text):
        reasons.append(Reason(Code.SENTENCE, 'a headline fragment ("X: ..."), not a sentence'))
    elif _APPOSITION_ONLY.search(text.rstrip(".")) or _participles_only(text):
        reasons.append(
            Reason(Code.NOUN_PHRASE, 'a noun phrase ("X, a ...") with no verb, not a sentence')
        )
    inner = _INNER_SENTENCE.search(text.rstrip(".!? ")) or _INNER_LOWER.search(text)
    if inner or _SPLICED.search(text):
        reasons.append(Reason(Code.SENTENCE, "more than one sentence"))
    mixed = bool(_MIXED_AND.search(text) or _MIXED_IS.search(text))
    mixed = mixed or bool(_THAN_UNCOMPARED.search(text))
    mixed = mixed or _half_converted(text, abstract)
    if _MIXED_CHAIN.search(text) or _VERBLESS_SECOND.search(text) or mixed:
        reasons.append(
            Reason(
                Code.GRAMMAR, "ungrammatical: a clause of the chain has the wrong verb form or none"
            )
        )
    unstated = _UNSTATED_RESULT.search(text) or _unnamed_baseline(text)
    if _DANGLING_REF.search(text) or dangles(text) or unstated:
        reasons.append(
            Reason(
                Code.POINTER, 'refers to something it does not say ("this gap", "To achieve this")'
            )
        )
    if _ARTEFACT.search(text) or _broken(text, abstract):
        reasons.append(
            Reason(
                Code.GARBLED,
                "garbled: TeX, quote marks or broken punctuation copied from the abstract",
            )
        )
    if len(_BEATS.findall(text)) > 1:
        reasons.append(Reason(Code.REPETITION, "says it beats the baselines twice"))
    if _BARE_PREPOSITION.search(text) and not _STRANDED.search(text):
        reasons.append(Reason(Code.CUT_OFF, 'cut off: a preposition without its object ("in,")'))
    if _ADVERB_END.search(text):
        reasons.append(Reason(Code.CUT_OFF, 'cut off: ends on "and crucially"'))
    if _LIST_MARKER_END.search(text):
        reasons.append(Reason(Code.CUT_OFF, 'cut off: ends on a list\'s first marker (": 1.")'))
    if _STUB_END.search(text) or bare_kind_end(text):
        reasons.append(
            Reason(Code.CUT_OFF, 'cut off: ends on "X, a method" before saying what it is')
        )
    if VAGUE_MANNER.search(text):
        reasons.append(
            Reason(
                Code.VAGUE, 'ends on a vague manner ("in a compatible manner") that says nothing'
            )
        )
    return reasons


# "... and a method.": a list's last item cut down to its kind noun, which lost what it does
# ("and a method to mask these uncertain visual tokens during ..."). Adjectives may stay.
# "..., resulting in a method." (round 39) lost its name and what it is the same way.
_KIND_END = re.compile(
    r"\b(?:and|or|resulting\s+in|leading\s+to|yielding)\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?"
    r"([a-z-]+)\.?$"
)


def bare_kind_end(text: str) -> bool:
    """Whether the line ends on "and/or a <kind noun>" (or "resulting in a <kind noun>") with
    nothing saying what it is for."""
    match = _KIND_END.search(text)
    return match is not None and kind_noun(match.group(1))


# "..., in a compatible manner.": a trailing manner that adds no content to the line.
VAGUE_MANNER = re.compile(r",\s+in\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:manner|way|fashion)\.?$", re.I)


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


def _repetition(text: str, abstract: str) -> list[Reason]:
    """A three-word phrase said twice (unless the abstract says it twice too: a term), or a
    content word said three times."""
    grams = _trigrams(text)
    repeated = {g for g in grams if grams.count(g) > 1}
    if repeated:
        in_source = _trigrams(abstract)
        if any(in_source.count(g) < 2 for g in repeated):
            return [Reason(Code.REPETITION, "repeats a phrase")]
    words = [w for w in (strip_token(t).casefold() for t in text.split()) if w]
    counts: dict[str, int] = {}
    for w in words:
        if w not in STOPWORDS and len(w) > 2:
            counts[w] = counts.get(w, 0) + 1
    if any(n >= 4 for n in counts.values()):
        return [Reason(Code.REPETITION, "repeats a word four times")]
    vague = [stem_ for stem_ in _VAGUE if sum(w.startswith(stem_) for w in words) > 1]
    if vague:
        return [Reason(Code.REPETITION, f"repeats a vague claim ({vague[0]}...)")]
    return _repeated_content(text, abstract)


# "achieves strong performance ..., achieving competitive performance ..." (round 41): one
# result verb said twice, finite and then as the joined clause's participle.
_SAME_RESULT_VERB = re.compile(
    r"\b(achiev|improv|outperform|surpass|deliver|demonstrat|enabl|provid|yield|reduc|boost|"
    r"enhanc)e?s\b.*,\s+(?:\w+ly\s+)?\1ing\b",
    re.I,
)


# Words that make a repeat a parallel ("intra-shot relations and inter-shot relations").
_JOINERS = wordset("and or to vs versus from into")


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
        # "a gap in LLM tool-use: improving tool-use ...": a colon starts a new clause
        slip = slip and not any(t.endswith((":", ";")) for t in tokens[i:j])
        if slip:
            return True
    return False


def _repeated_content(text: str, abstract: str = "") -> list[Reason]:
    """Two adjacent content words said twice ("medical reasoning ... medical reasoning"), one
    participle clause opened twice (", delivering ... , delivering"), or a name followed by a
    compound of itself ("aDSL enables aDSL-based")."""
    words = [stem(strip_token(t).casefold()) for t in text.split()]
    pairs = [(a, b) for a, b in pairwise(words) if a and b and not {a, b} & STOPWORDS]
    if len(pairs) != len(set(pairs)) or _repeated_compound(text, abstract):
        return [Reason(Code.REPETITION, "repeats a phrase")]
    clauses = [m.casefold() for m in _PARTICIPLE.findall(text)]
    if len(clauses) != len(set(clauses)) or _SAME_RESULT_VERB.search(text):
        return [Reason(Code.REPETITION, "repeats a clause opening")]
    if _near_repeat(words, text.split(), abstract):
        return [Reason(Code.NEARBY_REPEAT, "repeats a word within a few words")]
    for name, compound in _NAME_COMPOUND.findall(text):
        if compound == name:
            return [Reason(Code.GARBLED, "garbled: a name used as a compound of itself")]
    if _repeats_subject(text):
        return [
            Reason(Code.REPETITION, "repeats its subject's name: two sentences stitched into one")
        ]
    return []


# A name said again as the subject of what the line reports ("..., showing that X ...") or as
# where a result was measured (a dataset's "outperforms ... on X") is the abstract's own
# sentence; said anywhere else it is a second sentence stitched on.
_REPORTS = wordset("that showing demonstrating revealing proving confirming indicating on")


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


def cut_off(text: str) -> bool:
    """Whether ``text`` ends on a word that needs more ("... evidence memory that.")."""
    return bool(_cut_off(text))


def _cut_off(text: str, abstract: str = "") -> list[Reason]:
    last = text.split()[-1].casefold().rstrip(".!?\"'”’") if text.split() else ""
    if _stops_inside_list(text, abstract):
        return [Reason(Code.CUT_OFF, "cut off: the list goes on in the abstract")]
    dangling = last in _DANGLING and not _STRANDED.search(text)
    if _OPEN_END.search(text) or dangling or _ABBREVIATION_END.search(text):
        return [Reason(Code.CUT_OFF, "cut off: it does not end as a finished sentence")]
    if _BROKEN_CLAUSE.search(text):
        return [Reason(Code.CUT_OFF, 'cut off inside: a clause breaks off after "so" or "than"')]
    cut_list = _LIST_TAIL.search(text) and not re.search(r"\b(?:and|or)\s+[^,]*$", text)
    if cut_list and not text.endswith((".", "!", "?")):
        return [Reason(Code.CUT_OFF, "cut off: a list ends with neither 'and' nor a full stop")]
    if (
        text.count("(") != text.count(")")
        or text.count('"') % 2
        or text.count("“") != text.count("”")
    ):
        return [Reason(Code.UNCLOSED, "cut off: an unclosed parenthesis or quote")]
    return []


# "across agentic, reasoning." of "across agentic, reasoning, and coding (ARC) tasks": a line
# whose last words, a comma among them, go on in the abstract with the list's last item.
_LIST_GOES_ON = r",\s+(?:and|or)\s"
LIST_TAIL_WORDS = 4


def _stops_inside_list(text: str, abstract: str) -> bool:
    tail = text.rstrip(" .").split()[-LIST_TAIL_WORDS:]
    if len(tail) < LIST_TAIL_WORDS or not any(word.endswith(",") for word in tail[:-1]):
        return False
    said = r"\s+".join(re.escape(word) for word in tail)
    return bool(re.search(said + _LIST_GOES_ON, abstract))


_BUT_ALSO = re.compile(r"\bbut (?:\w+ )?also\b", re.I)


_NOT_ONLY = re.compile(r"\bnot (?:\w+ )?only\b", re.I)


# "..., achieving best, and ...": a comparative or superlative with no noun after it.
_BARE_SUPERLATIVE = re.compile(r"\b(?:achiev|attain|reach)\w*\s+(?:best|better|superior)\b\s*[,;.]")


# Slips an abstract's copy keeps (the dev split's passed lines): "a intra-paradigm path", "of
# A scalable pipeline, An action module" (a list's capitals), "LatentMorph (I) enhances" (a
# list marker whose list was cut), "outperforming or performs on par" (two verb forms).
_PREPOSITION = r"(?:of|for|with|in|on|to|from|by|over)\b"
_SLIP = re.compile(
    ARTICLE_SLIP.pattern + r"|(?:,|\band)\s+(?:A|An)\s+[a-z]"
    r"|\s\((?:I|II|III)\)\s+[a-z]"
    r"|\b[a-z]+ing\s+or\s+[a-z]+[^\Wsu]s\b"
    # "memory that, achieving ...": a relative pronoun with no clause; "..., matching A but
    # reduces B"; "questionnaires are ... and suggests": a verb form the subject cannot take
    r"|\bthat,\s+\w+ing\b"
    # "a novel framework featuring, providing ...": a verb that takes an object, given none
    rf"|\b(?:{'|'.join(w for w in OBJECT_ING if w != 'including')})\s*[,;.]"
    r"|,\s+\w+ing\b[^,.;]*\s+but\s+(?:\w+ly\s+)?[a-z]+[^\Wsu]s\b"
    r"|\b(?:are|were)\b[^,;]*\s+and\s+(?:suggests|shows|reveals|demonstrates|achieves|outperforms)\b"
    # "then realizes and repairing", "where the student re-noises and refining its draft": a
    # finite verb and an -ing form joined as one action
    r"|\bthen\s+[a-z-]+[^\Wsu]s\s+and\s+[a-z]+ing\b"
    rf"|{OWN_SUBJECT_CLAUSE}\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[a-z-]+[^\Wsu]s\s+and\s+[a-z]+ing\s+"
    r"(?:the|its|their|a|an|it|them)\b"
    # "revealing deficits, identify 5 failure modes, and synthesize 5 implications": a series
    # of plain verbs (each before its object's determiner or count) after an -ing form
    rf"|\b[a-z]{{3,}}ing\b[^.;]*?,\s+{PLAIN_VERB_OBJECT}[^.;]*?,?\s+and\s+{PLAIN_VERB_OBJECT}"
    # "reducing A, reveals B, and gives C": an -ing form, then finite verbs (not nouns: no
    # preposition follows them) in the same series
    r"|,\s+[a-z]+ing\b[^,;.]*,\s+(?:\w+ly\s+)?[a-z]+[^\Wsu]s\s(?!" + _PREPOSITION + r")[^,;.]*,"
    r"\s+and\s+(?:\w+ly\s+)?[a-z]+[^\Wsu]s\s(?!" + _PREPOSITION + r")"
    # "a public POINTS-1.5 model to obtain, which ...": an infinitive with its object cut
    r"|\bto\s+(?:obtain|get|yield|produce|derive|form)\s*[,;.]"
)


# "is an interactive world model generates long videos": a kind noun and a verb with no
# "that" between them (round 43's dev line of Matrix-Game 2.0).
_KIND_VERB = re.compile(
    r"(?:\b(?:is|as)|,)\s+an?\s+(?:[\w-]+\s+){0,5}?(?P<kind>[\w-]+)\s+(?:generates|achieves|uses|"
    r"enables|improves|outperforms|learns|produces|predicts|leverages|combines|integrates|"
    r"supports|performs|provides|reduces|employs|allows|trains|delivers)\b"
)


def _kind_then_verb(text: str) -> bool:
    return any(kind_noun(m["kind"]) for m in _KIND_VERB.finditer(text))


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
    r"beat|match|increas)ing,\s(?!(?:for (?:instance|example)|e\.g\.|i\.e\.|in particular),)"
    # "unifies trajectory flow matching, Shortcut Model, and MeanFlow": a list's item ends there
    # (no setting put between, the list goes on to its "and"), not a verb cut from its object
    r"(?!(?!(?:on|in|at|across|over|with|by|for|from|under|to|against|among)\s)"
    r"[^,.;:]{1,60},?\s(?:and|or)\s)",
    re.I,
)


def _garbled(text: str) -> list[Reason]:
    if EMPTY_NAME.search(text):
        return [Reason(Code.GARBLED, 'garbled: a name is missing after "called"')]
    if re.search(r"(.)\1{3,}|[^\w\s]{3,}|\b(\w+) \2\b", text, re.IGNORECASE):
        return [Reason(Code.GARBLED, "garbled: repeated characters or words")]
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return [Reason(Code.GARBLED, "garbled: too few letters")]
    if _GENERIC_SUBJECT.search(text):
        return [
            Reason(Code.VACUOUS_SUBJECT, 'vacuous: the subject names nothing ("The method is ...")')
        ]
    if _BUT_ALSO.search(text) and not _NOT_ONLY.search(text):
        return [Reason(Code.GARBLED, 'garbled: "but also" without its "not only"')]
    if _BARE_ARTICLE.search(text):
        return [Reason(Code.GARBLED, 'garbled: an article with no noun ("the is")')]
    if _BARE_SUPERLATIVE.search(text):
        return [Reason(Code.GARBLED, 'garbled: "achieving best" with no noun after it')]
    if _TWO_DETERMINERS.search(text):
        return [Reason(Code.GARBLED, 'garbled: two determiners in a row ("the our")')]
    if _NOT_ONLY.search(text) and not _BUT_ALSO.search(text) and " but " not in text:
        return [Reason(Code.GARBLED, 'garbled: "not only" without its "but"')]
    if _STRAY_PERIOD.search(text):
        return [
            Reason(Code.GARBLED, 'garbled: a stray period ("DarkForest. is", "Envision-a causal")')
        ]
    if CUE_WITHOUT_NAME.search(text):
        return [Reason(Code.GARBLED, 'garbled: what it presents has no name ("We present, a ...")')]
    if _SLIP.search(text) or _kind_then_verb(text):
        return [
            Reason(
                Code.GARBLED,
                'garbled: a slip of grammar copied from the source ("a intra-", ", An action")',
            )
        ]
    if _PARTICIPLE_COMMA.search(text):
        return [
            Reason(
                Code.GARBLED,
                'garbled: a result verb cut from its object by a comma ("outperforming, on X, Y")',
            )
        ]
    if _ONE_OF_A_PAIR.search(text):
        return [Reason(Code.GARBLED, 'garbled: a combination of one thing ("unifying A, ...")')]
    return []


# "unifying Process Experience, achieving ...", "combining adaptive context management, achieving
# ...": a verb that joins things given one, its other parts cut (round 45's WorldMind line).
_ONE_OF_A_PAIR = re.compile(
    r"(?<![\w-])(?:unif(?:y|ies|ying)|combin(?:e|es|ing)|merg(?:e|es|ing)|bridg(?:e|es|ing))\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:and|with|or|to|into|in|across)\b)[\w-]+\s+){0,3}?"
    r"[\w-]*[^s\W](?:\s*\.$|,\s+\w+ing\b)"
)


def _hype(text: str, abstract: str) -> list[Reason]:
    source = abstract.casefold()
    words = {strip_token(w).casefold() for w in text.split()}
    hype = [w for w in words & HYPE if w not in source]
    phrase = _HYPE_PHRASE.search(text)
    if phrase and phrase.group(0).casefold() not in source:
        hype.append(phrase.group(0))
    return (
        [Reason(Code.HYPE, f"hype the abstract does not use: {', '.join(sorted(hype))}")]
        if hype
        else []
    )
