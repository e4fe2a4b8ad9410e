"""`feedqa doctor`: does this setup work? Each check is a function returning a ``Check``.

Anything that runs llama.cpp runs in a child process (the model worker, or a one-off
``python -c``), so a native crash is reported as a failed check, not suffered.
"""

from __future__ import annotations

import importlib.metadata
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.config import Settings
from assistant.errors import FeedqaError

PACKAGES = (
    "feedqa",
    "llama-cpp-python",
    "onnxruntime",
    "chromadb",
    "llama-index-core",
    "gradio",
    "openai",
    "tokenizers",
    "numpy",
)
CPU_FLAGS = {"AVX2": "avx2", "AVX-512": "avx512f", "AMX": "amx_tile"}
MIN_FREE_BYTES = 1 << 30  # an ingest of a year of papers needs a few hundred MB
SYSTEM_INFO_TIMEOUT_S = 60


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # "ok" | "fail" | "skip"
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "fail"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in order; a check that raises is reported as failed, never propagated."""
    checks: list[Callable[[Settings], Check]] = [
        check_python,
        check_packages,
        check_cpu,
        check_llama_system_info,
        check_model_files,
        check_embedded_smoke,
        check_openai_endpoint,
        check_store_consistency,
        check_disk,
    ]
    return [_guarded(check, settings) for check in checks]


def _guarded(check: Callable[[Settings], Check], settings: Settings) -> Check:
    try:
        return check(settings)
    except Exception as exc:  # a broken check is a finding, not a crash of the doctor
        name = check.__name__.removeprefix("check_").replace("_", " ")
        return Check(name, "fail", f"{type(exc).__name__}: {_one_line(str(exc))}")


def check_python(settings: Settings) -> Check:
    ok = sys.version_info >= (3, 11)
    return Check("python", "ok" if ok else "fail", f"{platform.python_version()} {sys.executable}")


def check_packages(settings: Settings) -> Check:
    found, missing = [], []
    for name in PACKAGES:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    detail = ", ".join(found) + (f"; missing: {', '.join(missing)}" if missing else "")
    return Check("packages", "fail" if missing else "ok", detail)


def cpu_features(cpuinfo: str) -> dict[str, bool]:
    """AVX2 / AVX-512 / AMX from the text of /proc/cpuinfo."""
    flags = set()
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            flags.update(line.split(":", 1)[1].split())
    return {label: flag in flags for label, flag in CPU_FLAGS.items()}


def check_cpu(settings: Settings) -> Check:
    cpuinfo = Path("/proc/cpuinfo")
    if not cpuinfo.exists():
        return Check("cpu", "skip", f"{platform.machine()}: no /proc/cpuinfo to read")
    features = cpu_features(cpuinfo.read_text(errors="replace"))
    listed = ", ".join(f"{k} {'yes' if v else 'no'}" for k, v in features.items())
    note = ""
    if features["AMX"]:
        state = "on (opted in)" if settings.llama_extra_bufts else "off"
        note = f"; llama.cpp extra buffer types {state} (AMX matmul crashes: llama.cpp#20824)"
    return Check("cpu", "ok", f"{platform.machine()}, {listed}{note}")


def check_llama_system_info(settings: Settings) -> Check:
    code = "import llama_cpp; print(llama_cpp.llama_print_system_info().decode())"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=SYSTEM_INFO_TIMEOUT_S
    )
    if run.returncode != 0:
        from assistant.llm.worker import describe_exit

        return Check("llama.cpp", "fail", f"system info failed ({describe_exit(run.returncode)})")
    return Check("llama.cpp", "ok", _one_line(run.stdout))


def check_model_files(settings: Settings) -> Check:
    from assistant.llm.embedded import default_gguf_path
    from assistant.packaged import packaged_file
    from vectorstore.embeddings import ONNX_DIST, ONNX_FILE, TOKENIZER_DIST, TOKENIZER_FILE

    files, problems = [], []
    finders = [
        ("GGUF", lambda: settings.gguf_path or default_gguf_path()),
        ("ONNX", lambda: packaged_file(ONNX_DIST, ONNX_FILE)),
        ("tokenizer", lambda: packaged_file(TOKENIZER_DIST, TOKENIZER_FILE)),
    ]
    for label, find in finders:
        try:
            path = find()
            files.append(f"{label} {path} ({_size(path.stat().st_size)})")
        except (FeedqaError, OSError) as exc:
            problems.append(f"{label}: {_one_line(str(exc))}")
    detail = "; ".join(problems + files)
    return Check("model files", "fail" if problems else "ok", detail)


def check_embedded_smoke(settings: Settings) -> Check:
    """One real question to the embedded model, in its worker process."""
    from assistant.llm.base import Message
    from assistant.llm.factory import make_embedded

    llm = make_embedded(settings)
    started = time.perf_counter()
    try:
        question = [Message("user", "In one sentence: what is a research paper abstract?")]
        text = llm.generate(question, max_tokens=16).consume().strip()
    except FeedqaError as exc:
        return Check("embedded model", "fail", _one_line(str(exc)))
    finally:
        close = getattr(llm, "close", None)
        if close is not None:
            close()
    seconds = time.perf_counter() - started
    if not text:
        return Check("embedded model", "fail", f"{llm.model} answered nothing")
    return Check("embedded model", "ok", f"{llm.model} answered in {seconds:.1f} s: {text[:60]!r}")


def check_openai_endpoint(settings: Settings) -> Check:
    from assistant.llm.factory import backend_name

    if backend_name(settings) != "openai":
        return Check("openai endpoint", "skip", "not configured (the embedded model is used)")
    from openai import OpenAI, OpenAIError

    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else "none"
    client = OpenAI(
        api_key=key,
        base_url=settings.openai_base_url,
        timeout=settings.llm_timeout_s,
        max_retries=0,
    )
    where = settings.openai_base_url or "the OpenAI API"
    try:
        models = [m.id for m in client.models.list()]
    except OpenAIError as exc:
        return Check("openai endpoint", "fail", f"{where}: {type(exc).__name__}")
    if settings.openai_model not in models:
        return Check("openai endpoint", "fail", f"{where} does not list {settings.openai_model!r}")
    return Check("openai endpoint", "ok", f"{where} lists {settings.openai_model!r}")


def check_store_consistency(settings: Settings) -> Check:
    if not settings.registry_path.exists():
        return Check("store", "skip", f"nothing ingested yet at {settings.home}")
    from vectorstore.invariants import check_store

    problems = check_store(settings)
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        return Check("store", "fail", f"{_one_line(problems[0])}{more}")
    return Check("store", "ok", f"registry and vectors agree at {settings.home}")


def check_disk(settings: Settings) -> Check:
    home = settings.home if settings.home.exists() else _existing_parent(settings.home)
    free = shutil.disk_usage(home).free
    status = "ok" if free >= MIN_FREE_BYTES else "fail"
    return Check("disk", status, f"{_size(free)} free at {home}")


def _existing_parent(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _size(n_bytes: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n_bytes < 1024 or unit == "GB":
            return f"{n_bytes:.0f} {unit}" if unit == "B" else f"{n_bytes:.1f} {unit}"
        n_bytes /= 1024
    return f"{n_bytes:.1f} TB"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]
