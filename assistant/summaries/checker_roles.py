"""The TL;DR checker's role and agreement rules: who does what in the line, and whether its
parts still fit together after the line was cut from the abstract's "we" sentences. A dataset
does not develop an evaluator, "X is a tool ..., and provide" keeps the authors' verb, "X
provides <a sentence>" makes a title's sentence an object, and a modifier copied without its
noun leaves "a reasoning-enhanced Vision-Language-Action that". Pure functions."""

from __future__ import annotations

import re
from itertools import pairwise

from assistant.pipeline.text import MODIFIER
from assistant.summaries.agreement import agreement_slips
from assistant.summaries.checker_words import (
    ADJECTIVE_END,
    ANSWERING_CONNECTIVE,
    RESOURCE_KINDS,
    STOPWORDS,
    kind_noun,
    strip_token,
)
from assistant.summaries.reasons import Code, Reason

# "X is a ...": the line's subject, its name and maybe an expansion, defined by a kind.
_DEFINED = r"^\S+(?:\s\S+){0,3}?(?:\s\([^)]*\))?\s+(?:is|are)\s+(?:a|an|the)\s+"


# "CreataSet is a large-scale dataset ..., developing an LLM-based evaluator": an act only the
# authors do (develop, propose, build, train, collect) hung on a thing they made, as if the
# dataset did it ("MIT is a dataset ..., developing an automatic pipeline"). A benchmark's
# findings ("revealing that", "showing that") and its parts ("introducing tasks") are its own.
_AUTHORS_ACT = re.compile(
    _DEFINED + r"(?:[\w'+-]+\s+){0,8}?(?:benchmark|dataset|corpus|metric|measure|suite|"
    r"collection|testbed|leaderboard|task|survey)s?(?![\w-])[^;]*?,\s+(?:\w+ly\s+)?"
    r"(?:develop|propos|design|build|construct|train|releas|curat|collect|conduct|fine-tun)ing\b",
    re.I,
)


# "We introduce a novel CAVS task, aiming to ..., outperforming single-modal methods": a result
# only a method has, hung on a task or a dataset the line introduces.
_THINGS_RESULT = re.compile(
    r"(?:" + _DEFINED + r"|^we\s+(?:\w+ly\s+)?(?:introduce|propose|present|build|construct)\s+)"
    # the kind is the head of the thing introduced, not a word after its preposition ("an
    # algorithm for reasoning tasks") nor a container of models ("a suite of diffusion models")
    r"(?:(?!(?:for|of|on|in|with|to|over|that|which|and)\b)[\w'+()-]+\s+){0,8}?"
    rf"(?:{RESOURCE_KINDS}|task|survey)s?"
    r"(?![\w-])(?!\s+of\b)[^;]*?,\s+(?:\w+ly\s+)?(?:outperform|surpass|beat)ing\b",
    re.I,
)


# "Our findings lead to actionable insights ... and open up new opportunities ...": the
# abstract's closing remark as the whole line, about findings it never states.
_CLOSING_REMARK = re.compile(
    r"^(?:our|these|the|this)\s+(?:\w+\s+)?(?:findings|results|insights|analys[ie]s|study|work|"
    r"experiments|observations)\b[^.]*\b(?:insights?|opportunit\w+|directions?|avenues?|"
    r"implications?|guidance|foundations?|future)\b"
    # "Our study highlights license compliance as a critical governance challenge ..."
    r"|^(?:our|this|these)\s+(?:\w+\s+)?(?:findings|results|study|work|paper|analysis)\s+"
    r"(?:highlights?|underscores?|emphasi[sz]es?)\b",
    re.I,
)


# "We conclude that skill-targeted adaptive training should broadly improve current training
# pipelines.": the abstract's closing verdict or hope, a claim about the future, not a result.
_CLOSING_VERDICT = re.compile(
    r"^(?:we|this\s+(?:work|paper|study)|our\s+(?:work|study))\s+(?:(?:therefore|thus)\s+)?"
    r"(?:conclude|hope|envision|anticipate|believe|expect|foresee)\b"
    r"|\b(?:should|could|would|may|might)\s+broadly\b",
    re.I,
)


