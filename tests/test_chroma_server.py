"""Chroma server mode: ingest and stats through a real `chroma run`, and a server that is down."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result
from conftest import free_port

from assistant.cli import main
from assistant.config import Settings
from vectorstore.invariants import check_store

pytestmark = pytest.mark.usefixtures("fake_env")
START_TIMEOUT_S = 60.0


class ChromaServer:
    """A `chroma run` subprocess on a free port of 127.0.0.1."""

    def __init__(self, path: Path, log: Path) -> None:
        self.port = free_port()
        self.log = log
        exe = Path(sys.executable).with_name("chroma")
        if not exe.exists():
            pytest.skip(f"the chroma CLI is not installed at {exe}")
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                [str(exe), "run", "--path", str(path), "--port", str(self.port),
                 "--host", "127.0.0.1"],
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"chroma run exited with {self.proc.returncode}: {self._log_tail()}")
            try:
                if httpx.get(url, timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"chroma run did not answer {url} within {START_TIMEOUT_S:g}s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def _log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-2000:]


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "server-data", tmp_path / "chroma-server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def stats() -> dict[str, Any]:
    result = cli("stats", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.integration
def test_ingest_and_stats_through_a_chroma_server(
    chroma_server: ChromaServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FEEDQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("FEEDQA_CHROMA_PORT", str(chroma_server.port))
    first = cli("ingest", "--builtin")
    assert first.exit_code == 0, first.output
    shown = stats()
    assert shown["papers"] == 46
    assert shown["store"] == f"http://127.0.0.1:{chroma_server.port}"
    assert shown["vectors"] == shown["chunks"] > 46
    assert not (tmp_path / "chroma").exists()  # vectors went to the server, not the home

    again = cli("ingest", "--builtin")
    assert again.exit_code == 0
    assert "46 unchanged" in again.stdout and "0 chunks embedded" in again.stdout
    assert stats() == shown
    settings = Settings(embedder="fake")
    assert settings.chroma_host == "127.0.0.1"
    assert check_store(settings) == []

    chroma_server.stop()
    down = cli("stats", "--json")
    assert down.exit_code != 0
    (line,) = down.stderr.splitlines()
    assert line.startswith("feedqa: error: ") and "Chroma" in line
    assert "Traceback" not in down.output


@pytest.mark.parametrize("command", [("ingest", "--builtin"), ("stats", "--json")])
def test_a_configured_server_that_is_not_running_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    port = free_port()
    monkeypatch.setenv("FEEDQA_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("FEEDQA_CHROMA_PORT", str(port))
    result = cli(*command)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"feedqa: error: cannot reach the Chroma server at 127.0.0.1:{port}")
    assert result.stdout == ""
