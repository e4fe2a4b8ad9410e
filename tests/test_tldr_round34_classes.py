"""Round 34's unusable lines, as classes: "as" taken for a verb ("VideoAtlas as a Markov Decision
Process unlocks ..." -> "aing"), a relative clause cut that leaves its preposition ("a
framework in, outperforming"), "they" with nothing to stand for, a result about another named
thing joined to a dataset's line ("showing that MoRe4D generates ..."), and a pipeline the
authors "provide"."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.clauses import how_clause
from assistant.summaries.clips import before_relative
from assistant.summaries.contribution import contribution
from assistant.summaries.heads import Head
from assistant.summaries.lines import results_for
from assistant.summaries.reasons import Code


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_as_is_no_verb_of_a_how_clause() -> None:
    sentence = "VideoAtlas as a Markov Decision Process unlocks Video-RLM, a parallel architecture."
    assert how_clause(sentence, ("VideoAtlas",)) is None


def test_a_relative_clause_is_cut_with_its_preposition() -> None:
    head = Head(
        "s",
        "FusionRoute is a robust token-level multi-LLM collaboration framework in which a "
        "lightweight router selects the most suitable expert at each decoding step.",
    )
    kept = before_relative(head)
    assert kept is not None
    assert kept.text == "FusionRoute is a robust token-level multi-LLM collaboration framework."
    line = "FusionRoute is a collaboration framework in, outperforming model merging."
    assert Code.CUT_OFF in codes(line)


def test_checker_refuses_they_with_nothing_to_stand_for() -> None:
    line = "EditThinker is a deliberative editing framework to think while they edit images."
    assert Code.POINTER in codes(line)


def test_a_result_about_another_named_thing_does_not_join_a_datasets_line() -> None:
    evidence = "Experiments show that MoRe4D generates high-quality 4D scenes from a single image."
    clause = "showing that MoRe4D generates high-quality 4D scenes from a single image"
    dataset = Head("s0", "TrajScene-60K is a large-scale dataset of 60,000 video samples.")
    assert results_for(dataset, ([(evidence, clause)], []), ("TrajScene-60K",)) == ([], [])
    # the same thing spelled without its hyphen is the head's own
    spelled = "showing that ChunkGRPO achieves superior results in preference alignment"
    own = Head("s0", "Chunk-GRPO is the first chunk-level GRPO-based approach for T2I generation.")
    assert results_for(own, ([("e", spelled)], []), ("Chunk-GRPO",)) == ([("e", spelled)], [])


def test_a_new_pipeline_the_authors_provide_is_their_contribution() -> None:
    sentence = (
        "To make progress on training agents, we provide a novel synthetic environment "
        "generation pipeline targeting machine learning agents."
    )
    assert contribution(sentence, None, "AI Scientist via Synthetic Task Scaling") == (
        "We provide a novel synthetic environment generation pipeline targeting machine "
        "learning agents."
    )
