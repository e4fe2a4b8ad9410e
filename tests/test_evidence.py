"""Evidence selection (assistant.pipeline.evidence): which source is quoted, which sentences."""

from __future__ import annotations

import numpy as np

from assistant.names import title_name
from assistant.pipeline.evidence import (
    SourceBundle,
    answer_span,
    counts,
    lead_candidates,
    need_of,
    top_source,
)
from assistant.pipeline.grounding import SourceText
from assistant.pipeline.types import Evidence, RetrievedPaper


def bundle(title: str, abstract: str = "An abstract.") -> SourceBundle:
    paper = RetrievedPaper(f"p-{title[:3]}", title, None, None, 1.0, 0.5, 0.5, abstract=abstract)
    text = SourceText.of(title, abstract)
    vectors = np.ones((len(text.sentences), 2), dtype=np.float32) / np.sqrt(2)
    return SourceBundle(paper, text, vectors)


def test_the_paper_a_question_names_by_title_is_quoted() -> None:
    bundles = [bundle("iVideoGPT World Models"), bundle("The Road Less Scheduled")]
    evidence = [Evidence(1, "p-iVi", "An abstract.", 0.9)]
    question = "What is the approach in The Road Less Scheduled called?"
    assert top_source(question, evidence, bundles) == 2
    assert top_source("What is the approach called?", evidence, bundles) == 1


def test_the_paper_a_question_names_by_its_title_name_is_quoted() -> None:
    bundles = [bundle("SWE-Master: Post-Training Agents"), bundle("SWE-World: Docker-Free Agents")]
    evidence = [Evidence(1, "p-SWE", "An abstract.", 0.9)]
    question = "What score does SWE-World's Docker-free SFT reach with Qwen2.5-Coder-32B?"
    assert top_source(question, evidence, bundles) == 2
    # Only the name as written, whole: "swe-world" in lower case or "SWE-Worlds" name nothing.
    assert top_source("What does swe-world reach?", evidence, bundles) == 1
    assert top_source("What do SWE-Worlds reach?", evidence, bundles) == 1
    assert title_name("Context Forcing: Consistent Video") == "Context Forcing"
    assert title_name("Less Noise, More Voice: RL via Purification") is None
    assert title_name("Reinforced Attention Learning") is None


def test_the_lead_may_choose_among_every_sentence_of_the_quoted_source() -> None:
    abstract = "Agents follow rules. We introduce tau-break, a benchmark. We test defenses."
    source = bundle("Red-Teaming Agents", abstract)
    quotes = [Evidence(1, "p-Red", "Agents follow rules.", 0.9)]
    q_vec = np.array([1.0, 0.0], dtype=np.float32)
    pool = lead_candidates("What benchmark is introduced?", q_vec, source, quotes)
    assert pool[0] == quotes[0]
    assert sorted(e.sentence for e in pool[1:]) == [
        "We introduce tau-break, a benchmark.",
        "We test defenses.",
    ]


def test_a_two_part_question_quotes_the_paper_answering_both_parts() -> None:
    bundles = [bundle("Process Rewards"), bundle("Continual Learning")]
    evidence = [
        Evidence(2, "p-Con", "RaPO keeps a distribution of rewards.", 0.44),
        Evidence(1, "p-Pro", "BetaPRM learns a Beta belief.", 0.39),
        Evidence(1, "p-Pro", "ACA reduces token usage by 33.57%.", 0.37),
        Evidence(2, "p-Con", "RaPO is evaluated on five settings.", 0.20),
    ]
    question = "What does the reward model learn, and by how much does ACA reduce token usage?"
    assert top_source(question, evidence, bundles, parts=2) == 1
    # A one-part question still quotes the source of the best sentence.
    assert top_source("What does the reward model learn?", evidence, bundles) == 2


