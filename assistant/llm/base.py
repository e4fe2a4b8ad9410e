"""The interface every LLM backend implements, and the streamed generation it returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Message:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass
class Generation:
    """A streamed completion: iterate for text deltas; ``text`` and ``usage`` fill in as it runs."""

    deltas: Iterator[str]
    usage: Usage = field(default_factory=Usage)
    text: str = ""

    def __iter__(self) -> Iterator[str]:
        try:
            for delta in self.deltas:
                self.text += delta
                yield delta
        finally:
            # An abandoned answer must release the backend now (the embedded model serves one
            # completion at a time), not whenever the generator is garbage-collected.
            close = getattr(self.deltas, "close", None)
            if close is not None:
                close()

    def consume(self) -> str:
        for _ in self:
            pass
        return self.text


class LLM(Protocol):
    """A chat model. ``backend`` and ``model`` name it in answers and reports."""

    backend: str
    model: str

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        """Start a completion. Raises BackendUnavailable when the backend cannot answer."""
        ...
