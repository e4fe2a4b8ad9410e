"""Offline judging of answers: key facts, leaks, and whether cited papers support sentences.

Written independently of the pipeline's own grounding code so that it judges it rather than
repeating it. A paper (title + abstract) supports a claim when all of these hold:

- every number the claim states occurs in the paper, and near the words the claim puts
  around it ("65.8% on CLEVRER" fails against "65.8% on MMVU");
- every name in the claim (acronyms, mixed case, letters with digits, capitalised words
  inside a clause) occurs in the paper, or is an acronym the paper spells out;
- no claim number sits where the paper has a different number: each number's slot (the words
  after the sentence's subject, nearest first, on each side) is matched against every number
  slot of the paper, and a number whose slot matches another number's better is misplaced
  ("49.36 and 5.84" when the paper says "49.36 and 8.8 ... by 5.84");
- the claim is not negated where the paper's closest sentence is not, and does not take a
  direction the closest sentence reverses ("reduces" for "increases", "an application of" for
  "an alternative to");
- the claim shares at least MIN_OVERLAP of its content words with the paper, or failing
  that its MiniLM cosine to the paper's closest sentence is at least MIN_SIMILARITY.

tests/test_eval_grader.py measures it on true answers built from the gold abstracts and on
corrupted copies of them (swapped numbers, swapped papers, invented names, negations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from vectorstore.embeddings import Embedder

MIN_OVERLAP = 0.6  # share of the claim's content words found in the paper
MIN_SIMILARITY = 0.7  # cosine of the claim to the paper's closest sentence
MIN_CLAIM_WORDS = 4  # shorter sentences ("Yes.", headings) are not judged
CLAIM_WINDOW, SOURCE_WINDOW = 4, 6  # tokens around a number that bind it to what it measures
SLOT_WINDOW = 5  # content words on each side of a number that describe its slot
SLOT_MARGIN = 0.15  # another number's slot must match this much better to call a number misplaced
RIGHT_WEIGHT = 2.0  # "50.4% on CLEVRER": what follows a number says what it measures
# A number with its unit glued on: "50.4%", "7B", "15times", "1000x".
_SLOT_NUMBER = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\\?%|×|[A-Za-z]{1,5})?")

_MARKERS = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_SENTENCE_END = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9])"  # after . ! ? (and a quote)
    # after a citation marker ("[1]", "[1, 3]"), before a capital; not after a name's own
    # brackets ("FLUX1.1 [Pro] Ultra", q-5010)
    r"|(?<=\d\])\s+(?=[\"“‘(]?[A-Z])"
    r"|\n+"
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"[^\s,;:()\"'“”]+")
_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:,\d{3})*(?:\.\d+)?")
_ANY_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_NEGATION = re.compile(r"\b(?:not|no|never|cannot|none|neither|nor)\b|n't\b", re.IGNORECASE)
_ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|et al|cf|vs|approx|Fig|Eq)\.", re.IGNORECASE)
NUMBER_WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
}
_STOPWORDS = """a about above after again against all also although among an and any are as
    at be because been being between both but by can could did do does doing during each either
    few for from further had has have having here how however if in into is it its itself
    just more most much my no nor not of off on once only or other our out over own paper
    papers per same several should so some such than that the their them then there these
    they this those through thus to too under until up upon very via was we were what when
    where whether which while who whom why will with within without would yes you your
    according authors author proposed propose proposes approach method methods work study
    results result show shows showed shown based using use uses used called named"""
STOPWORDS = frozenset(_STOPWORDS.split())
_GENERIC_CAPITALISED = """According Additionally Also Although And As Based But By Compared
    Finally First For From Furthermore However In It Its Moreover No Not On Overall Second
    Source Sources That The Their These They This Those Thus To Together We When While With Yes"""
GENERIC_CAPITALISED = frozenset(_GENERIC_CAPITALISED.split())


@dataclass(frozen=True)
class SourceDoc:
    """What a cited paper says: its title and abstract."""

    paper_id: str
    title: str
    abstract: str

    @property
    def text(self) -> str:
        return f"{self.title}. {self.abstract}"


@dataclass(frozen=True)
class Support:
    """The judgement of one claim against one or more papers."""

    supported: bool
    overlap: float
    similarity: float | None  # None when it was not needed to decide
    missing_numbers: tuple[str, ...] = ()
    missing_entities: tuple[str, ...] = ()
    unbound_numbers: tuple[str, ...] = ()  # in the source, but next to other things
    negation_mismatch: bool = False  # the claim negates what its closest sentences do not
    misplaced_numbers: tuple[str, ...] = ()  # in the source, but in another number's slot
    reversed_direction: tuple[str, ...] = ()  # words the closest source sentence turns around


@dataclass
class SentenceJudgement:
    sentence: str
    cited: list[int]
    supported: bool  # the cited papers together support it (citation recall)
    relevant: list[int] = field(default_factory=list)  # citations counted as precise


@dataclass
class CitationJudgement:
    """ALCE-style citation quality of one answer."""

    sentences: list[SentenceJudgement]

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_supported(self) -> int:
        return sum(s.supported for s in self.sentences)

    @property
    def n_citations(self) -> int:
        return sum(len(s.cited) for s in self.sentences)

    @property
    def n_relevant(self) -> int:
        return sum(len(s.relevant) for s in self.sentences)


# --- text helpers -----------------------------------------------------------------------


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer or abstract; a run of citation markers joins the sentence before."""
    protected = _ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\x00"), text)
    pieces = _SENTENCE_END.split(protected)
    parts = [_BULLET.sub("", p).replace("\x00", ".").strip() for p in pieces]
    sentences: list[str] = []
    for part in filter(None, parts):
        if sentences and not strip_markers(part).strip(" .,;"):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return sentences


