"""Round 35's unusable lines, as classes: a leading phrase holding a short list ("Inspired by
how humans pause, zoom, and re-read ..., we introduce X"), a line ending on a list's first
marker ("findings: 1."), a release "to spur further research" and "We implement our method on
..." taken as the contribution, "and consistently outperforms" left finite in a result, and a
clip that keeps a colon series' first item ("rumination: iteratively selecting frames"); then
round 36's possessive long form ("large language model's")."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.clauses import result_clause, strip_lead
from assistant.summaries.clips import shorter
from assistant.summaries.heads import Head, is_side
from assistant.summaries.reasons import Code


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_a_leading_phrase_may_hold_a_short_list() -> None:
    sentence = (
        "Inspired by how humans pause, zoom, and re-read critical regions, we introduce Video-R4, "
        "a video reasoning model."
    )
    assert strip_lead(sentence) == "We introduce Video-R4, a video reasoning model."


def test_checker_refuses_a_line_ending_on_a_lists_first_marker() -> None:
    line = "We analyze the impact of design strategies on language agents, and have findings: 1."
    assert Code.CUT_OFF in codes(line)


def test_a_release_to_spur_research_and_an_implementation_are_side_sentences() -> None:
    assert is_side(
        "To spur further research, we release an open corpus of 5000 API specifications."
    )
    assert is_side("We implement our method on Qwen2.5-32B and evaluate on LeetCode contests.")


def test_a_result_converts_a_second_verb_after_an_adverb() -> None:
    sentence = (
        "Overall, MFA achieves a 58.5% success rate and consistently outperforms prior attacks."
    )
    assert result_clause(sentence, "MFA") == (
        "achieving a 58.5% success rate and consistently outperforming prior attacks"
    )


def test_a_clip_does_not_keep_a_colon_series_first_item() -> None:
    head = Head(
        "s",
        "Video-R4 is a video reasoning LMM that performs visual rumination: iteratively selecting "
        "frames, zooming into informative regions, and updating its reasoning state.",
    )
    clips = [c.text for c in shorter(head)]
    assert not any(c.endswith("iteratively selecting frames.") for c in clips)


def test_a_long_form_drops_its_possessive() -> None:
    # round 36: "a large language model's (LLM) vocabulary" spelled "multimodal LLM methods" as
    # "multimodal large language model's methods"
    from assistant.summaries.acronyms import definitions

    abstract = "Tokens come from a large language model's (LLM) vocabulary. Tar beats LLM methods."
    assert definitions(abstract) == {"LLM": "large language model"}
