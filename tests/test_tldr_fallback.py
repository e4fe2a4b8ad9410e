"""TL;DR lines when the best head is refused (issue #14): a compound the abstract writes with
a hyphen is a word, not a break; a head too long for a line is cut before its list."""

from __future__ import annotations

from assistant.summaries.checker import check_form, check_statement
from assistant.summaries.compress import compress, title_line

ABSTRACT = (
    "Virtual try-on (VTO) renders a person wearing a garment. We introduce FitSet, a VTO "
    "dataset of 1.1M try-on image triplets with body and garment measurements."
)
BROKEN = "garbled"


def test_a_compound_the_abstract_writes_is_not_a_broken_word() -> None:
    line = "FitSet is a VTO dataset of 1.1M try-on image triplets with garment measurements."
    assert not any(BROKEN in reason for reason in check_form(line, ABSTRACT))


def test_a_hyphen_the_abstract_does_not_write_is_still_a_broken_word() -> None:
    line = "FitSet is a dataset of image-to garment triplets with body measurements."
    assert any(BROKEN in reason for reason in check_form(line, ABSTRACT))


CC_TITLE = "GridBench: A Challenging Benchmark of Cognitive Capacity"
CC_ABSTRACT = (
    "Existing benchmarks overemphasize textual reasoning. We introduce GridBench, a "
    "vision-grounded benchmark that organizes 11 reasoning tasks into three categories of "
    "visual information: spatial, geometric, and knowledge-based reasoning, and provides "
    "analyses of cognitive capacity across these dimensions. We hope this work helps."
)


def test_a_head_refused_for_its_tail_gives_way_to_its_clip_not_the_title() -> None:
    built = compress(CC_TITLE, CC_ABSTRACT)
    assert built is not None
    assert built.text == (
        "GridBench is a vision-grounded benchmark that organizes 11 reasoning tasks into three "
        "categories of visual information."
    )


def test_tex_hung_on_the_name_does_not_refuse_every_line_naming_the_method() -> None:
    title = "GridSet: A Comprehensive Dataset for Computer-Using Agents"
    abstract = (
        "Computer-using agents lack data. We introduce GridSet^circ, a large-scale dataset of "
        "1.2M executed action steps recorded in desktop office applications. Benchmarking "
        "models on GridSet^circ reveals shortcomings in grounding."
    )
    built = compress(title, abstract)
    assert built is not None
    assert built.text.startswith("GridSet is a large-scale dataset of 1.2M executed action steps")


def test_a_sentence_opening_on_a_lower_case_name_is_a_sentence_of_its_own() -> None:
    title = "q1: A Simple and Fully Open Recipe for Strong Image Models"
    abstract = (
        "Open image models lag behind. We run 300 controlled experiments on design choices. "
        "Guided by these insights, we train q1 using only public datasets. q1 is competitive "
        "with leading models on five benchmarks, and outperforms the best open model by 29.5 "
        "points on average."
    )
    built = compress(title, abstract)
    assert built is not None
    assert built.text.startswith("q1 is competitive with leading models on five benchmarks")


def test_a_numbered_step_stands_alone_only_when_nothing_else_fits() -> None:
    title = "Fit-Aware Virtual Try-On with Synthetic Garment Data"
    abstract = (
        "Virtual try-on methods ignore how a garment fits. We overcome the challenges of data "
        "collection via a scalable synthetic strategy: (1) We programmatically generate 3D "
        "garments and drape them via physics simulation to capture realistic garment fit. "
        "Our synthetic try-on data lets a virtual try-on model depict garment fit across body "
        "sizes."
    )
    built = compress(title, abstract)
    assert built is not None
    assert "(1)" not in built.text
    assert built.text.startswith("Our synthetic try-on data lets a virtual try-on model")


ECHO = "echoes the title"


def test_the_title_as_an_is_a_sentence_is_an_echo() -> None:
    line = "GridBench is a challenging benchmark dataset of cognitive capacity."
    assert any(ECHO in reason for reason in check_statement(line, CC_TITLE, CC_ABSTRACT))


def test_a_line_that_adds_to_the_title_is_not_an_echo() -> None:
    line = "GridBench is a vision-grounded benchmark of cognitive capacity with 11 reasoning tasks."
    assert not any(ECHO in reason for reason in check_statement(line, CC_TITLE, CC_ABSTRACT))


GVR_TITLE = "GridVSR: A Simple Baseline for Latent-Cascaded Video Super-Resolution"
GVR_ABSTRACT = (
    "Latent diffusion models generate video efficiently. In this work, we focus on studying "
    "design principles for cascaded models. Finally, we introduce interleaving temporal units "
    "and sparse local attention to achieve efficient training, drastically reducing overhead."
)


def test_the_title_line_says_how_with_a_part_we_introduce() -> None:
    built = compress(GVR_TITLE, GVR_ABSTRACT)
    assert built is not None
    assert built.text == (
        "GridVSR is a simple baseline for latent-cascaded video super-resolution, introducing "
        "interleaving temporal units and sparse local attention to achieve efficient training, "
        "drastically reducing overhead."
    )


def test_introducing_the_method_itself_is_not_a_part_of_it() -> None:
    abstract = GVR_ABSTRACT.replace("we introduce interleaving", "we introduce GridVSR and delve")
    built = compress(GVR_TITLE, abstract)
    assert built is None or "introducing GridVSR" not in built.text


def test_a_title_addressing_the_reader_is_not_a_description() -> None:
    title = "GridFactory: Your Automated Factory for Issue Resolution Training Data"
    abstract = "We build training data for issue resolution with GridFactory at scale."
    assert title_line(title, abstract, "GridFactory") is None
