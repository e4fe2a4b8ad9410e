"""Chroma, embedded (PersistentClient under FEEDQA_HOME) or a `chroma run` server (HttpClient).

Every write and query passes vectors explicitly: Chroma's own default embedding function
downloads a model from the network and must never run.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import FeedqaError

if TYPE_CHECKING:
    from assistant.config import Settings


class StoreError(FeedqaError):
    pass


@dataclass(frozen=True)
class Hit:
    chunk_id: str
    paper_id: str
    text: str
    cosine: float


def make_client(settings: Settings) -> Any:
    """A Chroma client for the configured mode, with telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host,
                port=settings.chroma_port,
                ssl=settings.chroma_ssl,
                settings=chroma_settings,
            )
        except Exception as exc:  # chromadb raises bare ValueError/httpx errors here
            where = f"{settings.chroma_host}:{settings.chroma_port}"
            raise StoreError(f"cannot reach the Chroma server at {where}: {exc}") from exc
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def forget_shared_system(client: Any) -> None:
    """Drop Chroma's per-path cached System, so the next PersistentClient reads the store from
    disk. Clients still holding the old one keep working on what they loaded."""
    from chromadb.api.shared_system_client import SharedSystemClient

    identifier = getattr(client, "_identifier", None)
    with SharedSystemClient._refcount_lock:
        SharedSystemClient._identifier_to_system.pop(identifier or "", None)
        SharedSystemClient._identifier_to_refcount.pop(identifier or "", None)


class ChunkStore:
    """The chunk collection: ids ``<paper_id>#<ord>``, cosine space, tagged with its embedder."""

    def __init__(
        self,
        settings: Settings,
        embedder_id: str,
        client: Any = None,
        generation: int | None = None,
    ) -> None:
        self._settings, self.embedder_id = settings, embedder_id
        self.where = settings.chroma_host or str(settings.chroma_dir)
        self.generation = generation  # the registry generation the vectors were loaded at
        self._open(client if client is not None else make_client(settings))

    def _open(self, client: Any) -> None:
        try:
            collection = client.get_or_create_collection(
                self._settings.collection,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", "embedder": self.embedder_id},
            )
        except Exception as exc:
            raise StoreError(f"cannot open Chroma collection at {self.where}: {exc}") from exc
        stored_id = (collection.metadata or {}).get("embedder")
        if stored_id and stored_id != self.embedder_id:
            raise StoreError(
                f"the store at {self.where} holds {stored_id} vectors, not {self.embedder_id}; "
                "use another FEEDQA_HOME/collection or the same embedder"
            )
        self._client, self.collection = client, collection

    def refresh(self, generation: int) -> None:
        """Make vectors another process wrote since ``self.generation`` visible to queries.

        An embedded Chroma keeps the vector index it loaded: another process's writes reach
        its SQLite (count() sees them) but not its queries, and a filter selecting their ids
        fails. Reopening loads the index afresh; a server already serves every writer's data.
        """
        moved = self.generation is not None and generation != self.generation
        if moved and not self._settings.chroma_host:
            forget_shared_system(self._client)
            self._open(make_client(self._settings))
        self.generation = generation

    @contextmanager
    def _call(self, action: str) -> Iterator[None]:
        """Chroma's own errors (HTTP, SQLite, Rust bindings) as one-line StoreErrors."""
        try:
            yield
        except Exception as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise StoreError(f"Chroma {action} failed at {self.where}: {reason}") from exc

    def count(self) -> int:
        with self._call("count"):
            return int(self.collection.count())

    def upsert(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        if len(ids) != len(vectors):
            raise ValueError("every chunk needs its vector")
        if not ids:
            return
        with self._call("upsert"):
            self.collection.upsert(
                ids=list(ids),
                embeddings=vectors.astype(np.float32),
                documents=list(texts),
                metadatas=list(metadatas),
            )

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        """Replace the metadata of existing chunks; their vectors and texts stay."""
        if len(ids) != len(metadatas):
            raise ValueError("every chunk needs its metadata")
        if ids:
            with self._call("update"):
                self.collection.update(ids=list(ids), metadatas=list(metadatas))

    def ids_of_papers(self, paper_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(paper_ids), 200):
            batch = list(paper_ids[start : start + 200])
            with self._call("get"):
                got = self.collection.get(where={"paper_id": {"$in": batch}}, include=[])
            found.update(got["ids"])
        return found

    def all_ids(self) -> set[str]:
        ids: set[str] = set()
        offset, page = 0, 5000
        while True:
            with self._call("get"):
                got = self.collection.get(include=[], limit=page, offset=offset)
            ids.update(got["ids"])
            if len(got["ids"]) < page:
                return ids
            offset += page

    def delete(self, ids: Sequence[str]) -> None:
        for start in range(0, len(ids), 1000):
            with self._call("delete"):
                self.collection.delete(ids=list(ids[start : start + 1000]))

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None) -> list[Hit]:
        count = self.count()
        if count == 0:
            return []
        with self._call("query"):
            result = self.collection.query(
                query_embeddings=[vector.astype(np.float32)],
                n_results=min(k, count),
                where=where or None,
                include=["documents", "metadatas", "distances"],
            )
        return [
            Hit(chunk_id=cid, paper_id=str(meta["paper_id"]), text=doc or "", cosine=1.0 - dist)
            for cid, doc, meta, dist in zip(
                result["ids"][0],
                result["documents"][0],
                result["metadatas"][0],
                result["distances"][0],
                strict=True,
            )
        ]
