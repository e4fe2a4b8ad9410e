"""Round 43's unusable lines, as classes (each pinned with wording of our own): a title whose
first colon sits inside a word ("Re:Form -- ..."), a line that stops inside a list the abstract
goes on with, a noun cut from its infinitive ("the right time."), "this ... potential", "we
introduce X and explore how to build Y" read as X being Y, a name given another contribution's
kind ("a strategy" for a dataset), a name followed by participles only, grammar slips copied
from the abstract ("a intra-", ", An action", "(I)", "outperforming or performs"), a kind noun
and a verb with no "that", and "X is ..., demonstrating that X achieves ...". Checking rules58's
diff over the whole TL;DR set added three: "a intra-" is repaired in the abstract before a line
copies it, and "The recipe ..." and "as follows" point at what the line does not say. A rule
that kept "X provides <title words>" off a title that spells the name's letters ("SARAH:
Spatially Aware ...") was taken back: its lines fell to side parts, and the two readers split
on SARAH's line."""

from tldr_fixtures import QUILL_TITLE, line_codes

from assistant.models import Paper
from assistant.names import split_title, title_name
from assistant.summaries.agreement import agreed
from assistant.summaries.checker import check_tldr
from assistant.summaries.contribution import contribution
from assistant.summaries.reasons import Code
from assistant.summaries.tldr import base_line


def test_a_colon_inside_a_word_does_not_name_the_paper() -> None:
    title = "Re:Mix -- Fewer Labels for Speech Tagging with RL in LLMs: A Pilot Study"
    assert title_name(title) is None
    assert split_title(title)[1] == "A Pilot Study"
    assert title_name("Quill:Retrieval for Long Documents") == "Quill"  # the only colon
    abstract = (
        "Speech tagging needs many labels. We explore ways to tag speech with fewer labels, "
        "using reinforcement learning on a small language model."
    )
    line = base_line(Paper("2601.00001", title, abstract))
    assert not line.startswith("Re ")


def test_a_line_that_stops_inside_the_abstracts_list_is_cut_off() -> None:
    abstract = "Quill retrieves well across legal, medical, and financial documents, at low cost."
    cut = "Quill is a retrieval model for long documents that retrieves well across legal, medical."
    assert Code.CUT_OFF in line_codes(cut, abstract)
    whole = "Quill retrieves well across legal, medical, and financial documents."
    assert Code.CUT_OFF not in line_codes(whole, abstract)


def test_a_line_cut_before_a_times_infinitive_is_cut_off() -> None:
    abstract = "We find that retrievers know the right time to stop reading a document."
    cut = "We find that long-document retrievers know the right time."
    assert Code.CUT_OFF in line_codes(cut, abstract)


def test_this_potential_points_back_and_is_cut_from_what_the_method_is() -> None:
    sentence = (
        "Motivated by this, we introduce SKIM (Self-Knowing Interrupted Matching), a novel "
        "reading paradigm that unleashes this efficient matching potential."
    )
    made = contribution(sentence, "SKIM", "Does Your Retriever Know When to Stop Reading?")
    assert made == "SKIM is a novel reading paradigm."


def test_introducing_a_name_and_exploring_how_to_build_something_is_not_a_definition() -> None:
    sentence = (
        "We introduce Quill and explore how to build a long-document retriever from the "
        "perspectives of data, training, and evaluation."
    )
    made = contribution(sentence, "Quill", QUILL_TITLE) or ""
    assert "from the perspectives" not in made


def test_a_name_given_a_strategy_that_the_abstract_calls_a_dataset_is_wrong() -> None:
    abstract = (
        "We propose a two-source strategy that gathers documents for each goal. As an "
        "implementation, we introduce Quill, a multilingual retrieval dataset."
    )
    line = "Quill is a two-source strategy that gathers documents for each goal."
    assert check_tldr(line, QUILL_TITLE, abstract)


def test_a_name_and_participles_only_has_no_verb() -> None:
    line = (
        "Quill, improving recall on the LongDoc benchmark, outperforming a strong BM25 "
        "baseline by 9.1 points."
    )
    assert Code.NOUN_PHRASE in line_codes(line, line)
    verb = "Quill, improving recall on the LongDoc benchmark, outperforms a strong BM25 baseline."
    assert Code.NOUN_PHRASE not in line_codes(verb, verb)


def test_grammar_slips_of_the_abstract_are_garbled() -> None:
    slips = [
        "We reframe retrieval as a intra-document search over sections of long documents.",
        "Quill is a retrieval model for long documents, consisting of A chunker, An encoder, "
        "and A reranker.",
        "Quill is a retrieval model for long documents, showing that Quill (I) improves recall.",
        "Quill is a retrieval model for long documents, outperforming or matches dense baselines.",
        "Quill is a retrieval model built on sparse section memory that, achieving higher recall.",
    ]
    for line in slips:
        assert Code.GARBLED in line_codes(line, line), line
    fine = "Quill is a retrieval model for long documents, an order of magnitude faster than BM25."
    assert Code.GARBLED not in line_codes(fine, fine)


def test_a_kind_noun_and_a_verb_with_no_that_are_garbled() -> None:
    line = "Quill is a long-document retrieval model generates section summaries in one pass."
    assert Code.GARBLED in line_codes(line, line)


def test_what_experiments_show_the_subject_does_is_said_of_it() -> None:
    title = "Retrieval for Long Documents via Section Graphs"  # no name: only the head has it
    abstract = (
        "Long documents are hard to search. We present Quill, a retrieval model that links "
        "sections into a graph of long documents. Experiments demonstrate that Quill achieves "
        "higher recall across three long-document benchmarks."
    )
    line = base_line(Paper("2601.00002", title, abstract))
    assert "that Quill achieves" not in line


def test_an_article_slip_is_repaired_before_any_line_copies_it() -> None:
    assert agreed("We recast search as a intra-document path.") == (
        "We recast search as an intra-document path."
    )
    kept = "a unified model, a one-step sampler and a user study"
    assert agreed(kept) == kept


def test_the_recipe_and_as_follows_point_at_what_the_line_does_not_say() -> None:
    for line in (
        "The recipe integrates cleanly with sparse retrieval and keeps ranking consistent.",
        "We design the pathway of long-document retrieval as follows.",
    ):
        assert Code.POINTER in line_codes(line, line), line
    named = "The method of Quill integrates cleanly with sparse retrieval over long documents."
    assert Code.POINTER not in line_codes(named, named)
