"""The paper's point over a side part, the cases the second pass left (issue 14, H15t3): a
finding named with no "that" ("These results reveal a knowing-doing gap in X: Y"), a measured
result and what it reveals, a title that states a finding, a colon that starts a new clause (no
slip in "tool-use: improving tool-use"), and a pointing clause skipped in the middle of a line
that goes on."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_tldr
from assistant.summaries.contribution import tidy
from assistant.summaries.extractive import pointer_skipped
from assistant.summaries.findings import finding, is_study


def test_a_named_finding_with_a_colon_is_a_finding() -> None:
    sentence = (
        "These results reveal a knowing-doing gap in LLM tool-use: improving reliability "
        "requires better translation of recognition into action."
    )
    assert finding(sentence) == (
        "Our results reveal a knowing-doing gap in LLM tool-use: improving reliability "
        "requires better translation of recognition into action."
    )


def test_a_named_finding_needs_its_colon() -> None:
    assert finding("These results reveal a large gap in LLM tool use.") is None


def test_a_measured_result_and_what_it_reveals_is_a_finding() -> None:
    sentence = (
        "Across seven frontier models, flip rates range from 17.5% to 97.3%, revealing large "
        "differences in stability."
    )
    assert finding(sentence) == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "We evaluate seven models on 57 subjects, revealing large differences in stability.",
        "Flip rates differ widely, revealing large differences in stability.",
    ],
)
def test_what_we_did_or_an_unmeasured_clause_is_no_such_finding(sentence: str) -> None:
    assert finding(sentence) is None


def test_a_title_that_states_a_finding_makes_a_study() -> None:
    title = "Model-Adaptive Tool Necessity Reveals the Knowing-Doing Gap in LLM Tool Use"
    assert is_study(title, "We introduce a definition.")
    assert not is_study("X: A Method That Scales", "We introduce a definition.")


def test_a_word_said_again_after_a_colon_is_no_slip() -> None:
    title = "Tool Necessity Reveals the Knowing-Doing Gap in LLM Tool Use"
    line = (
        "Our results reveal a knowing-doing gap in LLM tool-use: improving tool-use "
        "reliability requires better translation of recognition into action."
    )
    abstract = "These results reveal a knowing-doing gap in LLM tool-use: improving tool-use ..."
    assert not any("repeats a word" in r for r in check_tldr(line, title, abstract))
    slipped = line.replace("tool-use: improving tool-use", "tool-use improving tool-use")
    assert any("repeats a word" in r for r in check_tldr(slipped, title, abstract))


@pytest.mark.parametrize(
    ("line", "skipped"),
    [
        (
            "WebSailor is a post-training methodology designed to instill this crucial "
            "capability, involving novel tasks and an RL algorithm.",
            "WebSailor is a post-training methodology, involving novel tasks and an RL algorithm.",
        ),
        (
            "Kit is an autonomous generation pipeline that instantiates this formalism from "
            "descriptions, comprising a parser and a validator.",
            "Kit is an autonomous generation pipeline, comprising a parser and a validator.",
        ),
    ],
)
def test_a_pointing_clause_in_the_middle_is_skipped(line: str, skipped: str) -> None:
    assert pointer_skipped(line) == skipped


@pytest.mark.parametrize(
    "line",
    [
        # the clause carries the how: skipping it would lose what the method does
        "RxT is an architecture designed to overcome these limitations by shifting to events, "
        "achieving low latency.",
        # the line does not go on with an -ing clause after it
        "We introduce a strategy that builds these capabilities across datasets, along with ours.",
        "WebSailor is a methodology designed to instill this capability.",
    ],
)
def test_a_pointing_clause_that_says_more_or_ends_the_line_is_kept(line: str) -> None:
    assert pointer_skipped(line) is None


def test_an_analysis_named_by_four_words_makes_a_study() -> None:
    abstract = "We perform the first layer- and token-wise representational analysis of dLLMs."
    assert is_study("Skip to the Good Part", abstract)
    assert not is_study("Skip to the Good Part", "We perform the first run of dLLMs.")


def test_a_pointer_naming_its_referent_by_a_compound_reads_with_the() -> None:
    assert tidy("NanoVDR exploits this query--document asymmetry by decoupling paths") == (
        "NanoVDR exploits the query--document asymmetry by decoupling paths."
    )
    assert tidy("WebSailor instills this crucial capability") == (
        "WebSailor instills this crucial capability."
    )


def test_a_counted_group_said_after_a_colon_is_resolved() -> None:
    title = "NanoVDR: Distilling a Retriever"
    line = (
        "NanoVDR decouples the two encoding paths: a frozen teacher indexes documents "
        "offline, while a small student encodes queries."
    )
    assert not any("refers to" in r for r in check_tldr(line, title, line))
    unsaid = "NanoVDR decouples the two encoding paths for retrieval with a small student."
    assert any("refers to" in r for r in check_tldr(unsaid, title, unsaid))
