"""The `feedqa` command line. Heavy libraries are imported inside commands, not here."""

from __future__ import annotations

import importlib

import click

from assistant.config import Settings

COMMAND_MODULES = ("cli_ingest", "cli_ask", "cli_summaries", "cli_chat", "cli_eval")


class LazyGroup(click.Group):
    """Loads command modules on first use so `feedqa --help` and start-up stay fast."""

    def _load(self) -> None:
        if getattr(self, "_loaded", False):
            return
        self._loaded = True
        for name in COMMAND_MODULES:
            try:
                module = importlib.import_module(f"assistant.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"assistant.{name}":
                    raise
                continue  # a command module not written yet
            for command in module.commands:
                self.add_command(command)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load()
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup)
@click.version_option(package_name="feedqa")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Grounded Q&A and one-line TL;DRs over a research-paper feed."""
    ctx.obj = Settings()


if __name__ == "__main__":
    main()
