"""A study's finding leads its line (assistant.summaries.findings): round 18 gave the validating
fix ("Why Low-Precision Transformer Training Fails"), a measuring step, background about the
field or the dataset/suite a study also releases, and never what the study found."""

from __future__ import annotations

from assistant.summaries.clauses import finding_cuts
from assistant.summaries.compress import compress
from assistant.summaries.contribution import spelled_this
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


def test_study_by_what_it_calls_its_findings_or_identifies() -> None:
    # round 19: neither title asks, and neither abstract says "we study"
    found = "Overall, our findings reveal that hallucination is a data coverage issue."
    assert is_study("Hallucination in World Models is Predictable", found)
    assert is_study("On RL Dynamics", "This work identifies two fundamental properties of RL.")
    assert is_study("A Recipe", "This paper presents a systematic empirical study using X.")
    assert not is_study("OmniNWM", "We identify a gap and propose OmniNWM, a world model.")


def test_the_first_of_numbered_findings_and_both_that_clauses() -> None:
    said = "Our experiments yield 7 takeaways, e.g., (1) small models need staged rewards, (2) Y"
    assert finding(said) == "Small models need staged rewards."
    listed = "Our experiments reveal several key insights: (i) PRMs can act as ORMs, and (ii) Z."
    assert finding(listed) == "PRMs can act as ORMs."
    both = "Our findings reveal that X is a coverage issue, and that the signals mitigate X."
    assert finding(both) == "X is a coverage issue, and the signals mitigate X."


def test_a_long_finding_is_cut_at_a_clause_end_not_dropped() -> None:
    title = "Understanding Behavior Cloning with Action Quantization"
    abstract = (
        "Behavior cloning is a fundamental paradigm in machine learning. "
        "We analyze how quantization error propagates along the horizon and interacts with "
        "statistical sample complexity. We show that behavior cloning with quantized actions "
        "and log-loss achieves optimal sample complexity, matching existing lower bounds, and "
        "incurs only polynomial horizon dependence on quantization error, provided the "
        "dynamics are stable and the policy satisfies a probabilistic smoothness condition."
    )
    built = compress(title, abstract)
    assert built is not None
    assert built.text.startswith("Behavior cloning with quantized actions and log-loss achieves")
    assert "provided" not in built.text


def test_finding_cuts_longest_first_each_whole() -> None:
    found = "X matches the bound, and incurs a small cost, provided the dynamics are stable"
    assert finding_cuts(found) == [found, "X matches the bound, and incurs a small cost"]
    assert finding_cuts("X holds: a case of Y") == ["X holds: a case of Y"]  # too short a cut


def test_a_pointer_that_spells_its_noun_reads_with_the() -> None:
    # round 20 item 24: the paper's own claim, not a later side finding
    claim = (
        "In this paper, we show that this target-side per-task adaptation cost can be "
        "replaced by retrieval."
    )
    assert (
        finding(claim) == "The target-side per-task adaptation cost can be replaced by retrieval."
    )
    assert spelled_this("this gap can be closed") == "this gap can be closed"
    assert finding("We show that this striking result can be explained.") is None
