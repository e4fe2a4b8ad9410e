"""`feedqa chat`: the Gradio chat over the feed, with the day's TL;DRs one tab away."""

from __future__ import annotations

import time

import click

from assistant.cli_common import handle_errors, open_services
from assistant.config import Settings
from assistant.services import Services


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=7860, show_default=True)
@click.option("--share", is_flag=True, help="Also publish a public gradio.live link.")
@click.option(
    "--concurrency",
    type=click.IntRange(1, 64),
    default=None,
    help="Questions answered at once (default: 1 embedded, 4 OpenAI).",
)
@click.option(
    "--max-queue",
    type=click.IntRange(1, 1000),
    default=16,
    show_default=True,
    help="Questions that may wait; more get a 'queue is full' message.",
)
@click.option(
    "--backend",
    type=click.Choice(["embedded", "openai"]),
    default=None,
    help="LLM backend (default: openai if OPENAI_API_KEY/BASE_URL is set).",
)
@click.option("--no-warm-up", is_flag=True, help="Load the models on the first question.")
@click.pass_obj
@handle_errors
def chat(
    settings: Settings,
    host: str,
    port: int,
    share: bool,
    concurrency: int | None,
    max_queue: int,
    backend: str | None,
    no_warm_up: bool,
) -> None:
    """Open the chat UI (Gradio) on http://HOST:PORT."""
    from ui.app import build_app, launch_app

    if backend:
        settings = settings.model_copy(update={"llm_backend": backend})
    services = open_services(settings)
    if not no_warm_up:
        warm_up(services)
    # Missing TL;DRs fill in the background from the start; questions go first.
    app = build_app(services, concurrency=concurrency, max_queue=max_queue, fill_tldrs=True)
    _, local_url, share_url = launch_app(
        app, services, host=host, port=port, share=share, block=False
    )
    click.echo(f"feedqa chat: {local_url}" + (f" (public: {share_url})" if share_url else ""))
    click.echo("press Ctrl+C to stop")
    try:
        app.block_thread()
    finally:
        app.close()
        services.close()


def warm_up(services: Services) -> None:
    """Load the embedder, the LLM and the retrieval index now, so the first answer is fast."""
    started = time.perf_counter()
    papers = services.registry.counts()["papers"]
    if papers == 0:
        click.echo("warning: the store is empty; run `feedqa ingest --builtin` first", err=True)
    services.embedder.embed(["warm up"])
    warm = getattr(services.llm, "warm_up", None)
    if callable(warm):
        warm()
    if papers:
        services.pipeline.retrieve("warm up the retrieval index")
    seconds = time.perf_counter() - started
    click.echo(
        f"ready: {papers} papers, {services.llm.backend} {services.llm.model} "
        f"({seconds:.1f}s to load)"
    )
