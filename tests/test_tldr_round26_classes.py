"""Round 26's unusable built lines, as classes: a finding cut from its verb, the paper's
unnamed parts as subject, an analysis's remark as the line, mixed verb forms, a result taken
from another thing the paper introduces, and a fallback pointing outside itself."""

from assistant.models import Paper
from assistant.summaries.checker import check_tldr
from assistant.summaries.checker_words import verbless_that_end
from assistant.summaries.clauses import result_cuts
from assistant.summaries.compress import compress
from assistant.summaries.reasons import Code
from assistant.summaries.tldr import base_line


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_a_that_clause_of_a_bare_subject_has_no_verb() -> None:
    assert (
        verbless_that_end("Tool-X is a suite, showing that recent large VLMs.")
        == "recent large VLMs"
    )
    assert verbless_that_end("Tool-X is a suite, showing that recent VLMs fail.") is None
    assert verbless_that_end("Tool-X is a suite, showing that accuracy drops.") is None


def test_a_result_is_not_cut_at_a_parenthetical_example() -> None:
    clause = "showing that current VLMs, including closed ones, rarely exceed 30% accuracy"
    assert "showing that current VLMs" not in result_cuts(clause)


def test_checker_refuses_a_finding_cut_before_its_verb() -> None:
    abstract = (
        "We build Gauge, a suite of 90 map tasks. Tests show that open VLMs, "
        "even large ones, fail on routes."
    )
    line = "Gauge is a suite of 90 map tasks, showing that open VLMs."
    assert Code.CUT_OFF in codes(line, "Gauge: Maps", abstract)


def test_checker_refuses_the_papers_unnamed_parts_as_subject() -> None:
    line = "Our tasks feature long horizons, sparse rewards and constraints hidden in the scene."
    assert Code.VACUOUS_SUBJECT in codes(line)
    assert Code.VACUOUS_SUBJECT not in codes(
        "Our gated update rule improves stability of deep residual networks on ImageNet."
    )


def test_checker_refuses_what_an_analysis_highlights_as_the_line() -> None:
    line = "Careful analyses, including field deployments, highlight error recovery via memory."
    assert Code.CLOSING_REMARK in codes(line)


def test_checker_refuses_a_participle_joined_to_a_negated_finite_verb() -> None:
    line = (
        "Strong models still plan badly on puzzles, often losing track of contacts "
        "and cannot reliably turn seen geometry into useful moves."
    )
    assert Code.GRAMMAR in codes(line)


def test_checker_refuses_a_secondary_we_also_include() -> None:
    line = "We also include hindsight replay, letting the agent revisit earlier choices later."
    assert Code.SECOND_CONTRIBUTION in codes(line)


ABSTRACT_SIDE_RESULT = (
    "Masked samplers stall as steps grow. We introduce a family of corrector samplers for "
    "token diffusion that apply to any noise process and generalize earlier samplers. "
    "Our samplers keep improving with more steps on text and images. "
    "Beyond sampling, we develop a lean curriculum for the relaxation phase, reducing "
    "training time by 25% compared to Duo."
)


def test_a_head_does_not_take_the_result_of_another_introduced_thing() -> None:
    built = compress("Corrector Samplers for Token Diffusion", ABSTRACT_SIDE_RESULT)
    assert built is not None
    assert "25%" not in built.text


def test_the_fallback_drops_a_clause_pointing_outside_the_line() -> None:
    abstract = (
        "Recovering hidden causes is ill-posed without assumptions. We take a second view: "
        "what can still be recovered? We introduce the task of sparse factor matching to "
        "formalize this view."
    )
    line = base_line(Paper("p1", "Sparse Factor Matching", abstract))
    assert "this view" not in line
