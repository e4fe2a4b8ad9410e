"""llama.cpp alone, in a child process: prefill and decode tokens/s of the GGUF, loaded with or
without llama.cpp's extra buffer types. A child, because with them on an AMX CPU the first
prefill segfaults (llama.cpp#20824): the bench then reports the crash instead of dying.

``python -m evals.bench.llm_limit '{"extra_bufts": false, "model_path": ..., ...}'`` prints one
JSON object.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from evals.bench.measure import per_second

PREFILL_TOKENS = 300
DECODE_TOKENS = 64
LLM_REPEATS = 3
CHILD_TIMEOUT_S = 600


def measure_in_child(config: dict[str, Any]) -> dict[str, Any]:
    """The figures from a child process, or ``{"crashed": "SIGSEGV", ...}`` when it dies."""
    from assistant.llm.worker import describe_exit

    run = subprocess.run(
        [sys.executable, "-m", "evals.bench.llm_limit", json.dumps(config)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    if run.returncode != 0:
        tail = " ".join(run.stderr.split()[-30:])
        return {
            "crashed": describe_exit(run.returncode),
            "extra_bufts": config["extra_bufts"],
            "stderr_tail": tail,
        }
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def measure(config: dict[str, Any]) -> dict[str, Any]:
    from assistant.llm.embedded import EmbeddedLLM
    from evals.bench.corpus import sample_papers

    llm = EmbeddedLLM(
        Path(config["model_path"]),
        n_ctx=int(config["n_ctx"]),
        threads=config.get("threads"),
        extra_bufts=bool(config["extra_bufts"]),
    )
    started = time.perf_counter()
    llama = llm._load()
    load_s = time.perf_counter() - started
    text = "\n\n".join(f"{p.title}\n{p.abstract}" for p in sample_papers()[:6])
    prompt = llama.tokenize(text.encode("utf-8"), add_bos=True)[:PREFILL_TOKENS]
    prefill = min(_prefill_seconds(llama, prompt) for _ in range(LLM_REPEATS))
    decode = min(_decode_seconds(llama, prompt[:32]) for _ in range(LLM_REPEATS))
    return {
        "model": llm.model,
        "extra_bufts": bool(llama.model_params.use_extra_bufts),
        "load_seconds": round(load_s, 3),
        "threads": llama.n_threads,
        "n_ctx": llama.n_ctx(),
        "prefill_tokens": len(prompt),
        "prefill_seconds": round(prefill, 4),
        "prefill_tokens_per_s": per_second(len(prompt), prefill),
        "decode_tokens": DECODE_TOKENS,
        "decode_seconds": round(decode, 4),
        "decode_tokens_per_s": per_second(DECODE_TOKENS, decode),
    }


def _prefill_seconds(llama: Any, prompt: list[int]) -> float:
    """One completion of max_tokens=1 from an empty KV cache: the prompt's prefill."""
    llama.reset()  # no prefix reuse from the previous run
    started = time.perf_counter()
    llama.create_completion(prompt, max_tokens=1, temperature=0.0)
    return time.perf_counter() - started


def _decode_seconds(llama: Any, prompt: list[int]) -> float:
    """DECODE_TOKENS greedy tokens after the first one (EOS ignored: llama.generate runs on)."""
    llama.reset()
    first = 0.0
    for n, _token in enumerate(llama.generate(prompt, temp=0.0, reset=True), start=1):
        if n == 1:
            first = time.perf_counter()
        if n > DECODE_TOKENS:
            break
    return time.perf_counter() - first


if __name__ == "__main__":
    print(json.dumps(measure(json.loads(sys.argv[1]))))
