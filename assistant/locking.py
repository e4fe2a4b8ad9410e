"""The single-writer lock on FEEDQA_HOME."""

from __future__ import annotations

import math
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
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=wait_s)
    except Timeout as exc:
        raise StoreLockedError(
            f"another feedqa process is writing to {what} ({path}); "
            "try again when it finishes, or pass --wait SECONDS"
        ) from exc
    try:
        yield
    finally:
        lock.release()
