"""Pick the few abstract sentences that best answer a question: the tiny model reads only these."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from assistant.names import plain, title_name
from assistant.pipeline import meaning
from assistant.pipeline.grounding import SourceText
from assistant.pipeline.text import AUXILIARIES, content_words, numbers, overlap, stems, topic_words
from assistant.pipeline.types import Evidence, RetrievedPaper
from assistant.sanitize import clean_untrusted
from vectorstore.embeddings import Embedder

LEXICAL_WEIGHT = 0.35
# Quotes: each next sentence is chosen for its score plus the share of the question's topic
# words it adds (a two-part question is usually answered by two sentences), until every
# question word found in the abstract is covered or three are chosen. Set on the dev split.
COVERAGE_WEIGHT = 0.6
MAX_QUOTES = 3
# A list line quotes what the paper does ("we propose ...") over its background sentences.
OWN_WORK_BONUS = 0.1
OWN_WORK = re.compile(r"\b(?:we|our|this (?:paper|work|study))\b", re.IGNORECASE)
# A quote holding what the question asks for (a number for "how much", a name for "what is it
# called") outranks a background sentence on the same topic by this much.
NEED_BONUS = 0.15
_MEASURES = (
    r"(?:accuracy|score|percentage|speed-?up|improvement|fraction|share|correlation|latency|"
    r"throughput|budget|resolution|proportion|rate|ratio|error|gain|number|size|scale|multiple|"
    r"factor|margin|reduction|f1|auc|bleu|mrr|ndcg|rmsd|rmse|mae|psnr|ssim|lpips|fid|wer|cer|iou|"
    r"perplexity|recall|success|(?-i:m?AP|mIoU)|"  # "What mAP ...": not "what map ..."
    r"(?:pass|hit)@\d+)(?![\w@]|-(?!score)[a-z])"
)
# "What temporal and spatial *compression factors* does X reach?" asks for numbers; "What are
# the key factors ...?" for reasons.
_RATIO_FACTORS = r"(?:compression|reduction|speed-?up|acceleration)\s+factors\b"
# "What are the median dataset *sizes* of ...?", "What are the two *numbers*?"
_PLURAL_MEASURES = (
    r"(?:scores|sizes|rates|ratios|accuracies|latencies|speed-?ups|margins|percentages|numbers)\b"
)
# "What accuracy ...", "what average score ...", and a longer measure when the ask's verb
# follows it: "What *task success rate* does X reach ...?". "How accurate is X?" asks for
# its accuracy, "..., and what is that score?" for the score, "what is the largest scale it
# is released in?" for a size ("15M, 30M, and 100M"). A measure word in a compound
# asks for no measure ("the latency-optimized library").
# "What kind of correlation does it use?" asks for a kind, not a number.
_NOT_A_KIND = r"(?!(?:kind|type|sort|form)s?\b)"
# "From which publication year ...?" asks for a number, a year ("published in 2024").
_YEAR_WH = r"\b(?:which|what) (?:[\w-]+ )?years?\b"
YEAR_QUESTION = re.compile(_YEAR_WH, re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER_QUESTION = re.compile(
    # "How close to the reasoner's accuracy does it come?": "to within 6.3%".
    r"\bhow (?:much|many|large|fast|long|big|small|often|accurate|close)\b|"
    # not "By what criterion ...?": on what grounds, not how much
    r"\b(?:by|up to) (?:how much|what(?! (?:criteri\w+|principle|rule)\b))\b|"
    rf"{_YEAR_WH}|"
    rf"\bwhat {_NOT_A_KIND}(?:\w+ )?{_MEASURES}|"
    rf"\bwhat (?:is|are|was|were) (?:that|its|their|the) (?:\w+ )?{_MEASURES}|"
    rf"\bwhat (?:are|were) (?:the|their) (?:\w+ ){{0,2}}{_PLURAL_MEASURES}|"
    rf"\bwhat {_NOT_A_KIND}(?:[\w-]+ ){{2,3}}{_MEASURES}"
    r"(?=\s+(?:does|do|did|is|are|was|were|can|could)\b)|"
    rf"\bwhat {_NOT_A_KIND}(?:[\w-]+ ){{0,4}}(?:{_PLURAL_MEASURES}|{_RATIO_FACTORS})"
    r"(?=\s+(?:does|do|did|can|could)\b)",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"fifty|hundred|thousand|million|billion|trillion|half|third|quarter|double[sd]?|"
    r"triple[sd]?|twice|"
    r"thrice|(?:two|three|four|five|ten)-?fold|"
    r"orders?\s+of\s+magnitude)\b",  # "an order of magnitude fewer parameters"
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"(?<=[,;:])\s+")
TITLE_WORDS = 2  # a title named in a question is at least this long ("The Diffusion Duality")
TITLE_HEAD_WORDS = 4  # ... and a title's part before its colon ("Two Giraffes in a Dirt Field")
_EXAMPLES = re.compile(r"(?:(?:such as|including|namely|for (?:example|instance))\b|e\.g\.)", re.I)
# A conjunction a cut would start on ("…and inspire a new approach, X"): it dangles.
_CONJUNCTION = re.compile(r"^(?:and|or|but|nor)\s+", re.I)
# "50.1%, 92.4%, and 67.7% accuracies on A, B, and C, respectively": two lists paired in order.
_LIST_ITEM = re.compile(r"^(?:(?:and|or)\s+)?[-+−]?\d")  # "350M", "and 1B (-0.061", "-0.149"
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
# A clause with no subject of its own: "even surpassing ...", "thereby reducing ...".
_PARTICIPLE = re.compile(r"^(?:(?:even|thereby|thus|further|also)\s+)?[a-z]{3,}ing\b")
_APPOSITIVE = re.compile(r"^(?:a|an)\s")  # "MMEB-V2, a benchmark that ...": says what it is
MIN_SPAN_WORDS = 6  # a shorter cut loses what the quote is about
KEPT_NEW_SHARE = 0.5  # of a sentence's words beyond the question, kept by a cut answering no need
TRIM_SHARE = 0.6  # a quote is cut only when that leaves at most this share of its words
Need = frozenset[str]  # what a question asks for: {"number"}, {"name"}, both, or neither


@dataclass
class SourceBundle:
    """A retrieved paper, cleaned, split into sentences and embedded once per question."""

    paper: RetrievedPaper
    text: SourceText
    vectors: np.ndarray


def bundle_sources(
    papers: list[RetrievedPaper], embedder: Embedder, embedded: int | None = None
) -> list[SourceBundle]:
    """The papers as bundles; the sentences of the first ``embedded`` papers (all by default)
    embedded, the rest with zero vectors (MiniLM on every sentence is most of the wait)."""
    texts = [SourceText.of(clean_untrusted(p.title), clean_untrusted(p.abstract)) for p in papers]
    shown = texts[:embedded] if embedded is not None else texts
    flat = [s for t in shown for s in t.sentences]
    vectors = embedder.embed(flat) if flat else np.zeros((0, embedder.dim), dtype=np.float32)
    bundles, start = [], 0
    for paper, text in zip(papers, texts, strict=True):
        end = start + len(text.sentences)
        if end <= len(vectors):
            bundles.append(SourceBundle(paper, text, vectors[start:end]))
        else:
            zeros = np.zeros((len(text.sentences), embedder.dim), dtype=np.float32)
            bundles.append(SourceBundle(paper, text, zeros))
        start = end
    return bundles


def need_of(question: str) -> Need:
    """What the question asks for: a number ("how much"), a name ("what is it called")."""
    need = {"number"} if _NUMBER_QUESTION.search(question) else set()
    return frozenset(need | ({"name"} if meaning.asks_for_name(question) else set()))


def satisfies(text: str, question: str, need: Need, source: str) -> bool:
    """``text`` holds what is asked: a number the question lacks, and a name of the source
    (``text`` itself when no source is given) that the question lacks."""
    if "number" in need and not quantities(text) - quantities(question):
        return False
    return "name" not in need or meaning.answers_name(text, question, source or text)


_BIG_O = re.compile(r"(?<![\w])O\([^()\s]{1,20}(?:\s[^()\s]{1,20}){0,3}\)")  # "O(n log n)"


def quantities(text: str) -> set[str]:
    """Numbers in digits and in words ("two of sixteen experts", "doubles"), and orders of
    growth ("O(T^K)" is the size of a state space)."""
    words = _NUMBER_WORD.findall(text) + _BIG_O.findall(text)
    return numbers(text) | {w.lower() for w in words}


def answer_span(sentence: str, question: str, need: Need) -> str:
    """The shortest run of clauses of ``sentence`` that holds what the question asks for and
    as many of its topic words as the whole sentence: the lead of a quote-led answer. Cut
    ends are marked with an ellipsis so the quote stays verbatim; a cut that saves little is
    not made."""
    if _RESPECTIVELY.search(sentence) and len(quantities(sentence)) > 1:
        return sentence  # a cut list pairs its numbers with the wrong names
    clauses = _closed(_CLAUSE.split(sentence))
    spans = [(i, j) for i in range(len(clauses)) for j in range(i + 1, len(clauses) + 1)]
    fitting = [
        (len(" ".join(clauses[i:j]).split()), i, j)
        for i, j in spans
        if _answers_as_whole(" ".join(clauses[i:j]), sentence, question, need)
    ]
    if not fitting or min(fitting)[0] > TRIM_SHARE * len(sentence.split()):
        return sentence
    _, i, j = min(fitting)
    if i and _cuts_subject(clauses, i, question, need):
        i -= 1
    if _opens_list(clauses, i, j) or _runs_on(clauses, j):
        j = len(clauses)
    span = " ".join(clauses[i:j]).rstrip(",;: ")
    if i:  # "…inspire a new approach, X", not "…and inspire ...": the cut leaves no "and"
        span = _CONJUNCTION.sub("", span, count=1)
    return ("…" if i else "") + span + ("" if j == len(clauses) else "…")


def _cuts_subject(clauses: list[str], i: int, question: str, need: Need) -> bool:
    """A span opening on a participle ("…even surpassing GPT-4o on a few subjects") or an
    appositive ("…a comprehensive benchmark that extends MMEB ...") leaves its subject in the
    clause before; asked for a name, that clause's new name is what the span says something
    of ("Claude-3.5-Sonnet shows ..., even surpassing ...", "we introduce MMEB-V2, a ...")."""
    before = clauses[i - 1]
    return (
        "name" in need
        and bool(_PARTICIPLE.match(clauses[i]) or _APPOSITIVE.match(clauses[i]))
        and satisfies(before, question, frozenset({"name"}), "")
    )


def _closed(clauses: list[str]) -> list[str]:
    """The clauses with a parenthesis left open joined to the clauses that close it: a cut
    inside "(e.g., table closure, formula syntax)" would end the quote on "(e.g.…"."""
    joined: list[str] = []
    for clause in clauses:
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] += " " + clause
        else:
            joined.append(clause)
    return joined


def _opens_list(clauses: list[str], i: int, j: int) -> bool:
    """The span starts a list that runs on after it, which holds the answer: "several traits,
    *such as* evil, sycophancy, ..." or "four core modules*:* the A, the B, ..."."""
    examples = j < len(clauses) and _EXAMPLES.match(clauses[j])
    return bool(examples) or any(c.rstrip().endswith(":") for c in clauses[i:j])


