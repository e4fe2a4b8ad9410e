"""Meaning-level checks of one answer sentence against the abstract it cites. Pure functions.

The word-overlap check in ``grounding`` passes wrong sentences the tiny model builds from the
abstract's own words ("65.8% on CLEVRER" when 65.8% is the MMVU figure). These checks read the
structure of the text instead:

- binding: every number is bound to the same names as in the source. In a sentence, a name
  before the first number is the subject of all its numbers; any other name is bound to the
  numbers next to it (no other number in between).
- clauses: in a source sentence of several statements, the verb, measure and setting a claim
  gives a number come from the number's own statement ("validated approximately 1100", not
  "generated approximately 1100"; ``misbound_numbers``).
- credit: a number the claim credits to a name is credited to that name in the source, not
  only to another system named before it there (``credited_elsewhere``).
- foreign facts: no name or distinctive word that only another retrieved paper has;
- polarity: reduce vs increase, an alternative to vs an application of, negation;
- form: no self-repetition, no garbled name slot ("a module called to aggregate"), no echo of
  the title or the question.

``answers_name`` tells whether a sentence gives the name a "what is it called" question asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from assistant.names import name_tokens, spelled
from assistant.phrasing import EMPTY_NAME
from assistant.pipeline.text import STOPWORDS, content_words, entities, numbers, stems

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)?(?:%|x|×)?|[a-z]+_[\w\-]+|[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]|[A-Za-z]"
)  # "pi_0" is one token: a name with its subscript
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)?(?:%|x|×)?$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")
FOREIGN_WORDS = 2  # distinctive words of another retrieved paper that make a claim borrowed
ECHO_NEW_WORDS = 1  # a sentence adding at most this many words to the title and question echoes
REPEAT_NGRAM = 4  # a run of this many words said twice in one sentence is repetition

# Direction words: a claim going one way where the source only goes the other is reversed.
_UP = r"increas|improv|rais|boost|enhanc|higher|more|better|gain|outperform|strengthen|accelerat"
_DOWN = r"reduc|decreas|lower|less|fewer|degrad|wors|drop|declin|hurt|weaken|shrink|cut"
_POLES = (re.compile(rf"\b(?:{_UP})\w*", re.I), re.compile(rf"\b(?:{_DOWN})\w*", re.I))
# How a method relates to another: an alternative to X is not an application of X.
_INSTEAD = re.compile(r"\b(?:alternative to|instead of|replac\w*|without|rather than|free)\b", re.I)
_USES = re.compile(
    r"\b(?:application of|applies|applying|based on|built on|extension of|extends|relies on|"
    r"uses|using|variant of|form of|type of)\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|neither|nor|fails? to|unable)\b|n't\b", re.I)
KINDS = (
    r"(?:(?:method|model|framework|system|technique|algorithm|benchmark|dataset|architecture|"
    r"module|approach|tool|metric|loss|agent|library|mechanism|function|scheme|"
    r"objective|operator|optimi[sz]er|paradigm|pipeline|network|encoder|decoder|"
    r"protocol|procedure|regulari[sz]er|estimator|backbone|variant|extension|corpus|router|"
    r"simulator|leaderboard|baseline|platform|robot|language)s?"
    # "strategies", "policies": the plural of a kind ending in "y".
    r"|(?:strateg|polic|famil)(?:y|ies))"
)
# "X introduces which new task?": what a paper introduces is named (not "introduces what as
# a dynamic switcher?", which asks for the thing however it is called).
COINING_VERBS = r"introduc|propos|present"  # stems of the verbs a paper introduces its work with
# The authors as the subject of a verb, perhaps after one word: "we (further) ...", "this paper
# ...". Followed by a verb's stem, it says what the paper itself does.
AUTHORS_DO = r"\b(?:we|this (?:paper|work|study))\s+(?:\w+\s+)?"
# A sentence introducing the paper's work: "we propose X", "this paper presents X".
INTRODUCES_WORK = re.compile(rf"{AUTHORS_DO}(?:{COINING_VERBS})\w*", re.I)
# "We term this effect ...", "We refer to this as X": the paper names what it has just described.
WE_NAME_IT = r"we\s+(?:term|call|name|dub|refer\s+to)\s+(?:this|these|such|it|them)\b"
COINING_WH = rf"\b(?P<coins>{COINING_VERBS})\w*\s+(?:which|what)\s+(?:new\s+)?[\w-]+\s*\?"
COINING_QUESTION = re.compile(COINING_WH, re.I)
# "Which operation on model weights ...?" asks for an operation: the kind after "which" is
# not one a preposition brings in.
_NOT_OF = r"(?!(?:on|of|in|for|with|to|from|by|at|over|across)\b)"
# "... proposed in recent work by which author?" asks for the cited authors' names.
AUTHOR_WH = (
    r"\b(?:which|what) (?:authors?|researchers?)\b|\bwho (?:proposed|introduced|developed)\b"
)
AUTHOR_QUESTION = re.compile(AUTHOR_WH, re.I)
# "What do models converge toward ...?" asks what they do: a kind right after "do" with no
# article is the subject of the ask, not the kind of name it wants.
_NOT_SUBJECT = rf"(?!(?:do|does|did)\s+{KINDS}\b)"
_NAME_QUESTION = re.compile(
    rf"\b(?:called|named|the name|what is (?:it|the \w+) called|(?:which|what) "
    rf"(?:{_NOT_OF}{_NOT_SUBJECT}[\w-]+ )"
    rf"{{0,2}}{KINDS}\b|{COINING_WH})|{AUTHOR_WH}",
    re.I,
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def source_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def _number(token: str) -> str | None:
    if not _NUMBER_TOKEN.match(token):
        return None
    return token.rstrip("%x×").replace(",", "")


def _name(token: str) -> str | None:
    return token.lower() if entities(token) else None


def bindings(sentence: str) -> dict[str, set[str]]:
    """Each name of a sentence and the numbers it is bound to: a name before the first number
    is the subject of them all; any other name is bound to its nearest number on each side."""
    toks = tokens(sentence)
    at = [(i, n) for i, t in enumerate(toks) if (n := _number(t)) is not None]
    if not at:
        return {}
    bound: dict[str, set[str]] = {}
    for i, token in enumerate(toks):
        name = _name(token) if _number(token) is None else None
        if name is None:
            continue
        if i < at[0][0]:
            near = {n for _, n in at}
        else:
            before = [n for j, n in at if j < i][-1:]
            after = [n for j, n in at if j > i][:1]
            near = {*before, *after}
        bound.setdefault(name, set()).update(near)
    return bound


def unbound_numbers(claim: str, source: str) -> list[str]:
    """Claim numbers attached to a name the source binds only to other numbers."""
    source_bound: dict[str, set[str]] = {}
    for sentence in source_sentences(source):
        for name, nums in bindings(sentence).items():
            source_bound.setdefault(name, set()).update(nums)
    wrong = []
    for name, nums in bindings(claim).items():
        known = source_bound.get(name)
        if known and not nums & known:
            wrong.extend(sorted(nums))
    return wrong


# A sentence of several statements ("... achieve only 30% success rate on cross-scenario tasks,
# and less than 50% success rate on others"): a claim's number keeps the words of its own
# statement. The tiny model lends a number the setting or verb of the statement next to it.
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but)\b|;|\b(?:while|whereas)\b", re.I)
_PIECE = re.compile(rf"{_TOKEN.pattern}|[,;]")
_NUMBER_GAP = frozenset({"and", "or", "but", ","})  # where two numbers' statements part
# Where a number's measure and setting ("47.8% prediction accuracy on X") end: a comparison or
# a purpose may be said of the whole sentence ("54.6% speedup compared to a 7B model trained
# on 300B tokens", "only 2000 pairs to learn identity control").
_SLOT_END = _NUMBER_GAP | set(
    """; while whereas compared relative versus vs than over against with by from to using
    when after before which that is are was were be been""".split()
)
# Words between a verb and its number: "validated approximately 1100", "an accuracy of 47.8%".
_HEDGES = frozenset(
    """about approximately around roughly nearly almost only just over under up to less more
    than below above of by at least most some a an the""".split()
)
# Verbs of reaching say the same of a number; "generated" and "validated" do not.
_REACHING = frozenset(stems({"reach", "achieve", "attain", "get", "got", "score", "obtain"}))


def _key(word: str) -> str:
    stem = next(iter(stems({word.lower()})))
    return "reach" if stem in _REACHING else stem


def _is_word(token: str) -> bool:
    return _number(token) is None and token not in ",;" and token.lower() not in STOPWORDS


def statements(sentence: str) -> list[list[str]]:
    """The sentence's tokens cut into statements: at clause breaks, and between two numbers at
    the last "and", "or", "but" or comma between them. A "respectively" list, or a bare list
    of numbers ("45.1%, 50.2% and 60.3% on A, B and C"), is one statement: its numbers share
    their words."""
    parts = []
    for clause in _CLAUSE_BREAK.split(sentence):
        toks = _PIECE.findall(clause)
        if "respectively" in sentence.lower():
            parts.append(toks)
            continue
        edges = [0, *_number_cuts(toks), len(toks)]
        parts += [toks[a:b] for a, b in pairwise(edges)]
    return [p for p in parts if p]


def _number_cuts(toks: list[str]) -> list[int]:
    """Where statements part between consecutive numbers. Two numbers with no word between them
    (a bare list: "by 183.7%, 1.9%, and 7.9%") stay together, without keeping the rest of the
    clause from parting ("generated about 5,000 ideas and validated 1100 of them, ... by ...")."""
    at = [i for i, t in enumerate(toks) if _number(t) is not None]
    cuts = []
    for i, j in pairwise(at):
        gap = [k for k in range(i + 1, j) if toks[k].lower() in _NUMBER_GAP]
        if not gap:
            continue  # "from 26.4% to 13.2%": one statement
        if not any(_is_word(t) for t in toks[i + 1 : gap[-1]]):
            continue
        cuts.append(gap[-1])
    return cuts


def _slots(part: list[str], at: int) -> tuple[str | None, set[str]]:
    """The verb before the number at ``at`` (past hedges; None if the statement leaves it out)
    and the words after it up to the statement's end: what the number measures, and where."""
    k = at - 1
    while k >= 0 and part[k].lower() in _HEDGES:
        k -= 1
    verb = part[k] if k >= 0 and _is_word(part[k]) else None
    after: set[str] = set()
    for token in part[at + 1 :]:
        if _number(token) is not None or token.lower() in _SLOT_END:
            break
        if _is_word(token):
            after.add(token)
    return verb, after


