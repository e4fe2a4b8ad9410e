"""The result clause of a TL;DR line (assistant.summaries.clauses.result_clause and
evidence_clause): results in the past tense, after "show" without "that", with the method in an
apposition, and what the paper's experiments show when they name no method. Cases are cut from
tuning papers whose built line had no result (issue #14)."""

from __future__ import annotations

import pytest

from assistant.summaries.clauses import (
    evidence_clause,
    evidence_of,
    result_clause,
    result_cuts,
    we_result_clause,
)
from assistant.summaries.compress import compress, title_line


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (  # past tense after "show that"
            "Experimental results showed that M-Solomon outperformed the baseline that always "
            "used augmentation.",
            "M-Solomon",
            "outperforming the baseline that always used augmentation",
        ),
        (  # "show" without "that"
            "Extensive evaluations show CoDA achieves substantial gains in the overall score.",
            "CoDA",
            "achieving substantial gains in the overall score",
        ),
        (  # the name in an apposition to "our model"
            "Our model, OmniVinci, outperforms Qwen2.5-Omni with +19.05 on DailyOmni.",
            "OmniVinci",
            "outperforming Qwen2.5-Omni with +19.05 on DailyOmni",
        ),
        (  # a size before the name, a size after it
            "Results on 12 diverse tasks show that the 8B-parameter FaithLens outperforms "
            "advanced models such as GPT-4.1 and o3.",
            "FaithLens",
            "outperforming advanced models such as GPT-4.1 and o3",
        ),
        (
            "Experimental results show that Step-DeepResearch (32B) scores 61.4% on Scale AI "
            "Research Rubrics.",
            "Step-DeepResearch",
            "scoring 61.4% on Scale AI Research Rubrics",
        ),
        (  # a verb of showing before a word that makes it a result
            "Across benchmarks, NaTex demonstrates strong performance in texture coherence.",
            "NaTex",
            "demonstrating strong performance in texture coherence",
        ),
        (  # ... and not before a clause
            "Our analysis shows that NaTex shows that textures matter.",
            "NaTex",
            None,
        ),
        (  # a later clause that dangles ("respectively") is cut off, not the whole result
            "Our results demonstrate that VideoDeepResearch achieves substantial improvements "
            "over existing MLLM baselines, surpassing the previous state-of-the-art by 9.6%, "
            "6.6%, and 3.9% on MLVU, LVBench, and LongVideoBench, respectively.",
            "VideoDeepResearch",
            "achieving substantial improvements over existing MLLM baselines",
        ),
    ],
)
def test_a_result_of_the_method(sentence: str, name: str, expected: str | None) -> None:
    assert result_clause(sentence, name) == expected


def test_a_result_names_the_method_by_an_alias() -> None:
    sentence = "Ablations show that GoS consistently outperforms simple vector retrieval."
    assert result_clause(sentence, "Graph of Skills") is None
    assert result_clause(sentence, "Graph of Skills", ("GoS",)) == (
        "outperforming simple vector retrieval"
    )


