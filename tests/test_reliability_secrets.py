"""Reliability: secrets never leak.

OPENAI_API_KEY and FEEDQA_SMTP_PASSWORD are set to recognisable fake secrets, and the backend
(the scripted fake server) echoes the key back in its 401 message, as OpenAI does. Then
`feedqa ingest`, `ask` (exit 3), `ask --json`, `tldr`, `stats --json`, `digest --email` with an
SMTP server that refuses the login, `eval` (report.json, report.md), the Gradio app's error
path, and the same with logging at DEBUG (openai, httpx, httpcore) all run; neither secret (nor
its base64 form, as sent in SMTP AUTH PLAIN) appears in any stdout, stderr, log record, chat
reply or file written under FEEDQA_HOME.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import free_port
from fake_openai_server import MODEL, FakeOpenAIServer, Step
from helpers import ALWAYS, SMALL_FEED, write_feed
from pydantic import SecretStr

from assistant.config import Settings
from assistant.services import Services

ROOT = Path(__file__).resolve().parents[1]
API_KEY = "sk-FEEDQA-FAKE-OPENAI-KEY-5f3c9a1e7b2d"
SMTP_PASSWORD = "smtp-FEEDQA-FAKE-PASSWORD-8d2e4b6a"
SMTP_USER = "digest-bot"
SECRETS = (
    API_KEY,
    SMTP_PASSWORD,
    base64.b64encode(f"\0{SMTP_USER}\0{SMTP_PASSWORD}".encode()).decode(),  # AUTH PLAIN
    base64.b64encode(SMTP_PASSWORD.encode()).decode(),  # AUTH LOGIN
    API_KEY[8:30],  # a fragment: a key cut in the middle is still a leak
)
PAPERS = [{**p, "day": "2025-01-10"} for p in SMALL_FEED[:2]]  # one day: one digest
QUESTION = "How many experts does RouteST activate for every audio frame?"
# The CLI with retrieval that never abstains (so every question reaches the backend) and, with
# FEEDQA_TEST_DEBUG_LOGS set, every logger at DEBUG on stderr, as `logging.basicConfig` does.
CLI = """
import logging, os, sys
if os.environ.get("FEEDQA_TEST_DEBUG_LOGS"):
    logging.basicConfig(level=logging.DEBUG)
