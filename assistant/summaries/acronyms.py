"""Acronyms a TL;DR line spells out: the abstract defines "Large Language Models (LLMs)" and
the line says "LLMs"; a reader of a one-line digest has no abstract to look the letters up in.
Only acronyms the abstract itself defines, with the long form exactly as defined. Pure functions
(used by assistant.summaries.compress).
"""

from __future__ import annotations

import re

from assistant.names import SMALL_WORDS, initials
from assistant.summaries.checker_words import kind_noun

# "Long Form (ACR)": up to eight words before an acronym of letters with two capitals or more.
_DEFINITION = re.compile(
    r"((?:[A-Za-z][\w'/-]*\s+){1,8})\(([A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)(?![\w-])"
)
# Words an acronym may skip, and the ways words spell one: assistant.names owns both.
_SMALL = SMALL_WORDS
MAX_LETTERS = 8
# Acronyms every reader knows: spelling them out says nothing new.
_KNOWN = frozenset({"AI"})
_PLURAL = re.compile(r"(?<=[A-Z])s$")


def definitions(abstract: str) -> dict[str, str]:
    """The acronyms the abstract defines, each with its long form as the abstract writes it
    ("LLMs" -> "Large Language Models"); the first definition of each wins."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(abstract):
        acronym = match.group(2)
        # "a large language model's (LLM) vocabulary": the long form without its possessive
        long_form = _long_form(re.sub(r"['’]s$", "", match.group(1).rstrip()).split(), acronym)
        if long_form and acronym not in found and acronym not in _KNOWN:
            start = match.start(1) + match.group(1).index(long_form)
            found[acronym] = _sentence_case(long_form, abstract, start)
    return found


def _sentence_case(long_form: str, abstract: str, start: int) -> str:
    """ "Foundation models" -> "foundation models" when its capital only opens the sentence;
    as it is when the abstract writes the word capitalised mid-sentence and never in lower
    case ("Gaussian splatting")."""
    first, *rest = long_form.split()
    opens = not abstract[:start].strip() or abstract[:start].rstrip().endswith((".", "!", "?"))
    lower_rest = all(w == w.lower() for w in rest)
    plain = first[:1].isupper() and first[1:] == first[1:].lower()
    if not (opens and rest and lower_rest and plain):
        return long_form
    named = re.search(rf"[\w,;]\s+{re.escape(first)}\b", abstract)  # "... with Gaussian"
    if named and not re.search(rf"(?<![\w-]){re.escape(first.lower())}\b", abstract):
        return long_form
    return long_form[:1].lower() + long_form[1:]


def _long_form(words: list[str], acronym: str) -> str | None:
    """The fewest last ``words`` whose initials spell ``acronym`` (by word, by hyphen part,
    with or without small words), or whose parts a mixed-case acronym's chunks start; None
    when none do."""
    letters = _PLURAL.sub("", acronym).casefold()
    if len(letters) > MAX_LETTERS:
        return None
    for count in range(1, min(len(words), len(letters) + 3) + 1):
        chosen = words[-count:]
        if chosen[0].casefold() in _SMALL or chosen[-1].casefold() in _SMALL:
            continue
        if letters in initials(chosen) or _prefixes(_PLURAL.sub("", acronym), chosen):
            return " ".join(chosen)
    return None


def abbreviates(acronym: str, phrase: str) -> bool:
    """Whether ``acronym`` spells a run of the words of ``phrase`` ("ICL": "for tabular
    in-context learning")."""
    words = phrase.split()
    return any(_long_form(words[:end], acronym) for end in range(1, len(words) + 1))


def _prefixes(acronym: str, words: list[str]) -> bool:
    """Whether a mixed-case acronym's chunks ("DyPE": Dy, P, E) start the hyphen parts of
    ``words`` in order, small words left out ("Dynamic Position Extrapolation")."""
    chunks = re.findall(r"[A-Z][a-z]*", acronym)
    if "".join(chunks) != acronym or all(len(c) == 1 for c in chunks):
        return False
    parts = [p for w in words for p in re.split(r"[-/]", w) if p]
    return _spells(chunks, parts)


def _spells(chunks: list[str], parts: list[str]) -> bool:
    """Whether ``chunks`` start ``parts`` in order, each as written ("Dy" starts "Dynamic",
    not "dynamic": "Reason, then Re-reason (ReRe)" is not "Re-reason"), small words skipped."""
    if not chunks or not parts:
        return not chunks and not parts
    if parts[0].startswith(chunks[0]) and _spells(chunks[1:], parts[1:]):
        return True
    return parts[0].casefold() in _SMALL and _spells(chunks, parts[1:])


def spell_out(line: str, abstract: str, own: tuple[str, ...], limit: int) -> str:
    """``line`` with the first use of each acronym the abstract defines spelled out in its
    long form ("LLMs" -> "Large Language Models"), the method's own (``own``, and the line's
    subject) as "Long Form (ACR)"; an acronym inside a hyphenated name ("Sotopia-RL"), one
    whose long form the line already says, or a spelling that would take the line past
    ``limit`` words stays as it is."""
    subject = _SUBJECT.match(line)
    own = (*own, subject.group(1)) if subject else own
    for acronym, long_form in definitions(abstract).items():
        for token in _forms(acronym):
            if long_form.casefold() in line.casefold():
                break
            use = re.search(rf"(?<![\w(/-]){re.escape(token)}(?![\w/-])", line)
            if use is None:
                continue
            spelled = _plural_like(long_form, acronym, token)
            if spelled is not None and _SINGULAR_USE.search(line[: use.start()]):
                spelled = _singular(spelled)
            if spelled is None or _clashes(line[: use.start()], spelled):
                break
            if acronym in own or token in own:
                spelled = f"{spelled} ({token})"
            if use.start() == 0:
                spelled = spelled[:1].upper() + spelled[1:]
            longer = _article_for(line[: use.start()], spelled) + spelled + line[use.end() :]
            if len(longer.split()) <= limit:
                line = longer
            break
    return line


def _article_for(before: str, spelled: str) -> str:
    """``before`` with its closing "an"/"a" made to fit the spelled-out word: "an LVLM" is
    "an el-", but "a Large Vision-Language Model" starts with a consonant sound."""
    article = re.search(r"\b(an?)\s+$", before)
    if article is None:
        return before
    first = spelled[:1].casefold()
    if first == "u" or not first.isalpha():  # "a unified", "an untrained": sound, not letter
        return before
    wanted = "an" if first in "aeio" else "a"
    if article.group(1).casefold() == wanted:
        return before
    fixed = wanted if article.group(1).islower() else wanted.capitalize()
    return before[: article.start(1)] + fixed + before[article.end(1) :]


# The line's subject: "TAIR is ...", "SSP can ...".
_SUBJECT = re.compile(r"^([A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\s+(?:is|are|can|[a-z]+s)\s")


_SIZES = frozenset("small smaller large larger tiny big".split())


def _clashes(before: str, spelled: str) -> bool:
    """Whether a size before the acronym meets a size opening its long form ("small LLMs" ->
    "small large language models")."""
    previous = before.split()[-1:]
    return (
        bool(previous)
        and previous[0].casefold() in _SIZES
        and (spelled.split()[0].casefold() in _SIZES)
    )


def _forms(acronym: str) -> tuple[str, ...]:
    """The acronym as defined and its other number ("LLM" for "LLMs" and the other way)."""
    singular = _PLURAL.sub("", acronym)
    return (acronym, singular) if singular != acronym else (acronym, f"{acronym}s")


# "a multimodal accessibility MAS": an article before the acronym's noun phrase makes it one.
# Only modifiers between: not "a framework that equips LLMs" (a verb) nor "a family of LLMs".
_SINGULAR_USE = re.compile(
    r"\b(?:a|an|one|each|every)\s+(?:(?!(?:that|which|who|of|for|to|with|in|on|by|and|or)\s)"
    r"[\w-]*[^\Ws]\s+){0,3}$",
    re.I,
)


def _singular(long_form: str) -> str:
    """The long form of one thing: "multi-agent systems (MAS)" said of "a ... MAS" is "a ...
    multi-agent system" (round 40); as it is when its last word is no plural kind of thing
    ("Mixture of Experts" for "a MoE")."""
    one = _without_s(long_form)
    return one if one and kind_noun(_last_word(one)) else long_form


def _last_word(long_form: str) -> str:
    """The word a long form is headed by: "model" of "Vision-Language Model"."""
    return long_form.split()[-1].split("-")[-1]


def _without_s(long_form: str) -> str | None:
    """The long form without its plural "s", None when that is not sure ("Processes")."""
    if long_form.endswith("s") and not long_form.endswith(("ss", "es")):
        return long_form[:-1]
    return None


def _plural_like(long_form: str, acronym: str, token: str) -> str | None:
    """The long form in the number of ``token``: "Large Language Model" for "LLMs" ->
    "Large Language Models"; None when the plural is not sure ("Processes")."""
    if token == acronym:
        return long_form
    if token.endswith("s") and not acronym.endswith("s"):
        # a plural of the kind of thing the long form names ("Large Language Models"), not of
        # a word that modifies it ("VLAs" are not "Vision-Language-Actions", "MRIs" not
        # "Imagings")
        return long_form.rstrip("s") + "s" if kind_noun(_last_word(long_form)) else None
    return _without_s(long_form)


# "human MOtion generation driven by SPatial Audio": words whose leading capitals spell the
# name's letters (MOSPA), a gloss that reads garbled outside the abstract (round 40).
_GLOSSED = re.compile(r"\b([A-Z]{2,})([a-z]{2,})\b")
MIN_GLOSSED = 2  # one such word may be a name of its own ("UNet")


def unglossed(sentence: str, name: str | None) -> str:
    """``sentence`` with the words that gloss ``name``'s letters in lower case ("MOtion" ->
    "motion"), and a capitalised word right after one ("SPatial Audio" -> "spatial audio"),
    when at least two words gloss it."""
    if not name:
        return sentence
    glosses = {m.group(0) for m in _GLOSSED.finditer(sentence) if m.group(1) in name}
    if len(glosses) < MIN_GLOSSED:
        return sentence
    words = sentence.split(" ")
    plain = []
    for before, word in zip(["", *words], words, strict=False):
        core = word.strip(",.;:()")
        if core in glosses or _ends_gloss(before, glosses, core, name):
            word = word.replace(core, core.lower())
        plain.append(word)
    return " ".join(plain)


def _ends_gloss(before: str, glosses: set[str], word: str, name: str) -> bool:
    """Whether ``word`` is a capitalised word right after a gloss word, on a letter of the name."""
    joined = before.strip("(") in glosses
    return joined and bool(re.fullmatch(r"[A-Z][a-z]+", word)) and word[0] in name
