"""given.number_not_given: does the paper that answers give the number a question asks for?"""

from __future__ import annotations

import pytest

from assistant.pipeline.evidence import counted_noun, need_of
from assistant.pipeline.given import number_not_given

FLASH = [
    "FlashWorld: High-quality 3D scene generation within seconds",
    "We propose FlashWorld, a generative model that produces 3D scenes from a single image "
    "in seconds, 10~100times faster than previous works.",
]


def test_a_counted_noun_the_abstract_never_counts_is_not_given() -> None:
    q = "How many parameters does the FlashWorld model have?"
    assert number_not_given(q, FLASH) == "the number of parameters"


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many parameters does TiM have?", "TiM, with only 865M parameters, beats SD3.5."),
        ("How many parameters does X have?", "Our 7B model X beats larger ones."),
        (
            "On how many benchmark datasets was U-CoT+ validated?",
            "It is validated on seven benchmark datasets.",
        ),
        ("How many QA pairs does Bee comprise?", "Bee holds 15 million high-quality QA pairs."),
        ("How many stages does the curriculum have?", "We train with a three-stage curriculum."),
        (
            "How many questions does it contain?",
            "It holds 1,012 high-quality Chinese and English questions.",
        ),
    ],
)
def test_a_quantity_just_before_the_counted_noun_gives_it(question: str, sentence: str) -> None:
    assert number_not_given(question, ["T", sentence]) is None


def test_a_number_elsewhere_does_not_count_the_noun() -> None:
    q = "How many GPUs were used to train TideGS?"
    assert (
        number_not_given(q, ["T", "TideGS trains one billion Gaussians on a single 24 GB GPU."])
        is None
    )
    q = "How many GPUs were used to train Y?"
    assert number_not_given(q, ["T", "Y trains on GPUs and renders 12 times faster."]) == (
        "the number of gpus"
    )


def test_other_number_questions_need_some_new_quantity() -> None:
    q = "What accuracy does the verifier reach on Hard2Verify?"
    assert (
        number_not_given(q, ["T", "Open-source verifiers lag closed models."])
        == "the accuracy on Hard2Verify"
    )
    title = "Hard2Verify: A Step-Level Verification Benchmark"
    assert number_not_given(q, [title, "The best verifier reaches 37.3% accuracy."]) is None


def test_questions_asking_no_number_are_left_alone() -> None:
    assert number_not_given("What is the method called?", ["T", "No numbers here."]) is None
    assert counted_noun("How many times fewer steps does it need?") is None


JET = [
    "Jet-RL: Enabling On-Policy FP8 Reinforcement Learning",
    "Our method achieves up to 33% speedup in the rollout phase and a 16% end-to-end speedup, "
    "with negligible accuracy degradation.",
]


def test_a_benchmark_the_numbered_sentences_never_name_is_not_given() -> None:
    q = "What accuracy does Jet-RL reach on AIME?"
    assert number_not_given(q, JET) == "the accuracy on AIME"
    assert number_not_given(q, [*JET, "Jet-RL reaches 41.2% accuracy on AIME."]) is None


def test_the_benchmark_and_the_number_must_share_a_sentence() -> None:
    q = "What accuracy does Jet-RL reach on AIME?"
    apart = [*JET, "We also evaluate on AIME and MATH."]
    assert number_not_given(q, apart) == "the accuracy on AIME"


