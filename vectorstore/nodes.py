"""One llama-index node per stored chunk, built the same way for every retriever.

Reciprocal rank fusion matches results by node hash, so the dense and lexical retrievers
must hand back identical nodes: both take them from here.
"""

from __future__ import annotations

from llama_index.core.schema import TextNode

from assistant.days import day_number
from assistant.models import Paper
from vectorstore.registry import ChunkRow, StoredPaper


def chunk_metadata(paper: Paper, ord_: int) -> dict[str, str | int]:
    """Chroma metadata of a chunk: what date-window and source filters need."""
    return {
        "paper_id": paper.paper_id,
        "ord": ord_,
        "title": paper.title,
        "day": day_number(paper.day),
        "source": paper.source,
    }


def chunk_node(row: ChunkRow, paper: StoredPaper) -> TextNode:
    return TextNode(
        id_=row.chunk_id,
        text=row.text,
        metadata=chunk_metadata(paper.paper, row.ord),
        excluded_embed_metadata_keys=["paper_id", "ord", "day", "source"],
        excluded_llm_metadata_keys=["paper_id", "ord", "day", "source"],
    )
