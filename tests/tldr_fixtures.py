"""A made-up paper several TL;DR checker tests read: one title and abstract, written for the
tests (a method, its result, a finding and a second contribution), so each test's line can be
judged against the same source."""

TITLE = "GridTune: Holistic Relational Shot Boundary Detection with Query Transformers"
ABSTRACT = (
    "Shot Boundary Detection (SBD) splits a video into shots. While this area is still young, "
    "its methods ignore the relations between shots. We introduce GridTune, a relational "
    "detector that predicts shot ranges with a query transformer trained on synthetic "
    "transitions. GridTune outperforms prior detectors on three benchmarks, moving shot "
    "detection closer to production standards. Our analysis further shows that a structural "
    "boundary between shots helps. Second, a new benchmark, ShotBench, covers 500 videos."
)
