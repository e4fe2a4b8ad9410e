"""`feedqa ask` through click's CliRunner with the fake embedder and a scripted FakeLLM: the JSON
object, the text output and the exit codes (0 answered/abstained, 2 usage, 3 backend, 4 empty)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ALWAYS, NEVER, SMALL_FEED, write_feed

from assistant.cli import main
from assistant.errors import BackendUnavailable
from assistant.llm.fake import FakeLLM
from assistant.pipeline.abstain import Calibration
from assistant.services import Components

pytestmark = pytest.mark.usefixtures("fake_env")

# Two papers of the small feed, a year apart (the date options pick one).
FEED = [{**SMALL_FEED[0], "day": "2024-05-27"}, {**SMALL_FEED[1], "day": "2025-06-16"}]
ROUTE_ID, DOCK_ID = FEED[0]["id"], FEED[1]["id"]
QUESTION = "How many experts does RouteST activate for every audio frame?"
DRAFT = "RouteST activates two of sixteen experts for every audio frame [1]."
KEYS = {"question", "answer", "abstained", "citations", "backend", "model", "path", "timings_ms",
        "usage", "notes"}  # fmt: skip


@pytest.fixture
def llm() -> FakeLLM:
    """The scripted model a test hands `feedqa ask` (``cli(..., llm=llm)``)."""
    return FakeLLM(lambda messages: DRAFT)


@pytest.fixture
def store(isolated_home: Path) -> Path:
    feed = write_feed(isolated_home / "feed.jsonl", FEED)
    result = cli("ingest", str(feed))
    assert result.exit_code == 0, result.output
    return isolated_home


def cli(*args: str, llm: FakeLLM | None = None, calibration: Calibration = ALWAYS) -> Result:
    """The CLI with ``llm`` as its model (else the configured one) and ``calibration`` deciding
    abstention (by default: never abstain, so questions reach the model)."""
    return CliRunner().invoke(main, list(args), obj=Components(llm=llm, calibration=calibration))


def assert_one_line_error(result: Result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("feedqa: error: ")
    for fragment in fragments:
        assert fragment in line


def test_json_is_one_object_with_the_schema(store, llm: FakeLLM) -> None:
    result = cli("ask", "--json", QUESTION, llm=llm)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)  # exactly one JSON document, nothing else on stdout
    assert set(payload) == KEYS
    assert payload["question"] == QUESTION and payload["path"] == "model"
    assert payload["answer"] == DRAFT and payload["abstained"] is False
    assert payload["backend"] == "fake" and payload["model"] == "scripted"
    (citation,) = payload["citations"]
    assert citation == {
        "n": 1, "paper_id": ROUTE_ID, "title": FEED[0]["title"],
        "url": f"https://arxiv.org/abs/{ROUTE_ID}",
        "quote": "RouteST activates two of sixteen experts for every audio frame.",
    }  # fmt: skip
    assert payload["usage"]["completion_tokens"] == len(DRAFT.split())
    assert {"retrieval", "first_token", "total"} <= set(payload["timings_ms"])
    assert result.stderr == ""


def test_text_output_streams_the_answer_then_its_sources(store, llm: FakeLLM) -> None:
    result = cli("ask", *QUESTION.split(), llm=llm)  # the words of an unquoted question
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == DRAFT
    assert f"  [1] {FEED[0]['title']} — https://arxiv.org/abs/{ROUTE_ID}" in lines
    assert lines[-1].startswith("(model · fake scripted · ")
    assert llm.calls[0][-1].content.count(QUESTION) == 1


def test_abstention_exits_0(store, llm: FakeLLM) -> None:
    result = cli("ask", "--json", "What is the capital of Australia?", llm=llm, calibration=NEVER)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["abstained"] is True and payload["path"] == "abstained"
    assert payload["citations"] == [] and llm.calls == []


def test_backend_option_overrides_the_setting(store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The configured backend is the embedded model, whose file is missing; --backend fake
    builds the fake backend instead (its empty script says so)."""
    monkeypatch.setenv("FEEDQA_LLM_BACKEND", "embedded")
    monkeypatch.setenv("FEEDQA_GGUF_PATH", str(store / "missing.gguf"))
    assert_one_line_error(cli("ask", QUESTION), 3, "GGUF model file not found")
    assert_one_line_error(cli("ask", "--backend", "fake", QUESTION), 3, "script is exhausted")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("",), "empty"),
        (("   ",), "empty"),
        (("word " * 400,), "limit 200 tokens"),
        (("--since", "2025-13-45", QUESTION), "2025-13-45"),
        (("--until", "yesterday", QUESTION), "yesterday"),
    ],
    ids=["empty", "blank", "too-long", "bad-since", "bad-until"],
)
def test_usage_errors_exit_2(store, llm: FakeLLM, args: tuple[str, ...], fragment: str) -> None:
    assert_one_line_error(cli("ask", *args, llm=llm), 2, fragment)
    assert llm.calls == []


def test_missing_question_exits_2(store) -> None:
    result = cli("ask")
    assert result.exit_code == 2 and "Missing argument" in result.stderr


def test_backend_unavailable_exits_3(store, llm: FakeLLM) -> None:
    llm.fail_with = BackendUnavailable("LLM at http://127.0.0.1:9/v1 timed out")
    result = cli("ask", "--json", QUESTION, llm=llm)
    assert_one_line_error(result, 3, "LLM at http://127.0.0.1:9/v1 timed out")
    assert result.stdout == ""


def test_empty_store_exits_4(isolated_home: Path, llm: FakeLLM) -> None:
    result = cli("ask", QUESTION, llm=llm)
    assert_one_line_error(result, 4, str(isolated_home), "feedqa ingest")
    assert llm.calls == []


@pytest.mark.parametrize(("option", "day"), [("--since", "2025-01-01"), ("--until", "2024-12-31")])
def test_date_options_filter_the_sources(store, llm: FakeLLM, option: str, day: str) -> None:
    result = cli("ask", "--json", option, day, QUESTION, llm=llm)
    assert result.exit_code == 0, result.output
    expected = DOCK_ID if option == "--since" else ROUTE_ID
    assert {c["paper_id"] for c in json.loads(result.stdout)["citations"]} <= {expected}