def test_a_named_measure_must_stand_with_the_number() -> None:
    q = "What resolve rate does SWE-Pruner reach on SWE-Bench Verified?"
    other = ["T", "It achieves 23-54% token reduction on agent tasks like SWE-Bench Verified."]
    assert number_not_given(q, other) == "the resolve rate on SWE-Bench"
    given = ["T", "It resolves 61.2% of the issues of SWE-Bench Verified."]
    assert number_not_given(q, given) is None


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # "score" and "improvement" name no measure: any number with the benchmark answers.
        (
            "What score does Qwen2.5-7B reach on TerminalBench 2.0?",
            "on TerminalBench 2.0, Qwen2.5-7B improves from 2.2% to 3.4%.",
        ),
        ("What improvement does UniVG-R1 achieve on MIG-Bench?", "It gains 9.1% on MIG-Bench."),
        # A benchmark may be spaced another way.
        (
            "What pass@1 does AutoCoder report on HumanEval?",
            "AutoCoder beats GPT-4o in pass@1 on the Human Eval benchmark (90.9%).",
        ),
        # ... or without its version or size.
        (
            "What accuracy does X reach on ImageNet-1K?",
            "X reaches 81.2% top-1 accuracy on ImageNet.",
        ),
        # A measure in units may be given by its unit alone.
        (
            "Up to what resolution and frame rate can X generate videos?",
            "X makes videos at up to 1080p and 48 fps.",
        ),
        # A speed may be given as a speedup.
        ("How much faster is X than Y?", "X gives a 2.3x speedup over Y."),
        # The benchmark the paper itself is named for need not be repeated.
        (
            "What success rate do frontier models reach on VisGym?",
            "Frontier models reach low success rates (26.0%).",
        ),
        # One part of a two-part question that is given is enough.
        (
            "What accuracy does X reach on GSM8K, and by how much does it cut tokens?",
            "X uses 40% fewer tokens.",
        ),
    ],
)
def test_a_sentence_holding_the_slot_gives_the_number(question: str, sentence: str) -> None:
    assert number_not_given(question, ["VisGym: a gym", sentence]) is None


def test_a_speed_is_not_given_by_a_gain() -> None:
    q = "How much faster is the diffusion embedding model than the LLM-based one?"
    gain = ["T", "It outperforms the LLM-based embedding model by 20% on long-document retrieval."]
    assert number_not_given(q, gain) == "the speed-up"  # "the number asked for" before s28


@pytest.mark.parametrize(
    ("question", "what"),
    [
        ("What accuracy does Jet-RL reach on AIME?", "the accuracy on AIME"),
        ("What VBench score does Jet-RL achieve?", "the VBench score"),
        ("By how much does Jet-RL raise accuracy on AIME?", "the number asked for"),
    ],
)
def test_what_is_not_given_is_said_in_the_asks_words(question: str, what: str) -> None:
    assert number_not_given(question, JET) == what


def test_a_short_base_is_not_the_benchmark() -> None:
    q = "What accuracy does X reach on GSM8K?"
    assert number_not_given(q, ["T", "X reaches 61.0% accuracy on GSM-Hard."]) == (
        "the accuracy on GSM8K"
    )


def test_a_hyphenated_count_counts_the_noun_after_it() -> None:
    q = "How many systems-level programming tasks does the benchmark comprise?"
    text = [
        "SpecBench",
        "We introduce SpecBench, a benchmark of 30 systems-level programming tasks.",
    ]
    assert number_not_given(q, text) is None


def test_the_papers_own_setting_need_not_be_named_again() -> None:
    q = "What median speedup does the temporal cache achieve on AssetOpsBench?"
    text = [
        "Temporal Semantic Caching",
        "We evaluate this problem on AssetOpsBench.",
        "The temporal cache achieved a median of 30.6x speedup on cache hits.",
    ]
    assert number_not_given(q, text) is None
    elsewhere = [*text[:2], "The cache reaches a 30.6x speedup on MATH."]
    assert number_not_given(q, elsewhere) == "the median speedup on AssetOpsBench"


def test_an_irregular_plural_is_counted_not_the_verb_after_it() -> None:
    # "criteria" does not end in "s": the noun was "does", and the answer said the abstract
    # "does not give the number of does" though it gives 459 criteria.
    q = "How many expert-annotated criteria does the benchmark contain?"
    assert counted_noun(q) == "criteria"
    sentences = ["B: a benchmark", "It has 459 unique expert-annotated criteria."]
    assert number_not_given(q, sentences) is None
    assert counted_noun("How many parameters does X have?") == "parameters"
    assert counted_noun("How many tokens long is the trigger?") == "tokens"