def _runs_on(clauses: list[str], j: int) -> bool:
    """The span ends on a bare number whose list goes on after it: "at 100M, *350M, and 1B
    (-0.061, -0.149, and -0.140)*" pairs each size with its gain, and a cut after "100M" drops
    the rest. A list of whole items ("by +14.6% on A, +17% on B") is cut as any clauses."""
    last = (clauses[j - 1].rstrip(",;: ").split() or [""])[-1]
    ends_on_number = bool(_LIST_ITEM.match(last))
    return j < len(clauses) and ends_on_number and bool(_LIST_ITEM.match(clauses[j]))


def _answers_as_whole(span: str, sentence: str, question: str, need: Need) -> bool:
    """The span answers as well as its whole sentence: it holds what is asked for and as many
    of the question's topic words. Asked for no number or name, it must also keep most of
    what the sentence adds to the question: "the regret is not determined by the size of the
    class" alone drops the answer, ", but rather by ...", that a clause after it gives."""
    asked = topic_words(question)
    if len(topic_words(span) & asked) < len(topic_words(sentence) & asked):
        return False
    if len(span.split()) < MIN_SPAN_WORDS or not satisfies(span, question, need, ""):
        return False
    added = topic_words(sentence) - asked
    return bool(need) or len(topic_words(span) - asked) >= KEPT_NEW_SHARE * len(added)


