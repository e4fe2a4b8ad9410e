"""The lead of a quote-led answer (assistant.pipeline.lead): which quote answers, and how."""

from __future__ import annotations

import pytest
from lead_fixtures import led, quote

from assistant.pipeline import holds, meaning
from assistant.pipeline.ask import (
    ask_of,
    asked_head,
    asked_kinds,
    asks_for,
    question_parts,
    words_of,
)
from assistant.pipeline.background import (
    background,
    dangles,
    denies_ask,
    restates_setting,
    with_antecedents,
)
from assistant.pipeline.evidence import need_of, satisfies
from assistant.pipeline.holds import holding, names_the_kind
from assistant.pipeline.lead import (
    answers_each_part,
    best_quote,
    echoes,
    focus,
    glossed,
    lacking,
    lead_quotes,
    lead_spans,
    without_excluded,
)
from assistant.pipeline.types import Evidence

SETUP = (
    "In this paper, we consider an iterative variant of self-distillation in a kernel "
    "regression setting, in which successive steps incorporate both model outputs and targets."
)
RESULT = (
    "We show that infinitely many distillation steps amount to the original optimization "
    "problem with amplified regularization."
)
OTHER = "Experiments on three datasets confirm the analysis."


def test_a_two_part_question_splits_at_its_second_ask() -> None:
    question = "Which activation replaces Softmax, and up to what multiple does the loss stay flat?"
    assert question_parts(question) == [
        "Which activation replaces Softmax",
        "up to what multiple does the loss stay flat?",
    ]
    assert question_parts("How do cats and dogs differ?") == ["How do cats and dogs differ?"]
    assert question_parts("What is Duo, and from what kind of diffusion does it emerge?") == [
        "What is Duo",
        "from what kind of diffusion does it emerge?",
    ]
    # a comparison or two prepositions before the second ask (q-1617, q-1626)
    assert question_parts("How many tasks does it hold, and below what rate do agents stay?") == [
        "How many tasks does it hold",
        "below what rate do agents stay?",
    ]
    assert question_parts("Which algorithm trains it, and by up to how much does it gain?") == [
        "Which algorithm trains it",
        "by up to how much does it gain?",
    ]


def test_the_ask_leaves_out_the_context_around_it() -> None:
    question = "In the kernel regression analysis, what do infinite steps amount to?"
    assert ask_of(question) == ", what do infinite steps amount to?"
    trailing = "What mechanism makes it hard, according to the paper on scaling?"
    assert ask_of(trailing) == "What mechanism makes it hard"


def test_the_answer_sentence_is_more_focused_than_the_setup_sentence() -> None:
    question = (
        "In the kernel regression analysis of iterative self-distillation, what do infinitely "
        "many distillation steps amount to?"
    )
    sentences = [SETUP, RESULT, OTHER]
    assert focus(RESULT, question, sentences) > focus(SETUP, question, sentences)
    assert best_quote(question, [quote(SETUP), quote(RESULT)], sentences).sentence == RESULT


def test_a_quote_holding_the_asked_number_leads() -> None:
    question = "By how much does the method reduce latency?"
    background = "Latency matters for the method in interactive systems."
    holding = "The method reduces latency by 38% on average."
    quotes = [quote(background), quote(holding)]
    assert best_quote(question, quotes, [background, holding]).sentence == holding


def test_a_two_part_question_answered_by_two_sentences_leads_with_both() -> None:
    name = "We propose Softplus attention, which replaces the non-linear part of Softmax."
    number = "Validation loss stays nearly constant even at 16 times the training length."
    question = (
        "Which activation replaces the non-linear part of Softmax, and up to what multiple "
        "of the training length does validation loss stay nearly constant?"
    )
    leads = lead_quotes(question, [quote(name), quote(number)], [name, number])
    assert [q.sentence for q in leads] == [name, number]
    assert lead_spans(question, [q.sentence for q in leads]) == [name, number]


def test_one_sentence_answering_both_parts_leads_alone() -> None:
    both = "Our model, Duo, transfers Gaussian diffusion to cut sampling steps by 100 times."
    other = "Diffusion language models are slow to sample."
    question = "What is the model called, and by how much does it cut sampling steps?"
    leads = lead_quotes(question, [quote(both), quote(other)], [both, other])
    assert [q.sentence for q in leads] == [both]


def test_the_noun_asked_about_is_found_before_the_verb_or_as_a_kind() -> None:
    assert asked_head("Which parameter-update rule does the assistant build on?") == "rule"
    assert asked_head("What mechanism makes benchmark scores hard to predict?") == "mechan"
    assert asked_head("What benchmark built on tau-bench does it introduce?") == "benchmark"
    assert asked_head("How does EVA initialize the LoRA matrices?") is None


def test_the_sentence_naming_the_asked_noun_outranks_an_echo_of_the_question() -> None:
    question = "What mechanism makes downstream benchmark performance hard to predict from scale?"
    echo = "We show that downstream benchmark results vary with scale."
    answer = "We reveal the mechanism behind hard predictions: metrics compare few choices."
    sentences = [echo, answer]
    assert best_quote(question, [quote(echo), quote(answer)], sentences).sentence == answer


def test_a_hyphenated_word_meets_its_parts_but_counts_once() -> None:
    assert {"pure", "dynam"} <= words_of("a purely-dynamic force")
    question = "What kind of purely dynamic local force does it use?"
    other = "Our dynamic model combines an attractive force and a local force."
    answer = "It also uses a purely-dynamic local force (Brownian motion)."
    sentences = [other, answer]
    assert best_quote(question, [quote(other), quote(answer)], sentences).sentence == answer


def test_a_name_counts_beside_the_kind_asked_not_after_a_verb() -> None:
    question = "Which mechanism is the unique one satisfying strategyproofness?"
    assert names_the_kind("There is a unique one: the Uniform Phantom mechanism.", question)
    assert names_the_kind("Our mechanism, Phantom, is unique.", question)
    assert not names_the_kind("The mechanisms that satisfy PF are equivalent.", question)


def test_a_name_of_the_title_is_no_answer_to_what_it_is_called() -> None:
    question = "What is the method called that predicts capabilities?"
    titled = "Our work predicts capabilities of frontier AI models."
    named = "We call the method Duo, and it predicts capabilities."
    found = holding(question, [quote(titled), quote(named)], title="Frontier AI Models")
    assert [q.sentence for q in found] == [named]


def test_a_lead_that_continues_the_sentence_before_it_is_led_by_that_sentence() -> None:
    before = "We compute singular value decomposition on minibatches of activation vectors."
    then = "Then, we initialize the LoRA matrices with the obtained right-singular vectors."
    question = "How does EVA initialize the LoRA matrices?"
    leads = lead_quotes(question, [quote(then), quote(before)], [OTHER, before, then])
    assert [q.sentence for q in leads] == [before, then]


def test_the_lead_may_quote_a_sentence_outside_the_quotes() -> None:
    background = "Continual instruction tuning makes large models follow instructions."
    answer = "Exponential Moving Average, a parameter update rule, reduces forgetting."
    question = "Which parameter-update rule reduces forgetting in continual instruction tuning?"
    pool = [quote(background), quote(answer)]  # the quotes, then the rest (lead_candidates)
    assert lead_quotes(question, pool, [background, answer])[0].sentence == answer


def test_the_title_words_of_a_question_name_the_paper_not_the_answer() -> None:
    question = (
        "Which rule does the Large Continual Instruction Assistant build on to cut forgetting?"
    )
    title = "Large Continual Instruction Assistant"
    echo = "Continual instruction tuning makes large models follow instructions."
    answer = "An exponential moving average traces old parameters to reduce forgetting."
    sentences = [echo, answer]
    quotes = [quote(echo), quote(answer)]
    assert best_quote(question, quotes, sentences, title).sentence == answer
    assert best_quote(question, quotes, sentences).sentence == echo


def test_an_acronym_of_the_kind_itself_names_no_answer() -> None:
    question = "Which model does Foundation-Sec-8B-Instruct outperform on cybersecurity tasks?"
    assert not names_the_kind("Large language models (LLMs) have shown success.", question)
    assert names_the_kind("It outperforms the Llama model on most tasks.", question)


def test_a_sentence_leading_a_two_part_question_answers_each_part() -> None:
    question = (
        "What regularization scheme falls out of the variational view, and what quantity "
        "weights the denoisers?"
    )
    second_only = "We weight the denoisers by the signal-to-noise ratio (SNR)."
    both = "It leads to the RED-Diff regularization scheme, and SNR weights the denoisers."
    assert not answers_each_part(second_only, question)
    assert answers_each_part(both, question)
    assert answers_each_part(second_only, "What quantity weights the denoisers?")


def test_the_name_next_to_the_kind_asked_for_answers_a_name_question() -> None:
    question = "What is the difficulty-organized dataset built to train Observe-R1 called?"
    assert names_the_kind("We construct the NeuraLadder dataset for RL training.", question)
    assert not names_the_kind("We present Observe-R1, a framework for MLLMs.", question)


def test_a_how_question_leads_with_the_sentence_that_says_by_what_means() -> None:
    question = "How does AgentTTS search for compute-optimal allocations in multi-stage tasks?"
    challenge = (
        "TTS in multi-stage tasks introduces challenges: the search space of model and budget "
        "allocations in multi-stage tasks is combinatorial."
    )
    answer = (
        "We propose AgentTTS, a framework that searches for compute-optimal allocations "
        "through iterative feedback-driven interactions."
    )
    sentences = [challenge, answer]
    quotes = [quote(challenge), quote(answer)]
    assert best_quote(question, quotes, sentences, "AgentTTS").sentence == answer
    asked_what = question.replace("How does", "What does").replace("search for", "say of")
    assert best_quote(asked_what, quotes, sentences, "AgentTTS").sentence == challenge


def test_means_count_only_after_the_words_asked_about() -> None:
    question = "How does TARS reformulate direct preference optimization?"
    background = (
        "Direct preference optimization (DPO) is a common strategy for correcting "
        "hallucinations by aligning model outputs with human preferences."
    )
    answer = (
        "We propose TARS, a token-adaptive preference strategy that reformulates DPO as a "
        "min-max optimization problem."
    )
    quotes = [quote(background), quote(answer)]
    assert best_quote(question, quotes, [background, answer], "TARS").sentence == answer


def test_the_kind_asked_for_does_not_count_where_it_describes_the_paper_itself() -> None:
    question = "What RL framework does SimpleVLA-RL build upon?"
    title = "SimpleVLA-RL: Scaling VLA Training via Reinforcement Learning"
    intro = "In this work, we introduce SimpleVLA-RL, an efficient RL framework for robots."
    # No name just after "build upon": one there would answer it whatever the title.
    answer = "Building upon prior work, we add trajectory sampling and rendering to veRL."
    quotes = [quote(intro), quote(answer)]
    assert best_quote(question, quotes, [intro, answer], title).sentence == answer
    assert best_quote(question, quotes, [intro, answer], "Scaling VLA").sentence == intro


def test_a_sentence_far_more_focused_on_the_ask_outranks_a_named_one() -> None:
    question = "What strategy does HuMo propose to associate audio with facial regions?"
    named = "At inference, we design a time-adaptive Classifier-Free Guidance strategy."
    answer = (
        "For audio-visual sync, we propose a focus-by-predicting strategy that guides the "
        "model to associate audio with facial regions."
    )
    quotes = [quote(named), quote(answer)]
    assert best_quote(question, quotes, [named, answer], "HuMo").sentence == answer


def test_a_lead_that_points_back_to_its_aim_is_led_by_the_sentence_it_points_to() -> None:
    gap = "Large language models often exhibit cognitive inertia under odd instructions."
    answer = "To evaluate this limitation, we propose Inverse IFEval, a benchmark."
    question = "What limitation of LLMs does Inverse IFEval measure?"
    shown = lead_quotes(question, [quote(answer)], [gap, answer], "Inverse IFEval")
    assert [q.sentence for q in shown] == [gap, answer]


def test_names_a_paper_is_tested_on_name_the_datasets_asked_about() -> None:
    question = "On which datasets is the spline-based distillation evaluated?"
    assert names_the_kind("Experiments on WikiArt and Pandora18k show gains.", question)
    assert not names_the_kind("Experiments on WikiArt and Pandora18k show gains.", "Which loss?")


