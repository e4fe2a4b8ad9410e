"""Timing, statistics and child-process measurement shared by the benchmark sections."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Variables that would point a child process at the user's store, server or API keys.
_PRIVATE_ENV = ("FEEDQA_", "OPENAI_")


def load_average() -> float:
    """The 1-minute load average (the machine is shared: figures depend on it)."""
    return round(os.getloadavg()[0], 2)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def latency_ms(seconds: Sequence[float]) -> dict[str, float]:
    """p50/p95/mean/max of durations given in seconds, in milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 1),
        "p95_ms": round(percentile(ms, 95), 1),
        "mean_ms": round(sum(ms) / len(ms), 1) if ms else 0.0,
        "max_ms": round(max(ms), 1) if ms else 0.0,
    }


def per_second(count: float, seconds: float) -> float:
    return round(count / seconds, 2) if seconds > 0 else 0.0


def ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0


def feedqa_command() -> list[str]:
    """The `feedqa` console script of this interpreter's environment."""
    script = Path(sys.executable).with_name("feedqa")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "assistant.cli"]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """A clean environment for a feedqa child: its own home, the embedded models, unbuffered."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_PRIVATE_ENV)}
    env.update(FEEDQA_HOME=str(home), FEEDQA_EMBEDDER="minilm", FEEDQA_LLM_BACKEND="embedded")
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


@dataclass
class ProcessRun:
    """A finished child process: exit code, wall time, peak RSS and its output."""

    returncode: int
    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    first_byte_s: float | None = None


def run_measured(
    cmd: list[str], env: dict[str, str], *, timeout_s: float, first_byte: bool = False
) -> ProcessRun:
    """Run ``cmd`` to completion. Peak RSS is the child's own ``ru_maxrss`` (os.wait4);
    ``first_byte`` times process start to the first byte on its stdout."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, bufsize=0)
        killer = threading.Timer(timeout_s, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            head = proc.stdout.read(1) if first_byte else b""
            first = time.perf_counter() - started if head else None
            out = head + proc.stdout.read()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
        finally:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return ProcessRun(
        proc.returncode,
        round(wall, 3),
        round(usage.ru_maxrss / 1024, 1),
        out.decode("utf-8", "replace"),
        stderr,
        first,
    )


def proc_status_mb(pid: int) -> dict[str, float]:
    """VmHWM (peak RSS so far) and VmRSS of a live process, from /proc, in MB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    return found