@pytest.mark.parametrize(
    "sentence",
    [
        "We ran over 100 controlled experiments consuming 500,000 GPU-hours.",
        "The sweep used 500K GPU hours in all.",
    ],
)
def test_a_hyphenated_counted_noun_is_found_written_either_way(sentence: str) -> None:
    # "GPU-hours" was never found, so an abstract giving 500,000 of them was said not to.
    q = "How many GPU-hours do its controlled experiments consume?"
    assert counted_noun(q) == "GPU-hours"
    assert number_not_given(q, ["T", sentence]) is None
    assert number_not_given(q, ["T", "Each run takes 500 hours of video."]) == (
        "the number of gpu-hours"
    )
    assert (
        number_not_given("How many GPU days does training take?", ["T", "It takes 64 GPU days."])
        is None
    )


def test_a_measure_at_a_cutoff_is_the_measure_asked_for() -> None:
    # "pass@1" names its measure: a sentence comparing on the benchmark without it, and a model
    # size ("up to 7B parameters"), give no pass@1.
    q = "What pass@1 does CoDA-1.7B-Instruct reach on HumanEval?"
    coda = [
        "CoDA: Coding LM via Diffusion Adaptation",
        "On Humaneval, MBPP, and EvalPlus, CoDA-1.7B-Instruct matches or surpasses diffusion "
        "models up to 7B parameters.",
    ]
    assert number_not_given(q, coda) == "the pass@1 on HumanEval"
    assert (
        number_not_given(q, [*coda, "CoDA-1.7B-Instruct reaches 54.3 pass@1 on HumanEval."]) is None
    )


def test_a_measure_of_several_words_before_the_verb_is_asked_for() -> None:
    # "What <several words> rate does X reach?" asks a number as surely as "What rate".
    q = "What episode completion rate does the shell-only agent reach on the office workflows?"
    words = ["T", "We argue a shell and a file system suffice for most office workflows."]
    assert number_not_given(q, words) == "the episode completion rate"
    given = [*words, "The shell-only agent completes 71.5% of the office workflows."]
    assert number_not_given(q, given) is None


def test_how_accurate_asks_for_a_number() -> None:
    q = "On the Kaleido puzzles, how accurate are the planners that Foo evaluates?"
    assert number_not_given(q, ["T", "Foo evaluates planners on Kaleido puzzles."]) is not None
    text = ["T", "Planners stay under 12 percent accuracy on the Kaleido puzzles."]
    assert number_not_given(q, text) is None


def test_a_bare_percentage_beside_the_benchmark_gives_a_rate_or_accuracy() -> None:
    q = "What solve rate does the desk agent reach on DeskBench-Hard?"
    bare = ["T", "On desktop tasks, it scores 61.2% on DeskBench-Hard and 40% on DeskBench."]
    assert number_not_given(q, bare) is None
    # A percentage naming its own measure, or a change, is no rate.
    for said in (
        "It runs 35% faster on DeskBench-Hard.",
        "It improves by 7% on DeskBench-Hard.",
        "It gives a +7% gain on DeskBench-Hard.",
    ):
        assert number_not_given(q, ["T", said]) == "the solve rate on DeskBench-Hard", said


def test_a_measure_named_as_a_change_gives_no_level() -> None:
    q = "What accuracy does the Blend framework reach on LogicSet?"
    gain = ["T", "On LogicSet, Blend brings up to +9.1pp average accuracy gain."]
    assert number_not_given(q, gain) == "the accuracy on LogicSet"
    asked_gain = "What accuracy gain does the Blend framework bring on LogicSet?"
    assert number_not_given(asked_gain, gain) is None
    level = ["T", "On LogicSet, Blend reaches 81.0% accuracy, an accuracy gain of 9.1pp."]
    assert number_not_given(q, level) is None


