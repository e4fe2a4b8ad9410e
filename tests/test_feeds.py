"""Feed parsers and format detection, on the real shared fixtures and small synthetic inputs."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from fixtures_paths import HF_API, PAGE_SAMPLE, arxiv_file

from assistant.config import Settings
from assistant.errors import FeedError
from assistant.feeds import Limits, detect_format, parse_bytes
from assistant.feeds.ids import arxiv_id, title_id
from assistant.models import ParseResult

LIMITS = Limits()


def parse_file(path: Path, limits: Limits = LIMITS) -> ParseResult:
    return parse_bytes(path.read_bytes(), str(path), limits)


def feed_error(data: bytes, source: str = "feed.x", limits: Limits = LIMITS) -> FeedError:
    with pytest.raises(FeedError) as caught:
        parse_bytes(data, source, limits)
    assert caught.value.source == source
    assert "\n" not in str(caught.value)
    return caught.value


# --- ids -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2501.00001", "2501.00001"),
        ("2501.00001v2", "2501.00001"),
        ("2501.00001v12", "2501.00001"),
        ("0704.0001", "0704.0001"),
        ("hep-th/9901001v1", "hep-th/9901001"),
        ("cond-mat/0102536", "cond-mat/0102536"),
        ("math.CO/0601001v2", "math/0601001"),
        ("https://arxiv.org/abs/2501.00001v3", "2501.00001"),
        ("https://arxiv.org/pdf/2501.00001v2.pdf", "2501.00001"),
        ("http://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001"),
        ("oai:arXiv.org:2508.13167v1", "2508.13167"),
        ("oai:arXiv.org:hep-th/9901001", "hep-th/9901001"),
        ("arXiv:2508.13167", "2508.13167"),
        ("10.48550/arXiv.2501.00001", "2501.00001"),
        ("0000.0000", None),
        ("2513.00001", None),
        ("12501.00001", None),
        ("abc", None),
        ("", None),
        (None, None),
    ],
)
def test_arxiv_id(text: str | None, expected: str | None) -> None:
    assert arxiv_id(text) == expected


def test_versions_fold_to_one_paper() -> None:
    lines = [
        {"id": "2501.00001v1", "title": "First", "abstract": "Version one."},
        {"id": "2501.00001v2", "title": "First (revised)", "abstract": "Version two."},
    ]
    result = parse_bytes(_jsonl(lines), "v.jsonl", LIMITS)
    assert [p.paper_id for p in result.papers] == ["2501.00001"]
    assert result.papers[0].abstract == "Version one."  # the first one wins


def test_title_id_is_stable_and_folds_case_space_and_punctuation() -> None:
    tid = title_id("Attention Is All You Need")
    assert re.fullmatch(r"t-[0-9a-f]{12}", tid)
    assert tid == "t-4a1c934d3d98"  # pinned: ids are stored, they must not drift
    assert title_id("  attention is ALL you need. ") == tid
    assert title_id("Attention\nis all -- you   need!") == tid
    assert title_id("Attention Is All You Need Too") != tid


# --- Hugging Face Daily Papers page ----------------------------------------------------------


def test_page_sample_has_46_papers() -> None:
    result = parse_file(PAGE_SAMPLE)
    assert result.format == "hf_page"
    assert len(result.papers) == 46
    assert result.skipped == 0
    first, last = result.papers[0], result.papers[-1]
    assert first.title.startswith("Softplus Attention with Re-weighting")
    assert first.abstract.startswith("Large language models have achieved")
    assert last.title == "Large Continual Instruction Assistant"
    assert len({p.paper_id for p in result.papers}) == 46
    for paper in result.papers:
        assert paper.paper_id == title_id(paper.title)
        assert paper.url is None
        assert len(paper.abstract) > 1000
    titles = {p.title for p in result.papers}
    assert titles.isdisjoint({"new", "Subscribe", "Daily Papers", "Sep 4"})


def test_page_header_is_found_by_shape_not_by_fixed_lines() -> None:
    abstract = "We study things. " * 20
    text = (
        "Some banner\r\n\r\nAnother header line\r\n\r\nOct 12\r\n\r\n"
        f"Paper One\r\n\r\n{abstract}\r\n\r\n"
        "Orphan title without abstract\r\n\r\n"
        f"Paper  Two\r\n\r\n{abstract}\r\n"
    )
    result = parse_bytes(text.encode(), "page.txt", LIMITS)
    assert [p.title for p in result.papers] == ["Paper One", "Paper Two"]
    assert result.skipped == 1
    assert result.papers[0].abstract == abstract.strip()


def test_text_without_papers_is_an_error() -> None:
    err = feed_error(b"just a line\n\nand another\n", "notes.txt")
    assert "no title/abstract" in err.problem


# --- Hugging Face Daily Papers API -----------------------------------------------------------


def test_hf_api_old_schema() -> None:
    result = parse_file(HF_API / "hf_daily_papers_2024-05-27.json")
    assert result.format == "hf_api"
    assert len(result.papers) == 13
    assert result.skipped == 0
    first = result.papers[0]
    assert first.paper_id == "2405.15738"
    assert first.title.startswith("ConvLLaVA")
    assert first.authors[:2] == ("Chunjiang Ge", "Sijie Cheng")
    assert first.published == "2024-05-24"
    assert first.url == "https://huggingface.co/papers/2405.15738"
    assert first.upvotes == 32
    for paper in result.papers:
        assert paper.day == "2024-05-27"
        assert paper.ai_summary is None
        assert arxiv_id(paper.paper_id) == paper.paper_id


def test_hf_api_new_schema() -> None:
    result = parse_file(HF_API / "hf_daily_papers_2025-06-16.json")
    assert len(result.papers) == 9
    first = result.papers[0]
    assert first.paper_id == "2506.11924"
    assert first.published == "2025-06-13"
    # The item's publishedAt is 2025-06-13; the paper was on the Daily Papers of the 16th.
    assert {p.day for p in result.papers} == {"2025-06-16"}
    assert first.github == "https://github.com/cvlab-kaist/MoAI"
    assert first.ai_summary and first.ai_summary.startswith("A diffusion-based framework")
    assert all(p.ai_summary for p in result.papers)
    assert sum(1 for p in result.papers if p.github) == 3
    assert all(isinstance(p.upvotes, int) for p in result.papers)


def test_hf_api_day_without_a_date_in_the_name() -> None:
    new = parse_bytes((HF_API / "hf_daily_papers_2025-06-16.json").read_bytes(), "x.json")
    assert {p.day for p in new.papers} == {"2025-06-16"}  # from submittedOnDailyAt
    old = parse_bytes((HF_API / "hf_daily_papers_2024-05-27.json").read_bytes(), "x.json")
    assert {p.day for p in old.papers} == {"2024-05-27"}  # from the item's publishedAt


def test_hf_api_python_repr_save_is_malformed() -> None:
    path = HF_API / "hf_daily_papers_2024-12-11.json"
    with pytest.raises(FeedError) as caught:
        parse_file(path)
    assert caught.value.source == str(path)
    assert "Python-repr" in caught.value.problem
    assert str(path) in str(caught.value)


def test_hf_api_dict_wrapper() -> None:
    items = json.loads((HF_API / "hf_daily_papers_2024-05-27.json").read_bytes())
    doc = {"status": "success", "date": "2024-05-28", "count": len(items), "data": items}
    result = parse_bytes(json.dumps(doc).encode(), "wrapped.json", LIMITS)
    assert len(result.papers) == 13
    assert {p.day for p in result.papers} == {"2024-05-28"}  # the wrapper's date
    empty = parse_bytes(b'{"status": "success", "date": "2024-05-28", "data": []}', "e.json")
    assert empty.papers == [] and empty.format == "hf_api"


def test_hf_api_fields_hidden_authors_organization_and_gaps() -> None:
    items = [
        _hf_item("2501.00001v2", authors=[("Ann", False), ("Hidden Person", True), ("Bo", False)]),
        _hf_item("2501.00002", organization={"name": "org-x", "fullname": "Org X Lab"}),
        _hf_item("2501.00003", summary="   "),  # no abstract: skipped
        _hf_item("2501.00001"),  # duplicate id: dropped
        42,  # neither an object nor a repr string: skipped
        _hf_item("not-arxiv", title="A Paper  Without\nArxiv Id"),
    ]
    result = parse_bytes(json.dumps(items).encode(), "feed.json", LIMITS)
    ids = [p.paper_id for p in result.papers]
    assert ids == ["2501.00001", "2501.00002", title_id("A Paper Without Arxiv Id")]
    assert result.papers[0].authors == ("Ann", "Bo")
    assert result.papers[1].organization == "Org X Lab"
    assert result.papers[2].title == "A Paper Without Arxiv Id"
    assert result.papers[2].url is None
    assert result.skipped == 2


def test_hf_api_empty_day() -> None:
    result = parse_bytes(b"[]", "hf:2024-06-01", LIMITS)
    assert result.papers == [] and result.skipped == 0


# --- arXiv ------------------------------------------------------------------------------------


def test_arxiv_rss_repaired() -> None:
    result = parse_file(arxiv_file("arxiv_rss_atom_cs.AI_2025-08-20_repaired"))
    assert result.format == "arxiv_rss"
    assert len(result.papers) == 86
    for paper in result.papers:
        assert "Announce Type" not in paper.abstract
        assert not paper.abstract.startswith(("arXiv:", "Abstract:"))
        assert arxiv_id(paper.paper_id) == paper.paper_id
        assert paper.url == f"https://arxiv.org/abs/{paper.paper_id}"
        assert paper.published == "2025-08-20" == paper.day
        assert paper.authors and all("," not in name for name in paper.authors)
    first = result.papers[0]
    assert first.paper_id == "2508.13167"
    assert first.abstract.startswith("Recent advances in large language models")
    assert first.authors[:3] == ("Weizhen Li", "Jianbo Lin", "Zhuosong Jiang")
    assert len(first.authors) == 30


def test_arxiv_rss_truncated_is_an_error() -> None:
    path = arxiv_file("arxiv_rss_atom_cs.AI_2025-08-20_RAW_truncated")
    with pytest.raises(FeedError) as caught:
        parse_file(path)
    assert caught.value.source == str(path)
    assert re.search(r"not well-formed XML at line \d+", caught.value.problem)


def test_arxiv_api_search() -> None:
    result = parse_file(arxiv_file("arxiv_api_q_testing"))
    assert result.format == "arxiv_api"
    assert len(result.papers) == 100
    assert len({p.paper_id for p in result.papers}) == 100
    first = result.papers[0]
    assert first.paper_id == "2202.12139"
    assert first.authors == ("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker")
    assert first.published == "2022-02-24"
    assert first.day is None
    assert first.url == "https://arxiv.org/abs/2202.12139v1"


def test_arxiv_api_single_id() -> None:
    result = parse_file(arxiv_file("arxiv_api_id_1605.08386"))
    assert [p.paper_id for p in result.papers] == ["1605.08386"]
    paper = result.papers[0]
    assert paper.title == "Heat-bath random walks with Markov bases"
    assert paper.authors == ("Caprice Stanley", "Tobias Windisch")
    assert paper.published == "2016-05-26"


def test_arxiv_api_error_feed() -> None:
    path = arxiv_file("arxiv_api_id_abc")
    with pytest.raises(FeedError) as caught:
        parse_file(path)
    assert caught.value.problem == "arXiv API error: incorrect id format for abc"


def test_arxiv_api_empty_result() -> None:
    result = parse_file(arxiv_file("arxiv_api_id_0000.0000"))
    assert result.papers == [] and result.skipped == 0


def test_xml_that_is_not_a_feed() -> None:
    assert "not an Atom or RSS feed" in feed_error(b"<?xml version='1.0'?><doc/>").problem


# --- JSONL -----------------------------------------------------------------------------------


def test_jsonl_records() -> None:
    lines: list[dict[str, object]] = [
        {"title": "One", "abstract": "A.", "arxiv_id": "2502.00001v3", "authors": ["X", "Y"]},
        {"title": "Two", "summary": "B.", "url": "https://arxiv.org/abs/2502.00002"},
        {"title": "Three", "abstract": "C.", "authors": "P, Q", "published": "2025-02-03T00:00Z"},
        {"title": "No abstract"},
        {"abstract": "No title."},
    ]
    result = parse_bytes(_jsonl(lines) + b"\n\n", "records.txt", LIMITS)
    assert result.format == "jsonl"
    one, two, three = result.papers
    assert (one.paper_id, one.authors) == ("2502.00001", ("X", "Y"))
    assert one.url == "https://arxiv.org/abs/2502.00001"
    assert (two.paper_id, two.abstract) == ("2502.00002", "B.")
    assert three.paper_id == title_id("Three")
    assert (three.authors, three.published) == (("P", "Q"), "2025-02-03")
    assert result.skipped == 2


def test_jsonl_bad_line_names_the_line() -> None:
    data = b'{"title": "A", "abstract": "B"}\n{"title": "C", "abstract": "D"}\n{"title": oops}\n'
    err = feed_error(data, "bad.jsonl")
    assert err.problem.startswith("line 3: invalid JSON")


# --- detection and common rules -------------------------------------------------------------


def test_detection_uses_content_not_extension(tmp_path: Path) -> None:
    disguised = tmp_path / "papers.txt"
    disguised.write_bytes((HF_API / "hf_daily_papers_2024-05-27.json").read_bytes())
    assert parse_file(disguised).format == "hf_api"
    xml = b"\xef\xbb\xbf\n  " + arxiv_file("arxiv_api_id_1605.08386").read_bytes()
    assert len(parse_bytes(xml, "feed.json", LIMITS).papers) == 1
    page = parse_bytes(PAGE_SAMPLE.read_bytes(), "feed.xml", LIMITS)
    assert page.format == "hf_page"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"  <feed/>", "xml"),
        (b"\xef\xbb\xbf[1]", "json"),
        (b'{\n  "a": 1\n}\n', "json"),
        (b'{"a": 1}\n', "json"),
        (b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        (b"Daily Papers\n\nTitle", "text"),
    ],
)
def test_detect_format(data: bytes, kind: str) -> None:
    assert detect_format(data) == kind


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file(data: bytes) -> None:
    assert feed_error(data).problem == "empty file"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xfe\xfa title"])
def test_binary_file(data: bytes) -> None:
    assert feed_error(data).problem.startswith("binary file, not a feed")


def test_oversize_file() -> None:
    settings = Settings(home=Path("/nonexistent-feedqa-home"), max_feed_bytes=1000)
    with pytest.raises(FeedError) as caught:
        parse_bytes(PAGE_SAMPLE.read_bytes(), "big.txt", settings)
    assert "1,000-byte feed limit" in caught.value.problem


def test_invalid_json_document() -> None:
    assert "invalid JSON at line 2" in feed_error(b'[{"a": 1},\n oops]').problem
    assert "nested too deeply" in feed_error(b"[" * 100_000).problem


def test_long_abstract_is_cut_at_a_sentence() -> None:
    abstract = "First sentence is here. Second sentence follows it. " + "word " * 100
    data = _jsonl([{"title": "T", "abstract": abstract}, {"title": "U", "abstract": "x" * 90}])
    result = parse_bytes(data, "long.jsonl", Limits(max_item_chars=80))
    cut, hard = result.papers
    assert cut.abstract == "First sentence is here. Second sentence follows it."
    assert hard.abstract == "x" * 80


def test_whitespace_is_normalised() -> None:
    data = _jsonl([{"title": "  A\n  title\t", "abstract": "Some\n\nabstract  text. "}])
    paper = parse_bytes(data, "ws.jsonl", LIMITS).papers[0]
    assert (paper.title, paper.abstract) == ("A title", "Some abstract text.")


def _jsonl(records: Sequence[Mapping[str, object]]) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()


def _hf_item(
    paper_id: str,
    *,
    title: str = "A title",
    summary: str = "An abstract.",
    authors: list[tuple[str, bool]] | None = None,
    organization: dict[str, str] | None = None,
) -> dict[str, object]:
    people = [{"name": name, "hidden": hidden} for name, hidden in authors or [("Ann", False)]]
    paper = {"id": paper_id, "title": title, "summary": summary, "authors": people}
    item: dict[str, object] = {"paper": paper, "publishedAt": "2025-01-02T00:00:00Z"}
    if organization:
        item["organization"] = organization
    return item