def sentence_scores(question: str, q_vec: np.ndarray, bundle: SourceBundle) -> np.ndarray:
    words = content_words(plain(question))  # "M3FinMeeting" meets "M^3FinMeeting"
    lexical = np.array([overlap(words, content_words(plain(s))) for s in bundle.text.sentences])
    dense = bundle.vectors @ q_vec if len(bundle.vectors) else np.zeros(0)
    needs = [frozenset({need}) for need in need_of(question)]
    held = [_holds_a_need(s, question, needs) for s in bundle.text.sentences]
    holds = np.array(held, dtype=float)
    return (1 - LEXICAL_WEIGHT) * dense + LEXICAL_WEIGHT * lexical + NEED_BONUS * holds


def _holds_a_need(sentence: str, question: str, needs: list[Need]) -> bool:
    """``sentence`` holds a number or a name the question asks for (one of ``needs``): of
    "Which method does it use ..., and among how many teams did it place first?", "placed 1st
    of 62 teams" holds one, as a sentence of another paper holding some name and some number
    does not answer more of it."""
    return any(satisfies(sentence, question, need, "") for need in needs)


def select_evidence(
    question: str,
    q_vec: np.ndarray,
    bundles: list[SourceBundle],
    max_sentences: int = 5,
    per_source: int = 3,
) -> list[Evidence]:
    """Best sentences overall, at most ``per_source`` a paper, numbered by paper rank (1-based)."""
    candidates: list[Evidence] = []
    for n, bundle in enumerate(bundles, start=1):
        scores = sentence_scores(question, q_vec, bundle)
        for i in np.argsort(-scores)[:per_source]:
            candidates.append(
                Evidence(n, bundle.paper.paper_id, bundle.text.sentences[i], float(scores[i]))
            )
    candidates.sort(key=lambda e: -e.score)
    return candidates[:max_sentences]


