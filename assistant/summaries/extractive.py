"""Extractive one-liners and key sentences, built only from the abstract's own words.

Used to fence a short excerpt into the TL;DR prompt, and as the fallback TL;DR when no
compressed line passes the checker: the sentence that best states the contribution, shown
whole or cut only where a complete clause is left, never a fragment or a headline.
"""

from __future__ import annotations

import re

from assistant.pipeline.citations import ABBREVIATIONS
from assistant.sanitize import strip_markup
from assistant.summaries.checker import (
    MAX_WORDS,
    VAGUE_MANNER,
    bare_kind_end,
    check_form,
    check_tldr,
    content_words,
    method_names,
    stem,
)
from assistant.summaries.checker_words import (
    BACKGROUND_OPENING,
    CONTRAST_OPENING,
    OWN_WORK,
    bare_participle_end,
)
from assistant.summaries.clauses import CONNECTIVES, capitalise
from assistant.summaries.reasons import Code, Reason

# A stop, then a capital; or a stop glued to the next sentence ("exploration.To address").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'“])|(?<=[a-z]{3}\.)(?=[A-Z][a-z]+\s)")
_NOISE = re.compile(
    r"https?://|www\.|github|code (?:is|and \w+ are) (?:publicly )?ava(?:il|li)able|project page|"
    r"\b(?:available|released) (?:at|on)\W*$",
    re.I,
)
_SUBJECT = r"\b(?:we|this (?:paper|work|study|investigation)|our (?:paper|work)|the authors)"
_VERB = r"(?:propose|introduce|present|develop|design|build|contribute)(?:s|d|ed)?"
_ADVERB = r"(?:(?:first|further|also|then|here|\w+ly)\s+)?"
_STRONG = re.compile(
    rf"{_SUBJECT}(?:,\s*\w+,)?\s+{_ADVERB}{_VERB}(?:\s+and\s+\w+)?\b\s*(?:that\s+)?", re.I
)
# Words that state a result: a cue for scoring, widened to pick the result sentence.
_RESULT_WORDS = (
    r"we (?:show|find|demonstrate)|results? (?:show|demonstrate)|outperform|achiev|"
    r"state-of-the-art|improv"
)
_RESULT = re.compile(rf"\b(?:{_RESULT_WORDS})", re.I)
_OURS = re.compile(
    r"\bin this (?:paper|work|study)\b|\bour (?:method|approach|model|framework|system)\b", re.I
)
_BACKGROUND = re.compile(
    rf"^(?:{BACKGROUND_OPENING}|{CONTRAST_OPENING}|they|it|these|those)\b", re.I
)
_CLAUSE_BREAK = re.compile(r"[.,;:]\s|\s(?:which|where|that|while|by|to|and|with)\s")
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
_REPORTING = re.compile(r"\b(?:show|find|demonstrate|prove|reveal|suggest|observe|argue)s?$", re.I)
MIN_CUT_WORDS = 8
MIN_CLAUSE_WORDS = 5  # "We propose Entropy-Adaptive Fine-Tuning (EAFT)" is whole
MIN_INFORMATIVE_WORDS = 8
MIN_STUB_WORDS = 5  # words a trailing piece of a second sentence needs to be kept


def split_sentences(text: str) -> list[str]:
    """Sentences of an abstract (a simple splitter: a stop, then a capital or digit; not
    after an abbreviation such as "w.r.t.")."""
    sentences: list[str] = []
    for part in (s.strip() for s in _SENTENCE_END.split(text.strip())):
        if sentences and sentences[-1].endswith(ABBREVIATIONS):
            sentences[-1] = f"{sentences[-1]} {part}".strip()
        elif part:
            sentences.append(part)
    return sentences


def score_sentence(sentence: str, title: str, abstract: str = "") -> float:
    """How well a sentence states the paper's contribution: cue phrases and title terms, less
    for background ("However, ...", "Recent ...") and links."""
    if _NOISE.search(sentence):
        return -1.0
    terms = {stem(w) for w in content_words(title)}
    overlap = len(terms & {stem(w) for w in content_words(sentence)})
    score = 0.0
    if _STRONG.search(sentence):
        score = 3.0
    elif _OURS.search(sentence):
        score = 2.5
    elif _RESULT.search(sentence):
        score = 1.0
    if _BACKGROUND.search(sentence):
        score -= 1.5
    if any(name in sentence for name in method_names(title, abstract)):
        score += 1.0
    return score + 0.5 * min(overlap, 4)


