"""The single-writer lock on FEEDQA_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.errors import StoreLockedError


@contextmanager
def write_lock(path: Path, wait_s: float = 0.0, what: str = "the store") -> Iterator[None]:
    """Hold the exclusive lock at ``path``; wait up to ``wait_s`` seconds, then fail clearly."""
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
