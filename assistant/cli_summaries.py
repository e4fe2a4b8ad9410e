"""`feedqa tldr`, `feedqa digest` and `feedqa schedule`.

A backend that is down makes `feedqa tldr` fail (exit 3): it exists to show model TL;DRs.
`feedqa digest` degrades instead: the digest still goes out, with extractive TL;DRs marked
as such and a warning, because a scheduled digest that never arrives is worse.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from assistant.cli_common import handle_errors, open_services, print_json, wait_option
from assistant.config import Settings
from assistant.errors import EmptyStoreError, UsageError
from assistant.services import Services

if TYPE_CHECKING:
    from assistant.models import Paper
    from assistant.summaries.sources import SourceSetting
    from assistant.summaries.tldr import TldrRun
    from vectorstore.registry import Registry

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_SOURCE_HELP = (
    "Where TL;DRs come from: auto (the feed's summary where there is one, else the "
    "model's), feed (never the model) or model (always ours). Default: "
    "FEEDQA_TLDR_SOURCE, else auto."
)


def _source_option(fn: Any) -> Any:
    return click.option(
        "--source", type=click.Choice(["auto", "feed", "model"]), default=None, help=_SOURCE_HELP
    )(fn)


def pick_source(option: str | None, settings: Settings) -> SourceSetting:
    """The --source option, else the FEEDQA_TLDR_SOURCE setting."""
    return cast("SourceSetting", option or settings.tldr_source)


@click.command()
@click.option("--date", "day", help="Only papers featured on this day (YYYY-MM-DD).")
@click.option("--since", help="Only papers featured on or after this day (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many papers.")
@click.option("--refresh", is_flag=True, help="Ignore cached TL;DRs and write them again.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of lines.")
@_source_option
@click.pass_obj
@handle_errors
def tldr(
    settings: Settings,
    day: str | None,
    since: str | None,
    limit: int | None,
    refresh: bool,
    as_json: bool,
    source: str | None,
) -> None:
    """One checked TL;DR per paper (cached per paper text, model and prompt)."""
    from assistant.summaries.cache import TldrCache
    from assistant.summaries.tldr import TldrWriter, summarise_papers

    started = time.perf_counter()
    services = open_services(settings)
    try:
        services.require_papers()
        papers = pick_papers(services.registry, _iso(day, "--date"), _iso(since, "--since"), limit)
        writer = TldrWriter(services.llm)
        with TldrCache(settings.registry_path) as cache, _progress(len(papers)) as advance:
            run = summarise_papers(
                papers,
                writer,
                cache,
                refresh=refresh,
                advance=advance,
                source=pick_source(source, settings),
            )
    finally:
        services.close()
    _print_tldrs(papers, run, as_json)
    click.echo(_summary(run, time.perf_counter() - started), err=True)


def pick_papers(
    registry: Registry, day: str | None, since: str | None, limit: int | None
) -> list[Paper]:
    """Papers of one feed day, or seen on or after ``since``, or all; at most ``limit``."""
    stored = registry.all_papers(day=day)
    if since is not None:
        stored = [s for s in stored if any(d >= since for d in s.days)]
    papers = [s.paper for s in stored][:limit]
    if not papers:
        raise EmptyStoreError(f"no papers in the store match {_filters(day, since)}")
    return papers


def _filters(day: str | None, since: str | None) -> str:
    return " and ".join(f for f in (day and f"--date {day}", since and f"--since {since}") if f)


def _iso(value: str | None, option: str) -> str | None:
    from assistant.days import parse_day

    return None if value is None else parse_day(value, option).isoformat()


def _print_tldrs(papers: list[Paper], run: TldrRun, as_json: bool) -> None:
    from assistant.summaries.digest import paper_link, tldr_record
    from assistant.summaries.sources import source_label

    if as_json:
        print_json(
            [tldr_record(p, t, paper_link(p)) for p, t in zip(papers, run.tldrs, strict=True)]
        )
        return
    for paper, item in zip(papers, run.tldrs, strict=True):
        # Untrusted text: no terminal control sequences.
        label = source_label(item.kind)
        click.echo(_CONTROL.sub("", f"{paper.title} — {item.tldr} [{label}]"))


def _summary(run: TldrRun, seconds: float) -> str:
    return (
        f"{len(run.tldrs)} TL;DRs: {run.count('feed')} feed, {run.count('model')} model, "
        f"{run.count('extractive')} extractive; {run.cached} cached, {run.llm_calls} LLM "
        f"calls; {seconds:.1f}s"
    )


@contextmanager
def _progress(total: int, label: str = "TL;DRs") -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on stderr when it is a terminal; otherwise nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    columns = (label, BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


@click.command()
@click.option(
    "--date",
    "day",
    help="The feed day (YYYY-MM-DD). Default: the newest day in the store (with --fetch: "
    "yesterday, UTC); the undated papers if no paper has a day.",
)
@click.option("--fetch", is_flag=True, help="First ingest that day from the Daily Papers API.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the files (default: FEEDQA_HOME/digests).",
)
@click.option("--email", is_flag=True, help="Also mail it (FEEDQA_SMTP_* settings).")
@wait_option(" before fetching")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and warnings.")
@_source_option
@click.option(
    "--empty-note",
    is_flag=True,
    default=None,
    help="On a day without papers, still write (and mail) a digest saying so "
    "(default: FEEDQA_DIGEST_EMPTY_NOTE; else nothing is written or sent).",
)
@click.pass_obj
@handle_errors
def digest(
    settings: Settings,
    day: str | None,
    fetch: bool,
    out_dir: Path | None,
    email: bool,
    wait_s: float,
    quiet: bool,
    source: str | None,
    empty_note: bool | None,
) -> None:
    """Write the day's digest as Markdown, JSON and RSS (digest-DAY.md/.json/.xml)."""
    from assistant.summaries import digest as dg

    day = _iso(day, "--date")
    if email and not (settings.smtp_host and settings.smtp_to):
        raise UsageError("--email needs FEEDQA_SMTP_HOST and FEEDQA_SMTP_TO")
    services = open_services(settings)
    try:
        with dg.digest_lock(settings):
            if fetch:
                day = day or dg.yesterday_utc()
                dg.fetch_day(services, day, wait_s)
            result = _build(services, day, quiet, source)
            if not result.entries and not (empty_note or settings.digest_empty_note):
                # Weekends and holidays have no Daily Papers: a scheduled run succeeds quietly.
                click.echo(f"no papers for {result.day}: no digest written or sent")
                return
            paths = dg.write_digest(result, out_dir or settings.digests_dir)
            for warning in result.warnings:
                click.echo(f"feedqa: warning: {warning}", err=True)
            if email:
                dg.send_email(result, settings)
    finally:
        services.close()
    if not quiet:
        click.echo(
            f"digest {result.day}: {len(result.entries)} papers, ranked by "
            f"{result.ranking}" + (" (mailed)" if email else "")
        )
        for path in paths:
            click.echo(str(path))