def test_a_past_participle_after_and_stays_a_noun_phrase() -> None:
    sentence = "DnR improves accuracy and reduced hallucination rates on VQA."
    assert (
        result_clause(sentence, "DnR")
        == "improving accuracy and reduced hallucination rates on VQA"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Experiments across VQA and captioning benchmarks show consistent accuracy gains "
            "and reduced hallucination, demonstrating that measuring visual utilization helps.",
            "showing consistent accuracy gains and reduced hallucination",
        ),
        (  # a second verb follows "showing" too
            "The results demonstrate superior instruction-following ability and establish a "
            "new state-of-the-art in instruction-based video editing.",
            "demonstrating superior instruction-following ability and establishing a new "
            "state-of-the-art in instruction-based video editing",
        ),
        (  # a finding keeps its own verbs
            "Our results reveal that CoT reasoning is a brittle mirage and fails beyond "
            "training distributions.",
            "revealing that CoT reasoning is a brittle mirage and fails beyond training "
            "distributions",
        ),
        (  # a study or analysis of the paper's own benchmark says what it found too
            "Our study reveals that closed-source models currently lead overall, while spatial "
            "reasoning remains weak.",
            "revealing that closed-source models currently lead overall",
        ),
        (
            "The analysis of Pass@k curves indicates that RL-PLUS resolves the capability "
            "boundary collapse problem.",
            "indicating that RL-PLUS resolves the capability boundary collapse problem",
        ),
        ("Extensive experiments demonstrate the effectiveness of ScaleCap.", None),
        ("Experiments demonstrate EvoC2Rust's superior performance in translation.", None),
        ("Our experiments confirm our hypothesis across all model sizes.", None),
        (  # the list after the colon is the finding
            "The evaluation results reveal a clear structure: L1 skills are orthogonal.",
            None,
        ),
        (  # "their": whose? the sentence names no one
            "Our experiments reveal a consistent gap between their plausibility and accuracy.",
            None,
        ),
    ],
)
def test_what_the_experiments_show(sentence: str, expected: str | None) -> None:
    assert evidence_clause(sentence) == expected


ORT = (
    "Large language model unlearning aims to remove unwanted knowledge. We propose ORT, a "
    "novel benchmark designed to evaluate the robustness of unlearning methods against "
    "variations in knowledge expression. Results reveal that Form-Dependent Bias is both "
    "widespread and severe among current techniques."
)


def test_what_the_experiments_show_joins_the_line() -> None:
    line = compress("Robust unlearning across knowledge forms", ORT)
    assert line is not None
    assert line.text.endswith(
        ", revealing that Form-Dependent Bias is both widespread and "
        "severe among current techniques."
    )


TPG = (
    "Classifier-free guidance needs training. We propose Token Perturbation Guidance (TPG), a "
    "novel method that applies perturbation matrices directly to intermediate token "
    "representations within the diffusion network. Extensive experiments on SDXL show that "
    "TPG achieves nearly a 2x improvement in FID for unconditional generation over the SDXL "
    "baseline."
)


def test_the_head_line_names_the_method_when_the_title_does_not() -> None:
    line = compress("Training-free guidance for diffusion models", TPG)
    assert line is not None
    assert line.text.startswith("Token Perturbation Guidance (TPG) is a novel method")
    assert line.text.endswith(
        ", achieving nearly a 2x improvement in FID for unconditional "
        "generation over the SDXL baseline."
    )


def test_a_title_opening_on_a_verb_is_not_what_the_method_provides() -> None:
    title = "InternVideo3: Agentify Foundation Models with Multimodal Contextual Reasoning"
    assert title_line(title, "InternVideo3 is a model.", "InternVideo3") is None


def test_a_result_cut_before_its_later_clauses() -> None:
    clause = (
        "achieving 41.5% on WebArena, surpassing closed-source models such as GPT-4o (31.5%) "
        "while using fewer parameters"
    )
    assert result_cuts(clause) == [
        "achieving 41.5% on WebArena, surpassing closed-source models such as GPT-4o (31.5%)",
        "achieving 41.5% on WebArena",
    ]
    assert result_cuts("achieving gains over, surpassing baselines") == []  # "over" is open


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a list of finite verbs: the first result only
            "EvoSearch consistently outperforms existing approaches, achieves higher diversity, "
            "and shows strong generalization.",
            "outperforming existing approaches",
        ),
        (  # an item of a list the clause leaves out
            "RL-PLUS achieves 1) state-of-the-art performance on six benchmarks; 2) gains.",
            None,
        ),
    ],
)
def test_a_result_that_lists(sentence: str, expected: str | None) -> None:
    assert result_clause(sentence, sentence.split()[0]) == expected