def key_sentences(title: str, abstract: str, max_chars: int = 800, lead: bool = True) -> str:
    """The best-scoring sentences within ``max_chars``: with ``lead``, the first sentence plus
    the best others in abstract order; without, the best ones best first (a small model
    leans on what it reads first, so the contribution goes there, not the background)."""
    sentences = split_sentences(strip_markup(abstract))
    if not sentences:
        return ""
    scores = [score_sentence(s, title, abstract) for s in sentences]
    if lead:
        scores[0] = float("inf")
    chosen: list[int] = []
    used = 0
    for i in sorted(range(len(sentences)), key=lambda i: -scores[i]):
        if scores[i] < 0 or (chosen and used + len(sentences[i]) + 1 > max_chars):
            continue
        chosen.append(i)
        used += len(sentences[i]) + 1
    text = " ".join(sentences[i] for i in (sorted(chosen) if lead else chosen))
    return text if len(text) <= max_chars else _cut_chars(text, max_chars)


_RESULT_CUE = re.compile(
    rf"\b(?:{_RESULT_WORDS}|results? indicate|experiments? (?:show|demonstrate)|surpass|reduc|"
    r"accelerat|speedup|faster|gain)",
    re.I,
)
MIN_PICK_WORDS = 5


def contribution_and_result(title: str, abstract: str) -> list[str]:
    """The two sentences a TL;DR is edited from, in abstract order: the one that best states
    the contribution, and the best one that states a result (else the runner-up)."""
    sentences = [
        s
        for s in split_sentences(strip_markup(abstract))
        if len(s.split()) >= MIN_PICK_WORDS and not _NOISE.search(s)
    ]
    if not sentences:
        return [title]
    scores = [score_sentence(s, title, abstract) for s in sentences]
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    results = [i for i in order[1:] if _RESULT_CUE.search(sentences[i])]
    chosen = order[:1] + (results or order[1:])[:1]
    return [sentences[i] for i in sorted(chosen)]


def extractive_tldr(title: str, abstract: str) -> str:
    """A whole sentence of the abstract that states the contribution, never a fragment or a
    "<Title label>: <clause>" headline. Each sentence is shown whole or cut cleanly
    (``shown_forms``); the first of, best-ranked first: a contribution sentence that passes
    the checker, any sentence that passes, a contribution sentence, the best-ranked one; the
    best sentence cut at a clause break only when no sentence shows."""
    return closed(_pick(title, abstract))


def misplaced(line: str, title: str, abstract: str) -> bool:
    """Whether the checker refuses an extractive line for what makes it no summary: it points
    at a sentence it does not show ("We instantiate this as X"), or is a side statement (the
    release note, a second contribution, a secondary finding, the background). The title's
    line says more than such a line; other faults (a stray symbol) still leave the line's
    content the paper's."""
    return any(f.code in _MISPLACED for f in _faults(line, title, abstract))


_MISPLACED = frozenset(
    {
        Code.POINTER,
        Code.RELEASE_NOTE,
        Code.SECOND_CONTRIBUTION,
        Code.SECONDARY_FINDING,
        Code.CLOSING_REMARK,
        Code.BACKGROUND,
        Code.OPENING,
    }
)


def closed(line: str) -> str:
    """The line ended as a sentence: a period after its last word (a line without one reads
    as a fragment), none after "?" or a cut's "…"."""
    return line if line.endswith(("?", "…", ".", "!")) else line + "."


def _pick(title: str, abstract: str) -> str:
    ranked = _ranked(title, abstract)
    lines = [line for sentence, _ in ranked for line in shown_forms(sentence) or _trimmed(sentence)]
    # each line that points at what it does not say ("to instill this crucial capability")
    # is also tried without the clause that points
    lines = [form for line in lines for form in dict.fromkeys((line, unpointed(line) or line))]
    # and without a trailing vague manner (", in a compatible manner."), which says nothing
    lines = [form for line in lines for form in dict.fromkeys((line, _unmannered(line)))]
    # A question ("We ask: why ...?") states no contribution: shown only when nothing else is.
    shown = [line for line in lines if not line.endswith("?")] or lines
    if not shown:
        return _fit(capitalise(ranked[0][0].rstrip(" ."))) if ranked else _fit(title)
    faults = {line: _faults(line, title, abstract) for line in shown}
    passing = [line for line in shown if not faults[line]]
    ours = [line for line in shown if _states_contribution(line, title, abstract)]
    # Failing lines that still read alone: no pointer to a sentence not shown, no background,
    # no nameless step ("Our approach is simple: first, ..."), no question ("whether ...").
    standing = [line for line in shown if not _unreadable(line, faults[line])]
    tiers = (
        [line for line in ours if line in passing],
        passing,
        [line for line in ours if line in standing],
        ours,
        standing,
    )
    return next((tier[0] for tier in tiers if tier), shown[0])


