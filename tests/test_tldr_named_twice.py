"""Dev lines the checker passed though readers refused them (rounds 7-28, read again in session
34), as classes pinned with wording of our own: "X is ..., demonstrating that X achieves ..."
where the sentence names X by its version-less name ("UniReason" for "UniReason 1.0") or by a
verb whose -ing form keeps its single consonant ("recovers" -> "recovering"); and a series
that starts with an -ing form and goes on with finite verbs ("reducing A, reveals B, and
gives C")."""

from tldr_fixtures import line_codes

from assistant.summaries.clauses import evidence_of
from assistant.summaries.reasons import Code


def test_what_the_experiments_show_of_a_versioned_name_is_said_of_it_once() -> None:
    clause = "demonstrating that Quill achieves top recall on long-document benchmarks"
    assert evidence_of(clause, ("Quill 2.0",), "x") == (
        "achieving top recall on long-document benchmarks"
    )


def test_an_unstressed_last_syllable_keeps_its_single_consonant() -> None:
    clause = "demonstrating that Quill recovers 94.5% of the lost recall"
    assert evidence_of(clause, ("Quill",), "Tests show that Quill recovers 94.5%.") == (
        "recovering 94.5% of the lost recall"
    )
    clause = "demonstrating that Quill broadens coverage of long documents"
    assert evidence_of(clause, ("Quill",), "x") == "broadening coverage of long documents"
    # "preferring": the stress is on the last syllable, so the form is not sure and stays
    clause = "demonstrating that Quill prefers short sections in long documents"
    assert evidence_of(clause, ("Quill",), "x") == clause


def test_an_ing_form_then_finite_verbs_in_one_series_is_garbled() -> None:
    line = (
        "Quill is a retriever that learns a section index, reducing index size, reveals richer "
        "structure, and gives stable recall under noise."
    )
    assert Code.GARBLED in line_codes(line, line)
    nouns = (
        "Quill is a reading interface, providing real-time feedback on recall, explanations "
        "for results with examples, and overviews of progress over time."
    )
    assert Code.GARBLED not in line_codes(nouns, nouns)