def _build(services: Services, day: str | None, quiet: bool, source: str | None) -> Any:
    from assistant.summaries.digest import build_digest

    return build_digest(
        services,
        day,
        progress=None if quiet else _progress,
        source=pick_source(source, services.settings),
    )


@click.command()
@click.option("--at", "at", required=True, help="Local time of day to run, HH:MM.")
@click.option("--install", is_flag=True, help="Write the systemd units and add the crontab line.")
@click.option(
    "--unit-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where --install writes the units (default: ~/.config/systemd/user).",
)
@click.option("--email", is_flag=True, help="Schedule `digest --fetch --email`.")
@click.pass_obj
@handle_errors
def schedule(
    settings: Settings, at: str, install: bool, unit_dir: Path | None, email: bool
) -> None:
    """Print (or --install) a daily `feedqa digest --fetch` as a crontab line and a systemd
    user timer + service."""
    from assistant.summaries import schedule as sc

    plan = sc.make_schedule(at, settings, email=email)
    line, units = sc.cron_line(plan), sc.systemd_units(plan)
    unit_dir = unit_dir or sc.default_unit_dir()
    click.echo(f"# crontab line (local time):\n{line}\n")
    for name, text in units.items():
        click.echo(f"# {unit_dir / name}\n{text}")
    if not install:
        return
    for path in sc.install_units(units, unit_dir):
        click.echo(f"wrote {path}")
    click.echo(f"crontab: {sc.install_cron(line)}")
    click.echo(
        "cron runs the digest; to use the systemd timer instead, run `systemctl --user "
        f"daemon-reload && systemctl --user enable --now {sc.UNIT}.timer` and remove the "
        "crontab line (crontab -e)."
    )
