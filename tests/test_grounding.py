"""check_claim with the real MiniLM embedder: what a source supports and what it does not."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.pipeline.grounding import SourceText, Verdict, check_claim

TITLE = "Softplus Attention with Re-weighting Boosts Length Extrapolation in Large Language Models"
ABSTRACT = (
    "Traditional Softmax attention suffers from numerical instability and reduced performance as "
    "the length of inference tokens increases. By replacing the non-linear transformation with "
    "the Softplus activation function and introducing a dynamic scale factor for different token "
    "lengths based on invariance entropy, we create a novel attention mechanism with performance "
    "better than conventional Softmax attention across various inference lengths. The approach "
    "keeps validation loss nearly constant at 16 times the training token length. On the PG-19 "
    "benchmark, perplexity improves by 3.2 points over the baseline."
)


@pytest.fixture(scope="module")
def source(minilm) -> tuple[SourceText, np.ndarray]:
    text = SourceText.of(TITLE, ABSTRACT)
    return text, minilm.embed(list(text.sentences))


@pytest.fixture
def judge(minilm, source):
    def run(claim: str) -> Verdict:
        text, vectors = source
        return check_claim(claim, text, minilm.embed([claim])[0], vectors)

    return run


def test_verbatim_sentence_is_supported(judge, source) -> None:
    sentence = source[0].sentences[1]
    verdict = judge(sentence)
    assert verdict.supported, verdict.reasons
    assert verdict.best_sentence == sentence and verdict.cosine > 0.95
    assert verdict.overlap == pytest.approx(1.0)


@pytest.mark.parametrize(
    "claim",
    [
        "Replacing the non-linear transformation in Softmax with Softplus yields an attention "
        "mechanism that beats conventional Softmax attention at various inference lengths.",
        "Validation loss stays almost constant even at 16 times the training token length.",
        "Perplexity on PG-19 improves by 3.2 points compared with the baseline.",
        "Softplus attention improves the length extrapolation of large language models.",
    ],
    ids=["paraphrase", "number-kept", "benchmark", "title"],
)
def test_paraphrases_are_supported(judge, claim: str) -> None:
    verdict = judge(claim)
    assert verdict.supported, verdict.reasons


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        ("Validation loss stays nearly constant at 32 times the training token length.",
         "numbers not in source: ['32']"),
        ("Perplexity on PG-19 improves by 4.7 points over the baseline.",
         "numbers not in source: ['4.7']"),
        ("Softplus attention was trained with GPT-7 for long inference lengths.",
         "names not in source: ['gpt-7']"),
        ("Softplus attention improves length extrapolation on ImageNet.",
         "names not in source: ['imagenet']"),
        ("Protein structures are predicted by diffusion models with high accuracy.",
         "weak support"),
        ("The capital of Australia is Canberra.", "weak support"),
    ],
    ids=["number", "decimal", "invented-model", "invented-dataset", "unrelated", "off-topic"],
)  # fmt: skip
def test_unsupported_claims_are_rejected_with_a_reason(judge, claim: str, reason: str) -> None:
    verdict = judge(claim)
    assert not verdict.supported
    assert any(r.startswith(reason) for r in verdict.reasons), verdict.reasons


def test_a_supported_sentence_with_an_added_claim_is_rejected(judge) -> None:
    claim = ("Softplus attention keeps validation loss nearly constant at 16 times the training "
             "token length and was adopted by GPT-7.")  # fmt: skip
    assert not judge(claim).supported


def test_numbers_glued_to_units_count_as_the_number(minilm) -> None:
    """The sample feed writes "16times"; a claim saying "16 times" restates it."""
    text = SourceText.of(TITLE, "Validation loss stays nearly constant at 16times the length.")
    claim = "Validation loss stays nearly constant at 16 times the length."
    verdict = check_claim(claim, text, minilm.embed([claim])[0], minilm.embed(list(text.sentences)))
    assert verdict.supported, verdict.reasons


def test_empty_source_is_never_support(minilm) -> None:
    text = SourceText.of("Untitled", "")
    claim = "Softplus attention improves extrapolation."
    verdict = check_claim(claim, text, minilm.embed([claim])[0], np.zeros((0, minilm.dim)))
    assert not verdict.supported
