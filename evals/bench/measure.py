"""Timing, statistics and child-process measurement shared by the benchmark sections."""

from __future__ import annotations

import contextlib
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


class PeakRss:
    """Samples a child's VmHWM (its own peak RSS) until stopped.

    Not ru_maxrss: on Linux a child's ru_maxrss includes the RSS of the parent it was forked
    from (exec keeps the pre-exec high-water mark), and the benchmark process is large.
    """

    def __init__(self, pid: int, interval_s: float = 0.05) -> None:
        self.pid, self.interval_s, self.peak_mb = pid, interval_s, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval_s)

    def sample(self) -> float:
        with contextlib.suppress(OSError):  # the process has exited
            self.peak_mb = max(self.peak_mb, proc_status_mb(self.pid).get("VmHWM", 0.0))
        return self.peak_mb

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def run_measured(
    cmd: list[str], env: dict[str, str], *, timeout_s: float, first_byte: bool = False
) -> ProcessRun:
    """Run ``cmd`` to completion, sampling its peak RSS; ``first_byte`` times process start
    to the first byte on its stdout."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, bufsize=0)
        peak, killer = PeakRss(proc.pid), threading.Timer(timeout_s, proc.kill)
        killer.start()
        try:
            assert proc.stdout is not None
            head = proc.stdout.read(1) if first_byte else b""
            first = time.perf_counter() - started if head else None
            out = head + proc.stdout.read()
            os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped
            wall = time.perf_counter() - started
        finally:
            killer.cancel()
            peak_mb = peak.stop()  # before the pid is reaped and could be reused
            proc.wait()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    text = out.decode("utf-8", "replace")
    return ProcessRun(proc.returncode, round(wall, 3), peak_mb, text, stderr, first)


def proc_status_mb(pid: int) -> dict[str, float]:
    """VmHWM (peak RSS so far) and VmRSS of a live process, from /proc, in MB."""
    found: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    return found
