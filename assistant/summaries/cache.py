"""The TL;DR cache: one row per (paper_id, content_hash, model, prompt_version).

The source is part of the key: model and extractive rows carry the model id and prompt
version, feed summaries the model "feed" and a version hashed from the summary itself.

It is a table of its own (``tldrs``) in the registry's SQLite file, so it lives and dies with
the store it describes and survives restarts. Rows are never updated in place: a changed
abstract, model or prompt is a new key.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Literal

from vectorstore.db import open_db

TldrKind = Literal["model", "extractive", "feed"]  # the TL;DR's source


@dataclass(frozen=True)
class Tldr:
    """A TL;DR and its source. ``kind`` is "model" (our LLM's, checked), "feed" (the feed's
    own AI summary) or "extractive" (copied from the abstract; ``reasons`` then says why the
    model's drafts were rejected)."""

    paper_id: str
    content_hash: str
    tldr: str
    kind: TldrKind
    model: str
    prompt_version: str
    reasons: tuple[str, ...] = field(default=())


class TldrCache:
    """Read and write cached TL;DRs. One connection per instance; close it when done."""

    def __init__(self, path: Path) -> None:
        self._db = open_db(path)  # the table is created by the store's migrations

    def get(self, paper_id: str, content_hash: str, model: str, prompt_version: str) -> Tldr | None:
        """The TL;DR stored under exactly this key, if any."""
        row = self._db.execute(
            "SELECT tldr, kind, reasons FROM tldrs WHERE paper_id = ? AND content_hash = ? "
            "AND model = ? AND prompt_version = ?",
            (paper_id, content_hash, model, prompt_version),
        ).fetchone()
        if row is None:
            return None
        return Tldr(
            paper_id, content_hash, row[0], row[1], model, prompt_version, tuple(json.loads(row[2]))
        )

    def get_any_model(self, paper_id: str, content_hash: str, prompt_version: str) -> Tldr | None:
        """The newest model-written TL;DR for this text and prompt, whatever model wrote it
        (used when the configured model is unavailable)."""
        row = self._db.execute(
            "SELECT model FROM tldrs WHERE paper_id = ? AND content_hash = ? "
            "AND prompt_version = ? AND kind = 'model' ORDER BY created DESC LIMIT 1",
            (paper_id, content_hash, prompt_version),
        ).fetchone()
        return self.get(paper_id, content_hash, row[0], prompt_version) if row else None

    def put(self, tldr: Tldr) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO tldrs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    tldr.paper_id,
                    tldr.content_hash,
                    tldr.model,
                    tldr.prompt_version,
                    tldr.tldr,
                    tldr.kind,
                    json.dumps(list(tldr.reasons)),
                    time.time(),
                ),
            )

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM tldrs").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TldrCache:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
