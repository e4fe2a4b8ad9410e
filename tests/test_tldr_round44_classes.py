"""Round 44's unusable lines, as classes (each pinned with wording of our own): a line ending on
a verb that needs its object ("... featuring."), or giving it none ("featuring, providing"),
a counted group never listed ("featuring four distinct upgrades."), numbered items that stop
before the abstract's next one, a title opening on an adverb made an object ("provides
agentically data synthesizing"), "indeed" answering what the line never says, "we propose a
framework X to construct a dataset" read as X being the dataset, a participle joined to "and
can be ...", the model a "<Name> Technical Report" names, and an infinitive's stranded
preposition ("for the agent to focus on.") taken for a cut."""

from tldr_fixtures import QUILL_TITLE, line_codes

from assistant.summaries.clauses import evidence_of
from assistant.summaries.contribution import contribution, name_of
from assistant.summaries.reasons import Code
from assistant.summaries.titles import title_line


def test_a_verb_that_needs_an_object_cannot_end_the_line_or_meet_a_comma() -> None:
    cut = "Quill is a novel framework for long-document retrieval featuring."
    assert Code.CUT_OFF in line_codes(cut, cut)
    bare = "Quill is a novel framework featuring, providing fast retrieval over long documents."
    assert Code.GARBLED in line_codes(bare, bare)


def test_a_counted_group_of_upgrades_never_listed_is_announced_only() -> None:
    line = "We present Quill 2.0, an advanced iteration of Quill featuring four distinct upgrades."
    assert Code.ANNOUNCED in line_codes(line, line)


def test_numbered_items_that_stop_before_the_abstracts_next_one_are_unfinished() -> None:
    abstract = (
        "Quill is a framework featuring: (1) section graphs for long documents; (2) a sparse "
        "reranker; (3) a cache of section embeddings."
    )
    line = "Quill is a framework featuring: (1) section graphs for documents; (2) a reranker."
    assert Code.ANNOUNCED in line_codes(line, abstract)


def test_a_title_opening_on_an_adverb_is_not_what_the_name_provides() -> None:
    title = "Quill: Agentically Document Retrieving via Section Formalization"
    abstract = "We propose Quill, a framework that retrieves sections of long documents."
    assert title_line(title, abstract, "Quill") is None


def test_indeed_answers_what_the_line_never_says() -> None:
    line = (
        "Quill provides long-document retrieval, showing that section graphs indeed raise recall."
    )
    assert Code.POINTER in line_codes(line, line)


def test_a_framework_proposed_to_construct_a_dataset_is_not_the_dataset() -> None:
    sentence = (
        "To mitigate, we propose a formalization-driven retrieval data synthesis framework "
        "Quill to construct a dataset."
    )
    made = contribution(sentence, "Quill", QUILL_TITLE) or ""
    assert made.startswith("Quill is a formalization-driven retrieval data synthesis framework")


def test_a_participle_is_not_joined_to_and_can_be() -> None:
    sentence = (
        "Experiments demonstrate that Quill produces the first stable section graphs and can be "
        "directly deployed in search engines."
    )
    clause = (
        "demonstrating that Quill produces the first stable section graphs and can be directly "
        "deployed in search engines"
    )
    assert not evidence_of(clause, ("Quill",), sentence).startswith("producing")
    joined = "Quill is a retrieval framework, producing stable section graphs and can be deployed."
    assert Code.GRAMMAR in line_codes(joined, joined)


def test_a_technical_reports_model_is_the_papers_name() -> None:
    abstract = (
        "We report our progress on Quill-2, a large retrieval model for long documents. In "
        "addition, we introduce QuillBox, a document store built for Quill-2."
    )
    assert name_of("Quill-2 Technical Report", abstract) == "Quill-2"
    variants = "We introduce Quill-2-7B and Quill-2-Chimera, two retrieval models."
    assert name_of("Quill-2 Technical Report", variants) != "Quill-2"


def test_an_infinitives_stranded_preposition_is_no_cut() -> None:
    line = (
        "We propose Quill, which rewrites user queries with relevant document sections for the "
        "retriever to focus on."
    )
    assert Code.CUT_OFF not in line_codes(line, line)
    cut = "We propose Quill, which rewrites queries with document sections for the retriever on."
    assert Code.CUT_OFF in line_codes(cut, cut)