NEX = [
    "Nex-N1: Agentic Models Trained via a Unified Ecosystem",
    "Our method addresses three orthogonal dimensions: (1) Complexity: NexAU, a flexible agent "
    "framework; (2) Diversity: NexA4A generates agent hierarchies.",
    "Empirical results on benchmarks such as SWE-bench and tau2 demonstrate that Nex-N1 "
    "consistently outperforms SOTA open-source models.",
]


def test_list_markers_and_counted_parts_are_no_score() -> None:
    # q-1648: the abstract names SWE-bench but gives no score; "(1)", "(2)" and "three
    # dimensions" measure nothing
    assert number_not_given("What score does Nex-N1 achieve on SWE-bench?", NEX) is not None
    scored = [*NEX, "On SWE-bench Verified, Nex-N1 resolves 68.2% of the issues."]
    assert number_not_given("What score does Nex-N1 achieve on SWE-bench?", scored) is None


MARS = [
    "MARS: Modular Agent with Reflective Search for Automated AI Research",
    "MARS relies on three pillars: (1) budget-aware planning; (2) modular construction.",
    "MARS achieves state-of-the-art performance among open-source frameworks on MLE-Bench.",
    "Furthermore, 63% of all utilized lessons originate from cross-branch transfer.",
]


def test_a_share_of_things_and_a_count_of_parts_are_no_score() -> None:
    # q-720: a proportion the paper observes elsewhere is not its MLE-Bench score
    q = "What score does MARS reach on MLE-Bench?"
    assert number_not_given(q, MARS) == "the score on MLE-Bench"
    scored = [*MARS, "On MLE-Bench, MARS earns a medal in 43% of the competitions."]
    assert number_not_given(q, scored) is None


IA_T2I = [
    "IA-T2I: Internet-Augmented Text-to-Image Generation",
    "We collect a dataset named Img-Ref-T2I, where prompts include three types of knowledge.",
    "We craft a prompt to guide GPT-4o in making preference evaluation.",
    "Our framework outperforms GPT-4o by about 30% in human preference.",
]


def test_the_size_of_a_named_dataset_stands_beside_its_name() -> None:
    # q-238: three types of knowledge, GPT-4o's digit and a gain elsewhere give no size
    q = "How large is the Img-Ref-T2I dataset?"
    assert number_not_given(q, IA_T2I) == "the size of the Img-Ref-T2I dataset"
    sized = [*IA_T2I[:2], "Img-Ref-T2I holds 1,200 prompts with reference images."]
    assert number_not_given(q, sized) is None


def test_a_counted_phrase_abbreviated_in_the_abstract_is_counted() -> None:
    # q-1712, q-1733: "932,791 Agentic-PRs" counts pull requests, "2.162 bpb" bits per byte
    prs = ["AIDev: Agents on GitHub", "AIDev aggregates 932,791 Agentic-PRs by five agents."]
    q = "How many pull requests does AIDev aggregate?"
    assert number_not_given(q, prs) is None
    bpb = ["StateSMix: Compression", "It reaches 2.162 bpb on 10 MB of enwik8."]
    assert number_not_given("How many bits per byte does StateSMix reach on enwik8?", bpb) is None
    # a one-word noun has no telling initials: "5 B" is no count of bits
    assert number_not_given("How many bits does it use?", ["T", "It uses 5 B of memory."])


def test_a_count_of_tasks_superscripts_and_item_markers_give_no_score() -> None:
    # q-2119, q-2141 (issue 13): unanswerable score asks were answered.
    sentences = [
        "UME-R1: Reasoning Embeddings",
        "This work reveals four key insights: 1) generative embeddings help; 2) they scale.",
        "Evaluated on the MMEB-V2 benchmark across 78 tasks, UME-R1 outperforms baselines.",
    ]
    assert number_not_given("What overall score does UME-R1 achieve on MMEB-V2?", sentences)
    sentences = ["EnvACE: World Rehearsal", "Across BFCL-v4 and tau^2-Bench, EnvACE performs well."]
    assert number_not_given("What score does EnvACE achieve on BFCL-v4?", sentences)
    # A size ask is answered by the count.
    sized = ["X-Bench", "X-Bench spans 78 tasks across three domains."]
    assert number_not_given("How large is X-Bench?", sized) is None


