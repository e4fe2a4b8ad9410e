"""An enumerated sentence quoted in an answer shows its lead-in and only the items that answer
(assistant.pipeline.items)."""

from __future__ import annotations

from assistant.pipeline.items import cut_to_items, enumeration, shown, unmarked

TITLE = "Harbor: Tidal Forecasting with Sparse Buoys"
# Three contributions in one sentence, told by numbered items.
THREE = (
    "Harbor rests on three ideas: (1) a Sieve module that discards buoys with drifting clocks;"
    " (2) a Braid decoder that fuses tide gauges with wind fields at every hour; and (3) a"
    " Ledger cache that replays past storms to calibrate the surge forecast."
)
# The same told as sentences after an opening one, marked "1)", "2)".
SENTENCES = (
    "Harbor combines two ingredients. 1) We denoise each buoy with a Kalman smoother."
    " 2) We also propose Ebb, a distillation scheme that shrinks the forecaster for phones."
)


def test_an_enumeration_splits_into_its_lead_in_and_items() -> None:
    listed = enumeration(THREE)
    assert listed is not None
    assert listed.lead_in == "Harbor rests on three ideas:"
    assert [unmarked(i)[:8] for i in listed.items] == ["a Sieve ", "a Braid ", "a Ledger"]


def test_markers_must_count_up_from_the_first() -> None:
    assert enumeration("Gains hold (2) on lakes and (3) on rivers alike.") is None
    assert enumeration("Only one item: (1) a single buoy per bay.") is None
    roman = "It adds two parts: (i) a Sieve for clocks; (ii) a Braid for winds."
    listed = enumeration(roman)
    assert listed is not None and len(listed.items) == 2


def test_only_the_item_answering_a_how_question_is_quoted() -> None:
    question = "How does Harbor fuse tide gauges with wind fields?"
    assert cut_to_items(THREE, question, TITLE) == (
        "Harbor rests on three ideas: … (2) a Braid decoder that fuses tide gauges with wind"
        " fields at every hour…"
    )


def test_the_items_answering_each_part_are_kept_and_the_gap_marked() -> None:
    question = (
        "Which module discards buoys with drifting clocks, and what cache replays past storms?"
    )
    assert cut_to_items(THREE, question, TITLE) == (
        "Harbor rests on three ideas: (1) a Sieve module that discards buoys with drifting"
        " clocks … (3) a Ledger cache that replays past storms to calibrate the surge forecast."
    )


def test_a_name_asked_for_keeps_the_item_naming_it_not_a_part_given_elsewhere() -> None:
    # The frame rate part is answered by another quote: this list holds no number for it.
    question = (
        "What is the distillation scheme Harbor proposes called, and at what rate does it"
        " forecast surges?"
    )
    assert cut_to_items(SENTENCES, question, TITLE) == (
        "Harbor combines two ingredients. … 2) We also propose Ebb, a distillation scheme that"
        " shrinks the forecaster for phones."
    )


def test_a_question_about_the_whole_list_keeps_it_whole() -> None:
    # "surge calibration from past storms" is the third item's words, but the ideas asked
    # about are all three.
    question = "Which ideas does Harbor's surge calibration from past storms rest on?"
    assert cut_to_items(THREE, question, TITLE) == THREE


def test_a_sentence_without_items_is_unchanged() -> None:
    plain = "Harbor cuts the surge error by 18% on the North Sea buoys."
    assert cut_to_items(plain, "By how much does Harbor cut the surge error?", TITLE) == plain


def test_a_list_answering_nothing_asked_stays_whole() -> None:
    assert cut_to_items(THREE, "How accurate is Harbor on the Baltic?", TITLE) == THREE


def test_shown_joins_adjacent_items_without_an_ellipsis() -> None:
    listed = enumeration(THREE)
    assert listed is not None
    text = shown(listed, {0, 1})
    assert text.startswith("Harbor rests on three ideas: (1) a Sieve")
    assert "clocks; (2) a Braid" in text and text.endswith("every hour…")


def test_a_count_the_lead_in_gives_keeps_the_list_whole() -> None:
    # "three ideas" answers how many; the items, not the lead-in, name what they are.
    steps = (
        "Harbor trains in a three-stage schedule: (1) Sieve pretraining on clean buoys;"
        " (2) Braid tuning on wind fields; and (3) Ledger replay of storms."
    )
    question = "Which module replays storms, and how many stages does Harbor's schedule have?"
    assert cut_to_items(steps, question, TITLE) == steps


def test_an_ask_for_as_many_things_as_the_items_keeps_each() -> None:
    # q-4534 (session 27): "these two modules" are the two items, not the better-scored one.
    stages = (
        "Specifically, (1) During the Conditioning Stage: We introduce the Semantic Anchor "
        "Disambiguation to reinforces subject-specific semantics and resolve inter-subject "
        "ambiguity by progressively injecting the directional vectors of semantic anchors into "
        "original text embedding; (2) During the Denoising Stage: We propose Dynamic Layout "
        "Fusion Attention, which integrates grounding priors and model-adaptive spatial "
        "perception to flexibly bind subjects to their spatiotemporal regions through masked "
        "attention modulation."
    )
    question = (
        "A training-free dual-phase refinement method for compositional text-to-video "
        "generation adds one module in the conditioning stage and one in the denoising stage. "
        "What are these two modules called?"
    )
    title = "MagicComp: Training-free Dual-Phase Refinement for Compositional Video Generation"
    assert cut_to_items(stages, question, title) == stages
    one = "Which of MagicComp's two modules binds subjects to their spatiotemporal regions?"
    assert cut_to_items(stages, one, title) != stages
