"""The model worker process: loads the GGUF and streams completions over JSON lines.

Run by ``assistant.llm.worker.WorkerLLM`` as ``python -m assistant.llm.worker_main CONFIG``.
Requests arrive on stdin, events leave on the original stdout; llama.cpp's own prints are sent
to stderr so they can never corrupt the protocol. A native crash here ends this process only.

Requests: ``{"op": "generate", "messages": [...], "max_tokens": N, "temperature": T,
"stop": [...]}`` and ``{"op": "cancel"}``. Events: ``{"ev": "ready"}`` once loaded, then per
request ``{"ev": "delta", "text": ...}`` lines and one ``{"ev": "done", "usage": [p, c]}`` or
``{"ev": "error", "kind": ..., "message": ...}``.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import threading
from pathlib import Path
from typing import IO, Any

from assistant.errors import FeedqaError
from assistant.llm.base import LLM, Message


def build_model(config: dict[str, Any]) -> LLM:
    """The model the worker serves: the embedded GGUF, or a slow scripted echo for tests."""
    if config.get("fake_delay_s") is not None:
        from assistant.llm.fake import SlowEchoLLM

        return SlowEchoLLM(float(config["fake_delay_s"]))
    from assistant.llm.embedded import EmbeddedLLM

    model = EmbeddedLLM(
        Path(config["model_path"]),
        n_ctx=int(config["n_ctx"]),
        threads=config.get("threads"),
        extra_bufts=bool(config.get("extra_bufts", False)),
    )
    model.warm_up()
    return model


class Channel:
    """The worker's side of the pipe: a reader thread queues requests, so a cancel is seen
    while a completion streams."""

    def __init__(self, inbox: IO[str], outbox: IO[str]) -> None:
        self.outbox = outbox
        self.requests: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.cancelled = threading.Event()
        threading.Thread(target=self._read, args=(inbox,), daemon=True).start()

    def _read(self, inbox: IO[str]) -> None:
        for line in inbox:
            request = json.loads(line)
            if request.get("op") == "cancel":
                self.cancelled.set()
            else:
                self.requests.put(request)
        self.requests.put(None)  # the parent went away

    def send(self, event: dict[str, Any]) -> None:
        self.outbox.write(json.dumps(event) + "\n")
        self.outbox.flush()


def serve(model: LLM, channel: Channel) -> None:
    while (request := channel.requests.get()) is not None:
        channel.cancelled.clear()
        try:
            generation = model.generate(
                [Message(m["role"], m["content"]) for m in request["messages"]],
                max_tokens=int(request["max_tokens"]),
                temperature=float(request.get("temperature", 0.0)),
                stop=request.get("stop") or None,
            )
            for delta in generation:
                if channel.cancelled.is_set():
                    break
                channel.send({"ev": "delta", "text": delta})
            usage = [generation.usage.prompt_tokens, generation.usage.completion_tokens]
            channel.send({"ev": "done", "usage": usage})
        except FeedqaError as exc:
            channel.send({"ev": "error", "kind": type(exc).__name__, "message": str(exc)})


def main(argv: list[str]) -> int:
    config = json.loads(argv[1])
    # The protocol gets its own copy of stdout; fd 1 then points at stderr, so whatever the
    # native library prints cannot be mistaken for an event.
    outbox = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    channel = Channel(sys.stdin, outbox)
    try:
        model = build_model(config)
    except FeedqaError as exc:
        channel.send({"ev": "error", "kind": type(exc).__name__, "message": str(exc)})
        return 0
    channel.send({"ev": "ready", "model": model.model})
    serve(model, channel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
