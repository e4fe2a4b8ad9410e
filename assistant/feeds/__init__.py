"""Feed parsing and loading: HF Daily Papers (API JSON and saved page), arXiv Atom/RSS, JSONL."""

from .common import Limits
from .detect import detect_format, parse_bytes
from .fetch import SourceResult, load_source

__all__ = ["Limits", "SourceResult", "detect_format", "load_source", "parse_bytes"]
