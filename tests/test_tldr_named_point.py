"""The title's name as the abstract spells it, and the paper's own finding (issue 14, H15t2):
a title that dresses its name up ("X-V2", "X Technical Report", a zero for an O) or an abstract
that slips a letter still names the paper; "we find, <aside>, the first evidence that Z" is
the paper's own finding Z, on the title's topic, whatever name the title carries; a purpose
"to train such a student model" reads whole as "to train a student model"."""

from __future__ import annotations

from assistant.summaries.checker_statement import check_subject
from assistant.summaries.clauses import strip_lead
from assistant.summaries.contribution import tidy
from assistant.summaries.findings import finding

NAMED = "says neither what"


def subject_faults(line: str, title: str, abstract: str) -> list[str]:
    return [r for r in check_subject(line, title, abstract) if r.startswith(NAMED)]


def test_a_version_or_report_label_is_not_part_of_the_abstracts_name() -> None:
    abstract = "We present HarborNet, a routing model for container ports that plans berths."
    line = "HarborNet is a routing model for container ports that plans berths."
    assert not subject_faults(line, "HarborNet-V3: Planning Berths at Scale", abstract)
    assert not subject_faults(line, "HarborNet Technical Report: Planning Berths", abstract)
    assert not subject_faults(line, "HarborNet-7B: Planning Berths", abstract)


def test_a_zero_for_an_o_or_one_dropped_letter_is_the_same_name() -> None:
    abstract = "We release GlacierBot, a mobile robot, and GlacirMap, a map of ice shelves."
    assert not subject_faults("GlacierBot is a mobile robot.", "GlacierB0T: Ice Robots", abstract)
    assert not subject_faults("GlacirMap is a map of ice shelves.", "GlacierMap: Ice", abstract)


def test_another_name_a_numbered_successor_or_a_word_still_fails() -> None:
    abstract = "Unlike TideNet, we propose a tide model and compare with perception baselines."
    assert subject_faults("TideNet predicts the tide.", "TideNet 2: Better Tides", abstract)
    assert subject_faults("Perception baselines fail on tides.", "Perceptio: Tides", abstract)
    other = "We build DuneSet. DuneSet-Lite is a small split of dunes."
    assert subject_faults("DuneSet-Lite is a small split of dunes.", "DuneSet: Dunes", other)


def test_the_papers_own_finding_on_the_title_topic_needs_no_name() -> None:
    title = "FrostBench: Revealing Scaling Laws of Learning in Cold Environments"
    abstract = (
        "Studying 2,000 hours of agents, we find, to our knowledge, the first evidence that "
        "learning in cold environments follows a power scaling law. FrostBench is a suite."
    )
    line = "Learning in cold environments follows a power scaling law."
    assert not subject_faults(line, title, abstract)
    # a sentence the abstract does not open with "we find that" is not its finding
    assert subject_faults("Cold environments follow a power scaling law.", title, abstract)
    # nor is a finding off the title's topic
    off = "We find that agents freeze often. FrostBench is a suite."
    assert subject_faults("Agents freeze often in many cases.", title, off)


def test_we_find_with_an_aside_and_the_first_evidence_that() -> None:
    sentence = (
        "Studying roughly 2,000 hours of agents across 90 tasks, we find, to the best of our "
        "knowledge, the first evidence that learning follows a power scaling law."
    )
    assert strip_lead(sentence).startswith("We find, to the best")
    assert finding(sentence) == "Learning follows a power scaling law."
    assert finding("We show the first model that flies.") is None


def test_such_a_in_a_purpose_reads_with_a_alone() -> None:
    line = "STEP is a new strategy to train such a student model by using a teacher."
    assert tidy(line) == "STEP is a new strategy to train a student model by using a teacher."
    kept = "We design it to train such a model that it never forgets."
    assert tidy(kept) == kept


def test_a_long_lead_is_cut_only_when_it_is_no_clause_of_its_own() -> None:
    sentence = (
        "We introduce a controlled protocol for evaluating answer stability: after a model "
        "answers a question correctly, we challenge the answer."
    )
    assert strip_lead(sentence) == sentence


def test_we_thus_introduce_is_the_papers_own_contribution() -> None:
    # Round 28: "We thus introduce MBA-Bench, ..." for a paper titled "MBA: ..."
    abstract = "We thus introduce MBA-Bench, the first multimodal benchmark for business ideas."
    line = "We thus introduce MBA-Bench, the first multimodal benchmark for business ideas."
    assert not subject_faults(line, "MBA: Multimodal Benchmark and Agents", abstract)
    assert subject_faults("Business ideas need images.", "MBA: Multimodal Benchmark", abstract)
