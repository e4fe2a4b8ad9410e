"""Paper lists (issue 13): a paper is listed only when its line shows it fits the ask. Pure
checks on made-up titles and sentences shaped like the near misses of list_questions.jsonl."""

from __future__ import annotations

from assistant.pipeline.listing import (
    _own,
    ask_of,
    compares,
    expand,
    fits,
    is_list_question,
    line_words,
    makes_ask,
    own_words,
    paper_words,
    ranked_lines,
    readings,
    spelled,
    terms,
)

BENCH_Q = "Which papers introduce a new benchmark?"
WORLD_Q = "Which papers study world models?"


def fit(question: str, title: str, sentence: str, abstract: str = "", others=()) -> bool:
    """The paper (title, abstract with the sentence) among ``others`` (title, abstract)."""
    paper = paper_words(title, f"{abstract} {sentence}")
    candidates = [paper, *(paper_words(t, a) for t, a in others)]
    return fits(question, paper, line_words(question, title, sentence), candidates)


def test_the_ask_is_what_follows_the_list_form() -> None:
    assert ask_of("Which papers in this batch are built on diffusion models?") == (
        "are built on diffusion models"
    )
    assert ask_of("Are there any papers on protein docking?") == "on protein docking"
    assert is_list_question("List the papers about LoRA")
    assert not is_list_question("Which dataset does the paper on docking use?")


def test_acronyms_are_spelled_out_as_the_text_defines_them() -> None:
    text = "Sparse Autoencoders (SAEs) decompose activations. Clamping SAE features fails."
    assert "Clamping SAE (Sparse Autoencoders) features" in expand(text)
    lora = "Low-Rank Adaptation (LoRA) freezes weights. We improve LoRA."
    assert fit("Which papers build on LoRA?", "Bone", lora)
    assert {"larg", "languag"} <= terms("LLMs forget")  # common enough to go undefined
    # The same letters, another meaning: Sharpness-Aware Minimization is no Segment Anything.
    sam = "We train the transformer with Sharpness-Aware Minimization (SAM). SAM finds flat minima."
    assert "segment" not in paper_words("Respiratory sounds with SAM", sam)
    assert not fit("Which papers use the Segment Anything Model (SAM)?", "SAM-Optimized AST", sam)


def test_a_tool_is_not_what_it_makes() -> None:
    assert "tokenizer" in terms("Morpheus, a lossless tokenizer")
    assert "tokenizer" not in terms("pretrained on 1.5T tokens")
    question = "Which papers are about tokenizers?"
    assert fit(question, "Morpheus: A Neural Tokenizer", "Morpheus tokenizes Turkish words.")
    assert not fit(question, "Sumi", "We pretrain Sumi from scratch on 1.5T tokens.")


def test_a_kind_of_model_is_named_by_the_words_before_model() -> None:
    assert "world+model" in terms("diffusion-transformer world models")
    assert "world+model" not in terms("real-world challenges untested by models")
    kairos = "We introduce Kairos, a native world model stack."
    assert fit(WORLD_Q, "Kairos", kairos)
    survey = "Using the World Values Survey, we evaluate 19 cultures and 18 backbone models."
    assert not fit(WORLD_Q, "Value Diversity in Agent Systems", survey)
    # A short ask needs all of its terms in the line, even one that every candidate holds.
    video = "Which papers are about video generation?"
    others = [("Video memory", "Long videos compressed."), ("Video QA", "Video questions.")]
    grounding = ("Temporal Grounding", "Answers are generated as text.", "We study videos.")
    assert not fit(video, *grounding, others=others)


def test_or_joins_alternatives_of_one_word_or_of_a_whole_part() -> None:
    (merged,) = readings("Which papers work with audio or sound?")
    assert frozenset({"audio", "sound"}) in merged
    video = "Which papers are about video editing or video-to-video translation?"
    assert (frozenset({"video"}), frozenset({"edit"})) in readings(video)
    assert fit(video, "StreamV2V", "StreamV2V achieves real-time video-to-video translation.")
    assert fit(video, "I2VEdit", "We propagate edits of one frame: video editing.")
    assert not fit(video, "Collaborative Video Diffusion", "CVD generates consistent videos.")
    # "compared against" has no object of its own: it shares LoRA, and is not read alone.
    lora = readings("Which papers propose fine-tuning methods compared against or build on LoRA?")
    assert all(any("lora" in g for g in r) for r in lora)


def test_words_about_other_work_do_not_say_what_a_paper_is_about() -> None:
    assert "diffus" not in own_words("Unlike prior diffusion models, we use a GAN.")
    assert "diffus" not in own_words("It outperforms diffusion models on FID.")
    assert "diffus" in own_words("We distill a diffusion model into one step.")


def test_an_ask_to_introduce_something_counts_only_what_the_paper_introduces() -> None:
    assert makes_ask(BENCH_Q) and not makes_ask("Which papers use GRPO?")
    made = "Empirically, we introduce Terminal Bench Pro, a benchmark with contamination control."
    assert fit(BENCH_Q, "Let It Flow", made)
    assert fit(BENCH_Q, "CEO-Bench: Can Agents Play the Long Game?", "Agents run a startup.")
    tested = "Our model attains the highest score of 59.36 on the MTEB benchmark."
    assert not fit(BENCH_Q, "NV-Embed", tested)
    assert not fit(BENCH_Q, "Sumi", "Sumi performs well on coding benchmarks.")
    weights = "Which papers release model weights?"
    assert fit(weights, "Sumi", "We release our model weights, checkpoints, and full recipe.")
    assert not fit(weights, "Physics-IQ", "We introduce a scoring system that weights each model.")