AGENTS = (
    "Web agents need data. We propose A2A, a framework that structures synthetic trajectory "
    "generation for web agents by analogy to human annotation roles and replaces the designer "
    "with modular LLM components. A2A achieves 41.5% on WebArena, surpassing closed-source "
    "models such as Claude 3.5 Sonnet (36.0%) and GPT-4o (31.5%) under the same evaluation "
    "protocol, and nearly doubling the previous best open-weight result."
)


def test_a_line_too_long_for_the_whole_result_takes_its_first_clause() -> None:
    line = compress("A2A: Agents as Annotators", AGENTS)
    assert line is not None
    assert line.text.endswith(", achieving 41.5% on WebArena.")


NEMOTRON = (
    "We introduce N2, a hybrid language model designed to increase throughput for reasoning "
    "workloads while achieving state-of-the-art accuracy compared to similarly-sized models. "
    "N2 achieves on-par or better accuracy on reasoning benchmarks."
)


def test_a_result_never_repeats_the_head_s_verb() -> None:
    line = compress("N2: A Hybrid Language Model", NEMOTRON)
    assert line is not None
    assert "achieving on-par" not in line.text


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (  # a number with a comma in the leading phrase
            "Trained on a newly curated dataset of 160,000 rigged sequences, AnimaX achieves "
            "state-of-the-art results on VBench.",
            "AnimaX",
            "achieving state-of-the-art results on VBench",
        ),
        (  # a parenthesis with commas in the leading phrase
            "Across seven benchmarks spanning visual reasoning (maze navigation, counting, and "
            "drawing), SketchVLM improves task accuracy by up to +28.5 points.",
            "SketchVLM",
            "improving task accuracy by up to +28.5 points",
        ),
        (  # "on" that does not limit the result
            "On multiple benchmarks, DyPE consistently improves fidelity at high resolutions.",
            "DyPE",
            "improving fidelity at high resolutions",
        ),
        (
            "On average, it achieves 17.24% improvements in syntax accuracy.",
            "EvoC2Rust",
            "achieving 17.24% improvements in syntax accuracy",
        ),
        (  # the method's models
            "Falcon-H1 models demonstrate state-of-the-art performance and training efficiency.",
            "Falcon-H1",
            "demonstrating state-of-the-art performance and training efficiency",
        ),
        (  # "And in ...": a phrase that limits the result, after "And"
            "And in RL-ready but costly settings, it matches GRPO and PPO performance.",
            "DreamGym",
            None,
        ),
    ],
)
def test_a_leading_phrase_the_result_holds_without(
    sentence: str, name: str, expected: str | None
) -> None:
    assert result_clause(sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # what the authors did, then what it achieved
            "We apply RL training with VerIF to two models, achieving significant improvements "
            "across several representative instruction-following benchmarks.",
            "achieving significant improvements across several representative "
            "instruction-following benchmarks",
        ),
        (  # after a connective and "then"
            "Finally, we then exploit parallel test-time scaling, improving accuracy at minor "
            "latency increase.",
            "improving accuracy at minor latency increase",
        ),
        (  # what they found is not what their method achieved
            "We find that larger models memorise more, reducing their robustness to paraphrase.",
            None,
        ),
        (  # "enabling" says what a step does, not a result
            "We fine-tune specialized cracking agents for each CAPTCHA category, enabling "
            "consistent, cross-modal assessments.",
            None,
        ),
        (  # the subject is not "we"
            "Prior work fine-tunes a larger model, achieving 40% on the benchmark.",
            None,
        ),
    ],
)
def test_a_result_of_what_the_authors_did(sentence: str, expected: str | None) -> None:
    assert we_result_clause(sentence) == expected


VERIF = (
    "Reinforcement learning needs verification. We propose VerIF, a verification method that "
    "combines rule-based code verification with LLM-based verification from a large reasoning "
    "model. We apply RL training with VerIF to two models, achieving significant improvements "
    "across several representative instruction-following benchmarks."
)


