"""The real app in headless Chromium: a question about the built-in sample feed streams in
with a citation of the right paper, a follow-up stays on that paper, the TL;DR tab lists the
day's papers, and a poisoned paper in the feed renders as inert text.

Uses the real MiniLM embedder and, by default, the embedded SmolLM2 model; set
FEEDQA_BROWSER_TEST_LLM=fake before pytest for a scripted model. Screenshots are saved in the
test's tmp dir and copied to /tmp/feedqa-screens/.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import free_port
from helpers import echo_source

from assistant.config import Settings
from assistant.services import Services, builtin_feed_path

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = Path("/tmp/feedqa-screens")
LLM_CHOICE = os.environ.get("FEEDQA_BROWSER_TEST_LLM", "embedded")  # read before env isolation
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ANSWER_TIMEOUT_MS = 240_000
COGDPM = "CogDPM: Diffusion Probabilistic Models via Cognitive Predictive Coding"
POISON_TITLE = "Poisoned <img src=x onerror=alert(1)> Title <script>alert(2)</script>"
POISON = {
    "id": "t-poisoned01",
    "title": POISON_TITLE,
    "abstract": "This abstract tries markup: <script>alert(3)</script> "
    "<img src=x onerror=alert(4)> ![x](https://evil.example/t.png) "
    "[click](https://evil.example/phish) and otherwise talks about poisoned text rendering.",
}
# Waits until the chat shows `n` finished replies (answers and abstentions carry .fq-meta).
REPLIES_JS = "n => document.querySelectorAll('#fq-chat .fq-meta, #fq-chat .fq-error').length >= n"


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(
            "!!! BROWSER TEST SKIPPED: /usr/bin/chromium is not installed. Install it with "
            "`make browser-deps` (as root: apt-get install chromium) to run the UI test. !!!"
        )
    pytest.importorskip("playwright.sync_api", reason="!!! playwright is not installed !!!")
    return CHROMIUM


@pytest.fixture
def app_url(tmp_path: Path) -> Iterator[str]:
    """The app over the sample feed (plus one poisoned paper), launched in this process."""
    from assistant.cli_chat import warm_up
    from assistant.ingest import ingest_sources
    from assistant.llm.fake import FakeLLM
    from ui.app import build_app, launch_app

    poison = tmp_path / "poison.jsonl"
    poison.write_text(json.dumps(POISON) + "\n", encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedder="minilm", llm_backend="embedded")
    services = Services(settings, FakeLLM(echo_source) if LLM_CHOICE == "fake" else None)
    report = ingest_sources(services, [str(builtin_feed_path()), str(poison)])
    assert not report.errors, report.errors
    warm_up(services)
    app = build_app(services)
    _, url, _ = launch_app(app, services, port=free_port(), block=False)
    try:
        yield url
    finally:
        app.close()
        services.close()


def ask(page: Any, question: str, replies: int) -> None:
    page.fill("#fq-question textarea", question)
    page.click("#fq-ask")
    page.wait_for_function(REPLIES_JS, arg=replies, timeout=ANSWER_TIMEOUT_MS)


def last_reply(page: Any) -> Any:
    return page.locator("#fq-chat [data-testid='bot']").last


def test_chat_and_tldr_tab_in_headless_chromium(
    chromium: Path, app_url: str, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    shots = tmp_path / "screens"
    shots.mkdir()
    dialogs: list[str] = []
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(chromium), args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1400, "height": 1000},
        )  # fmt: skip
        try:
            page = context.new_page()

            def on_dialog(dialog: Any) -> None:  # alert() from injected markup would land here
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(app_url)
            page.wait_for_selector("#fq-question textarea", timeout=60_000)
            _conversation(page, shots)
            _tldr_tab(page, shots)
            _chat_while_summarising(page, shots)
        finally:
            context.close()
            SCREENS.mkdir(parents=True, exist_ok=True)
            for shot in shots.glob("*.png"):
                shutil.copy(shot, SCREENS / shot.name)
    assert not dialogs, f"a script ran in the page: {dialogs}"


def _conversation(page: Any, shots: Path) -> None:
    ask(page, "What is CogDPM?", 1)
    page.screenshot(path=str(shots / "01-answer.png"))
    reply = last_reply(page)
    assert reply.locator(".fq-error").count() == 0, reply.inner_text()
    if reply.locator(".fq-abstain").count() == 0:
        assert any(COGDPM in t for t in reply.locator(".fq-citation summary").all_inner_texts())
        reply.locator(".fq-citation summary").first.click()  # the evidence, on demand
        assert reply.locator(".fq-citation blockquote").first.is_visible()
    assert "backend:" in reply.locator(".fq-meta").inner_text()
    assert COGDPM in page.locator("#fq-sources li").first.inner_text()
    ask(page, "What do they use to estimate precision?", 2)
    page.screenshot(path=str(shots / "02-follow-up.png"), full_page=True)
    assert last_reply(page).locator(".fq-error").count() == 0
    # The follow-up carried the first turn into retrieval: still on the same paper.
    assert COGDPM in page.locator("#fq-sources li").first.inner_text()


def _tldr_tab(page: Any, shots: Path) -> None:
    page.get_by_role("tab", name="TL;DRs").click()
    page.wait_for_selector("#fq-digest .fq-digest-head", timeout=60_000)
    page.wait_for_function(
        "() => document.querySelectorAll('#fq-digest tbody tr').length >= 47", timeout=60_000
    )
    digest = page.locator("#fq-digest")
    assert "undated" in digest.locator(".fq-digest-head").inner_text()
    assert digest.get_by_text(COGDPM).count() == 1
    assert digest.locator("img, script, iframe").count() == 0
    assert digest.get_by_text("Poisoned Title").count() == 1  # tags gone, text kept
    page.screenshot(path=str(shots / "03-tldr-tab.png"))


def _chat_while_summarising(page: Any, shots: Path) -> None:
    """TL;DRs are computed in the background: the chat answers meanwhile."""
    page.click("#fq-compute")
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Which paper proposes softplus attention?", 3)
    assert last_reply(page).locator(".fq-error").count() == 0
    page.screenshot(path=str(shots / "04-chat-while-summarising.png"))
    page.get_by_role("tab", name="TL;DRs").click()
    page.wait_for_function(  # the table refreshes on a timer while the run goes on
        "() => [...document.querySelectorAll('#fq-digest tbody tr td:last-child')]"
        ".some(td => td.textContent.trim() !== 'pending')",
        timeout=ANSWER_TIMEOUT_MS,
    )
    assert "summaris" in page.locator("#fq-digest .fq-digest-head").inner_text()
    page.screenshot(path=str(shots / "05-tldr-filled.png"))
