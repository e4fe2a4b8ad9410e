"""ui.render: answers, citations, sources and TL;DR tables become inert HTML whatever the
model or the feed put in them (no scripts, images, event handlers or foreign links)."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from urllib.parse import urlparse

from hypothesis import given
from hypothesis import strategies as st

from assistant.links import ALLOWED_HOSTS
from assistant.pipeline.types import Answer, Citation, RetrievedPaper
from ui import render

POISON = (
    "Intro <script>alert(1)</script> then <img src=x onerror=alert(2)> and "
    "![x](https://evil.example/t.png) plus [click me](https://evil.example/phish) and "
    '<a href="https://evil.example/a" onclick="steal()">anchor</a> javascript:alert(3) '
    "www.evil.example/x <iframe src=//evil.example></iframe> <svg onload=alert(4)> "
    "$$\\frac{1}{2}$$ **bold** `code` [1] end."
)
ALLOWED_TAGS = {
    "div", "span", "sup", "a", "details", "summary", "blockquote", "b", "strong", "i", "ol",
    "li", "p", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRS = {"class", "href", "target", "rel", "title"}


class _Audit(HTMLParser):
    """Collects every tag, attribute and href of a piece of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.hrefs: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add(name)
            if name == "href":
                self.hrefs.append(value or "")

    def handle_data(self, data: str) -> None:
        self.text += data


def audit(html: str) -> _Audit:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser


def assert_inert(html: str) -> None:
    lowered = html.lower()
    for needle in ("<script", "onerror=", "onload=", "onclick=", "<img", "<iframe", "<svg",
                   "evil.example", "javascript:", "$$", "]("):  # fmt: skip
        assert needle not in lowered, f"{needle!r} survived: {html}"
    found = audit(html)
    assert found.tags <= ALLOWED_TAGS, found.tags - ALLOWED_TAGS
    assert found.attrs <= ALLOWED_ATTRS, found.attrs - ALLOWED_ATTRS
    for href in found.hrefs:
        parsed = urlparse(href)
        assert parsed.scheme == "https" and parsed.hostname in ALLOWED_HOSTS, href


def poisoned_answer(**overrides: object) -> Answer:
    citation = Citation(1, "2401.00001", f"Title {POISON}", "https://evil.example/paper", POISON)
    fields: dict[str, object] = {
        "question": POISON,
        "answer": f"{POISON} [1] and more [2].",
        "abstained": False,
        "citations": [citation, Citation(2, "t-abc", "Plain", "javascript:alert(1)", "q")],
        "backend": "fake<script>",
        "model": "m<img src=x onerror=1>",
        "path": "model",
        "timings_ms": {"total": 1234.0, "first_token": 400.0},
        "sources": [poisoned_paper()],
    }
    fields.update(overrides)
    return Answer(**fields)  # type: ignore[arg-type]


def poisoned_paper(url: str | None = "https://evil.example/p") -> RetrievedPaper:
    return RetrievedPaper("t-1", f"A {POISON}", url, None, 0.03, 0.5, 2.0, [], POISON)


def test_poisoned_answer_renders_inert() -> None:
    html = render.render_answer(poisoned_answer())
    assert_inert(html)
    assert "Intro" in audit(html).text and "anchor" in audit(html).text


def test_poisoned_abstention_renders_inert() -> None:
    html = render.render_answer(poisoned_answer(abstained=True, citations=[], path="abstained"))
    assert_inert(html)
    assert "fq-abstain" in html and render.ABSTAIN_LABEL in html


def test_poisoned_sources_panel_renders_inert() -> None:
    html = render.render_sources([poisoned_paper(), poisoned_paper(url="javascript:alert(1)")])
    assert_inert(html)
    assert "(undated)" in audit(html).text


def test_poisoned_tldr_table_and_messages_render_inert() -> None:
    rows = [render.TldrRow("t-1", POISON, "https://evil.example/x", POISON, "model"),
            render.TldrRow("t-2", POISON, None, None)]  # fmt: skip
    for rendered in (
        render.render_tldr_table(POISON, rows, POISON),
        render.render_user(POISON),
        render.render_error(POISON, "backend"),
        render.render_streaming(POISON, POISON),
    ):
        assert_inert(rendered)


def test_citations_link_to_allowed_paper_pages_only() -> None:
    arxiv = Citation(1, "2401.00001", "Good", "https://arxiv.org/abs/2401.00001", "quote one")
    hf = Citation(2, "2401.00002", "Also", "https://huggingface.co/papers/2401.00002", "two")
    none = Citation(3, "t-xyz", "No link", None, "three")
    answer = poisoned_answer(answer="A [1]. B [2]. C [3].", citations=[arxiv, hf, none])
    found = audit(render.render_answer(answer))
    assert found.hrefs.count("https://arxiv.org/abs/2401.00001") == 2  # marker + citation
    assert found.hrefs.count("https://huggingface.co/papers/2401.00002") == 2
    assert len(found.hrefs) == 4
    assert "No link" in found.text and "quote one" in found.text


def test_answer_shows_evidence_on_demand_and_who_answered() -> None:
    citation = Citation(1, "2401.00001", "Paper", "https://arxiv.org/abs/2401.00001", "Evidence.")
    answer = poisoned_answer(answer="Claim [1].", citations=[citation], backend="embedded",
                             model="SmolLM2", path="model-filtered")  # fmt: skip
    html = render.render_answer(answer)
    assert "<details" in html and "<blockquote>“Evidence.”</blockquote>" in html
    text = audit(html).text
    assert "model-filtered" in text and "embedded" in text and "SmolLM2" in text
    assert "1.2 s" in text
    assert "\n" not in html  # one raw HTML block: markdown never sees the text inside


def test_source_without_url_gets_arxiv_link_from_its_id() -> None:
    paper = RetrievedPaper("2401.12345", "T", None, "2024-01-20", 0.1, 0.2, 0.3, [], "abs")
    found = audit(render.render_sources([paper]))
    assert found.hrefs == ["https://arxiv.org/abs/2401.12345"]
    assert "2024-01-20" in found.text


def test_errors_are_distinct_from_answers_and_abstentions() -> None:
    html = render.render_error("connection refused", "backend")
    assert "fq-error" in html and "unavailable" in html and "connection refused" in html
    assert "fq-error-usage" in render.render_error("the question is empty", "usage")


def test_history_turn_carries_answer_text_and_cited_titles() -> None:
    citation = Citation(1, "p", "CogDPM: Diffusion Models", None, "q")
    answer = poisoned_answer(question="What is CogDPM?", answer="It predicts [1].",
                             citations=[citation, citation])  # fmt: skip
    question, text = render.history_turn(answer)
    assert question == "What is CogDPM?"
    assert text == "CogDPM: Diffusion Models. It predicts ."


@given(st.text(max_size=300))
def test_safe_text_never_leaves_markup(text: str) -> None:
    out = render.safe_text(text)
    for char in "<>[]()!`*_$\n\"'":
        assert char not in out
    # Escaped exactly once: the browser shows the stripped text itself, no "&amp;" debris.
    assert html.unescape(out) == render.strip_markup(text).strip()


def test_text_is_escaped_once() -> None:
    out = render.safe_text("the model's A&B <i>x</i> [ok]")
    assert html.unescape(out) == "the model's A&B x [ok]"


def test_long_abstracts_are_cut() -> None:
    paper = RetrievedPaper("t-1", "T", None, None, 0.1, 0.2, 0.3, [], "word " * 1000)
    assert len(render.render_sources([paper])) < render.ABSTRACT_CHARS + 1000