def test_a_result_of_what_the_authors_did_joins_the_line() -> None:
    line = compress("VerIF: Verification Engineering for Reinforcement Learning", VERIF)
    assert line is not None
    assert line.text == (  # not "..., applying RL training with VerIF to two models, ..."
        "VerIF is a verification method for reinforcement learning that combines rule-based "
        "code verification with LLM-based verification from a large reasoning model, achieving "
        "significant improvements across several representative instruction-following "
        "benchmarks."
    )


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (  # a phrase that limits the result stays with it
            "On the 32B scale, A^2FM achieves 13.4% on BrowseComp and 70.4% on AIME25.",
            "A^2FM",
            "achieving 13.4% on BrowseComp and 70.4% on AIME25 on the 32B scale",
        ),
        (
            "On non-RL-ready tasks like WebArena, DreamGym outperforms all baselines by over 30%.",
            "DreamGym",
            "outperforming all baselines by over 30% on non-RL-ready tasks like WebArena",
        ),
        (  # a discourse marker is no limit, and not the result's
            "In contrast, AnimaX outperforms all baselines by 3 points.",
            "AnimaX",
            None,
        ),
        (  # a phrase pointing back
            "With these designs, NaTex outperforms previous methods in texture coherence.",
            "NaTex",
            None,
        ),
        (  # "it" after a limiting phrase: whose result is not sure
            "On WebArena, it outperforms all baselines by over 30%.",
            "DreamGym",
            None,
        ),
    ],
)
def test_a_leading_phrase_that_limits_the_result_stays_with_it(
    sentence: str, name: str, expected: str | None
) -> None:
    assert result_clause(sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (  # an adverb of the authors' feeling, then a concession the result holds without
            "Remarkably, despite operating entirely without pre-loaded metadata, our framework "
            "consistently matches or surpasses strong baselines that rely on schema prefilling.",
            "TRUST-SQL",
            "matching or surpassing strong baselines that rely on schema prefilling",
        ),
        (  # "Specially" for "Specifically"
            "Specially, compared to vanilla models, Repair-R1 improves repair success rate by "
            "2.68% to 48.29%.",
            "Repair-R1",
            "improving repair success rate by 2.68% to 48.29%",
        ),
    ],
)
def test_a_result_after_an_adverb_and_a_leading_phrase(
    sentence: str, name: str, expected: str | None
) -> None:
    assert result_clause(sentence, name) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # "We find that" and the method's own loss
            "We find that our loss enables training with extremely small batch sizes without "
            "compromising sample quality.",
            "enabling training with extremely small batch sizes without compromising sample "
            "quality",
        ),
        (
            "We demonstrate that our orthogonal update strategy improves generalization accuracy "
            "across diverse architectures.",
            "improving generalization accuracy across diverse architectures",
        ),
        (  # "this strategy" may be another's
            "This strategy improves generalization accuracy across diverse architectures.",
            None,
        ),
    ],
)
def test_a_result_of_the_method_s_own_part(sentence: str, expected: str | None) -> None:
    assert result_clause(sentence, "AYT") == expected


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        (  # "validate that" shows a result as "show that" does
            "Extensive experiments validate that VeriThinker substantially reduces reasoning "
            "chain lengths while maintaining accuracy.",
            "VeriThinker",
            "reducing reasoning chain lengths while maintaining accuracy",
        ),
        (  # a leading phrase that lists benchmarks
            "Across PrivacyLens+, ConFaide+, and AgentHarm, LiSA consistently outperforms strong "
            "memory-based baselines under sparse feedback.",
            "LiSA",
            "outperforming strong memory-based baselines under sparse feedback",
        ),
        (  # ... kept after the result when it limits it
            "On MMLU, HLE, and CSQA, B-score improves the verification accuracy of LLM answers.",
            "B-score",
            "improving the verification accuracy of LLM answers on MMLU, HLE, and CSQA",
        ),
        (  # a lead whose commas are not a list of short items is no lead
            "On the hardest split, which we built by hand over two months, LiSA outperforms "
            "strong baselines.",
            "LiSA",
            None,
        ),
        (  # values paired "respectively" are cut off, the first result stays
            "On the introduced CountBench, NUMINA improves counting accuracy by up to 7.4% on "
            "Wan2.1-1.3B, and by 4.9% and 5.5% on 5B and 14B models, respectively.",
            "NUMINA",
            "improving counting accuracy by up to 7.4% on Wan2.1-1.3B on the introduced CountBench",
        ),
        (
            "Experiments demonstrate that SkillOrchestra outperforms SoTA RL-based orchestrators "
            "by up to 22.5% with 700x and 300x learning cost reduction compared to Router-R1 "
            "and ToolOrchestra, respectively.",
            "SkillOrchestra",
            "outperforming SoTA RL-based orchestrators by up to 22.5%",
        ),
        (  # no cut can part values from the names they pair with: no result
            "Experiments demonstrate that TRUST-SQL achieves an average absolute improvement of "
            "30.6% and 16.6% for the 4B and 8B variants respectively over their base models.",
            "TRUST-SQL",
            None,
        ),
        (  # pairs inside brackets go with the brackets
            "In our evaluations, Cosmos Policy achieves state-of-the-art performance on the "
            "LIBERO and RoboCasa benchmarks (98.5% and 67.1% average success rates, "
            "respectively).",
            "Cosmos Policy",
            "achieving state-of-the-art performance on the LIBERO and RoboCasa benchmarks in "
            "our evaluations",
        ),
    ],
)
def test_more_results_of_the_method(sentence: str, name: str, expected: str | None) -> None:
    assert result_clause(sentence, name) == expected