# The checker's reasons that make a line unreadable alone, whatever else it says (a pointer
# only when the line opens on it: see _unreadable).
_UNREADABLE = frozenset({Code.OPENING, Code.BACKGROUND, Code.VACUOUS_SUBJECT})
_QUESTION = re.compile(r"(?:whether|if)\s", re.I)


def _unreadable(line: str, faults: list[Reason]) -> bool:
    """Whether a failing line cannot stand alone: it points at an abstract sentence it does
    not show, gives the background, has a nameless subject, or asks rather than answers."""
    pointer = _POINTER_OPENING.match(line) and not _THIS_PAPER.match(line)
    severe = [f for f in faults if f.code in _UNREADABLE or pointer]
    return bool(severe) or bool(_QUESTION.search(_drop_lead(line, always=True)[:80]))


# "This striking result ...", "Such methods ...": the line's subject is an abstract sentence
# it does not show (a pointer later in a line about the method still reads).
_POINTER_OPENING = re.compile(r"^(?:this|these|those|such|that|it|they)\b", re.I)


# A word that needs what follows it: a cut after "comparable" / "similar" reads as cut off.
_NEEDS_MORE = re.compile(
    r"\b(?:comparable|similar|equal|equivalent|superior|inferior|relative|close|prior|due|"
    r"able|according|compared|respect|contrast|addition|order)$",
    re.I,
)


def _trimmed(sentence: str) -> list[str]:
    """An over-long sentence of the paper's own ("We propose X that ..., to model ...") cut
    back to its last clause break within the limit, when nothing shows it whole or cut
    cleanly: what the paper does in its own words beats a sentence of background."""
    text = _drop_lead(" ".join(sentence.split()).rstrip(" ."))
    if not (_SUBJECT_VERB.match(text) or _SELF.match(text)):
        return []
    cut = trim_words(text)
    if not cut or not _is_clause(cut) or bare_participle_end(cut):
        return []
    return [] if _NEEDS_MORE.search(cut) else [cut]


def _states_contribution(line: str, title: str, abstract: str) -> bool:
    """Whether the line says what this paper does or finds: "We ...", "This paper ...", "Our
    method ...", a cue ("... we propose ...", "X is proposed"), or what the named method
    achieves."""
    if _EVALUATES.match(line):
        return False
    if _SUBJECT_VERB.match(line) or _SELF.match(line) or _STRONG.search(line):
        return True
    named = any(name in line for name in method_names(title, abstract))
    return bool(_OURS.search(line) or _PROPOSED.search(line) or (named and _BEATS.search(line)))


# "We evaluate X on Y": what the experiments do, not what the paper contributes.
_EVALUATES = re.compile(
    r"^we (?:\w+ly )?(?:evaluate|conduct|test|tested|compare|run|perform)\b", re.I
)
_PROPOSED = re.compile(r"\b(?:is|are) (?:proposed|introduced|presented|developed)\b", re.I)
_BEATS = re.compile(r"\b(?:outperform|surpass|state-of-the-art|achiev|improv|retain|reduc)", re.I)


_SUBJECT_VERB = re.compile(rf"{_SUBJECT}\s+{_ADVERB}[a-z]{{2,}}\b(?!,)", re.I)
_THIS_PAPER = re.compile(r"^This (?=(?:paper|work|study|survey|report|article)\b)")
_LIST_MARKERS = re.compile(r"(?:^|\s)\d\)\s")


