"""assistant.phrasing: the empty-name pattern shared by the answer checks and the TL;DR checker.
Each empty slot has a named twin that must not match."""

from __future__ import annotations

import pytest

from assistant.phrasing import EMPTY_NAME


@pytest.mark.parametrize(
    ("empty", "named"),
    [
        ("a module called to aggregate features", "a module called TopoAgg aggregates features"),
        ("a benchmark named the", "a benchmark named Anthem"),
        ("a model called a new kind of router", "a model called Aria"),
        ("a method known as , which", "a method known as Toolformer, which"),
        ("a loss referred to as is used", "a loss referred to as InfoNCE is used"),
        ("the system, dubbed and tested", "the system, dubbed Theseus, was tested"),
        ("a loss called the new loss", "a loss called the manifold feature distance (MFD)"),
        ("a mechanism named the best one", "a mechanism named the Uniform Phantom"),
    ],
)
def test_an_empty_name_slot_matches_and_its_named_twin_does_not(empty: str, named: str) -> None:
    assert EMPTY_NAME.search(empty)
    assert not EMPTY_NAME.search(named)
