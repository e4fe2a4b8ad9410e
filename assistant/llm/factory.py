"""Choose the LLM backend from settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.config import Settings
from assistant.llm.base import LLM

if TYPE_CHECKING:
    from assistant.llm.worker import WorkerLLM


def backend_name(settings: Settings) -> str:
    """The backend "auto" resolves to: OpenAI-compatible when a key or base URL is set."""
    if settings.llm_backend != "auto":
        return settings.llm_backend
    if settings.openai_api_key is not None or settings.openai_base_url:
        return "openai"
    return "embedded"


def make_llm(settings: Settings) -> LLM:
    """The configured LLM. Models are always passed explicitly; nothing falls back silently."""
    name = backend_name(settings)
    if name == "fake":
        from assistant.llm.fake import FakeLLM

        return FakeLLM()
    if name == "openai":
        from assistant.llm.openai_backend import OpenAICompatibleLLM

        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAICompatibleLLM(
            model=settings.openai_model,
            api_key=key,
            base_url=settings.openai_base_url,
            timeout_s=settings.llm_timeout_s,
            max_retries=settings.llm_max_retries,
            stream=settings.openai_stream,
        )
    return make_embedded(settings)


def make_embedded(settings: Settings) -> WorkerLLM:
    """The GGUF model in a worker process (``WorkerLLM``): a native crash of llama.cpp costs
    one answer, never the process that asked."""
    from assistant.errors import ModelFileError
    from assistant.llm.embedded import default_gguf_path
    from assistant.llm.worker import WorkerLLM

    path = settings.gguf_path or default_gguf_path()
    if not path.is_file():
        raise ModelFileError(f"GGUF model file not found: {path}")
    config = {
        "model_path": str(path),
        "n_ctx": settings.llm_context,
        "threads": settings.llm_threads,
        "extra_bufts": settings.llama_extra_bufts,
    }
    return WorkerLLM(config, model=path.stem, timeout_s=max(settings.llm_timeout_s, 60.0))