def _number_slots(text: str) -> dict[str, list[tuple[int, str | None, set[str]]]]:
    """Each number of ``text`` with its statement's index and its slots."""
    found: dict[str, list[tuple[int, str | None, set[str]]]] = {}
    for index, part in enumerate(statements(text)):
        for at, token in enumerate(part):
            if (number := _number(token)) is not None:
                found.setdefault(number, []).append((index, *_slots(part, at)))
    return found


def _moved_words(claim_slots: tuple[str | None, set[str]], sentence: str, number: str) -> bool:
    """The claim gives the number a word that its sentence says only in another statement.
    Only slots the number's own statement fills are read: an elided verb or a measure said
    as "of them" is shared with the statement before."""
    parts = [{_key(t) for t in p if _is_word(t)} for p in statements(sentence)]
    homes = _number_slots(sentence).get(number, [])
    own = set().union(*(parts[i] for i, _, _ in homes))
    other = set().union(*(w for i, w in enumerate(parts) if i not in {h[0] for h in homes}))
    verb, after = claim_slots
    said = {verb} if verb and any(v for _, v, _ in homes) else set()
    said |= after if any(a for _, _, a in homes) else set()
    return any(_key(w) not in own and _key(w) in other for w in said if w)


# A setting a claim may put before its number ("on reaction tasks by up to 46%").
_SETTING_BEFORE = frozenset("on in across at for over under".split())  # part of PREPOSITIONS
SETTING_BEFORE_WORDS = 5  # words of a setting before a number that count as its own