def test_a_cut_lead_drops_the_conjunction_it_would_start_on() -> None:
    sentence = (
        "Across twelve language models and four benchmarks spanning math and code, we observe "
        "consistent trends in how tokens are used, and inspire a new token-pruning approach, "
        "SkipTok."
    )
    question = "Which token-pruning approach is inspired?"
    assert answer_span(sentence, question, need_of(question)) == (
        "…inspire a new token-pruning approach, SkipTok."
    )


def test_only_the_first_papers_of_a_list_are_embedded() -> None:
    from assistant.pipeline.evidence import bundle_sources
    from vectorstore.embeddings import FakeEmbedder

    seen: list[str] = []

    class Counting(FakeEmbedder):
        def embed(self, texts):  # type: ignore[no-untyped-def]
            seen.extend(texts)
            return super().embed(texts)

    papers = [
        RetrievedPaper("a", "A", None, None, 1.0, 0.5, 0.5, abstract="Alpha works. It is fast."),
        RetrievedPaper("b", "B", None, None, 0.9, 0.4, 0.4, abstract="Beta works. It is slow."),
    ]
    embedder = Counting()
    first, second = bundle_sources(papers, embedder, embedded=1)
    assert seen == list(first.text.sentences)
    assert first.vectors.any() and second.vectors.shape == (2, embedder.dim)
    assert not second.vectors.any()
    assert all(b.vectors.any() for b in bundle_sources(papers, FakeEmbedder()))


def test_a_sentence_pairing_two_lists_respectively_is_not_cut() -> None:
    sentence = (
        "For example, GTA1-7B achieves 50.1%, 92.4%, and 67.7% accuracies on Screenspot-Pro, "
        "Screenspot-V2, and OSWorld-G, respectively."
    )
    question = "What accuracy does the 7B model of the GUI agent reach on Screenspot-Pro?"
    # A cut at a comma would pair 92.4% with Screenspot-Pro.
    assert answer_span(sentence, question, need_of(question)) == sentence


def test_a_cut_does_not_stop_inside_a_list_of_numbers() -> None:
    sentence = (
        "Trained from scratch on a deduplicated corpus that is quality-filtered and code-heavy,"
        " MHAR improves validation loss over a standard Transformer at 100M, 350M, and 1B"
        " (-0.061, -0.149, and -0.140)."
    )
    question = "By how much does MHAR improve validation loss over a Transformer at 350M?"
    assert answer_span(sentence, question, need_of(question)) == (
        "…MHAR improves validation loss over a standard Transformer at 100M, 350M, and 1B"
        " (-0.061, -0.149, and -0.140)."
    )


def test_a_list_of_whole_items_is_cut_after_the_one_asked_for() -> None:
    sentence = (
        "This recipe yields consistent gains: InternVLA-M1 outperforms its variant without"
        " spatial guidance by +14.6% on SimplerEnv Google Robot, +17% on WidowX, and +4.3% on"
        " LIBERO Franka, while demonstrating stronger spatial reasoning in box, point, and trace."
    )
    question = "By how much does InternVLA-M1 outperform its variant on SimplerEnv Google Robot?"
    assert answer_span(sentence, question, need_of(question)).endswith("Google Robot…")


def test_counts_finds_the_number_just_before_the_counted_noun() -> None:
    from assistant.pipeline.evidence import counted_noun, counts

    question = "By how many points did the model raise correctness?"
    assert counted_noun(question) == "points"
    assert counts("It improved correctness by 17.5 points.", "points", question)
    assert not counts("We evaluate three models on correctness.", "points", question)


def test_a_sentence_answering_every_part_keeps_its_paper_on_top() -> None:
    bundles = [bundle("LoHoVLA"), bundle("Video 3D")]
    evidence = [
        Evidence(1, "p-Lo", "LoHoSet holds 20 long-horizon tasks, each with 1,000 demos.", 0.82),
        Evidence(2, "p-Vi", "Our method improves 3D scene tasks.", 0.46),
        Evidence(2, "p-Vi", "Prior work reads 3D scenes as videos.", 0.42),
    ]
    question = "How many tasks does the dataset contain, and how many demos does each have?"
    assert top_source(question, evidence, bundles, parts=2) == 2
    assert top_source(question, evidence, bundles, 2, lambda e: e.source_n == 1) == 1


