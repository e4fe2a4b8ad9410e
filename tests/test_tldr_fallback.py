"""TL;DR lines when the best head is refused (issue #14): a compound the abstract writes with
a hyphen is a word, not a break; a head too long for a line is cut before its list."""

from __future__ import annotations

from assistant.summaries.checker import check_form

ABSTRACT = (
    "Virtual try-on (VTO) renders a person wearing a garment. We introduce FitSet, a VTO "
    "dataset of 1.1M try-on image triplets with body and garment measurements."
)
BROKEN = "garbled"


def test_a_compound_the_abstract_writes_is_not_a_broken_word() -> None:
    line = "FitSet is a VTO dataset of 1.1M try-on image triplets with garment measurements."
    assert not any(BROKEN in reason for reason in check_form(line, ABSTRACT))


def test_a_hyphen_the_abstract_does_not_write_is_still_a_broken_word() -> None:
    line = "FitSet is a dataset of image-to garment triplets with body measurements."
    assert any(BROKEN in reason for reason in check_form(line, ABSTRACT))
