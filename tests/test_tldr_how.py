"""clauses.how_clause: how the method works, as one well-formed -ing clause."""

from __future__ import annotations

from assistant.summaries.clauses import how_clause, how_cuts

PAT = (
    "PAT ingests full scientific manuscripts and produces a comprehensive evaluation, checking "
    "theoretical results, validating experiments, suggesting improvements, and identifying "
    "potential flaws."
)


def test_a_second_verb_with_its_object_follows_the_first_into_the_ing_form() -> None:
    sentence = (
        "Our approach encodes the input image and mask into the latent space and concatenates "
        "them as conditioning signals for the U-Net."
    )
    clause = how_clause(sentence, ("DiGSeg",), follows_head=True)
    assert clause is not None and "and concatenating them" in clause
    assert how_clause("X encodes text and images with one tower.", ("X",)) == (
        "encoding text and images with one tower"
    )  # "images" takes no object: a noun, not a verb


def test_a_series_of_ing_items_is_kept_whole_or_left_out() -> None:
    clause = how_clause(PAT, ("PAT",))
    assert (
        clause == "ingesting full scientific manuscripts and producing a comprehensive evaluation"
    )
    cuts = how_cuts(
        "ingesting manuscripts and producing an evaluation, checking theoretical results, "
        "validating experiments, and identifying potential flaws"
    )
    assert not any(cut.endswith("checking theoretical results") for cut in cuts)


def test_an_abbreviation_ends_no_sentence() -> None:
    from assistant.summaries.extractive import split_sentences

    text = "It gains 46.88% w.r.t. NDCG@10 on three datasets. We use e.g. A and B. Done."
    assert split_sentences(text) == [
        "It gains 46.88% w.r.t. NDCG@10 on three datasets.",
        "We use e.g. A and B.",
        "Done.",
    ]


def test_a_list_of_things_is_not_cut_before_its_last_item() -> None:
    clause = "combining a Direction Oracle, a soft binding-affinity gate, and amortized fine-tuning"
    assert how_cuts(clause) == [clause]


def test_a_list_of_names_after_a_count_is_not_cut_before_its_last_item() -> None:
    cuts = how_cuts(
        "decomposing trading into four specialized agents, Indicator, Pattern, Trend, and Risk, "
        "each equipped with domain-specific tools"
    )
    assert cuts and not any(cut.endswith("Trend") for cut in cuts)


def test_a_second_verb_before_by_follows_the_first_into_the_ing_form() -> None:
    sentence = (
        "RLDP continuously senses statistics of the learning dynamics and acts by selecting "
        "per-parameter clipping thresholds."
    )
    clause = how_clause(sentence, ("RLDP",))
    assert clause == (
        "continuously sensing statistics of the learning dynamics and acting by selecting "
        "per-parameter clipping thresholds"
    )