def test_latency_and_correlation_asks_want_a_number_and_sizes_of_names_are_no_score() -> None:
    # q-2240, q-2311, q-2320, q-2341 (issue 13).
    assert need_of("The voice assistant has what latency to first token generation?")
    assert need_of("What Pearson correlation with GPT-4o judgments does LLaVA-Critic reach?")
    assert "number" in need_of("Which reward model is best, and what is that score?")
    sentences = [
        "Skywork-Reward",
        "We release Skywork-Reward-Llama-3.1-8B, which tops RewardBench.",
    ]
    assert number_not_given(
        "What score does Skywork-Reward-Gemma-27B reach on RewardBench?", sentences
    )
    sentences = ["FrugalNeRF", "FrugalNeRF outperforms 3D few-shot baselines and trains faster."]
    assert number_not_given("How many times faster does FrugalNeRF train than FreeNeRF?", sentences)


def test_a_size_in_the_papers_symbols_is_a_number_it_can_hold() -> None:
    # q-2227: "what is the size of the finite state space ...?" is answered by "O(T^K)". It was
    # no number ask until session 24, when "what is the <measure>" became one (q-3508) and an
    # order of growth a quantity (tests/test_evidence.py).
    assert need_of("What is the size of the finite state space of the chains?") == {"number"}
    assert need_of("What kind of correlation does it use for this?") == frozenset()
    assert "number" not in need_of("What is the latency-optimized GPU library called?")


def test_a_size_in_billions_gives_no_speedup() -> None:
    # q-2620: "with 7B and 13B parameters" is no speedup; "2.1x" would be.
    question = "What exact inference speedup does HD achieve on Spec-Bench with the 13B model?"
    sentence = (
        "Our experiments on Spec-Bench using LLMs with 7B and 13B parameters demonstrate that HD "
        "achieves robust inference speedups."
    )
    assert number_not_given(question, ["HD", sentence]) is not None
    faster = sentence.replace("robust inference speedups", "inference speedups of 2.1x")
    assert number_not_given(question, ["HD", faster]) is None


def test_positions_and_data_sizes_give_no_score() -> None:
    # q-3119: "the second and third steps", "three strategies" and "540 billion of legal
    # tokens" give no LegalBench-Instruct score.
    sentences = [
        "SaulLM-54B & SaulLM-141B: Scaling Up Domain Adaptation for the Legal Domain",
        "The development of SaulLM-54B and SaulLM-141B is guided by domain adaptation, divided "
        "into three strategies: (1) continued pretraining on over 540 billion of legal tokens.",
        "The synthetic data in the second and third steps enhances the models, reaching "
        "state-of-the-art performance on LegalBench-Instruct.",
    ]
    question = "What score does SaulLM-141B achieve on LegalBench-Instruct?"
    assert number_not_given(question, sentences) is not None
    scored = [*sentences, "SaulLM-141B scores 61.2 on LegalBench-Instruct."]
    assert number_not_given(question, scored) is None


def test_a_model_at_another_size_is_not_the_one_asked() -> None:
    # q-3140: the abstract gives Llama-3-8B's perplexity, not Llama-3-70B's.
    sentences = [
        "PrefixQuant",
        "In W4A4KV4 Llama-3-8B, PrefixQuant achieves a 7.43 WikiText2 perplexity.",
    ]
    question = "What WikiText2 perplexity does PrefixQuant achieve on W4A4KV4 Llama-3-70B?"
    assert number_not_given(question, sentences) is not None
    assert number_not_given(question.replace("70B", "8B"), sentences) is None


PIMINER = [
    "Agent Against Agent: An Agentic System for Automatic Prompt Injection Red Teaming",
    "On AgentDojo, it achieves an 86.7% ASR against Gemini-2.5-Pro, 53.3% ASR against GPT-5.1.",
]


