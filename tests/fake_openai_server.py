"""A scripted OpenAI-compatible server for tests: ``/v1/chat/completions`` (JSON or SSE) and
``/v1/models`` on 127.0.0.1, one scripted step per request, every request recorded.

    with FakeOpenAIServer() as server:
        server.push(Step.status(500), Step.answer("Fine [1]."))
        ...  # point the client at server.base_url; server.requests counts what arrived
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

MODEL = "fake-model"


@dataclass(frozen=True)
class Step:
    """What the server does with one request. ``kind`` is one of: answer, status, hang, cut,
    truncated, malformed_body, malformed_sse."""

    kind: str
    text: str = ""
    code: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @classmethod
    def answer(cls, text: str) -> Step:
        """A normal completion: SSE word chunks ending in finish_reason + [DONE], or one JSON."""
        return cls("answer", text=text)

    @classmethod
    def status(cls, code: int, message: str = "", headers: dict[str, str] | None = None) -> Step:
        """An error status with an OpenAI-style JSON error body."""
        text = message or f"scripted error {code}"
        return cls("status", text=text, code=code, headers=headers or {})

    @classmethod
    def hang(cls, seconds: float) -> Step:
        """Sleep ``seconds`` before answering (or until the server stops)."""
        return cls("hang", seconds=seconds)

    @classmethod
    def cut(cls, text: str) -> Step:
        """Chunked SSE: the first chunk of ``text``, then the connection closes mid-body."""
        return cls("cut", text=text)

    @classmethod
    def truncated(cls, text: str) -> Step:
        """SSE without a length: the first chunk, then a clean EOF (no finish_reason, no [DONE])."""
        return cls("truncated", text=text)

    @classmethod
    def malformed_body(cls) -> Step:
        """200 with a body that is not JSON (and not SSE)."""
        return cls("malformed_body")

    @classmethod
    def malformed_sse(cls) -> Step:
        """A well-formed first SSE chunk, then ``data: {not json``."""
        return cls("malformed_sse", text="Partial")


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timeout, cut stream) is expected, and stderr may belong to a
        CliRunner under test: print nothing."""


def _chunk(text: str | None, finish: str | None = None) -> bytes:
    delta = {"content": text} if text is not None else {}
    payload = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": MODEL,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
    return f"data: {json.dumps(payload)}\n\n".encode()


def _completion(text: str, prompt_tokens: int) -> bytes:
    return json.dumps({
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": MODEL,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": len(text.split()),
                  "total_tokens": prompt_tokens + len(text.split())},
    }).encode()  # fmt: skip


def _words(text: str) -> list[str]:
    words = text.split(" ")
    return [w if i == 0 else " " + w for i, w in enumerate(words)]


class FakeOpenAIServer:
    """Replays ``push``-ed steps in order, then ``default`` for every further request."""

    def __init__(self, default: Step | None = None) -> None:
        self.default = default or Step.answer("Nothing scripted.")
        self.requests: list[Request] = []
        self._script: list[Step] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def push(self, *steps: Step) -> None:
        with self._lock:
            self._script.extend(steps)

    def completions(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def _next(self) -> Step:
        with self._lock:
            return self._script.pop(0) if self._script else self.default

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body = json.dumps({"object": "list", "data": [{"id": MODEL, "object": "model"}]})
                self._send(200, body.encode(), "application/json")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {}
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.requests.append(Request(self.path, headers, body))
                step = server._next()
                stream = bool(body.get("stream"))
                prompt_tokens = sum(len(str(m.get("content", "")).split())
                                    for m in body.get("messages", []))  # fmt: skip
                try:
                    getattr(self, f"_{step.kind}")(step, stream, prompt_tokens)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the client gave up (timeout): fine

            def _send(self, status: int, body: bytes, ctype: str,
                      headers: dict[str, str] | None = None) -> None:  # fmt: skip
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _answer(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                if not stream:
                    self._send(200, _completion(step.text, prompt_tokens), "application/json")
                    return
                body = b"".join(_chunk(w) for w in _words(step.text))
                body += _chunk(None, "stop") + b"data: [DONE]\n\n"
                self._send(200, body, "text/event-stream")

            def _status(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                error = {"error": {"message": step.text, "type": "scripted", "code": step.code}}
                self._send(step.code, json.dumps(error).encode(), "application/json",
                           step.headers)  # fmt: skip

            def _hang(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                deadline = time.monotonic() + step.seconds
                while time.monotonic() < deadline and not server._stop.is_set():
                    time.sleep(0.05)
                self._answer(Step.answer("Too late."), stream, prompt_tokens)

            def _cut(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                data = _chunk(_words(step.text)[0])
                self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                self.wfile.flush()
                self.close_connection = True  # no terminating 0-chunk: the body is incomplete

            def _truncated(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(_chunk(_words(step.text)[0]))
                self.wfile.flush()
                self.close_connection = True

            def _malformed_body(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                self._send(200, b'{"id": "chatcmpl-fake", "choices": [', "application/json")

            def _malformed_sse(self, step: Step, stream: bool, prompt_tokens: int) -> None:
                if not stream:
                    self._malformed_body(step, stream, prompt_tokens)
                    return
                body = _chunk(step.text) + b"data: {not json\n\n" + b"data: [DONE]\n\n"
                self._send(200, body, "text/event-stream")

        return Handler