def quote_sentences(
    question: str, q_vec: np.ndarray, bundle: SourceBundle, source_n: int
) -> list[Evidence]:
    """The sentences of one source that answer ``question`` together, best first."""
    scores = sentence_scores(question, q_vec, bundle)
    asked = topic_words(question)
    answers = [topic_words(s) & asked for s in bundle.text.sentences]
    coverable: set[str] = set().union(*answers)
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < min(MAX_QUOTES, len(answers)):
        if chosen and coverable <= covered:
            break
        gains = [
            -np.inf
            if i in chosen
            else scores[i] + COVERAGE_WEIGHT * len(answers[i] - covered) / max(1, len(asked))
            for i in range(len(answers))
        ]
        best = int(np.argmax(gains))
        chosen.append(best)
        covered |= answers[best]
    return [
        Evidence(source_n, bundle.paper.paper_id, bundle.text.sentences[i], float(scores[i]))
        for i in chosen
    ]


def top_source(
    question: str,
    evidence: list[Evidence],
    bundles: list[SourceBundle],
    parts: int = 1,
    answers_all: Callable[[Evidence], bool] | None = None,
) -> int:
    """The source the answer quotes: the paper whose title the question names ("What is the
    approach in The Road Less Scheduled called?"), else the source whose best evidence
    sentences, one for each of the question's ``parts``, score highest together: a paper with a
    sentence for each part of "What does X learn ..., and by how much does it reduce ...?"
    answers more of it than another paper's one sentence that only shares its words. The best
    sentence still wins when it answers every part alone (``answers_all``: "20 long-horizon
    tasks, each with 1,000 expert demonstrations"), however many sentences another paper has
    in the evidence."""
    asked = question.casefold()
    named = [
        n
        for n, b in enumerate(bundles, start=1)
        if any(len(t.split()) >= w and t.casefold() in asked for t, w in _title_forms(b.text.title))
    ]
    if named:
        return named[0]
    # "What score does SWE-World's Docker-free SFT reach?" names "SWE-World: Building ...".
    by_name = [n for n, b in enumerate(bundles, start=1) if _names_paper(question, b.text.title)]
    if by_name:
        return by_name[0]
    best = max(evidence, key=lambda e: e.score)
    if parts > 1 and answers_all is not None and answers_all(best):
        return best.source_n
    by_source: dict[int, list[float]] = {}
    for e in evidence:
        by_source.setdefault(e.source_n, []).append(e.score)
    return max(by_source, key=lambda n: sum(sorted(by_source[n])[-parts:]))


