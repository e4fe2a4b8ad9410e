"""Round 45's unusable lines, as classes (each pinned with wording of our own): a survey's line
that states its field's background, or none of the topic its title names, where the abstract
says what the survey covers ("This paper presents a systematic survey of this emerging
domain", the field in the title); a second verb made an -ing form beside a finite one ("then
realizes and repairing", "where the student re-noises and refining"); and a verb that joins
things given one ("unifying Process Experience, achieving ...")."""

from tldr_fixtures import line_codes

from assistant.summaries.clauses import how_clause
from assistant.summaries.compress import compress
from assistant.summaries.reasons import Code
from assistant.summaries.surveys import is_survey, survey_lines, survey_topic

SURVEY_TITLE = "Advances and Frontiers of Long-Document Retrieval: A Comprehensive Survey"
SURVEY_ABSTRACT = (
    "Long documents are central to legal and scientific work. Retrieval over them has become a "
    "compelling challenge for search engines. This paper presents a systematic survey of this "
    "emerging domain. We then provide a comprehensive analysis of methodologies, spanning "
    "sparse indexes with their modular components to dense encoders, including contrastive "
    "training and distillation. Finally, we identify key challenges for future research."
)


def test_a_survey_is_known_by_its_title_or_by_what_its_abstract_calls_it() -> None:
    assert is_survey(SURVEY_TITLE, "")
    assert is_survey("Quill", "This survey covers retrieval over long documents.")
    assert not is_survey("Quill", "We provide a comprehensive review of the data pipeline.")
    assert survey_topic(SURVEY_TITLE) == "Long-Document Retrieval"


def test_a_surveys_line_must_be_about_the_survey_and_its_topic() -> None:
    background = "Long documents are central to legal work and to scientific work alike."
    assert Code.BACKGROUND in line_codes(background, SURVEY_ABSTRACT, SURVEY_TITLE)
    off_topic = (
        "We provide a comprehensive analysis of methodologies, spanning sparse indexes to "
        "dense encoders, including contrastive training."
    )
    assert Code.NOT_MAIN in line_codes(off_topic, SURVEY_ABSTRACT, SURVEY_TITLE)


def test_a_surveys_line_names_its_field_where_the_abstract_points_at_it() -> None:
    built = compress(SURVEY_TITLE, SURVEY_ABSTRACT)
    assert built is not None
    assert built.text == "We present a systematic survey of long-document retrieval."


def test_a_surveys_statement_keeps_its_verbs_tense() -> None:
    sentence = "This paper conducted a systematic survey of long-document retrieval methods."
    assert survey_lines(SURVEY_TITLE, [sentence]) == [
        "We conducted a systematic survey of long-document retrieval methods."
    ]


def test_a_surveys_statement_stops_before_the_list_it_announces() -> None:
    abstract = (
        "This survey addresses this gap by providing systematic examination of dense retrieval "
        "techniques for long documents, covering the following aspects: (1) sparse indexes; "
        "(2) dense encoders; and (3) rerankers."
    )
    built = compress("Dense Retrieval for Long Documents: A Survey", abstract)
    assert built is not None
    assert built.text == (
        "This survey provides systematic examination of dense retrieval techniques for long "
        "documents."
    )


def test_a_verb_after_then_follows_the_first_into_its_ing_form() -> None:
    sentence = (
        "Quill parses long documents into coherent sections, then realizes and repairs the "
        "section index before ranking them."
    )
    how = how_clause(sentence, ("Quill",)) or ""
    assert "then realizing and repairing the section index" in how
    line = "Quill is a retriever splitting documents, then realizes and repairing the index."
    assert Code.GARBLED in line_codes(line, line)


def test_a_clause_with_its_own_subject_keeps_its_finite_verbs() -> None:
    sentence = (
        "Quill further supports a two-pass reading mode with optional refinement, where the "
        "small reader re-ranks and refines its saved list."
    )
    how = how_clause(sentence, ("Quill",)) or ""
    assert how.endswith("where the small reader re-ranks and refines its saved list")
    line = "Quill supports two-pass reading, where the small reader re-ranks and refining its list."
    assert Code.GARBLED in line_codes(line, line)


def test_a_verb_that_joins_things_given_only_one_is_garbled() -> None:
    line = (
        "Quill builds a section index from feedback, unifying Section Experience, achieving gains."
    )
    assert Code.GARBLED in line_codes(line, line)
    joined = "Quill builds a section index, unifying sparse and dense retrieval, achieving gains."
    assert Code.GARBLED not in line_codes(joined, joined)
