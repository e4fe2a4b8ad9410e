"""Whether a paper is a survey, and the topic its title names: one home for the TL;DR builder
and checker. Pure functions."""

from __future__ import annotations

import re

from assistant.names import split_title

# "A Survey of ...", "...: A Comprehensive Survey", "A Review on ...".
_SURVEY_TITLE = re.compile(
    r"\b(?:survey|review)\s+(?:of|on)\b|^(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:survey|review)$", re.I
)
# "This survey ...", "we survey ...", "a systematic review of ...": the paper calls itself one.
_SURVEY_SAID = re.compile(
    r"\b(?:this|our)\s+(?:survey|review)\b|\bwe\s+(?:\w+ly\s+)?survey\s"
    r"|\bwe\s+review\s+(?:a\s+broad\s+range\s+of\s+)?(?:the\s+)?(?:recent|existing|current)\s"
    r"|\b(?:an?|this)\s+(?:comprehensive|systematic|structured)\s+survey\b"
    # not "a comprehensive review of the data curation lifecycle" (Kandinsky 5.0's report)
    r"|\b(?:an?|this)\s+(?:comprehensive|systematic|structured)\s+review\s+of\s+(?:the\s+)?"
    r"(?:literature|recent|existing|current|research)\b",
    re.I,
)
# A survey title's words that name no topic: "Advances and Frontiers of", "Towards".
_TOPIC_LEAD = re.compile(
    r"^(?:(?:recent\s+)?(?:advances|progress|developments|frontiers|trends)"
    r"(?:\s+and\s+(?:frontiers|challenges|trends|future directions))?\s+(?:in|of|on)\s+"
    r"|towards?\s+|an?\s+(?:[\w-]+\s+){0,2}(?:survey|review)\s+(?:of|on)\s+)",
    re.I,
)


def is_survey(title: str, abstract: str) -> bool:
    """Whether the paper surveys a field: its title says so or its abstract calls it one."""
    head, rest = split_title(title)
    parts = [part for part in (head, rest) if part]
    return any(_SURVEY_TITLE.search(part.strip(" .")) for part in parts) or bool(
        _SURVEY_SAID.search(abstract)
    )


def survey_topic(title: str) -> str:
    """What a survey's title says it covers: the part that is not "A Survey", less a lead
    that names no topic ("Advances and Frontiers of LLM-based Issue Resolution in Software
    Engineering: A Comprehensive Survey" -> "LLM-based Issue Resolution in Software
    Engineering")."""
    head, rest = split_title(title)
    parts = [part for part in (head, rest) if part and not _SURVEY_TITLE.fullmatch(part)]
    topic = parts[0] if parts else title
    return _TOPIC_LEAD.sub("", topic.strip(" .")).strip()


# What a survey says it is: "This paper presents a systematic survey of ...", "This survey
# addresses this gap by providing systematic examination of ...", "This paper therefore
# investigates efficiency from three core components of agents: ..." (round 45).
_SURVEY_HEAD = re.compile(
    r"^(?:[^,]{0,60},\s+)?(?P<who>we|this\s+(?:paper|work|survey|article|review))\s+"
    r"(?:(?:\w+ly|therefore|thus|then|first|here)\s+)?"
    r"(?:address(?:es)?\s+(?:this|these|the)\s+(?:\w+\s+)?(?:gap|gaps|need|issue|problem)\s+by\s+)?"
    r"(?P<verb>present(?:s|ed|ing)?|provid(?:es?|ed|ing)|offer(?:s|ed|ing)?|conduct(?:s|ed|ing)?|"
    r"perform(?:s|ed|ing)?|investigates|examines|surveys|reviews)\s+"
    r"(?P<what>.{12,})$",
    re.I,
)
# A noun the survey's verb must name when it is not "investigates"/"surveys"/"reviews".
_SURVEY_NOUN = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:first\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:survey|review|overview|examination|investigation|analysis|landscape)\s+(?:of|on|into)\s",
    re.I,
)
# "this emerging domain": the topic the title names.
_THIS_TOPIC = re.compile(
    r"\b(?:this|the)\s+(?:emerging\s+|rapidly\s+\w+\s+)?(?:domain|field|area|topic)\b"
)
# Where the head's own statement ends: a list it announces, a participle of detail.
_HEAD_END = re.compile(
    r",\s+(?:covering|including|spanning|encompassing)\s+the\s+following\b|:\s*\(?(?:1|i|a)\)"
    r"|,\s+(?:which|where|while|considering|thereby|with the goal|in order)\b|;\s"
)
_WE_VERB = {"providing": "provide", "offering": "offer", "presenting": "present"}


def survey_lines(title: str, sentences: list[str]) -> list[str]:
    """Lines saying what a survey covers, from its sentences that say what it is, with a
    pointer to its field ("this emerging domain") replaced by the title's topic."""
    lines = []
    for sentence in sentences:
        match = _SURVEY_HEAD.match(" ".join(sentence.split()).rstrip(" ."))
        if match is None:
            continue
        verb, what = match["verb"], match["what"]
        if verb.lower() not in {"investigates", "surveys", "reviews"} and not _SURVEY_NOUN.match(
            what
        ):
            continue
        end = _HEAD_END.search(what)
        what = what[: end.start()] if end else what
        what = _THIS_TOPIC.sub(lambda _: _lowered(survey_topic(title)), what)
        lines.append(f"{_subject_verb(verb, match['who'])} {what.rstrip(' ,')}.")
    return lines


def _lowered(topic: str) -> str:
    """A title's words in a sentence: "Issue Resolution" -> "issue resolution", "LLM-based" kept."""
    return " ".join("-".join(map(_lowered_word, word.split("-"))) for word in topic.split())


def _lowered_word(word: str) -> str:
    return word.lower() if word[:1].isupper() and word[1:].islower() else word


def _subject_verb(verb: str, who: str) -> str:
    """The line's subject and verb: "This survey provides" as the abstract has it (its -ing
    form made finite), else "We present" for "This paper presents" (the checker finds "This
    paper" a subject that names nothing); "We performed" as it is."""
    verb, who = verb.lower(), " ".join(who.lower().split())
    if who in ("this survey", "this review"):
        finite = _WE_VERB[verb] + "s" if verb in _WE_VERB else verb
        return f"This {who.split()[1]} {finite}"
    if verb in _WE_VERB or who == "we" or not verb.endswith("s"):  # "This paper presented"
        return f"We {_WE_VERB.get(verb, verb)}"
    return f"We {verb[:-2] if verb.endswith(('sses', 'shes', 'ches')) else verb[:-1]}"
