"""Locks and atomic writes: the single-writer lock on FEEDQA_HOME, the one-digest-at-a-time
lock, and files replaced whole (a reader sees the old file or the new one, never a part)."""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.errors import StoreLockedError, UsageError


@contextmanager
def write_lock(path: Path, wait_s: float = 0.0, what: str = "the store") -> Iterator[None]:
    """Hold the exclusive lock at ``path``; wait up to ``wait_s`` seconds, then fail clearly.

    ``wait_s`` must be finite and >= 0: filelock would wait forever for a negative timeout and
    never time out for NaN, and an unattended run must not hang on a typo.
    """
    if not (math.isfinite(wait_s) and wait_s >= 0):
        raise UsageError(f"--wait {wait_s}: give the seconds to wait as a number >= 0")
    busy = (
        f"another feedqa process is writing to {what} ({path}); "
        "try again when it finishes, or pass --wait SECONDS"
    )
    with exclusive_lock(path, wait_s, busy):
        yield


@contextmanager
def exclusive_lock(path: Path, wait_s: float, busy: str) -> Iterator[None]:
    """Hold the lock file at ``path``, waiting up to ``wait_s``; else StoreLockedError(busy)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait_s)
    except Timeout:
        raise StoreLockedError(busy) from None
    try:
        yield
    finally:
        lock.release()


def write_temp(path: Path, text: str) -> Path:
    """``text`` written and synced to a hidden temporary file beside ``path``."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``."""
    tmp = write_temp(path, text)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