def _title_forms(title: str) -> list[tuple[str, int]]:
    """A title as a question may name it, each with the words it needs to name the paper: the
    whole title, or the part before its colon ("In 'Two Giraffes in a Dirt Field', which
    model ...?"), which needs more words to be more than a phrase of the question's own."""
    head = title.split(":", 1)[0].strip()
    return (
        [(title, TITLE_WORDS), (head, TITLE_HEAD_WORDS)]
        if head != title
        else [(title, TITLE_WORDS)]
    )


def _names_paper(question: str, title: str) -> bool:
    """The question names the paper by the name its title opens with (as written)."""
    name = title_name(title)
    if not name:
        return False
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", question) is not None


def lead_candidates(
    question: str, q_vec: np.ndarray, bundle: SourceBundle, quotes: list[Evidence]
) -> list[Evidence]:
    """The sentences the lead may quote: the quotes first, then every other sentence of their
    source, best first. The quotes are chosen to cover the question together; the sentence
    holding its answer may score below background sentences on the same topic."""
    scores = sentence_scores(question, q_vec, bundle)
    quoted = {q.sentence for q in quotes}
    n = quotes[0].source_n if quotes else 1
    rest = [
        Evidence(n, bundle.paper.paper_id, bundle.text.sentences[i], float(scores[i]))
        for i in np.argsort(-scores)
        if bundle.text.sentences[i] not in quoted
    ]
    return [*quotes, *rest]


def format_sources(evidence: list[Evidence], bundles: list[SourceBundle]) -> str:
    """Sources for the prompt, fenced, in abstract order within each paper."""
    blocks = []
    for n in sorted({e.source_n for e in evidence}):
        bundle = bundles[n - 1]
        chosen = {e.sentence for e in evidence if e.source_n == n}
        body = " ".join(s for s in bundle.text.sentences if s in chosen)
        blocks.append(f"<source {n}>\nTitle: {bundle.text.title}\n{body}\n</source {n}>")
    return "\n".join(blocks)


# What a "how many N" question counts, and the sentence that counts it (``given``, ``lead``).
# A dash ("problems--each") parts two tokens; a hyphen joins its words.
_COUNT_TOKEN = re.compile(r"[\w.,%×]+(?:-[\w.,%×]+)*")
# "how many (human) labelers", "how many image-text pairs": the counted noun ends the group.
# "how many systems-level tasks" counts tasks: a hyphen goes on with the word.
# "how many human and multiple-garment pairs": the counted noun may end a group of four words.
_HOW_MANY = re.compile(r"\bhow many\s+((?:[\w-]+\s+){0,3}?[\w-]+s)\b(?!-)", re.I)
_NOT_COUNTED = frozenset({"times"})  # "how many times fewer steps" asks for a ratio

# How abstracts abbreviate a counted unit: "+4.79 pp" and "2.1 pts" are points.
_UNIT_FORMS = {"points": {"pp", "pts", "pt"}}
# A model size ("our 7B model", "Hermes 3 405B", "Qwen2-0.5B", "of which only 6.1 billion are
# active"); a size in thousands or millions ending a hyphenated name is a dataset's
# ("OmniLayout-1M", "UniF^2ace-130K"), and so is one that a noun follows ("~7M caption and
# question-answer training instances", "1.5 billion tokens") unless it is the model's.
_OF_MODEL = r"(?:parameters?|params|models?|active|activated|trainable|total|are|is|in)\b"
MODEL_SIZE = re.compile(
    rf"(?<![\w-])\d+(?:\.\d+)?(?:\s?B\b|(?:\s?[MK]|\s(?:billion|million))\b"
    rf"(?!\s+(?!{_OF_MODEL})[a-z]))|(?<=-)\d+(?:\.\d+)?B\b"
)
# "reducing the average number of steps required to complete a task to just 10.15": the
# count stands after the noun, not before it.
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?P<noun>[\w-]+)(?:\s+[\w-]+){0,6}?\s+(?:to|of|is|was|at)\s+"
    r"(?:just|only|about|around|approximately|roughly|nearly)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)"
    r"(?!\s*(?:%|x\b|×|times\b))",
    re.I,
)
COUNT_BEFORE = 6  # tokens before the counted noun that may hold its number


