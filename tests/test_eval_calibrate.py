"""evals.calibrate's fit, threshold and leave-one-feed-out cross-validation on tiny synthetic
rows (no model, no store)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from assistant.pipeline.abstain import FEATURES, Calibration
from evals import calibrate
from evals.calibrate import Rows


def _rows(seed: int = 0, per_feed: int = 20, feeds: int = 4) -> Rows:
    """Answerable rows score high on every feature but "missing", unanswerable ones low."""
    rng = np.random.default_rng(seed)
    y = np.tile([1.0] * (per_feed - 5) + [0.0] * 5, feeds)
    signal = np.where(y[:, None] == 1, 0.7, 0.3) + rng.normal(0, 0.1, (len(y), len(FEATURES)))
    signal[:, FEATURES.index("missing")] = 1 - y
    names = np.repeat([f"feed{i}" for i in range(feeds)], per_feed)
    return Rows(signal, y, names)


def test_the_threshold_lets_the_target_share_of_answerable_questions_through() -> None:
    prob = np.r_[np.linspace(0.05, 1.0, 20), [0.9, 0.95]]
    y = np.r_[np.ones(20), np.zeros(2)]
    cut = calibrate.pick_threshold(prob, y, 0.95)
    assert np.sum(prob[y == 1] >= cut) == 19
    assert np.sum(prob[y == 1] >= calibrate.pick_threshold(prob, y, 0.90)) == 18


def test_probabilities_are_the_gates_own() -> None:
    gate = Calibration((1.0, 2.0, -0.5, -3.0), -1.0, 0.5)
    x = np.array([[0.2, 0.4, 0.9, 0.0], [0.7, 0.1, 0.3, 1.0]])
    expected = [gate.probability(dict(zip(FEATURES, row, strict=True))) for row in x]
    assert calibrate.probabilities(gate, x) == pytest.approx(expected)


def test_a_fit_on_separable_rows_abstains_on_every_unanswerable_one() -> None:
    rows = _rows()
    gate = calibrate.fit(rows.x, rows.y, 0.95)
    passed = calibrate.probabilities(gate, rows.x) >= gate.threshold
    assert not passed[rows.y == 0].any()
    assert passed[rows.y == 1].mean() >= 0.95
    assert gate.weights[FEATURES.index("missing")] < 0 < gate.weights[FEATURES.index("dense")]


def test_each_feed_is_scored_by_a_gate_fitted_without_it(monkeypatch) -> None:
    rows = _rows()
    trained_on: list[int] = []
    real_fit = calibrate.fit

    def spy(x: np.ndarray, y: np.ndarray, target: float) -> Calibration:
        trained_on.append(len(x))
        return real_fit(x, y, target)

    monkeypatch.setattr(calibrate, "fit", spy)
    passed = calibrate.held_out_passes(rows, 0.95)
    assert trained_on == [60, 60, 60, 60]  # four folds, each without its own 20 rows
    assert passed.shape == rows.y.shape


def test_a_feed_unlike_the_others_is_judged_by_the_others() -> None:
    """In-sample a fit bends to every feed; held out, a feed whose answerable questions look
    unanswerable to the other feeds is abstained on."""
    rows = _rows()
    odd = rows.feeds == "feed3"
    x = rows.x.copy()
    x[odd & (rows.y == 1), :3] = 0.3  # weak retrieval, yet answerable
    passed = calibrate.held_out_passes(Rows(x, rows.y, rows.feeds), 0.95)
    assert not passed[odd & (rows.y == 1)].any()
    assert passed[~odd & (rows.y == 1)].mean() >= 0.9


def test_rates_count_both_kinds_of_question() -> None:
    passed = np.array([True, False, True, True, False])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0])
    result = calibrate.rates(passed, y)
    assert result["unanswerable_abstained"] == "1/2"
    assert result["answerable_passed"] == "2/3"
    assert result["answerable_passed_rate"] == 0.667


def test_the_record_keeps_what_it_was_fitted_on_and_rounds_the_cut_down() -> None:
    rows = _rows()
    gate = calibrate.fit(rows.x, rows.y, 0.95)
    record = calibrate.calibration_record(gate, rows, 0.95)
    assert record["threshold"] == math.floor(gate.threshold * 1e4) / 1e4 <= gate.threshold
    assert record["fitted_on"].endswith("60 answerable, 20 unanswerable, 4 feeds")
    assert record["dev_answerable_passed"] >= 0.95
    assert set(record["leave_one_feed_out"]) == {"unanswerable_abstained", "answerable_passed"}


def test_the_dev_questions_hold_no_test_record() -> None:
    questions = calibrate.dev_questions()
    assert {q.split for q in questions} == {"dev"}
    assert {q.kind for q in questions} == set(calibrate.KINDS)
    assert {q.dataset for q in questions} == set(calibrate.DATASETS)