def _setting_before(part: list[str], at: int) -> set[str]:
    """The words of a setting right before the number at ``at``, past its hedges: "reaction
    tasks" of "surpasses DeepSeek-R1 on reaction tasks by up to 46%"."""
    k = at - 1
    while k >= 0 and part[k].lower() in _HEDGES:
        k -= 1
    words: list[str] = []
    while k >= 0 and len(words) < SETTING_BEFORE_WORDS:
        if part[k].lower() in _SETTING_BEFORE:
            return set(words)
        if not _is_word(part[k]):
            return set()
        words.append(part[k])
        k -= 1
    return set()


def _claim_slots(claim: str) -> dict[str, list[tuple[int, str | None, set[str]]]]:
    """``_number_slots`` of the claim, a setting before a number counting as said after it:
    the claim may move "on B" before the number its source says it after."""
    found = _number_slots(claim)
    for index, part in enumerate(statements(claim)):
        for at, token in enumerate(part):
            if (number := _number(token)) is not None and (before := _setting_before(part, at)):
                found[number] = [(i, v, a | before) for i, v, a in found[number] if i == index]
    return found


def misbound_numbers(claim: str, source: str) -> list[str]:
    """Claim numbers given the verb, measure or setting of another statement of the source
    sentence that holds them ("generated approximately 1100" where 1100 were validated; "on
    reaction tasks by up to 46%" where 46% is on molecular tasks), in every source sentence
    that holds them."""
    sentences = [s for s in source_sentences(source) if len(statements(s)) > 1]
    wrong = []
    for number, slots in _claim_slots(claim).items():
        homes = [s for s in source_sentences(source) if number in _number_slots(s)]
        if not homes or any(s not in sentences for s in homes):
            continue
        moved = [_moved_words((verb, after), s, number) for _, verb, after in slots for s in homes]
        if all(moved):
            wrong.append(number)
    return sorted(wrong)


