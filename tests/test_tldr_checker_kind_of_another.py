"""A line must not define its name as another contribution of the abstract (issue 14, round
18): "Video2Roleplay is a robust evaluation method" where the title makes Video2Roleplay a
dataset and framework and "a robust evaluation method" is a further contribution."""

from __future__ import annotations

import pytest

from assistant.summaries.checker_roles import check_roles

TITLE = "Video2Roleplay: A Multimodal Dataset and Framework for Video-Guided Role-playing Agents"
ABSTRACT = (
    "We construct Role-playing-Video60k, a large-scale dataset of 60k videos. Based on this "
    "dataset, we develop a comprehensive RPA framework with adaptive temporal sampling. "
    "Furthermore, we propose a robust evaluation method covering eight metrics."
)
WHY = "gives the name another contribution's kind (the abstract defines it as another)"


def test_another_contributions_kind_is_rejected() -> None:
    line = "Video2Roleplay is a robust evaluation method for role-playing agents."
    assert WHY in check_roles(line, TITLE, ABSTRACT)


@pytest.mark.parametrize(
    "line",
    [
        # the name's own kind
        "Video2Roleplay is a multimodal dataset and framework for role-playing agents.",
        # a kind the abstract never gives another contribution
        "Video2Roleplay is a multimodal method for video-guided role-playing agents.",
        # the contribution itself under its own kind
        "Role-playing-Video60k is a large-scale dataset of 60k role-playing videos.",
    ],
)
def test_own_or_unattached_kinds_pass(line: str) -> None:
    assert WHY not in check_roles(line, TITLE, ABSTRACT)
