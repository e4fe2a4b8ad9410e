"""Round 37's unusable lines, as classes: "has recently gained traction ... prior work has
explored" as the line, "We study X" in the title's words, a line cut after "and crucially",
"built from ... and is curated" (a participle and a finite verb joined), "we propose in this
report X: an ..." (an aside and a colon between the cue and the apposition), and "introduces a
unique capability:" cut at its colon."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.checker_statement import check_background
from assistant.summaries.clauses import how_clause
from assistant.summaries.contribution import contribution
from assistant.summaries.reasons import Code


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_what_prior_work_explored_is_background() -> None:
    abstract = "We introduce a GRPO-based method for speech-aware language models."
    line = (
        "GRPO has recently gained traction for its efficiency in training LLMs, and prior work "
        "has explored its application to speech models."
    )
    assert check_background(line, "T", abstract)
    assert not check_background("X outperforms prior work on five benchmarks.", "T", abstract)


def test_checker_refuses_we_study_in_the_titles_words() -> None:
    title = (
        "Understanding Syllogistic Reasoning in LLMs from Formal and Natural Language Perspectives"
    )
    line = (
        "We study syllogistic reasoning in LLMs from the logical and natural language perspectives."
    )
    assert Code.TITLE_ECHO in codes(line, title, line)
    found = (
        "We study syllogistic reasoning in LLMs and find that symbolic accuracy varies by model."
    )
    assert Code.TITLE_ECHO not in codes(found, title, found)


def test_checker_refuses_a_line_cut_after_its_adverb() -> None:
    line = (
        "DeepCode is an autonomous framework, outperforming Cursor and Claude Code, and crucially."
    )
    assert Code.CUT_OFF in codes(line)


def test_checker_refuses_a_past_participle_joined_to_a_finite_verb() -> None:
    line = (
        "EcomBench is a benchmark designed to evaluate agents, built from genuine user demands in "
        "global ecosystems and is carefully curated by experts."
    )
    assert Code.GRAMMAR in codes(line)


def test_an_aside_and_a_colon_between_the_cue_and_the_name() -> None:
    sentence = (
        "To address this limitation, we propose in this report Logics-Parsing: an end-to-end "
        "LVLM-based model augmented with reinforcement learning."
    )
    assert contribution(sentence, "Logics-Parsing", "Logics-Parsing Technical Report") == (
        "Logics-Parsing is an end-to-end LVLM-based model augmented with reinforcement learning."
    )


def test_a_colon_gloss_that_spells_the_name_is_left_to_the_title() -> None:
    sentence = (
        "We propose UniGenDet: a Unified generative-discriminative framework for co-evolutionary "
        "image Generation and generated image Detection."
    )
    line = contribution(sentence, "UniGenDet", "UniGenDet: A Unified Framework")
    assert line is None or "Unified" not in line
    plain = (
        "We propose OSMDA: a self-contained domain adaptation framework for remote sensing VLMs."
    )
    assert contribution(plain, "OSMDA", "OSMDA: Domain Adaptation") == (
        "OSMDA is a self-contained domain adaptation framework for remote sensing VLMs."
    )


def test_a_how_clause_is_not_an_announcement_cut_at_its_colon() -> None:
    sentence = "Beyond this, TTM introduces a unique capability: precise appearance control."
    assert how_clause(sentence, ("TTM",)) is None
