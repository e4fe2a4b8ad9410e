"""Round 32's unusable lines, as classes: a how clause cut after "and prove" or inside "the lack
of realistic, challenging benchmarks", a result clause "matching ... but reduces", "two
properties" announced and never given, "The shortfall ... also stems from", a contribution in
the passive ("A ... framework is introduced."), a survey's aim, "we introduce X and treat Y as
Z", a model edit that cuts the verb from between a subject and its object, and what a method is
without a relative clause the checker refuses."""

from assistant.summaries.announced import unfinished_list
from assistant.summaries.checker import check_tldr
from assistant.summaries.clauses import how_cuts, result_clause
from assistant.summaries.contribution import contribution
from assistant.summaries.edits import edit_problems
from assistant.summaries.reasons import Code


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_a_how_clause_is_not_cut_after_a_bare_verb_or_inside_a_noun_phrase() -> None:
    proved = "formulating the update as a dynamical system and prove that its solution is exact"
    assert "formulating the update as a dynamical system and prove" not in how_cuts(proved)
    lacking = "addressing the lack of realistic, challenging benchmarks aligned with workflows"
    assert "addressing the lack of realistic" not in how_cuts(lacking)


def test_a_result_clause_converts_the_verb_after_but() -> None:
    sentence = "Dion3 matches or improves on the loss of Muon but reduces step time by up to 6x."
    assert result_clause(sentence, "Dion3") == (
        "matching or improving on the loss of Muon but reducing step time by up to 6x"
    )


def test_two_properties_announced_and_never_given_is_an_unfinished_list() -> None:
    assert unfinished_list("Our experiments establish two properties of Marionette.")
    assert not unfinished_list("Marionette is a world model with explicit articulated states.")


def test_checker_refuses_a_line_saying_also_of_an_unnamed_subject() -> None:
    line = "The shortfall in physics plausibility also stems from suboptimal inference strategies."
    assert Code.POINTER in codes(line)
    assert Code.POINTER not in codes("The model improves physics plausibility of video.")


def test_a_passive_contribution_takes_the_titles_name() -> None:
    sentence = (
        "A photorealistic and controllable 3D caricaturization framework for faces is introduced."
    )
    title = "CaricatureGS: Exaggerating 3D Gaussian Splatting Faces With Gaussian Curvature"
    assert contribution(sentence, "CaricatureGS", title) == (
        "CaricatureGS is a photorealistic and controllable 3D caricaturization framework for faces."
    )
    assert contribution(sentence, None, title) is None


def test_a_surveys_aim_is_what_it_provides() -> None:
    sentence = "This work aims to provide an up-to-date landscape of current agent memory research."
    assert contribution(sentence, None, "Memory in the Age of AI Agents") == (
        "This work provides an up-to-date landscape of current agent memory research."
    )


def test_we_introduce_x_and_treat_y_says_what_x_does() -> None:
    sentence = (
        "We therefore introduce WMReward and treat improving physics plausibility of video "
        "generation as an inference-time alignment problem."
    )
    assert contribution(sentence, "WMReward", "Inference-time Physics Alignment") == (
        "WMReward treats improving physics plausibility of video generation as an "
        "inference-time alignment problem."
    )


def test_an_edit_may_not_cut_the_verb_from_between_subject_and_object() -> None:
    line = (
        "GEMS is a framework for multimodal generation, enabling the lightweight 6B model "
        "Z-Image-Turbo to surpass the state-of-the-art Nano Banana 2 on GenEval2."
    )
    draft = (
        "GEMS is a framework for multimodal generation, enabling the lightweight 6B model "
        "Nano Banana 2 on GenEval2."
    )
    assert "cuts a verb from between its subject and object" in edit_problems(
        draft, line, "GEMS: Agent-Native Multimodal Generation", line
    )
    whole = "GEMS is a framework for multimodal generation."
    assert "cuts a verb from between its subject and object" not in edit_problems(
        whole, line, "GEMS: Agent-Native Multimodal Generation", line
    )


def test_what_a_method_is_stands_alone_when_its_relative_clause_is_refused() -> None:
    from assistant.summaries.heads import Head
    from assistant.summaries.lines import candidate_lines

    head = Head(
        "s",
        "HERO is a new paradigm for object loco-manipulation with humanoid robots that combines "
        "the strong generalization of large vision models with strong control performance.",
    )
    lines = [text for text, _ in candidate_lines(head, [], ([], []))]
    assert "HERO is a new paradigm for object loco-manipulation with humanoid robots." in lines
    bare = Head("s", "UFP4 is a uniform 4-bit training recipe that quantizes weights.")
    assert "UFP4 is a uniform 4-bit training recipe." not in [
        text for text, _ in candidate_lines(bare, [], ([], []))
    ]
