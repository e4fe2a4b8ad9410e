"""Lead rules from blind lead parts 60-62 (session 35): asks read as numbers, names and
parts, the quote that leads, and the source a two-part answer quotes."""

from __future__ import annotations

import numpy as np
from lead_fixtures import led, quote

from assistant.pipeline.ask import question_parts
from assistant.pipeline.background import with_antecedents
from assistant.pipeline.evidence import SourceBundle, answer_span, need_of, sentence_scores
from assistant.pipeline.given import number_not_given
from assistant.pipeline.grounding import SourceText
from assistant.pipeline.subject import missing_subject
from assistant.pipeline.types import RetrievedPaper


def test_a_percent_a_change_is_given_by_is_no_success_rate() -> None:
    """q-6137: "reducing observation size by over 50%" gives no task success rate on WebArena,
    so the answer says the abstract does not give it."""
    focus = [
        "FocusAgent: Simple Yet Effective Ways of Trimming the Large Context of Web Agents",
        "Experiments on WorkArena and WebArena benchmarks show that FocusAgent matches the "
        "performance of strong baselines, while reducing observation size by over 50%.",
    ]
    asked = "What task success rate does FocusAgent achieve on WebArena?"
    assert number_not_given(asked, focus) is not None
    reached = [focus[0], "FocusAgent reaches 51.5% on WebArena."]
    assert number_not_given(asked, reached) is None


def test_asks_for_the_numbers_and_how_close_ask_for_numbers() -> None:
    """q-6003, q-6032: "What are the two numbers?" and "how close to ... does it come?"."""
    assert need_of("It reports accuracy on STEM and on writing. What are the two numbers?") == {
        "number"
    }
    assert need_of("How close to the frontier reasoner's accuracy does it come?") == {"number"}
    assert need_of("What are the main ideas of the paper?") == set()


def test_a_name_with_a_participle_after_it_is_named_by_the_name_alone() -> None:
    """q-6012, q-6101: "the VLM-powered assessment framework" asks about a framework powered
    by VLMs; an abstract saying "powered by Vision-Language Models" names it."""
    asked = (
        "In the work on a multimodal agent that turns documents into presentation videos, what "
        "is the VLM-powered assessment framework called?"
    )
    abstract = (
        "We introduce PresentEval, a unified assessment framework powered by Vision-Language "
        "Models (VLMs) that scores videos."
    )
    assert missing_subject(asked, [abstract]) is None
    survey = "How many arXiv papers are in the benchmark for LLM-written academic surveys?"
    assert (
        missing_subject(survey, ["SurveyBench: How Well Can LLM(-Agents) Write Surveys?"]) is None
    )


def test_a_kind_after_do_with_no_article_is_the_subject_not_the_name_asked() -> None:
    """q-6225: "what do models converge toward ...?" asks what they do, not for a model's name;
    "What does the model use ...?" still asks for a name."""
    assert "name" not in need_of("What do models converge toward instead of aligning with humans?")
    assert "name" in need_of("What does the model use to rank the candidates?")
    sentences = [
        "While Large Language Models demonstrate superhuman problem-solving capabilities, it "
        "remains an open question whether they can perceive the struggles of learners.",
        "Our findings reveal a systematic misalignment where scaling up model size is not "
        "reliably helpful; instead of aligning with humans, models converge toward a shared "
        "machine consensus.",
    ]
    asked = (
        "According to the study of Human-AI Difficulty Alignment, what do models converge toward "
        "instead of aligning with humans?"
    )
    assert led(asked, sentences) == sentences[1]


def test_a_cut_keeps_the_name_an_appositive_describes() -> None:
    """q-6011: asked for the benchmark's name, the cut keeps "we introduce MMEB-V2," before
    "a comprehensive benchmark that extends MMEB ..."."""
    sentence = (
        "First, we introduce MMEB-V2, a comprehensive benchmark that extends MMEB with five new "
        "task types: visual document retrieval, video retrieval, temporal grounding, video "
        "classification and video question answering - spanning text, image, video, and visual "
        "document inputs."
    )
    asked = (
        "What is the benchmark introduced alongside VLM2Vec-V2, adding visual document "
        "retrieval, video retrieval and temporal grounding, called?"
    )
    assert "MMEB-V2" in answer_span(sentence, asked, need_of(asked))


def test_a_coined_term_leads_with_what_it_names() -> None:
    """q-6103: "What term does the study coin for ...?" is answered by "We refer to this as
    Misevolution.", shown after the sentence it names."""
    described = (
        "In this work, we study the case where an agent's self-evolution deviates in unintended "
        "ways, leading to undesirable or even harmful outcomes."
    )
    termed = "We refer to this as Misevolution."
    sentences = [described, termed, "We evaluate it along four pathways."]
    asked = (
        "What term does the study of emergent risks in self-evolving LLM agents coin for "
        "self-evolution that deviates in unintended, harmful ways?"
    )
    assert led(asked, sentences) == termed
    shown = with_antecedents([quote(termed)], sentences, asked)
    assert [e.sentence for e in shown] == [described, termed]


def test_a_model_variant_in_the_question_pins_its_sentence() -> None:
    """q-6129: "its H/16 variant" asks about "PixelREPA-H/16", not "JiT-B/16"."""
    sentences = [
        "PixelREPA reduces FID from 3.66 to 3.17 for JiT-B/16 and improves Inception Score (IS) "
        "from 275.1 to 284.6 on ImageNet 256x256.",
        "Finally, PixelREPA-H/16 achieves FID=1.81 and IS=317.2.",
    ]
    asked = (
        "For the fix to REPA on pixel-space Just image Transformers, what FID and Inception "
        "Score does its H/16 variant achieve?"
    )
    assert led(asked, sentences) == sentences[1]


def test_a_hedged_second_ask_is_a_part() -> None:
    """q-6110: "..., and roughly how many ...?" is a second ask."""
    asked = (
        "How many instruction instances does the dataset contain, and roughly how many hospital "
        "cases is it curated from?"
    )
    assert question_parts(asked) == [
        "How many instruction instances does the dataset contain",
        "roughly how many hospital cases is it curated from?",
    ]


def _bundle(sentences: list[str]) -> SourceBundle:
    paper = RetrievedPaper("p1", "Title", None, None, 1.0, 0.5, 1.0, abstract=" ".join(sentences))
    text = SourceText.of("Title", " ".join(sentences))
    return SourceBundle(paper, text, np.zeros((len(text.sentences), 2)))


def test_a_sentence_answering_one_part_holds_what_is_asked() -> None:
    """q-6028: of "which method does it use ..., and among how many teams did it place
    first?", "placed 1st of 62 teams" holds what one part asks, and scores as holding it."""
    asked = (
        "The winning solution of the folding challenge: which method does it use for "
        "hyperparameter search, and among how many teams did it place first?"
    )
    sentences = [
        "The system placed 1st of 62 teams in the online round.",
        "Our system, ConvFill, closes the gap to within 6.3% of the reasoner.",
    ]
    scores = sentence_scores(asked, np.zeros(2), _bundle(sentences))
    assert scores[0] > scores[1]
