"""Any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp server) via the openai SDK.

Exactly one retry layer: the SDK's own, bounded by settings.llm_max_retries. It retries
connection errors, timeouts, 429 (honouring Retry-After) and 5xx; other 4xx are not retried.
A stream is never retried once it has started: a cut or truncated stream is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from assistant.errors import BackendUnavailable
from assistant.llm.base import Generation, Message, Usage

NO_RETRY_STATUSES = {408, 409}  # the SDK would retry these; a 4xx other than 429 is final
_ERROR_CODE_PREFIX = re.compile(r"^Error code: \d+\s*-?\s*")


def _client_class() -> Any:
    import openai

    class Client(openai.OpenAI):
        def _should_retry(self, response: Any) -> bool:
            if response.status_code in NO_RETRY_STATUSES:
                return False
            return bool(super()._should_retry(response))

    return Client


class OpenAICompatibleLLM:
    backend = "openai"

    def __init__(
        self,
        model: str,
        api_key: str | None,
        base_url: str | None,
        timeout_s: float,
        max_retries: int,
        stream: bool = True,
    ) -> None:
        self.model = model
        self.base_url = base_url or "https://api.openai.com/v1"
        self.stream = stream
        self._secret = api_key or ""
        # Local servers need no key, but the SDK insists on one.
        self._client = _client_class()(
            api_key=api_key or "not-needed",
            base_url=base_url,
            timeout=timeout_s,
            max_retries=max_retries,
        )

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        def create() -> Any:
            return self._client.chat.completions.create(
                model=self.model,
                messages=[{"role": m.role, "content": m.content} for m in messages],
                max_tokens=max_tokens,
                temperature=temperature,
                stop=stop or None,
                stream=self.stream,
            )

        response = self._call(create)
        generation = Generation(deltas=iter(()))
        if self.stream:
            generation.deltas = self._deltas(response, generation.usage)
        else:
            generation.deltas = iter([self._whole(response, generation.usage)])
        return generation

    def _whole(self, response: Any, usage: Usage) -> str:
        """The content of a non-streamed completion; its usage as the server reported it."""
        try:
            choice = response.choices[0]
            content = choice.message.content
        except (AttributeError, IndexError, TypeError) as exc:
            raise self._unavailable(f"sent a malformed reply: {exc}") from None
        if not isinstance(content, str):
            raise self._unavailable("sent a completion without text")
        if getattr(response, "usage", None):
            usage.prompt_tokens = response.usage.prompt_tokens or 0
            usage.completion_tokens = response.usage.completion_tokens or 0
        return content

    def _deltas(self, stream: Any, usage: Usage) -> Iterator[str]:
        chunks = iter(stream)
        finished = False
        while True:
            chunk = self._call(lambda: next(chunks, None), started=True)
            if chunk is None:
                break
            if getattr(chunk, "usage", None):
                usage.prompt_tokens = chunk.usage.prompt_tokens or 0
                usage.completion_tokens = chunk.usage.completion_tokens or 0
            finished = finished or _finish_reason(chunk) is not None
            delta = _delta_text(chunk)
            if delta:
                if not getattr(chunk, "usage", None):
                    usage.completion_tokens += 1
                yield delta
        if not finished:
            # Every OpenAI-compatible server ends a stream with a finish_reason; without one
            # the connection ended early and the text is truncated.
            raise self._unavailable("ended the stream before the answer was complete")

    def _call(self, func: Any, *, started: bool = False) -> Any:
        import openai

        try:
            return func()
        except openai.APITimeoutError as exc:
            raise self._unavailable("timed out") from exc
        except openai.APIConnectionError as exc:
            if started:
                raise self._unavailable("dropped the connection mid-answer") from exc
            raise BackendUnavailable(f"cannot reach the LLM at {self.base_url}") from exc
        except openai.APIStatusError as exc:
            message = _ERROR_CODE_PREFIX.sub("", str(exc.message))
            # from None: the chained SDK error keeps the response body, which may echo the key.
            raise self._unavailable(f"answered HTTP {exc.status_code}: {message}") from None
        except (openai.OpenAIError, ValueError, KeyError, AttributeError, TypeError) as exc:
            raise self._unavailable(f"sent a malformed reply: {exc}") from None

    def _unavailable(self, problem: str) -> BackendUnavailable:
        """One line, never the API key (servers echo it back in 401 messages)."""
        text = f"LLM at {self.base_url} {problem}"
        if len(self._secret) >= 4:
            text = text.replace(self._secret, "***")
        return BackendUnavailable(_short(text))


def _finish_reason(chunk: Any) -> str | None:
    choices = getattr(chunk, "choices", None) or []
    return getattr(choices[0], "finish_reason", None) if choices else None


def _delta_text(chunk: Any) -> str:
    choices = getattr(chunk, "choices", None) or []
    if not choices:
        return ""
    delta = getattr(choices[0], "delta", None)
    return (getattr(delta, "content", None) or "") if delta is not None else ""


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
