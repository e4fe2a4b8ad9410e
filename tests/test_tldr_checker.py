"""The pure TL;DR checker and the extractive fallback, on a real abstract and edge cases."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_borrowed, check_form, check_tldr, method_names
from assistant.summaries.extractive import extractive_tldr, key_sentences, split_sentences
from assistant.summaries.tldr import clean_draft, fit_draft

TITLE = "CogDPM: Diffusion Probabilistic Models via Cognitive Predictive Coding"
ABSTRACT = (
    "Predictive Coding (PC) is a theoretical framework in cognitive science suggesting that the "
    "human brain processes cognition through spatiotemporal prediction of the visual world. "
    "This work introduces the Cognitive Diffusion Probabilistic Models (CogDPM), which "
    "demonstrate the connection between diffusion probabilistic models and PC theory. "
    "CogDPM features a precision estimation method based on the hierarchical sampling "
    "capabilities of diffusion models. We apply CogDPM to real-world prediction tasks using the "
    "United Kingdom precipitation and ERA surface wind datasets, improving skill by 12.5%."
)
GOOD = "CogDPM links diffusion probabilistic models to predictive coding with precision weights."


def reasons(tldr: str) -> list[str]:
    return check_tldr(tldr, TITLE, ABSTRACT)


def test_a_good_tldr_passes() -> None:
    assert reasons(GOOD) == []


@pytest.mark.parametrize(
    "tldr",
    [
        GOOD,
        "CogDPM improves precipitation forecasting skill by 12.5% using diffusion models.",
        "Cognitive Diffusion Probabilistic Models estimate precision for better predictions.",
        # An acronym of consecutive abstract words is not an invented name.
        "The CDPM approach connects diffusion models and predictive coding theory for forecasting.",
        "We introduce CogDPM: diffusion models guided by precision weights for forecasting.",
        "CogDPM's precision estimation uses the hierarchical sampling of diffusion models.",
        # Headline-style capitals on common words name nothing.
        "CogDPM Features Precision Estimation Based on Hierarchical Sampling of Diffusion Models.",
        # The title's words after the method name are fair to use.
        "CogDPM, diffusion probabilistic models via cognitive predictive coding, improves skill.",
    ],
)
def test_faithful_variants_pass(tldr: str) -> None:
    assert reasons(tldr) == []


@pytest.mark.parametrize(
    ("tldr", "expected"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (GOOD + "\nIt also works on video.", "more than one line"),
        ("CogDPM links diffusion models.\r\nSecond line about precision.", "more than one line"),
        (" ".join(["CogDPM improves diffusion forecasting"] * 10), "too long"),
        ("CogDPM improves forecasting.", "too short"),
        ("CogDPM improves precipitation forecasting skill by 37% using diffusion models.",
         "number not in the abstract: 37"),
        ("CogDPM beats GPT-4o on precipitation forecasting with diffusion models.",
         "name not in the abstract: GPT-4o"),
        ("CogDPM sets a new record on ImageNet with diffusion probabilistic models.",
         "name not in the abstract: ImageNet"),
        ("CogDPM, built at Stanford, links diffusion models and predictive coding.",
         "name not in the abstract: Stanford"),
        ("This paper presents a study of diffusion probabilistic models and cognition.",
         "vacuous"),
        ("The method improves results on several benchmarks over strong baselines.", "vacuous"),
        ("Recent diffusion probabilistic models have transformed precipitation forecasting.",
         "background"),
        ("Diffusion Probabilistic Models via Cognitive Predictive Coding for CogDPM.",
         "only restates the title"),
        ("CogDPM links diffusion models and PC, see https://evil.example/x for code.", "markup"),
        ("CogDPM links diffusion models ![x](http://evil) and predictive coding.", "markup"),
        ("CogDPM links <script>alert(1)</script> diffusion models and coding.", "markup"),
        ("CogDPM links **diffusion models** and predictive coding theory.", "markup"),
        # The failures seen in model TL;DRs (issue #14), each named for what it is.
        ("CogDPM takes diffusion probabilistic models forecasting to the next level.", "hype"),
        ("CogDPM delivers groundbreaking cutting-edge diffusion forecasting research.", "hype"),
        ("We use a method called CogDPM to evaluate precipitation. We use a method called "
         "CogDPM", "repeats a phrase"),
        ("CogDPM estimates precision to mitigate noise, and to mitigate noise on forecasting.",
         "repeats a phrase"),
        ("CogDPM forecasting with CogDPM sampling beats CogDPM baselines on CogDPM wind data.",
         "repeats a word"),
        ("CogDPM shows improvements in forecasting, with improved diffusion sampling skill.",
         "repeats a vague claim"),
        ("CogDPM improves skill on precipitation and wind data by 12.5% and 12.5%, respectively.",
         "refers to something"),
        ("The method is a new approach to solving precipitation forecasting with diffusion.",
         "vacuous"),
        ("CogDPM estimates precision with hierarchical sampling of the", "cut off"),
        ("CogDPM estimates precision with hierarchical sampling (for wind data", "cut off"),
        ("CogDPM estimates precision with hierarchical sampling for wind,", "cut off"),
        ("CogDPM estimates precision with hierarchical sampling and so…", "cut off"),
        ("A precision module called to aggregate diffusion samples improves forecasting.",
         "garbled"),
        ("CogDPM estimates estimates precision with hierarchical diffusion sampling.", "garbled"),
        ("CogDPM: A Novel Method for Forecasting Precipitation with Diffusion Models.",
         "headline"),
        ("CogDPM, a cognitive diffusion model for precipitation forecasting with precision",
         "noun phrase"),

        ("Diffusion Probabilistic Models via Cognitive Predictive Coding, a new paradigm for "
         "forecasting with precision.", "echoes the title"),
        # A term said twice is repetition to a reader even when the abstract repeats it.
        ("CogDPM ties diffusion probabilistic models to coding, making diffusion probabilistic "
         "models precise.", "repeats a phrase"),
        # The failure kinds of the first blind read (issue #14, round 2).
        ("To address this limitation, CogDPM estimates precision with hierarchical sampling.",
         "refers to something"),
        ("To achieve this, CogDPM estimates precision with hierarchical sampling.",
         "refers to something"),
        ("Predictive Coding (PC) is a theoretical framework in cognitive science for CogDPM.",
         "background"),
        ("Diffusion models have shown strong forecasting skill with CogDPM precision.",
         "background"),
        ("CogDPM improves precipitation forecasting skill by 12.5\\% with diffusion models.",
         "garbled"),
        ("CogDPM outperforms diffusion models on precipitation, surpassing prior forecasting.",
         "beats the baselines twice"),
        ("CogDPM estimates precision for precipitation forecasting, a method",
         "cut off"),
        ("CogDPM estimates precision-from hierarchical sampling for precipitation forecasting.",
         "garbled"),
        ("CogDPM enables CogDPM-based precision estimation for precipitation forecasting.",
         "garbled"),
        ("CogDPM estimates a robust precision for robust precipitation forecasting.",
         "repeats a word"),
        ("CogDPM estimates precision. It improves forecasting skill of diffusion models.",
         "more than one sentence"),
    ],
)  # fmt: skip
def test_bad_drafts_are_rejected(tldr: str, expected: str) -> None:
    found = reasons(tldr)
    assert any(expected in r for r in found), found


def test_words_copied_from_the_prompt_examples_are_caught() -> None:
    examples = "LiveCodeBench Pro shows that LLMs remain far below human grandmasters."
    copied = "CogDPM forecasts precipitation and remains far below human grandmasters."
    (reason,) = check_borrowed(copied, TITLE, ABSTRACT, examples)
    assert reason.startswith("copied from the prompt's examples") and "grandmasters" in reason
    assert check_borrowed(GOOD, TITLE, ABSTRACT, examples) == []
    # A word the abstract uses too is the paper's own.
    assert check_borrowed(GOOD, TITLE, ABSTRACT, "precision diffusion probabilistic") == []


def test_the_checker_is_pure_and_deterministic() -> None:
    bad = "CogDPM beats GPT-4o by 37% on ImageNet.\nSecond line."
    assert reasons(bad) == reasons(bad)
    assert len(reasons(bad)) >= 3


def test_numbers_match_with_or_without_thousands_separators() -> None:
    abstract = "We train on 1,000 hours of speech with SpeechNet and cut errors by half."
    title = "SpeechNet: Efficient Speech Recognition"
    assert check_tldr("SpeechNet trains on 1000 hours of speech, halving errors.", title,
                      abstract) == []  # fmt: skip


def test_method_names_come_from_the_title_prefix_and_defined_acronyms() -> None:
    assert method_names(TITLE, ABSTRACT)[:2] == ["CogDPM", "PC"]


def test_clean_draft_strips_labels_and_quotes_but_keeps_lines() -> None:
    assert clean_draft('TL;DR: "CogDPM links models."  ') == "CogDPM links models."
    assert clean_draft("**TLDR** - CogDPM links models.") == "CogDPM links models."
    assert clean_draft("Summary: CogDPM links models.") == "CogDPM links models."
    assert clean_draft("CogDPM links models.\nMore.") == "CogDPM links models.\nMore."


def test_fit_draft_trims_an_over_long_draft_at_a_clause_break() -> None:
    long = (
        "CogDPM connects diffusion probabilistic models with predictive coding theory, "
        "which lets it estimate precision weights from hierarchical sampling and improve "
        "precipitation forecasting skill on real data from the United Kingdom and wind "
        "datasets across many regions and seasons, with precision weights that help the model"
    )
    trimmed, changed = fit_draft(long)
    assert changed and trimmed.endswith("from the United Kingdom")
    assert reasons(trimmed) == []
    assert fit_draft("a\nb", cut_off=True) == ("a\nb", False)


def test_extractive_fallback_passes_the_checker_and_has_no_markup() -> None:
    hostile = ABSTRACT + " See ![x](http://evil) and <script>alert(1)</script> for code."
    text = extractive_tldr(TITLE, hostile)
    assert check_tldr(text, TITLE, hostile) == []
    assert text.startswith("CogDPM") or "CogDPM" in text
    for bad in ("http", "<", "](", "!["):
        assert bad not in text


def test_key_sentences_prefers_the_contribution_sentence() -> None:
    excerpt = key_sentences(TITLE, ABSTRACT, max_chars=200, lead=False)
    assert excerpt.startswith("This work introduces")
    assert len(excerpt) <= 200
    assert len(split_sentences(ABSTRACT)) == 4


def test_but_also_without_not_only_is_garbled() -> None:
    abstract = "Phantom not only outperforms existing methods but also delivers fidelity."
    cut = "Phantom outperforms existing methods but also delivers competitive fidelity."
    whole = "Phantom not only outperforms existing methods but also delivers competitive fidelity."
    assert any("not only" in r for r in check_form(cut, abstract))
    assert not any("not only" in r for r in check_form(whole, abstract))


def test_an_article_with_no_noun_is_garbled() -> None:
    abstract = "We propose a new loss function, called the manifold feature distance (MFD)."
    bare = "the is a new loss function manifold feature distance (MFD), which provides tangents."
    assert any("article" in r for r in check_form(bare, abstract))
    assert not check_form("MFD is a loss that provides tangents pointing toward the manifold.")


def test_a_name_with_an_exponent_is_not_a_tex_artefact() -> None:
    assert not check_form("Benchmark^2 is a framework of three complementary metrics.")
    assert check_form("GUI-360^circ is a dataset of three canonical computer tasks.")


def test_a_tex_command_that_lost_its_backslash_is_an_artefact() -> None:
    assert check_form("TPG achieves nearly a 2times improvement in FID over the SDXL baseline.")
    assert check_form("CogFlow simulates reasoning: perceptionRightarrowinternalization.")
    assert not check_form("TPG is 2 times faster and sometimes matches CFG in prompt alignment.")


def test_a_sentence_saying_what_the_named_work_is_does_not_only_restate_the_title() -> None:
    title = "SimpleGVR: A Simple Baseline for Latent-Cascaded Video Super-Resolution"
    abstract = "We study cascaded video super-resolution and propose a simple baseline."
    line = "SimpleGVR is a simple baseline for latent-cascaded video super-resolution."
    assert not any("restates" in r for r in check_tldr(line, title, abstract))
    headline = "SimpleGVR simple baseline latent-cascaded video super-resolution."
    assert any("restates" in r for r in check_tldr(headline, title, abstract))


SUBJECT_TITLE = "LPM 1.0: Video-based Character Performance Model"
SUBJECT_ABSTRACT = (
    "We present LPM 1.0 (Large Performance Model) for conversational performance. "
    "To evaluate this setting, we propose LPM-Bench, the first benchmark for interactive "
    "character performance. LPM 1.0 achieves state-of-the-art results in real time."
)


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (
            "LPM-Bench is the first benchmark for interactive character performance.",
            "neither",
        ),
        ("We conduct extensive experiments on 15 benchmarks with 11 models.", "experiments"),
        (
            "LPM 1.0 is a performance model and a benchmark for interactive characters.",
            "two contributions",
        ),
        ("LPM 1.0 achieves state-of-the-art results in real time.", None),
        ("We present a large performance model for conversational performance.", None),
    ],
)
def test_a_line_is_about_the_work_the_title_names(line: str, fault: str | None) -> None:
    reasons = check_tldr(line, SUBJECT_TITLE, SUBJECT_ABSTRACT)
    if fault is None:
        assert reasons == []
    else:
        assert any(fault in r for r in reasons), reasons


def test_a_title_name_may_appear_by_its_initials() -> None:
    title = "Entropy-Adaptive Fine-Tuning: Resolving Confident Conflicts to Mitigate Forgetting"
    abstract = "We propose Entropy-Adaptive Fine-Tuning (EAFT), which gates updates by entropy."
    line = "EAFT utilizes token-level entropy as a gating mechanism to reduce forgetting."
    assert not any("neither" in r for r in check_tldr(line, title, abstract))


def test_a_word_said_again_nearby_passes_only_as_the_abstract_words_it() -> None:
    abstract = (
        "We propose VerIF, a verification method that combines rule-based code verification "
        "with LLM-based verification from a large reasoning model."
    )
    copied = (
        "VerIF is a verification method that combines rule-based code verification with "
        "LLM-based verification from a large reasoning model."
    )
    assert "repeats a word within a few words" not in check_tldr(copied, "VerIF", abstract)
    stitched = "VerIF is a verification method for verification with rule-based code checks."
    assert "repeats a word within a few words" in check_tldr(stitched, "VerIF", abstract)
