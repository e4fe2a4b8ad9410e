"""A made-up paper several TL;DR checker tests read: one title and abstract, written for the
tests (a method, its result, a finding and a second contribution), so each test's line can be
judged against the same source; and the checker's codes for a line, which the round class
tests (39-44) read against a title of their own made-up paper, Quill."""

from assistant.summaries.checker import check_tldr
from assistant.summaries.reasons import Code

TITLE = "GridTune: Holistic Relational Shot Boundary Detection with Query Transformers"
ABSTRACT = (
    "Shot Boundary Detection (SBD) splits a video into shots. While this area is still young, "
    "its methods ignore the relations between shots. We introduce GridTune, a relational "
    "detector that predicts shot ranges with a query transformer trained on synthetic "
    "transitions. GridTune outperforms prior detectors on three benchmarks, moving shot "
    "detection closer to production standards. Our analysis further shows that a structural "
    "boundary between shots helps. Second, a new benchmark, ShotBench, covers 500 videos."
)


QUILL_TITLE = "Quill: Retrieval for Long Documents"


def line_codes(line: str, abstract: str, title: str = QUILL_TITLE) -> set[Code]:
    """The codes of the checker's reasons for ``line`` against ``title`` and ``abstract``."""
    return {r.code for r in check_tldr(line, title, abstract)}
