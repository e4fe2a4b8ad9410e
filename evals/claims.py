"""The answer checker on the labelled claim set (evals/datasets/claims.jsonl): which model
sentences it keeps, against the labels given by reading the abstracts.

    python -m evals.claims --split dev

Each record is one sentence of a real draft of the embedded model, labelled SUPPORTED, WRONG,
UNSUPPORTED or DEGENERATE. The sentence goes through the same verification as in an answer
(``assistant.pipeline.answer.verify_claim``) against the sources its prompt numbered, so
precision is the share of kept sentences labelled SUPPORTED, and recall the share of SUPPORTED
sentences kept.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.pipeline import faithful, meaning, trim
from assistant.pipeline.answer import SENTINEL, verify_claim
from assistant.pipeline.citations import Claim, parse_claims, split_sentences
from assistant.pipeline.evidence import SourceBundle, bundle_sources
from assistant.pipeline.grounding import check_claim
from assistant.pipeline.types import RetrievedPaper
from assistant.sanitize import clean_output
from evals.datasets import PACKAGE_DIR

if TYPE_CHECKING:
    from vectorstore.embeddings import Embedder

DATASETS = PACKAGE_DIR / "datasets"
LABELS = ("SUPPORTED", "WRONG", "UNSUPPORTED", "DEGENERATE")


@dataclass(frozen=True)
class Checked:
    record: dict[str, Any]
    why: str | None  # the stage that dropped the sentence and why; None when kept

    @property
    def kept(self) -> bool:
        return self.why is None

    @property
    def label(self) -> str:
        return str(self.record["label"])


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def check_records(
    records: Iterable[dict[str, Any]], abstracts: dict[str, dict[str, str]], embedder: Embedder
) -> list[Checked]:
    """Each record's sentence verified against the sources numbered in its prompt."""
    results = []
    cache: dict[tuple[str, ...], list[SourceBundle]] = {}  # records share their sources
    for record in records:
        by_n = {s["n"]: s for s in record["sources"]}
        # Numbers skip where a retrieved paper had no evidence in the prompt: keep the places.
        places = range(1, max(by_n, default=0) + 1)
        papers = [_paper(by_n.get(n, {"paper_id": f"unshown-{n}"}), abstracts) for n in places]
        key = tuple(p.paper_id for p in papers)
        if key not in cache:
            cache[key] = bundle_sources(papers, embedder)
        bundles = cache[key]
        earlier = split_sentences(record.get("draft", ""))[: record.get("position", 0)]
        results.append(Checked(record, why_dropped(record, earlier, bundles, embedder)))
    return results


def why_dropped(
    record: dict[str, Any], earlier: list[str], bundles: list[SourceBundle], embedder: Embedder
) -> str | None:
    """The answer checker's verdict, as in ``AnswerBuilder``: None when the sentence is well
    formed, drawn from the quotes it was shown (``faithful``), held by its paper's abstract
    and, answering before the draft has a lead, a trim of the lead (``trim``); else the stage
    that drops it and why."""
    raw = record["sentence"]
    if SENTINEL in raw.upper():
        return "form: the sentinel"
    if problem := meaning.sentence_problem(raw, earlier):
        return f"form: {problem}"
    claims = _claims(raw, len(bundles))
    if not claims:
        return "form: no claim"
    lead, shown = " ".join(record.get("lead", [])), record.get("shown") or _prompt_quotes(record)
    top = _top_n(record)
    for c in claims:
        if found := _not_drawn(c.text, record["question"], lead, shown):
            return f"faithful: {found}"
        if found := _not_held(Claim(c.text, (top,)), record["question"], bundles, embedder):
            return f"verify: {found}"
        off_lead = _off_lead(c.text, record, bundles[top - 1])
        if off_lead and not _led(record, earlier, bundles, embedder):
            return "lead: answers from another sentence than the lead quote's span"
    return None


def _off_lead(text: str, record: dict[str, Any], top: SourceBundle) -> bool:
    """As ``AnswerBuilder._keep``: the sentence answers the question (``trim.answers``) but is
    no trim of the lead quote's shown span (``trim.trims_lead``)."""
    question, title = record["question"], top.text.title
    if not record.get("lead") or not trim.answers(text, question, top.text.abstract, title):
        return False
    sentences = [clean_output(s) for s in record["lead"]]
    spans = trim.shown_spans(question, sentences, title)
    return not trim.trims_lead(text, question, sentences, spans)


def _led(
    record: dict[str, Any], earlier: list[str], bundles: list[SourceBundle], embedder: Embedder
) -> bool:
    """An earlier sentence of the draft was kept and answers: the answer has its lead, and
    the rule above applies only before it."""
    top = bundles[_top_n(record) - 1]
    for i, sentence in enumerate(earlier):
        kept = why_dropped({**record, "sentence": sentence}, earlier[:i], bundles, embedder) is None
        said = " ".join(c.text for c in _claims(sentence, len(bundles)))
        if kept and trim.answers(said, record["question"], top.text.abstract, top.text.title):
            return True
    return False


def _claims(sentence: str, n_sources: int) -> list[Claim]:
    """The claims of a draft sentence, as ``AnswerBuilder`` parses them."""
    return parse_claims(clean_output(sentence.replace("[n]", "")), n_sources)


def _top_n(record: dict[str, Any]) -> int:
    """The prompt's number of the top source: the one every claim is cited to."""
    return int(record["sources"][0]["n"]) if record["sources"] else 1


