"""Scheduling `feedqa digest --fetch`: a crontab line and a systemd user timer + service.

Both run the absolute path of the current `feedqa` with FEEDQA_HOME (and the other
non-secret FEEDQA_* settings of this shell) in their environment. Secrets (passwords, API
keys) are never written into a schedule.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.errors import FeedqaError, UsageError
from assistant.locking import atomic_write

UNIT = "feedqa-digest"
MARKER = f"# {UNIT}"
_AT = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_SECRET = re.compile(r"PASSWORD|KEY|SECRET|TOKEN", re.IGNORECASE)


class ScheduleError(FeedqaError):
    """The schedule could not be written or removed (exit code 1, FeedqaError's)."""


@dataclass(frozen=True)
class Schedule:
    """When and what to run: local time of day, the argv, and its environment."""

    hour: int
    minute: int
    argv: tuple[str, ...]
    env: tuple[tuple[str, str], ...]


def parse_at(at: str) -> tuple[int, int]:
    """``HH:MM`` (24-hour, local time) as (hour, minute)."""
    match = _AT.fullmatch(at.strip())
    if not match:
        raise UsageError(f"--at {at!r}: expected a time of day as HH:MM, e.g. 07:30")
    return int(match.group(1)), int(match.group(2))


def feedqa_argv() -> list[str]:
    """How to run this very feedqa by absolute path: the `feedqa` script we were started as,
    else the one on PATH, else this interpreter with ``-m assistant.cli``."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "feedqa" and argv0.is_file():
        return [str(argv0.resolve())]
    found = shutil.which("feedqa")
    if found:
        return [str(Path(found).resolve())]
    # Not resolved: a venv's python is a symlink, and resolving it would leave the venv.
    return [os.path.abspath(sys.executable), "-m", "assistant.cli"]


def schedule_env(settings: Settings, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """FEEDQA_HOME plus the non-secret FEEDQA_* variables set now, so cron sees the same
    configuration as this shell."""
    environ = os.environ if environ is None else environ
    env = {
        k: v
        for k, v in sorted(environ.items())
        if k.startswith("FEEDQA_") and not _SECRET.search(k)
    }
    env["FEEDQA_HOME"] = str(settings.home.expanduser().absolute())
    return env


def make_schedule(at: str, settings: Settings, email: bool = False) -> Schedule:
    hour, minute = parse_at(at)
    argv = [*feedqa_argv(), "digest", "--fetch", *(["--email"] if email else [])]
    return Schedule(hour, minute, tuple(argv), tuple(schedule_env(settings).items()))


def cron_line(schedule: Schedule) -> str:
    """One crontab line, tagged with a marker comment so it can be found again."""
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in schedule.env)
    command = " ".join(shlex.quote(a) for a in schedule.argv)
    # cron turns an unescaped % into a newline.
    line = f"{schedule.minute} {schedule.hour} * * * {env} {command}".replace("%", r"\%")
    return f"{line} {MARKER}"


def systemd_units(schedule: Schedule) -> dict[str, str]:
    """The user service and timer, by file name."""
    env = "".join(f"Environment={_systemd_quote(f'{k}={v}')}\n" for k, v in schedule.env)
    exec_start = " ".join(_systemd_quote(a) for a in schedule.argv)
    service = (
        "[Unit]\nDescription=feedqa digest of the Hugging Face Daily Papers\n"
        "Wants=network-online.target\nAfter=network-online.target\n\n"
        f"[Service]\nType=oneshot\n{env}ExecStart={exec_start}\n"
    )
    timer = (
        "[Unit]\nDescription=Daily feedqa digest\n\n"
        f"[Timer]\nOnCalendar=*-*-* {schedule.hour:02d}:{schedule.minute:02d}:00\n"
        "Persistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def _systemd_quote(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def default_unit_dir() -> Path:
    return Path.home() / ".config" / "systemd" / "user"


def install_units(units: Mapping[str, str], unit_dir: Path) -> list[Path]:
    """Write the unit files (atomically); returns their paths."""
    unit_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in units.items():
        atomic_write(unit_dir / name, text)
        paths.append(unit_dir / name)
    return paths


def install_cron(line: str) -> str:
    """Put ``line`` in the user's crontab, replacing any earlier feedqa digest line.
    Returns "added", "replaced", "unchanged" or "no crontab command"."""
    crontab = shutil.which("crontab")
    if crontab is None:
        return "no crontab command"
    current = _read_crontab(crontab)
    kept = [entry for entry in current if not _is_feedqa_line(entry)]
    if line in current and len(kept) == len(current) - 1:
        return "unchanged"
    _run([crontab, "-"], "\n".join([*kept, line]) + "\n")
    return "replaced" if len(kept) < len(current) else "added"


def _is_feedqa_line(entry: str) -> bool:
    return entry.rstrip().endswith(MARKER) or ("feedqa" in entry and "digest --fetch" in entry)


def _read_crontab(crontab: str) -> list[str]:
    result = subprocess.run([crontab, "-l"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        if "no crontab" in result.stderr.lower():
            return []
        raise ScheduleError(f"`crontab -l` failed: {_first_line(result.stderr)}")
    lines = result.stdout.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _run(argv: list[str], stdin: str) -> None:
    result = subprocess.run(argv, input=stdin, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ScheduleError(f"`crontab -` failed: {_first_line(result.stderr)}")


def _first_line(text: str) -> str:
    return (text.strip().splitlines() or ["no message"])[0]
