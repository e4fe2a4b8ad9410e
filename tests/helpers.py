"""Helpers shared by test modules: subprocesses of the CLI, a scripted model, the chat app."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import free_port

from assistant.llm.base import Message
from assistant.services import Services

ROOT = Path(__file__).resolve().parents[1]


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """A child's environment: this one without FEEDQA_/OPENAI_ settings, on the fakes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FEEDQA_", "OPENAI_"))}
    env.update({"FEEDQA_HOME": str(home), "FEEDQA_EMBEDDER": "fake",
                "FEEDQA_LLM_BACKEND": "fake", **extra})  # fmt: skip
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def spawn(args: list[str], home: Path, **extra: str) -> subprocess.Popen[str]:
    """``python ARGS`` in the checkout with ``env_for(home, **extra)``."""
    return subprocess.Popen([sys.executable, *args], env=env_for(home, **extra), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def feedqa(*args: str | Path) -> list[str]:
    """The arguments that run the CLI as a module."""
    return ["-m", "assistant.cli", *map(str, args)]


def papers_in(registry: Path, table: str = "papers") -> int:
    """Rows of a registry table (papers by default), read-only; 0 while it is not created or
    locked."""
    if not registry.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{registry}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:
        return 0


def echo_source(messages: list[Message]) -> str:
    """A well-behaved scripted model: the first sentence of the first source, cited. Without
    sources (a TL;DR prompt) it declines, so a TL;DR falls back to an extractive one."""
    found = re.search(r"<source (\d+)>\nTitle: [^\n]*\n(.+?)\n</source", messages[-1].content,
                      re.S)  # fmt: skip
    if not found:
        return "NOT IN FEED"
    first = re.split(r"(?<=[.!?])\s+", found.group(2).strip())[0].rstrip(".")
    return f"{first} [{found.group(1)}]."


def tldr_input(messages: list[Message]) -> str:
    """What a TL;DR prompt asks the model to edit: the fenced text of the last turn with a
    <line> (or, in older prompts, <paper>) fence (the examples come before it), without a title
    line."""
    tag = next((t for t in ("line", "paper") if f"<{t}>" in messages[-1].content), "paper")
    fenced = [m.content for m in messages if f"<{tag}>" in m.content][-1]
    inside = fenced.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0].strip()
    return inside.split("\n", 1)[1] if inside.startswith("Title:") else inside


@contextmanager
def serve(services: Services, **options: Any) -> Iterator[str]:
    """The chat app launched in this process on a free port; closed afterwards."""
    from ui.app import build_app, launch_app

    app = build_app(services, **options)
    _, url, _ = launch_app(app, services, port=free_port(), block=False)
    try:
        yield url
    finally:
        app.close()
