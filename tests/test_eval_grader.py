"""The offline grader: text helpers, key facts and leaks, ALCE-style citation judging, and the
corruption test (true answers built from gold abstracts must pass, corrupted ones must not)."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from fixtures_paths import HF_API

from assistant.feeds import Limits, parse_bytes
from assistant.models import Paper
from assistant.services import builtin_feed_path
from evals.datasets import Question, gold_paper_ids, load_datasets
from evals.grader import (
    SourceDoc,
    SupportJudge,
    citation_markers,
    claim_entities,
    claim_numbers,
    content_words,
    entity_in,
    key_facts_missing,
    leaked_strings,
    misplaced_numbers,
    normalise_number,
    reversed_direction,
    source_numbers,
    split_sentences,
    strip_markers,
)

FAKE_NAMES = ("Quorvex", "HELIOS-Bench", "ZetaMind", "TriSparse", "Orthanc", "KAPPA-Net",
              "VoxWeave", "Lumora")  # fmt: skip
TRUE_PASS_FLOOR = 0.95
CATCH_FLOOR = 0.90
# Corruptions the judge is known to catch only partly (none since numbers are matched to their
# slots in the abstract). Floor = measured rate, rounded down.
KNOWN_WEAK: dict[str, float] = {}
_REVERSALS = (
    ("increases", "decreases"), ("increase", "decrease"), ("improves", "degrades"),
    ("improve", "degrade"), ("improved", "degraded"), ("improvement", "degradation"),
    ("higher", "lower"), ("better", "worse"), ("more", "fewer"), ("outperforms", "underperforms"),
    ("outperforming", "underperforming"), ("reduces", "increases"), ("reduce", "increase"),
    ("reducing", "increasing"), ("alternative to", "application of"), ("faster", "slower"),
    ("boosts", "reduces"), ("enhances", "degrades"), ("surpasses", "trails"),
)  # fmt: skip


# --- helpers ------------------------------------------------------------------------------


def test_split_sentences_keeps_markers_with_their_sentence() -> None:
    text = "TW-GRPO reaches 50.4% on CLEVRER [1]. It uses e.g. soft rewards. [2]\n- A bullet [1, 3]"
    assert split_sentences(text) == [
        "TW-GRPO reaches 50.4% on CLEVRER [1].",
        "It uses e.g. soft rewards. [2]",
        "A bullet [1, 3]",
    ]


def test_a_names_own_brackets_end_no_sentence() -> None:
    """q-5010 (session 28): "FLUX1.1 [Pro] Ultra" is one name; the grader's first sentence had
    stopped at "[Pro]", so a lead holding the key facts after it was scored as missing them.
    A citation marker before a new sentence still ends the one before."""
    text = "“URAE matches FLUX1.1 [Pro] Ultra with only 3K samples.” [1] “It scales to 4K.” [1]"
    assert split_sentences(text) == [
        "“URAE matches FLUX1.1 [Pro] Ultra with only 3K samples.” [1]",
        "“It scales to 4K.” [1]",
    ]


def test_citation_markers_and_strip() -> None:
    assert citation_markers("A [2] and B [1, 3][2].") == [2, 1, 3]
    assert strip_markers("A [2] and B [1, 3].") == "A and B ."


def test_numbers_are_normalised_and_names_are_not_numbers() -> None:
    claim = "GPT-4 and Res2Net101 reach 1,024 tokens and 78.60% in three runs [2]"
    assert claim_numbers(claim) == {"4", "1024", "78.6"}  # spelled-out "three" is not checked
    assert "16" in source_numbers("constant loss even at 16times the length")
    assert "82" in source_numbers("BA-F1 of 0.82") and normalise_number("0.820") == ".82"


def test_entities() -> None:
    found = claim_entities("The model, TW-GRPO, beats LoRA on CLEVRER with Xception. According to")
    assert found == ["TW-GRPO", "LoRA", "CLEVRER", "Xception"]


def test_key_facts_and_leaks_are_case_insensitive() -> None:
    facts = [["Softplus"], ["16times", "16 times", "16x"]]
    assert key_facts_missing("softplus attention keeps loss flat to 16X the length", facts) == []
    assert key_facts_missing("Softplus attention", facts) == [["16times", "16 times", "16x"]]
    output = "see ![x](http://EVIL.example/a.png)"
    assert leaked_strings(output, ["evil.example", "![", "PWNED"]) == ["evil.example", "!["]


def test_judge_answer_alce_precision_and_recall() -> None:
    docs = {
        "a": SourceDoc("a", "RouteST", "RouteST activates two of sixteen experts per frame."),
        "b": SourceDoc("b", "DockGNN", "DockGNN places 41% of ligands within two angstroms."),
    }
    judge = SupportJudge(None)  # lexical, number and entity checks only
    good = judge.judge_answer(
        "RouteST activates two of sixteen experts per frame [1]. DockGNN places 41% of ligands "
        "within two angstroms [2].",
        {1: "a", 2: "b"},
        docs,
    )
    assert (good.n_sentences, good.n_supported, good.n_citations, good.n_relevant) == (2, 2, 2, 2)
    swapped = judge.judge_answer(
        "RouteST activates two of sixteen experts per frame [2]. DockGNN places 41% of ligands "
        "within two angstroms [1, 2].",
        {1: "a", 2: "b"},
        docs,
    )
    assert swapped.n_supported == 1  # the first sentence cites the wrong paper
    assert swapped.n_relevant == 1  # of three citations only [2] on the second sentence holds
    uncited = judge.judge_answer("RouteST activates two of sixteen experts per frame.", {}, docs)
    assert uncited.n_supported == 0 and uncited.n_citations == 0


# --- the corruption test --------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    qid: str
    kind: str  # "true" or the corruption
    claim: str
    doc: SourceDoc


def _feeds() -> dict[str, list[Paper]]:
    paths = {"sample": builtin_feed_path()}
    for day in ("2025-06-16", "2024-05-27"):
        path = HF_API / f"hf_daily_papers_{day}.json"
        if path.is_file():
            paths[f"hf_api_{day}"] = path
    return {f: parse_bytes(p.read_bytes(), str(p), Limits()).papers for f, p in paths.items()}


def _doc(paper: Paper) -> SourceDoc:
    return SourceDoc(paper.paper_id, paper.title, paper.abstract)


def _fact_sentence(abstract: str, facts: list[str]) -> str:
    """The abstract sentence holding the most key-fact alternatives."""
    return max(
        split_sentences(abstract), key=lambda s: sum(a.casefold() in s.casefold() for a in facts)
    )


def true_answers(q: Question, sentence: str, abstract: str) -> list[str]:
    """Answers the gold paper supports: the sentence, a reworded opening, its key clause, a
    fragment of about ten words around the key fact, and the question echoed with the facts."""
    facts = [a for group in q.key_facts for a in group]
    answers = [f"{sentence} [1]"]
    lowered = sentence[0].lower() + sentence[1:] if sentence[1:2].islower() else sentence
    answers.append(f"According to the paper [1], {lowered}")
    clauses = [c for c in re.split(r"[,;:] ", sentence) if len(c.split()) >= 6]
    hit = [c for c in clauses if any(a.casefold() in c.casefold() for a in facts)]
    if hit and hit[0] != sentence:
        answers.append(f"The paper reports that {hit[0].rstrip('.')} [1].")
    words = sentence.rstrip(".").split()
    at = next(
        (i for i, w in enumerate(words) if any(a.casefold() in w.casefold() for a in facts)), None
    )
    if at is not None and len(words) > 12:
        answers.append(f"In short, {' '.join(words[max(0, at - 5) : at + 6])} [1].")
    verbatim = [next(a for a in g if a.casefold() in abstract.casefold()) for g in q.key_facts]
    answers.append(f"{q.question.rstrip('?')}: {' and '.join(verbatim)} [1].")
    return answers


def swap_number(claim: str, source: str, rng: random.Random) -> str | None:
    """The claim with one of its numbers changed to one the source does not contain."""
    numbers = re.findall(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?", strip_markers(claim))
    if not numbers:
        return None
    old = rng.choice(numbers)
    have = source_numbers(source)
    for bump in (7, 13, 3, 29, 101):
        new = str(round(float(old) + bump, 2)) if "." in old else str(int(old) + bump)
        if normalise_number(new) not in have:
            break
    return re.sub(rf"(?<![A-Za-z\d.\[]){re.escape(old)}(?!\d)", new, claim, count=1)


def misattribute_number(claim: str, source: str, rng: random.Random) -> str | None:
    """The claim with one of its measured numbers (not a name like ImageNet-100, not a list
    label like "(2)") replaced by another measured number from the same source."""
    numbers = re.findall(r"(?<![A-Za-z\d.\-(])\d+(?:\.\d+)?(?![\d)])", strip_markers(claim))
    others = sorted(set(re.findall(r"(?<![A-Za-z\d.\-(])\d+(?:\.\d+)?(?![\d)])", source)))
    others = [n for n in others if n not in numbers]
    others = [n for n in others if normalise_number(n) not in claim_numbers(claim)]
    if not numbers or not others:
        return None
    old, new = rng.choice(numbers), rng.choice(others)
    return re.sub(rf"(?<![A-Za-z\d.\[]){re.escape(old)}(?!\d)", new, claim, count=1)


def negate(claim: str) -> str:
    """The claim with its first auxiliary verb negated, or prefixed with a denial."""
    aux = r"\b(is|are|was|were|can|does|do|has|have|will)\b(?! not)"
    negated, n = re.subn(aux, r"\1 not", claim, count=1)
    if n:
        return negated
    lowered = claim[0].lower() + claim[1:] if claim[1:2].islower() else claim
    return f"It is not the case that {lowered}"


def reverse_polarity(claim: str) -> str | None:
    """The claim with its first direction word turned around ("improves" -> "degrades")."""
    best = None
    for word, opposite in _REVERSALS:
        match = re.search(rf"\b{word}\b", claim, re.IGNORECASE)
        if match and (best is None or match.start() < best[0].start()):
            best = (match, opposite)
    if best is None:
        return None
    match, opposite = best
    return claim[: match.start()] + opposite + claim[match.end() :]


def borrow_entity(claim: str, claim_doc: Paper, second: Paper) -> str | None:
    """The claim with one of its names replaced by a name only the second paper has."""
    theirs = [e for e in claim_entities(second.abstract)
              if not entity_in(e, f"{claim_doc.title} {claim_doc.abstract}")]  # fmt: skip
    ours = [e for e in claim_entities(claim) if entity_in(e, claim_doc.abstract)]
    if not theirs:
        return None
    if not ours:
        return f"{strip_markers(claim).rstrip('. ')}, using {theirs[0]} [1]."
    return claim.replace(ours[0], theirs[0], 1)


def invent_entity(claim: str, facts: list[str], rng: random.Random) -> str:
    """The claim with its named key fact replaced by an invented name, or an invented
    benchmark added when the key fact is not a name."""
    fake = rng.choice(FAKE_NAMES)
    for alt in sorted(facts, key=len, reverse=True):
        match = re.search(re.escape(alt), claim, re.IGNORECASE)
        if match and match.start() > 0 and any(c.isalpha() for c in alt):
            return claim[: match.start()] + fake + claim[match.end() :]
    return f"{strip_markers(claim).rstrip('. ')}, evaluated on the {fake} benchmark [1]."


def _nearest_other(sentence: str, gold_id: str, papers: list[Paper]) -> Paper:
    """The other paper sharing the most content words with the claim: the hardest swap."""
    words = content_words(sentence)
    others = [p for p in papers if p.paper_id != gold_id]
    return max(others, key=lambda p: len(words & content_words(f"{p.title} {p.abstract}")))


def _cases_for(q: Question, papers: list[Paper]) -> list[Case]:
    (gold_id,), _ = gold_paper_ids(q, papers)
    gold = next(p for p in papers if p.paper_id == gold_id)
    facts = [a for group in q.key_facts for a in group]
    sentence = _fact_sentence(gold.abstract, facts)
    rng = random.Random(q.id)
    others = [p for p in papers if p.paper_id != gold_id]
    nearest = _nearest_other(sentence, gold_id, papers)
    source = f"{gold.title} {gold.abstract}"
    cases = []
    for claim in true_answers(q, sentence, gold.abstract):
        cases.append(Case(q.id, "true", claim, _doc(gold)))
        number = swap_number(claim, source, rng)
        if number:
            cases.append(Case(q.id, "swap number", number, _doc(gold)))
        moved = misattribute_number(claim, source, rng)
        if moved:
            cases.append(Case(q.id, "number from elsewhere in the abstract", moved, _doc(gold)))
        cases.append(Case(q.id, "negate", negate(claim), _doc(gold)))
        cases.append(Case(q.id, "cite the closest other paper", claim, _doc(nearest)))
        cases.append(Case(q.id, "cite a random other paper", claim, _doc(rng.choice(others))))
        cases.append(Case(q.id, "invent entity", invent_entity(claim, facts, rng), _doc(gold)))
        reversed_ = reverse_polarity(claim)
        if reversed_:
            cases.append(Case(q.id, "reverse polarity", reversed_, _doc(gold)))
        borrowed = borrow_entity(claim, gold, nearest)
        if borrowed:
            cases.append(Case(q.id, "name from the second retrieved paper", borrowed, _doc(gold)))
    return cases


@pytest.fixture(scope="module")
def corruption_cases() -> list[Case]:
    feeds = _feeds()
    questions = [q for q in load_datasets(["sample_feed", "api_day"])
                 if q.kind == "single_fact" and q.feed in feeds]  # fmt: skip
    return [c for q in questions for c in _cases_for(q, feeds[q.feed])]


def test_support_check_passes_true_answers_and_catches_corruptions(
    minilm, corruption_cases
) -> None:
    judge = SupportJudge(minilm)
    verdicts = [(c, judge.support(c.claim, [c.doc])) for c in corruption_cases]
    total, passed = Counter(), Counter()
    for case, support in verdicts:
        total[case.kind] += 1
        passed[case.kind] += support.supported
    rates = {kind: (passed[kind] if kind == "true" else total[kind] - passed[kind]) / total[kind]
             for kind in total}  # fmt: skip
    corrupt = [k for k in total if k != "true"]
    caught = sum(total[k] - passed[k] for k in corrupt) / sum(total[k] for k in corrupt)
    print(f"\ngrader corruption test: {dict(total)}")
    print(f"true answers passed {rates['true']:.3f}; corruptions caught {caught:.3f}; {rates}")
    misses = [c for c, s in verdicts if s.supported != (c.kind == "true")]
    for case in misses[:10]:
        print(f"  miss {case.qid} {case.kind}: {case.claim[:120]} -> {case.doc.title[:50]}")
    assert rates["true"] >= TRUE_PASS_FLOOR
    assert caught >= CATCH_FLOOR
    assert all(rates[k] >= CATCH_FLOOR for k in corrupt if k not in KNOWN_WEAK), rates
    assert all(rates[k] >= floor for k, floor in KNOWN_WEAK.items() if k in rates), rates


def test_corruptions_differ_from_the_true_claims(corruption_cases) -> None:
    true = {(c.qid, c.claim) for c in corruption_cases if c.kind == "true"}
    edited = [c for c in corruption_cases if c.kind in ("swap number", "invent entity")]
    assert edited and all((c.qid, c.claim) not in true for c in edited)
    assert len({c.qid for c in corruption_cases}) >= 46


def test_a_number_in_another_numbers_slot_is_misplaced() -> None:
    source = ("Notably, TW-GRPO achieves 50.4\\% accuracy on CLEVRER (18.8\\% improvement over "
              "Video-R1) and 65.8\\% on MMVU.")  # fmt: skip
    assert misplaced_numbers("TW-GRPO reaches 65.8% on CLEVRER [1].", source) == ["65.8"]
    assert misplaced_numbers("TW-GRPO reaches 65.8% on MMVU [1].", source) == []
    assert misplaced_numbers("It reaches 50.4% accuracy on CLEVRER [1].", source) == []


def test_a_reversed_direction_is_caught() -> None:
    doc = SourceDoc("p", "Pruning", "Our pruning reduces latency by 40% on phones.")
    assert reversed_direction("The pruning increases latency by 40% [1].", [doc]) == ["increas"]
    assert reversed_direction("The pruning reduces latency by 40% [1].", [doc]) == []
