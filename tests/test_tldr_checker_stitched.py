"""Stitched, garbled and out-of-context lines seen in the round-12 labels (issue #14), each
rejected by its structure, with the near misses that must still pass: the subject's name said
again, a second clause on a pronoun, "such a", two determiners, TeX debris, a list cut without
"and", an abstract's own word slip, a compound the abstract never writes, and a method's result
credited to a benchmark."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_form, check_statement, check_tldr

TITLE = "CHARM: Control-point-based Hairstyle Modeling"
ABSTRACT = (
    "We present CHARM, a parametric representation and generative framework for anime hairstyle "
    "modeling. It uses a compact, invertible control-point-based parameterization and fine-tune "
    "a transformer. CHARM achieves state-of-the-art performance on AnimeHair, DocUNet, DIR300, "
    "WarpDoc and DocReal at sim25 FPS. Our system moves to interactive evidence-centered "
    "interactive interface generation and from intra-shot relations to inter-shot relations."
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "CHARM is a generative framework for anime hairstyle modeling, demonstrating "
            "state-of-the-art performance of CHARM.",
            "subject's name",
        ),
        (
            "CHARM is a generative framework for anime hairstyle modeling, and it can achieve "
            "state-of-the-art performance.",
            "more than one sentence",
        ),
        (
            "CHARM is the first framework that provides such a common playing field for anime "
            "hairstyle modeling.",
            "refers to something",
        ),
        (
            "CHARM is a generative framework, showing that the our CHARM achieves "
            "state-of-the-art performance.",
            "two determiners",
        ),
        (
            "CHARM is a generative framework for anime hairstyle modeling at sim25 FPS.",
            "garbled: TeX",
        ),
        (
            "CHARM is a generative framework for hairstyle modeling, achieving state-of-the-art "
            "performance on benchmarks such as DocUNet, DIR300, WarpDoc",
            "a list ends",
        ),
        (
            "CHARM is a framework that moves to interactive evidence-centered interactive "
            "interface generation.",
            "repeats a word",
        ),
        (
            "CHARM is a generative framework for anime hairstyle modeling, achieving best, and "
            "models hair strands.",
            "achieving best",
        ),
    ],
)
def test_stitched_or_garbled_lines_fail_the_form_check(line: str, reason: str) -> None:
    assert any(reason in r for r in check_form(line, ABSTRACT)), check_form(line, ABSTRACT)


@pytest.mark.parametrize(
    "line",
    [
        # the name as the subject of a reported clause, or where a result was measured
        "CHARM is a generative framework for anime hairstyle modeling, showing that CHARM "
        "achieves state-of-the-art performance.",
        "CHARM is a generative framework for anime hairstyle modeling, outperforming baselines "
        "on CHARM.",
        "CHARM Net is a framework for anime hairstyle modeling, outperforming CHARM baselines.",
        "CHARM models anime hairstyles in such a way that strands stay editable.",
        "CHARM achieves state-of-the-art performance at ~25 FPS on AnimeHair.",
        "CHARM reaches state-of-the-art results on AnimeHair, DocUNet, DIR300, WarpDoc and "
        "DocReal.",
        "CHARM models hair from intra-shot relations to inter-shot relations.",
        "CHARM is a framework that achieves the best accuracy, and its strands stay editable.",
    ],
)
def test_near_misses_pass_the_form_check(line: str) -> None:
    assert check_form(line, ABSTRACT) == []


def test_a_compound_the_abstract_never_writes_is_rejected() -> None:
    line = "CHARM is a multi-agent red-teaming system for anime hairstyle modeling."
    assert any("compound" in r for r in check_tldr(line, TITLE, ABSTRACT))


def test_an_inflected_or_respelled_compound_of_the_abstract_passes() -> None:
    line = (
        "CHARM is a control-point-based framework for anime hairstyle modeling, fine-tuning a "
        "transformer."
    )
    assert not any("compound" in r for r in check_tldr(line, TITLE, ABSTRACT))


BENCH = (
    "We present StructBench, a benchmark of 1,700 instances for structured image editing. "
    "Our model attains strong editing performance."
)


@pytest.mark.parametrize(
    "line",
    [
        "StructBench is a benchmark for structured image editing with 1,700 instances, "
        "attaining strong editing performance.",
        "StructBench is a benchmark for structured image editing, and its performance is "
        "shown by sharp drops.",
    ],
)
def test_a_result_credited_to_a_benchmark_is_rejected(line: str) -> None:
    reasons = check_statement(line, "StructBench", BENCH)
    assert "a method's result credited to a benchmark or dataset" in reasons


def test_a_benchmarks_own_finding_passes() -> None:
    line = (
        "StructBench is a benchmark for structured image editing with 1,700 instances, "
        "revealing that leading systems remain far from satisfactory."
    )
    assert "a method's result credited to a benchmark or dataset" not in check_statement(
        line, "StructBench", BENCH
    )
