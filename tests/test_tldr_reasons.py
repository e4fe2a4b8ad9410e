"""The checker's reasons carry a stable code (assistant/summaries/reasons.py): readers, reports and
JSON see the same text as before, and the line builders (extractive, compress) decide by the
code, never by the wording, so a reworded message cannot change what they build."""

from __future__ import annotations

import copy
import json
import pickle

import pytest
from tldr_fixtures import ABSTRACT, TITLE

from assistant.summaries import compress, extractive
from assistant.summaries.checker import check_tldr
from assistant.summaries.reasons import Code, Reason

LINE = "GridTune predicts shot ranges with a query transformer trained on synthetic transitions."


def test_a_reason_is_its_text_with_a_code() -> None:
    reason = Reason(Code.POINTER, "refers to something it does not say")
    assert reason == "refers to something it does not say"
    assert isinstance(reason, str) and reason.code is Code.POINTER
    assert json.dumps([reason]) == json.dumps(["refers to something it does not say"])


def test_copies_keep_the_code() -> None:
    reason = Reason(Code.TITLE_ECHO, "echoes the title")
    for copied in (copy.copy(reason), copy.deepcopy(reason), pickle.loads(pickle.dumps(reason))):
        assert copied == reason and copied.code is Code.TITLE_ECHO


@pytest.mark.parametrize(
    ("line", "fragment", "code"),
    [
        (
            "GridTune offers relational shot boundary detection with query transformers.",
            "echoes the title",
            Code.TITLE_ECHO,
        ),
        (
            "Our analysis further shows that a structural boundary between shots helps GridTune.",
            "secondary finding",
            Code.SECONDARY_FINDING,
        ),
        (
            "Our approach enables more reliable shot boundary detection across video benchmarks.",
            "subject names nothing",
            Code.VACUOUS_SUBJECT,
        ),
        (
            "To address this limitation, GridTune predicts shot ranges with a query transformer.",
            "refers to something",
            Code.POINTER,
        ),
    ],
)
def test_the_checker_gives_each_reason_its_rules_code(line: str, fragment: str, code: Code) -> None:
    matching = [r for r in check_tldr(line, TITLE, ABSTRACT) if fragment in r]
    assert matching and all(r.code is code for r in matching)


def test_every_checker_reason_has_a_code() -> None:
    lines = [LINE, "", "GridTune: shot ranges", "This shows it works, see https://x.org (v2"]
    for line in lines:
        assert all(isinstance(r.code, Code) for r in check_tldr(line, TITLE, ABSTRACT))


def _checker_says(monkeypatch: pytest.MonkeyPatch, module: object, *reasons: Reason) -> None:
    monkeypatch.setattr(module, "check_tldr", lambda *_: list(reasons))


def test_compress_keys_the_title_echo_on_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    _checker_says(monkeypatch, compress, Reason(Code.TITLE_ECHO, "says no more than its title"))
    assert compress._echoes_only(LINE, TITLE, ABSTRACT)
    _checker_says(monkeypatch, compress, Reason(Code.GARBLED, "echoes the title: but garbled"))
    assert not compress._echoes_only(LINE, TITLE, ABSTRACT)


def test_extractive_keys_a_misplaced_line_on_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    _checker_says(monkeypatch, extractive, Reason(Code.RELEASE_NOTE, "shares its weights"))
    assert extractive.misplaced(LINE, TITLE, ABSTRACT)
    _checker_says(monkeypatch, extractive, Reason(Code.HYPE, "the release note, reworded"))
    assert not extractive.misplaced(LINE, TITLE, ABSTRACT)


def test_extractive_forgives_a_copied_repeat_by_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    _checker_says(monkeypatch, extractive, Reason(Code.NEARBY_REPEAT, "says a word twice"))
    assert extractive._faults(LINE, TITLE, ABSTRACT) == []
    kept = Reason(Code.GARBLED, "repeats a word within a few words")
    _checker_says(monkeypatch, extractive, kept)
    assert extractive._faults(LINE, TITLE, ABSTRACT) == [kept]


def test_extractive_keys_an_unreadable_line_on_its_code() -> None:
    assert extractive._unreadable(LINE, [Reason(Code.BACKGROUND, "says what others did")])
    # a pointer counts only when the line opens on one; a background text with another code
    assert not extractive._unreadable(LINE, [Reason(Code.POINTER, "points elsewhere")])
    assert not extractive._unreadable(LINE, [Reason(Code.GARBLED, "describes the background")])
