"""One settings object for the whole program, read from ``FEEDQA_*`` variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, overload

import platformdirs
from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("feedqa"))


class _UnderHome:
    """A read-only path below ``Settings.home`` (``settings.chroma_dir`` is home / "chroma")."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, settings: None, owner: type) -> _UnderHome: ...
    @overload
    def __get__(self, settings: Settings, owner: type | None = None) -> Path: ...
    def __get__(self, settings: Settings | None, owner: type | None = None) -> Path | _UnderHome:
        return self if settings is None else settings.home / self.name


class Settings(BaseSettings):
    """All configuration. Every piece of state lives under ``home``."""

    model_config = SettingsConfigDict(
        env_prefix="FEEDQA_", extra="ignore", ignored_types=(_UnderHome,)
    )

    home: Path = Field(default_factory=_default_home)

    # Vector store: embedded PersistentClient under home, or a `chroma run` server.
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_ssl: bool = False
    collection: str = "feedqa_chunks"

    embedder: Literal["minilm", "fake"] = "minilm"
    embed_batch_size: int = 8

    # LLM: "auto" is the OpenAI-compatible backend when an API key or base URL is set,
    # else the embedded GGUF model.
    llm_backend: Literal["auto", "embedded", "openai", "fake"] = "auto"
    gguf_path: Path | None = None
    llm_threads: int | None = None
    llm_context: int = 2048
    # llama.cpp's extra buffer types (AMX/AArch64 weight repacking). Off: the AMX matmul
    # segfaults (llama.cpp#20824). True opts back in, on a CPU where that is known to work.
    llama_extra_bufts: bool = False
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("FEEDQA_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("FEEDQA_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    openai_model: str = Field(
        default="gpt-4o-mini", validation_alias=AliasChoices("FEEDQA_OPENAI_MODEL", "OPENAI_MODEL")
    )
    openai_stream: bool = True  # False: one non-streamed completion per answer
    llm_timeout_s: float = 30.0
    llm_max_retries: int = 2

    # Limits on untrusted input.
    max_question_tokens: int = 200
    max_feed_bytes: int = 64 * 1024 * 1024
    max_item_chars: int = 20_000
    http_timeout_s: float = 20.0
    hf_base_url: str = "https://huggingface.co"

    retrieval_k: int = 5
    interests: str | None = None

    # Where TL;DRs come from: "auto" shows the feed's own AI summary where there is one, else
    # ours (model, checked), else an extractive line; "feed" never runs the model; "model"
    # always writes ours.
    tldr_source: Literal["auto", "feed", "model"] = "auto"
    # A digest for a day without papers (weekends): by default nothing is written or sent;
    # True writes (and mails) a short note saying there were none.
    digest_empty_note: bool = False

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: SecretStr | None = None
    smtp_from: str = "feedqa@localhost"
    smtp_to: str | None = None
    smtp_starttls: bool = False

    # Where each piece of state lives under home.
    chroma_dir = _UnderHome("chroma")
    lexical_dir = _UnderHome("lexical")  # the persisted BM25 index (vectorstore/bm25_index.py)
    registry_path = _UnderHome("papers.sqlite3")
    lock_path = _UnderHome("write.lock")
    digests_dir = _UnderHome("digests")
    evals_dir = _UnderHome("evals")
    cache_dir = _UnderHome("cache")

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home
