"""Round 40's unusable lines, as classes (each pinned with wording of our own): a line cut after
a noun that takes an infinitive ("models' ability."), "This paper reviews <the title>", "This
paper details the architecture of ...", "We first quantify ...", a plural long form after "a"
("a modular multi-agent systems"), a name's letters glossed in capitals ("QUery REtrieval"), the
contribution after a colon's list ("We study two approaches: ..., and introduce X"), and a
result said by "it" right after a sentence about another named system."""

from tldr_fixtures import QUILL_TITLE, line_codes

from assistant.summaries.acronyms import spell_out, unglossed
from assistant.summaries.contribution import contribution
from assistant.summaries.credit import credited
from assistant.summaries.reasons import Code


def test_a_line_cut_before_its_nouns_infinitive_is_cut_off() -> None:
    abstract = "Quill offers a strict test of models' ability to retrieve across long documents."
    cut = "Quill is a benchmark of long documents, offering a strict test of models' ability."
    assert Code.CUT_OFF in line_codes(cut, abstract)
    whole = "Quill is a benchmark of long documents, offering a strict test of retrieval."
    assert Code.CUT_OFF not in line_codes(whole, abstract + " It is a strict test of retrieval.")


def test_a_paper_that_reviews_its_title_says_nothing_more() -> None:
    title = "The Quill 2026 Challenge on Document Retrieval: Results and Outlook"
    line = "This paper reviews the Quill 2026 Challenge on Document Retrieval."
    assert Code.TITLE_ECHO in line_codes(line, line, title)


def test_a_line_saying_what_the_report_details_is_vacuous() -> None:
    line = (
        "This paper details the architecture of Quill, the data strategy of QuillSet and "
        "the training methodology, offering insights for long-document retrieval."
    )
    assert Code.VACUOUS in line_codes(line, line)


def test_we_first_opens_a_step_not_the_point() -> None:
    line = "We first quantify the leakage risk of long documents and curate 5,000 risky samples."
    assert Code.NOT_MAIN in line_codes(line, line)
    own = "We first propose Quill, a retrieval method that prunes long documents."
    assert Code.NOT_MAIN not in line_codes(own, own)


def test_a_plural_long_form_said_of_one_thing_is_singular() -> None:
    abstract = "Existing multi-agent systems (MAS) lack customization. We introduce Quill, a MAS."
    line = "Quill is a modular MAS, which converts documents for each user."
    assert spell_out(line, abstract, (), 30).startswith("Quill is a modular multi-agent system,")
    many = "Quill is a framework that equips MAS with tools for long documents."
    assert "equips multi-agent systems with" in spell_out(many, abstract, (), 30)


def test_words_glossing_the_names_letters_are_written_plainly() -> None:
    sentence = "We build a model for QUery REtrieval Documents, termed QURED."
    assert unglossed(sentence, "QURED") == (
        "We build a model for query retrieval documents, termed QURED."
    )
    assert unglossed("We build on UNet for QUery search.", "QURED") == (
        "We build on UNet for QUery search."
    )


def test_the_contribution_after_a_colons_list_is_what_was_made() -> None:
    sentence = (
        "We study two retrieval approaches: the plain and the guided ones, and introduce Quill, "
        "a variant that prunes long documents before ranking them."
    )
    assert contribution(sentence, "Quill", QUILL_TITLE) == (
        "Quill is a variant that prunes long documents before ranking them."
    )


def test_it_after_another_systems_not_only_sentence_is_that_systems() -> None:
    sentences = [
        "We release Quill, a corpus of 90K long documents.",
        "TernRank not only significantly improves retrieval over its predecessor but also ranks.",
        "Notably, it achieves 91.2% recall on LongBench.",
    ]
    assert not credited(2, sentences, ("Quill",))
    assert credited(2, [sentences[0], "Quill covers ten domains.", sentences[2]], ("Quill",))