# "In contrast, SFT targets principal weights ...": a line opening on a connective answers a
# sentence it does not show.
_ANSWERING_OPENING = re.compile(rf"^(?:{ANSWERING_CONNECTIVE}),\s", re.I)
# "We publicly release 51 tasks and our full evaluation framework to accelerate the study of
# ...": the abstract's release note as the whole line, which says what is shared, not found.
_RELEASE_NOTE = re.compile(
    r"^we\s+(?:\w+ly\s+)?(?:release|open-source|open source|make)\b[^.]*?\bto\s+(?:accelerate|"
    r"facilitate|support|foster|encourage|enable|spur|promote|advance"
    # "We release our German language models, as well as ... to the research community."
    r"|the\s+(?:research\s+|open-source\s+)?community)\b",
    re.I,
)


# "BrainSurgery is a tool ..., and provide a demonstration": a singular subject's verb, then
# a bare verb with its object after ", and" (the abstract's "We introduce X ..., and provide
# ..." with only the first verb turned to the line's subject). A bare word followed by a
# determiner is a verb: a list's last noun is not ("..., and correction stages"), and a
# participle ("..., and employing a ...") agrees with any subject. So is one before a name with
# inner capitals ("..., and analyse MTRAGEval"): a list's last noun is not followed by one.
_SINGULAR_THEN_BARE = re.compile(
    r"^\S+(?:\s\S+){0,3}?(?:\s\([^)]*\))?\s+(?:is|has|[a-z]+[^s\W]s)\s[^;]*?,\s+and\s+"
    r"(?:\w+ly\s+)?(?!\w+(?:ing|ed)\s)(?P<verb>[a-z]+[^s\W])\s+"
    r"(?:(?:a|an|the|our|its|their|this|these)\s|[A-Z][\w.-]*[A-Z])"
)


# "VideoNSA provides Native sparse attention scales video understanding": a light verb whose
# object, with no determiner, is the title's words up to the next comma.
_LIGHT_OBJECT = re.compile(
    r"^\S+(?:\s\S+){0,2}?\s+(?:provides|offers|delivers|enables)\s+"
    r"(?!(?:a|an|the|its|their|our)\b)(?P<what>[^,;.]+)"
)


# A word that is a verb's -s form or a plural ("scales", "models"); not "class", "focus",
# "analysis", "dynamics".
_S_FORM = re.compile(r"[A-Za-z-]+[^siu]s")


# The light verb's bare object and what follows it, to the end of the sentence.
_LIGHT_KIND = re.compile(
    r"^\S+(?:\s\S+){0,2}?\s+(?:provides|offers|delivers|enables)\s+"
    r"(?!(?:a|an|the|its|their|our)\b)(?P<what>[^;.()]+)"
)


_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "our", "this", "each"})


# A count noun of the agent kind ("embedder", "tokenizer", "simulator") ending the object.
_AGENT_NOUN = re.compile(r"[a-z-]{3,}[a-z](?:er|or)")