def _not_drawn(sentence: str, question: str, lead: str, shown: list[str]) -> str | None:
    """Why the sentence is drawn from none of the quotes shown, when the record knows them
    (as ``AnswerBuilder._verify``)."""
    if not lead and not shown:
        return None
    quotes = [*meaning.source_sentences(clean_output(lead)), *(clean_output(q) for q in shown)]
    # As ``faithful.drawn_from`` (drawn when one quote alone has no problem), but telling the
    # problems of the closest quote rather than the first.
    found = [faithful.problems(sentence, quote, question) for quote in quotes]
    closest = min(found, key=len, default=["no quote to draw from"])
    return "; ".join(closest) or None


def _not_held(
    claim: Claim, question: str, bundles: list[SourceBundle], embedder: Embedder
) -> str | None:
    """Why the claim's own cited paper does not hold it (the answer drops a claim only another
    holds): the grounding and meaning problems found against that paper."""
    verified = verify_claim(claim, question, bundles, embedder.embed([claim.text])[0])
    if verified is not None and verified[0].cited == claim.cited:
        return None
    bundle = bundles[claim.cited[0] - 1]
    verdict = check_claim(claim.text, bundle.text, embedder.embed([claim.text])[0], bundle.vectors)
    others = [b.text.abstract for b in bundles if b is not bundle]
    found = [*verdict.reasons]
    found += meaning.problems(
        claim.text,
        title=bundle.text.title,
        abstract=bundle.text.abstract,
        best_sentence=verdict.best_sentence,
        question=question,
        others=others,
    )
    return "; ".join(found) or "held only by another paper, or too short or an echo"


def _prompt_quotes(record: dict[str, Any]) -> list[str]:
    """The sentences the prompt showed (records of the first answer task, which kept no list):
    the lines of its source blocks between the title and the closing tag."""
    lines = record.get("prompt_sources", "").splitlines()
    body = [
        line for line in lines if line and not line.startswith(("<source", "</source", "Title:"))
    ]
    return [s for line in body for s in meaning.source_sentences(line)]


def _paper(source: dict[str, Any], abstracts: dict[str, dict[str, str]]) -> RetrievedPaper:
    row = abstracts.get(source["paper_id"], {})
    return RetrievedPaper(
        source["paper_id"],
        row.get("title", source.get("title", "")),
        None,
        None,
        0.0,
        0.0,
        0.0,
        abstract=row.get("abstract", ""),
    )


def confusion(results: Iterable[Checked]) -> dict[str, dict[str, int]]:
    """Per label: how many sentences the checker kept and dropped."""
    counts = Counter((r.label, r.kept) for r in results)
    return {
        label: {"kept": counts[label, True], "dropped": counts[label, False]} for label in LABELS
    }


def precision_recall(matrix: dict[str, dict[str, int]]) -> tuple[float | None, float | None]:
    kept = sum(row["kept"] for row in matrix.values())
    supported = matrix["SUPPORTED"]
    total_supported = supported["kept"] + supported["dropped"]
    return (
        supported["kept"] / kept if kept else None,
        supported["kept"] / total_supported if total_supported else None,
    )


CLAIM_SETS = ("claims", "claims_v2")  # the first answer task's sentences, then the current one


def claims_section(embedder: Embedder, split: str) -> dict[str, Any]:
    """For ``feedqa eval``: the checker's confusion matrix, precision and recall on each
    labelled claim set's ``split`` (all splits for "all")."""
    abstracts = {r["paper_id"]: r for r in load_jsonl(DATASETS / "claim_sources.jsonl")}
    sets = {}
    for name in CLAIM_SETS:
        path = DATASETS / f"{name}.jsonl"
        records = (
            [r for r in load_jsonl(path) if r.get("label") and split in ("all", r.get("split"))]
            if path.is_file()
            else []
        )
        if records:
            matrix = confusion(check_records(records, abstracts, embedder))
            precision, recall = precision_recall(matrix)
            sets[name] = {
                "n": len(records),
                "matrix": matrix,
                "precision": precision,
                "recall": recall,
            }
    return {"split": split, "sets": sets}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--misses", action="store_true", help="print the sentences misjudged")
    parser.add_argument("--why", action="store_true", help="with --misses: the stage and reason")
    parser.add_argument("--set", choices=CLAIM_SETS, default=CLAIM_SETS[-1], dest="claim_set")
    args = parser.parse_args(argv)
    from assistant.config import Settings
    from vectorstore.embeddings import make_embedder

    records = [
        r
        for r in load_jsonl(DATASETS / f"{args.claim_set}.jsonl")
        if r.get("label") and args.split in ("all", r.get("split"))
    ]
    abstracts = {r["paper_id"]: r for r in load_jsonl(DATASETS / "claim_sources.jsonl")}
    results = check_records(records, abstracts, make_embedder(Settings()))
    matrix = confusion(results)
    precision, recall = precision_recall(matrix)
    print(f"{args.claim_set} split {args.split}: {len(results)} labelled sentences")
    print(f"{'label':<12} {'kept':>5} {'dropped':>8}")
    for label, row in matrix.items():
        print(f"{label:<12} {row['kept']:>5} {row['dropped']:>8}")
    print(f"precision (kept that are SUPPORTED) {precision}; recall (SUPPORTED kept) {recall}")
    if args.misses:
        for r in results:
            if r.kept != (r.label == "SUPPORTED"):
                kind = r.record.get("error_kind", "")
                print(f"{r.label:<11} kept={r.kept} {kind}: {r.record['sentence'][:160]}")
                if args.why and r.why:
                    print(f"    {r.why[:300]}")


if __name__ == "__main__":
    main()
