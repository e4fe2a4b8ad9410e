"""Memory: peak RSS of the ingest and of `feedqa ask` (from the runs that timed them), and of
the chat server (`feedqa chat` after warm-up, then after questions through gradio_client)."""

from __future__ import annotations

import socket
import subprocess
import tempfile
import time
from typing import IO, TYPE_CHECKING, Any

from evals.bench.corpus import dev_questions, evenly
from evals.bench.measure import child_env, feedqa_command, latency_ms, proc_status_mb

if TYPE_CHECKING:
    from evals.bench.context import BenchContext

START_TIMEOUT_S = 300


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(proc: subprocess.Popen[bytes], url: str, log: IO[bytes]) -> float:
    """Seconds until the server answers HTTP (the chat warms its models up before that)."""
    import httpx

    started = time.perf_counter()
    while time.perf_counter() - started < START_TIMEOUT_S:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"feedqa chat exited {proc.returncode}: {log.read()[-500:]!r}")
        try:
            if httpx.get(url, timeout=2.0).status_code < 500:
                return time.perf_counter() - started
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"feedqa chat did not answer at {url} within {START_TIMEOUT_S}s")


def ask_chat(url: str, questions: list[str]) -> tuple[list[float], int]:
    """Each question through the app's /ask endpoint: seconds per full answer, and how many
    replies were error messages."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    seconds, errors = [], 0
    for question in questions:
        started = time.perf_counter()
        reply = client.predict(question, "", "", api_name="/ask")
        seconds.append(time.perf_counter() - started)
        errors += "fq-error" in str(reply)
    return seconds, errors


def chat_server(ctx: BenchContext) -> dict[str, Any]:
    home = ctx.ensure_store("sample")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    questions = [q.question for q in evenly(dev_questions(), ctx.config.chat_questions)]
    cmd = [*feedqa_command(), "chat", "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, env=child_env(home), stdout=log, stderr=log)
        try:
            ready_s = wait_until_up(proc, url, log)
            warm = proc_status_mb(proc.pid)
            answers, errors = ask_chat(url, questions)
            after = proc_status_mb(proc.pid)
        finally:
            stop(proc)
    return {
        "ready_seconds": round(ready_s, 2),
        "questions": len(questions),
        "error_replies": errors,
        "after_warm_up_peak_rss_mb": warm["VmHWM"],
        "after_warm_up_rss_mb": warm["VmRSS"],
        "after_questions_peak_rss_mb": after["VmHWM"],
        "after_questions_rss_mb": after["VmRSS"],
        "answer": latency_ms(answers),
    }


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_memory(ctx: BenchContext) -> dict[str, Any]:
    """Peaks measured by other sections, plus the chat server unless --quick."""
    ingest = ctx.ensure_ingested("archive")
    cold = ctx.results.get("query", {}).get("ask_cold")
    if cold is None:
        from evals.bench.query_bench import cold_ask

        cold = cold_ask(ctx)
    out: dict[str, Any] = {
        "ingest_peak_rss_mb": ingest["peak_rss_mb"],
        "ingest_papers": ingest["papers"],
        "ask_peak_rss_mb": cold["peak_rss_mb"],
    }
    if ctx.config.chat_questions:
        out["chat"] = chat_server(ctx)
    else:
        out["chat"] = {"status": "skipped", "note": "no chat server in --quick"}
    return out
