"""`feedqa ask`: a grounded answer streamed to the terminal, then its cited papers."""

from __future__ import annotations

import click

from assistant.cli_common import handle_errors, open_services, print_json
from assistant.config import Settings
from assistant.pipeline.types import Answer, Filters


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--k", "k", type=click.IntRange(1, 20), default=None, help="Papers to retrieve.")
@click.option("--since", default=None, help="Only papers from this feed day on (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only papers up to this feed day (YYYY-MM-DD).")
@click.option("--source", default=None, help="Only papers from this source.")
@click.option(
    "--backend",
    type=click.Choice(["embedded", "openai", "fake"]),
    default=None,
    help="LLM backend (default: openai when OPENAI_API_KEY/BASE_URL is set).",
)
@click.pass_obj
@handle_errors
def ask(
    settings: Settings,
    question: tuple[str, ...],
    as_json: bool,
    k: int | None,
    since: str | None,
    until: str | None,
    source: str | None,
    backend: str | None,
) -> None:
    """Answer QUESTION from the feed, citing the papers it comes from."""
    from assistant.days import parse_day

    for option, day in (("--since", since), ("--until", until)):
        if day:
            parse_day(day, option)
    if backend:
        settings = settings.model_copy(update={"llm_backend": backend})
    services = open_services(settings)
    filters = Filters(since, until, source) if (since or until or source) else None
    stream = services.pipeline.ask_stream(" ".join(question), k=k, filters=filters)
    answer = None
    for event in stream:
        if event.kind == "delta" and not as_json:
            click.echo(event.text, nl=False)
        elif event.kind == "final":
            answer = event.answer
    assert answer is not None
    if as_json:
        print_json(answer.to_json())
    else:
        click.echo()
        click.echo(format_sources(answer))


def format_sources(answer: Answer) -> str:
    lines = []
    if answer.citations:
        lines.append("\nSources:")
    for c in answer.citations:
        lines.append(f"  [{c.n}] {c.title}" + (f" — {c.url}" if c.url else f" ({c.paper_id})"))
        lines.append(f"      “{c.quote}”")
    seconds = answer.timings_ms.get("total", 0.0) / 1000
    lines.append(f"\n({answer.path} · {answer.backend} {answer.model} · {seconds:.1f}s)")
    return "\n".join(lines)