# Whom a number is credited to: the names before it in its sentence, leaving out settings
# ("On RepoCraft, ZeroRepo produces") and comparisons ("Compared to ... VLMs, InfiniteVL
# achieves"); a sentence opening on a pronoun ("It attains 81.5%") credits the names of the
# sentence before. A TL;DR stitched from two sentences lends one system's number to another
# ("Mobile-Agent-v3 ..., achieving 34.9" where TRPO achieves it).
# The prepositions that open a setting or a measure's object ("on MMLU", "of 47.8%").
PREPOSITIONS = frozenset("on in at for with across over from to of by under than".split())
_SETTING = PREPOSITIONS | {"against"}  # "against GPT-4o": a comparison's name, not a credit
_COMPARED = frozenset("compared versus vs than unlike".split())
_PRONOUN_OPENING = re.compile(r"^(?:it|they|its|their)\b", re.I)


def _credited(pieces: list[str]) -> set[str]:
    """The names among ``pieces`` (tokens and commas) that are neither a setting (right after
    on/in/for/...) nor inside a comparison (from "compared" to the next comma)."""
    names: set[str] = set()
    compared = False
    for i, token in enumerate(pieces):
        compared = (compared or token.lower() in _COMPARED) and token not in ",;"
        before = pieces[max(0, i - 2) : i]
        setting = bool(before) and (
            before[-1].lower() in _SETTING
            or (len(before) == 2 and before[0].lower() in _SETTING and before[1].islower())
        )
        if _number(token) is None and (name := _name(token)) and not (setting or compared):
            names.add(name)
    return names


def _credited_in(sentences: list[str], k: int, number: str) -> set[str]:
    """The names sentence ``k`` credits ``number`` to (empty: an unnamed "we" or "our method")."""
    pieces = _PIECE.findall(sentences[k])
    at = next(i for i, t in enumerate(pieces) if _number(t) == number)
    names = _credited(pieces[:at])
    if not names and k > 0 and _PRONOUN_OPENING.match(sentences[k]):
        names = _credited(_PIECE.findall(sentences[k - 1]))
    return names