def test_the_papers_own_recurring_name_names_the_subject_not_the_answer() -> None:
    question = "What fraction of visual tokens does GlimpsePrune prune?"
    title = "A Glimpse to Compress: Dynamic Visual Token Pruning for Vision-Language Models"
    sentences = [
        "Visual token compression is critical for vision-language models.",
        "Fixed compression ratios cause imprecise pruning that discards visual tokens.",
        "To address this issue, we introduce a dynamic pruning framework, GlimpsePrune.",
        "It prunes irrelevant visual tokens in a single forward pass.",
        "This approach prunes 92.6% of visual tokens while retaining performance.",
        "An enhanced GlimpsePrune+ achieves 110% of the baseline performance.",
    ]
    quotes = [quote(sentences[5]), quote(sentences[4])]
    assert best_quote(question, quotes, sentences, title).sentence == sentences[4]


def test_a_spelled_out_acronym_of_hyphenated_words_names_no_model() -> None:
    question = "Which model does it outperform on RoboTwin?"
    spelled = "Vision-Language-Action (VLA) models have recently emerged for manipulation."
    assert not names_the_kind(spelled, question)
    assert names_the_kind("Our agent beats the OctoVLA model on RoboTwin.", question)


def test_a_name_just_after_the_asks_verb_answers_it() -> None:
    setup = "We introduce SimpleVLA-RL, an efficient RL framework tailored for VLA models."
    built = "Building upon veRL, we introduce VLA-specific trajectory sampling."
    result = "SimpleVLA-RL even outperforms pi_0 on RoboTwin."
    sentences = [setup, built, result]
    question = (
        "What RL framework does SimpleVLA-RL build upon, and which model does it outperform "
        "on RoboTwin?"
    )
    title = "SimpleVLA-RL: Scaling VLA Training via Reinforcement Learning"
    leads = lead_quotes(question, [quote(s) for s in sentences], sentences, title)
    assert [q.sentence for q in leads] == [built, result]
    assert not names_the_kind("We build upon several recent insights.", question)


def test_lying_meets_lie() -> None:
    assert words_of("which traits do they underlie?") <= words_of(
        "persona vectors underlying several traits"
    )


def test_a_cut_lead_keeps_the_examples_that_follow_it() -> None:
    question = "What are persona vectors and which traits do they underlie?"
    sentence = (
        "In this paper, we identify directions in the model's activation space-persona "
        "vectors-underlying several traits, such as evil, sycophancy, and propensity to "
        "hallucinate."
    )
    assert lead_spans(question, [sentence]) == [
        "…we identify directions in the model's activation space-persona vectors-underlying "
        "several traits, such as evil, sycophancy, and propensity to hallucinate."
    ]


def test_a_cut_lead_keeps_the_list_it_opens() -> None:
    question = "What are the four core modules of RoboMemory?"
    sentence = (
        "Grounded in cognitive neuroscience, it integrates four core modules: the Information "
        "Preprocessor (thalamus-like), the Lifelong Embodied Memory System (hippocampus-like), "
        "the Closed-Loop Planning Module (prefrontal lobe-like), and the Low-Level Executer "
        "(cerebellum-like) to enable long-term planning and cumulative learning."
    )
    assert lead_spans(question, [sentence]) == [sentence]


def test_a_kind_word_describing_the_papers_own_work_is_not_the_kind_asked_for() -> None:
    # A paraphrased question names the paper ("the video generation framework"); the
    # sentence naming the framework does not say which model it trains.
    setup = "We present CogOmniControl, a reasoning-driven framework for video generation."
    answer = "Specifically, we train a specialized CogVLM using authentic anime production data."
    question = (
        "Which model does the reasoning-driven video generation framework train on "
        "authentic anime production data?"
    )
    assert not names_the_kind(setup, question)
    assert best_quote(question, [quote(setup), quote(answer)], [setup, answer]).sentence == answer
    # "What is the framework ... called?" still asks for the framework's name.
    assert names_the_kind(setup, "What is the reasoning-driven video generation framework called?")


def test_a_question_asking_two_numbers_leads_with_the_sentence_giving_both() -> None:
    setup = (
        "Training 3D Gaussian Splatting at billion-primitive scale is memory-bound: the table "
        "exceeds GPU capacity, limiting prior systems on single-GPU hardware."
    )
    result = "TideGS enables training with over one billion Gaussians on a single 24 GB GPU."
    sentences = [setup, result]
    question = (
        "How many Gaussians can the 3D Gaussian Splatting trainer handle on a single GPU, "
        "and how much memory does that GPU have?"
    )
    leads = lead_quotes(question, [quote(setup), quote(result)], sentences)
    assert [q.sentence for q in leads] == [result]
    # The digits of names ("Qwen3-30B-A3B") are no second number.
    named = "Our Qwen3-30B-A3B model matches DeepSeek-R1-0528 on one billion tokens."
    leads = lead_quotes(question, [quote(setup), quote(named)], [setup, named])
    assert leads[0].sentence == setup


def test_a_sentence_telling_why_the_work_is_needed_is_background() -> None:
    assert background("Recent reports claim that LLMs can self-correct their reasoning.")
    assert background("However, existing RL methods struggle to learn it, as rewards are sparse.")
    assert background("Self-correction is essential for reliable reasoning in LLMs.")
    assert not background("We present PRESTO, a relaxation of the proportional odds model.")
    assert not background("PRESTO improves the AUC by 12 points over the existing baseline.")


def test_a_field_s_progress_or_an_unexplored_question_is_background() -> None:
    assert background("LLMs have achieved remarkable progress in code generation, yet ...")
    assert background("Their true programming competence remains underexplored.")
    assert background("Its behavior on research-level theorems remains poorly understood.")
    assert not background("PRESTO achieves remarkable progress on rare events, gaining 12 points.")


def test_a_part_asking_a_number_or_name_the_text_lacks_is_lacking() -> None:
    question = "How much faster is the sampler, and what is the sampler called?"
    assert lacking("The sampler is 3x faster than before.", question) == [
        "what is the sampler called?"
    ]
    assert lacking("FastSample, our sampler, is 3x faster.", question) == []


def test_a_lead_aiming_at_a_problem_not_asked_about_is_shown_without_it() -> None:
    problem = "However, training on numerous datasets is costly and selection is blind."
    answer = (
        "To address these challenges, we introduce D2NWG, a diffusion-based weights "
        "generation technique conditioned on the target dataset."
    )
    question = "What is the diffusion-based technique that generates weights called?"
    shown = lead_quotes(question, [quote(answer)], [problem, answer])
    assert [q.sentence for q in shown] == [answer]
    assert lead_spans(question, [answer])[0].startswith("…we introduce D2NWG, a diffusion-based")


