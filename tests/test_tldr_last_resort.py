"""The last-resort built line (issue 14, round 20): when the checker refuses every abstract
sentence for what it says (a pointer to a sentence not shown, the release note), the
abstract's appositive definition of the method or the title's line wins. Pure functions."""

from assistant.models import Paper
from assistant.summaries.checker import check_tldr
from assistant.summaries.compress import titled
from assistant.summaries.extractive import misplaced
from assistant.summaries.titles import command_line, third_person, title_line
from assistant.summaries.tldr import base_line

_REEL_TITLE = (
    "ResearchStudio-Reel: Automate the Last Mile of Research from Paper to Poster, Video, and Blog"
)
_REEL = (
    "Research dissemination, turning a paper into a poster, a talk video, and a blog post, is "
    "still a manual last mile. We argue this last mile is best built as a composition of "
    "skills. We instantiate this as ResearchStudio-Reel, five Claude Code and Codex skills "
    "organized into one shared extractor and three editable generators."
)
_EDGE_TITLE = "EdgeBench: Unveiling Scaling Laws of Learning from Real-World Environments"
_EDGE = (
    "Pretraining scaling laws reveal that model capability improves predictably with data. "
    "But learning from real world environments after deployment remains far less understood. "
    "This discovery stems from EdgeBench, a suite of 134 real world tasks with ultra-long "
    "horizons, spanning scientific discovery and software engineering. We publicly release 51 "
    "tasks and our full evaluation framework to accelerate the study of how agents learn."
)


def test_a_command_title_is_what_the_method_does() -> None:
    line = command_line(_REEL_TITLE, _REEL, "ResearchStudio-Reel")
    assert line == (
        "ResearchStudio-Reel automates the last mile of research from paper to poster, "
        "video, and blog."
    )
    # "X provides automate the last mile ..." reads garbled
    assert title_line(_REEL_TITLE, _REEL, "ResearchStudio-Reel") is None


def test_a_preposition_or_gerund_is_no_command() -> None:
    assert command_line("X: Through the Lens of Time", "X.", "X") is None
    assert command_line("X: Distilling a 2B Retriever into Text", "X.", "X") is None


def test_third_person() -> None:
    assert [third_person(v) for v in ("automate", "teach", "unify", "play")] == [
        "automates",
        "teaches",
        "unifies",
        "plays",
    ]


def test_a_pointer_line_gives_way_to_the_title() -> None:
    refused = "We instantiate this as ResearchStudio-Reel, five Claude Code and Codex skills."
    assert misplaced(refused, _REEL_TITLE, _REEL)
    assert base_line(Paper("x", _REEL_TITLE, _REEL)).startswith("ResearchStudio-Reel automates")


def test_the_abstract_definition_beats_the_release_note() -> None:
    assert titled(_EDGE_TITLE, _EDGE) == (
        "EdgeBench is a suite of 134 real world tasks with ultra-long horizons, spanning "
        "scientific discovery and software engineering."
    )
    assert base_line(Paper("x", _EDGE_TITLE, _EDGE)).startswith("EdgeBench is a suite")


def test_a_line_refused_for_a_symbol_keeps_its_place() -> None:
    # a stray symbol leaves the line's content the paper's: no title line over it
    line = "Our strategy improves accuracy, achieving a +4.3%p gain for ViT-B on ImageNet-1k."
    abstract = f"Residual connections are pivotal in deep networks. {line}"
    title = "Revisiting Residual Connections: Orthogonal Updates"
    assert check_tldr(line, title, abstract)  # refused, but not for what it says
    assert not misplaced(line, title, abstract)