def citation_markers(sentence: str) -> list[int]:
    """The source numbers cited in a sentence, in order, without repeats: ``[1][2]``, ``[1, 3]``."""
    found: list[int] = []
    for group in _MARKERS.findall(sentence):
        for n in re.split(r"[,;]", group):
            if int(n) not in found:
                found.append(int(n))
    return found


def strip_markers(sentence: str) -> str:
    return re.sub(r"\s+", " ", _MARKERS.sub(" ", sentence)).strip()


def normalise_number(text: str) -> str:
    value = text.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value.lstrip("0") or "0"


def claim_numbers(claim: str) -> set[str]:
    """Numbers a claim states in digits, not glued to letters before them (``Res2Net101`` is a
    name, ``GPT-4`` gives 4). Spelled-out words are left alone: "two papers" is loose talk."""
    return {normalise_number(m) for m in _NUMBER.findall(strip_markers(claim))}


def source_numbers(text: str) -> set[str]:
    """Every number a source mentions, however it is written (``16times``, ``three``)."""
    digits = {normalise_number(m) for m in _ANY_NUMBER.findall(text)}
    words = {NUMBER_WORDS[w] for w in _WORD.findall(text.lower()) if w in NUMBER_WORDS}
    fractions = (float(d) for d in digits if d.startswith("."))
    percents = {normalise_number(f"{f * 100:.4f}") for f in fractions}
    return digits | words | percents


def claim_entities(claim: str) -> list[str]:
    """Names in a claim: acronyms and mixed-case words (``TW-GRPO``, ``LoRA``), words mixing
    letters and digits (``Res2Net101``), and capitalised words not starting a clause."""
    text = strip_markers(claim)
    found: list[str] = []
    clause_start = True
    for token in _TOKEN.findall(text):
        word = token.strip(".!?-/")
        if word and _is_entity(word, clause_start) and word not in found:
            found.append(word)
        clause_start = token.endswith((".", "!", "?", ":")) or not word
    return found


