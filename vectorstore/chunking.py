"""Split abstracts into chunks the embedder reads whole, each carrying its paper's title."""

from __future__ import annotations

from collections.abc import Callable
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
# Titles are 10-40 word pieces. A longer one (untrusted feeds allow 20,000 chars) is cut in
# the embed text: the splitter fails when the title alone fills the 256-piece budget.
MAX_TITLE_TOKENS = 64


@dataclass(frozen=True)
class Chunk:
    chunk_id: str  # "<paper_id>#<ord>": deterministic, so re-ingest is an upsert
    paper_id: str
    ord: int
    text: str  # the abstract passage
    embed_text: str  # what the embedder reads: title line plus passage


def chunk_id(paper_id: str, ord_: int) -> str:
    """The id of a paper's ``ord_``-th chunk, in Chroma and the registry: ``PAPER#ORD``."""
    return f"{paper_id}#{ord_}"


def parse_chunk_id(cid: str) -> tuple[str, int]:
    """(paper id, ordinal) of a chunk id; paper ids may themselves contain "#". An id that is
    not a chunk id (a damaged store) has ordinal -1, for the invariant checks to report."""
    paper_id, _, ordinal = cid.rpartition("#")
    return paper_id, int(ordinal) if ordinal.isdigit() else -1


class Chunker:
    """Sentence-aware splitting measured in the embedder's own word pieces."""

    def __init__(self, embedder: Embedder, overlap: int = CHUNK_OVERLAP) -> None:
        self._token_ids = embedder.token_ids
        self._splitter = SentenceSplitter(
            chunk_size=embedder.max_tokens - SPECIAL_TOKENS,
            chunk_overlap=overlap,
            tokenizer=embedder.token_ids,
            include_prev_next_rel=False,
        )

    def chunk(self, paper: Paper) -> list[Chunk]:
        # The title rides along as metadata: the splitter subtracts its length from the
        # budget, so title + passage still fit the embedder's 256 word pieces.
        title = self.fit_title(paper.title)
        doc = Document(text=paper.abstract, metadata={"title": title})
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

    def fit_title(self, title: str) -> str:
        """The title, or its longest prefix of at most MAX_TITLE_TOKENS word pieces."""
        if len(self._token_ids(title)) <= MAX_TITLE_TOKENS:
            return title
        words = title.split(" ")
        n_words = self._longest_fit(len(words), lambda n: " ".join(words[:n]))
        if n_words:
            return " ".join(words[:n_words])
        return title[: self._longest_fit(len(title), lambda n: title[:n])]  # one huge word

    def _longest_fit(self, size: int, prefix: Callable[[int], str]) -> int:
        low, high = 0, size
        while low < high:
            mid = (low + high + 1) // 2
            if len(self._token_ids(prefix(mid))) <= MAX_TITLE_TOKENS:
                low = mid
            else:
                high = mid - 1
        return low
