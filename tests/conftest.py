"""Shared fixtures: an isolated FEEDQA_HOME per test, fake components, the shared feeds."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant.config import Settings
from assistant.services import Services

if TYPE_CHECKING:
    from vectorstore.embeddings import MiniLMEmbedder

SHARED_FEEDS = Path(__file__).resolve().parents[2] / "shared" / "feeds"
INJECTION_FEED = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "injection_feed.jsonl"
DAY_FEED = SHARED_FEEDS / "hf_api" / "hf_daily_papers_2025-06-16.json"  # 9 papers
# Variables that would point tests at real state, real servers or real keys.
_USER_ENV_PREFIXES = ("FEEDQA_", "OPENAI_")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False, help="run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (make test-long)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own FEEDQA_HOME and none of the user's FEEDQA_*/OPENAI_* settings."""
    for name in list(os.environ):
        if name.startswith(_USER_ENV_PREFIXES):
            monkeypatch.delenv(name)
    monkeypatch.setenv("FEEDQA_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def fake_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI commands (which read Settings from the environment) use the fake embedder and LLM."""
    monkeypatch.setenv("FEEDQA_EMBEDDER", "fake")
    monkeypatch.setenv("FEEDQA_LLM_BACKEND", "fake")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, embedder="fake", llm_backend="fake")


@pytest.fixture
def real_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path, embedder="minilm", llm_backend="fake")


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = Services(settings)
    yield built
    built.close()


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    """One real all-MiniLM-L6-v2 embedder for the whole session (loading it takes a second)."""
    from assistant.errors import ModelFileError
    from vectorstore.embeddings import MiniLMEmbedder

    embedder = MiniLMEmbedder()
    try:
        embedder.token_ids("warm up")
    except ModelFileError as exc:
        pytest.skip(f"MiniLM model packages not installed: {exc}")
    return embedder


@pytest.fixture(scope="session")
def shared_feeds() -> Path:
    """``../shared/feeds`` beside the checkout (real saved feeds); skips when absent."""
    if not SHARED_FEEDS.is_dir():
        pytest.skip(f"shared feeds not found at {SHARED_FEEDS}")
    return SHARED_FEEDS


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (at the time of asking)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def poisoned_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store (fake embedder) holding the built-in feed's 46 papers and the 8 poisoned ones of
    evals/datasets/injection_feed.jsonl."""
    from assistant.ingest import ingest_sources
    from assistant.services import builtin_feed_path

    home = tmp_path_factory.mktemp("poisoned")
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    report = ingest_sources(services, [str(builtin_feed_path()), str(INJECTION_FEED)])
    services.close()
    assert report.new == 46 + 8 and not report.errors
    return home


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A FEEDQA_HOME (fake embedder) holding helpers.SMALL_FEED, shared read-only by a module."""
    from helpers import SMALL_FEED, fake_store

    return fake_store(tmp_path_factory.mktemp("small-store"), SMALL_FEED)


@pytest.fixture(scope="module")
def day_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A FEEDQA_HOME (fake embedder) holding the 9 papers of 2025-06-16, shared read-only by a
    module."""
    from helpers import ingest

    home = tmp_path_factory.mktemp("day-store")
    services = Services(Settings(home=home, embedder="fake", llm_backend="fake"))
    try:
        report = ingest(services, DAY_FEED)
    finally:
        services.close()
    assert report.new == 9 and not report.errors, report
    return home


@pytest.fixture()
def day_home(day_store: Path, tmp_path: Path) -> Path:
    """A private copy of ``day_store`` for a test that writes to it."""
    target = tmp_path / "home"
    shutil.copytree(day_store, target)
    return target
