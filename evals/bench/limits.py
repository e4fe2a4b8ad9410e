"""The limits: raw model speed on this machine, with nothing of feedqa around it.

Embedder: ONNX Runtime ``session.run`` alone over the chunk texts the ingest produces, in the
ingest's batches (flush groups of FLUSH_CHUNKS, length-sorted, ``embed_batch_size`` each),
tokenised beforehand. LLM: llama.cpp alone, a ~300-token prefill and a 64-token decode, in a child
process (``llm_limit``), with and without llama.cpp's extra buffer types.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from evals.bench.corpus import evenly
from evals.bench.measure import per_second

if TYPE_CHECKING:
    from assistant.models import Paper
    from evals.bench.context import BenchContext
    from vectorstore.embeddings import MiniLMEmbedder


def run_limits(ctx: BenchContext) -> dict[str, Any]:
    papers = evenly(ctx.papers("archive"), ctx.config.raw_embed_papers)
    return {
        "embedder": embedder_limit(ctx.embedder, papers, ctx.settings().embed_batch_size),
        "llm": llm_limit(ctx),
        # The same with llama.cpp's extra buffer types, which feedqa turns off: on a CPU with
        # AMX this child segfaults and the entry says so.
        "llm_extra_bufts": llm_limit(ctx, extra_bufts=True),
    }


def ingest_batches(
    embedder: MiniLMEmbedder, papers: list[Paper], batch_size: int
) -> list[list[str]]:
    """The embed texts in the batches Ingestor.flush/_embed would send for these papers."""
    from assistant.ingest import FLUSH_CHUNKS
    from vectorstore.chunking import Chunker

    chunker = Chunker(embedder)
    groups: list[list[str]] = [[]]
    for paper in papers:
        if len(groups[-1]) >= FLUSH_CHUNKS:
            groups.append([])
        groups[-1].extend(c.embed_text for c in chunker.chunk(paper))
    batches = []
    for group in groups:
        ordered = sorted(group, key=len)
        batches += [ordered[i : i + batch_size] for i in range(0, len(ordered), batch_size)]
    return batches


def onnx_feeds(embedder: MiniLMEmbedder, texts: list[str]) -> dict[str, Any]:
    """The padded inputs MiniLMEmbedder.embed builds for one batch."""
    import numpy as np

    rows = [embedder._truncate(e.ids) for e in embedder._tokenizer.encode_batch(texts)]
    ids = np.zeros((len(rows), max(len(r) for r in rows)), dtype=np.int64)
    mask = np.zeros_like(ids)
    for i, row in enumerate(rows):
        ids[i, : len(row)], mask[i, : len(row)] = row, 1
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    return {k: v for k, v in feeds.items() if k in embedder._input_names}


def embedder_limit(
    embedder: MiniLMEmbedder, papers: list[Paper], batch_size: int
) -> dict[str, Any]:
    """Chunks/s and tokens/s of ONNX Runtime alone, and of MiniLMEmbedder.embed for reference."""
    embedder.token_ids("warm up")  # loads the session and tokenizer
    batches = ingest_batches(embedder, papers, batch_size)
    feeds = [onnx_feeds(embedder, b) for b in batches]
    session = embedder._session
    session.run(None, feeds[0])  # the first run allocates; not timed
    started = time.perf_counter()
    for feed in feeds:
        session.run(None, feed)
    ort_s = time.perf_counter() - started
    started = time.perf_counter()
    for batch in batches:
        embedder.embed(batch)
    embed_s = time.perf_counter() - started
    chunks = sum(len(b) for b in batches)
    tokens = int(sum(f["attention_mask"].sum() for f in feeds))
    return {
        "papers": len(papers),
        "chunks": chunks,
        "tokens": tokens,
        "batch_size": batch_size,
        "padded_tokens": int(sum(f["input_ids"].size for f in feeds)),
        "ort_seconds": round(ort_s, 3),
        "chunks_per_s": per_second(chunks, ort_s),
        "tokens_per_s": per_second(tokens, ort_s),
        "embed_call_seconds": round(embed_s, 3),
        "embed_call_chunks_per_s": per_second(chunks, embed_s),
    }


def llm_limit(ctx: BenchContext, extra_bufts: bool = False) -> dict[str, Any]:
    """Prefill and decode tokens/s of llama.cpp alone, best of 3, in a child process."""
    from assistant.llm.embedded import default_gguf_path
    from evals.bench.llm_limit import measure_in_child

    settings = ctx.settings()
    config = {
        "model_path": str(settings.gguf_path or default_gguf_path()),
        "n_ctx": settings.llm_context,
        "threads": settings.llm_threads,
        "extra_bufts": extra_bufts,
    }
    return measure_in_child(config)
