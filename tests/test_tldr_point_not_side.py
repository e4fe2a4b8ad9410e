"""The built line picks the paper's point, not a side sentence (issue 14, round 17 faults):
"This report presents X" is the contribution, a name with "&" labels the method, a part's
definition or means is clipped rather than losing the method to a secondary component, a line
never opens on a connective or keeps "instead", a how clause never joins a finding, "X shows
<vague>" is no how, and a pointer ("this crucial capability") is cut off, in the fallback too."""

from __future__ import annotations

from assistant.summaries.clauses import how_clause
from assistant.summaries.clips import with_clips
from assistant.summaries.compress import compress
from assistant.summaries.extractive import extractive_tldr, unpointed
from assistant.summaries.heads import Head


def line_of(title: str, abstract: str) -> str:
    built = compress(title, abstract)
    assert built is not None
    return built.text


def test_this_report_presents_x_is_the_contribution() -> None:
    abstract = (
        "This report presents VibeVoice, a novel model designed to synthesize long-form speech "
        "with multiple speakers by employing next-token diffusion. To enable this, we introduce "
        "a novel continuous speech tokenizer that improves data compression by 80 times while "
        "maintaining comparable performance."
    )
    assert line_of("VibeVoice Technical Report", abstract).startswith("VibeVoice is a novel model")


def test_a_name_joined_by_an_ampersand_labels_the_method() -> None:
    abstract = (
        "Visual concept composition still falls short in extracting complex concepts. We "
        "introduce Bind & Compose, a one-shot method that enables flexible visual concept "
        "composition by binding visual concepts with corresponding prompt tokens. To enhance "
        "compatibility, we present a Temporal Disentanglement Strategy that decouples the "
        "training process of video concepts into two stages."
    )
    title = "Composing Concepts from Images and Videos via Concept-prompt Binding"
    assert line_of(title, abstract).startswith("Bind & Compose is a one-shot method")


def test_a_definition_after_the_method_is_clipped_not_the_method_dropped() -> None:
    head = Head(
        "s",
        "Agent Bazaar is a multi-agent simulation framework for evaluating Economic Alignment, "
        "the capacity of agentic systems to preserve market stability.",
    )
    texts = [h.text for h in with_clips([head])]
    assert (
        "Agent Bazaar is a multi-agent simulation framework for evaluating Economic Alignment."
        in texts
    )


def test_a_list_of_two_things_is_not_clipped_as_an_apposition() -> None:
    head = Head("s", "SciReas is a suite of benchmarks, and SciReas-Pro, a selective subset.")
    assert [h.text for h in with_clips([head])] == [head.text]


def test_a_subordinate_head_is_not_clipped_at_its_comma() -> None:
    head = Head("s", "When a representation serves as the basis, the lifecycle maps onto code.")
    assert [h.text for h in with_clips([head])] == [head.text]


def test_a_line_never_opens_on_a_connective() -> None:
    abstract = (
        "Lightweight text-to-speech systems are crucial for accessibility. However, efficient "
        "TTS models rely on phonemizers that struggle with context. In contrast, more advanced "
        "phonemizers with a deeper linguistic understanding typically incur high computational "
        "costs, which prevents real-time performance. We propose lightweight strategies for "
        "context-aware phonemization and a service-oriented TTS architecture that executes "
        "these modules as independent services."
    )
    title = "A Service-Oriented Approach to Low Latency, Context Aware Phonemization for TTS"
    line = line_of(title, abstract)
    assert not line.startswith("In contrast")
    assert line == (
        "We propose lightweight strategies for context-aware phonemization and a "
        "service-oriented TTS architecture."
    )


def test_instead_is_dropped_after_we() -> None:
    abstract = (
        "Heuristic unmasking strategies for diffusion language models require manual tuning. "
        "In this work, we instead propose to train unmasking policies for diffusion language "
        "models using reinforcement learning."
    )
    line = line_of("Learning Unmasking Policies for Diffusion Language Models", abstract)
    assert "instead" not in line


def test_a_how_clause_never_joins_a_finding() -> None:
    abstract = (
        "Chain of thought is not always faithful. We find that future model behavior is more "
        "distinguishable over the full probe trajectory than from a single static prediction. "
        "To characterize these dynamics, we extract signal-processing features that capture "
        "volatility and trend."
    )
    line = line_of("Probe Trajectories Reveal Reasoning Dynamics", abstract)
    assert "extracting" not in line


def test_what_the_method_shows_is_no_how_unless_it_is_a_result() -> None:
    vague = "Our approach shows remarkable extensibility to complex scenarios."
    assert how_clause(vague, ("OmniHuman",), follows_head=True) is None
    scored = "NaTex demonstrates strong performance, significantly outperforming prior methods."
    assert how_clause(scored, ("NaTex",)) is not None


def test_a_pointer_is_cut_with_its_clause() -> None:
    line = (
        "We introduce WebSailor, a complete post-training methodology designed to instill this "
        "crucial capability."
    )
    assert unpointed(line) == "We introduce WebSailor, a complete post-training methodology."
    assert unpointed("We compare X to those obtained with Y on many tasks.") is None
    # a cut that leaves a word needing its complement is not taken
    assert unpointed("We found improvements comparable to or greater than these rewards.") is None


def test_the_fallback_never_shows_a_pointer_it_can_cut() -> None:
    abstract = (
        "Proprietary agents like DeepResearch have demonstrated superhuman capabilities. We "
        "posit that their success hinges on the ability to reduce extreme uncertainty. Based on "
        "this insight, we introduce WebSailor, a complete post-training methodology designed to "
        "instill this crucial capability."
    )
    line = extractive_tldr("WebSailor-V2: Bridging the Chasm to Proprietary Agents", abstract)
    assert "this crucial capability" not in line