def test_a_measure_of_several_words_is_given_by_its_initials() -> None:
    # q-3936 (session 25): "53.3% ASR" gives the attack success rate.
    question = "What attack success rate does it reach against GPT-5.1 on AgentDojo?"
    assert number_not_given(question, PIMINER) is None
    other = [PIMINER[0], "On AgentDojo, it needs 12 queries (ABC) per sample."]
    assert number_not_given(question, other) == "the attack success rate on AgentDojo"


def test_plural_measures_and_budgets_ask_for_numbers() -> None:
    # q-4038, q-4116 (session 25)
    assert need_of("What are the median dataset sizes of the UCR and UEA repositories?") == {
        "number"
    }
    assert need_of("What was its training budget?") == {"number"}
    assert need_of("What are the key factors behind the gain?") == set()


HERMES = [
    "Hermes 3 Technical Report",
    "We present Hermes 3, a neutrally-aligned generalist instruct and tool use model.",
    "Its largest version, Hermes 3 405B, achieves state of the art performance among open "
    "weight models on several public benchmarks.",
]


def test_a_parameter_size_is_given_by_a_model_size() -> None:
    # q-4217 (session 26): the size in the model's name is its parameter count.
    question = "What is the parameter size of the largest Hermes 3 model?"
    assert number_not_given(question, HERMES) is None
    assert number_not_given(question, HERMES[:2]) is not None


def test_a_count_may_follow_the_number_of_its_noun() -> None:
    # q-4436 (session 26): "the average number of steps ... to just 10.15".
    question = (
        "What success rate does CoAct-1 achieve on OSWorld, and to how many steps does it cut "
        "the average number needed to complete a task?"
    )
    sentences = [
        "CoAct-1: Computer-using Agents with Coding as Actions",
        "Our approach reduces the average number of steps required to complete a task to just "
        "10.15, compared to 15 for leading GUI agents.",
    ]
    assert number_not_given(question, sentences) is None
    cut = [sentences[0], "Our approach reduces the number of steps required by 40%."]
    assert number_not_given(question, cut) == "the number of steps"


def test_a_hyphenated_speed_up_is_given_by_an_acceleration() -> None:
    # q-4524 (session 27): "up to what speed-up" is answered by "accelerates ... 2.5times".
    question = (
        "What is this denoising workflow called, and up to what speed-up does it give for video "
        "generation?"
    )
    sentences = [
        "Training-free Diffusion Acceleration with Bottleneck Sampling",
        "Bottleneck Sampling follows a high-low-high denoising workflow.",
        "Experiments demonstrate that it accelerates inference by up to 3times for image "
        "generation and 2.5times for video generation.",
    ]
    assert number_not_given(question, sentences) is None
    assert number_not_given(question, sentences[:2]) is not None


def test_plural_factors_ask_for_numbers_and_variants_give_none() -> None:
    # q-4619 (session 27): "four variants of OD-VAE" is no compression factor.
    question = (
        "What temporal and spatial compression factors does OD-VAE reach when it compresses videos?"
    )
    assert "number" in need_of(question)
    sentences = [
        "OD-VAE: An Omni-dimensional Video Compressor",
        "To obtain a better trade-off between video reconstruction quality and compression "
        "speed, four variants of OD-VAE are introduced and analyzed.",
    ]
    assert number_not_given(question, sentences) is not None
    assert number_not_given(question, [*sentences, "OD-VAE compresses videos 4x in time."]) is None


def test_a_counted_noun_may_end_a_group_of_four_words() -> None:
    # q-4641 (session 27): two denoising paths are no count of pairs.
    question = "How many human and multiple-garment pairs are in BootComp's synthetic dataset?"
    assert counted_noun(question) == "pairs"
    sentences = [
        "Controllable Human Image Generation with Personalized Multi-Garments",
        "We train a diffusion model having two parallel denoising paths.",
    ]
    assert number_not_given(question, sentences) == "the number of pairs"


def test_a_resolution_is_asked_as_a_number() -> None:
    # q-4614 (session 27): "what output resolution ..." wants "1152X2048".
    question = "Starting from 512X512, what output resolution does it outpaint to?"
    assert need_of(question) == {"number"}