def test_a_which_method_ask_is_answered_by_the_sentence_coining_its_name() -> None:
    background = (
        "Rare events are hard to predict, so models predict rare events from more common "
        "intermediate outcomes with the proportional odds model."
    )
    named = "We present PRESTO, a relaxation of the proportional odds model."
    sentences = [background, named, "Experiments on clinical data show gains."]
    question = (
        "Which method relaxes the proportional odds model to predict rare events from more "
        "common intermediate outcomes?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == named
    # Asked what a named method acts on, a sentence coining the paper's own name is no answer.
    assert not holding("Which model does PRESTO outperform?", [quote(named)])


def test_a_coined_name_called_another_kind_answers_no_ask_for_this_kind() -> None:
    craft = (
        "To address this, we present CRAFT, a multi-agent red-teaming system that leverages "
        "policy-aware persuasive strategies to undermine a policy-adherent agent in a "
        "customer-service scenario, outperforming conventional jailbreak methods."
    )
    bench = (
        "Building upon the existing tau-bench benchmark, we introduce tau-break, a "
        "complementary benchmark designed to assess the agent's robustness."
    )
    question = (
        "What multi-agent system red-teams policy-adherent customer-service agents, and what "
        "benchmark built on tau-bench does the same paper introduce?"
    )
    leads = lead_quotes(question, [quote(craft), quote(bench)], [craft, bench])
    assert [q.sentence for q in leads] == [craft, bench]


# A paper introduced in the words a question describes it with (2026-02-02, dev).
ASTRA = (
    "To address these challenges, we introduce ASTRA, a fully automated end-to-end framework "
    "for training tool-augmented language model agents via scalable data synthesis and "
    "verifiable reinforcement learning."
)
ASTRA_PIPELINE = (
    "First, a pipeline that leverages the static topology of tool-call graphs synthesizes "
    "diverse, structurally grounded trajectories, instilling broad and transferable tool-use "
    "competence."
)
ASTRA_RL = (
    "Based on this method, we develop a unified training methodology that integrates SFT with "
    "online RL using trajectory-level rewards to balance task completion and interaction "
    "efficiency."
)


def test_a_sentence_introducing_the_paper_as_the_question_describes_it_does_not_lead() -> None:
    sentences = [ASTRA, ASTRA_PIPELINE, ASTRA_RL]
    question = (
        "How does the fully automated end-to-end framework for training tool-augmented agents "
        "with verifiable reinforcement learning synthesize diverse trajectories?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == (
        ASTRA_PIPELINE
    )
    # Asked for what the introducing sentence itself says, it still leads.
    asked = "How does the fully automated framework train its tool-augmented agents?"
    assert best_quote(asked, [quote(s) for s in sentences], sentences).sentence == ASTRA


def test_a_how_is_it_trained_ask_is_answered_by_the_training_sentence() -> None:
    intro = (
        "To this end, we introduce MemOCR, a multimodal memory agent that improves long-horizon "
        "reasoning under tight context budgets by allocating memory space with adaptive "
        "information density through visual layout."
    )
    trained = (
        "To ensure robustness across varying memory budgets, we train MemOCR with reinforcement "
        "learning under budget-aware objectives that expose the agent to diverse compression "
        "levels."
    )
    other = "MemOCR outperforms strong text-based baselines on question-answering benchmarks."
    sentences = [intro, trained, other]
    question = (
        "How is the multimodal memory agent that allocates memory space with adaptive "
        "information density through visual layout trained to stay robust across memory budgets?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == trained


def test_a_named_benchmark_ask_is_not_answered_by_the_framework_describing_the_paper() -> None:
    framework = (
        "To lift this burden, we introduce PaperBanana, an agentic framework for automated "
        "generation of publication-ready academic illustrations."
    )
    bench = (
        "To rigorously evaluate our framework, we introduce PaperBananaBench, comprising 292 "
        "test cases for methodology diagrams curated from NeurIPS 2025 publications."
    )
    sentences = [framework, bench]
    question = (
        "What is the benchmark of methodology diagrams introduced with the agentic framework "
        "for automated generation of publication-ready academic illustrations called?"
    )
    assert asked_kinds(question) == {"benchmark"}
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == bench


def test_a_sentence_introducing_the_paper_that_holds_the_answer_still_leads() -> None:
    triangle = (
        "We introduce the Code Triangle framework, which systematically evaluates LLMs across "
        "three fundamental dimensions: editorial analysis, code implementation, and test case "
        "generation."
    )
    background = (
        "Large language models (LLMs) have achieved remarkable progress in code generation, yet "
        "their true programming competence remains underexplored."
    )
    sentences = [background, triangle]
    question = (
        "Along which three dimensions does the framework for evaluating the programming "
        "competence of LLMs evaluate them?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == triangle
    named = (
        "To rigorously evaluate robustness against real-world physical distortions, including "
        "scanning, skew and warping, we propose the Real5-OmniDocBench benchmark."
    )
    upgraded = (
        "We introduce PaddleOCR-VL-1.5, an upgraded model achieving a new state-of-the-art "
        "accuracy of 94.5% on OmniDocBench v1.5."
    )
    sentences = [upgraded, named]
    question = (
        "What benchmark is proposed to evaluate the robustness of the upgraded 0.9B document "
        "parsing VLM against real-world physical distortions?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == named


def test_asked_what_is_introduced_the_introducing_sentence_leads() -> None:
    background = (
        "High-resolution Large Multimodal Models (LMMs) encounter the challenges of excessive "
        "visual tokens and quadratic visual complexity."
    )
    intro = (
        "In this paper, we propose ConvLLaVA, which employs ConvNeXt, a hierarchical backbone, "
        "as the visual encoder of large multimodal models to replace Vision Transformer (ViT)."
    )
    sentences = [background, intro]
    question = (
        "Which papers propose new large multimodal models with a hierarchical visual encoder "
        "to cut visual complexity?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == intro


def test_a_how_ask_about_the_papers_method_is_answered_by_its_means_not_the_setup() -> None:
    # The whole abstract (2025-07-09, dev): the rarity weights depend on every sentence.
    sentences = [
        "Low-Rank Adaptation (LoRA) has significantly advanced parameter-efficient fine-tuning "
        "of large pretrained models.",
        "LoRA augments the pre-trained weights of a model by adding the product of two smaller "
        "matrices that together form a low-rank matrix update.",
        "Recent research has shown that scale disparities between these two matrices often "
        "cause unstable training dynamics, leading to suboptimal performance.",
        "In this paper, we propose SingLoRA, which reformulates low-rank adaptation by learning "
        "the weights update as a decomposition of a single low-rank matrix multiplied by its "
        "transpose.",
        "This simple design inherently removes inter-matrix scale conflicts, ensuring stable "
        "optimization, and roughly halves the parameter count.",
        "We analyze SingLoRA within the infinite-width neural network framework, showing that "
        "it guarantees stable feature learning by construction.",
        "Extensive experiments on multiple tasks validate these benefits.",
    ]
    title = "SingLoRA: Low Rank Adaptation Using a Single Matrix"
    question = (
        "How does the low-rank adaptation method that removes inter-matrix scale conflicts form "
        "its weight update?"
    )
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences, title).sentence == sentences[3]
    # Before the paper is introduced, the abstract tells how earlier work does it.
    assert best_quote(question, quotes[:3], sentences, title).sentence == sentences[1]


def test_background_after_however_never_leads() -> None:
    sentences = [
        "Human problem-solving is never the repetition of a single mindset.",
        "However, existing LLM reasoning methods fall into a common trap: they apply the same "
        "fixed mindset across all steps, overlooking that different stages of solving the same "
        "problem require fundamentally different mindsets.",
        "To address this limitation, we propose Chain of Mindset (CoM), a training-free agentic "
        "framework that enables step-level adaptive mindset orchestration.",
        "CoM decomposes reasoning into four functionally heterogeneous mindsets: Spatial, "
        "Convergent, Divergent, and Algorithmic.",
    ]
    question = (
        "A training-free agent framework switches between different modes of thinking at each "
        "step of an LLM's reasoning. Which modes does it decompose reasoning into?"
    )
    assert background(sentences[1])
    leads = lead_quotes(question, [quote(s) for s in sentences], sentences)
    assert "Divergent" in leads[0].sentence


# --- issue 13m: fresh dev asks (q-701..q-740) ------------------------------------------------


def test_a_second_ask_may_open_with_across_or_over() -> None:
    question = "Which metric does the benchmark use, and across how many domains does it span?"
    assert question_parts(question) == [
        "Which metric does the benchmark use",
        "across how many domains does it span?",
    ]


def test_the_noun_asked_about_stands_before_a_preposition_or_after_is_the() -> None:
    workflow = "What workflow for report generation is introduced alongside the generators?"
    assert asked_head(workflow) == "workflow"
    dataset = "What is the supervised fine-tuning dataset built for the MLLM called?"
    assert asked_head(dataset) == "dataset"
    assert asked_head("Which parameter-update rule does the method use?") == "rule"


def test_an_apposition_says_what_kind_a_new_name_is() -> None:
    question = "What is the supervised fine-tuning dataset built for the switching MLLM called?"
    intro = "We introduce SwimBird, a reasoning-switchable MLLM that switches among three modes."
    data = "We construct SwimBird-SFT-92K, a diverse supervised fine-tuning dataset of all modes."
    assert names_the_kind(data, question)
    assert best_quote(question, [quote(intro), quote(data)], [intro, data]).sentence == data


def test_what_else_is_introduced_is_not_the_sentence_introducing_the_paper() -> None:
    question = (
        "What distillation is introduced with the policy-gradient framework that optimizes"
        " the internal attention distributions of multimodal LLMs?"
    )
    intro = (
        "We propose Reinforced Attention Learning (RAL), a policy-gradient framework that"
        " directly optimizes internal attention distributions rather than output tokens."
    )
    other = "We further introduce On-Policy Attention Distillation, which transfers attention."
    sentences = [intro, other]
    assert best_quote(question, [quote(intro), quote(other)], sentences).sentence == other
    # Asked what the paper itself introduces, the introducing sentence still answers.
    own = "What framework is introduced to optimize internal attention distributions?"
    assert best_quote(own, [quote(intro), quote(other)], sentences).sentence == intro


def test_numbers_of_the_first_part_do_not_answer_the_second() -> None:
    fid = "XDLM surpasses UDLM by 5.4 points and reaches FID 54.1 vs. 80.8 in image generation."
    mbpp = "Scaled to an 8B-parameter model, XDLM achieves 15.0 MBPP in just 32 steps."
    question = (
        "What FID does XDLM reach in image generation, and what MBPP score does it achieve"
        " in 32 steps when scaled to an 8B-parameter model?"
    )
    leads = lead_quotes(question, [quote(fid), quote(mbpp)], [fid, mbpp])
    assert [q.sentence for q in leads] == [fid, mbpp]


def test_a_sentence_denying_the_asked_means_gives_way_to_the_remedy_after_it() -> None:
    problem = (
        "While the distilled policy reconstructs training behaviors, it does not generalize"
        " reliably to the vast configuration space of human-object interactions."
    )
    remedy = (
        "To address this, we apply data augmentation with physical perturbations to improve"
        " competence on unseen goals."
    )
    question = "How does the controller make its distilled policy generalize to unseen goals?"
    assert denies_ask(problem, question) and not denies_ask(remedy, question)
    sentences = [OTHER, problem, remedy]
    leads = lead_quotes(question, [quote(problem), quote(remedy)], sentences)
    assert [q.sentence for q in leads] == [remedy]
    assert lead_spans(question, [remedy])[0].startswith("…we apply data augmentation")
    # Not a "how" question: the same sentence is no denial of what is asked.
    assert not denies_ask(problem, "What does the distilled policy not do?")
    # "not only generalizes" says it does.
    both = "The policy not only generalizes to unseen goals but also to new objects."
    assert not denies_ask(both, question)


def test_a_second_contribution_is_not_led_by_the_sentence_before_it() -> None:
    first = "First, we introduce GLAD, where the agent is fine-tuned on search trajectories."
    between = "By compressing search trees into reasoning chains, the agent learns foresight."
    second = "Second, we propose the Monte-Carlo Critic, a plug-and-play value estimator."
    question = "What plug-and-play value estimator does the lookahead framework propose?"
    leads = lead_quotes(question, [quote(second), quote(between)], [first, between, second])
    assert [q.sentence for q in leads] == [second]


def test_a_pronoun_subject_dangles_at_the_start_or_after_an_opening_phrase() -> None:
    assert dangles("“Compared to standard majority voting, it reduces sequential tokens by 35.8%")
    assert dangles("“…These results hold on three benchmarks.”")
    assert not dangles("“This paper presents X, a planner for robots.”")
    assert not dangles("“Specifically, TTC utilizes the initial frame as a stable anchor.”")


def test_the_sentence_introducing_the_paper_restates_its_setting() -> None:
    question = "What does Test-Time Correction use as a stable reference anchor?"
    assert restates_setting("To overcome these limitations, we introduce TTC, a fix.", question)
    assert restates_setting("We further introduce X, showing that Y.", question)
    assert not restates_setting("TTC uses the initial frame as a stable anchor.", question)


def test_a_question_on_which_testbeds_is_held_by_the_sentence_naming_them() -> None:
    question = "On which environments is MemHarness, trained end-to-end with GRPO, evaluated?"
    trained = Evidence(1, "p", "This ability emerges through end-to-end training with GRPO.", 0.5)
    tested = Evidence(1, "p", "Experiments on ALFWorld and WebShop show that it wins.", 0.5)
    assert holding(question, [trained, tested]) == [tested]


def test_a_lead_not_naming_the_testbeds_asked_for_lacks_them() -> None:
    question = "On which environments is MemHarness evaluated?"
    assert asks_for(question)
    assert lacking("This ability emerges through training with GRPO.", question) == [question]
    assert lacking("Experiments on ALFWorld and WebShop show that it wins.", question) == []
    assert not asks_for("How does MemHarness reconstruct past experiences?")


def test_an_ask_may_open_on_a_preposition_after_its_context() -> None:
    question = (
        "In the benchmark built on the Victorian Criminal Charge Book, by how many points did "
        "the embedding model raise average correctness?"
    )
    assert ask_of(question).lstrip(", ").startswith("by how many points")
    assert "Victorian" not in ask_of(question)


def test_a_trailing_study_description_is_context_not_the_ask() -> None:
    question = (
        "Which dataset serves as the multi-modality testbed in the controlled study of when "
        "reinforcement learning helps medical vision-language models?"
    )
    assert ask_of(question) == "Which dataset serves as the multi-modality testbed"
    background_ = (
        "Reinforcement learning (RL) is increasingly used to post-train medical "
        "Vision-Language Models (VLMs), yet it remains unclear whether RL improves reasoning."
    )
    answer = "Using MedMNIST as a multi-modality testbed, we probe visual perception."
    quotes = [quote(background_), quote(answer)]
    assert best_quote(question, quotes, [background_, answer]).sentence == answer


def test_a_counted_noun_picks_the_quote_that_counts_it() -> None:
    question = "By how many points did the embedding model raise average correctness?"
    three = "We evaluate three embedding models and two frontier LLMs on correctness."
    points = "Kanon 2 Embedder improved average correctness by 17.5 points."
    assert holding(question, [quote(three), quote(points)]) == [quote(points)]


def test_a_long_subject_still_ends_on_the_verb_the_name_is_object_of() -> None:
    question = (
        "Which proprietary model does the 4B video-based 3D geometry MLLM, which needs no "
        "explicit 3D input, surpass on VSI-Bench?"
    )
    sentence = "Our 4B model even surpasses the Gemini-1.5-Pro in the VSI-Bench evaluations."
    assert names_the_kind(sentence, question)
    assert not names_the_kind("Our 4B model even surpasses it in the evaluations.", question)


def test_a_hyphenated_coined_name_introduces_the_paper() -> None:
    question = (
        "The self-play RL framework that trains tool-calling agents under a zero-data "
        "assumption co-evolves which two roles"
    )
    intro = (
        "In this paper, we propose Tool-R0 framework for training tool-calling agents with "
        "self-play RL, under a zero-data assumption."
    )
    roles = "Tool-R0 co-evolves a Generator and a Solver with complementary rewards."
    sentences = [intro, roles]
    assert best_quote(question, [quote(intro), quote(roles)], sentences).sentence == roles


def test_the_hyphenated_words_of_the_question_name_nothing_new() -> None:
    question = "What is the reinforcement learning stage that ends X's three-stage training called?"
    restated = "Furthermore, we propose a Three-Stage Training strategy for the model."
    named = "This curriculum ends with Format-Constrained GRPO, which uses reinforcement learning."
    assert holding(question, [quote(restated), quote(named)]) == [quote(named)]


def test_a_comma_between_describing_words_keeps_the_apposition() -> None:
    question = "What is the expert-verified simulation dataset used to train MicroVerse called?"
    sentence = "We construct MicroSim-10K, a high-quality, expert-verified simulation dataset."
    assert names_the_kind(sentence, question)


def test_a_how_question_skips_the_setup_before_an_unnamed_introduction() -> None:
    question = (
        "How does the unified spectral framework for maximal update parameterization under "
        "joint width-depth scaling turn its condition into a recipe for many optimizers?"
    )
    sentences = [
        "While maximal update parameterization (μP) has provided a principled solution to both "
        "problems for width scaling, existing extensions to the joint width-depth scaling "
        "regime remain fragmented, architecture- and optimizer-specific, and often rely on "
        "technically involved theories.",
        "In this work, we develop a simple and unified spectral framework for μP under joint "
        "width-depth scaling.",
        "Building on this condition, we then derive a general recipe for implementing μP across "
        "a broad class of optimizers by mapping the spectral constraints to concrete HP "
        "parameterizations.",
    ]
    title = "Spectral Condition for μP under Width-Depth Scaling"
    chosen = best_quote(question, [quote(s) for s in sentences], sentences, title)
    assert chosen.sentence == sentences[2]


def test_a_name_written_with_a_caret_is_the_name_the_question_writes_plainly() -> None:
    # The question wrote "M3FinMeeting", the abstract "M^3FinMeeting": the name went unseen
    # and the lead fell to a background sentence.
    sentences = [
        "Prior benchmarks cover earnings calls and meetings in English only.",
        "M^3FinMeeting covers meetings in English, Chinese, and Japanese.",
    ]
    quotes = [quote(s) for s in sentences]
    q = "Which meetings does M3FinMeeting cover?"
    assert lead_quotes(q, quotes, sentences, "A Financial Meeting Benchmark") == [quotes[1]]
    assert words_of("M^3FinMeeting") == words_of("M³FinMeeting") == words_of("M3FinMeeting")


VLM = [
    "Reinforcement learning has strengthened reasoning in language models, and recent research "
    "has sought to extend reasoning to Vision-Language Models (VLMs).",
    "However, longer reasoning chains degrade accuracy on perception-heavy tasks.",
    "To counter it, we propose Vision-Anchored Policy Optimization (VAPO), which steers the "
    "reasoning back toward the image.",
]


def test_a_name_ask_with_no_topic_word_is_a_part_of_its_own() -> None:
    q = "What do the authors blame the decline of VLM reasoning on, and what is it called?"
    assert question_parts(q) == [
        "What do the authors blame the decline of VLM reasoning on",
        "what is it called?",
    ]
    assert question_parts("What limits X, and how does it work?") == [
        "What limits X, and how does it work?"
    ]


def test_the_spelled_out_question_acronym_is_no_new_name_to_lead_with() -> None:
    # "Vision-Language Models (VLMs)" spells the question's "VLM": the background sentence
    # led a "what is it called?" answer as if it named something new.
    quotes = [quote(s) for s in VLM]
    q = "What method do the authors propose for VLM reasoning, and what is it called?"
    assert lead_quotes(q, quotes, VLM, "Anchoring Vision in Multimodal Reasoning") == [quotes[2]]


def test_a_name_ask_leads_with_a_quote_giving_a_name_over_background_in_its_words() -> None:
    question = "Which model reaches the highest accuracy on long-context retrieval?"
    setting = (
        "Long-context retrieval is essential for language models, yet accuracy on "
        "long-context retrieval remains low for current models."
    )
    answer = "Among 12 systems, Qwen3-8B is best, with 91.2% accuracy."
    sentences = [setting, "We build a benchmark of 500 documents.", answer]
    quotes = [quote(s) for s in sentences]
    assert [q.sentence for q in lead_quotes(question, quotes, sentences)] == [answer]


def test_a_background_quote_does_not_lead_a_part_it_only_shares_words_with() -> None:
    question = "What is OmniBench and what does it cover?"
    setting = (
        "Evaluating omni-modal models is essential, and what a benchmark should cover "
        "remains unclear."
    )
    intro = "We present OmniBench, a benchmark for omni-modal models."
    sentences = [setting, intro, "It spans 1,142 questions across audio and video."]
    quotes = [quote(s) for s in sentences]
    led = lead_quotes(question, quotes, sentences, "OmniBench: a benchmark")
    assert [q.sentence for q in led] == [intro]


def test_a_failure_ask_leads_with_the_cause_after_the_problem_it_names() -> None:
    question = "What goes wrong with reward models under distribution shift?"
    problem = "Reward models degrade sharply under distribution shift."
    cause = "We find that this is because they overfit to spurious length features."
    sentences = ["Reward models are central to RLHF.", problem, cause, "We propose a fix."]
    quotes = [quote(s) for s in sentences]
    assert [q.sentence for q in lead_quotes(question, quotes, sentences)] == [problem, cause]
    # A problem stated without its cause next stays the lead.
    plain = [sentences[0], problem, "We propose a fix."]
    assert [q.sentence for q in lead_quotes(question, [quote(s) for s in plain], plain)] == [
        problem
    ]


def test_a_how_to_avoid_ask_leads_with_the_remedy_after_the_problem() -> None:
    question = "How does the cache avoid eviction errors in long-context decoding?"
    problem = "Existing cache compression suffers from eviction errors in long-context decoding."
    remedy = "To address this, we keep a residual buffer and re-score evicted tokens."
    sentences = ["Language models are widely deployed.", problem, remedy]
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences).sentence == remedy


BINDING_TITLE = "Mixing Mechanisms: How Language Models Retrieve Bound Entities In-Context"
BINDING = [
    "A key component of in-context reasoning is the ability of language models (LMs) to bind "
    "entities for later retrieval.",
    'For example, an LM might represent "Ann loves pie" by binding "Ann" to "pie", allowing it '
    'to later retrieve "Ann" when asked "Who loves pie?"',
    "Prior research on short lists of bound entities found strong evidence that LMs implement "
    'such retrieval via a positional mechanism, where "Ann" is retrieved based on its position '
    "in context.",
    "In this work, we find that this mechanism generalizes poorly to more complex settings; as "
    "the number of bound entities in context increases, the positional mechanism becomes noisy "
    "and unreliable in middle positions.",
    "To compensate for this, we find that LMs supplement the positional mechanism with a "
    'lexical mechanism (retrieving "Ann" using its bound counterpart "pie") and a reflexive '
    'mechanism (retrieving "Ann" through a direct pointer).',
    "Through extensive experiments on nine models and ten binding tasks, we uncover a "
    "consistent pattern in how LMs mix these mechanisms to drive model behavior.",
]


def test_what_the_question_leaves_out_does_not_lead() -> None:
    # "Besides X": a sentence holding only X answers nothing; the one adding others does.
    for question in (
        "Other than the positional mechanism, what mechanisms do LMs use to retrieve entities?",
        "In addition to a positional mechanism, which mechanisms help LMs retrieve entities?",
    ):
        chosen = best_quote(question, [quote(s) for s in BINDING], BINDING, BINDING_TITLE)
        assert chosen.sentence == BINDING[4], question
    assert (
        without_excluded(BINDING[2], "Besides the positional mechanism, what ...?").count(
            "mechanism"
        )
        == 0
    )


CARE_TITLE = "CARE: Cognitive-reasoning Augmented Reinforcement for Emotional Support Conversation"
CARE = [
    "Emotional Support Conversation (ESC) plays a vital role in alleviating psychological "
    "stress and providing emotional value through dialogue.",
    "To address this gap, we propose CARE, a novel framework that strengthens reasoning in ESC "
    "without relying on large-scale synthetic data.",
    "CARE leverages the original ESC training set to guide models in generating logically "
    "coherent and supportive responses, thereby explicitly enhancing cognitive reasoning.",
    "Building on this foundation, we further employ reinforcement learning to refine and "
    "reinforce the reasoning process.",
    "Experimental results demonstrate that CARE significantly improves both the logical "
    "soundness and supportive quality of responses.",
]


def test_a_restated_question_moves_past_the_introduction_naming_its_subject() -> None:
    # "instead of Y" mirrors "without relying on Y": the introduction repeats the question.
    for question in (
        "What does CARE use to strengthen reasoning in ESC instead of relying on synthetic data?",
        "What does CARE rely on to strengthen reasoning in ESC rather than synthetic data?",
        "What does CARE build on to strengthen reasoning in ESC, instead of synthetic data?",
    ):
        leads = lead_quotes(question, [quote(s) for s in CARE], CARE, CARE_TITLE)
        assert leads[0].sentence == CARE[2], question
    # Naming its subject is not restating: the introduction still answers "what is it?".
    what = "What is CARE, which strengthens reasoning in ESC?"
    assert lead_quotes(what, [quote(s) for s in CARE], CARE, CARE_TITLE)[0].sentence == CARE[1]


VERIGUARD = [
    "The deployment of autonomous AI agents in sensitive domains, such as healthcare, "
    "introduces critical risks to safety, security, and privacy.",
    "We introduce VeriGuard, a novel framework that provides formal safety guarantees for "
    "LLM-based agents through a dual-stage architecture.",
    "The initial offline stage synthesizes a behavioral policy and formally verifies it.",
    "The second stage provides online action monitoring, where VeriGuard operates as a runtime "
    "monitor to validate each proposed agent action against the pre-verified policy.",
]


def test_a_sentence_stating_a_risk_is_background() -> None:
    assert background(VERIGUARD[0])
    assert not background(VERIGUARD[3])
    question = (
        "In the LLM-agent safety framework that formally verifies a behavioral policy offline, "
        "how are the agent's actions checked once it is deployed?"
    )
    chosen = best_quote(question, [quote(s) for s in VERIGUARD], VERIGUARD)
    assert chosen.sentence == VERIGUARD[3]


def test_a_dotted_name_called_the_asked_kind_answers_a_name_part() -> None:
    # Tokens cut "MedVox-1.5K" at its dot; its apposition still says it is the dataset.
    question = (
        "Which encoder does MedVox use for speech, and what is its instruction corpus dataset "
        "called?"
    )
    encoder = (
        "We propose a Hierarchical Speech Encoder (HSE) that compresses long speech into tokens."
    )
    corpus = "To support training, we curate MedVox-1.5K, a large instruction corpus dataset."
    sentences = [encoder, corpus]
    quotes = [quote(encoder), quote(corpus)]
    assert names_the_kind(corpus, "what is its instruction corpus dataset called?")
    assert [q.sentence for q in lead_quotes(question, quotes, sentences)] == sentences


def test_a_uses_ask_for_a_mechanism_is_answered_by_the_name_the_paper_coins() -> None:
    # "What mechanism does X use ...?" asks for X's own part, though the ask acts on it.
    question = "What mechanism does ORCA use to keep long agent runs coherent without retraining?"
    intro = "We introduce ORCA (Orchestrated Reasoning for Coherent Agents), a modular agent stack."
    coined = (
        "To keep long runs coherent without retraining, we propose Memory Anchor Replay (MAR): "
        "past steps are summarised and replayed."
    )
    quotes = [quote(intro), quote(coined)]
    assert [q.sentence for q in holding(question, quotes)] == [coined]
    assert best_quote(question, quotes, [intro, coined]).sentence == coined


def test_an_opening_means_answers_how_in_place_of_a_lead_saying_none() -> None:
    # A two-sentence abstract: the rarity weights are small, yet "By sorting ..." tells how.
    question = (
        "How does the hashing-based method keep duplicates from crossing the splits of the corpus?"
    )
    intro = "We propose a hashing-based selection method to remove duplicates in corpus splits."
    how = (
        "By sorting near-identical documents into shared buckets before splitting, the method "
        "keeps each bucket in one split."
    )
    quotes = [quote(intro), quote(how)]
    assert best_quote(question, quotes, [intro, how]).sentence == how


def test_a_trillion_count_is_a_new_quantity_beside_a_model_size() -> None:
    question = "On how many tokens was the 7B-parameter model trained?"
    assert satisfies(
        "The 7B-parameter model is trained on 7 trillion tokens.", question, need_of(question), ""
    )
    assert not satisfies(
        "The 7B-parameter model is trained on 7 datasets.", question, need_of(question), ""
    )


def test_an_able_word_meets_the_verb_it_is_made_from() -> None:
    # "drivable" answers "drive" and "scalable" answers "scale"; "table" is no "-able" word.
    assert {"drive", "ident"} <= words_of("allowing arbitrary scaling of drivable identities")
    assert "scale" in words_of("a scalable design")
    assert "te" not in words_of("a table")
    question = "How does VoxTalk let one model drive any number of speaking avatars?"
    sentences = [
        "We propose VoxTalk, a talking-avatar framework.",
        "Specifically, a per-avatar routing block processes avatar-audio pairs, making avatars "
        "drivable at any scale.",
        "Our training pipeline learns speaking patterns from single-person clips.",
        "Experiments show that VoxTalk keeps lips in sync.",
    ]
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences).sentence == sentences[1]


def test_a_field_that_plays_a_pivotal_role_or_has_shown_gains_is_background() -> None:
    assert background("Retrieval corpora play a central role in grounding chatbots, yet they age.")
    assert background("Video models have lately shown strong gains in realism, yet cost a lot.")
    # The paper's own finding is no background, nor its own gains.
    assert not background("We show that the warm-up phase plays a crucial role in stability.")
    assert not background("Our planner shows strong gains on ALFWorld.")


def test_a_which_is_apposition_names_the_kind_asked() -> None:
    # "X, which is an 8B-parameter MoE model" says X is the model, as "X, a ... model" does.
    question = "What is the 3B-parameter dense model built on Gated Memory called?"
    said = "We build RecallLM, which is a 3B-parameter dense model trained on 2 trillion tokens."
    assert names_the_kind(said, question)
    assert not names_the_kind("We build RecallLM, which trains fast, and a dense model.", question)


def test_a_how_question_looks_from_the_sentence_that_introduces_the_work() -> None:
    # A name coined for a later step ("a Coarse-To-Fine Relabelling scheme") does not mark
    # where the work is introduced: the step before it still answers "how".
    sentences = [
        "Earlier tracking models learn from synthetic clips built from still images.",
        "We propose a self-supervised tracker trained only on real footage.",
        "It then selects reliable anchor frames by exploiting learned flow cues.",
        "The anchors are then used to train a propagation network, for which we propose "
        "a Coarse-To-Fine Relabelling scheme.",
    ]
    question = (
        "How does the self-supervised tracker trained only on real footage select reliable "
        "anchor frames?"
    )
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences).sentence == sentences[2]


def test_a_sentence_naming_the_challenge_gives_way_to_the_one_meeting_it() -> None:
    challenge = (
        "The central challenge is substituting ground-truth labels, absent at deployment, "
        "with dense learned signals."
    )
    remedy = "We tackle this with a learned critic that supplies feedback at every step."
    result = "The critic lets the policy improve by 12% on held-out rooms."
    sentences = [challenge, remedy, result]
    question = "What supplies the dense signals that stand in for ground-truth labels?"
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences).sentence == remedy
    # Asked for the challenge itself, the sentence naming it answers.
    asked = "What is the central challenge of substituting ground-truth labels with signals?"
    assert best_quote(asked, quotes, sentences).sentence == challenge


