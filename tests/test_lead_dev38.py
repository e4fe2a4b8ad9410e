"""Lead rules from the dev misses of session 38: with every sentence of the gold abstract a
quote, the lead missed the asked names because a sentence coining them read as the paper's
introduction, or because a "which two X" ask was led by a sentence that lists nothing."""

from __future__ import annotations

from lead_fixtures import led, quote

from assistant.pipeline.holds import holding

RELEARN = [
    "Current unlearning methods for large language models usually rely on reverse "
    "optimization to reduce target token probabilities.",
    "However, this paradigm disrupts the subsequent tokens prediction, degrading model "
    "performance and linguistic coherence.",
    "Moreover, existing evaluation metrics overemphasize contextual forgetting while "
    "inadequately assessing response fluency and relevance.",
    "To address these challenges, we propose ReLearn, a data augmentation and fine-tuning "
    "pipeline for effective unlearning, along with a comprehensive evaluation framework.",
    "This framework introduces Knowledge Forgetting Rate (KFR) and Knowledge Retention Rate "
    "(KRR) to measure knowledge-level preservation, and Linguistic Score (LS) to evaluate "
    "generation quality.",
    "Our experiments show that ReLearn successfully achieves targeted forgetting while "
    "preserving high-quality output.",
]
RELEARN_TITLE = "ReLearn: Unlearning via Learning for Large Language Models"


def test_a_bare_name_ask_is_answered_by_the_names_a_sentence_coins() -> None:
    """q-5620: the sentence coining KFR and KRR answers "Which two metrics ...?", though it
    lacks the word "metric" that the problem statement holds."""
    asked = (
        "Which two metrics does ReLearn's evaluation framework introduce to measure "
        "knowledge-level preservation in LLM unlearning?"
    )
    assert led(asked, RELEARN, RELEARN_TITLE) == RELEARN[4]


FORMALMATH = [
    "Formal mathematical reasoning remains a critical challenge for artificial intelligence, "
    "hindered by limitations of existing benchmarks in scope and scale.",
    "To address this, we present FormalMATH, a large-scale Lean4 benchmark comprising 5,560 "
    "formally verified problems spanning from high-school Olympiad challenges to "
    "undergraduate-level theorems across diverse domains.",
    "This approach reduces expert annotation costs by retaining 72.09% of statements before "
    "manual verification while ensuring fidelity to the original natural-language problems.",
    "Notably, we identify a counterintuitive inverse relationship between natural-language "
    "solution guidance and proof success in chain-of-thought reasoning scenarios, suggesting "
    "that human-written informal reasoning introduces noise rather than clarity in the formal "
    "reasoning settings.",
    "We believe that FormalMATH provides a robust benchmark for benchmarking formal "
    "mathematical reasoning.",
]
FORMALMATH_TITLE = "FormalMATH: Benchmarking Formal Mathematical Reasoning of Large Language Models"


def test_a_preposition_before_the_question_word_is_no_description() -> None:
    """q-5422: "In which formal language ...?" asks with no description of the paper before
    it, so "we present FormalMATH, a large-scale Lean4 benchmark" answers it."""
    asked = "In which formal language is the FormalMATH benchmark of verified problems written?"
    assert led(asked, FORMALMATH, FORMALMATH_TITLE) == FORMALMATH[1]


def test_a_described_paper_keeps_its_coined_name_out_of_the_answer() -> None:
    """With the paper described before the ask, the sentence coining the paper's own name is
    no answer: "SPOT" does not answer which model does best on it."""
    spot = [
        "Recent advances in large language models have fueled the vision of automated "
        "scientific discovery.",
        "Here we introduce SPOT, a dataset of 83 published papers paired with 91 errors "
        "significant enough to prompt errata or retraction.",
        "Evaluating state-of-the-art LLMs on SPOT, we find that none surpasses 21.1% recall "
        "or 6.1% precision (o3 achieves the best scores, with all others near zero).",
    ]
    asked = (
        "The benchmark of 83 published papers paired with errors serious enough to prompt "
        "errata or retraction: which model achieves the best scores?"
    )
    assert led(asked, spot) == spot[2]


