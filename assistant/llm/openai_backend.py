"""Any OpenAI-compatible server (OpenAI, vLLM, Ollama, llama.cpp server) via the openai SDK.

Exactly one retry layer: the SDK's own, bounded by settings.llm_max_retries. It retries
connection errors, 429 (honouring Retry-After) and 5xx; other 4xx are not retried.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from assistant.errors import BackendUnavailable
from assistant.llm.base import Generation, Message, Usage

NO_RETRY_STATUSES = {408, 409}  # the SDK would retry these; a 4xx other than 429 is final


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
    ) -> None:
        self.model = model
        self.base_url = base_url or "https://api.openai.com/v1"
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
        stream = self._call(
            lambda: self._client.chat.completions.create(
                model=self.model,
                messages=[{"role": m.role, "content": m.content} for m in messages],
                max_tokens=max_tokens,
                temperature=temperature,
                stop=stop or None,
                stream=True,
            )
        )
        generation = Generation(deltas=iter(()))
        generation.deltas = self._deltas(stream, generation.usage)
        return generation

    def _deltas(self, stream: Any, usage: Usage) -> Iterator[str]:
        chunks = iter(stream)
        while True:
            chunk = self._call(lambda: next(chunks, None))
            if chunk is None:
                return
            if getattr(chunk, "usage", None):
                usage.prompt_tokens = chunk.usage.prompt_tokens or 0
                usage.completion_tokens = chunk.usage.completion_tokens or 0
            delta = _delta_text(chunk)
            if delta:
                if not getattr(chunk, "usage", None):
                    usage.completion_tokens += 1
                yield delta

    def _call(self, func: Any) -> Any:
        import openai

        try:
            return func()
        except openai.APITimeoutError as exc:
            raise BackendUnavailable(f"LLM at {self.base_url} timed out") from exc
        except openai.APIConnectionError as exc:
            raise BackendUnavailable(f"cannot reach the LLM at {self.base_url}") from exc
        except openai.APIStatusError as exc:
            raise BackendUnavailable(
                f"LLM at {self.base_url} answered HTTP {exc.status_code}: {_short(exc.message)}"
            ) from exc
        except (openai.OpenAIError, ValueError, KeyError) as exc:
            raise BackendUnavailable(
                f"LLM at {self.base_url} sent a malformed reply: {_short(str(exc))}"
            ) from exc


def _delta_text(chunk: Any) -> str:
    choices = getattr(chunk, "choices", None) or []
    if not choices:
        return ""
    delta = getattr(choices[0], "delta", None)
    return (getattr(delta, "content", None) or "") if delta is not None else ""


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
