"""Round 39's unusable lines, as classes (each pinned with wording of our own): a line opening on
what "prior works" did, a line cut after "enabling researchers" or "resulting in a method", a
link without a scheme ("huggingface.co/...") kept in the line, a TeX command glued to a Greek
letter ("boldsymbolπ-Name") and a Greek-letter name read as a bare symbol, and a finding joined
to the result the method ("it") achieves."""

from tldr_fixtures import line_codes

from assistant.sanitize import clean_untrusted, strip_markup
from assistant.summaries.heads import Head
from assistant.summaries.lines import results_for
from assistant.summaries.reasons import Code


def test_a_line_opening_on_prior_works_is_background() -> None:
    line = "Prior works have mostly relied on dense retrieval that requires long document windows."
    assert Code.BACKGROUND in line_codes(line, line)
    own = "Quill is a retrieval method for long documents that requires no dense index."
    assert Code.BACKGROUND not in line_codes(own, own)


def test_a_line_cut_after_its_enabling_object_is_cut_off() -> None:
    abstract = (
        "We release Quill, a corpus of 90,000 annotated long documents with per-section labels, "
        "enabling researchers to study retrieval across sections."
    )
    cut = "Quill is a corpus of 90,000 annotated long documents, enabling researchers."
    assert Code.CUT_OFF in line_codes(cut, abstract)
    whole = "Quill is a corpus of 90,000 long documents, enabling researchers to study retrieval."
    assert Code.CUT_OFF not in line_codes(whole, abstract)


def test_a_line_ending_resulting_in_a_method_is_cut_off() -> None:
    abstract = (
        "We prune the index and widen the query, resulting in a method, which we call Quill, "
        "that retrieves long documents faster."
    )
    line = "We prune the document index and widen the retrieval query, resulting in a method."
    assert Code.CUT_OFF in line_codes(line, abstract)


def test_a_link_without_a_scheme_is_removed() -> None:
    text = "We release Quill (huggingface.co/datasets/someone/quill), a corpus of documents."
    assert strip_markup(text) == "We release Quill, a corpus of documents."
    assert "github.com" not in strip_markup("Code is at github.com/someone/quill.")
    kept = "We fine-tune Qwen2.5/Qwen3 models."
    assert strip_markup(kept) == kept


def test_a_command_glued_to_a_greek_letter_is_dropped() -> None:
    text = r"We propose \textit{boldsymbolκ-Quill}, a retrieval method."
    assert clean_untrusted(text) == "We propose κ-Quill, a retrieval method."
    assert clean_untrusted("A textbook method.") == "A textbook method."


def test_a_greek_letter_hyphenated_to_a_word_is_a_name_not_a_symbol() -> None:
    title = "κ-Quill: Retrieval for Long Documents"
    line = "κ-Quill is a retrieval method for long documents that needs no dense index."
    assert Code.SUBJECT not in line_codes(line, line, title)
    assert Code.SUBJECT in line_codes("κ improves retrieval for long documents.", line, title)


def test_a_finding_does_not_take_the_result_the_method_achieves() -> None:
    finding = "We identify that longer documents require finer section-level matching."
    said = "Moreover, it reaches 91.2% recall on LongBench, outperforming dense baselines."
    clause = (said, "reaching 91.2% recall on LongBench")
    head = Head(finding, "Longer documents require finer section-level matching.")
    assert results_for(head, ([clause], []), ("Quill",)) == ([], [])
    # a head about the method's own work keeps it: "it" is the method
    own = Head("We propose a retrieval method for documents.", "We propose a retrieval method.")
    assert results_for(own, ([clause], []), ("Quill",)) == ([clause], [])
