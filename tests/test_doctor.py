"""`feedqa doctor`: every check reported on its own line, exit 0 only when all pass, a broken
model reported as a failing check (never a crash of the doctor), and --json."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import Settings
from assistant.doctor import Check, _guarded, cpu_features

AMX_CPU = "processor\t: 0\nflags\t\t: fpu sse avx2 avx512f amx_bf16 amx_tile amx_int8\n"
EPYC_CPU = "processor\t: 0\nflags\t\t: fpu sse avx2 sha_ni\n"


def test_cpu_features_are_read_from_cpuinfo() -> None:
    assert cpu_features(AMX_CPU) == {"AVX2": True, "AVX-512": True, "AMX": True}
    assert cpu_features(EPYC_CPU) == {"AVX2": True, "AVX-512": False, "AMX": False}


def test_a_check_that_raises_is_a_failed_check(tmp_path: Path) -> None:
    def check_boom(settings: Settings) -> Check:
        raise RuntimeError("boom\nsecond line")

    result = _guarded(check_boom, Settings(home=tmp_path))
    assert result == Check("boom", "fail", "RuntimeError: boom second line")


@pytest.mark.integration
def test_a_corrupt_gguf_fails_its_checks_with_one_line_each_and_exit_1(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrupt = tmp_path / "corrupt.gguf"
    corrupt.write_bytes(os.urandom(4096))
    monkeypatch.setenv("FEEDQA_GGUF_PATH", str(corrupt))
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    smoke = next(line for line in lines if line.startswith("FAIL embedded model"))
    assert str(corrupt) in smoke
    assert any(line.startswith("ok   python") for line in lines)
    assert any(line.startswith("skip openai endpoint") for line in lines)
    assert lines[-1].endswith("check(s) failed") and "Traceback" not in result.output


@pytest.mark.integration
def test_a_working_setup_passes_every_check_as_json(isolated_home: Path) -> None:
    result = CliRunner().invoke(main, ["doctor", "--json"])
    report = json.loads(result.output)
    failed = [c for c in report["checks"] if c["status"] == "fail"]
    assert result.exit_code == 0 and report["ok"] and not failed, failed
    names = [c["name"] for c in report["checks"]]
    assert {"cpu", "llama.cpp", "model files", "embedded model", "store", "disk"} <= set(names)


def test_an_unreachable_openai_endpoint_fails_its_check(tmp_path: Path) -> None:
    from assistant.doctor import check_openai_endpoint

    settings = Settings(home=tmp_path, openai_base_url="http://127.0.0.1:9/v1", llm_timeout_s=2)
    result = check_openai_endpoint(settings)
    assert result.failed and "127.0.0.1:9" in result.detail and "\n" not in result.detail
    assert check_openai_endpoint(Settings(home=tmp_path)).status == "skip"
