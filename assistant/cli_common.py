"""Helpers shared by the CLI commands: one-line errors with exit codes, JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from assistant.config import Settings
from assistant.errors import FeedqaError
from assistant.services import Components, Services

INJECTED = "feedqa.components"  # click context meta key: the Components a caller passed as obj


def open_services(settings: Settings) -> Services:
    """The Services a command runs on: built from ``settings``, with any components the caller
    injected (``main(args, obj=Components(...))``; tests use it for scripted models)."""
    context = click.get_current_context(silent=True)
    injected = context.meta.get(INJECTED) if context is not None else None
    return (injected or Components()).services(settings)


def fail(message: str, code: int) -> None:
    click.echo(f"feedqa: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Our own errors become one line on stderr and their exit code; never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FeedqaError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def print_json(payload: object) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


def wait_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--wait S``: seconds to wait for another writer of the store (``what`` says before
    what), shared by the commands that write."""
    return click.option(
        "--wait",
        "wait_s",
        default=0.0,
        show_default=True,
        help=f"Seconds to wait for another writer to finish{what}.",
    )
