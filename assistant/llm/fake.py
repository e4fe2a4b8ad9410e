"""A scripted LLM for unit tests: replies come from a list or a function of the messages."""

from __future__ import annotations

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
