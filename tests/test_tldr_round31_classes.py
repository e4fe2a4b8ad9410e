"""Round 31's unusable built lines, as classes: a line opening on "The resulting framework", a
study's verb left on a plural finding ("questionnaires are ... and suggests"), a name set off by
TeX dashes ("RefEdit -- an ... model"), the authors' "our" in a line about the method, a result
sentence with the method's name after "Our" and an aside, a head refused whole that keeps what
the method is for its result, a preliminary finding ("We first show that"), a study line that
only restates the title, a "combining" list cut after its first item, the means used to show a
claim ("To show this, we construct ..."), and a title gerund as the method's verb ("X: Learning
..." -> "X learns ..., outperforming ...")."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.clauses import how_cuts, owned_by_subject, result_clause
from assistant.summaries.clips import before_relative
from assistant.summaries.compress import compress
from assistant.summaries.findings import finding
from assistant.summaries.heads import Head, is_side
from assistant.summaries.reasons import Code
from assistant.summaries.titles import gerund_line


def codes(line: str, title: str = "T", abstract: str = "") -> set[Code]:
    return {reason.code for reason in check_tldr(line, title, abstract or line)}


def test_checker_refuses_a_line_opening_on_the_resulting_framework() -> None:
    line = (
        "The resulting framework admits an interpretation as the Lagrangian relaxation of a "
        "constrained optimization problem with explicit budget constraints."
    )
    assert Code.POINTER in codes(line)
    # "The resulting model, Momentum DeltaNet (MDN), ...": the apposition names it
    named = "The resulting model, Momentum DeltaNet (MDN), leverages Triton kernels for speed."
    assert Code.POINTER not in codes(named)


def test_a_finding_drops_the_studys_verb_its_plural_subject_cannot_take() -> None:
    sentence = (
        "Overall, our study shows that human psychometric questionnaires are insufficient tools "
        "for predicting LLM behavior and suggests generation-based profiling as a better measure."
    )
    assert finding(sentence) == (
        "Human psychometric questionnaires are insufficient tools for predicting LLM behavior."
    )
    # a singular subject may take the second verb
    kept = "Our study shows that the benchmark is hard and suggests a new direction for agents."
    assert finding(kept) == "The benchmark is hard and suggests a new direction for agents."


RESULT_TITLE = "RefEdit: A Benchmark and Method for Improving Instruction-based Image Editing"
RESULT_ABSTRACT = (
    "Existing approaches struggle when applied to complex scenes containing multiple entities. "
    "To overcome this limitation, we introduce RefEdit -- an instruction-based editing model "
    "trained on our scalable synthetic data generation pipeline. Our RefEdit, trained on only "
    "20,000 editing triplets, outperforms the Flux/SD3 model-based baselines trained on "
    "millions of data."
)


def test_a_name_set_off_by_dashes_is_the_method_and_our_becomes_its() -> None:
    line = compress(RESULT_TITLE, RESULT_ABSTRACT)
    assert line is not None
    assert line.text == (
        "RefEdit is an instruction-based editing model trained on its scalable synthetic data "
        "generation pipeline, outperforming the Flux/SD3 model-based baselines trained on "
        "millions of data."
    )


def test_a_result_sentence_may_open_on_our_name_and_an_aside() -> None:
    sentence = RESULT_ABSTRACT.split(". ")[-1]
    assert result_clause(sentence, "RefEdit") == (
        "outperforming the Flux/SD3 model-based baselines trained on millions of data."
    ).rstrip(".")


def test_our_becomes_its_only_after_a_preposition_in_a_line_about_a_name() -> None:
    assert (
        owned_by_subject("X is a model trained on our data.") == "X is a model trained on its data."
    )
    assert owned_by_subject("EdgeBench and EdgeSet are suites built from our logs.") == (
        "EdgeBench and EdgeSet are suites built from their logs."
    )
    # a line whose subject is no name: "its approach" would point at nothing (round 33)
    unnamed = "Weak states hold signals, showing that agents trained with our approach improve."
    assert owned_by_subject(unnamed) == unnamed
    # "our fastest variant" says whose variant; a line in the authors' voice keeps "our"
    assert owned_by_subject("X is a new model and our fastest variant.") == (
        "X is a new model and our fastest variant."
    )
    assert owned_by_subject("We train X on our data.") == "We train X on our data."


def test_a_head_refused_whole_keeps_what_the_method_is_for_its_result() -> None:
    head = Head(
        "s",
        "GrepSeek is an optimized direct corpus interaction (DCI) search agent that trains a "
        "compact search agent to find, filter, and compose evidence from large text corpora.",
    )
    kept = before_relative(head)
    assert kept is not None
    assert kept.text == "GrepSeek is an optimized direct corpus interaction (DCI) search agent."
    # "X is a novel framework": too little left to carry a result
    assert before_relative(Head("s", "X is a novel framework that learns to plan tasks.")) is None


def test_a_preliminary_finding_is_not_what_the_study_found() -> None:
    first = "We first show that long-document VQA is substantially more effective than OCR."
    assert finding(first) is None
    assert finding("We show that long-document VQA is substantially more effective than OCR.")


def test_checker_refuses_a_study_line_that_only_restates_the_title() -> None:
    title = "Echo-Memory: A Controlled Study of Memory in Action World Models"
    line = (
        "Echo-Memory is a controlled study of memory mechanisms in action-conditioned world models."
    )
    assert Code.TITLE_ECHO in codes(line, title, line)
    told = "Echo-Memory is a controlled study of memory showing that raw context helps recall."
    assert Code.TITLE_ECHO not in codes(told, title, told)


def test_a_how_clause_is_not_cut_after_the_first_item_it_combines() -> None:
    clause = (
        "combining adaptive context management, denoising cache acceleration, and "
        "hardware-software co-designed 3D block sparse attention with fused Triton kernels"
    )
    assert "combining adaptive context management" not in how_cuts(clause)
    # a participle series may still end after its first clause
    series = "using a shared encoder, enabling fast decoding, and reducing memory"
    assert "using a shared encoder" in how_cuts(series)


def test_the_means_used_to_show_a_claim_is_a_side_sentence() -> None:
    assert is_side("To show this, we construct a new text embedding that encodes word order.")
    assert not is_side("We construct a new text embedding that encodes word order.")


GERUND_TITLE = (
    "LongTraceRL: Learning Long-Context Reasoning from Search Agent Trajectories with "
    "Rubric Rewards"
)
GERUND_ABSTRACT = (
    "Long-context reasoning remains a central challenge for large language models. To address "
    "these issues, we introduce LongTraceRL. For reward design, we propose a rubric reward that "
    "uses the gold entities along each reasoning chain as fine-grained process supervision. "
    "Experiments on three reasoning LLMs demonstrate that LongTraceRL consistently outperforms "
    "strong baselines and encourages comprehensive, evidence-grounded reasoning."
)


def test_a_title_gerund_is_the_methods_verb_joined_to_its_result() -> None:
    assert gerund_line(GERUND_TITLE, GERUND_ABSTRACT, "LongTraceRL") == (
        "LongTraceRL learns long-context reasoning from search agent trajectories with rubric "
        "rewards."
    )
    line = compress(GERUND_TITLE, GERUND_ABSTRACT)
    assert line is not None
    assert line.text.startswith("LongTraceRL learns long-context reasoning")
    assert "encouraging comprehensive, evidence-grounded reasoning" in line.text
    # a study's gerund says what the authors do, and only a benchmark "benchmarks"
    assert gerund_line("X: Rethinking Attention for Long Videos", "We propose X.", "X") is None
    assert gerund_line("X: Benchmarking Spatial Edits", "We train X, a model.", "X") is None
    assert gerund_line("X: Benchmarking Spatial Edits", "We build X, a benchmark.", "X")


def test_a_gloss_or_next_step_is_cut_for_a_result_to_join() -> None:
    from assistant.summaries.clips import shorter

    head = Head(
        "s",
        "Function2Scene is a framework for generating 3D indoor layouts from functional "
        "specifications, i.e., natural-language design briefs describing who uses a room.",
    )
    assert [c.text for c in shorter(head)] == [
        "Function2Scene is a framework for generating 3D indoor layouts from functional "
        "specifications."
    ]


def test_a_second_verb_before_only_joins_the_how_clause() -> None:
    from assistant.summaries.clauses import how_clause

    sentence = (
        "Echo-Memory fixes the action-to-video interface and varies only how history is stored."
    )
    assert how_clause(sentence, ("Echo-Memory",)) == (
        "fixing the action-to-video interface and varying only how history is stored"
    )
