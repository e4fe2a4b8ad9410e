"""`feedqa schedule`: crontab line, systemd units, and --install with a fake `crontab`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import Settings
from assistant.errors import UsageError
from assistant.summaries.schedule import (
    MARKER,
    Schedule,
    cron_line,
    parse_at,
    schedule_env,
    systemd_units,
)

FAKE_CRONTAB = """#!/bin/sh
f="$FAKE_CRONTAB_FILE"
if [ "$1" = "-l" ]; then
  if [ -f "$f" ]; then cat "$f"; else echo "no crontab for tester" >&2; exit 1; fi
elif [ "$1" = "-" ]; then
  cat > "$f"
fi
"""


@pytest.fixture()
def fake_cron(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A PATH whose only `crontab` keeps the table in a file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "crontab"
    script.write_text(FAKE_CRONTAB)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    table = tmp_path / "crontab.txt"
    env = {
        "PATH": f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "FAKE_CRONTAB_FILE": str(table),
        "FEEDQA_HOME": str(tmp_path / "home"),
    }
    return env, table


def plan(env: tuple[tuple[str, str], ...] = (("FEEDQA_HOME", "/data/feed qa"),)) -> Schedule:
    return Schedule(7, 5, ("/opt/venv/bin/feedqa", "digest", "--fetch"), env)


@pytest.mark.parametrize(("at", "expected"), [("07:30", (7, 30)), ("7:05", (7, 5)),
                                              ("23:59", (23, 59)), ("00:00", (0, 0))])  # fmt: skip
def test_parse_at(at: str, expected: tuple[int, int]) -> None:
    assert parse_at(at) == expected


@pytest.mark.parametrize("at", ["24:00", "7", "07:60", "7pm", "", "07:30:00"])
def test_parse_at_rejects_bad_times(at: str) -> None:
    with pytest.raises(UsageError):
        parse_at(at)


def test_cron_line_runs_the_absolute_feedqa_with_feedqa_home() -> None:
    line = cron_line(plan())
    assert line == (
        "5 7 * * * FEEDQA_HOME='/data/feed qa' /opt/venv/bin/feedqa digest --fetch " + MARKER
    )


def test_cron_line_escapes_percent_signs() -> None:
    line = cron_line(plan((("FEEDQA_HOME", "/h"), ("FEEDQA_INTERESTS", "100% RL"))))
    assert r"FEEDQA_INTERESTS='100\% RL'" in line


def test_systemd_units() -> None:
    units = systemd_units(plan())
    service, timer = units["feedqa-digest.service"], units["feedqa-digest.timer"]
    assert 'ExecStart="/opt/venv/bin/feedqa" "digest" "--fetch"' in service
    assert 'Environment="FEEDQA_HOME=/data/feed qa"' in service
    assert "Type=oneshot" in service
    assert "OnCalendar=*-*-* 07:05:00" in timer and "Persistent=true" in timer
    assert "WantedBy=timers.target" in timer


def test_secrets_never_go_into_a_schedule(tmp_path: Path) -> None:
    environ = {
        "FEEDQA_INTERESTS": "retrieval",
        "FEEDQA_SMTP_PASSWORD": "hunter2",
        "FEEDQA_OPENAI_API_KEY": "sk-secret",
        "OPENAI_API_KEY": "sk-secret",
        "HOME": "/root",
    }
    env = schedule_env(Settings(home=tmp_path), environ)
    assert env == {"FEEDQA_HOME": str(tmp_path.absolute()), "FEEDQA_INTERESTS": "retrieval"}


def test_schedule_prints_both_forms(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schedule", "--at", "06:45"],
                                env={"FEEDQA_HOME": str(tmp_path)})  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"45 6 * * * FEEDQA_HOME={tmp_path}" in result.stdout
    assert "digest --fetch" in result.stdout and "OnCalendar=*-*-* 06:45:00" in result.stdout
    executable = result.stdout.split("FEEDQA_HOME=", 1)[1].split()[1]
    assert os.path.isabs(executable)


def test_schedule_rejects_a_bad_time(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schedule", "--at", "25:00"],
                                env={"FEEDQA_HOME": str(tmp_path)})  # fmt: skip
    assert result.exit_code == 2 and "HH:MM" in result.stderr


def test_install_writes_units_and_one_crontab_line(
    tmp_path: Path, fake_cron: tuple[dict[str, str], Path]
) -> None:
    env, table = fake_cron
    table.write_text("MAILTO=me@example.org\n0 1 * * * /usr/bin/backup\n")
    units = tmp_path / "units"
    runner = CliRunner()
    args = ["schedule", "--at", "07:30", "--install", "--unit-dir", str(units)]
    first = runner.invoke(main, args, env=env)
    assert first.exit_code == 0, first.output
    assert "crontab: added" in first.stdout
    assert sorted(p.name for p in units.iterdir()) == ["feedqa-digest.service",
                                                       "feedqa-digest.timer"]  # fmt: skip
    lines = table.read_text().splitlines()
    assert lines[:2] == ["MAILTO=me@example.org", "0 1 * * * /usr/bin/backup"]
    assert len([line for line in lines if MARKER in line]) == 1

    again = runner.invoke(main, args, env=env)
    assert "crontab: unchanged" in again.stdout
    assert table.read_text().splitlines() == lines

    moved = runner.invoke(main, [*args[:2], "08:15", *args[3:]], env=env)
    assert "crontab: replaced" in moved.stdout
    feedqa_lines = [line for line in table.read_text().splitlines() if MARKER in line]
    assert len(feedqa_lines) == 1 and feedqa_lines[0].startswith("15 8 * * * ")
    assert "OnCalendar=*-*-* 08:15:00" in (units / "feedqa-digest.timer").read_text()


def test_install_replaces_a_hand_written_feedqa_line(
    tmp_path: Path, fake_cron: tuple[dict[str, str], Path]
) -> None:
    env, table = fake_cron
    table.write_text("0 6 * * * /usr/local/bin/feedqa digest --fetch\n")
    args = ["schedule", "--at", "07:30", "--install", "--unit-dir", str(tmp_path / "u")]
    result = CliRunner().invoke(main, args, env=env)
    assert "crontab: replaced" in result.stdout
    assert len(table.read_text().splitlines()) == 1


def test_install_without_crontab_still_writes_the_units(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"PATH": str(empty), "FEEDQA_HOME": str(tmp_path / "home")}
    args = ["schedule", "--at", "07:30", "--install", "--unit-dir", str(tmp_path / "u")]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    assert "crontab: no crontab command" in result.stdout
    assert (tmp_path / "u" / "feedqa-digest.timer").exists()
