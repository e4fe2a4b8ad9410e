"""Errors the user sees as one line. Each carries the CLI exit code it maps to."""

from __future__ import annotations


class FeedqaError(Exception):
    """Base of every error that is reported as a one-line message, without a traceback."""

    exit_code = 1


class UsageError(FeedqaError):
    exit_code = 2


class FeedError(FeedqaError):
    """A feed that cannot be read or parsed. The message names the source."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class BackendUnavailable(FeedqaError):
    """The LLM backend is down, slow, or answered garbage."""

    exit_code = 3


class ModelCrashed(BackendUnavailable):
    """The model process died (a native crash, an abort, an OOM kill) in the middle of its work.
    It is restarted for the next request."""

    def __init__(self, message: str, status: str = "unknown") -> None:
        super().__init__(message)
        self.status = status  # "SIGSEGV", "SIGKILL", "exit code 1", ...


class ModelFileError(FeedqaError):
    """A model file (GGUF, ONNX, tokenizer) is missing or broken."""

    exit_code = 3


class EmptyStoreError(FeedqaError):
    exit_code = 4


class StoreLockedError(FeedqaError):
    exit_code = 5