def test_a_paper_must_hold_every_term_and_its_line_the_telling_ones() -> None:
    question = "Which papers speed up reinforcement learning training of LLMs?"
    env = "RL pipelines for LLM training rely on manually redesigned environments."
    rollout = "Rollout generation is the latency bottleneck of LLM post-training."
    fast = ("EfficientRollout", "We give RL rollouts speedups of 19.6% for LLMs.", rollout)
    others = [("Env", env), ("Turing-RL", "A reinforcement learning approach for training LLMs.")]
    assert not fit(question, "Trainee to Trainer", env, others=[fast[::2], *others])
    assert fit(question, fast[0], fast[1], rollout, others=others)
    # The line must show the telling term ("speed"), not only the ones every candidate has.
    assert not fit(question, fast[0], "RL is a post-training paradigm for LLMs.", fast[1], others)
    # Among candidates that all hold "reinforcement learning" and "LLM", the line needs "math".
    math_q = "Which papers use reinforcement learning to improve math reasoning of LLMs?"
    rl = "We train LLMs with reinforcement learning for reasoning."
    assert not fit(math_q, "RL for LLM reasoning", rl, "Math benchmarks improve.", [("B", rl)])
    assert fit(math_q, "RL for LLM math", rl, "", [("B", rl)])


def test_a_pointer_to_a_project_page_shows_no_fit_unless_the_ask_is_a_release() -> None:
    pointer = "Please check our project page at for more video results."
    assert not _own(pointer, made=False)
    assert _own("Our code, models, and data will be released at", made=True)
    assert _own("We present a video diffusion model for generative rendering.", made=False)
    assert not _own("Recent video models struggle with physics.", made=False)  # background


def test_a_restatement_in_brackets_and_a_based_on_compound_count_as_the_ask() -> None:
    glossed = "Which papers propose new large multimodal (vision-language) models?"
    meteor = "Meteor: Mamba-based Traversal of Rationale for Large Language and Vision Models"
    assert fit(glossed, meteor, "We present a new efficient LLVM, Meteor.")
    assert "diffus+model" in terms("We introduce a diffusion-based framework.")
    assert expand("large language and vision models (LLVMs) rise. An LLVM").endswith(
        "LLVM (large language and vision models)"
    )


def test_a_defined_acronym_stays_a_term_of_its_sentence() -> None:
    lora = "Low-Rank Adaptation (LoRA) has become the predominant fine-tuning method for LLMs."
    assert {"lora", "low", "rank", "adapt"} <= terms(lora)
    # Spelled out from the abstract where the sentence uses it undefined.
    abstract = f"The rapid rise of large language and vision models (LLVMs). {lora}"
    assert spelled("We present a new LLVM, Meteor.", abstract).startswith(
        "We present a new large language and vision models (LLVM)"
    )
    assert spelled(lora, abstract) == lora  # defined in the sentence itself: as it is


def test_an_ask_about_standing_against_other_work_keeps_those_clauses() -> None:
    question = "Which papers propose fine-tuning methods compared against or build on LoRA?"
    assert compares(question) and not compares("Which papers build on LoRA?")
    lift = "LIFT retains 20% more knowledge, compared to Full FT and LoRA."
    assert "lora" in paper_words("LIFT", lift, others=True)
    assert "lora" not in paper_words("LIFT", lift)


def test_the_line_says_what_the_paper_does_before_what_the_field_does() -> None:
    question = "Which papers use reinforcement learning to improve reasoning of multimodal LLMs?"
    title = "Observe-R1: Unlocking Reasoning Abilities of MLLMs with Reinforcement Learning"
    sentences = [
        "Reinforcement Learning (RL) has shown promise in improving the reasoning of LLMs.",
        "Observe-R1 improves the reasoning of multimodal large language models.",
        "In this work, we present a framework aimed at enhancing the reasoning of MLLMs.",
    ]
    assert ranked_lines(question, title, sentences, [0, 1, 2], "Observe-R1")[-1] == 0
    assert ranked_lines(question, title, sentences[::2], [0, 1], None)[0] == 1


def test_a_multimodal_ask_is_shown_by_the_modality_a_paper_names() -> None:
    question = "Which papers use reinforcement learning to improve reasoning of multimodal LLMs?"
    video = "In this paper, we propose TW-GRPO, a framework that enhances visual reasoning of LLMs."
    title = "Reinforcing Video Reasoning with Focused Thinking"
    rl = [("RL for LLM reasoning", "We train LLMs with reinforcement learning for reasoning.")]
    assert fit(question, title, video, "We train with reinforcement learning.", rl)
    text_only = "We propose a framework that enhances the math reasoning of LLMs."
    assert not fit(question, "Reinforcing Math", text_only, "We use reinforcement learning.", rl)


def test_of_sentences_holding_the_ask_alike_the_one_introducing_the_work_leads() -> None:
    question = "Which papers use reinforcement learning to improve reasoning of multimodal LLMs?"
    title = "Reinforcing Video Reasoning with Focused Thinking"
    detail = "Furthermore, we reformulate RL training with multi-choice QA tasks."
    introducing = "In this paper, we propose TW-GRPO, a framework that enhances visual reasoning."
    assert ranked_lines(question, title, [detail, introducing], [0, 1], "TW-GRPO")[0] == 1


def test_a_line_naming_the_method_its_title_lacks_comes_first() -> None:
    question = "Which papers in this batch are built on diffusion models?"
    naming = "We present Duo, which transfers techniques to fast text generation."
    own = "Our method builds on diffusion models."
    assert ranked_lines(question, "The Diffusion Duality", [naming, own], [1, 0], "Duo")[0] == 0
    # A title that carries the name already names it: the line holding the ask leads.
    titled = "Duo: The Diffusion Duality"
    assert ranked_lines(question, titled, [naming, own], [1, 0], "Duo")[0] == 1