def test_a_span_is_never_cut_inside_parentheses() -> None:
    from assistant.pipeline.evidence import answer_span, need_of

    question = "What is the reinforcement learning stage of the training called?"
    sentence = (
        "This curriculum includes: (1) Multi-task Pre-alignment to ground the model; (2) "
        "Specialized SFT for standardizing output; and (3) Format-Constrained GRPO, which "
        "utilizes reinforcement learning to enforce strict validity (e.g., table closure, "
        "formula syntax)."
    )
    span = answer_span(sentence, question, need_of(question))
    assert "Format-Constrained GRPO" in span and "reinforcement learning" in span
    assert span.count("(") == span.count(")") or span.endswith("…")
    assert not span.rstrip("…").endswith("(e.g.")


def test_a_name_ask_keeps_the_name_a_cut_would_drop() -> None:
    # The question's "self-play" is not a name the answer gives: the cut "…a training
    # algorithm that alternates between Self-Play and RLVR…" dropped the name asked for.
    sentence = (
        "Unlike prior pipelines that need costly human labels, large reward models and curated "
        "preference data, we introduce Looped Self-Play Optimization (LSPO), a training "
        "algorithm that alternates between Self-Play and RLVR, which curbs reward hacking on "
        "long-horizon agent tasks across many domains and benchmarks."
    )
    question = "What is the training algorithm that alternates self-play with RLVR called?"
    assert answer_span(sentence, question, need_of(question)) == (
        "…we introduce Looped Self-Play Optimization (LSPO), a training algorithm that "
        "alternates between Self-Play and RLVR…"
    )


def test_a_measure_asked_for_is_a_number_need_however_it_is_named() -> None:
    for q in (
        "What mean retrieval success rate does the agent reach on the hard split?",
        "How accurate is the parser on legal contracts?",
        "What success does it reach on held-out rooms?",
    ):
        assert "number" in need_of(q), q
    # A kind asked for, with a measure after its verb, asks for a name, not a number.
    assert "number" not in need_of("What training trick improves accuracy on long inputs?")


def test_the_paper_a_question_names_by_its_title_before_the_colon_is_quoted() -> None:
    # q-1920 (issue 13): the named paper lost to another paper's better sentence.
    bundles = [bundle("Structured Decoding for Challenges"), bundle("Two Owls on a Fence: Games")]
    evidence = [Evidence(1, "p-Str", "An abstract.", 0.9)]
    question = "In 'Two Owls on a Fence', which open model plays best?"
    assert top_source(question, evidence, bundles) == 2
    # A shorter part before the colon is only a phrase the question may share.
    bundles = [bundle("Structured Decoding for Challenges"), bundle("Open Models: A Survey")]
    assert top_source("Which open models play best?", evidence, bundles) == 1


def test_a_cut_keeps_the_subject_a_participle_leaves_behind() -> None:
    # q-2517: "…even surpassing GPT-4o" names subjects, not the model that surpasses it.
    question = (
        "In the report that ranks AI models with an Olympic medal table approach, which model "
        "even surpasses GPT-4o on a few subjects?"
    )
    sentence = (
        "Empirical results reveal: (1) Claude-3.5-Sonnet shows highly competitive overall "
        "performance over GPT-4o, even surpassing GPT-4o on a few subjects (i.e., Physics, "
        "Chemistry, and Biology)."
    )
    assert "Claude-3.5-Sonnet" in answer_span(sentence, question, need_of(question))


def test_a_magnitude_without_a_figure_counts_nothing() -> None:
    from assistant.pipeline.evidence import counts

    # q-3207: "only a few thousand images" tells how large other datasets are, not how many
    # images the curated one holds.
    question = "How many images does the curated dataset contain?"
    assert not counts("Existing datasets comprise only a few thousand images.", "images", question)
    assert not counts("We gather thousands of images from the web.", "images", question)
    assert counts("The result is a dataset of one million high-quality images.", "images", question)