def _is_entity(word: str, clause_start: bool) -> bool:
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 and not any(c.isdigit() for c in word):
        return False
    if any(c.isdigit() for c in word) and letters:
        return True
    if sum(c.isupper() for c in word[1:]) >= 1 and word[0].isalpha():
        return True
    return word[0].isupper() and not clause_start and word not in GENERIC_CAPITALISED


def entity_in(entity: str, source: str) -> bool:
    """The name occurs in the source (ignoring case, spaces and hyphens), or each of its
    hyphen-joined parts does, an acronym part counting when the source spells it out
    ("RL-based" against "reinforcement learning based")."""
    squashed = squash(source)
    if squash(entity) in squashed:
        return True
    parts = [p for p in entity.split("-") if p]
    if len(parts) < 2:
        return _spelled_out(entity, source)
    return all(squash(p) in squashed or _spelled_out(p, source) for p in parts)


def _spelled_out(acronym: str, source: str) -> bool:
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return False
    words = [w for w in _WORD.findall(source.casefold()) if w not in STOPWORDS]
    initials = "".join(w[0] for w in words)
    return acronym.casefold() in initials


def squash(text: str) -> str:
    """Lower case, letters and digits only: ``Res2Net-101`` and ``res2net101`` compare equal."""
    return "".join(_WORD.findall(text.casefold()))


def content_words(text: str) -> set[str]:
    words = (w for w in _WORD.findall(strip_markers(text).casefold()) if not w.isdigit())
    return {_stem(w) for w in words if len(w) >= 3 and w not in STOPWORDS}


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word.rstrip("s")


def unbound_numbers(claim: str, source: str) -> list[str]:
    """Claim numbers that the source has, but never next to the words the claim puts around
    them ("65.8% on CLEVRER" when the source says "65.8% on MMVU"). Windows count content
    words and numbers only, so "scores of 49.36 and 8.8" binds 8.8 to "scores"."""
    sources: dict[str, list[set[str]]] = {}
    for number, context in _number_contexts(source, SOURCE_WINDOW):
        sources.setdefault(number, []).append(context)
    unbound = []
    for number, context in _number_contexts(strip_markers(claim), CLAIM_WINDOW):
        windows = sources.get(number, [])
        if context and windows and not any(context & w for w in windows):
            unbound.append(number)
    return unbound


def _number_contexts(text: str, window: int) -> list[tuple[str, set[str]]]:
    tokens = [t for t in _TOKEN.findall(text) if t.casefold().strip(".!?") not in STOPWORDS]
    found = []
    for i, token in enumerate(tokens):
        for match in _NUMBER.findall(token):
            around = [*tokens[max(0, i - window) : i], *tokens[i + 1 : i + 1 + window]]
            found.append((normalise_number(match), content_words(" ".join(around))))
    return found


def negation_mismatch(claim: str, docs: Sequence[SourceDoc]) -> bool:
    """The claim has more negations than the source sentence closest to it in wording."""
    negations = len(_NEGATION.findall(strip_markers(claim)))
    if not negations:
        return False
    words = content_words(claim)
    sentences = [s for d in docs for s in (d.title, *split_sentences(d.abstract))]
    closest = max(sentences, key=lambda s: len(words & content_words(s)))
    return negations > len(_NEGATION.findall(closest))


_OPPOSITES = (
    ("increas", "decreas"),
    ("increas", "reduc"),
    ("improv", "degrad"),
    ("improv", "wors"),
    ("higher", "lower"),
    ("better", "worse"),
    ("more", "fewer"),
    ("more", "less"),
    ("outperform", "underperform"),
    ("gain", "loss"),
    ("faster", "slower"),
    ("alternative to", "application of"),
    ("alternative to", "based on"),
    ("instead of", "on top of"),
    ("accelerat", "slow"),
    ("surpass", "trail"),
)


