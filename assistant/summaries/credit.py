"""Whose result a result sentence states (used by assistant.summaries.lines): a result joined
to the method's line must be the method's own. "It attains 81.5% coverage" after "ZeroRepo
produces ..." is ZeroRepo's, and "We also introduce TRPO for online RL, achieving 34.9" is
TRPO's: joined to another name's line either credits the wrong system. Pure functions."""

from __future__ import annotations

import re

from assistant.summaries.checker_words import STOPWORDS, mentions, stem
from assistant.summaries.clauses import casefolded_words, strip_lead
from assistant.summaries.naming import NAME_TOKEN
from assistant.summaries.titles import names_resource

# "On RepoCraft, ZeroRepo produces ...": a name as the subject of a finite verb, at the start
# or after a leading phrase; "Janus-4o not only significantly improves ..." (round 40) too.
_NAMED_SUBJECT = re.compile(
    r"(?:^|,\s+)(?:the\s+)?(\S+)\s+(?:(?:also|further|not\s+only|\w+ly)\s+){0,3}[a-z]{3,}s\b"
)
_IT_SUBJECT = re.compile(r"(?:^|,\s+)it\s", re.I)
# "Our models ...", "They ...", "The resulting models ...": models trained on a dataset, whose
# result is theirs, not the dataset's (round 20: "X is a dataset ..., establishing new
# state-of-the-art results for their size class").
_MODELS_SUBJECT = re.compile(
    r"^(?:they|(?:our|these|the resulting|the trained)\s+(?:[\w-]+\s+)?models)\b", re.I
)
# "We (also) introduce TRPO ...": what "we" made in the sentence, the result's real subject.
_WE_MADE = re.compile(
    r"^we\s+(?:also\s+|further\s+|then\s+)?(?:introduce|propose|present|develop|design|build|"
    r"construct|create|release)\s+(?!to\s)(?P<made>[^,;:]{1,160})",
    re.I,
)


def credited(index: int, sentences: list[str], names: tuple[str, ...]) -> bool:
    """Whether the result of ``sentences[index]`` is the method's (``names``): not when its
    "it" follows a sentence about another named system, nor when "we" made another named
    thing in it and the method is not named after it. Without names nothing is known to be
    another's."""
    if not names:
        return True
    text = strip_lead(sentences[index])
    if _MODELS_SUBJECT.match(text) and names_resource(names[0], " ".join(sentences)):
        return False  # "Our models establish ..." after "X, a dataset": the models' result
    made = _WE_MADE.match(text)
    if made and _other(_first_name(made.group("made")) or "", names):
        # "..., and demonstrate that ChronoEdit surpasses ...": the method's result after all
        return any(mentions(text[made.end() :], name) for name in names)
    if _IT_SUBJECT.match(text) and index > 0:
        subject = _subject(sentences[index - 1])
        return subject is None or not _other(subject, names)
    return True


def made_apart(sentence: str, head: str) -> bool:
    """Whether ``sentence`` gives the result of a thing "we" made in it that ``head`` does not
    mention, named or not: "Beyond sampling, we develop a memory-efficient curriculum ...,
    reducing training time by 25%" is the curriculum's result, not the samplers' of the head
    (``credited`` covers made things with a name)."""
    text = strip_lead(sentence.strip())
    made = _WE_MADE.match(text)
    if made is None or not _RESULT_AFTER.match(text, made.end()):
        return False
    what = _content_stems(made.group("made"))
    return bool(what) and not what & _content_stems(head)


# ", reducing ...": the made thing's result clause right after it.
_RESULT_AFTER = re.compile(r",\s+\w+ing\s")


def _content_stems(text: str) -> set[str]:
    return {stem(w) for w in casefolded_words(text) if w not in STOPWORDS}


def made_names(sentences: list[str]) -> tuple[str, ...]:
    """The names of what "we" made in ``sentences`` ("We introduce ... (SAGA), ..." -> SAGA)."""
    made = (_WE_MADE.match(strip_lead(s)) for s in sentences)
    found = [_first_name(m.group("made")) for m in made if m]
    found += _TERMED.findall(" ".join(sentences))  # "(termed S-QUBED)", "called X"
    return tuple(dict.fromkeys(name for name in found if name and NAME_TOKEN.match(name)))


_TERMED = re.compile(r"\b(?:called|named|dubbed|termed|coined)\s+([^\s,;:()]+)")


def _subject(sentence: str) -> str | None:
    """The name a sentence is about ("On RepoCraft, ZeroRepo produces ..." -> "ZeroRepo"), or
    None when its subject is no name."""
    text = strip_lead(sentence)
    for match in _NAMED_SUBJECT.finditer(text):
        if match.start() > len(text) // 2:
            break
        token = match.group(1).strip("(),.")
        if NAME_TOKEN.match(token):
            return token
    return None


def _first_name(phrase: str) -> str | None:
    """The name ``phrase`` makes: the one it defines in brackets ("Trajectory-aware Relative
    Policy Optimization (TRPO) for online RL" -> "TRPO"), else its first; later names are
    what it is built on."""
    defined = re.search(r"\(([^\s()]+)\)", phrase)  # "a human-LLM method (SAGA)": SAGA
    if defined and NAME_TOKEN.match(defined.group(1)):
        return defined.group(1)
    tokens = (token.strip("(),.;:") for token in phrase.split())
    return next((token for token in tokens if NAME_TOKEN.match(token)), None)


def _other(token: str, names: tuple[str, ...]) -> bool:
    """Whether ``token`` is a name and none of the method's."""
    token = token.strip("(),.;:")
    return bool(NAME_TOKEN.match(token)) and not any(
        mentions(token, name) or mentions(name, token) for name in names
    )