def test_a_result_is_cut_before_a_clause_with_its_own_subject() -> None:
    clause = (
        "achieving state-of-the-art results on ImageNet reconstruction, reaching 0.75 FID with "
        "fewer training epochs, and the AR model attains performance comparable to leading "
        "approaches"
    )
    assert result_cuts(clause)[0] == (
        "achieving state-of-the-art results on ImageNet reconstruction, reaching 0.75 FID with "
        "fewer training epochs"
    )


@pytest.mark.parametrize(
    ("clause", "name", "expected"),
    [
        (  # what the experiments show the method does, said of it
            "showing that FlowLet generates high-fidelity volumes with few sampling steps",
            "FlowLet",
            "generating high-fidelity volumes with few sampling steps",
        ),
        (
            "revealing that Seedream 4.0 can achieve state-of-the-art results on T2I",
            "Seedream 4.0",
            "achieving state-of-the-art results on T2I",
        ),
        (  # without "that"
            "showing SurveyBench effectively challenges existing approaches",
            "SurveyBench",
            "challenging existing approaches",
        ),
        (  # two verbs
            "demonstrating that VQQA effectively isolates and resolves visual artifacts",
            "VQQA",
            "isolating and resolving visual artifacts",
        ),
        (  # "is", "can be": no -ing form that reads well
            "demonstrating that DreamStyle is competent in all three tasks",
            "DreamStyle",
            "demonstrating that DreamStyle is competent in all three tasks",
        ),
        (
            "demonstrating that VeriThinker can also be zero-shot generalized to reasoning",
            "VeriThinker",
            "demonstrating that VeriThinker can also be zero-shot generalized to reasoning",
        ),
        (  # a later verb of a series might stay finite: as it is
            "showing that FR3E promotes more stable training, produces longer responses",
            "FR3E",
            "showing that FR3E promotes more stable training, produces longer responses",
        ),
        (  # another subject: as it is
            "showing that larger models generate longer answers",
            "FlowLet",
            "showing that larger models generate longer answers",
        ),
    ],
)
def test_what_experiments_show_the_method_does(clause: str, name: str, expected: str) -> None:
    assert evidence_of(clause, (name,), clause) == expected