def check_roles(tldr: str, title: str, abstract: str) -> list[Reason]:
    """Why ``tldr`` gives an act to the wrong doer or its parts do not fit: the authors' act
    credited to their dataset, a closing remark for the whole line, verbs that do not agree,
    a title sentence made an object, or a modifier left without its noun."""
    text = " ".join(tldr.split())
    reasons = []
    if _AUTHORS_ACT.search(text):
        reasons.append(
            Reason(
                Code.ROLE, 'the authors\' act ("developing ...") credited to a dataset or benchmark'
            )
        )
    if _THINGS_RESULT.search(text):
        reasons.append(
            Reason(Code.ROLE, 'a method\'s result ("outperforming ...") credited to a task')
        )
    if _CLOSING_REMARK.search(text) or _CLOSING_VERDICT.search(text):
        reasons.append(
            Reason(
                Code.CLOSING_REMARK, "a closing remark about the findings, not what the paper shows"
            )
        )
    if _RELEASE_NOTE.search(text):
        reasons.append(
            Reason(Code.RELEASE_NOTE, "the release note (what is shared), not what the paper shows")
        )
    if _ANSWERING_OPENING.search(text):
        reasons.append(
            Reason(
                Code.CONNECTIVE,
                'opens on a connective answering a sentence not shown ("In contrast, ...")',
            )
        )
    if _bare_after_singular(text) or agreement_slips(text):
        reasons.append(
            Reason(
                Code.GRAMMAR,
                'ungrammatical: the verbs do not agree ("X is ..., and provide", "a Y that fit")',
            )
        )
    if _sentence_as_object(text) or _count_noun_without_article(text):
        reasons.append(
            Reason(
                Code.GARBLED, 'garbled: the title copied as an object ("provides <title words>")'
            )
        )
    if _modifier_at_end(text) or _headless_term(text, title, abstract):
        reasons.append(Reason(Code.GARBLED, "garbled: a modifier left without its noun"))
    if _kind_of_another(text, title, abstract):
        reasons.append(
            Reason(
                Code.ROLE,
                "gives the name another contribution's kind (the abstract defines it as another)",
            )
        )
    if _mnemonic_casing(text, title, abstract):
        reasons.append(
            Reason(
                Code.GARBLED, 'garbled: an acronym\'s letter capitalised inside a word ("jiGsaw")'
            )
        )
    return reasons


_INFINITIVE_SERIES = re.compile(r"\bto\s+[a-z]+(?:,\s+[a-z]+)+,\s+and\s+(?:\w+ly\s+)?$")


def _bare_after_singular(text: str) -> bool:
    """Whether a bare verb ("provide") follows ", and" after a singular subject's verb."""
    match = _SINGULAR_THEN_BARE.search(text)
    if match is None or match["verb"] in STOPWORDS:
        return False
    if _INFINITIVE_SERIES.search(text[: match.start("verb")]):
        return False  # "enables the user to create, edit, and refine their own ..."
    # before a name, an adjective is as likely as a verb ("..., and efficient TTS")
    return match.group(0)[-1].isspace() or not ADJECTIVE_END.search(match["verb"])


def _sentence_as_object(text: str) -> bool:
    """Whether the light verb's bare object holds a second verb: an -s word followed by a
    content word ("attention scales video understanding"), where a plural noun would be
    followed by a preposition or a comma."""
    match = _LIGHT_OBJECT.search(text)
    if not match:
        return False
    for word, nxt in pairwise(match["what"].split()):
        if _S_FORM.fullmatch(word) and nxt[:1].isalpha() and nxt.casefold() not in STOPWORDS:
            return True
    return False


def _count_noun_without_article(text: str) -> bool:
    """Whether the light verb's object, with no determiner, ends on an agent noun: "provides
    visual-interactive text-image universal embedder" (the title, missing its "a")."""
    match = _LIGHT_OBJECT.search(text)
    if match is not None and _AGENT_NOUN.fullmatch(match["what"].split()[-1]):
        return True
    # "provides multi-modal generation, inpainting and editing model, accepting ...": the
    # object runs over its list to a singular kind noun, the title's head without its "a"
    whole = _LIGHT_KIND.search(text)
    if whole is None:
        return False
    for part in re.findall(r"[^,]+(?=,|$)", whole["what"]):
        words = part.casefold().split()
        if _DETERMINERS & set(words):
            return False
        if words and kind_noun(words[-1]) and not words[-1].endswith("s"):
            return True
    return False


def _modifier_at_end(text: str) -> bool:
    """Whether the line ends on a compound modifier ("even with lightweight pre-trained."):
    its noun was lost, in the abstract or in the cut."""
    last = strip_token(text.split()[-1]) if text.split() else ""
    return bool(MODIFIER.search(last))  # "-based", "pre-trained", "fine-tuned"


