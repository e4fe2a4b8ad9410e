"""Round 38's unusable lines, as classes: a model edit that cut "not" and turned the claim around
("emerges [not] from extended computation alone, but from ..."), "the stated limitations"
pointing at what the line never states, and "we train a 7B dLLM, X, on 130B tokens" read as "X
is a 7B dLLM, on 130B tokens"."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.contribution import contribution
from assistant.summaries.edits import edit_problems
from assistant.summaries.reasons import Code

TITLE = "Reasoning Models Generate Societies of Thought"
LINE = (
    "Enhanced reasoning emerges not from extended computation alone, but from simulating "
    "multi-agent-like interactions, a society of thought."
)


def test_an_edit_may_not_cut_a_negation() -> None:
    draft = LINE.replace("not ", "", 1)
    assert "turns a claim around" in edit_problems(draft, LINE, TITLE, LINE)
    kept = "Enhanced reasoning emerges not from extended computation alone."
    assert "turns a claim around" not in edit_problems(kept, LINE, TITLE, LINE)


def test_checker_refuses_the_stated_limitations() -> None:
    line = "MoCa is a two-stage framework, addressing the stated limitations with new masks."
    assert Code.POINTER in {
        r.code for r in check_tldr(line, "MoCa: Modality-aware Pre-training", line)
    }


def test_what_a_model_was_trained_on_stays_with_its_verb() -> None:
    sentence = "We train a 7B dLLM, DiffuCoder, on 130B tokens of code."
    title = "DiffuCoder: Understanding and Improving Masked Diffusion Models for Code Generation"
    assert contribution(sentence, "DiffuCoder", title) == (
        "DiffuCoder is a 7B dLLM trained on 130B tokens of code."
    )
