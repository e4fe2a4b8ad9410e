"""Built lines where the model's edit fails (issue 14v): the title's line, the extractive
pick, the plain line, stacked results and acronym expansions. Pure functions."""

from assistant.summaries.clauses import how_clause
from assistant.summaries.compress import compress
from assistant.summaries.extractive import extractive_tldr
from assistant.summaries.heads import spells
from assistant.summaries.lines import _without_result
from assistant.summaries.titles import sentence_cased, title_line

_EMBEDDER = (
    "Embedding models lack visual interactions. We propose a universal embedder that takes "
    "visual prompts. It improves retrieval across 36 tasks."
)


def test_an_agent_noun_title_is_what_the_method_is() -> None:
    line = title_line(
        "VIRTUE: Visual-Interactive Text-Image Universal Embedder", _EMBEDDER, "VIRTUE"
    )
    assert line == "VIRTUE is a visual-interactive text-image universal embedder."


def test_a_claim_title_gives_no_line() -> None:
    title = "VideoNSA: Native Sparse Attention Scales Video Understanding"
    assert title_line(title, "We adapt sparse attention to video models.", "VideoNSA") is None


def test_a_benchmark_title_gives_no_provides_line() -> None:
    abstract = "We present V-GameGym, a comprehensive benchmark comprising 2,219 samples."
    title = "V-GameGym: Visual Game Generation for Code Large Language Models"
    assert title_line(title, abstract, "V-GameGym") is None


def test_a_process_title_still_provides() -> None:
    abstract = "We introduce DreamWorld, a framework that integrates world knowledge."
    line = title_line(
        "DreamWorld: Unified World Modeling in Video Generation", abstract, "DreamWorld"
    )
    assert line == "DreamWorld provides unified world modeling in video generation."


def test_a_capital_of_a_longer_term_is_lowered_alone() -> None:
    abstract = "We study the Unknown Schema scenario. Our agent handles Unknown Schema via Tools."
    assert sentence_cased("Text-to-SQL over Unknown Schemas", abstract) == (
        "text-to-SQL over unknown schemas"
    )


def test_a_proper_noun_the_abstract_uses_alone_keeps_its_capital() -> None:
    abstract = "We translate C into Rust code. The Rust compiler checks it."
    assert sentence_cased("Safe Translation to Rust", abstract) == "safe translation to Rust"


def test_the_extractive_line_cuts_a_long_contribution_before_background() -> None:
    abstract = (
        "Music popularity prediction has attracted growing research interest, with relevance "
        "to artists, platforms, and recommendation systems. We propose APEX, the first "
        "large-scale multi-task learning framework for AI-generated music, trained on over 211k "
        "songs from Suno and Udio, that jointly predicts engagement-based popularity signals "
        "alongside five perceptual aesthetic quality dimensions from frozen audio embeddings."
    )
    line = extractive_tldr("APEX: Popularity Prediction for AI-Generated Music", abstract)
    assert line == (
        "We propose APEX, the first large-scale multi-task learning framework for "
        "AI-generated music."
    )


def test_the_extractive_line_is_no_nameless_step_when_a_line_reads_alone() -> None:
    abstract = (
        "Video generative models have become increasingly powerful, but long-range consistency "
        "remains challenging. This striking result may prompt a rethinking of video generation "
        "pipelines. Our approach is simple: first, we pre-train an autoencoder that compresses "
        "each frame into a hierarchy of tokens. We show that this issue can be mitigated by "
        "generating video using coarse-to-fine rollout within a multi-scale token space."
    )
    line = extractive_tldr("MilliVid: Hierarchical Latents for Video Generation", abstract)
    assert line.startswith("We show that")


def test_the_plain_line_gives_no_question() -> None:
    abstract = (
        "Graph networks dominate molecular machine learning. In this work, we investigate "
        "whether pure Transformers trained on Cartesian coordinates can approximate molecular "
        "energies and forces. We demonstrate how to train a Transformer to competitive energy "
        "and force errors relative to an equivariant graph network on the OMol25 dataset."
    )
    built = compress("Transformers Discover Molecular Structure Without Graph Priors", abstract)
    assert built is not None and "whether" not in built.text


def test_a_joined_result_replaces_the_head_result_it_repeats() -> None:
    head = (
        "DragFlow is the first framework to harness FLUX priors for drag editing "
        "achieving gains over baselines"
    )
    assert _without_result(head, "surpassing region-based baselines") == (
        "DragFlow is the first framework to harness FLUX priors for drag editing"
    )
    assert _without_result(head, "setting a new state of the art") == head


def test_an_acronym_expansion_is_not_a_description() -> None:
    head = "AGILE is an Agentic jiGsaw Interaction Learning for Enhancing visual perception."
    assert spells(head, "AGILE")
    assert not spells("AGILE is an agentic framework for jigsaw learning.", "AGILE")


def test_a_how_clause_keeps_its_verbs_in_one_form() -> None:
    sentence = (
        "Clue summarizes each trace by a hidden state delta and classifies correctness via "
        "distance."
    )
    clause = how_clause(sentence, ("Clue",), follows_head=False)
    assert clause is not None and "and classifying correctness" in clause


def test_a_title_spelling_out_the_name_gives_no_provides_line() -> None:
    abstract = "We propose Momentum Uncertainty-guided Reasoning (MUR), which allocates budgets."
    title = "MUR: Momentum Uncertainty guided Reasoning for Large Language Models"
    assert title_line(title, abstract, "MUR") is None


def test_a_defined_name_with_an_adverbed_verb_is_the_subject() -> None:
    abstract = (
        "Test-time scaling wastes tokens on redundant computations. We propose Momentum "
        "Uncertainty-guided Reasoning (MUR), which dynamically allocates thinking budgets to "
        "critical reasoning steps by tracking stepwise uncertainty over time."
    )
    built = compress(
        "MUR: Momentum Uncertainty guided Reasoning for Large Language Models", abstract
    )
    assert built is not None
    assert built.text.startswith(
        "Momentum Uncertainty-guided Reasoning (MUR) dynamically allocates"
    )


def test_our_method_named_reads_as_the_name() -> None:
    abstract = (
        "Video understanding is limited by context length. Our method, VideoNSA, adapts "
        "Qwen2.5-VL through end-to-end training on a 216K video instruction dataset."
    )
    built = compress("VideoNSA: Native Sparse Attention Scales Video Understanding", abstract)
    assert built is not None and built.text.startswith("VideoNSA adapts Qwen2.5-VL")


def test_an_extractive_line_says_a_kind_without_pointing_back() -> None:
    abstract = (
        "Every interactive video model is evaluated on its own benchmark, so no shared test "
        "conditions exist. We introduce WorldMark, the first benchmark that provides such a "
        "common playing field for interactive Image-to-Video world models."
    )
    line = extractive_tldr("WorldMark: A Unified Benchmark Suite for Video World Models", abstract)
    assert line == (
        "We introduce WorldMark, the first benchmark that provides a common playing field for "
        "interactive Image-to-Video world models."
    )