def test_an_order_of_magnitude_answers_how_many_fewer() -> None:
    # q-3304: "an order of magnitude fewer extra parameters" is the answer, not an abstention.
    from assistant.pipeline.evidence import counted_noun, counts, need_of, satisfies

    question = "How many fewer extra parameters does DreamCache use than existing models?"
    sentence = "DreamCache utilizes an order of magnitude fewer extra parameters than others."
    assert satisfies(sentence, question, need_of(question), "")
    assert counts(sentence, counted_noun(question) or "", question)
    assert not satisfies("DreamCache uses fewer extra parameters.", question, need_of(question), "")


def test_what_is_the_measure_asks_for_a_number_and_an_order_of_growth_is_one() -> None:
    # q-3508: "what is the largest scale it is released in?" <- "in three scales: 15M, 30M,
    # and 100M"; "What is the large-scale dataset ... called?" asks for a name.
    from assistant.pipeline.evidence import satisfies

    question = "The CLIP pre-training dataset: what is the largest scale it is released in?"
    assert need_of(question) == {"number"}
    assert "number" in need_of("What is the highest accuracy that the MLLMs achieve?")
    assert "number" not in need_of("What is the large-scale dataset built for X called?")
    # q-2227: the size of a state space may be an order of growth, not a figure.
    size = "What is the size of the finite state space of the equivalent Markov chains?"
    assert satisfies("a Markov chain on a state space of size O(T^K)", size, need_of(size), "")
    assert not satisfies("a Markov chain on a finite state space", size, need_of(size), "")


def test_points_are_counted_in_their_abbreviations() -> None:
    # q-3731 (session 25): "+4.79/+2.18/+2.03 pp" gives the points a "by how many points" asks.
    question = "By how many points does Jet-Long lead the strongest baseline on RULER?"
    said = "Jet-Long leads RULER by +4.79/+2.18/+2.03 pp over the strongest baseline."
    assert counts(said, "points", question)
    assert counts("It gains 2.1 pts on average.", "points", question)
    assert not counts("It reaches an overall speedup of 30%.", "points", question)


def test_a_size_ending_a_dataset_name_is_no_model_size() -> None:
    # q-4310 (session 26): "OmniLayout-1M" names a dataset; "a 0.5B model" gives parameters.
    from assistant.pipeline.evidence import counts

    question = "How many parameters does the model have?"
    assert not counts(
        "We curate OmniLayout-1M, the first million-scale dataset.", "parameters", question
    )
    assert counts("We introduce OmniLayout-LLM, a 0.5B model.", "parameters", question)
    assert counts("We release Qwen2-0.5B and Hermes 3 405B.", "parameters", question)


def test_a_size_a_data_noun_follows_is_no_model_size() -> None:
    # q-4740 and q-4714 (session 27): "~7M caption ... instances" counts data; "of which only
    # 6.1 billion are active" gives parameters.
    question = "How many parameters does the Audio-Visual Flamingo (AV-Flamingo) model have?"
    data = "Audio-Visual-Skills, a collection with ~7M caption and question-answer instances."
    assert not counts(data, "parameters", question)
    assert counts("AV-Flamingo, a 7M model.", "parameters", question)
    active = (
        "A variant of Ling-Flash-2.0 has 100 billion total parameters. How many parameters are "
        "active per token?"
    )
    moe = "Ling-Flash-2.0 with 100 billion total parameters, of which only 6.1 billion are active."
    assert counts(moe, "parameters", active)
    assert not counts("We pretrain it on 1.5 billion tokens.", "parameters", active)


def test_a_dash_parts_the_counted_noun_from_the_next_word() -> None:
    # q-3317 (dev, session 27): "over 7 million synthetically generated grade school math
    # problems--each ...".
    question = "How many grade school math problems does its resulting dataset contain?"
    text = (
        "TemplateGSM, a dataset comprising over 7 million synthetically generated grade school "
        "math problems--each accompanied by code-based and natural language solutions."
    )
    assert counts(text, "problems", question)
