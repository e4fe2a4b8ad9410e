"""The embedded model in a worker process, so that a native crash costs one answer, not the app.

llama.cpp is native code: a segfault (llama.cpp#20824 on AMX CPUs), an abort on a broken GGUF or
an OOM kill would take down whatever process mapped the model. ``WorkerLLM`` keeps the GGUF in a
child (``assistant.llm.worker_main``), streams tokens back over a pipe, turns the child's death
into ``ModelCrashed`` naming the signal, and starts a fresh child for the next request.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterator
from typing import IO, Any

from assistant.errors import BackendUnavailable, ModelCrashed, ModelFileError
from assistant.llm.base import Generation, Message, Usage

LOAD_TIMEOUT_S = 120.0  # a cold GGUF load on a busy 2-core machine
CANCEL_GRACE_S = 5.0  # how long a cancelled completion may take to stop before the kill
_EOF = {"ev": "eof"}


def describe_exit(returncode: int | None) -> str:
    """ "SIGSEGV" for a process killed by a signal, "exit code N" otherwise."""
    if returncode is not None and returncode < 0:
        try:
            return signal.Signals(-returncode).name
        except ValueError:
            return f"signal {-returncode}"
    return f"exit code {returncode}"


class WorkerProcess:
    """One running child: its pipes, a queue of its events and the tail of its stderr."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.llm.worker_main", json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.stderr_tail: deque[str] = deque(maxlen=20)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        threading.Thread(target=self._pump_events, args=(self.proc.stdout,), daemon=True).start()
        threading.Thread(target=self._pump_stderr, args=(self.proc.stderr,), daemon=True).start()

    def _pump_events(self, stream: IO[str]) -> None:
        for line in stream:
            try:
                self.events.put(json.loads(line))
            except json.JSONDecodeError:
                continue  # not ours: the protocol has its own fd, so this is never expected
        self.events.put(_EOF)

    def _pump_stderr(self, stream: IO[str]) -> None:
        for line in stream:
            self.stderr_tail.append(line.rstrip())

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, request: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps(request) + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass  # it died: the event pump reports that as EOF

    def next_event(self, timeout_s: float) -> dict[str, Any] | None:
        """The next event, ``_EOF`` once the child is gone, or None after ``timeout_s``."""
        try:
            return self.events.get(timeout=timeout_s)
        except queue.Empty:
            return None

    def exit_status(self) -> str:
        try:
            return describe_exit(self.proc.wait(timeout=5))
        except subprocess.TimeoutExpired:
            return "no exit status"

    def stop(self) -> None:
        if self.alive():
            self.proc.kill()
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


class WorkerLLM:
    """The LLM protocol over a worker process. One completion at a time, like llama.cpp."""

    backend = "embedded"

    def __init__(self, config: dict[str, Any], *, model: str, timeout_s: float) -> None:
        self.config = config
        self.model = model
        self.timeout_s = timeout_s
        self._worker: WorkerProcess | None = None
        self._lock = threading.Lock()
        self.starts = 0  # worker processes started: more than one means a crash or a hang

    @property
    def worker_pid(self) -> int | None:
        return self._worker.pid if self._worker and self._worker.alive() else None

    def warm_up(self) -> None:
        with self._lock:
            self._ready_worker()

    def close(self) -> None:
        with self._lock:
            if self._worker is not None:
                self._worker.stop()
                self._worker = None

    def generate(
        self,
        messages: list[Message],
        *,
        max_tokens: int,
        temperature: float = 0.0,
        stop: list[str] | None = None,
    ) -> Generation:
        request = {
            "op": "generate",
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens,
            "temperature": temperature,
            "stop": stop or [],
        }
        generation = Generation(deltas=iter(()))
        generation.deltas = self._stream(request, generation.usage)
        return generation

    def _stream(self, request: dict[str, Any], usage: Usage) -> Iterator[str]:
        with self._lock:
            worker = self._ready_worker()
            worker.send(request)
            finished = False
            try:
                while True:
                    event = self._event(worker, self.timeout_s, "answer")
                    if event["ev"] == "delta":
                        yield str(event["text"])
                        continue
                    finished = True
                    self._raise_if_error(event)
                    usage.prompt_tokens, usage.completion_tokens = event["usage"]
                    return
            finally:
                if not finished:
                    self._cancel(worker)

    def _ready_worker(self) -> WorkerProcess:
        """The running worker, or a new one once it has loaded the model."""
        if self._worker is not None and self._worker.alive():
            return self._worker
        if self._worker is not None:
            self._worker.stop()
        self._worker = WorkerProcess(self.config)
        self.starts += 1
        target = self.config.get("model_path", "the model")
        worker = self._worker
        event = self._event(worker, LOAD_TIMEOUT_S, f"load {target}")
        if event["ev"] == "error":
            self._discard(worker)  # it exits after saying why: never hand it a request
        self._raise_if_error(event)
        return worker

    def _event(self, worker: WorkerProcess, timeout_s: float, doing: str) -> dict[str, Any]:
        event = worker.next_event(timeout_s)
        if event is None:
            self._discard(worker)
            raise BackendUnavailable(f"the embedded model did not {doing} within {timeout_s:g} s")
        if event is _EOF:
            status = worker.exit_status()
            self._discard(worker)
            raise ModelCrashed(
                f"the embedded model process crashed ({status}) while trying to {doing}; "
                "it restarts for the next question",
                status=status,
            )
        return event

    def _raise_if_error(self, event: dict[str, Any]) -> None:
        if event["ev"] != "error":
            return
        error = ModelFileError if event.get("kind") == "ModelFileError" else BackendUnavailable
        raise error(str(event.get("message", "the embedded model failed")))

    def _cancel(self, worker: WorkerProcess) -> None:
        """Stop a completion the caller abandoned; a worker that will not stop is replaced."""
        if self._worker is not worker or not worker.alive():
            return
        worker.send({"op": "cancel"})
        while (event := worker.next_event(CANCEL_GRACE_S)) is not None:
            if event is _EOF or event["ev"] in ("done", "error"):
                return
        self._discard(worker)

    def _discard(self, worker: WorkerProcess) -> None:
        worker.stop()
        if self._worker is worker:
            self._worker = None