def counted_noun(question: str) -> str | None:
    """The noun a "how many ...?" question counts ("parameters"), or None."""
    match = _HOW_MANY.search(question)
    words = match.group(1).split() if match else []
    # "how many expert-annotated criteria does X contain": the verb ends the counted group,
    # so an irregular plural ("criteria") is the noun, not "does".
    if len(words) > 1 and words[-1].lower() in AUXILIARIES:
        words = words[:-1]
    noun = words[-1] if words else None
    return None if noun is None or noun.lower() in _NOT_COUNTED else noun


def counts(text: str, noun: str, question: str) -> bool:
    """A quantity the question lacks stands just before ``noun`` (or inside its compound:
    "three-stage") or after "the number of <noun> ... to", or ``noun`` is parameters and the
    text gives a model size. A hyphenated noun is found by its last part with the rest just
    before it, written any way: "500,000 GPU-hours" and "500K GPU hours" count "GPU-hours",
    "500 hours" does not."""
    *leading, last = noun.lower().split("-")
    asked, wanted = quantities(question), _forms(last) | _UNIT_FORMS.get(last, set())
    short = _abbreviations(question)
    tokens = _COUNT_TOKEN.findall(text)
    for i, token in enumerate(tokens):
        parts = token.lower().strip(".,").split("-")
        # the noun, or its phrase's initials: "932,791 Agentic-PRs" counts pull requests
        if _forms(parts[-1]) & wanted or parts[-1] in short:
            before = " ".join([*tokens[max(0, i - COUNT_BEFORE) : i], *parts[:-1]])
            before = _VAGUE.sub(" ", before)
            if quantities(before) - asked and all(w in before.lower() for w in leading):
                return True
    sized = noun.lower() == "parameters" and bool(MODEL_SIZE.search(text))
    return sized or _counted_after(text, wanted, asked)


def _counted_after(text: str, wanted: set[str], asked: set[str]) -> bool:
    """``text`` says "the number of <noun> ... to <quantity>", a quantity the question
    lacks."""
    return any(
        _forms(found.group("noun").lower()) & wanted and quantities(found.group("n")) - asked
        for found in _NUMBER_OF.finditer(text)
    )


# A magnitude without a figure ("only a few thousand images", "thousands of videos"): how
# large, not how many.
_VAGUE = re.compile(
    r"\b(?:a\s+few|several|some|many|a\s+couple\s+of)\s+(?:hundred|thousand|million|billion)s?\b"
    r"|\b(?:hundreds|thousands|millions|billions)\s+of\b",
    re.I,
)
# "how many bits per byte": the unit goes on after the counted noun.
_PER_UNIT = re.compile(r"\s+per\s+([a-z]+)", re.I)
_NOT_INITIAL = frozenset({"such", "the", "its", "their", "distinct", "different", "unique"})


def _abbreviations(question: str) -> set[str]:
    """The counted phrase's initials, as abstracts abbreviate it: "pull requests" -> "pr",
    "prs"; "bits per byte" -> "bpb". Empty for a one-word noun (its initial says nothing)."""
    match = _HOW_MANY.search(question)
    if match is None:
        return set()
    words = [w for w in match.group(1).lower().split() if w not in _NOT_INITIAL]
    unit = _PER_UNIT.match(question[match.end() :])
    words += ["per", unit.group(1).lower()] if unit else []
    if len(words) < 2:
        return set()
    initials = "".join(w[0] for w in words)
    return {initials, f"{initials}s"}


def _forms(word: str) -> set[str]:
    """Stems of ``word`` and of it without a plural "s": the stemmer keeps "GPUs" whole."""
    word = word.lower()
    return stems({word, word.removesuffix("s")})