def _named(name: str, claim_names: set[str], claim: str, source: str) -> bool:
    """The claim names ``name``: as itself or a variant ("gui-owl" for "gui-owl-7b"), or by
    the capitalised words the source spells it out with ("Cache-to-Cache (C2C)")."""
    if any(name.startswith(n) or n.startswith(name) for n in claim_names):
        return True
    spelled_out = re.findall(rf"([A-Z][\w-]*)\s*\(\s*{re.escape(name)}\s*\)", source, re.I)
    return any(w.casefold() in claim.casefold() for w in spelled_out)


def _standalone(token: str, text: str) -> bool:
    """``token`` stands as a number somewhere in ``text``, not as a piece of a name
    ("Embodied-R1.5", "Keye-VL-2.0-30B")."""
    return bool(re.search(rf"(?<![\w.\-]){re.escape(token)}(?![\w\-])", text))


def credited_elsewhere(claim: str, source: str) -> list[str]:
    """Claim numbers the claim credits to a name of its own while every source sentence that
    holds them credits them to other names the claim never gives."""
    pieces = _PIECE.findall(claim)
    names = {n for t in pieces if _number(t) is None and (n := _name(t))}
    sentences = source_sentences(source)
    wrong = []
    for at, token in enumerate(pieces):
        number = _number(token)
        if number is None or not _standalone(token, claim) or not _credited(pieces[:at]):
            continue
        homes = [k for k, s in enumerate(sentences) if number in _number_slots(s)]
        credits = [_credited_in(sentences, k, number) for k in homes]
        if homes and all(
            c and not any(_named(n, names, claim, source) for n in c) for c in credits
        ):
            wrong.append(number)
    return sorted(set(wrong))


NUMBER_CONTEXT = 0.34  # share of the claim's words the source sentence of its number must hold


def stray_numbers(claim: str, source: str) -> list[str]:
    """Claim numbers whose source sentences share little of the claim's wording: the number
    was taken from another statement of the abstract ("from 2.5 to 0.4" for "26.4% to 13.2%")."""
    words = stems(content_words(claim))
    stray = []
    for number in sorted(numbers(claim)):
        homes = [s for s in source_sentences(source) if number in numbers(s)]
        shared = [len(words & stems(content_words(s))) / max(1, len(words)) for s in homes]
        if homes and max(shared) < NUMBER_CONTEXT:
            stray.append(number)
    return stray


def foreign_facts(claim: str, cited: str, others: Sequence[str], question: str) -> list[str]:
    """Names and numbers, or several distinctive words, that the cited paper lacks but another
    retrieved paper has: a fact borrowed from the wrong paper."""
    if not others:
        return []
    elsewhere = " ".join(others)
    names = entities(claim) - entities(cited) - entities(question)
    borrowed = sorted(n for n in names if n in entities(elsewhere))
    borrowed += sorted((numbers(claim) - numbers(cited) - numbers(question)) & numbers(elsewhere))
    words = stems(content_words(claim)) - stems(content_words(f"{cited} {question}"))
    shared = words & stems(content_words(elsewhere))
    if len(shared) >= FOREIGN_WORDS:
        borrowed += sorted(shared)
    return borrowed


def negations(text: str) -> int:
    """How many negations ``text`` makes ("not", "never", "fails to", "n't", ...)."""
    return len(_NEGATION.findall(text))


def reversed_polarity(claim: str, best_sentence: str, source: str) -> list[str]:
    """Ways the claim turns the source around: a direction the source never takes while it
    takes the opposite one, "an application of" what the source calls the alternative, or a
    negation the closest source sentence lacks."""
    found = []
    for pole, opposite in (_POLES, _POLES[::-1]):
        if pole.search(claim) and not pole.search(source) and opposite.search(source):
            found.append(f"direction: {pole.search(claim).group(0)}")  # type: ignore[union-attr]
    if _USES.search(claim) and _INSTEAD.search(best_sentence) and not _USES.search(source):
        found.append("relation: an application of what the source replaces")
    if negations(claim) > negations(best_sentence):
        found.append("negation the source does not make")
    return found


