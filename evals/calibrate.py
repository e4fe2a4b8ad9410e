"""Fit the abstention model on the dev split: answerable vs unanswerable questions, features
from retrieval alone (no LLM). Writes assistant/data/abstain_calibration.json.

    python -m evals.calibrate [--feeds-dir ../shared/feeds]

The held-out test split is never read here.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.pipeline import abstain
from assistant.pipeline.evidence import bundle_sources, select_evidence
from assistant.services import Services, builtin_feed_path

DATASETS = Path(__file__).parent / "datasets"
OUTPUT = Path(__file__).resolve().parents[1] / "assistant" / "data" / "abstain_calibration.json"
TARGET_RECALL = 0.95  # answerable dev questions that must pass the gate (false abstention <= 5%)


def feed_sources(feed: str, feeds_dir: Path) -> list[str]:
    if feed == "sample":
        return [str(builtin_feed_path())]
    if feed.startswith("hf_api_"):
        return [str(feeds_dir / "hf_api" / f"hf_daily_papers_{feed.removeprefix('hf_api_')}.json")]
    raise ValueError(f"no calibration store for feed {feed}")


def dev_questions() -> list[dict]:
    rows = []
    for name in ("sample_feed.jsonl", "api_day.jsonl"):
        for line in (DATASETS / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["split"] == "dev" and row["kind"] in ("single_fact", "unanswerable"):
                rows.append(row)
    return rows


def feature_rows(rows: list[dict], feeds_dir: Path, home: Path) -> tuple[np.ndarray, np.ndarray]:
    from assistant.ingest import ingest_sources

    xs, ys = [], []
    for feed in sorted({r["feed"] for r in rows}):
        services = Services(Settings(home=home / feed, llm_backend="fake"))
        ingest_sources(services, feed_sources(feed, feeds_dir))
        for row in (r for r in rows if r["feed"] == feed):
            xs.append(question_features(services, row["question"]))
            ys.append(0.0 if row["kind"] == "unanswerable" else 1.0)
    return np.array(xs), np.array(ys)


def question_features(services: Services, question: str) -> list[float]:
    _, q_vec, papers = services.pipeline.search(question)  # the question embedded once
    bundles = bundle_sources(papers[:3], services.embedder)
    evidence = select_evidence(question, q_vec, bundles)
    index = services.pipeline.retriever.index()
    values = abstain.features(question, papers, evidence, index.doc_freq, index.n_papers)
    return [values[name] for name in abstain.FEATURES]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 0.01, steps: int = 20000) -> np.ndarray:
    """Weights then bias (in the raw feature scale), by gradient descent on the L2-regularised
    log loss over standardised features."""
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    design = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ w))
        grad = design.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0]
        w -= 0.5 * grad
    weights = w[:-1] / std
    return np.r_[weights, w[-1] - float(weights @ mean)]


def pick_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """The highest cut that still lets TARGET_RECALL of answerable dev questions through."""
    answerable = np.sort(prob[y == 1])
    index = int(np.floor((1 - TARGET_RECALL) * len(answerable)))
    return float(answerable[index]) - 1e-6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_feeds = Path(__file__).resolve().parents[2] / "shared" / "feeds"
    parser.add_argument("--feeds-dir", type=Path, default=default_feeds)
    args = parser.parse_args()
    rows = dev_questions()
    with tempfile.TemporaryDirectory() as home:
        x, y = feature_rows(rows, args.feeds_dir, Path(home))
    w = fit_logistic(x, y)
    prob = 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))
    threshold = pick_threshold(prob, y)
    caught = float(np.mean(prob[y == 0] < threshold))
    passed = float(np.mean(prob[y == 1] >= threshold))
    result = {
        "features": list(abstain.FEATURES),
        "weights": [round(float(v), 4) for v in w[:-1]],
        "bias": round(float(w[-1]), 4),
        "threshold": round(threshold, 4),
        "fitted_on": f"dev split: {int(y.sum())} answerable, {int((1 - y).sum())} unanswerable",
        "dev_unanswerable_abstained": round(caught, 3),
        "dev_answerable_passed": round(passed, 3),
    }
    OUTPUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
