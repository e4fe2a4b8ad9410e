"""The claim a "We show this in <setting>" sentence points back at (assistant.summaries.shown;
issue 14, round 20 item 20). Pure functions."""

from assistant.summaries.compress import compress
from assistant.summaries.shown import shown_claims

_TITLE = "Selective Control under Noisy Perception: Governance Failures Hidden by Aggregate Metrics"
_SENTENCES = [
    "A content-moderation system can score well on every standard accuracy metric and still "
    "cause real harm, if its mistakes fall on the few users who connect otherwise separate "
    "communities.",
    "We show this in an agent-based model where N=240 learning agents on a network each post "
    "harmless, productive, or dangerous content.",
    "Overall usefulness barely moves as the noise changes: by aggregate measures, nothing looks "
    "wrong.",
]


def test_show_this_states_the_claim_it_points_at() -> None:
    heads = shown_claims(_SENTENCES)
    assert [h.text for h in heads] == [
        "We show in an agent-based model that a content-moderation system can score well on "
        "every standard accuracy metric and still cause real harm."
    ]
    assert not heads[0].joins


def test_the_claim_leads_the_built_line() -> None:
    built = compress(_TITLE, " ".join(_SENTENCES))
    assert built is not None and built.text.startswith("We show in an agent-based model that")


def test_no_setting_or_a_pointing_claim_gives_none() -> None:
    assert shown_claims(["X is hard.", "We show this to be false."]) == []
    assert shown_claims(["This gap is large.", "We show this in a model of ten agents."]) == []
    (head,) = shown_claims(["LLMs forget facts quickly.", "We show this empirically."])
    assert head.text == "We show empirically that LLMs forget facts quickly."