def test_how_accurate_asks_for_the_accuracy_a_sentence_gives() -> None:
    sentences = [
        "We test planners on grid puzzles and on household scenes.",
        "Planners do well on household scenes.",
        "They fall under 12 percent accuracy on grid puzzles.",
    ]
    question = "How accurate are the planners on grid puzzles?"
    quotes = [quote(s) for s in sentences]
    assert best_quote(question, quotes, sentences).sentence == sentences[2]


def test_a_how_lead_telling_the_effect_of_the_sentence_before_follows_it() -> None:
    means = "We propose Tidewalk, which routes each request through summaries of past turns."
    effect = "This turns the cache from a passive store into an active guide."
    sentences = ["Chat agents forget early turns.", means, effect]
    question = "How does Tidewalk turn its cache from a passive store into an active guide?"
    leads = lead_quotes(question, [quote(effect), quote(means)], sentences)
    assert [q.sentence for q in leads] == [means, effect]
    # A lead giving the number asked for reads alone.
    number = "This cuts the latency of each query by 41%."
    asked = "By how much does Tidewalk cut the latency of each query?"
    leads = lead_quotes(asked, [quote(number)], [means, number])
    assert [q.sentence for q in leads] == [number]


# --- a thirteenth blind part of lead questions (q-1801..q-1842, issue 13) ----------------------


