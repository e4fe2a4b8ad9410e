"""Property tests: whatever bytes arrive, parse_bytes returns a result or raises FeedError."""

from __future__ import annotations

from functools import cache

from fixtures_paths import HF_API, PAGE_SAMPLE, arxiv_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import FeedError
from assistant.feeds import Limits, parse_bytes
from assistant.models import ParseResult

# No example database: these tests must not write into the working tree.
FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Small limits so the truncation and size paths are exercised too.
LIMITS = Limits(max_feed_bytes=400_000, max_item_chars=300)
REAL_FEEDS = [
    PAGE_SAMPLE,
    HF_API / "hf_daily_papers_2024-05-27.json",
    HF_API / "hf_daily_papers_2025-06-16.json",
    HF_API / "hf_daily_papers_2024-12-11.json",
    arxiv_file("arxiv_api_id_1605.08386"),
    arxiv_file("arxiv_api_id_abc"),
    arxiv_file("arxiv_api_id_0000.0000"),
    arxiv_file("arxiv_api_q_testing"),
    arxiv_file("arxiv_rss_atom_cs.AI_2025-08-20_repaired"),
]
JSONL_SAMPLE = (
    b'{"title": "A paper", "abstract": "It does things.", "id": "2501.00001v2"}\n'
    b'{"title": "B paper", "summary": "It does more.", "authors": ["X", {"name": "Y"}]}\n'
)


@cache
def real_feed(index: int) -> bytes:
    if index == len(REAL_FEEDS):
        return JSONL_SAMPLE
    return REAL_FEEDS[index].read_bytes()


def check(data: bytes) -> None:
    try:
        result = parse_bytes(data, "fuzz", LIMITS)
    except FeedError as exc:
        assert exc.source == "fuzz"
        return
    assert isinstance(result, ParseResult)
    for paper in result.papers:
        assert paper.paper_id and paper.title and paper.abstract
        assert len(paper.abstract) <= LIMITS.max_item_chars


@FUZZ
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data)


@FUZZ
@given(st.sampled_from(["", "<", "[", "{", "<?xml version='1.0'?><feed"]), st.text(max_size=2000))
def test_arbitrary_text_after_each_format_marker(prefix: str, text: str) -> None:
    check((prefix + text).encode())


@st.composite
def mutated_feed(draw: st.DrawFn) -> bytes:
    data = bytearray(real_feed(draw(st.integers(0, len(REAL_FEEDS)))))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[position : position + draw(st.integers(1, 4096))]
    return bytes(data)


@FUZZ
@given(mutated_feed())
def test_mutated_real_feeds(data: bytes) -> None:
    check(data)