# A capitalised hyphenated term ("Vision-Language-Action") before a relative word or an end.
_TERM_ENDS = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)+)(?:\s+(?:that|which|who|to|with)\b|[,.]|$)"
)


def _headless_term(text: str, title: str, abstract: str) -> bool:
    """Whether the line ends a noun phrase on a term the title and abstract only ever use as a
    modifier ("Vision-Language-Action (VLA) models"): the line dropped the noun ("a
    reasoning-enhanced Vision-Language-Action that integrates ...")."""
    source = " ".join(f"{title}. {abstract}".split())
    for match in _TERM_ENDS.finditer(text):
        term = re.escape(match.group(1))
        uses = re.findall(rf"(?<![\w-]){term}(?![\w-])", source)
        followed = re.findall(rf"(?<![\w-]){term}(?:\s+\([^)]*\))?\s+([\w-]+)", source)
        nouns = [w for w in followed if w.casefold() not in STOPWORDS]
        if uses and len(nouns) == len(uses):
            return True
    return False


# "jiGsaw" (AGILE: "Agentic jiGsaw Interaction Learning for Enhancing"): a capital inside a
# lower-case word, there to spell an acronym. A word opening on a capital is most often a
# name of two words run together ("ChronoEdit", "TraceAlign"), so it is not looked at.
_INNER_CAPITAL = re.compile(r"\b[a-z]{2,}[A-Z][a-z]{2,}\b")


def _mnemonic_casing(text: str, title: str, abstract: str) -> bool:
    """Whether a word has a capital inside it that the source, elsewhere, writes as a common
    lower-case word ("jiGsaw" beside "jigsaw solving"): a name ("arXiv") has no such form."""
    common = set(re.findall(r"\b[a-z]+\b", f"{title} {abstract}"))
    return any(m.group().casefold() in common for m in _INNER_CAPITAL.finditer(text))


# "Video2Roleplay is a robust evaluation method ..." where the title makes Video2Roleplay "A
# Multimodal Dataset and Framework" and "a robust evaluation method" is another contribution
# of the abstract: the line names one thing and defines it as another.
_NAME_IS_A = re.compile(
    r"^(?P<name>\S+)(?:\s\([^)]*\))?\s+is\s+(?P<what>(?:a|an)\s+(?:[\w-]+\s+){0,5})"
)
KIND_WINDOW = 8  # words after "X, a" / "X is a" / "X: A" read for X's kind nouns


def _kind_of_another(text: str, title: str, abstract: str) -> bool:
    """Whether the line's "X is a <...> <kind>" gives X a kind noun that none of X's own
    definitions in the title and abstract use, copied from a sentence that does not name X."""
    match = _NAME_IS_A.match(text + " ")
    if not match:
        return False
    words = match["what"].split()
    head = next((i for i, w in enumerate(words) if kind_noun(w)), None)
    own = _defined_kinds(match["name"], title, abstract)
    if head is None or not own or words[head].casefold() in own:
        return False
    phrase = " ".join(words[: head + 1]).casefold()
    elsewhere = [s for s in re.split(r"(?<=[.!?])\s+", abstract) if match["name"] not in s]
    return any(phrase in " ".join(s.split()).casefold() for s in elsewhere)


def _defined_kinds(name: str, title: str, abstract: str) -> set[str]:
    """The kind nouns the title ("X: A Dataset and Framework") and the abstract ("X, a
    benchmark", "X is a framework") give ``name``."""
    found: set[str] = set()
    for text in (title, abstract):
        for m in re.finditer(
            rf"(?<![\w-]){re.escape(name)}(?:\s\([^)]*\))?\s*(?::|,|\bis\b)\s*(?:a|an)\s",
            text,
            re.I,
        ):
            after = text[m.end() :].split()[:KIND_WINDOW]
            found |= {w.strip(",.;:()").casefold() for w in after if kind_noun(w.strip(",.;:()"))}
    return found
