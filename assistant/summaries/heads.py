"""The candidate first clauses of a line (heads) and the order they are tried in: the method's
own line first, the title's line after the lines that name the method, side statements and
results last (used by assistant.summaries.compress). Pure functions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.summaries.checker import FILLER, STOPWORDS, dangles, name_pattern, stem
from assistant.summaries.clauses import casefolded_words, result_clause, strip_lead
from assistant.summaries.contribution import CUE, FINDING
from assistant.summaries.naming import NAME_TOKEN

# The name a head line is about: "TPG is a novel method ..." -> "TPG".
SUBJECT_NAME = re.compile(r"^(\S+)\s+(?:is|are)\s")


# A head that says what the method is ("X is a Y ..."): a result joins what X is, not a
# property ("SOP is agnostic to ..., improving ..." reads as if the property improved it).
# The name may run to five words ("Group Relative Attention Guidance is a ...").
IS_A = re.compile(r"^(?:[A-Z][\w-]*\s+){0,4}\S+\s+(?:is|are)\s+(?:a|an|the)\s")


# Words a how clause may carry without saying how: "featuring a novel paradigm", "supporting
# diverse applications".
VAGUE_HOW = frozenset(
    """paradigm applications diverse wide range variety designed key core main novel several
    two three four five six ingredients components innovations contributions techniques
    modules elements stages parts""".split()
)  # "incorporating three key ingredients" counts parts it does not name


@dataclass(frozen=True)
class Head:
    """A candidate first clause: cut from ``sentence`` (empty for the title's line), tried
    with a result clause joined (``joins``) and on its own (``alone``)."""

    sentence: str
    text: str
    joins: bool = True
    alone: bool = True

    @property
    def sentences(self) -> tuple[str, ...]:
        return (self.sentence,) if self.sentence else ()


def with_title_line(heads: list[Head], named: str | None, names: tuple[str, ...]) -> list[Head]:
    """``heads`` with the title's line ("X is a Y for Z") tried joined to a result right after
    the lines whose subject is the method, and alone after the lines that name it: before
    lines about something else (a part, a side release, the experiments). A title echo
    ("X provides <title words>") says less than a sentence that names the method: it comes
    after those even when joined."""
    if named is None:
        return heads
    bare = [h for h in heads if says_little(h.text, names)]
    if bare:  # "We propose a novel framework: LoFT": the title says what LoFT is
        rest = with_title_line([h for h in heads if h not in bare], named, names)
        after = rest.index(Head("", named, joins=False)) + 1
        return [*rest[:after], *bare, *rest[after:]]
    subject = sum(rank(h.text, names) == 0 for h in heads)
    naming = sum(rank(h.text, names) <= 1 for h in heads)
    joined, alone = Head("", named, alone=False), Head("", named, joins=False)
    if _ECHO.match(named):
        return [*heads[:naming], joined, alone, *heads[naming:]]
    # before a line that says what X does or is built on rather than what X is ("X is built
    # on a video model ..."): "X is a framework for video stylization, built on ..."
    says_what = next((i for i, h in enumerate(heads[:subject]) if not IS_A.match(h.text)), subject)
    return [*heads[:says_what], joined, *heads[says_what:naming], alone, *heads[naming:]]


MIN_SAID = 2  # content words a head needs besides the method's name and its kind


def says_little(head: str, names: tuple[str, ...]) -> bool:
    """Whether a head names the method and its kind and little else ("We propose a novel
    framework: LoFT", "X is a simple method")."""
    named = {stem(w) for name in names for w in casefolded_words(name)}
    words = [w for w in casefolded_words(head) if w not in STOPWORDS and w not in FILLER]
    said = {stem(w) for w in words if w not in VAGUE_HOW and not _KIND_WORD.match(w)}
    return len(said - named) < MIN_SAID


_KIND_WORD = re.compile(
    r"^(?:framework|method|approach|model|system|benchmark|dataset|algorithm|pipeline|agent|"
    r"architecture|library|suite|paradigm|technique|toolkit|family|series|environment|"
    r"platform|corpus|recipe|strategy)s?$"
)


# "X provides <the title's words>": a title echo, not a description of what X is.
_ECHO = re.compile(r"^\S+(?:\s\S+){0,2}\sprovides\s")


def rank(head: str, names: tuple[str, ...]) -> int:
    """The best :func:`_head_rank` of ``head`` over the method's names."""
    return min(_head_rank(head, name) for name in names)


def aliases(name: str, abstract: str) -> tuple[str, ...]:
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
    r"|^we\s+(?:then\s+)?(?:apply|test|evaluate|conduct|validate|compare|benchmark|implement)\b",
    re.I,
)
_TO_SUPPORT = re.compile(
    r"\bto (?:support|facilitate|foster|enable|spur|encourage|promote|accelerate) "
    r"(?:further|future)\b",
    re.I,
)
# "To show this, we construct a new text embedding ...": how a claim was tested, not the claim.
_TO_SHOW = re.compile(
    r"^to\s+(?:show|demonstrate|verify|test|validate|prove|confirm|check)\s+(?:this|these|that|"
    r"it|our)\b",
    re.I,
)


def demoted(head: Head, names: tuple[str, ...]) -> bool:
    """Whether a head goes after the others: a result of the method ("X achieves ..." says
    what X scores, not what X is), or a side statement that is not about the method
    (``names``: its name first, then the aliases the abstract defines)."""
    text = strip_lead(head.sentence) if head.sentence else ""
    name = names[0] if names else None
    if name and text and about(text, name) and result_clause(text, name, names[1:]) is not None:
        return True
    if name and spells(head.text, name):
        return True
    if _also_found(head.sentence):  # "We also observe that X benefits ...": a side finding
        return True
    return is_side(head.sentence) and not (names and rank(head.text, names) == 0)


# "AGILE is an Agentic jiGsaw Interaction Learning for Enhancing ...": what the name stands for.
_DESCRIBED = re.compile(
    r"^\S+(?:\s\S+){0,2}?\s+(?:is|are)\s+(?:a|an|the)\s+(?:novel\s+|new\s+)?(.+)"
)


def _also_found(sentence: str) -> bool:
    """Whether a sentence states a further finding ("We also observe that X ..."), not a
    further contribution ("Furthermore, we propose X, ...", which may be the method)."""
    text = strip_lead(sentence) if sentence else ""
    return bool(text and _ALSO.match(sentence) and FINDING.match(text) and not CUE.match(text))


def spells(head: str, name: str) -> bool:
    """Whether a head describes the method by the words its acronym's letters come from ("AGILE
    is an Agentic jiGsaw Interaction Learning for Enhancing ..."): title-cased words with odd
    capitals, no noun phrase of what the method is."""
    described = _DESCRIBED.match(head)
    letters = re.sub(r"[^A-Z]", "", name)
    if described is None or len(letters) < 3:
        return False
    words = described.group(1).split()[: len(letters) + 3]
    capitals = "".join(c for w in words for c in w if c.isupper())
    return capitals.startswith(letters)


def is_side(sentence: str) -> bool:
    """Whether a sentence is a side statement rather than the contribution: "We also
    release ...", "Furthermore, we introduce ... to support further research", "Results show
    X ...", "We demonstrate that ..."."""
    text = strip_lead(sentence) if sentence else ""
    if not text:
        return False
    if _ALSO.match(sentence) or _TO_SUPPORT.search(sentence) or _TO_SHOW.match(sentence):
        return True
    if _EXPERIMENTS.match(text):
        return True
    return bool(FINDING.match(text)) and not CUE.match(text)


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


def subjects(heads: list[Head], name: str | None) -> tuple[str, ...]:
    """The names the head lines give the method when the title gives none ("TPG is a ...")."""
    if name:
        return ()
    found = (SUBJECT_NAME.match(head.text) for head in heads)
    return tuple(dict.fromkeys(m.group(1) for m in found if m and NAME_TOKEN.match(m.group(1))))


def named_in(sentences: list[str], name: str | None) -> bool:
    """Whether one of ``sentences`` names the method."""
    return bool(name) and any(_mentions(s, name or "") for s in sentences)


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` names ``name`` as a word of its own ("X", not "X-Lite")."""
    return bool(re.search(rf"(?<![\w-]){name_pattern(name)}(?![\w-])", text))


def about(sentence: str, name: str) -> bool:
    """A sentence with the method as its subject and a verb next: "TUA-Bench includes ..."."""
    rest = sentence[len(name) :] if sentence.startswith(name) else ""
    return bool(re.match(r"\s+(?:also\s+)?[a-z]+s\b", rest)) and not dangles(rest)
