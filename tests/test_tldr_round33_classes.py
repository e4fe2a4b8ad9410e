"""Round 33's unusable lines, as classes: a purpose put inside a compound ("a runtime model [for
efficient reasoning] switching framework"), a further finding about the method taken as its
line ("We also observe that X benefits ..."), a name given after its kind ("a hybrid approach,
namely In-Writing, that ..."), a study's conclusion ("These results identify X as a major
factor"), a finding whose figures point at a pairing ("respectively"), "such simulation" and
"both sampling strategies" pointing back, and the gap a paper answers said as its claim ("We
argue that a validation is missing")."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.contribution import contribution
from assistant.summaries.findings import finding
from assistant.summaries.heads import Head, demoted
from assistant.summaries.purpose import with_purpose
from assistant.summaries.reasons import Code


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_a_purpose_goes_after_a_compound_not_inside_it() -> None:
    line = "RelayGen is a training-free runtime model switching framework that exploits variation."
    assert with_purpose(line, "for efficient reasoning") == (
        "RelayGen is a training-free runtime model switching framework for efficient reasoning "
        "that exploits variation."
    )


def test_a_further_finding_about_the_method_goes_after_the_other_heads() -> None:
    also = Head(
        "We also observe that WildReward benefits directly from user diversity.",
        "WildReward benefits directly from user diversity.",
    )
    assert demoted(also, ("WildReward",))
    # a further contribution may be the method itself
    further = Head(
        "Furthermore, we propose GroundingOcc, an end-to-end model for occupancy grounding.",
        "GroundingOcc is an end-to-end model for occupancy grounding.",
    )
    assert not demoted(further, ("GroundingOcc",))


def test_a_name_given_after_its_kind_is_the_subject() -> None:
    sentence = (
        "We propose a hybrid approach, namely In-Writing, that combines free-form reasoning and "
        "structured generation in a single call."
    )
    assert contribution(sentence, None, "Thinking Before Constraining") == (
        "In-Writing is a hybrid approach that combines free-form reasoning and structured "
        "generation in a single call."
    )


def test_a_studys_conclusion_is_said_of_its_subject() -> None:
    sentence = (
        "These results identify training-position distribution as a major controllable factor "
        "in retrieval-level position bias and suggest balanced data curation as a mitigation."
    )
    assert finding(sentence) == (
        "Training-position distribution is a major controllable factor in retrieval-level "
        "position bias."
    )


def test_a_finding_drops_figures_that_point_at_a_pairing() -> None:
    sentence = (
        "Our findings reveal that all examined agents can be significantly degraded due to "
        "third-party contents, with an average misleading rate of 42.0% and 36.1% in dynamic "
        "and static environments respectively."
    )
    assert finding(sentence) == (
        "All examined agents can be significantly degraded due to third-party contents."
    )


def test_checker_refuses_such_and_both_pointing_back() -> None:
    line = (
        "Dyna-Mind is a framework that teaches agents to integrate such simulation into reasoning."
    )
    assert Code.POINTER in codes(line)
    line = "Experiments show that both sampling strategies scale effectively with compute."
    assert Code.POINTER in codes(line)
    assert Code.POINTER not in codes("X handles inputs such as images and speech in one model.")
    assert Code.POINTER not in codes("Experiments show that both the encoder and decoder scale.")


def test_checker_refuses_the_gap_a_paper_answers_as_its_claim() -> None:
    line = (
        "We argue that an important pre-deployment validation is missing to examine whether the "
        "agents can maintain their performance under real-world threats."
    )
    assert Code.BACKGROUND in codes(line)
    thesis = "We argue that the ML community should treat inference as energy-to-token production."
    assert Code.BACKGROUND not in codes(thesis)
