"""`feedqa ingest` and `feedqa stats`."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from typing import Any

import click

from assistant.cli_common import handle_errors, open_services, print_json, wait_option
from assistant.config import Settings
from assistant.errors import UsageError
from assistant.services import Services, builtin_feed_path


@click.command()
@click.argument("sources", nargs=-1)
@click.option("--builtin", is_flag=True, help="Also ingest the built-in demo feed.")
@click.option("--if-empty", is_flag=True, help="Do nothing if the store already has papers.")
@wait_option("")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only errors and the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
@handle_errors
def ingest(
    settings: Settings,
    sources: tuple[str, ...],
    builtin: bool,
    if_empty: bool,
    wait_s: float,
    quiet: bool,
    as_json: bool,
) -> None:
    """Parse, chunk, embed and store feeds: files, directories, URLs, hf:DATE[..DATE]."""
    from assistant.locking import write_lock

    specs = [*sources, *([str(builtin_feed_path())] if builtin else [])]
    if not specs:
        raise UsageError("nothing to ingest: give feed files, URLs or hf:DATE, or --builtin")
    check_specs(specs)
    services = open_services(settings)
    if if_empty and not store_is_empty(services):
        click.echo(f"store already has papers; nothing to do ({settings.home})")
        return
    with write_lock(settings.lock_path, wait_s, what=str(settings.home)):
        report = run_ingest(services, specs, show_progress=not quiet and sys.stderr.isatty())
    summary = {**report.as_dict(), "store": store_stats(services)}
    if as_json:
        print_json(summary)
    else:
        click.echo(format_report(summary))
    if report.errors:
        sys.exit(1)


def check_specs(specs: list[str]) -> None:
    """Usage errors (a bad hf: date, an unsupported URL scheme) before any work is done."""
    from assistant.feeds.fetch import hf_days

    for spec in specs:
        if spec.startswith("hf:"):
            hf_days(spec)
        elif "://" in spec and not spec.lower().startswith(("http://", "https://")):
            raise UsageError(f"{spec}: unsupported URL scheme (use http:// or https://)")


def store_is_empty(services: Services) -> bool:
    """No papers in the registry, or no vectors in Chroma (a new server, a deleted chroma/)."""
    return services.registry.counts()["papers"] == 0 or services.store.count() == 0


def run_ingest(services: Services, specs: list[str], show_progress: bool) -> Any:
    """The library's ingest (assistant.ingest.ingest_sources), its events printed: errors on
    stderr as they happen, papers on a progress counter when ``show_progress``."""
    from assistant.ingest import IngestEvent, ingest_sources

    with _progress(show_progress) as advance:

        def show(event: IngestEvent) -> None:
            if event.kind == "error":
                click.echo(f"feedqa: error: {event.message}", err=True)
            elif advance is not None:
                advance(event.count)

        return ingest_sources(services, specs, on_event=show)


class _progress:
    """A rich progress counter on a TTY; a no-op otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __enter__(self) -> Any:
        if not self.enabled:
            self._ctx: Any = nullcontext()
            return None
        from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

        self._ctx = Progress(
            SpinnerColumn(), "ingesting", MofNCompleteColumn(), TimeElapsedColumn(), transient=True
        )
        progress = self._ctx.__enter__()
        task = progress.add_task("ingest", total=None)
        return lambda n: progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        self._ctx.__exit__(*exc)


def store_stats(services: Services) -> dict[str, Any]:
    stats = services.registry.stats()
    settings = services.settings
    where = str(settings.chroma_dir)
    if settings.chroma_host:
        where = f"http://{settings.chroma_host}:{settings.chroma_port}"
    return {
        **stats,
        "store": where,
        "registry": str(settings.registry_path),
        "embedder": services.embedder.model_id,
        "vectors": services.store.count(),
    }


def format_report(summary: dict[str, Any]) -> str:
    store = summary["store"]
    return (
        f"ingested {summary['parsed']} papers from {summary['sources']} feed(s): "
        f"{summary['new']} new, {summary['updated']} updated, {summary['unchanged']} unchanged, "
        f"{summary['skipped']} skipped{_truncated(summary)}; "
        f"{summary['chunks_written']} chunks embedded "
        f"in {summary['seconds']:.1f}s; {len(summary['errors'])} error(s)\n"
        f"store: {store['papers']} papers, {store['chunks']} chunks at {store['store']}"
    )


def _truncated(summary: dict[str, Any]) -> str:
    count = summary.get("truncated", 0)
    return f", {count} cut to the item size limit" if count else ""


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.pass_obj
@handle_errors
def stats(settings: Settings, as_json: bool) -> None:
    """Papers, chunks, sources, date range, store location and embedder."""
    summary = store_stats(open_services(settings))
    if as_json:
        print_json(summary)  # every source path, for scripts
        return
    click.echo(format_stats(summary))


STATS_GROUPS_SHOWN = 10


def format_stats(summary: dict[str, Any]) -> str:
    """Counts, and the sources grouped by file or archive (the full list is in --json)."""
    from assistant.feeds.fetch import group_sources

    groups = group_sources(summary["sources"])
    lines = [f"{key:>10}: {value}" for key, value in summary.items() if key != "sources"]
    lines.append(f"{'sources':>10}: {len(summary['sources'])} feed(s) from {len(groups)} file(s)")
    for name, (feeds, papers) in list(groups.items())[:STATS_GROUPS_SHOWN]:
        inside = f"{feeds} feeds, " if feeds > 1 else ""
        lines.append(f"{'':>12}{name} ({inside}{papers} papers)")
    if len(groups) > STATS_GROUPS_SHOWN:
        lines.append(f"{'':>12}... {len(groups) - STATS_GROUPS_SHOWN} more (--json lists all)")
    return "\n".join(lines)