def repeats_itself(claim: str) -> bool:
    """A run of REPEAT_NGRAM words said twice, or a word doubled ("the the")."""
    words = [w.lower() for w in tokens(claim)]
    if any(a == b and not a.isdigit() for a, b in pairwise(words)):
        return True
    named = [w for w in tokens(claim) if entities(w) or _NUMBER_TOKEN.match(w)]
    if len(named) != len(set(named)):  # "NeRF-GS jointly optimizes NeRF-GS", "1,079 ... 1,079"
        return True
    grams = [tuple(words[i : i + REPEAT_NGRAM]) for i in range(len(words) - REPEAT_NGRAM + 1)]
    return len(grams) != len(set(grams))


# "What does RoboScape jointly learn with ...?": the verb whose object the question asks for.
_ASKS_OBJECT = re.compile(r"\bwhat (?:does|do|did) ([^?]+)", re.I)


def empty_object(claim: str, question: str) -> bool:
    """The claim says the verb the question asks the object of, then nothing: "RoboScape
    jointly learns and generates videos" for "What does RoboScape jointly learn?". The slot
    that holds the answer is empty, as in "a module called to aggregate"."""
    asked = _ASKS_OBJECT.search(question)
    if asked is None:
        return False
    words = tokens(asked.group(1))
    cut = next((i for i, w in enumerate(words) if w.lower() in PREPOSITIONS | {"as"}), len(words))
    if cut < 2:  # no subject before the verb
        return False
    verb = stems({words[cut - 1].lower()})
    said = re.findall(r"[\w'-]+|[,.;:]", claim)
    return any(
        stems({word.lower()}) == verb and after.lower() in _NO_OBJECT
        for word, after in pairwise([*said, "."])
    )


_NO_OBJECT = frozenset({"and", "or", ",", ".", ";", ":"})  # what may not follow the asked verb


def garbled(claim: str) -> bool:
    """An empty name slot, an unclosed bracket, or a sentence cut off at a function word."""
    if EMPTY_NAME.search(claim):
        return True
    if claim.count("(") != claim.count(")"):
        return True
    last = tokens(claim)[-1:] or [""]
    return last[0].lower() in {"the", "a", "an", "of", "to", "and", "or", "with", "by", "for"}


def echoes(claim: str, title: str, question: str) -> bool:
    """The sentence adds at most ECHO_NEW_WORDS words, and no number or name, to the title and
    question."""
    added = stems(content_words(claim)) - stems(content_words(f"{title} {question}"))
    named = names(claim) - names(question) - content_words(question)  # the name asked for
    return len(added) <= ECHO_NEW_WORDS and not numbers(claim) - numbers(question) and not named


def asks_for_name(question: str) -> bool:
    return bool(_NAME_QUESTION.search(question))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# A capitalised word opening a quotation may open a quoted sentence ("such as “Detect the
# bench ...”"), but a short quotation closed within four words is a name: “Active Model”
# (sanitize turns TeX's ``Active Model'' into it).
_QUOTED_NAME = re.compile(r"[^\s“”]+(?:\s[^\s“”]+){0,3}”")
_GENERIC = frozenset(
    """According Additionally Also Although And Based But Compared Finally
    First For Furthermore However Moreover Notably Overall Specifically The Their These They
    This Those Thus Together Unlike When While With""".split()
)


def names(text: str) -> set[str]:
    """Names in ``text``, lower-cased: acronyms and mixed case (``entities``), and capitalised
    words that do not start a sentence ("the Softplus activation")."""
    found = set(entities(text))
    for match in _CAPITALISED.finditer(text):
        head = text[: match.start()].rstrip()
        opens = head.endswith((".", "!", "?", ":", '"')) or (
            head.endswith("“") and not _QUOTED_NAME.match(text, match.start())
        )
        if head and not opens and match.group(0) not in (_GENERIC):
            found.add(match.group(0).lower())
    return found