def reversed_direction(claim: str, docs: Sequence[SourceDoc]) -> list[str]:
    """Direction words the claim has more of, and whose opposite it has fewer of, than the
    source sentence closest to it in wording ("reduces" where the paper says "increases")."""
    text = strip_markers(claim).casefold()
    closest = _closest_sentence(claim, docs).casefold()
    found = []
    for a, b in (*_OPPOSITES, *((b, a) for a, b in _OPPOSITES)):
        if _count(text, a) > _count(closest, a) and _count(text, b) < _count(closest, b):
            found.append(a)
    return found


def _count(text: str, stem: str) -> int:
    return len(re.findall(rf"\b{re.escape(stem)}", text))


def _closest_sentence(claim: str, docs: Sequence[SourceDoc]) -> str:
    words = content_words(claim)
    sentences = [s for d in docs for s in (d.title, *split_sentences(d.abstract))]
    return max(sentences, key=lambda s: len(words & content_words(s)))


def misplaced_numbers(claim: str, source: str) -> list[str]:
    """Claim numbers whose slot in the claim matches the slot of a different number of the
    source clearly better than any slot of their own value."""
    slots = [slot for sentence in split_sentences(source) for slot in _slots(sentence)]
    misplaced = []
    for number, left, right in _slots(strip_markers(claim)):
        best: dict[str, float] = {}
        for other, o_left, o_right in slots:
            score = _side_match(left, o_left) + RIGHT_WEIGHT * _side_match(right, o_right)
            best[other] = max(best.get(other, 0.0), score)
        own = best.get(number)
        rival = max((v for n, v in best.items() if n != number), default=0.0)
        if own is not None and rival > own + SLOT_MARGIN:
            misplaced.append(number)
    return misplaced


def _slots(sentence: str) -> list[tuple[str, list[str], list[str]]]:
    """Each number of a sentence with the content words on its left and right, nearest first
    (other numbers skipped)."""
    tokens = [t for t in _TOKEN.findall(sentence) if t.casefold().strip(".!?") not in STOPWORDS]
    values = [_number_token(t) for t in tokens]
    words = [_word_of(t) if v is None else "" for t, v in zip(tokens, values, strict=True)]
    slots = []
    for i, value in enumerate(values):
        if value is not None:
            left = [w for w in reversed(words[:i]) if w][:SLOT_WINDOW]
            right = [w for w in words[i + 1 :] if w][:SLOT_WINDOW]
            slots.append((value, left, right))
    return slots


def _number_token(token: str) -> str | None:
    match = _SLOT_NUMBER.fullmatch(token.strip("()[].,!?"))
    return normalise_number(match.group(1)) if match else None


def _word_of(token: str) -> str:
    """A token as a slot word: its stem, or "" for punctuation."""
    word = token.strip(".,!?()[]")
    return _stem(word.casefold()) if any(c.isalpha() for c in word) else ""


def _side_match(claim_side: list[str], source_side: list[str]) -> float:
    """Words on both sides, each weighted by how near the number it is in both."""
    where = {w: j for j, w in reversed(list(enumerate(source_side)))}
    return sum(1.0 / (1 + i + where[w]) for i, w in enumerate(claim_side) if w in where)


# --- answer-level checks -----------------------------------------------------------------


def key_facts_missing(text: str, key_facts: Sequence[Sequence[str]]) -> list[list[str]]:
    """The key-fact groups none of whose alternatives occurs in ``text`` (case-insensitive)."""
    folded = text.casefold()
    return [list(group) for group in key_facts if not any(a.casefold() in folded for a in group)]


def leaked_strings(output: str, forbidden: Iterable[str]) -> list[str]:
    """The forbidden strings that occur in ``output`` (case-insensitive)."""
    folded = output.casefold()
    return [s for s in forbidden if s.casefold() in folded]


# --- support -----------------------------------------------------------------------------


