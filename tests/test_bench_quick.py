"""`python -m evals.bench --quick` end to end: a smoke test of the benchmark harness.

It checks that every section ran and produced positive figures, and that bench.md lists
every target. It never asserts a speed: the figures depend on the machine and its load.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# The run itself takes 1-2 minutes on an idle 2-core machine; much longer under load.
pytestmark = [pytest.mark.integration, pytest.mark.timeout(1800)]

REPO = Path(__file__).resolve().parents[1]
# Figures that must be measured (> 0) in every run, quick or full.
REQUIRED: dict[str, list[tuple[str, ...]]] = {
    "limits": [
        ("embedder", "chunks_per_s"),
        ("embedder", "tokens_per_s"),
        ("llm", "prefill_tokens_per_s"),
        ("llm", "decode_tokens_per_s"),
    ],
    "ingest": [
        ("sample", "first", "papers_per_s"),
        ("sample", "vs_raw_embedder"),
        ("archive", "first", "papers"),
        ("archive", "first", "chunks_per_s"),
        ("archive", "first", "peak_rss_mb"),
        ("archive", "reingest", "wall_seconds"),
        ("archive", "reingest_ratio_wall"),
    ],
    "query": [
        ("retrieval", "sample", "p50_ms"),
        ("retrieval", "archive", "p95_ms"),
        ("ask_warm", "first_token", "p50_ms"),
        ("ask_warm", "total", "p50_ms"),
        ("ask_cold", "first_byte", "p50_ms"),
    ],
    "tldr": [("cold_seconds_per_paper",), ("cached_seconds_per_paper",)],
    "memory": [("ingest_peak_rss_mb",), ("ask_peak_rss_mb",)],
    "baseline": [
        ("ingest", "sample", "papers_per_s"),
        ("hit@5", "questions"),
        ("ttft", "baseline_first_token", "p50_ms"),
        ("ttft", "ours_first_token", "p50_ms"),
    ],
    "scale": [
        ("cold_ask", "sample", "wall_p50_s"),
        ("cold_ask", "synthetic", "peak_rss_mb"),
        ("cold_ask", "synthetic", "vs_sample"),
        ("retrieval", "p50_ms"),
        ("incremental_day", "index_cost_s"),
        ("incremental_day", "minilm_embed_s"),
    ],
}


def _at(section: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = section
    for key in path:
        assert isinstance(node, dict) and key in node, f"missing {'.'.join(path)}"
        node = node[key]
    return node


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory, shared_feeds: Path) -> Path:
    from assistant.errors import ModelFileError
    from vectorstore.embeddings import MiniLMEmbedder

    try:
        MiniLMEmbedder().token_ids("check")
    except ModelFileError as exc:
        pytest.skip(f"model packages not installed: {exc}")
    out = tmp_path_factory.mktemp("bench")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env["FEEDQA_HOME"] = str(out / "home")
    cmd = [sys.executable, "-m", "evals.bench", "--quick", "--out", str(out),
           "--scale-dir", str(out / "scale")]  # fmt: skip
    result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return out


def test_every_section_has_positive_figures(quick_run: Path) -> None:
    results = json.loads((quick_run / "bench.json").read_text())
    for name, paths in REQUIRED.items():
        section = results[name]
        assert "error" not in section, f"{name}: {section.get('error')}"
        if name == "tldr" and section.get("status") == "n/a":
            continue  # assistant.summaries not installed: reported as n/a
        for path in paths:
            value = _at(section, path)
            assert isinstance(value, int | float) and value > 0, f"{name}.{'.'.join(path)}={value}"


def test_report_lists_every_target(quick_run: Path) -> None:
    results = json.loads((quick_run / "bench.json").read_text())
    markdown = (quick_run / "bench.md").read_text()
    assert len(results["targets"]) == 14  # targets.CHECKS
    for target in results["targets"]:
        assert target["status"] in ("PASS", "MISS", "n/a")
        assert target["name"] in markdown
    assert results["run"]["mode"] == "quick" and results["run"]["load_start"] >= 0
    assert not (quick_run / "work").exists()  # the stores built for the run are removed
