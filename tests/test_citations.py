"""The citation parser (pure): markers, invalid numbers, sentence splitting, rendering."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.pipeline.citations import (
    Claim,
    parse_claims,
    parse_markers,
    render_claim,
    split_sentences,
    strip_markers,
)


@pytest.mark.parametrize(
    ("answer", "cited"),
    [
        ("RouteST uses sixteen experts [1].", (1,)),
        ("RouteST uses sixteen experts [1, 2].", (1, 2)),
        ("RouteST uses sixteen experts [1][2].", (1, 2)),
        ("RouteST uses sixteen experts [2] [1].", (2, 1)),
        ("RouteST uses sixteen experts [ 1 ; 3 ].", (1, 3)),
        ("RouteST uses [1] sixteen experts [1].", (1,)),
        ("RouteST uses sixteen experts.", ()),
    ],
)
def test_markers(answer: str, cited: tuple[int, ...]) -> None:
    (claim,) = parse_claims(answer, n_sources=3)
    assert claim == Claim("RouteST uses sixteen experts.", cited, ())


@pytest.mark.parametrize(
    ("answer", "cited", "invalid"),
    [
        ("Speed doubles [0].", (), (0,)),
        ("Speed doubles [9].", (), (9,)),
        ("Speed doubles [1, 9].", (1,), (9,)),
        ("Speed doubles [4][3].", (3,), (4,)),
        ("Speed doubles [" + "9" * 5000 + "].", (), (10**6,)),  # no int() digit-limit crash
    ],
)
def test_out_of_range_numbers_are_invalid(answer, cited, invalid) -> None:
    (claim,) = parse_claims(answer, n_sources=3)
    assert (claim.text, claim.cited, claim.invalid) == ("Speed doubles.", cited, invalid)


def test_no_sources_makes_every_number_invalid() -> None:
    (claim,) = parse_claims("Speed doubles [1].", n_sources=0)
    assert claim.cited == () and claim.invalid == (1,)


def test_non_markers_stay_text() -> None:
    (claim,) = parse_claims("Arrays like [a, b] and x[1:2] and [1.5] stay [2].", n_sources=3)
    assert claim.cited == (2,)
    assert "[a, b]" in claim.text and "x[1:2]" in claim.text and "[1.5]" in claim.text


def test_markers_inside_a_sentence_leave_single_spaces() -> None:
    (claim,) = parse_claims("Both [1] and [2] agree [9].", n_sources=3)
    assert claim.text == "Both and agree."


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("A is good [1]. B is bad [2].", ["A is good [1].", "B is bad [2]."]),
        ("A is good. [1] B is bad.", ["A is good. [1]", "B is bad."]),
        ("A is good.[1][2] B is bad.", ["A is good.[1][2]", "B is bad."]),
        ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
        ("Smith et al. report gains [1]. Then more.", ["Smith et al. report gains [1].",
                                                        "Then more."]),
        ("Tools, e.g. BERT, help. Also GPT.", ["Tools, e.g. BERT, help.", "Also GPT."]),
        ("It is i.e. Fine. Next.", ["It is i.e. Fine.", "Next."]),
        ("Method A vs. Method B wins. Next.", ["Method A vs. Method B wins.", "Next."]),
        ("See Fig. 3 and Eq. 2 for it. Next.", ["See Fig. 3 and Eq. 2 for it.", "Next."]),
        ("We propose Dr. MAS, a recipe. Next.", ["We propose Dr. MAS, a recipe.", "Next."]),
        ("Loss is 3.5 points lower. Next.", ["Loss is 3.5 points lower.", "Next."]),
        ("Version 2.0 is out. it is lowercase.", ["Version 2.0 is out. it is lowercase."]),
        ('It said "Done." Then left.', ['It said "Done."', "Then left."]),
        # a name opening on a digit opens a sentence; a bare number does not
        ("It is one model. 4DLangVGGT has two parts.", ["It is one model.",
                                                        "4DLangVGGT has two parts."]),
        ("We fit it. 3D scenes follow.", ["We fit it.", "3D scenes follow."]),
        ("It is v. 2 of it. Next.", ["It is v. 2 of it.", "Next."]),
        # a list item's number opens its item
        ("It has metallicness. 2) To support it, we build X.", ["It has metallicness.",
                                                                "2) To support it, we build X."]),
        ("It costs 2. 2 (of 3) remain.", ["It costs 2. 2 (of 3) remain."]),
        # ... unless the items are phrases of one sentence's list
        ("It lies in two aspects: 1) Inter-frame change. 2) Intra-frame detail. Next.",
         ["It lies in two aspects: 1) Inter-frame change. 2) Intra-frame detail.", "Next."]),
        ("We present: 1) X, dense captions of videos of various lengths and sources. 2) Y, a "
         "captioner. Next.", ["We present: 1) X, dense captions of videos of various lengths and "
                              "sources. 2) Y, a captioner.", "Next."]),
        ("It has two parts: 1) We build it. With it we win. 2) We test it.",
         ["It has two parts: 1) We build it.", "With it we win.", "2) We test it."]),
        ("- A works [1]\n- B fails [2]", ["- A works [1]", "- B fails [2]"]),
        ("  \n ", []),
        ("", []),
    ],
)  # fmt: skip
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_claims_of_a_multi_sentence_answer() -> None:
    answer = "Smith et al. show gains [1]. They use e.g. CLEVRER [2][3]. Nothing else [7]."
    assert parse_claims(answer, n_sources=3) == [
        Claim("Smith et al. show gains.", (1,)),
        Claim("They use e.g. CLEVRER.", (2, 3)),
        Claim("Nothing else.", (), (7,)),
    ]


def test_markers_only_sentence_is_no_claim() -> None:
    assert parse_claims("[1] [2]", n_sources=3) == []


@pytest.mark.parametrize(
    ("claim", "rendered"),
    [
        (Claim("A is good.", (1,)), "A is good [1]."),
        (Claim("A is good!", (1, 3)), "A is good [1][3]!"),
        (Claim("No full stop", (2,)), "No full stop [2]"),
        (Claim("Uncited.", ()), "Uncited."),
    ],
)
def test_render_claim(claim: Claim, rendered: str) -> None:
    assert render_claim(claim) == rendered


@pytest.mark.parametrize(
    "answer",
    ["A is good [1]. B is bad [2][3].", "Smith et al. found it [2]!", "No stop [1]", "Plain."],
)
def test_render_round_trip(answer: str) -> None:
    claims = parse_claims(answer, n_sources=3)
    rendered = " ".join(render_claim(c) for c in claims)
    assert rendered == answer
    assert parse_claims(rendered, n_sources=3) == claims


def test_strip_and_parse_markers() -> None:
    assert parse_markers("x [1, 2] y [3;4] z [5]") == [1, 2, 3, 4, 5]
    assert strip_markers("Gains hold [1] .") == "Gains hold."


# --- properties ------------------------------------------------------------------------------

MARKERS = st.lists(st.integers(0, 12), min_size=1, max_size=3).map(
    lambda ns: "[" + ", ".join(map(str, ns)) + "]"
)
TEXT = st.lists(
    st.one_of(st.text(max_size=12), MARKERS, st.sampled_from([". ", "? ", "\n", " et al. ", "A"])),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=200), TEXT), n_sources=st.integers(0, 8))
def test_parse_claims_never_raises_and_cites_only_real_sources(text: str, n_sources: int) -> None:
    for claim in parse_claims(text, n_sources):
        assert claim.text.strip()
        assert all(1 <= n <= n_sources for n in claim.cited)
        assert all(not 1 <= n <= n_sources for n in claim.invalid)
        assert len(set(claim.cited)) == len(claim.cited)
        assert parse_markers(claim.text) == []  # no marker survives into the text


def test_nested_markers_do_not_reassemble() -> None:
    (claim,) = parse_claims("Speed doubles [[9]9].", n_sources=3)
    assert "[9]" not in claim.text and claim.invalid == (9,)


WORDS = st.tuples(
    st.sampled_from(["Gains", "CLEVRER", "The model", "Et al"]),
    st.lists(st.sampled_from(["hold", "on", "3.5", "points", "e.g.", "GPT-4o"]), max_size=5),
).map(lambda t: " ".join([t[0], *t[1]]))
SENTENCES = st.lists(
    st.tuples(WORDS, st.sampled_from([".", "!", "?"]), st.lists(st.integers(1, 3), max_size=2)),
    min_size=1,
    max_size=4,
)


@settings(max_examples=200, deadline=None)
@given(sentences=SENTENCES)
def test_render_parse_round_trip(sentences: list[tuple[str, str, list[int]]]) -> None:
    claims = [Claim(w + stop, tuple(dict.fromkeys(ns))) for w, stop, ns in sentences]
    rendered = " ".join(render_claim(c) for c in claims)
    assert parse_claims(rendered, n_sources=3) == claims
