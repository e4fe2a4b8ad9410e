"""The `feedqa` command line. Each command's module is imported only when that command runs,
so start-up (and a cold `feedqa ask`) does not pay for the others' imports."""

from __future__ import annotations

import contextlib
import faulthandler
import importlib

import click

from assistant.config import Settings

# command name -> (module in assistant/, attribute)
COMMANDS = {
    "ingest": ("cli_ingest", "ingest"),
    "stats": ("cli_ingest", "stats"),
    "ask": ("cli_ask", "ask"),
    "tldr": ("cli_summaries", "tldr"),
    "digest": ("cli_summaries", "digest"),
    "schedule": ("cli_summaries", "schedule"),
    "chat": ("cli_chat", "chat"),
    "eval": ("cli_eval", "eval_cmd"),
    "doctor": ("cli_doctor", "doctor"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name]
        module = importlib.import_module(f"assistant.{module_name}")
        command: click.Command = getattr(module, attribute)
        return command


@click.group(cls=LazyGroup)
@click.version_option(package_name="feedqa")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Grounded Q&A and one-line TL;DRs over a research-paper feed."""
    # A native crash in this process (ONNX Runtime, SQLite) prints where it happened instead
    # of ending in silence; the LLM runs in its own worker process (assistant.llm.worker).
    with contextlib.suppress(ValueError, OSError):  # stderr without a file descriptor (tests)
        faulthandler.enable()
    from assistant.cli_common import INJECTED
    from assistant.services import Components

    if isinstance(ctx.obj, Components):  # injected by the caller: see cli_common.open_services
        ctx.meta[INJECTED] = ctx.obj
    ctx.obj = Settings()


if __name__ == "__main__":
    main()
