"""Round 41's unusable lines, as classes (each pinned with wording of our own): one result verb
said twice ("achieves ..., achieving ..."), a release "to the research community" as the whole
line, and a main clause about what existing methods do after a "While ..." clause. A rule that
read "X is a ..." under a title "X: A ..." as a title echo was taken back: it broke the kept
SimpleGVR case (tests/test_tldr_checker.py), and the two readers split on OceanPile's line."""

from tldr_fixtures import line_codes

from assistant.summaries.reasons import Code


def test_a_result_verb_said_twice_is_repetition() -> None:
    line = (
        "Quill is a retrieval model for long documents that achieves strong recall on LongBench, "
        "achieving competitive latency on two retrieval suites."
    )
    assert Code.REPETITION in line_codes(line, line)
    once = "Quill is a retrieval model for long documents that achieves strong recall on LongBench."
    assert Code.REPETITION not in line_codes(once, once)


def test_a_release_to_the_community_is_a_release_note() -> None:
    line = "We release our retrievers and our cleaned benchmarks to the research community."
    assert Code.RELEASE_NOTE in line_codes(line, line)


def test_what_existing_methods_do_after_while_is_background() -> None:
    line = (
        "While caching can speed up long-document retrieval, existing methods rely on coarse "
        "chunk-level reuse that misses fine-grained changes."
    )
    assert Code.BACKGROUND in line_codes(line, "Quill retrieves long documents. " + line)
