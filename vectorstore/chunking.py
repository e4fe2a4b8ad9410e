"""Split abstracts into chunks the embedder reads whole, each carrying its paper's title."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.schema import Document, MetadataMode

from assistant.models import Paper

if TYPE_CHECKING:
    from vectorstore.embeddings import Embedder

SPECIAL_TOKENS = 2  # [CLS] and [SEP]
CHUNK_OVERLAP = 24
CHUNKER_VERSION = "c1"


@dataclass(frozen=True)
class Chunk:
    chunk_id: str  # "<paper_id>#<ord>": deterministic, so re-ingest is an upsert
    paper_id: str
    ord: int
    text: str  # the abstract passage
    embed_text: str  # what the embedder reads: title line plus passage


def chunk_id(paper_id: str, ord_: int) -> str:
    return f"{paper_id}#{ord_}"


class Chunker:
    """Sentence-aware splitting measured in the embedder's own word pieces."""

    def __init__(self, embedder: Embedder, overlap: int = CHUNK_OVERLAP) -> None:
        self._splitter = SentenceSplitter(
            chunk_size=embedder.max_tokens - SPECIAL_TOKENS,
            chunk_overlap=overlap,
            tokenizer=embedder.token_ids,
            include_prev_next_rel=False,
        )

    def chunk(self, paper: Paper) -> list[Chunk]:
        # The title rides along as metadata: the splitter subtracts its length from the
        # budget, so title + passage still fit the embedder's 256 word pieces.
        doc = Document(text=paper.abstract, metadata={"title": paper.title})
        nodes = self._splitter.get_nodes_from_documents([doc])
        return [
            Chunk(
                chunk_id=chunk_id(paper.paper_id, i),
                paper_id=paper.paper_id,
                ord=i,
                text=node.get_content(metadata_mode=MetadataMode.NONE),
                embed_text=node.get_content(metadata_mode=MetadataMode.EMBED),
            )
            for i, node in enumerate(nodes)
        ]