def _faults(line: str, title: str, abstract: str) -> list[Reason]:
    """The checker's reasons against ``line``, less those that misread a sentence copied
    whole: "noun phrase" for "We introduce X, a ..."; "refers to something" for an opening
    "This paper ..."; an "unclosed parenthesis" that is a list's "1) ... 2) ..."; a word the
    authors repeat ("a model that jointly models")."""
    reasons = check_tldr(line, title, abstract)
    spurious = {Code.NEARBY_REPEAT}
    if _SUBJECT_VERB.match(line) or _SELF.match(line):
        spurious.add(Code.NOUN_PHRASE)
    if _THIS_PAPER.match(line) and not _refers_back(_THIS_PAPER.sub("The ", line)):
        spurious.add(Code.POINTER)
    if _LIST_MARKERS.search(line) and not _LIST_MARKERS.sub(" ", line).count("("):
        spurious.add(Code.UNCLOSED)
    return [r for r in reasons if r.code not in spurious]


def _refers_back(line: str) -> bool:
    return any(r.code == Code.POINTER for r in check_form(line))


def _ranked(title: str, abstract: str) -> list[tuple[str, float]]:
    """The abstract's sentences (links and "code is available" dropped), best contribution
    sentence first; a sentence that shows whole or cut cleanly ranks a little higher."""
    sentences = [s for s in split_sentences(strip_markup(abstract)) if not _NOISE.search(s)]
    scored = [(s, _candidate_score(s, title, abstract)) for s in sentences]
    return sorted(scored, key=lambda pair: -pair[1])


def _candidate_score(sentence: str, title: str, abstract: str) -> float:
    score = score_sentence(sentence, title, abstract)
    if _SELF.search(sentence) and not (_STRONG.search(sentence) or _OURS.search(sentence)):
        score += 2.5  # "This survey is the first to ..." states what the paper is
    line = shown_form(sentence)
    if not line:
        return score
    # A line that shows ranks higher, unless it is too short to say what the thing is.
    return score + (0.5 if len(line.split()) >= MIN_INFORMATIVE_WORDS else -0.5)


# A leading phrase before ", we <verb>" ("In this paper,", "To address this gap,") or a lone
# connective ("Specifically,"): dropping it leaves the sentence whole.
_LEAD = re.compile(
    r"^([^.;:]{2,160}?),\s+(?=(?:we|this (?:paper|work|study|survey|report))\s+[a-z])", re.I
)
# A leading phrase that says nothing on its own: it points back, or only connects.
_EMPTY_LEAD = re.compile(r"\b(?:this|these|those|such|that|each|above|here|end)\b", re.I)
_LIST_MARK = re.compile(r"^(?:\(?\d{1,2}\)|\(?[ivx]{1,4}\))\s+(?=[A-Z])")
_CONNECTIVE = re.compile(
    rf"^(?:{CONNECTIVES}|besides|here|concretely|overall|in response|thus|hence|therefore|"
    r"consequently|first|second|third|next|in this (?:paper|work|study|report|survey|article)),\s+",
    re.I,
)
# Trailing commentary a sentence can be cut before and still be whole: ", which ...",
# ", achieving ...", a colon's list, a dash's aside.
_CLEAN_CUT = re.compile(
    r",\s+(?:which|where|while|whereas|thereby|thus|and thus|as well as|"
    # ", trained on 211k songs": a participle's detail after the thing is named
    r"(?:[a-z]+ly\s+)?[a-z]{3,}ing|(?:trained|built|designed|based|obtained|evaluated|"
    r"validated|tested|inspired|motivated|guided|powered|driven|enabled|equipped)\s)\b"
    r"|:\s|;\s|\s+(?:--|—|–)\s+"
)
_SUBORDINATE = re.compile(
    r"^(?:while|whereas|although|though|despite|since|because|as|if|when|unlike|given|to|by|"
    r"for|with|without|through|using|building|motivated|inspired|based|after|before|in|on|"
    r"such|due|once|unless)\b",
    re.I,
)
_SELF = re.compile(
    r"\bthis (?:survey|paper|work|study|report|position paper)\s+(?:is|presents|provides|"
    r"offers|introduces|proposes|investigates|studies|examines)\b",
    re.I,
)
# A finite verb: an auxiliary, a pronoun or "this paper" and its verb, or a cue verb.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|should|does|do|"
    r"did)\b|\b(?:we|it|they|this (?:paper|work|study|survey|report))\s+(?:\w+ly\s+)?[a-z]{2,}",
    re.I,
)