def test_a_list_of_model_sizes_gives_no_score() -> None:
    # q-3119 (dev, session 27): "54 billion and 141 billion parameters" is no LegalBench score.
    question = "What score does SaulLM-141B achieve on LegalBench-Instruct?"
    sentences = [
        "SaulLM-54B & SaulLM-141B: Scaling Up Domain Adaptation for the Legal Domain",
        "These models, which feature architectures of 54 billion and 141 billion parameters, "
        "respectively, are based on the Mixtral architecture.",
        "The models reach state-of-the-art performance on LegalBench-Instruct.",
    ]
    assert number_not_given(question, sentences) == "the score on LegalBench-Instruct"


CTF = [
    "Improving Autoregressive Image Generation through Coarse-to-Fine Token Prediction",
    "Experiments on ImageNet demonstrate our method's superior performance, achieving an "
    "average improvement of 59 points in Inception Score compared to baselines.",
    "Notably, despite adding an inference step, our approach achieves faster sampling speeds.",
]


@pytest.mark.parametrize(
    "question",
    [
        "By what factor is sampling faster than the baselines?",
        "How many times faster than the baselines is its sampling?",
    ],
)
def test_a_how_much_faster_ask_wants_a_speed_not_any_number(question: str) -> None:
    """Session 28, q-5019: "59 points in Inception Score" is no speed-up; the paper gives no
    factor, only "faster sampling speeds"."""
    assert number_not_given(question, CTF) == "the speed-up"
    faster = [*CTF[:2], "Our approach samples 2.5x faster than the baselines."]
    assert number_not_given(question, faster) is None


def test_map_and_miou_are_asked_as_numbers_but_a_map_is_not() -> None:
    """Session 28, q-5040: "What mAP ...?" asks for a score; "What map ...?" for a thing."""
    assert "number" in need_of("What mAP does VideoLights reach on the QVHighlights benchmark?")
    assert "number" in need_of("What mIoU does it reach on ADE20K?")
    assert "number" not in need_of("What map does the robot build of the room?")
    lights = [
        "VideoLights: Feature Refinement and Cross-Task Alignment Transformer",
        "Comprehensive experiments on QVHighlights, TVSum, and Charades-STA benchmarks "
        "demonstrate state-of-the-art performance.",
    ]
    asked = "What mAP does VideoLights reach on the QVHighlights benchmark?"
    assert number_not_given(asked, lights) == "the mAP on QVHighlights"


def test_a_count_of_things_gives_no_change() -> None:
    """Session 30, q-5537: "How much does X improve alignment fidelity ...?" asks for a
    change; "six ... design objectives" counts things and gives none, "by 3.2%" does."""
    question = "How much does YinYangAlign's DPO improve alignment fidelity over standard DPO?"
    counted = [
        "YINYANG-ALIGN: Benchmarking Contradictory Objectives",
        "We present YinYangAlign, a framework that quantifies the alignment fidelity of T2I "
        "systems, addressing six fundamental and inherently contradictory design objectives.",
    ]
    assert number_not_given(question, counted) == "the number asked for"
    gain = [*counted, "Our DPO improves alignment fidelity by 3.2% over standard DPO."]
    assert number_not_given(question, gain) is None
    # A multiple spelled out measures the change (q-3105).
    fold = [counted[0], "We achieve equivalent performance while reducing compute by two-fold."]
    assert number_not_given("By how much does X reduce inference compute?", fold) is None


def test_a_sampling_rate_is_given_by_its_unit_alone() -> None:
    """Session 31, q-5724: "At what sampling rate ...?" is answered by "at 44.1kHz"."""
    audio = [
        "Stable Audio Open",
        "Notably, the reported results showcase its potential for high-quality stereo sound "
        "synthesis at 44.1kHz.",
    ]
    asked = "At what sampling rate does Stable Audio Open showcase high-quality stereo sound?"
    assert number_not_given(asked, audio) is None
