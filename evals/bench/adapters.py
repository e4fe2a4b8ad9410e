"""llama-index adapters around feedqa's own models, so the baseline runs the SAME embedder
(MiniLMEmbedder) and the SAME LLM (EmbeddedLLM). Imports llama-index: import lazily."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding, Embedding
from llama_index.core.base.llms.types import (
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.llms.callbacks import llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from pydantic import PrivateAttr

from assistant.llm.base import Message


class FeedqaEmbedding(BaseEmbedding):
    """MiniLMEmbedder (or any feedqa Embedder) as a llama-index embed model."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Any, embed_batch_size: int = 8) -> None:
        super().__init__(model_name=embedder.model_id, embed_batch_size=embed_batch_size)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> Embedding:
        return [float(x) for x in self._embedder.embed([query])[0]]

    async def _aget_query_embedding(self, query: str) -> Embedding:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> Embedding:
        return self._get_query_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[Embedding]:
        return [[float(x) for x in row] for row in self._embedder.embed(texts)]


class FeedqaLLM(CustomLLM):
    """EmbeddedLLM (a chat model) as a llama-index completion LLM: the prompt is one user turn."""

    context_window: int = 2048
    num_output: int = 96
    model_name: str = "feedqa-embedded"
    _llm: Any = PrivateAttr()

    def __init__(self, llm: Any, context_window: int = 2048, num_output: int = 96) -> None:
        super().__init__(
            context_window=context_window, num_output=num_output, model_name=str(llm.model)
        )
        self._llm = llm

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(
            context_window=self.context_window,
            num_output=self.num_output,
            model_name=self.model_name,
            is_chat_model=False,
        )

    def _generate(self, prompt: str) -> Any:
        messages: Sequence[Message] = [Message("user", prompt)]
        return self._llm.generate(list(messages), max_tokens=self.num_output, temperature=0.0)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._generate(prompt).consume())

    @llm_completion_callback()
    def stream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseGen:
        generation = self._generate(prompt)

        def deltas() -> CompletionResponseGen:
            text = ""
            for delta in generation:
                text += delta
                yield CompletionResponse(text=text, delta=delta)

        return deltas()
