"""Where TL;DRs come from: the feed's own summary, our model, or the abstract; the cache keys
on the source."""

from __future__ import annotations

from pathlib import Path

from assistant.llm.fake import FakeLLM
from assistant.models import Paper
from assistant.summaries.cache import TldrCache
from assistant.summaries.sources import FEED_MAX_WORDS, feed_line, feed_tldr
from assistant.summaries.tldr import TldrWriter, summarise_papers

ABSTRACT = (
    "We propose RouteST, a sparse mixture-of-experts router for end-to-end speech translation. "
    "RouteST activates two of sixteen experts for every audio frame."
)
WITH = Paper("2501.1", "Sparse Routing for Speech", ABSTRACT,
             ai_summary="RouteST routes speech frames\n to two of sixteen experts.")  # fmt: skip
WITHOUT = Paper("2501.2", "Sparse Routing for Speech II", ABSTRACT)
# The built line is "RouteST is a sparse mixture-of-experts router for end-to-end speech
# translation."; the model's trim only deletes words of it.
DRAFT = "RouteST is a mixture-of-experts router for end-to-end speech translation."


def test_feed_lines_are_one_plain_line() -> None:
    assert feed_line("A  summary\nover [two](http://x.example) lines.") == (
        "A summary over two lines."
    )
    assert feed_line(None) is None and feed_line("  ") is None and feed_line("Too short") is None
    long = " ".join(["word"] * 40 + ["and then, more"] + ["word"] * 40)
    assert len((feed_line(long) or "").split()) <= FEED_MAX_WORDS + 1
    assert "<b>" not in (feed_line("<b>Bold</b> claims about speech routing") or "")


def test_auto_uses_the_feed_where_it_can_and_the_model_elsewhere(tmp_path: Path) -> None:
    llm = FakeLLM(lambda messages: DRAFT)
    with TldrCache(tmp_path / "c.sqlite3") as cache:
        run = summarise_papers([WITH, WITHOUT], TldrWriter(llm), cache)
        assert [t.kind for t in run.tldrs] == ["feed", "model"]
        assert run.tldrs[0].tldr == "RouteST routes speech frames to two of sixteen experts."
        assert len(llm.calls) == 1
        model = summarise_papers([WITH, WITHOUT], TldrWriter(llm), cache, source="model")
        assert [t.kind for t in model.tldrs] == ["model", "model"] and len(llm.calls) == 2
        feed = summarise_papers([WITH, WITHOUT], TldrWriter(llm), cache, source="feed")
        assert [t.kind for t in feed.tldrs] == ["feed", "extractive"] and len(llm.calls) == 2
        # Warm: every source comes from the cache, no model call.
        again = summarise_papers([WITH, WITHOUT], TldrWriter(llm), cache, source="model")
        assert again.cached == 2 and again.llm_calls == 0
        auto = summarise_papers([WITH, WITHOUT], TldrWriter(llm), cache)
        assert auto.cached == 2 and auto.llm_calls == 0


def test_the_cache_keys_on_the_source(tmp_path: Path) -> None:
    feed = feed_tldr(WITH)
    assert feed is not None and feed.model == "feed" and feed.kind == "feed"
    changed = Paper(WITH.paper_id, WITH.title, WITH.abstract, ai_summary="A new summary here.")
    assert (feed_tldr(changed) or feed).prompt_version != feed.prompt_version
    with TldrCache(tmp_path / "c.sqlite3") as cache:
        summarise_papers([WITH], TldrWriter(FakeLLM(lambda m: DRAFT)), cache, source="model")
        summarise_papers([WITH], None, cache, source="feed")
        assert cache.count() == 2  # one row per source of the same paper
        model_row = cache.get_any_model(WITH.paper_id, WITH.content_hash,
                                        TldrWriter(FakeLLM()).prompt_version)  # fmt: skip
        assert model_row is not None and model_row.kind == "model"
