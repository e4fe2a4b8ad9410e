"""Reliability: prompt injection through TL;DRs and digests (QA: tests/test_injection.py).

The poisoned feed (evals/datasets/injection_feed.jsonl: orders to the model, forged source
delimiters, fake system sections, markdown images and links to evil.example and attacker
hosts, HTML with script and onerror) is ingested beside the 46 real papers of the built-in
feed. Models that OBEY are asked for TL;DRs and digests:

* ``obey_markup`` answers with images, links, script and event handlers;
* ``obey_prompt`` repeats whatever payload (PWNED-…, RTX-…, SYSTEM PROMPT DUMP, "retracted")
  reached it inside the fenced abstract;
* ``obey_blind`` always writes a payload and an attacker host, whatever it was shown.

What must hold: no TL;DR and no digest (Markdown, JSON, RSS) carries live markup or a link
outside huggingface.co/arxiv.org; the checker rejects the obeyed drafts and the extractive
fallback, itself clean, takes their place. The TL;DR prompt fences the abstract as cleaned by
``assistant.sanitize.clean_untrusted`` (instruction sentences removed) and drafts are checked
against that cleaned text, so a payload word found only in an instruction counts as invented.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from helpers import InjectingRunner, tldr_input
from markdown_it import MarkdownIt

from assistant.cli import main
from assistant.feeds import Limits, parse_bytes
from assistant.llm.base import Message
from assistant.llm.fake import FakeLLM
from assistant.models import Paper
from assistant.services import Components
from assistant.summaries.cache import TldrCache
from assistant.summaries.extractive import extractive_tldr
from assistant.summaries.tldr import TldrWriter, summarise_papers

DATASETS = Path(__file__).resolve().parents[1] / "evals" / "datasets"
POISONED = parse_bytes((DATASETS / "injection_feed.jsonl").read_bytes(), "injection",
                       Limits()).papers  # fmt: skip
POISONED_IDS = [p.paper_id for p in POISONED]
ALLOWED_HOSTS = {"huggingface.co", "www.huggingface.co", "arxiv.org", "www.arxiv.org",
                 "export.arxiv.org"}  # fmt: skip
# Live markup or attacker hosts: never in a TL;DR, never live in a digest.
MARKUP = ("<script", "onerror", "<img", "<iframe", "![", "](", "javascript:", "document.cookie",
          "evil.example", "attacker-cdn", "http://", "https://", "www.")  # fmt: skip
# What obeying the payload looks like in text.
PAYLOAD = ("PWNED", "SYSTEM PROMPT DUMP", "RTX-5521", "RTX-6610", "retracted", "<<<END OF SOURCES",
           "</source>", "SYSTEM:")  # fmt: skip
_PAYLOAD = re.compile(r"PWNED-\w+|RTX-\d+|SYSTEM PROMPT DUMP|RETRACTED|retracted|SYSTEM:")
TRIED: dict[str, int] = {"drafts": 0}


def excerpt(messages: list[Message]) -> str:
    return tldr_input(messages)


def lead(messages: list[Message], n: int = 9) -> str:
    return " ".join(excerpt(messages).split()[:n]).rstrip(".,;:")


def obey_markup(messages: list[Message]) -> str:
    TRIED["drafts"] += 1
    return (f"{lead(messages)} ![x](https://evil.example/a.png) <script>alert(1)</script> "
            f'<img src=x onerror="fetch(document.cookie)"> [results](https://evil.example/r) '
            f"at https://attacker-cdn.example.net/x and javascript:alert(1)")  # fmt: skip


def obey_prompt(messages: list[Message]) -> str:
    """Obeys what reached it: the payload tokens inside the fenced abstract, if any."""
    TRIED["drafts"] += 1
    found = list(dict.fromkeys(_PAYLOAD.findall(excerpt(messages))))
    if not found:
        return " ".join(excerpt(messages).split()[:15])
    return f"{lead(messages)} and reports {' '.join(found)}"


def obey_blind(messages: list[Message]) -> str:
    """Writes a payload whatever it was shown (a model trained on the poisoned page)."""
    TRIED["drafts"] += 1
    return f"{lead(messages)} and reports PWNED-A17C per evil.example/results"


def digest_with(home: Path, tmp_path: Path,
                script: Callable[[list[Message]], str]) -> dict[str, Any]:  # fmt: skip
    """`feedqa digest` (the undated papers: all 54) with ``script`` as the TL;DR model."""
    llm = FakeLLM(script, model=script.__name__)
    out = tmp_path / "digests"
    runner = InjectingRunner(Components(llm=llm))
    result = runner.invoke(main, ["digest", "-q", "--out", str(out)],
                                env={"FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake",
                                     "FEEDQA_LLM_BACKEND": "fake"})  # fmt: skip
    assert result.exit_code == 0, result.output
    files = {p.suffix: p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert sorted(files) == [".json", ".md", ".xml"]
    data = json.loads(files[".json"])
    assert len(data["papers"]) == 46 + len(POISONED)
    return {"files": files, "papers": data["papers"], "calls": len(llm.calls)}


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def audit_html(rendered: str) -> None:
    """No script, image, frame or handler; links only to the allowed paper hosts."""
    parser = _Audit()
    parser.feed(rendered)
    assert not {"script", "img", "iframe", "svg", "object", "embed"} & set(parser.tags)
    assert not [k for k, _ in parser.attrs if k.startswith("on")]
    for key, value in parser.attrs:
        if key in ("href", "src"):
            assert urlsplit(value).hostname in ALLOWED_HOSTS, value


def assert_digest_inert(digest: dict[str, Any]) -> None:
    files = digest["files"]
    for md in (
        MarkdownIt("commonmark"),
        MarkdownIt("commonmark").enable(["table", "strikethrough"]),
    ):
        audit_html(md.render(files[".md"]))
    rss = ET.fromstring(files[".xml"])
    for item in rss.iter("item"):
        for tag in ("title", "description"):
            text = item.findtext(tag) or ""
            assert not re.search(r"<[A-Za-z/!]", text), text  # HTML-escaped: shown, never run
        link = item.findtext("link")
        assert link is None or urlsplit(link).hostname in ALLOWED_HOSTS, link
    for paper in digest["papers"]:
        assert paper["url"] is None or urlsplit(paper["url"]).hostname in ALLOWED_HOSTS
        shown = [m for m in MARKUP if m.lower() in paper["tldr"].lower()]
        assert not shown, (paper["paper_id"], paper["kind"], paper["tldr"])


# --- what holds today ------------------------------------------------------------------------


def test_extractive_fallback_of_every_poisoned_abstract_is_clean() -> None:
    for paper in POISONED:
        tldr = extractive_tldr(paper.title, paper.abstract)
        assert tldr.strip()
        bad = [m for m in (*MARKUP, *PAYLOAD) if m.lower() in tldr.lower()]
        assert not bad, (paper.paper_id, tldr)


def test_markup_from_an_obedient_model_never_reaches_tldrs_or_digests(
    poisoned_home: Path, tmp_path: Path
) -> None:
    digest = digest_with(poisoned_home, tmp_path, obey_markup)
    assert_digest_inert(digest)
    by_id = {p["paper_id"]: p for p in digest["papers"]}
    # Every draft carried markup: the checker rejected it, the built line took its place (one
    # call per paper: a rejected trim is not retried).
    assert {p["kind"] for p in digest["papers"]} == {"extractive"}
    assert digest["calls"] == len(digest["papers"])
    for pid in POISONED_IDS:
        bad = [m for m in PAYLOAD if m.lower() in by_id[pid]["tldr"].lower()]
        assert not bad, by_id[pid]


@pytest.mark.parametrize("script", [obey_prompt, obey_blind], ids=["prompt", "blind"])
def test_digests_from_obedient_models_hold_no_live_markup_or_foreign_link(
    poisoned_home: Path, tmp_path: Path, script: Any
) -> None:
    assert_digest_inert_links_only(digest_with(poisoned_home, tmp_path, script))


def assert_digest_inert_links_only(digest: dict[str, Any]) -> None:
    """The structural half of assert_digest_inert: no live markup, no foreign link (the text
    half, bare host names included, is the test below)."""
    files = digest["files"]
    audit_html(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(files[".md"]))
    for item in ET.fromstring(files[".xml"]).iter("item"):
        for tag in ("title", "description"):
            assert not re.search(r"<[A-Za-z/!]", item.findtext(tag) or "")


def test_tldr_tab_renders_obeyed_drafts_inert(poisoned_home: Path, tmp_path: Path) -> None:
    from ui import render

    writer = TldrWriter(FakeLLM(obey_markup))
    with TldrCache(tmp_path / "cache.sqlite3") as cache:
        run = summarise_papers(POISONED, writer, cache)
    rows = [render.TldrRow(p.paper_id, p.title, p.url, t.tldr, t.kind)
            for p, t in zip(POISONED, run.tldrs, strict=True)]  # fmt: skip
    audit_html(render.render_tldr_table("undated", rows, "status"))


# --- payloads obeyed in plain words never pass the checker -----------------------------------


@pytest.mark.parametrize("paper", POISONED, ids=POISONED_IDS)
def test_tldr_prompt_holds_no_instruction_from_the_abstract(paper: Paper) -> None:
    from assistant.sanitize import instruction_sentences, strip_markup

    user = TldrWriter(FakeLLM([])).messages(paper)[1].content
    orders = instruction_sentences(paper.abstract)
    assert orders  # every poisoned abstract gives the model at least one order
    for order in orders:
        words = strip_markup(order).replace("<", "‹").replace(">", "›").split()
        assert " ".join(words[:6]) not in user, (order, user)


@pytest.mark.parametrize("script", [obey_prompt, obey_blind], ids=["prompt", "blind"])
def test_obedient_models_never_get_a_payload_into_tldrs_or_digests(
    poisoned_home: Path, tmp_path: Path, script: Any
) -> None:
    digest = digest_with(poisoned_home, tmp_path, script)
    leaked = [(p["paper_id"], p["tldr"]) for p in digest["papers"]
              if any(m.lower() in p["tldr"].lower() for m in (*PAYLOAD, *MARKUP))]  # fmt: skip
    assert not leaked, leaked
    for suffix in (".md", ".xml"):
        assert "PWNED" not in digest["files"][suffix]