def test_a_second_ask_may_open_on_its_topic_and_the_description_is_not_split() -> None:
    question = (
        "A tool that parses logs and can run offline: what is its parser called, and data "
        "from how many servers is it applied to?"
    )
    assert question_parts(question) == [
        "A tool that parses logs and can run offline: what is its parser called",
        "data from how many servers is it applied to?",
    ]


def test_what_an_acronym_stands_for_is_told_by_the_sentence_spelling_it_out() -> None:
    spelled = (
        "To fix this, we propose Gated Residual Token Mixing (GRTM), a module for long inputs."
    )
    penalty = "GRTM applies a KL penalty to bound each update of the mixing weights."
    sentences = ["Long inputs blur token identity.", spelled, penalty]
    assert [q.sentence for q in holding("What does GRTM stand for?", map(quote, sentences))] == [
        spelled
    ]
    question = "What does the acronym GRTM stand for, and what penalty bounds its updates?"
    leads = lead_quotes(question, [quote(penalty), quote(spelled)], sentences)
    assert [q.sentence for q in leads] == [spelled, penalty]


def test_what_the_authors_call_an_effect_is_told_by_the_sentence_terming_it() -> None:
    cause = "The loss ties the two gradients together, so both probabilities rise or fall at once."
    term = "We term this effect, common to such losses, gradient coupling."
    sentences = ["Preference losses compare two responses.", cause, term]
    question = (
        "What do the authors call the effect that makes both probabilities rise or fall at once?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == term


def test_the_words_an_acronym_spells_name_no_thing_of_the_asked_kind() -> None:
    question = "Which model repeatedly spotted the error in the figure that review missed?"
    background = "Spotting errors in figures is hard for Large Language Models (LLMs) today."
    assert not names_the_kind(background, question)


def test_which_kind_did_something_is_answered_by_the_name_just_before_that_verb() -> None:
    question = "Which model repeatedly spotted the error in the figure that review missed?"
    found = "The prompt also guided Gemini 2.5 Pro to repeatedly spot the error review missed."
    assert names_the_kind(found, question)
    assert not names_the_kind("Gemini 2.5 Pro was one of the two models we prompted.", question)


def test_a_list_of_testbeds_names_each_one_tested_on() -> None:
    assert holds.tested_on("Experiments on WebArena and Mind2Web show gains.") == {
        "webarena",
        "mind2web",
    }
    assert holds.tested_on("We test across GSM8K, MATH, and the AIME sets.") == {
        "gsm8k",
        "math",
        "aime",
    }
    question = "Besides WebArena, on which benchmark does the agent run its experiments?"
    sentences = [
        "We present a world-model agent.",
        "Experiments on WebArena and Mind2Web show gains.",
    ]
    assert holding(question, [quote(s) for s in sentences]) == [quote(sentences[1])]


def test_which_means_counter_a_problem_is_told_by_the_remedy_after_the_problem() -> None:
    problem = (
        "This task is particularly challenging due to two obstacles: drift, where styles leak "
        "into the subject, and collapse, where one concept crowds out the other."
    )
    remedy = (
        "To overcome these challenges, we design Loomer, which pairs Anchor Replay with "
        "Split Heads."
    )
    sentences = ["We study concept editing.", problem, remedy]
    question = (
        "Which two techniques does Loomer use to counter drift and collapse in concept editing?"
    )
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == remedy


def test_an_acronym_spelled_out_as_a_proper_name_names_the_asked_kind() -> None:
    # q-1926: "the Epps-Pulley (EP) objective" names an objective; "Large Language Models
    # (LLMs)" names no model (a common acronym's words).
    question = "Which objective, used by LeWM to shape its latents, does QQ replace?"
    assert names_the_kind("LeWM shapes its latents with the Epps-Pulley (EP) objective.", question)


def test_introduces_which_new_thing_is_answered_by_the_name_it_introduces() -> None:
    setup = "Video creators need tools to repurpose content, a task that needs manual search."
    task = "In this paper we introduce the task of Video Library Question Answering (VLQA)."
    sentences = [setup, task]
    question = "The paper that applies retrieval to video libraries introduces which new task?"
    assert holding(question, [quote(s) for s in sentences]) == [quote(task)]
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == task


def test_a_name_set_off_by_the_questions_own_description_is_the_name_asked_for() -> None:
    intro = "We present Tacto-7, a world-action model for contact-rich manipulation."
    used = "We use NeoGrip, a unified force-based tactile representation, to condition actions."
    question = (
        "The world-action model for contact-rich manipulation: what is the unified force-based "
        "tactile representation it uses called?"
    )
    assert holding(question, [quote(intro), quote(used)]) == [quote(used)]
    # Set off as another kind than asked, it is the paper the question describes.
    asked = "Which model does the reasoning-driven video framework train?"
    assert not names_the_kind("We present CogX, a reasoning-driven video framework.", asked)


# --- the fifteenth and sixteenth blind parts (q-2001..q-2042, q-2101..q-2142, issue 13) -------


def test_the_ask_is_the_sentence_of_the_question_that_asks() -> None:
    # q-2028: the context's relative "where" asks nothing.
    question = (
        "A tokenizer paper revisits VQGAN, where a bigger codebook is unstable. Into what does "
        "it split a large codebook?"
    )
    assert ask_of(question) == ". Into what does it split a large codebook?"
    factored = "We introduce FQ, which splits a large codebook into independent sub-codebooks."
    problem = "Simply making the codebook bigger leads to unstable training and smaller gains."
    sentences = [problem, factored]
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == factored


def test_a_second_ask_may_open_on_a_phrase_of_three_words_and_two_prepositions() -> None:
    question = (
        "What does it call these functions, and for models trained with up to how much more "
        "compute can it predict emergence?"
    )
    assert question_parts(question) == [
        "What does it call these functions",
        "for models trained with up to how much more compute can it predict emergence?",
    ]


def test_a_coined_term_in_lower_case_answers_what_it_is_called() -> None:
    # q-2004, q-2036: "a novel task termed referring reasoning", '(i.e., "emergence laws")'.
    sizes = "Our benchmark includes 3,763 web-collected videos judged by LMMs."
    termed = (
        "As such, we formulate a novel video question-answering task termed referring reasoning."
    )
    question = "What is the novel video question-answering task it formulates called?"
    assert holding(question, [quote(sizes), quote(termed)]) == [quote(termed)]


def test_a_finding_or_a_concession_with_a_number_is_not_background() -> None:
    assert not background(
        "Using small LLMs, we find that models trained with 4x more compute have emerged."
    )
    assert not background("Despite being 3.5x smaller than Transfer1, it delivers higher fidelity.")
    assert background("Despite their success, VQ tokenizers face significant limitations.")


def test_the_subject_of_the_verb_after_called_that_is_the_name_asked_for() -> None:
    question = "In SplatFlow, what is the component called that translates latents into 3DGS?"
    found = "Then, the GSDecoder efficiently translates these latents into 3DGS representations."
    assert names_the_kind(found, question)


def test_which_model_do_they_fine_tune_is_answered_by_the_name_after_that_verb() -> None:
    # q-2105: the trailing purpose clause hid the ask's verb.
    question = (
        "Which model do the authors fine-tune on their synthetic dataset to build their own "
        "editing model?"
    )
    data = "We construct UniEdit-Data-100K, a large-scale synthetic dataset with CoT annotations."
    tuned = "We fine-tune Bagel on this dataset and develop UniEdit-Bagel."
    assert holding(question, [quote(data), quote(tuned)]) == [quote(tuned)]


def test_what_is_it_called_is_answered_by_the_name_set_off_by_the_described_words() -> None:
    # q-2124: the question's context describes what "it" is.
    question = (
        "The embedder-adviser retrieval framework that reasons over retrieved candidates: "
        "what is it called?"
    )
    named = "We introduce UniME-R1, an embedder-adviser framework that learns to rerank."
    other = "To train the framework, we mine hard negatives and align the RC-CoT adviser."
    assert holding(question, [quote(other), quote(named)]) == [quote(named)]


# --- the seventeenth and eighteenth blind parts (q-2201..q-2242, q-2301..q-2342, issue 13) ----


def test_a_name_after_namely_names_the_last_kind_before_it() -> None:
    # q-2223: "an alternative approach by creating a ... dataset ..., namely LLaVA-Video-178K".
    question = (
        "The paper that creates a synthetic dataset for video instruction-following: what is "
        "that dataset called?"
    )
    namely = (
        "We propose an alternative approach by creating a high-quality synthetic dataset "
        "specifically for video instruction-following, namely VidInstruct-178K."
    )
    model = "By training on this dataset, we introduce VidInstruct, a new video LMM."
    assert holding(question, [quote(model), quote(namely)]) == [quote(namely)]


def test_a_second_ask_may_open_on_about() -> None:
    # q-2432: "and about how many" turns to a second ask, as "and by how much" does.
    question = (
        "How does Shieldstral formulate content moderation, and about how many samples does "
        "its data construction recipe cover?"
    )
    assert question_parts(question) == [
        "How does Shieldstral formulate content moderation",
        "about how many samples does its data construction recipe cover?",
    ]


D_MERIT = [
    "Retrieval models are often evaluated on partially-annotated datasets.",
    "Unfortunately, completely annotating all texts for every query is not resource efficient.",
    "In this work, we show that using partially-annotated datasets in evaluation can paint a "
    "distorted picture.",
    "We curate D-MERIT, a passage retrieval evaluation set from Wikipedia, aspiring to contain "
    "all relevant passages for each query.",
    "We propose our dataset as a resource for evaluation.",
]


def test_a_sentence_echoing_the_questions_description_yields_to_the_answer() -> None:
    # q-2502: the question describes the paper by its claim; the sentence stating that claim
    # says nothing of the source asked about, the next sentence does.
    question = (
        "The paper arguing that evaluating retrieval models on partially-annotated datasets can "
        "paint a distorted picture curates its passage retrieval evaluation set from which "
        "source?"
    )
    quotes = [quote(s) for s in D_MERIT]
    chosen = best_quote(question, quotes, D_MERIT, "Evaluating D-MERIT of Partial-annotation")
    assert chosen.sentence == D_MERIT[3]
    assert echoes(D_MERIT[2], question)
    assert not echoes(D_MERIT[3], question)


def test_a_joined_name_ending_in_the_asked_kind_names_one() -> None:
    # q-2527: "HostAgent" is the agent asked about; "Computer-Using Agents (CUAs)" is background.
    question = (
        "In UFO2, what is the centralized agent responsible for task decomposition and "
        "coordination called?"
    )
    background_ = (
        "Recent Computer-Using Agents (CUAs), powered by multimodal large language models "
        "(LLMs), offer a promising direction for automating complex desktop workflows."
    )
    answer = (
        "UFO2 features a centralized HostAgent for task decomposition and coordination, "
        "alongside a collection of application-specialized AppAgent equipped with native APIs."
    )
    assert names_the_kind(answer, question)
    assert not names_the_kind("UFO2 features a centralized Host for task decomposition.", question)
    sentences = [background_, answer]
    chosen = best_quote(
        question, [quote(s) for s in sentences], sentences, "UFO2: The Desktop AgentOS"
    )
    assert chosen.sentence == answer


def test_an_author_ask_is_answered_by_the_cited_work() -> None:
    # q-2510: "by which author?" asks for a name, which "Farquhar et al." gives.
    question = (
        "Semantic Entropy Probes approximate semantic entropy, a hallucination detection method "
        "proposed in recent work by which author?"
    )
    cited = (
        "Recent work by Farquhar et al. (2024) proposes semantic entropy (SE), which can detect "
        "hallucinations by estimating uncertainty in the space of semantic meaning."
    )
    own = (
        "To address this, we propose SEPs, which directly approximate SE from the hidden states "
        "of a single generation."
    )
    assert need_of(question) == {"name"}
    assert holding(question, [quote(own), quote(cited)]) == [quote(cited)]


def test_the_subject_of_an_outperform_ask_may_hold_a_decimal_size() -> None:
    # q-2602: "a 0.5B LLM" is the subject of the ask's verb; GPT-4o, its object, answers.
    question = "In the study of test-time scaling, which model does a 0.5B LLM outperform?"
    answer = "Moreover, on MATH-500, a 0.5B LLM outperforms GPT-4o, and a 3B LLM beats o1."
    assert holding(question, [quote(answer)]) == [quote(answer)]


def test_what_a_question_says_the_paper_proposes_is_a_name_it_coins() -> None:
    # q-2716: "What technique does X propose ...?" is answered by "we propose Global ... (GFL)".
    question = (
        "What learning technique does Click-Gaussian propose to cope with conflicting 2D "
        "segmentation results across views?"
    )
    problem = (
        "3D segmentation accuracy deteriorates when 2D segmentation results across the views "
        "are in conflict."
    )
    answer = "To overcome these issues, we propose Global Feature-guided Learning (GFL)."
    assert holding(question, [quote(problem), quote(answer)]) == [quote(answer)]


def test_a_testbed_named_with_a_hyphen_answers_which_benchmark() -> None:
    # q-2603: "on Spec-Bench", whose name parts are the new names, names the benchmark asked.
    question = "On which benchmark is it evaluated with 7B and 13B LLMs?"
    answer = "Our experiments on Spec-Bench using LLMs with 7B and 13B parameters show gains."
    assert names_the_kind(answer, question)


def test_the_acronym_of_a_lower_case_term_is_no_name_asked_for() -> None:
    # q-2631: "the key-value (KV) cache" abbreviates a term; "Our Trimmed Llama" is the name.
    question = "The training-free pruning method: what is the resulting model called?"
    term = "We identify that the key-value (KV) cache size for image tokens is a bottleneck."
    name = "Our Trimmed Llama effectively reduces cache demands without additional training."
    assert holding(question, [quote(term), quote(name)]) == [quote(name)]


def test_a_kind_a_preposition_brings_in_is_not_the_one_asked() -> None:
    # q-2635: "Which operation on model weights ...?" asks for an operation, not a model's name.
    assert need_of("Which operation on model weights does AdaMMS apply?") == frozenset()
    assert need_of("Which new model does it propose?") == {"name"}
    assert need_of("Which reasoning model is used?") == {"name"}


def test_a_year_ask_is_answered_by_a_year() -> None:
    # q-2829: "from which publication year?" asks for a number, and "12 disciplines" is none.
    question = (
        "The benchmark that evaluates LLMs on hypothesis ranking: from how many disciplines are "
        "its source papers drawn, and from which publication year only?"
    )
    disciplines = (
        "We develop an automated framework that extracts hypotheses from scientific papers "
        "across 12 disciplines, with expert validation confirming its accuracy."
    )
    year = "To prevent data contamination, we focus exclusively on papers published in 2024."
    part = "from which publication year only?"
    assert need_of(part) == {"number"}
    assert holding(part, [quote(disciplines), quote(year)]) == [quote(year)]
    leads = lead_quotes(question, [quote(disciplines), quote(year)], [disciplines, year])
    assert [q.sentence for q in leads] == [disciplines, year]


CLINFUSION_RESULT = (
    "We show that ClinFusion sets a new state-of-the-art across multimodal medical benchmarks, "
    "outperforming leading open-source medical MLLMs (e.g., Hulu-Med, Lingshu) on 20 out of 24 "
    "benchmarks and proprietary models such as GPT-5.2 and Gemini-3-Flash on 13 out of 16 "
    "benchmarks."
)
CLINFUSION_BENCH = (
    "We further introduce a vision-grounded evaluation framework, including MedIF-Bench for "
    "instruction-following assessment."
)


def test_a_name_before_a_count_of_the_kind_names_none_of_it() -> None:
    # q-3230: "Gemini-3-Flash on 13 out of 16 benchmarks" names no benchmark; "MedIF-Bench" is one.
    ask = "What is ClinFusion's instruction-following benchmark called"
    assert not names_the_kind(CLINFUSION_RESULT, ask)
    assert names_the_kind(CLINFUSION_BENCH, ask)
    assert names_the_kind("We test on two benchmarks, MMLU and GSM8K.", "Which benchmark is used?")


def test_plural_kinds_and_a_name_in_brackets_after_ie() -> None:
    # q-3128: "the most common LLVM's families (i.e., LLaVA)" names the model family asked.
    assert [holds.meaning.kind_of(w) for w in ("families", "losses", "models", "loss")] == [
        "family",
        "loss",
        "model",
        "loss",
    ]
    sentence = (
        "We investigate several aspects by evaluating the most common LLVM's families (i.e., "
        "LLaVA) across 10 evaluation benchmarks."
    )
    assert holding("Which model family does it evaluate?", [quote(sentence)]) == [quote(sentence)]


def test_a_name_where_the_question_puts_its_question_word_answers() -> None:
    # q-3115: "the W^+ space of a StyleGAN2" fills "the W^+ space of which generative model".
    question = (
        "The avatar method from phone captures: the W^+ space of which generative model is used "
        "to parameterize the phone texture maps?"
    )
    filled = "We parameterize the phone texture maps using the W^+ space of a StyleGAN2."
    intro = "In this paper, we propose a method that generates studio-like texture maps."
    assert holding(question, [quote(filled), quote(intro)]) == [quote(filled)]
    other = "We parameterize the maps with a StyleGAN2 prior."
    assert holding(question, [quote(other)]) == []


def test_a_member_of_the_family_asked_answers_which_model() -> None:
    # q-3510: "Which Pythia model ...?" is answered by "Pythia-6.9B", a size the question
    # lacks; "MUDDPythia-2.8B" is another name, and a quote without a member answers nothing.
    question = (
        "Which Pythia model does MUDDPythia-2.8B match in pretraining perplexity, and what "
        "share of extra parameters does it add?"
    )
    member = (
        "Notably, MUDDPythia-2.8B matches Pythia-6.9B in pretraining ppl and even rivals "
        "Pythia-12B, while adding only 0.23% parameters and 0.4% computation."
    )
    other = "MUDDFormer achieves the performance of Transformers trained with 1.8X-2.4X compute."
    assert holding(question, [quote(member), quote(other)]) == [quote(member)]
    own = "MUDDPythia-2.8B adds only 0.23% parameters."
    assert holding(question, [quote(own)]) == []


def test_a_modifier_is_not_the_name_a_sentence_coins() -> None:
    # q-3306: "DiT-based" describes ConsisID, a model; it coins no module.
    sentence = "We propose ConsisID, a tuning-free DiT-based controllable IPT2V model."
    assert holds.coined(sentence, "which module captures the high-frequency details?") == [
        "ConsisID"
    ]
    assert not holds.coins_name(sentence, "which module captures the high-frequency details?")


def test_a_plural_acronym_of_the_question_is_no_new_name_spelled_out() -> None:
    # q-3414: "Large Language Models (LLMs)" spells the question's "LLMs": no model is named.
    question = "which classic model of rational choice do the LLMs' predictions align with?"
    spelled_out = (
        "However, the implicit models of human decision-making in Large Language Models (LLMs) "
        "must account for this."
    )
    assert holding(question, [quote(spelled_out)]) == []


def test_a_name_after_the_passive_verb_of_the_ask_answers_it() -> None:
    # q-3434: "built upon a Qwen2-VL-2B" answers "which base model is its agent built on".
    question = "which base model is its RL-trained agent built on"
    sentence = "Our RL-trained agent, built upon a Qwen2-VL-2B, outperforms its counterpart."
    assert names_the_kind(sentence, question)
    assert not names_the_kind("Our agent, built with care, beats Qwen2-VL-2B.", question)


def test_a_colon_ends_the_context_before_the_ask() -> None:
    # q-3712, q-3818 (session 25): the "where" of the context asks nothing, and an ask may
    # put its question word late ("experts created from what kind of ...").
    where = (
        "The paper on fine-tuning for SSMs, where Prompt Tuning performs poorly: what family of "
        "methods does it propose as a superior alternative to prompt-based methods?"
    )
    assert ask_of(where).startswith(": what family of methods")
    late = (
        "The study of merging fully fine-tuned expert models: according to its first finding, "
        "experts created from what kind of base models make merging more effective?"
    )
    assert ask_of(late).startswith(": according to its first finding")
    # a colon inside a quoted title is no context's end when the ask follows it
    titled = "In 'Words or Vision: Do VLMs Trust Text?', which factor makes the bias worse?"
    assert ask_of(titled) == ", which factor makes the bias worse?"


FRAC = [
    "Residual connections are central to modern deep learning architectures, enabling the "
    "training of very deep networks by mitigating gradient vanishing.",
    "Hyper-Connections recently generalized residual connections by introducing multiple "
    "connection strengths at different depths.",
    "However, Hyper-Connections increase memory access costs by expanding the width of hidden "
    "states.",
    "In this paper, we propose Frac-Connections, a novel approach that divides hidden states "
    "into multiple parts rather than expanding their width.",
    "Frac-Connections retain partial benefits of Hyper-Connections while reducing memory "
    "consumption.",
]


def test_what_an_ask_replaces_counts_only_where_the_sentence_sets_it_aside() -> None:
    # q-3829 (session 25): "instead of expanding its width" names what the answer replaces; the
    # sentence doing it plainly tells the problem, the one saying "rather than" the answer.
    question = (
        "The approach that keeps part of the benefits of Hyper-Connections while reducing their "
        "memory cost: what does it do with the hidden state instead of expanding its width?"
    )
    assert best_quote(question, [quote(s) for s in FRAC], FRAC).sentence == FRAC[3]
    # "is not determined by X, but rather by Y" sets X aside too (s-020)
    regret = [
        "Specifically, we study a Bayesian mixture learner with log-loss over a hypothesis class.",
        "Our key result shows that the learner's regret is not determined by the overall size "
        "of the hypothesis class, but rather by the cumulative probability of close models.",
    ]
    asked = "What determines the learner's regret instead of the size of the hypothesis class?"
    assert best_quote(asked, [quote(s) for s in regret], regret).sentence == regret[1]


def test_of_equally_focused_quotes_the_one_saying_the_ask_as_it_does_leads() -> None:
    # q-3807 (session 25): "encoder-decoder" holds the word "encode" as often as "encoding
    # motion with a music codebook" does.
    sentences = [
        "By converting music, motion, and text into tokens, our model bridges these modalities "
        "through a unified encoder-decoder transformer.",
        "We propose encoding motion with a music codebook, mapping motion into the music space.",
    ]
    question = "What does UniMuMo encode motion with?"
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == sentences[1]


EASY = [
    "Second, we propose a Position-Aware Training Paradigm.",
    "Third, we develop a Causal Attention Mechanism combined with the KV Cache technique, "
    "adapted for conditional generation tasks.",
    "This innovation significantly reduces the latency of image synthesis, improving the "
    "overall efficiency of the framework.",
]


def test_a_lead_naming_its_antecedent_by_a_demonstrative_follows_it() -> None:
    # q-3715 (session 25): "This innovation" hides what reduces the latency; the sentence
    # before it holds the ask's other words ("combine", "KV Cache").
    question = "What does EasyControl combine with the KV Cache technique to reduce latency?"
    leads = with_antecedents([quote(EASY[2])], EASY, question)
    assert [q.sentence for q in leads] == EASY[1:]
    # a sentence before adding one word of the ask (the paper's name) is not shown first
    meshy = [
        "A mesh flow then populates the scaffold, conditioned on a requested vertex budget.",
        "This design delivers effective face-count control through the requested vertex budget.",
    ]
    asked = "How does Meshy T2 provide control over the face count of generated meshes?"
    assert [q.sentence for q in with_antecedents([quote(meshy[1])], meshy, asked)] == meshy[1:]


def test_a_name_doing_the_asked_kinds_verb_names_it() -> None:
    # q-3805 (session 25): "is primarily assessed using the F1-score" answers "what metric
    # primarily assesses ...?", though no "metric" stands beside the name.
    f1 = (
        "Performance of models is primarily assessed using the F1-score, and it is complemented "
        "by various assessment modes."
    )
    other = "These entities are standardized according to the OMOP Common Data Model."
    question = "What metric primarily assesses model performance?"
    assert f1 in [q.sentence for q in holding(question, [quote(f1), quote(other)])]
    assert not holding("What metric primarily assesses it?", [quote("It is assessed by hand.")])


def test_a_sentence_saying_what_the_ask_replaces_replaces_it() -> None:
    # q-3911 (session 25): "in place of X" is answered by "replaces X with Y", not by the
    # background sentence holding X plainly.
    sentences = [
        "Existing methods rely on discrete binary occupancy maps whose boundary encoding causes "
        "staircase artifacts.",
        "To address this, we propose Differentiable Geometry Image (DiffGI).",
        "DiffGI replaces binary maps with a continuous 2D Truncated Signed Distance Function.",
    ]
    question = "What does DiffGI use in place of discrete binary occupancy maps?"
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == sentences[2]


def test_an_acronym_speaks_for_the_words_it_stands_for() -> None:
    # q-4030 (session 25): the question names "Outcome Reward Modeling", the result says "ORM".
    sentences = [
        "We test three test-time scaling methods-Outcome Reward Modeling (ORM), Process Reward "
        "Modeling (PRM), and Budget Forcing (BF)-on Qwen2.5-1.5B Math and MR1-1.5B.",
        "Our experiments show that using Qwen2.5-1.5B Math with ORM achieves a score of 35.8 on "
        "MCLM, while BF on MR1-1.5B attains 35.2.",
    ]
    question = "What score does Qwen2.5-1.5B Math with Outcome Reward Modeling achieve on MCLM?"
    assert best_quote(question, [quote(s) for s in sentences], sentences).sentence == sentences[1]
    abstract = " ".join(sentences)
    assert "outcome" in glossed(sentences[1], abstract, {"outcom"})
    # only words of the ask: "In Monadic Context Engineering, which ...?" names the paper
    assert glossed(sentences[1], abstract, {"score"}) == sentences[1]


def test_a_finding_of_our_results_is_no_background() -> None:
    # q-4007 (session 25): "struggle" states a problem, but here the paper's results find it.
    finding = (
        "Our experimental results show that even the most advanced models struggle with "
        "Olympiad-level problems, with 60.54% and 52.55% accuracy."
    )
    assert not background(finding)
    assert background("Even the most advanced models struggle with Olympiad-level problems.")


WORLDEXAM = [
    "It comprises 1,474 cases across eight dedicated tasks.",
    "Evaluation of 20 representative models reveals a clear capability split.",
]


def test_each_counting_part_needs_its_own_count() -> None:
    # q-4124 (session 25): "1,474 cases across eight tasks" gives two numbers, but no count of
    # the models the second part asks for.
    question = "How many cases does WorldExam comprise, and how many models are evaluated on it?"
    assert not holds.counts_each(WORLDEXAM[0], question)
    leads = lead_quotes(question, [quote(s) for s in WORLDEXAM], WORLDEXAM)
    assert [q.sentence for q in leads] == WORLDEXAM


def test_a_name_after_the_asked_kinds_modifier_names_it() -> None:
    # q-4116 (session 25): "the closed-source Runway Gen-3 Alpha" for "which closed-source
    # model ...?", not the paper's own model named beside "model".
    own = "In this report, we present Open-Sora 2.0, a commercial-level video generation model."
    runway = (
        "Open-Sora 2.0 is comparable to leading models including the open-source HunyuanVideo and "
        "the closed-source Runway Gen-3 Alpha."
    )
    question = "Which closed-source model is it said to be comparable to?"
    assert [q.sentence for q in holding(question, [quote(own), quote(runway)])] == [runway]


def test_a_name_paired_with_the_one_the_question_gives_answers_it() -> None:
    # q-4112 (session 25): "Playground-v2 and FLUX" for "which model ... alongside FLUX ...?";
    # a capitalised word with a numbered version is a name.
    said = "Playground-v2 and FLUX consistently outperform across metrics and subsets."
    other = "To address this, we propose a comprehensive benchmark for Taxonomy Image Generation."
    question = "Which model is named alongside FLUX as consistently outperforming across metrics?"
    assert said in [q.sentence for q in holding(question, [quote(said), quote(other)])]
    assert "playground-v2" in meaning.names(said)


def test_a_late_question_word_after_a_context_comma_starts_the_ask() -> None:
    # q-2528 (session 25): "In the X framework ..., optimizing only which attributes ...?"
    question = (
        "In the 3D Gaussian Splatting style-transfer framework with disentangled priors, "
        "optimizing only which attributes preserves geometric integrity during stylization?"
    )
    assert ask_of(question) == (
        ", optimizing only which attributes preserves geometric integrity during stylization?"
    )
    assert ask_of("What score does X reach, in the end?") == "What score does X reach, in the end?"


def test_a_problem_clause_leading_into_the_work_is_no_background() -> None:
    # q-4310 (session 26)
    assert not background(
        "Moreover, since existing methods struggle in complex domains, we introduce "
        "OmniLayout-LLM, a 0.5B model with a two-stage coarse-to-fine learning paradigm."
    )
    assert background("Moreover, existing methods struggle in complex domains.")


MOSE = [
    "MOSEv2 consists of 5,024 videos and over 701,976 high-quality masks.",
    "We benchmark 20 representative VOS methods under 5 different settings and observe "
    "consistent performance drops.",
    "For example, SAM2 drops from 76.4% on MOSEv1 to only 50.9% on MOSEv2.",
]


def test_the_decimals_a_question_quotes_pin_its_sentence() -> None:
    # q-4434 (session 26): the method is the one whose scores the question quotes.
    question = (
        "A harder video object segmentation dataset reports a representative method falling "
        "from 76.4% on its predecessor to 50.9% on the new set. Which method is it?"
    )
    quotes = [Evidence(1, "p", s, 0.0) for s in MOSE]
    assert best_quote(question, quotes, MOSE).sentence == MOSE[2]


def test_a_model_named_with_its_size_answers_which_model() -> None:
    # q-4429 (session 26): "aya-vision-8b" is a model though no "model" stands beside it.
    question = (
        "Which model relies too heavily on text when visual and textual information conflict?"
    )
    said = "Gemini 2.5 pro balances visual and textual info, while aya-vision-8b over-rely on text."
    assert holding(question, [Evidence(1, "p", said, 0.0)])
    # q-3414: a model "of rational choice" is no model a size names.
    other = "Which classic model of rational choice do the LLMs' predictions align with?"
    assert not holding(
        other, [Evidence(1, "p", "Llama-3-8B & 70B assume people are rational.", 0.0)]
    )


def test_what_an_evaluation_shows_is_no_background() -> None:
    # q-4630 (session 27): models that "struggle" in the paper's own evaluation are a finding.
    finding = (
        "Comprehensive evaluation across 16 leading large vision-language models, demonstrates "
        "VL-RewardBench's effectiveness as a challenging testbed, where even GPT-4o achieves only "
        "65.4% accuracy, and open-source models struggle to surpass random-guessing."
    )
    assert not background(finding)
    assert background("Recent evaluations show that existing models struggle with long videos.")


def test_a_model_ask_may_describe_the_model_in_two_words() -> None:
    # q-4602 (session 27): "which larger mixture-of-experts model" is answered by a sized name.
    question = "Which larger mixture-of-experts model does the abstract say it surpasses?"
    sentence = "Our models outperform larger ones like Llama2-13B-Chat and DeepSeekMoE-16B."
    assert holding(question, [quote(sentence)])


def test_what_a_method_is_based_on_is_no_testbed() -> None:
    # q-4710 (session 27): "based on Group Relative Policy Optimization" names no dataset.
    question = (
        "What is the name of the curated dataset of understanding-generation pairs that PairUni "
        "uses for RL fine-tuning?"
    )
    based = (
        "To leverage this structure, we present Pair-GPRO, a pair-aware variant based on Group "
        "Relative Policy Optimization."
    )
    curated = "We curate a high-quality dataset of 16K UG pairs named PairUG for RL fine-tuning."
    assert holds.tested_on(based) == set()
    assert holding(question, [quote(based), quote(curated)]) == [quote(curated)]


def test_a_relative_clause_with_a_model_is_no_model_ask() -> None:
    # q-4333 (dev, session 27): "in which the base model's weight spectra are reused".
    question = (
        "What property of RLVR, in which the base model's weight spectra are reused while "
        "behavior changes through the singular frames, does ISO build on?"
    )
    sentence = "On Qwen3-8B-Base, AdamW reaches an aggregate accuracy of 0.495 after 270 steps."
    assert not holding(question, [quote(sentence)], "ISO: An RLVR-Native Optimization Stack")


def test_the_asked_kind_written_by_its_initials_is_a_kind_not_a_name() -> None:
    """Session 28, q-5037: "LVLMs like BLIP-2" names the large vision-language model asked
    for, and leads rather than "vision-language models (LLM/LVLMs)", which names none."""
    asked = (
        "Which large vision-language model does VideoLights use for multimodal feature "
        "integration and for generating synthetic pretraining data?"
    )
    unnamed = (
        "Although large-language and vision-language models (LLM/LVLMs) have gained "
        "prominence across various domains, their application in this field remains "
        "relatively underexplored."
    )
    named = (
        "In addition, (iv) we introduce hard positive/negative losses for adaptive error "
        "penalization and improved learning, and (v) leverage LVLMs like BLIP-2 for enhanced "
        "multimodal feature integration and intelligent pretraining using synthetic data "
        "generated from LVLMs."
    )
    title = "VideoLights: Feature Refinement and Cross-Task Alignment Transformer"
    quotes = [Evidence(1, "", unnamed, 0.0), Evidence(1, "", named, 0.0)]
    assert holding(asked, quotes[1:], title)
    assert best_quote(asked, quotes, [unnamed, named], title).sentence == named


def test_a_term_the_authors_coin_after_a_noun_is_a_coined_term() -> None:
    """Session 28, q-5036: "..., a process we term motion prompt expansion" coins the term
    "What does it call the process ...?" asks for, as "we refer to this ... as" does."""
    asked = "What does it call the process of turning user requests into motion prompts?"
    referred = (
        "This representation can encode any number of trajectories; due to its flexibility we "
        "refer to this conditioning as motion prompts."
    )
    termed = (
        "We also show how to translate high-level user requests into detailed, semi-dense "
        "motion prompts, a process we term motion prompt expansion."
    )
    quotes = [Evidence(1, "", referred, 0.0), Evidence(1, "", termed, 0.0)]
    assert termed in [q.sentence for q in holding(asked, quotes, "Motion Prompting")]
    assert not holds._TERMS.search("In response, we call for more careful evaluation.")


def test_what_the_papers_own_named_test_reveals_is_a_finding() -> None:
    """Session 28, q-5026: the sentence naming DeafTest was taken for background ("struggle")
    and the second part of the question went unanswered."""
    found = (
        "While these models demonstrate impressive performance, our proposed DeafTest reveals "
        "that MLLMs often struggle to discern simple tasks humans find trivial."
    )
    assert not background(found)
    assert background("However, existing models struggle to discern which sound is louder.")


def test_an_ask_after_its_verb_leaves_the_subject_before_it_as_context() -> None:
    """Session 29, q-5306: "A method that lets ... using self-generated short-to-long preference
    data adds what constraint ...?" asks from "adds what" on; the sentence restating the
    subject ("LongPO harnesses LLMs to learn from self-generated short-to-long preference
    data") does not lead."""
    asked = (
        "A method that lets short-context LLMs self-evolve for long-context tasks using "
        "self-generated short-to-long preference data adds what constraint to keep "
        "short-context performance from declining?"
    )
    assert ask_of(asked) == (
        " adds what constraint to keep short-context performance from declining?"
    )
    restating = (
        "LongPO harnesses LLMs to learn from self-generated short-to-long preference data, "
        "comprising paired responses generated for identical instructions with long-context "
        "inputs and their compressed short-context counterparts, respectively."
    )
    answering = (
        "Additionally, LongPO incorporates a short-to-long KL constraint to mitigate "
        "short-context performance decline during long-context alignment."
    )
    assert led(asked, [restating, answering], "LongPO") == answering
    assert ask_of("In the paper on X, which model wins?") == ", which model wins?"


def test_what_are_they_asks_for_what_the_context_counts() -> None:
    """Session 29, q-5304: "... supports two output modes. What are they?" asks for the two
    output modes; the sentence introducing the transformer only restates the context."""
    asked = (
        "A fully open-source, single-stage auto-regressive transformer for text-to-song "
        "generation supports two output modes. What are they?"
    )
    assert "two output modes" in ask_of(asked)
    introducing = (
        "In this paper, we propose SongGen, a fully open-source, single-stage auto-regressive "
        "transformer designed for controllable song generation."
    )
    modes = (
        "Within a unified auto-regressive framework, SongGen supports two output modes: mixed "
        "mode, which generates a mixture of vocals and accompaniment directly, and dual-track "
        "mode, which synthesizes them separately."
    )
    title = "SongGen: A Single Stage Auto-regressive Transformer for Text-to-Song Generation"
    assert led(asked, [introducing, modes], title) == modes


def test_a_lower_case_name_after_a_novel_kind_is_the_name_asked_for() -> None:
    """Session 29, q-5224: "we introduce a novel model bge-en-icl" names the model; "the ICL
    feature" of another sentence does not."""
    asked = (
        "A paper puts few-shot task examples on the query side to let a decoder-only LLM "
        "produce better text embeddings. What is the model it introduces called?"
    )
    feature = (
        "Recognizing the potential of this capability, we propose leveraging the ICL feature in "
        "LLMs to enhance the process of text embedding generation."
    )
    model = (
        "To this end, we introduce a novel model bge-en-icl, which employs few-shot examples to "
        "produce high-quality text embeddings."
    )
    held = holding(asked, [quote(feature), quote(model)], "Making Text Embedders Few-Shot Learners")
    assert [q.sentence for q in held] == [model]


def test_the_noun_before_called_is_the_kind_asked_for() -> None:
    """Session 30, q-5623: "What is the public evaluation split called that OpenAI
    open-sourced with its benchmark ...?" asks for the split, not the benchmark of the
    context after "called"."""
    asked = (
        "What is the public evaluation split called that OpenAI open-sourced with its benchmark "
        "of real-world freelance software engineering tasks worth a million dollars in payouts?"
    )
    benchmark = (
        "We introduce SWE-Lancer, a benchmark of over 1,400 freelance software engineering "
        "tasks from Upwork, valued at 1 million USD total in real-world payouts."
    )
    split = (
        "To facilitate future research, we open-source a unified Docker image and a public "
        "evaluation split, SWE-Lancer Diamond."
    )
    assert asked_kinds(asked) == {"split"}
    assert led(asked, [benchmark, split], "SWE-Lancer: Can Frontier LLMs Earn $1 Million") == split
    # Such a noun names the kind in an apposition too (q-2205).
    subset = "What is the subset of manually re-annotated questions called?"
    redux = "We create MMLU-Redux, which is a subset of 3,000 manually re-annotated questions."
    assert asked_kinds(subset) == {"subset"}
    assert names_the_kind(redux, subset)


# Sessions 29 and 30: a question, a sentence that led before, the sentence that answers it,
# and the title.
LEADS_FIXED = {
    # q-5101: "what gFID does it reach on the ImageNet 256 x 256 benchmark?" is answered at
    # 256 x 256, not by the sentence at 512 x 512.
    "quoted-resolution": (
        "With its few image tokens, what gFID does the tokenizer reach on the ImageNet 256 x 256 "
        "benchmark?",
        "At ImageNet 512 x 512 benchmark, TiTok not only outperforms state-of-the-art diffusion "
        "model DiT-XL/2 (gFID 2.74 vs. 3.04), but also reduces the image tokens by 64x, leading "
        "to 410x faster generation process.",
        "Specifically, using the same generator framework, TiTok attains 1.97 gFID, "
        "outperforming MaskGIT baseline significantly by 4.21 at ImageNet 256 x 256 benchmark.",
        "An Image is Worth 32 Tokens for Reconstruction and Generation",
    ),
    # q-5507: "Which author posed it?" is answered by "Dennett (1989) ..." as well as by
    # "Farquhar et al.", though no method is named.
    "cited-author": (
        "The paper arguing that agency is frame-dependent cites a 1989 puzzle about whether a "
        "rock, a thermostat, or a robot has agency. Which author posed it?",
        "We support this claim by presenting a philosophical argument that each of the "
        "essential properties of agency proposed by Barandiaran et al. (2009) and Moreno (2018) "
        "are themselves frame-dependent.",
        "Determining if a system exhibits agency is a notoriously difficult question: Dennett "
        "(1989), for instance, highlights the puzzle of determining which principles can "
        "decide whether a rock, a thermostat, or a robot each have agency.",
        "Agency Is Frame-Dependent",
    ),
    # q-5427: "... how much shorter than GRPO's?" is answered by "32.8% shorter reasoning
    # chains", not by "four thinking modes".
    "figure-before-comparative": (
        "The RL method that lets social agents switch among thinking modes from intuitive "
        "reaction to deep contemplation produces reasoning chains how much shorter than GRPO's?",
        "In this paper, we propose Adaptive Mode Learning (AML) that strategically selects "
        "from four thinking modes (intuitive reaction to deep contemplation) based on "
        "real-time context.",
        "Notably, our method outperforms GRPO by 7.0% with 32.8% shorter reasoning chains.",
        "Think on your Feet",
    ),
    # q-5529: "what name is given to this kind of evaluation?" is answered by the term the
    # paper coins, not by the sentence restating the question.
    "name-given": (
        "In the study where an agent takes on the central research question of an unpublished "
        "paper and the paper's original authors grade its output, what name is given to this "
        "kind of evaluation?",
        "An agent takes on the central, open-ended research question of a high-quality "
        "unpublished paper, and the paper's original authors grade its output.",
        "We call these shadow evaluations.",
        "Can AI agents conduct open-ended AI research?",
    ),
    # q-5921: "How does the framework overcome the scarcity of ...?" is answered by the
    # sentence whose purpose clause says it ("to overcome the scarcity of ..., we establish
    # ..."), not by another step saying "by positioning ...".
    "purpose-then-means": (
        "How does the two-stage 3D-aware text-to-video framework overcome the scarcity of "
        "in-the-wild datasets with 3D object motion and camera pose annotations?",
        "In the first stage, we design an interactive workflow that allows users to construct "
        "3D-aware conditional signals by positioning object bounding boxes in 3D space.",
        "Furthermore, to overcome the scarcity of in-the-wild datasets with 3D object motion and "
        "camera pose annotations, we carefully establish an automated data annotation pipeline.",
        "CineMaster: A 3D-Aware and Controllable Framework for Cinematic Text-to-Video Generation",
    ),
    # q-5732: "What kind of iterative cycle was used ...?" is answered by the term quoted
    # before "cycle", not by the sentence restating what the cycle was used for.
    "quoted-kind": (
        "What kind of iterative cycle was used to safety-align the Phi-3 series of language "
        "models?",
        "In this report, we present our methodology for safety aligning the Phi-3 series of "
        "language models.",
        'We utilized a "break-fix" cycle, performing multiple rounds of dataset curation, safety '
        "post-training, benchmarking, red teaming, and vulnerability identification.",
        'Phi-3 Safety Post-Training: Aligning Language Models with a "Break-Fix" Cycle',
    ),
    # q-5813: "What is that metric based on?" is answered by the sentence saying what it is
    # based on, though that names nothing, not by the one using the metric.
    "based-on": (
        "A study finding that LLM-as-a-judge scores favor models similar to the judge proposes "
        "a probabilistic metric of language-model similarity. What is that metric based on?",
        "Using this metric, we first show that LLM-as-a-judge scores favor models similar to "
        "the judge, generalizing recent self-preference results.",
        "We study how model similarity affects AI oversight by proposing a probabilistic metric "
        "for model similarity based on overlap in model mistakes.",
        "Great Models Think Alike and this Undermines AI Oversight",
    ),
}


@pytest.mark.parametrize("case", LEADS_FIXED)
def test_the_sentence_holding_the_ask_leads(case: str) -> None:
    asked, before, answer, title = LEADS_FIXED[case]
    assert led(asked, [before, answer], title) == answer


def test_by_what_criterion_asks_for_no_number() -> None:
    """Session 30, q-5431: "By what criterion ... into its three primary groups?" asks on what
    grounds, not by how much; "By what factor ...?" still asks for a number."""
    assert need_of("By what criterion does the survey organize methods into three groups?") == set()
    assert need_of("By what factor does X speed up decoding?") == {"number"}


def test_a_concession_of_the_works_own_with_a_number_is_no_background() -> None:
    """Session 30, q-5436: "Despite being trained on only 200K ... samples, LLaMA-Omni 2 ..."
    concedes the work's own size; it answers "how many samples?" beside the sentence giving
    the range of sizes."""
    asked = (
        "What range of parameter sizes do the LLaMA-Omni 2 speech language models span, and how "
        "many multi-turn speech dialogue samples are they trained on?"
    )
    sizes = (
        "In this paper, we introduce LLaMA-Omni 2, a series of speech language models "
        "(SpeechLMs) ranging from 0.5B to 14B parameters, capable of real-time speech interaction."
    )
    samples = (
        "Despite being trained on only 200K multi-turn speech dialogue samples, LLaMA-Omni 2 "
        "demonstrates strong performance on several spoken question answering benchmarks."
    )
    assert not background(samples)
    assert background("Despite recent progress, existing methods struggle with long inputs.")
    sentences = [sizes, samples]
    led_by = lead_quotes(asked, [quote(s) for s in sentences], sentences, "LLaMA-Omni2")
    assert [q.sentence for q in led_by] == sentences


def test_a_given_that_clause_is_context_not_ask() -> None:
    """Session 30, q-5520: "..., given that recognizing the target is not the bottleneck?"
    restates a sentence; the ask is what current VLMs lack."""
    asked = (
        "According to the HumanCLAW study, what do current VLMs lack when acting through a "
        "body, given that recognizing the target is not the bottleneck?"
    )
    assert "bottleneck" not in ask_of(asked)
    restated = "Recognizing the target is not the bottleneck."
    lack = (
        "What current VLMs lack is embodied self-awareness: they lose track of their own body, "
        "failing to tell where it is."
    )
    title = "HumanCLAW: Can Vision-Language Models Act Through a Body?"
    assert led(asked, [restated, lack], title) == lack
