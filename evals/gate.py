"""The CI gate: metrics compared with the floors (and ceilings) in evals/thresholds.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.datasets import THRESHOLDS_PATH
from evals.metrics import Metrics
from evals.runner import EvalOptions


@dataclass(frozen=True)
class Thresholds:
    """``floors``: a metric must be at least this; ``ceilings``: at most this. The gate runs
    ``slice_n`` questions of ``split`` and ``tldr_papers`` TL;DRs."""

    floors: dict[str, float]
    ceilings: dict[str, float]
    slice_n: int = 30
    split: str = "dev"
    tldr_papers: int = 6


@dataclass(frozen=True)
class Breach:
    metric: str
    value: float | None
    bound: float
    kind: str  # "floor", "ceiling" or "missing"

    def __str__(self) -> str:
        if self.kind == "missing":
            return f"{self.metric}: not measured (bound {self.bound})"
        sign = ">=" if self.kind == "floor" else "<="
        return f"{self.metric} = {self.value:.3f}, needs {sign} {self.bound}"


def load_thresholds(path: Path | None = None) -> Thresholds:
    """Read the thresholds file (default: evals/thresholds.toml)."""
    data: dict[str, Any] = tomllib.loads((path or THRESHOLDS_PATH).read_text(encoding="utf-8"))
    gate = data.get("gate", {})
    return Thresholds(
        floors={k: float(v) for k, v in data.get("floors", {}).items()},
        ceilings={k: float(v) for k, v in data.get("ceilings", {}).items()},
        slice_n=int(gate.get("slice", 30)),
        split=str(gate.get("split", "dev")),
        tldr_papers=int(gate.get("tldr_papers", 6)),
    )


def gate_options(
    thresholds: Thresholds, feeds_dir: Path | None = None, *, answers: bool = True
) -> EvalOptions:
    """The run the floors were measured on: the gate's split, slice and TL;DR count."""
    tldr = thresholds.tldr_papers if answers else 0
    return EvalOptions(
        split=thresholds.split,
        slice_n=thresholds.slice_n,
        feeds_dir=feeds_dir,
        answers=answers,
        tldr_papers=tldr,
    )


def check(metrics: Metrics, thresholds: Thresholds, *, require_all: bool = False) -> list[Breach]:
    """Metrics below their floor or above their ceiling. A metric that was not measured (None
    or absent) is skipped, or reported as a breach when ``require_all`` is set."""
    breaches: list[Breach] = []
    bounds = [
        *((m, b, "floor") for m, b in thresholds.floors.items()),
        *((m, b, "ceiling") for m, b in thresholds.ceilings.items()),
    ]
    for metric, bound, kind in bounds:
        value = metrics.get(metric)
        if value is None:
            if require_all:
                breaches.append(Breach(metric, None, bound, "missing"))
        elif (value < bound) if kind == "floor" else (value > bound):
            breaches.append(Breach(metric, value, bound, kind))
    return breaches
