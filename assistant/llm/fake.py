"""A scripted LLM for unit tests: replies come from a list or a function of the messages."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from assistant.errors import BackendUnavailable
from assistant.llm.base import Generation, Message, Usage

Script = list[str] | Callable[[list[Message]], str]


class FakeLLM:
    """Replays ``script``; records every call in ``calls``. Raises ``fail_with`` if set."""

    backend = "fake"

    def __init__(self, script: Script | None = None, model: str = "scripted") -> None:
        self.model = model
        self.script: Script = script if script is not None else []
        self.calls: list[list[Message]] = []
        self.fail_with: Exception | None = None

    def _reply(self, messages: list[Message]) -> str:
        if callable(self.script):
            return self.script(messages)
        if not self.script:
            raise BackendUnavailable("fake LLM script is exhausted")
        return self.script.pop(0)

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        self.calls.append(list(messages))
        if self.fail_with is not None:
            raise self.fail_with
        reply = self._reply(messages)
        usage = Usage(sum(len(m.content.split()) for m in messages), len(reply.split()))
        return Generation(deltas=_words(reply), usage=usage)


def _words(text: str) -> Iterator[str]:
    for i, word in enumerate(text.split(" ")):
        yield word if i == 0 else " " + word


class SlowEchoLLM:
    """Echoes the start of the last message a word at a time, ``delay_s`` apart: a stand-in
    for the model inside the worker process, slow enough to be killed in mid-answer."""

    backend = "fake"
    model = "slow-echo"

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        words = messages[-1].content.split()[:max_tokens]
        usage = Usage(sum(len(m.content.split()) for m in messages), len(words))
        return Generation(deltas=self._slowly(" ".join(words)), usage=usage)

    def _slowly(self, text: str) -> Iterator[str]:
        for word in _words(text):
            time.sleep(self.delay_s)
            yield word