CATEGORIES = [
    "The field of psychology has long recognized a basic level of categorization that humans "
    "use when labeling visual stimuli, a term coined by Rosch in 1976.",
    "This level of categorization has been found to be used most frequently, to have higher "
    "information density, and to aid in visual language tasks with priming in humans.",
    "Here, we investigate basic level categorization in two recently released, open-source "
    "vision-language models (VLMs).",
    "This paper demonstrates that Llama 3.2 Vision Instruct (11B) and Molmo 7B-D both prefer "
    "basic level categorization consistent with human behavior.",
    "Moreover, the models' preferences are consistent with nuanced human behaviors like the "
    "biological versus non-biological basic level effects and the well established expert "
    "basic level shift, further suggesting that VLMs acquire cognitive categorization "
    "behaviors from the human data on which they are trained.",
]


def test_which_two_is_answered_by_a_sentence_joining_two_things() -> None:
    """q-5338: "which two open-source VLMs?" is answered by the sentence joining two models,
    not by the one saying "in two recently released, open-source VLMs"."""
    asked = (
        "A study of whether vision-language models prefer basic-level categorization as "
        "humans do examines which two open-source VLMs?"
    )
    assert led(asked, CATEGORIES) == CATEGORIES[3]
    # Asked for one thing, the sentence focused on the ask still leads.
    single = "Which open-source VLMs does the study of basic-level categorization examine?"
    assert led(single, CATEGORIES) == CATEGORIES[2]


def test_which_two_never_takes_a_background_list() -> None:
    """Joined things in background ("X and Y have advanced ...") never answer "which two"."""
    sentences = [
        "Existing methods such as GPT-4o and Gemini often struggle with spatial reasoning.",
        "Here, we study spatial reasoning in two recent open-source models.",
    ]
    asked = "Which two open-source models does the study of spatial reasoning examine?"
    assert led(asked, sentences) == sentences[1]


def test_an_article_is_not_the_name_an_answer_is_paired_with() -> None:
    """ "Besides the WideRange4D benchmark, ...?" pairs its answer with WideRange4D, not with
    "the": "We compare Progress4D and the baselines" holds no name paired with WideRange4D."""
    asked = "Besides the WideRange4D benchmark, which model does the paper introduce?"
    said = [quote("We compare Progress4D and the baselines on dynamic scenes.")]
    assert holding(asked, said) == []
    paired = [quote("We release Progress4D and WideRange4D for 4D reconstruction.")]
    assert holding(asked, paired) == paired


SSM_PEFT = [
    "State Space Models (SSMs) have emerged as efficient alternatives to Transformers, "
    "mitigating their quadratic computational cost.",
    "However, the application of Parameter-Efficient Fine-Tuning (PEFT) methods to SSMs "
    "remains largely unexplored.",
    "In particular, prompt-based methods like Prompt Tuning and Prefix-Tuning, which are widely "
    "used in Transformers, do not perform well on SSMs.",
    "To address this, we propose state-based methods as a superior alternative to prompt-based "
    "methods.",
    "This new family of methods naturally stems from the architectural characteristics of SSMs.",
    "State-based methods adjust state-related features directly instead of depending on "
    "external prompts.",
    "Furthermore, we introduce a novel state-based PEFT method: State-offset Tuning.",
    "At every timestep, our method directly affects the state at the current step, leading to "
    "more effective adaptation.",
]
SSM_PEFT_TITLE = (
    "State-offset Tuning: State-based Parameter-Efficient Fine-Tuning for State Space Models"
)


def test_a_background_sentence_with_a_name_yields_to_a_far_more_focused_own_one() -> None:
    """q-3712: "SSMs have emerged as efficient alternatives to Transformers" holds names and
    "alternative", but the paper's own "we propose state-based methods as a superior
    alternative to prompt-based methods" is far more focused on the ask."""
    asked = (
        "The paper on parameter-efficient fine-tuning for SSMs, where Prompt Tuning and "
        "Prefix-Tuning perform poorly: what family of methods does it propose as a superior "
        "alternative to prompt-based methods?"
    )
    assert led(asked, SSM_PEFT, SSM_PEFT_TITLE) == SSM_PEFT[3]