from assistant.cli import main
from assistant.pipeline.abstain import FEATURES, Calibration
from assistant.services import Components
always = Calibration((0.0,) * len(FEATURES), bias=8.0, threshold=0.01)
main(sys.argv[1:], prog_name="feedqa", obj=Components(calibration=always))
"""


def leaks(text: str | bytes) -> list[str]:
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return [s for s in SECRETS if s.encode() in data]


def leaks_in_home(home: Path) -> dict[str, list[str]]:
    """Every file under FEEDQA_HOME (SQLite, Chroma, digests, eval reports) that holds a secret."""
    found = {}
    for path in home.rglob("*"):
        if path.is_file():
            hit = leaks(path.read_bytes())
            if hit:
                found[str(path.relative_to(home))] = hit
    return found


class _RefusingSink:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 OK"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A store ingested with the secrets in the environment, a backend that echoes the key in
    its 401, and an SMTP server that refuses the login."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    def refuse(*args: Any) -> AuthResult:
        return AuthResult(success=False, handled=False)

    home = tmp_path_factory.mktemp("secrets-home")
    feed = write_feed(home.parent / f"{home.name}-feed.jsonl", PAPERS)
    smtp = Controller(_RefusingSink(), hostname="127.0.0.1", port=free_port(),
                      authenticator=refuse, auth_require_tls=False)  # fmt: skip
    smtp.start()
    server = FakeOpenAIServer(default=Step.status(401, f"Incorrect API key provided: {API_KEY}."))
    server.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env.update({
        "FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake", "OPENAI_API_KEY": API_KEY,
        "OPENAI_BASE_URL": server.base_url, "FEEDQA_OPENAI_MODEL": MODEL,
        "FEEDQA_LLM_TIMEOUT_S": "1", "FEEDQA_LLM_MAX_RETRIES": "0",
        "FEEDQA_SMTP_HOST": "127.0.0.1", "FEEDQA_SMTP_PORT": str(smtp.port),
        "FEEDQA_SMTP_USER": SMTP_USER, "FEEDQA_SMTP_PASSWORD": SMTP_PASSWORD,
        "FEEDQA_SMTP_TO": "me@example.org",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    })  # fmt: skip
    world = {"home": home, "env": env, "server": server, "feed": feed}
    code, _, err = run(world, "ingest", str(feed))
    assert code == 0, err
    try:
        yield world
    finally:
        server.stop()
        smtp.stop()


def spawn(world: dict[str, Any], *args: str, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], env={**world["env"], **extra},
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def collect(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"hung for {timeout}s")
    return proc.returncode, out, err


def run(world: dict[str, Any], *args: str, **extra: str) -> tuple[int, str, str]:
    code, out, err = collect(spawn(world, *args, **extra))
    assert not leaks(out) and not leaks(err), (args, out[-500:], err[-2000:])
    assert "Traceback" not in err, err[-3000:]
    return code, out, err


def test_ask_exits_3_and_never_prints_the_key_even_with_debug_logs(world: dict[str, Any]) -> None:
    before = len(world["server"].completions())
    procs = {
        "ask-json": spawn(world, "ask", "--json", QUESTION),
        "ask-debug": spawn(world, "ask", QUESTION, FEEDQA_TEST_DEBUG_LOGS="1", OPENAI_LOG="debug"),
    }
    results = {name: collect(proc) for name, proc in procs.items()}
    for name, (code, out, err) in results.items():
        assert not leaks(out) and not leaks(err), (name, out[-500:], err[-3000:])
        assert "Traceback" not in err, (name, err[-3000:])
        assert code == 3, (name, code, err)
        (line,) = [x for x in err.splitlines() if x.startswith("feedqa: error: ")]
        assert line.startswith("feedqa: error: LLM at ") and "HTTP 401" in line, (name, err)
        assert "Incorrect API key provided: ***" in line
    assert results["ask-json"][1] == ""
    err = results["ask-debug"][2]
    assert "DEBUG:openai" in err and "DEBUG:httpcore" in err  # the debug logs really were on
    # The key really was sent (as a bearer token) to the backend that echoed it.
    sent = world["server"].completions()[before:]
    assert len(sent) == 2 and all(r.headers["authorization"] == f"Bearer {API_KEY}" for r in sent)
    assert leaks_in_home(world["home"]) == {}


def test_tldr_and_stats_never_print_the_secrets(world: dict[str, Any]) -> None:
    from assistant.cli import main

    env = {k: v for k, v in world["env"].items() if k.startswith(("FEEDQA_", "OPENAI_"))}
    tldr = CliRunner().invoke(main, ["tldr"], env=env)
    assert tldr.exit_code == 3 and "Incorrect API key provided: ***" in tldr.stderr
    stats = CliRunner().invoke(main, ["stats", "--json"], env=env)
    assert stats.exit_code == 0 and json.loads(stats.stdout)["papers"] == len(PAPERS)
    for result in (tldr, stats):
        assert not leaks(result.output) and "Traceback" not in result.output
    assert leaks_in_home(world["home"]) == {}


def test_digest_with_a_failing_smtp_login_never_shows_the_password(world: dict[str, Any]) -> None:
    code, _, err = run(world, "digest", "--email")
    assert code == 1, err
    assert "not mailed" in err and "login refused (SMTP 535)" in err
    assert "feedqa: warning: LLM unavailable" in err and "Incorrect API key provided: ***" in err
    digests = world["home"] / "digests"
    assert sorted(p.suffix for p in digests.iterdir()) == [".json", ".md", ".xml"]
    assert leaks_in_home(world["home"]) == {}


def test_eval_report_never_holds_the_secrets(world: dict[str, Any]) -> None:
    from assistant.cli import main

    out_dir = world["home"] / "evals" / "secret-run"
    env = {k: v for k, v in world["env"].items() if k.startswith(("FEEDQA_", "OPENAI_"))}
    result = CliRunner().invoke(main, ["eval", "--datasets", "sample_feed", "--slice", "3",
                                       "--tldr-papers", "1", "--out", str(out_dir)],
                                env=env)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not leaks(result.output)
    report = json.loads((out_dir / "report.json").read_text())
    assert report["config"]["backend"] == "openai"  # the run really used the keyed backend
    errors = [q.get("error") for q in report["questions"] if q.get("error")]
    assert all("***" in e or "HTTP 401" in e for e in errors), errors
    assert leaks_in_home(world["home"]) == {}


def test_gradio_error_path_and_debug_logs_never_show_the_key(
    world: dict[str, Any], caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    from gradio_client import Client

    from ui.app import ChatHandler, Digest, build_app, launch_app

    caplog.set_level(logging.DEBUG)  # every logger, as logging.basicConfig(level=DEBUG) would
    settings = Settings(
        home=world["home"],
        embedder="fake",
        llm_backend="openai",
        openai_api_key=SecretStr(API_KEY),
        openai_base_url=world["server"].base_url,
        openai_model=MODEL,
        llm_timeout_s=1,
        llm_max_retries=1,
        smtp_password=SecretStr(SMTP_PASSWORD),
    )
    assert API_KEY not in repr(settings) and SMTP_PASSWORD not in repr(settings)
    assert API_KEY not in settings.model_dump_json()
    services = Services(settings, calibration=ALWAYS)
    app = build_app(services)
    _, url, _ = launch_app(app, services, port=free_port(), block=False)
    try:
        api = Client(url, verbose=False, download_files=False, httpx_kwargs={"timeout": 120})
        reply = api.predict(QUESTION, "", "", api_name="/ask")[0][-1]["content"]
        reply = reply if isinstance(reply, str) else "".join(c["text"] for c in reply)
        assert "fq-error-backend" in reply and "Incorrect API key provided" in reply
        assert not leaks(reply), reply
        *_, last = ChatHandler(services).respond(QUESTION, [], "", "")
        assert not leaks(last[1][-1].reply_html)
        digest = Digest(services)
        digest.start("2025-01-10")
        if digest._thread is not None:
            digest._thread.join(timeout=60)
        assert not leaks(digest.view("2025-01-10") + digest.status)
    finally:
        app.close()
        services.close()
    records = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert any(r.name.startswith("openai") for r in caplog.records)  # DEBUG logs were captured
    assert not leaks(records), [r.getMessage() for r in caplog.records if leaks(r.getMessage())]
    assert not leaks(caplog.text)
    captured = capfd.readouterr()
    assert not leaks(captured.out) and not leaks(captured.err)


def test_a_backend_error_traceback_does_not_carry_the_key(world: dict[str, Any]) -> None:
    import traceback

    from assistant.errors import BackendUnavailable
    from assistant.llm.base import Message
    from assistant.llm.openai_backend import OpenAICompatibleLLM

    llm = OpenAICompatibleLLM(MODEL, API_KEY, world["server"].base_url, 1.0, 0)
    with pytest.raises(BackendUnavailable) as caught:
        llm.generate([Message("user", "hi")], max_tokens=4).consume()
    assert not leaks(str(caught.value))
    assert not leaks("".join(traceback.format_exception(caught.value)))


def test_printed_schedule_holds_no_secret(world: dict[str, Any]) -> None:
    code, out, err = run(world, "schedule", "--at", "07:30", "--email")  # run() checks leaks
    assert code == 0 and "feedqa" in out, err