def shown_form(sentence: str, limit: int = MAX_WORDS) -> str | None:
    """``sentence`` as a TL;DR (the first of ``shown_forms``), or None."""
    return next(iter(shown_forms(sentence, limit)), None)


def shown_forms(sentence: str, limit: int = MAX_WORDS) -> list[str]:
    """``sentence`` as a TL;DR, never a fragment: whole, less a leading "In this paper," /
    "To address this," phrase (a leading phrase with content is kept, and also tried
    without); else cut before trailing commentary (", which ...", ", achieving ...") so that
    a complete clause with subject and verb is left; empty if neither fits ``limit``."""
    sentence = _LIST_MARK.sub("", " ".join(sentence.split()), count=1).rstrip(" .")
    # "the first benchmark that provides such a common playing field": the kind it points
    # back to is not in the line; "a common playing field" says the same alone.
    sentence = _SUCH_A.sub(r"\1", sentence)
    texts = list(dict.fromkeys((_drop_lead(sentence), _drop_lead(sentence, always=True))))
    whole = [text for text in texts if len(text.split()) <= limit and not _lone_item(text)]
    if whole:
        return whole
    for match in reversed(list(_CLEAN_CUT.finditer(texts[-1]))):
        head = texts[-1][: match.start()].rstrip(" ,;:")
        if len(head.split()) <= limit and _is_clause(head):
            return [head]
    return []


_SUCH_A = re.compile(r"(?<=\s)such\s+(an?)\b")


def _lone_item(text: str) -> bool:
    """Whether ``text`` holds the first item of a numbered list whose other items the
    sentence splitter put in later sentences ("...: (1) We generate ...")."""
    return bool(_FIRST_ITEM.search(text)) and not _SECOND_ITEM.search(text)


_FIRST_ITEM = re.compile(r"(?:^|\s)\(?(?:1|i)\)\s")
_SECOND_ITEM = re.compile(r"(?:^|\s)\(?(?:2|ii)\)\s")


def _drop_lead(sentence: str, always: bool = False) -> str:
    """``sentence`` without a leading connective ("Specifically,", "Then,") and then without
    a leading phrase before "we ..." when that phrase only points back ("To address this,",
    "In this paper,"), or ``always``."""
    connective = _CONNECTIVE.match(sentence)
    rest = sentence[connective.end() :] if connective else sentence
    lead = _LEAD.match(rest)
    if lead and (always or _EMPTY_LEAD.search(lead.group(1))):
        rest = rest[lead.end() :]
    return capitalise(rest if len(rest.split()) >= MIN_CLAUSE_WORDS else sentence)


def _is_clause(head: str) -> bool:
    """Whether ``head`` can stand as a sentence: enough words, a subject-and-verb start (not a
    subordinate "While ..." / "To ..." phrase), a finite verb, nothing left open (a bracket,
    "we show", a numbered list cut after its first items)."""
    balanced = head.count("(") == head.count(")") and head.count('"') % 2 == 0
    dangling = _REPORTING.search(head) or _OPEN_END.search(head) or _LIST_START.search(head)
    return (
        len(head.split()) >= MIN_CLAUSE_WORDS
        and balanced
        and not dangling
        and not _SUBORDINATE.search(head)
        and bool(_FINITE.search(head) or _STRONG.search(head))
    )


# A list begun in the head (numbered, or after a colon): a cut in it drops the items after.
_LIST_START = re.compile(r"(?:^|\s)\(?(?:1|i|a)\)\s|:\s")
_OPEN_END = re.compile(r"\b(?:that|the|a|an|of|and|or|to|for|with|by|in|on)$", re.I)


def _fit(text: str, limit: int = MAX_WORDS) -> str:
    """``text`` cut to ``limit`` words, at a clause break when one leaves enough words."""
    if len(text.split()) <= limit:
        return " ".join(text.split())
    return trim_words(text, limit) or " ".join(text.split()[:limit]).rstrip(" ,;:") + "…"


