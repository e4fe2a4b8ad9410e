"""`feedqa doctor`: one line per check; exit 0 when every check passes, 1 otherwise."""

from __future__ import annotations

import sys

import click

from assistant.cli_common import handle_errors, print_json
from assistant.config import Settings

MARKS = {"ok": "ok  ", "fail": "FAIL", "skip": "skip"}


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@click.pass_obj
@handle_errors
def doctor(settings: Settings, as_json: bool) -> None:
    """Check that this setup works: versions, CPU, model files, a real question to the
    embedded model (in a child process), the OpenAI-compatible endpoint, the store, disk."""
    from assistant.doctor import run_checks

    checks = run_checks(settings)
    failed = [c for c in checks if c.failed]
    if as_json:
        print_json({"ok": not failed, "checks": [c.as_dict() for c in checks]})
    else:
        for check in checks:
            click.echo(f"{MARKS[check.status]} {check.name}: {check.detail}")
        click.echo(f"{len(failed)} check(s) failed" if failed else "every check passed")
    if failed:
        sys.exit(1)
