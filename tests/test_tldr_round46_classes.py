"""Round 46's unusable lines, as classes (each pinned with wording of our own): the authors'
name macro ("we propose \\name, a ...") left without the name; "we train X to obtain NAME" read
as NAME being X "to obtain"; a series of plain verbs after an -ing form ("revealing A, identify
5 B, and synthesize 5 C"); "Our study highlights X as a critical challenge" as the line; the
others' work ("each agent introduced so far is ...") as the line; what the authors made left
too long by what it spares ("without any need for ...") or by the counts it covers (",
covering 364 thousand datasets, ..."); an infinitive series ("to create, edit, and refine")
taken for a disagreeing verb; a participle cut from its complement before a comma ("and
trained, raising ..."); and a survey's "comprehensive investigation into X"."""

from tldr_fixtures import QUILL_TITLE, line_codes

from assistant.models import Paper
from assistant.names import with_macro_names
from assistant.summaries.clauses import evidence_clause
from assistant.summaries.clips import shorter
from assistant.summaries.contribution import contribution
from assistant.summaries.heads import Head
from assistant.summaries.reasons import Code
from assistant.summaries.surveys import survey_lines
from assistant.summaries.tldr import base_line


def test_the_authors_name_macro_becomes_the_titles_name() -> None:
    abstract = "We propose \\name, a retriever for long documents. \\name\\ doubles recall."
    assert with_macro_names(abstract, QUILL_TITLE) == (
        "We propose Quill, a retriever for long documents. Quill doubles recall."
    )
    assert with_macro_names(abstract, "Retrieval for Long Documents") == abstract
    paper = Paper("2601.00001", QUILL_TITLE, abstract)
    assert "\\name" not in base_line(paper) and "Quill" in base_line(paper)


def test_what_a_name_is_made_from_is_not_what_it_is() -> None:
    sentence = "We train a public Retro-2 model to obtain Quill, which surpasses larger retrievers."
    made = contribution(sentence, "Quill", QUILL_TITLE, True) or ""
    assert "to obtain," not in made
    line = "Quill is a public Retro-2 model to obtain, which surpasses many larger retrievers."
    assert Code.GARBLED in line_codes(line, line)


def test_a_series_of_plain_verbs_does_not_follow_an_ing_form() -> None:
    sentence = (
        "Our experiments reveal significant recall deficits across all evaluated retrievers, "
        "identify 5 distinct failure modes, and synthesize 5 actionable design implications."
    )
    assert evidence_clause(sentence) == (
        "revealing significant recall deficits across all evaluated retrievers"
    )
    line = (
        "Quill is a benchmark for retrievers, revealing recall deficits across all systems, "
        "identify 5 failure modes, and synthesize 5 design implications."
    )
    assert Code.GARBLED in line_codes(line, line)


def test_a_study_highlighting_a_challenge_is_a_closing_remark() -> None:
    line = (
        "Our study highlights retrieval drift as a critical governance challenge in search and "
        "provides both the data and tools needed."
    )
    assert Code.CLOSING_REMARK in line_codes(line, line)


def test_the_others_work_so_far_is_background() -> None:
    line = "Each long-document retriever introduced so far is hard-coded to one fixed index."
    abstract = f"Search over long documents matters. We observe that {line[0].lower()}{line[1:]}"
    assert Code.BACKGROUND in line_codes(line, abstract)


def test_what_a_method_spares_and_the_counts_it_covers_can_be_cut() -> None:
    spares = Head(
        "s",
        "Quill is a retrieval system that wraps around any index and lets the user refine "
        "queries without any need for additional training.",
    )
    assert any(
        h.text == "Quill is a retrieval system that wraps around any index and lets the user "
        "refine queries."
        for h in shorter(spares)
    )
    covers = Head(
        "s",
        "We present the first audit of retrieval indexes on public hubs, covering 364 thousand "
        "indexes and 1.6 million queries.",
    )
    assert [h.text for h in shorter(covers)] == [
        "We present the first audit of retrieval indexes on public hubs."
    ]


def test_an_infinitive_series_is_no_disagreeing_verb() -> None:
    line = (
        "Quill is a system that wraps any retriever and enables the user to create, edit, and "
        "refine their own indexes."
    )
    assert Code.GRAMMAR not in line_codes(line, line)


def test_a_participle_cut_from_its_complement_before_a_comma_is_cut_off() -> None:
    abstract = (
        "We introduce Quill, a retriever decoupled from the reader and trained with a "
        "two-stage recipe. Quill raises recall by 5 points."
    )
    line = "Quill is a retriever decoupled from the reader and trained, raising recall by 5 points."
    assert Code.CUT_OFF in line_codes(line, abstract)


def test_a_surveys_investigation_into_its_topic_says_what_it_covers() -> None:
    sentence = (
        "This survey provides a comprehensive investigation into the mechanisms of long-document "
        "retrievers, detailing their indexes."
    )
    assert survey_lines("Long-Document Retrievers: A Survey", [sentence]) == [
        "This survey provides a comprehensive investigation into the mechanisms of "
        "long-document retrievers, detailing their indexes."
    ]