KIND_WORD = re.compile(rf"\b{KINDS}\b", re.I)
NAME_NEAR_KIND = 3  # tokens between a name and the kind of thing asked ("the NeuraLadder dataset")


# A sentence that opens by pointing back ("However, these models ...", "This algorithm ...",
# "Thus, ..."): quoted on its own, its referent is lost and it may read as said of the answer.
_LEANS_BACK = re.compile(
    r"^\W*(?:(?:however|thus|hence|therefore|moreover|furthermore|additionally|also|yet|"
    r"consequently|in addition|to this end|to address this)\b,?\s*)?"
    r"(?:(?:these|this|those|such|it|they|their|its)\b(?!\s+(?:paper|work|study)\b)|"
    r"(?:however|thus|hence|therefore|consequently)\b)",
    re.IGNORECASE,
)


def leans_back(sentence: str) -> bool:
    """The sentence opens by pointing back at what an earlier sentence said."""
    return bool(_LEANS_BACK.search(sentence))


def kind_of(token: str) -> str:
    """A kind word in the singular, lower case: "policies" is a policy, "models" a model,
    "losses" a loss."""
    word = token.lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_kind(token: str) -> bool:
    """A word for a kind of thing a name can name: method, dataset, framework, ..."""
    return bool(KIND_WORD.fullmatch(token))


def answers_name(claim: str, question: str, source: str) -> bool:
    """The claim states a name of the source that the question does not already hold: the
    "Self-Play" of "... alternates between Self-Play and RLVR" is the question's "self-play"."""
    return bool(new_names(claim, question) & (names(source) | content_words(source)))


def new_names(sentence: str, question: str) -> set[str]:
    """The names of ``sentence`` that the question lacks, however it spells them: the
    "Vision", "Language", "Models" and "VLMs" of "Vision-Language Models (VLMs)" are its
    "VLM"."""
    new = names(sentence) - given_words(question)
    spelled_out = {t for name in names(question) for t in spelled(name, sentence)}
    return {n for n in new if not set(name_tokens(n)) <= spelled_out}


def given_words(question: str) -> set[str]:
    """The question's names and words, with the parts of its hyphenated words: "three-stage"
    gives the "Three" and "Stage" of "a Three-Stage Progressive Training strategy"."""
    words = content_words(question)
    return names(question) | words | {p for w in words for p in w.split("-") if p}


_PLACEHOLDER = re.compile(r"\[n\]\s*[A-Za-z0-9(]", re.I)  # "[n] datasets": a number left out
_ENDS = re.compile(r"[.!?][\"”’')\]]*\s*(?:\[[\d,; n]+\]\s*)*[.!?]?[\"”’')]*$")
_OPENINGS = re.compile(r"^\W*(?:title\s*:|(?:it is|this answer|the citations?)\b)", re.I)
# "Our main finding is that ...", copied without quotation marks, reads as the assistant's own
# finding; the abstract's sentence is quoted instead.
_AUTHORS_VOICE = re.compile(r"\b(?:we|our)\b", re.I)  # not "us": "US patents"
COPY_MIN = 0.6  # share of a sentence's word pairs the source must hold: a looser paraphrase of
# the tiny model is as often wrong as right, and no check here tells which (claims dev split)
REPEAT_EARLIER = 0.7  # share of a sentence's words an earlier draft sentence already said


def malformed(raw: str) -> str | None:
    """Why a raw draft sentence is not worth checking: cut off by the token limit, a number
    left as the prompt's "[n]", a title echoed, an opening with no referent ("It is ..."), or
    the authors' voice ("We show ...")."""
    if not _ENDS.search(raw.strip()):
        return "cut off"
    if _PLACEHOLDER.search(raw):
        return "placeholder instead of a number or name"
    if _OPENINGS.search(raw):
        return "opens with no referent"
    if _AUTHORS_VOICE.search(raw):
        return "speaks in the authors' voice"
    return None