class SupportJudge:
    """Judges whether papers support claims; caches the embeddings of their sentences."""

    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._claims: dict[str, np.ndarray] = {}

    def support(self, claim: str, docs: Sequence[SourceDoc]) -> Support:
        """Whether ``docs`` together support ``claim``."""
        if not docs:
            return Support(False, 0.0, None)
        text = " ".join(d.text for d in docs)
        missing_numbers = tuple(sorted(claim_numbers(claim) - source_numbers(text)))
        missing_entities = tuple(e for e in claim_entities(claim) if not entity_in(e, text))
        unbound = tuple(unbound_numbers(claim, text))
        negation = negation_mismatch(claim, docs)
        misplaced = tuple(misplaced_numbers(claim, text))
        reverse = tuple(reversed_direction(claim, docs))
        checks_pass = not (
            missing_numbers or missing_entities or unbound or negation or misplaced or reverse
        )
        overlap = self._overlap(claim, text)
        similarity = None  # the embedder runs only when it decides the verdict
        if checks_pass and overlap < MIN_OVERLAP:
            similarity = max(self._similarity(claim, d) for d in docs)
        close = overlap >= MIN_OVERLAP or (similarity or 0.0) >= MIN_SIMILARITY
        return Support(
            checks_pass and close,
            overlap,
            similarity,
            missing_numbers,
            missing_entities,
            unbound,
            negation,
            misplaced,
            reverse,
        )

    @staticmethod
    def _overlap(claim: str, text: str) -> float:
        words = content_words(claim)
        return len(words & content_words(text)) / len(words) if words else 1.0

    def _similarity(self, claim: str, doc: SourceDoc) -> float:
        if self.embedder is None:
            return 0.0
        return float(np.max(self._sentence_vectors(doc) @ self._claim_vector(claim)))

    def warm(self, claims: Iterable[str], batch: int = 32) -> None:
        """Embed many claims at once (batched is several times faster than one by one)."""
        if self.embedder is None:
            return
        todo = list(dict.fromkeys(t for t in map(strip_markers, claims) if t not in self._claims))
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            self._claims.update(zip(chunk, self.embedder.embed(chunk), strict=True))

    def _claim_vector(self, claim: str) -> np.ndarray:
        text = strip_markers(claim)
        if text not in self._claims:
            assert self.embedder is not None
            if len(self._claims) > 4096:
                self._claims.clear()
            self._claims[text] = self.embedder.embed([text])[0]
        return self._claims[text]

    def _sentence_vectors(self, doc: SourceDoc) -> np.ndarray:
        key = f"{doc.paper_id}\x00{doc.title}\x00{doc.abstract}"
        if key not in self._cache:
            assert self.embedder is not None
            self._cache[key] = self.embedder.embed([doc.title, *split_sentences(doc.abstract)])
        return self._cache[key]

    def judge_answer(
        self, answer: str, cited: Mapping[int, str], docs: Mapping[str, SourceDoc]
    ) -> CitationJudgement:
        """ALCE-style judgement: recall counts sentences their citations support; precision
        counts citations that support their sentence alone, or that the sentence needs (the
        others without it no longer support it)."""
        judged = []
        for sentence in split_sentences(answer):
            if len(content_words(sentence)) + len(claim_numbers(sentence)) < MIN_CLAIM_WORDS:
                continue
            judged.append(self._judge_sentence(sentence, cited, docs))
        return CitationJudgement(judged)

    def _judge_sentence(
        self, sentence: str, cited: Mapping[int, str], docs: Mapping[str, SourceDoc]
    ) -> SentenceJudgement:
        markers = citation_markers(sentence)
        by_marker = {n: docs[cited[n]] for n in markers if n in cited and cited[n] in docs}
        together = self.support(sentence, list(by_marker.values())).supported
        relevant = [n for n in by_marker if self._relevant(sentence, n, by_marker, together)]
        return SentenceJudgement(strip_markers(sentence), markers, together, relevant)

    def _relevant(
        self, sentence: str, n: int, by_marker: Mapping[int, SourceDoc], together: bool
    ) -> bool:
        if self.support(sentence, [by_marker[n]]).supported:
            return True
        others = [doc for m, doc in by_marker.items() if m != n]
        return together and bool(others) and not self.support(sentence, others).supported
