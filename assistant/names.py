"""Is a name the same name however it is spelled? Pure functions, the one owner of name
matching for the answer pipeline and the TL;DR summaries (both import it from here).

A question names "Qwen 2.5", "Deep Seek R1", "MobileGS", "Group Relative Policy Optimization"
or "RL"; the abstract writes "Qwen2.5", "DeepSeek-R1", "Mobile-GS", "GRPO" or "reinforcement
learning". Names are compared as runs of lower-case tokens (letters, or a number with its
decimals, so "GPT-5" is not "GPT-5.2" and "Frontis-MA2" is not "Frontis-MA1"), and a run of the
name matches a run of the text when the two squash to the same letters (case, spaces and
hyphens aside, a plural "s" aside), or when one is the initials of the other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Words an acronym may skip ("Mixture of Experts (MoE)" spells them, "Graph of Skills (GoS)"
# too, "Question Answering over Tables (QAT)" does not).
SMALL_WORDS = frozenset("of and for the with in on to a an over via by from".split())
_NOT_ALNUM = re.compile(r"[\W_]+")
_CARET = re.compile(r"(?<=\w)\^(?=\w)")  # "M^3FinMeeting": a superscript typed with a caret
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:\.\d+)*")  # "qwen", "2.5": a version keeps its decimals
SPAN = 5  # the most tokens of one side that one step of a match joins or abbreviates


def squash(text: str) -> str:
    """Lower case, letters and digits only: "Human Eval" names HumanEval, "M³" is "M3"."""
    return _NOT_ALNUM.sub("", plain(text).lower())


def initials(words: list[str]) -> set[str]:
    """The ways ``words`` can spell an acronym: each word's first letter or each hyphen
    part's, with or without the small words (lower case)."""
    parts = [p for w in words for p in re.split(r"[-/]", w) if p]
    spelled = set()
    for pieces in (words, parts):
        spelled.add("".join(p[0] for p in pieces).casefold())
        spelled.add("".join(p[0] for p in pieces if p.casefold() not in SMALL_WORDS).casefold())
    return spelled


def plain(text: str) -> str:
    """``text`` with a name's superscripts written out, however they were typed: "M^3" and
    "M³" are "M3" (a question and its abstract often write one name both ways). For
    comparing words only, never for quoting."""
    return _CARET.sub("", unicodedata.normalize("NFKC", text))


def name_tokens(text: str) -> tuple[str, ...]:
    """``text`` as lower-case tokens: letters, or a number with its decimals; a Greek letter
    as its name ("Σ-Mem": sigma, mem)."""
    return tuple(_TOKEN.findall(_latin(plain(text)).lower()))


def mentions(name: str, text: str) -> bool:
    """Whether ``text`` names ``name``, spelled any way: "Qwen 2.5" in "Qwen2.5-7B", "GRPO"
    in "Group Relative Policy Optimization", "Spatial Test-Time Training" in "Spatial-TTT"."""
    wanted = name_tokens(name)
    return bool(wanted) and _within(wanted, name_tokens(text))


def spelled(name: str, text: str) -> set[str]:
    """The tokens of ``text`` (``name_tokens``) that spell ``name`` some way: "vision",
    "language", "models" of "Vision-Language Models (VLMs)" for "VLM"."""
    wanted, tokens = name_tokens(name), name_tokens(text)
    if not wanted:
        return set()
    found: set[str] = set()
    for start in range(len(tokens)):
        for end in _ends(wanted, 0, tokens, start):
            found.update(tokens[start:end])
    return found


def _ends(name: tuple[str, ...], i: int, text: tuple[str, ...], j: int) -> set[int]:
    """Where in the text a match of the name from (``i``, ``j``) on ends."""
    if i == len(name):
        return {j}
    return {end for a, b in _steps(name, i, text, j) for end in _ends(name, a, text, b)}


@lru_cache(maxsize=4096)
def _within(name: tuple[str, ...], text: tuple[str, ...]) -> bool:
    return any(_aligns(name, 0, text, start) for start in range(len(text)))


