"""The yardstick a user would build in an afternoon: llama-index ``VectorStoreIndex`` over a
``ChromaVectorStore``, default node parsing, ``as_query_engine()``; one Document per paper
(title + abstract); the SAME embedder and LLM as feedqa (evals.bench.adapters). Compared
with feedqa on ingest speed, hit@5 on the sample feed's dev questions, and time to first token.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.bench.corpus import dev_questions
from evals.bench.measure import latency_ms, per_second, ratio

if TYPE_CHECKING:
    from assistant.models import Paper
    from evals.bench.context import BenchContext

HIT_K = 5


def set_models(ctx: BenchContext, embedder: Any | None = None) -> tuple[Any, Any]:
    """Our models wrapped for llama-index, also set globally so nothing falls back to OpenAI."""
    from llama_index.core import Settings

    from evals.bench.adapters import FeedqaEmbedding, FeedqaLLM

    settings = ctx.settings()
    embed_model = FeedqaEmbedding(embedder or ctx.embedder, settings.embed_batch_size)
    llm = FeedqaLLM(ctx.llm, context_window=settings.llm_context)
    Settings.embed_model, Settings.llm = embed_model, llm
    return embed_model, llm


def build_index(papers: list[Paper], embed_model: Any, path: Path) -> tuple[Any, float, int]:
    """The baseline index over these papers: (index, seconds, vectors stored)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    shutil.rmtree(path, ignore_errors=True)
    started = time.perf_counter()
    client = chromadb.PersistentClient(str(path), ChromaSettings(anonymized_telemetry=False))
    # No embedding function: Chroma's default downloads a model. Nodes carry their vectors.
    collection = client.get_or_create_collection("baseline", embedding_function=None)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(collection))
    docs = [Document(id_=p.paper_id, text=f"{p.title}\n\n{p.abstract}") for p in papers]
    index = VectorStoreIndex.from_documents(docs, storage_context=storage, embed_model=embed_model)
    return index, time.perf_counter() - started, int(collection.count())


def ingest_compare(ctx: BenchContext, store: str) -> tuple[Any, dict[str, Any]]:
    """Baseline ingest (fresh embedder, loaded inside the timing as ours is) vs our first."""
    from vectorstore.embeddings import MiniLMEmbedder

    papers = ctx.papers(store)
    embed_model, _ = set_models(ctx, MiniLMEmbedder())
    index, seconds, vectors = build_index(
        papers, embed_model, ctx.config.work_dir / "baseline" / store
    )
    ours = ctx.ensure_ingested(store)
    base_rate = per_second(len(papers), seconds)
    return index, {
        "papers": len(papers),
        "vectors": vectors,
        "seconds": round(seconds, 3),
        "papers_per_s": base_rate,
        "ours_papers_per_s": ours["papers_per_s"],
        "ours_chunks": ours["chunks"],
        "ours_vs_baseline": ratio(ours["papers_per_s"], base_rate),
    }


def gold_sets(papers: list[Paper]) -> list[tuple[str, set[str]]]:
    """(question, gold paper ids) for the dev single_fact + multi_paper questions."""
    from evals.datasets import gold_paper_ids

    return [(q.question, set(gold_paper_ids(q, papers)[0])) for q in dev_questions()]


def hit_rate(golds: list[tuple[str, set[str]]], top_ids: Any) -> float:
    """Share of questions with a gold paper among ``top_ids(question)``."""
    hits = [bool(gold & set(top_ids(question))) for question, gold in golds if gold]
    return round(sum(hits) / len(hits), 3) if hits else 0.0


def hit_at_5(ctx: BenchContext, index: Any) -> dict[str, Any]:
    golds = gold_sets(ctx.papers("sample"))
    retriever = index.as_retriever(similarity_top_k=HIT_K)
    services = ctx.services("sample")
    try:
        pipeline = services.pipeline
        ours = hit_rate(golds, lambda q: [p.paper_id for p in pipeline.retrieve(q, k=HIT_K)])
    finally:
        services.close()
    base = hit_rate(golds, lambda q: [n.node.ref_doc_id for n in retriever.retrieve(q)])
    return {"questions": len(golds), "ours": ours, "baseline": base}


def first_token(engine: Any, question: str) -> tuple[float, float]:
    """Seconds to the first streamed token and to the end, for one query."""
    started = time.perf_counter()
    first = None
    for _token in engine.query(question).response_gen:
        if first is None:
            first = time.perf_counter() - started
    total = time.perf_counter() - started
    return (first if first is not None else total), total


def ttft_compare(ctx: BenchContext, index: Any) -> dict[str, Any]:
    from evals.bench.query_bench import ask_questions, warm_ask

    _, llm = set_models(ctx)
    engine = index.as_query_engine(streaming=True, llm=llm)
    first_token(engine, "What do the papers in the feed say about long context?")  # warm-up
    runs = [first_token(engine, q) for q in ask_questions(ctx)]
    ours = ctx.results.get("query", {}).get("ask_warm") or warm_ask(ctx)
    base = latency_ms([f for f, _ in runs])
    return {
        "baseline_first_token": base,
        "baseline_total": latency_ms([t for _, t in runs]),
        "ours_first_token": ours["first_token"],
        "ours_total": ours["total"],
        "ours_vs_baseline_p50": ratio(ours["first_token"]["p50_ms"], base["p50_ms"]),
    }


def run_baseline(ctx: BenchContext) -> dict[str, Any]:
    index, sample = ingest_compare(ctx, "sample")
    out: dict[str, Any] = {"ingest": {"sample": sample}}
    out["hit@5"] = hit_at_5(ctx, index)
    out["ttft"] = ttft_compare(ctx, index)
    if ctx.config.baseline_archive and ctx.config.small_papers:
        out["ingest"]["small"] = ingest_compare(ctx, "small")[1]
    return out
