"""Bench targets read the results they are given: not run is n/a, a crash is a miss."""

from __future__ import annotations

from evals.bench.targets import safe_llama_speed

RATES = {"prefill_tokens_per_s": 280.0, "decode_tokens_per_s": 84.0}


def test_the_llama_speed_target_is_na_when_the_limits_did_not_run() -> None:
    assert safe_llama_speed({}).status == "n/a"


def test_a_crash_of_the_default_settings_is_a_miss() -> None:
    target = safe_llama_speed({"limits": {"llm": {"crashed": "died of SIGSEGV"}}})
    assert target.status == "MISS" and "SIGSEGV" in target.measured


def test_extra_buffer_types_that_crash_leave_the_comparison_na() -> None:
    limits = {"llm": RATES, "llm_extra_bufts": {"crashed": "died of SIGSEGV"}}
    assert safe_llama_speed({"limits": limits}).status == "n/a"


def test_the_default_within_five_percent_passes() -> None:
    on = {k: v * 1.04 for k, v in RATES.items()}
    assert safe_llama_speed({"limits": {"llm": RATES, "llm_extra_bufts": on}}).status == "PASS"
    slow = {k: v * 1.2 for k, v in RATES.items()}
    assert safe_llama_speed({"limits": {"llm": RATES, "llm_extra_bufts": slow}}).status == "MISS"