def _aligns(name: tuple[str, ...], i: int, text: tuple[str, ...], j: int) -> bool:
    """The name from token ``i`` on matches the text from token ``j`` on, step by step."""
    if i == len(name):
        return True
    return any(_aligns(name, a, text, b) for a, b in _steps(name, i, text, j))


def _steps(name: tuple[str, ...], i: int, text: tuple[str, ...], j: int) -> list[tuple[int, int]]:
    """Where one step from (``i``, ``j``) may lead: up to SPAN tokens of the name matched to
    up to SPAN of the text (the same letters joined), or to one token that is their initials,
    or one name token that is the initials of several of the text's."""
    steps = []
    for k in range(1, min(SPAN, len(name) - i) + 1):
        joined = "".join(name[i : i + k])
        steps += [
            (i + k, j + m)
            for m in range(1, min(SPAN, len(text) - j) + 1)
            if _same("".join(text[j : j + m]), joined)
        ]
        if k > 1 and j < len(text) and _abbreviates(text[j], name[i : i + k]):
            steps.append((i + k, j + 1))
    steps += [
        (i + 1, j + m)
        for m in range(2, min(SPAN, len(text) - j) + 1)
        if _abbreviates(name[i], text[j : j + m])
    ]
    return steps


def _abbreviates(acronym: str, words: tuple[str, ...]) -> bool:
    """``acronym`` (two letters or more) is the initials of ``words``: "rl" of "reinforcement
    learning", and a plural one too: "lms" of "language models", "llms" of "large language
    models"."""
    if len(acronym) < 2 or not acronym.isalpha():
        return False
    spelled = initials(list(words))
    return acronym in spelled or (
        len(acronym) > 2 and acronym[-1] == "s" and acronym[:-1] in spelled
    )


def _same(a: str, b: str) -> bool:
    """The same letters, a plural "s" aside ("Residual" and "Residuals", "VLM" and "VLMs";
    not "RL" and "RLs")."""
    return a == b or (len(a) > 2 and len(b) > 2 and (a + "s" == b or b + "s" == a))


def _latin(text: str) -> str:
    """Greek letters spelled out: "Σ-Mem" is "Sigma-Mem" (a name may be written either way)."""
    return "".join(_GREEK.get(c, c) for c in text)


_GREEK = {
    c: unicodedata.name(c).split()[-1].capitalize()
    for c in map(chr, range(0x391, 0x3CA))
    if unicodedata.name(c, "").startswith("GREEK") and "LETTER" in unicodedata.name(c, "")
}


TITLE_NAME_WORDS = 3  # a title's head before ":" this short is the paper's name


# The colon that splits a title into head and description: the first one a space follows,
# else the first one at all ("FORGE:Fine-grained ..."). "Re:Form -- Reducing ... in LLMs: A
# Preliminary Study" is split at "LLMs:", so "Re" is no name (round 43).
_SPACED_COLON = re.compile(r":(?:\s|$)")


def split_title(title: str) -> tuple[str, str]:
    """A title's head and description around its separating colon ("SWE-World", "Building
    Software ..."); ("", title) when it has none."""
    colon = _SPACED_COLON.search(title) or re.search(":", title)
    if colon is None:
        return "", title
    return title[: colon.start()].strip(), title[colon.end() :].strip()


def title_name(title: str) -> str | None:
    """The paper's name a title opens with: "SWE-World" of "SWE-World: Building Software
    Engineering Agents ...", "Context Forcing" of "Context Forcing: Consistent ..."; None when
    the title has no colon or a longer head ("Less Noise, More Voice: ...")."""
    head, _ = split_title(title)
    return head if head and len(head.split()) <= TITLE_NAME_WORDS else None


# "we propose \name, a unified ...": the authors' TeX macro for their own method's name, which
# the feed keeps as it is (round 46: R^2ec's abstract).
_NAME_MACRO = re.compile(r"\\(?:name|ours|method|modelname|model|ourmethod)\b(?:\\(?=\s))?")


def with_macro_names(abstract: str, title: str) -> str:
    """``abstract`` with a name macro ("\\name", "\\ours", "\\method") replaced by the name its
    title opens with; unchanged when the title gives no name."""
    name = title_name(title)
    return _NAME_MACRO.sub(lambda _: name, abstract) if name else abstract
