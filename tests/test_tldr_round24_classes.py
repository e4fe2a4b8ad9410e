"""Line faults a blind read of round 24 found (issue #14), each pinned with wording of our own:
a noun read as a verb after "and", a series of finite verbs cut to one -ing clause, a list cut
before its item's relative clause, lines that only name or only report, a finding that names
nothing, a clause broken after "so", and a result credited to a head that does not name the
method."""

from __future__ import annotations

import pytest

from assistant.summaries.checker import check_tldr
from assistant.summaries.checker_form import check_form
from assistant.summaries.checker_statement import check_statement
from assistant.summaries.clauses import result_clause
from assistant.summaries.compress import compress
from assistant.summaries.reasons import Code


def test_a_noun_ending_a_pair_after_and_stays_a_noun() -> None:
    clause = result_clause(
        "Tern improves recall across several encoders and scales while keeping latency low.", "Tern"
    )
    assert clause == "improving recall across several encoders and scales while keeping latency low"
    # a verb after "and" still follows the first verb's -ing form
    assert result_clause("Tern cuts latency and reduces memory by 40%.", "Tern") == (
        "cutting latency and reducing memory by 40%"
    )


def test_the_checker_reads_a_pair_ending_on_a_plural_noun_as_grammatical() -> None:
    line = (
        "Tern is a retrieval method that caches keys, improving recall across encoders and scales."
    )
    assert not [r for r in check_form(line) if r.code is Code.GRAMMAR]
    wrong = "Tern is a retrieval method, improving recall on MS MARCO and reduces latency by 40%."
    assert [r for r in check_form(wrong) if r.code is Code.GRAMMAR]


def test_a_series_of_finite_verbs_keeps_only_its_first_as_the_result() -> None:
    sentence = (
        "Tern lowers index size, exposes sharper retrieval structure, and gives stable "
        "rankings under heavy noise."
    )
    assert result_clause(sentence, "Tern") == "lowering index size"


def test_a_noun_list_after_the_result_verb_is_kept_whole() -> None:
    sentence = "Tern improves accuracy, robustness to noise, and fairness across groups."
    assert result_clause(sentence, "Tern") == (
        "improving accuracy, robustness to noise, and fairness across groups"
    )


ABSTRACT = (
    "Retrieval at scale is costly. We present Tern, a retrieval agent powered by a learned "
    "router for long queries, a cache policy that adapts to traffic, and a compact index. "
    "Tern lowers latency by 3x on MS MARCO."
)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("We propose Sparse Routed Retrieval for long queries, called SRR-2 method.", Code.VACUOUS),
        ("We first report our Tern deployment experiments.", Code.VACUOUS),
        (
            "Our ablation reveals several surprising behaviors, which motivate the design of Tern.",
            Code.VAGUE,
        ),
    ],
)
def test_lines_that_only_name_report_or_gesture_at_findings_are_refused(
    line: str, code: Code
) -> None:
    assert code in {r.code for r in check_statement(line, "Tern: Fast Retrieval", ABSTRACT)}


def test_a_finding_that_goes_on_to_list_what_it_found_is_not_vague() -> None:
    line = "Our ablation of Tern reveals several failure patterns, such as stale caches and drift."
    assert Code.VAGUE not in {r.code for r in check_statement(line, "Tern", ABSTRACT)}


def test_a_clause_broken_after_so_is_cut_off() -> None:
    line = "Tern turns rare failures into reusable rules so, offering a practical path to safety."
    assert [r for r in check_form(line) if r.code is Code.CUT_OFF]
    assert not [
        r for r in check_form("Even so, Tern halves latency on MS MARCO.") if r.code is Code.CUT_OFF
    ]


# Round 24's GENIUS abstract (a tuning paper since that round was read).
GENIUS_TITLE = "GENIUS: Generative Fluid Intelligence Evaluation Suite"
GENIUS = (
    "Unified Multimodal Models (UMMs) have shown remarkable progress in visual generation. Yet, "
    "existing benchmarks predominantly assess Crystallized Intelligence, which relies on recalling "
    "accumulated knowledge and learned schemas. This focus overlooks Generative Fluid Intelligence "
    "(GFI): the capacity to induce patterns, reason through constraints, and adapt to novel "
    "scenarios on the fly. To rigorously assess this capability, we introduce GENIUS (GEN Fluid "
    "Intelligence EvalUation Suite). We formalize GFI as a synthesis of three primitives. "
    "Our systematic evaluation of 12 representative models reveals significant performance "
    "deficits in these tasks. To bridge this gap, we propose a training-free attention "
    "intervention strategy. Ultimately, GENIUS establishes a rigorous standard for GFI, guiding "
    "the field beyond knowledge utilization toward dynamic, general-purpose reasoning."
)


def test_a_result_of_the_method_does_not_join_a_head_about_a_side_part() -> None:
    built = compress(GENIUS_TITLE, GENIUS)
    assert built is not None
    assert not built.text.startswith("We propose a training-free attention intervention strategy,")


def test_a_list_item_cut_before_its_relative_clause_ends_the_line_cut_off() -> None:
    abstract = (
        "Retrieval at scale is costly. We present Tern, a retrieval agent that plans its own "
        "queries. Specifically, Tern is powered by a learned router for long queries, a novel "
        "cache scaling law that extends beyond static traffic, and heavy tool use to navigate "
        "large corpora. Tern lowers latency by 3x on MS MARCO."
    )
    line = (
        "Tern is a retrieval agent that plans its own queries, powered by a learned router for "
        "long queries, a novel cache scaling law."
    )
    assert [r for r in check_tldr(line, "Tern: Fast Retrieval", abstract) if r.code is Code.CUT_OFF]