def trim_words(text: str, limit: int = MAX_WORDS, min_words: int = MIN_CUT_WORDS) -> str | None:
    """The longest prefix of ``text`` of at most ``limit`` words that ends at a sentence or
    clause break, keeps at least ``min_words`` words, and leaves nothing dangling (an open
    parenthesis, "we show", a stub of a second sentence); None if there is none."""
    words = text.split()
    head = " ".join(words[:limit])
    if len(words) > limit:
        head += " "  # so a break right after the last kept word is seen
    ends = [m.start() for m in _SENTENCE_BREAK.finditer(head)]
    for cut in reversed([m.start() for m in _CLAUSE_BREAK.finditer(head)]):
        kept = head[:cut].rstrip(" ,;:")
        last_end = max((e for e in ends if e < cut), default=None)
        stub = last_end is not None and len(head[last_end:cut].split()) < MIN_STUB_WORDS
        dangling = stub or kept.count("(") != kept.count(")") or _REPORTING.search(kept)
        if len(kept.split()) >= min_words and not dangling:
            return kept
    return None


def _cut_chars(text: str, limit: int) -> str:
    head = text[:limit]
    space = head.rfind(" ")
    return (head[:space] if space > limit // 2 else head).rstrip() + " …"


# "this crucial capability", "these modules": a demonstrative on a noun the line never says.
# ("those obtained with ..." says what it stands for)
_POINTER = re.compile(
    rf"\b(?:this|these)\s+(?!(?:{OWN_WORK}|way)\b)[a-z]"
    r"|\bthose\s+(?!(?:\w+ed|of|that|which|who|in|on|from|with|for)\b)[a-z]",
    re.I,
)
# Where the clause holding the pointer starts: a relative, a purpose "to", a participle.
_POINTER_CLAUSE = re.compile(
    r",?\s+(?:that|which|to|where|(?:designed|aimed|intended|built|tailored)\s+to)\s"
    r"|,\s+(?=[a-z]+ing\s)|\s+and\s+(?=[a-z]+ing\s)"
)


def _unmannered(line: str) -> str:
    """``line`` without its trailing ", in a compatible manner" (the same line when it has none)."""
    return closed(VAGUE_MANNER.sub("", line))


def unpointed(line: str) -> str | None:
    """``line`` cut before the clause that points at something it does not say ("We introduce
    X, a methodology designed to instill this crucial capability" -> "We introduce X, a
    methodology"), None when it has no such pointer or too little is left."""
    pointer = _POINTER.search(line)
    if pointer is None:
        return None
    for cut in reversed([m.start() for m in _POINTER_CLAUSE.finditer(line[: pointer.start()])]):
        kept = line[:cut].rstrip(" ,;:")
        if len(kept.split()) < MIN_CLAUSE_WORDS or not _is_clause(kept):
            return None
        # "improvements comparable [to ...]" reads cut off; so does "... and a method [to mask
        # these tokens]", a list's last item cut down to its kind noun: an earlier cut is tried
        if (
            not _NEEDS_MORE.search(kept)
            and not bare_kind_end(kept)
            and not bare_participle_end(kept)
        ):
            return closed(kept)
    return None


# A clause that points ("designed to instill this crucial capability", "that instantiates this
# formalism from descriptions"): a purpose or relative clause, a few words long, saying no how
# ("designed to overcome these limitations by shifting to X" keeps its how and the pointer).
_SKIPPABLE = re.compile(
    r",?\s+(?:that|which|(?:designed|aimed|intended|built|tailored)\s+to)\s+[^,;:]*$", re.I
)
_HOW_WORD = re.compile(r"\b(?:by|through|via|using)\b", re.I)
MAX_SKIPPED_WORDS = 10


def pointer_skipped(line: str) -> str | None:
    """``line`` without a clause in its middle that points at something it does not say, when
    the line goes on after it with an -ing clause ("X is a methodology designed to instill this
    crucial capability, involving A and B" -> "X is a methodology, involving A and B"); None
    when it has no such clause."""
    pointer = _POINTER.search(line)
    if pointer is None or _POINTER.search(line, pointer.end()):
        return None
    start = _SKIPPABLE.search(line[: pointer.start()])
    comma = line.find(",", pointer.end())
    if start is None or comma < 0 or not re.match(r",\s+[a-z]+ing\s", line[comma:]):
        return None
    clause = line[start.start() : comma]
    if len(clause.split()) > MAX_SKIPPED_WORDS or _HOW_WORD.search(clause):
        return None
    kept = line[: start.start()].rstrip(" ,;:")
    if len(kept.split()) < MIN_CLAUSE_WORDS or not _is_clause(kept):
        return None
    return f"{kept}{line[comma:]}"