def copied_share(claim: str, source: str) -> float:
    """Share of the claim's adjacent word pairs that occur in the source."""
    pairs = _pairs(claim)
    return len(pairs & _pairs(source)) / len(pairs) if pairs else 0.0


REWORD_COPY_MIN = 0.3  # word pairs a rewording must still share: not a salad of the words


def reworded(claim: str, quote: str) -> bool:
    """The claim says the quote over in another order, bringing nothing of its own ("The ...
    technique that generates ... is called D2NWG" of "we introduce D2NWG, a ... technique").
    Not for numbers: which thing a number measures is where the tiny model errs, and only the
    copied wording holds a number to its thing. Nor where the quote names a thing the claim
    leaves out: the words moved may have described that thing."""
    return (
        not numbers(claim)
        and names(quote) <= names(claim)
        and covered_by(claim, quote)
        and copied_share(claim, quote) >= REWORD_COPY_MIN
    )


def covered_by(claim: str, sentence: str) -> bool:
    """Every word and number of the claim is in the sentence, but for function words and "is
    called": words the stop list drops count here ("not", "more", "use", "papers"), as a
    changed relation or subject is a word of the claim's own. (Binding and polarity are
    checked on their own.)"""
    return _words(claim) <= _words(sentence) | NAMING and numbers(claim) <= numbers(sentence)


_FUNCTION_WORDS = frozenset(
    """a an the of to in on at for and or by with from as is are was were be been being that
    which this these those it its their into onto via""".split()
)
NAMING = frozenset(stems({"called", "named"}))  # "X is called Y" says only what the source says


def _words(text: str) -> set[str]:
    """Stems of the words of ``text`` but function words and numbers, names included."""
    return stems(
        {t.lower() for t in tokens(text) if _number(t) is None and t.lower() not in _FUNCTION_WORDS}
    )


def _pairs(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in tokens(text)]
    return set(pairwise(words))


def names_the_answer(claim: str, question: str, title: str) -> bool:
    """The claim is the question (or the title) said back with a name or number added: "The
    scaling law ... is called BiMix." Such a sentence needs no copied wording; the name or
    number is checked on its own."""
    added = names(claim) - names(question) | numbers(claim) - numbers(question)
    said = stems(content_words(f"{question} {title}")) | stems(added)
    return bool(added) and len(stems(content_words(claim)) - said) <= 1


def repeats_earlier(claim: str, earlier: Sequence[str]) -> bool:
    """Most of the claim's words were said by an earlier sentence of the same draft."""
    words = stems(content_words(claim))
    return bool(words) and any(
        len(words & stems(content_words(e))) / len(words) >= REPEAT_EARLIER for e in earlier
    )


def sentence_problem(raw: str, earlier: Sequence[str]) -> str | None:
    """Why a raw draft sentence is dropped before any source is read, or None."""
    if problem := malformed(raw):
        return problem
    return "repeats an earlier sentence" if repeats_earlier(raw, earlier) else None


def problems(
    claim: str,
    *,
    title: str,
    abstract: str,
    best_sentence: str,
    question: str,
    others: Sequence[str] = (),
) -> list[str]:
    """Why ``claim`` does not say what its cited paper says; empty when nothing is found."""
    source = f"{title}. {abstract}"
    found = [f"number bound to other names: {n}" for n in unbound_numbers(claim, source)]
    found += [f"number from another statement: {n}" for n in stray_numbers(claim, source)]
    found += [f"number with another clause's words: {n}" for n in misbound_numbers(claim, source)]
    if copied_share(claim, source) < COPY_MIN and not names_the_answer(claim, question, title):
        found.append("paraphrase too loose to check")
    found += [f"from another paper: {f}" for f in foreign_facts(claim, source, others, question)]
    found += reversed_polarity(claim, best_sentence, source)
    flaws = {
        "repeats itself": repeats_itself(claim),
        "garbled": garbled(claim),
        "echoes the title or question": echoes(claim, title, question),
        "the object the question asks for is missing": empty_object(claim, question),
    }
    return found + [flaw for flaw, present in flaws.items() if present]
