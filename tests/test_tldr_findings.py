"""A study's finding leads its line (assistant.summaries.findings): round 18 gave the validating
fix ("Why Low-Precision Transformer Training Fails"), a measuring step, background about the
field or the dataset/suite a study also releases, and never what the study found."""

from __future__ import annotations

from assistant.summaries.compress import compress
from assistant.summaries.findings import finding, findings_first, is_study, leads
from assistant.summaries.heads import Head


def test_study_by_title_or_by_what_the_abstract_does() -> None:
    assert is_study("Why Low-Precision Transformer Training Fails", "")
    assert is_study("Attention Sinks in DLMs", "In this work, we conduct an empirical analysis.")
    assert is_study("Machine Text Detectors", "we theoretically and empirically investigate X")
    assert not is_study("OmniNWM: Driving World Models", "We introduce OmniNWM, a model.")


def test_finding_is_what_the_study_found() -> None:
    said = "Our findings reveal that DLMs also exhibit attention sinks, but with distinct traits."
    assert finding(said) == "DLMs also exhibit attention sinks, but with distinct traits."
    assert finding("We notably find that Binoculars achieves the best MIA scores.") == (
        "Binoculars achieves the best MIA scores."
    )


def test_not_a_finding_of_others_or_the_methods_result() -> None:
    assert finding("Recent probing studies reveal that LLMs exhibit linear subspaces.") is None
    assert (
        finding("Experiments show that SAGA achieves a detection rate of 90%.", ("SAGA",)) is None
    )
    assert finding("Furthermore, we find that our loss enables small batches.") is None
    assert finding("We introduce a minimal modification to the flash attention.") is None


def test_a_named_method_keeps_its_place_a_dataset_does_not() -> None:
    assert leads(Head("s", "CDT is a training strategy that improves attention."), ("CDT",))
    assert not leads(Head("s", "SCRIPTS is a 1k-dialogue dataset in English."), ("SCRIPTS",))
    assert not leads(Head("s", "We introduce a minimal modification to flash attention."), ())
    study = Head("s", "We present the first systematic evaluation of referencing errors.")
    assert leads(study, (), shown=True) and not leads(study, ())


def test_findings_go_first_only_in_a_study() -> None:
    sentences = ["We introduce SCRIPTS, a dataset.", "Our analysis shows that LLMs fail at Korean."]
    heads = [Head(sentences[0], "SCRIPTS is a dataset.")]
    first = findings_first(heads, "Are they lovers or friends?", sentences, ("SCRIPTS",))
    assert [h.text for h in first] == ["LLMs fail at Korean.", "SCRIPTS is a dataset."]
    assert findings_first(heads, "SCRIPTS: a dataset", sentences, ("SCRIPTS",)) == heads


def test_the_line_of_a_study_says_why_it_fails_not_the_fix() -> None:
    title = "Why Low-Precision Transformer Training Fails: An Analysis on Flash Attention"
    abstract = (
        "This paper provides the first mechanistic explanation for a failure case where "
        "training with flash attention in low-precision settings leads to loss explosions. "
        "Our in-depth analysis reveals that the loss explosions are caused by biased rounding "
        "errors inherent in low-precision arithmetic. To validate our findings, we introduce a "
        "minimal modification to the flash attention that mitigates the bias in rounding errors."
    )
    built = compress(title, abstract)
    assert built is not None
    assert built.text.startswith("The loss explosions are caused by biased rounding errors")
