"""Lines that announce a list they do not give ("two mechanisms: (1) A.", "a framework with two
key components.", "three findings."). Used by the checker on every TL;DR and by the line
builder on its candidates. Pure functions."""

from __future__ import annotations

import re

from assistant.pipeline.text import COUNT_WORDS

# Guards against a line that ends inside a list it announces ("two mechanisms: (1) A", "three
# stages: grounding"), used on built lines and the model's cuts of them.
_ANNOUNCED = re.compile(
    rf"\b(?P<count>{'|'.join(COUNT_WORDS)})\s+(?:[\w-]+\s+){{0,2}}?[a-z-]+s"
    r"\s*(?::|,?\s*(?:namely|i\.e\.),?)\s*",
    re.I,
)
# "(1)", "(ii)", "b)": an item marker (a plain "1)" only after a space or a line's start).
MARKER = re.compile(r"(?:(?<=\s)|^)\((\d|i{1,3}|iv|vi{0,3}|[a-f])\)|(?:(?<=\s)|^)(\d)\)(?=\s)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7}
# "... with two key components." at a line's end or before a joined clause (", improving"):
# parts it has, announced and never named
# (not "21 properties grouped into six dimensions", which says how many and is whole).
ANNOUNCED_END = re.compile(
    r"\b(?:with|has|have|comprises|comprising|consists of|consisting of|composed of|featuring|"
    r"features|includes|including|contains|containing|incorporates|incorporating|introduces|"
    r"introducing|involves|involving|yield|yields|yielding|reveal|reveals|revealing|establish|"
    r"establishes|establishing)\s+"
    r"(?:two|three|four|five|six|seven|several|multiple)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:components|modules|stages|mechanisms|steps|phases|parts|innovations|"
    r"contributions|ingredients|elements|pillars|designs|findings|insights|observations|lessons|"
    # "Our experiments establish two properties of Marionette."
    r"properties|upgrades|improvements|enhancements|features|techniques|strategies|advantages)"
    r"(?:\s+of\s+[\w-]+)?(?:\s*[.:]?$|,\s+[a-z]+ing\b)",
    re.I,
)
_SEPARATOR = re.compile(r",\s|\s(?:and|or)\s|;\s")


def _marker_number(match: re.Match[str]) -> int:
    mark = (match.group(1) or match.group(2)).lower()
    if mark.isdigit():
        return int(mark)
    return _ROMAN.get(mark) or ord(mark) - ord("a") + 1


def list_goes_on(text: str, abstract: str) -> bool:
    """Whether ``text``'s numbered items stop before the abstract's next one: "featuring: (1)
    A; (2) B." where the abstract goes on to "(3) C" (round 44)."""
    numbers = [_marker_number(m) for m in MARKER.finditer(text)]
    if not numbers:
        return False
    return max(numbers) + 1 in {_marker_number(m) for m in MARKER.finditer(abstract)}


def unfinished_list(text: str) -> bool:
    """Whether ``text`` announces a list it does not finish: numbered items that stop before
    the count it gives or after one item ("two mechanisms: (1) A."), a count and a colon with
    too few items after it ("three stages: grounding."), or a count of parts at its end ("a
    framework with two key components.")."""
    text = text.strip()
    if ANNOUNCED_END.search(text):
        return True
    numbers = [_marker_number(m) for m in MARKER.finditer(text)]
    announced = _ANNOUNCED.search(text)
    count = COUNT_WORDS[announced.group("count").lower()] if announced else None
    if numbers:
        consecutive = numbers == list(range(1, len(numbers) + 1))
        return not consecutive or len(numbers) < 2 or (count is not None and len(numbers) < count)
    if announced is None or count is None:
        return False
    return len(_SEPARATOR.findall(text[announced.end() :])) < count - 1


# "addresses all three dimensions", "the two axes of efficiency", "from both tasks": a counted
# group the line points at without naming its items (round 18: "all three dimensions" of
# state, action and reward, which only an earlier sentence lists).
_GROUP = re.compile(
    r"\b(?:(?:all|the|these|those)\s+(?P<count>two|three|four|five|six|seven)|both)\s+"
    r"(?:(?!(?:and|or)\s)[\w-]+\s+){0,2}?(?P<noun>[a-z-]+[^suio\W]s)\b"  # not "continuous"
    r"(?!\s*(?::|\(|,?\s*(?:namely|i\.e\.|such as|including|like)\b|and\s|of\s+\S+,))",
    re.I,
)
# "both A and B": a list of its own
_BOTH_LIST = re.compile(r"^both\s+(?:\S+\s+){0,6}?(?:and|or)\s", re.I)


def unnamed_group(text: str) -> re.Match[str] | None:
    """The first counted group ``text`` points at without naming its items ("all three
    dimensions"), or None."""
    return next((m for m in _GROUP.finditer(text) if not _BOTH_LIST.match(text[m.start() :])), None)


def with_group_named(text: str, abstract: str) -> str:
    """``text`` with the items of its counted group put after it when the abstract lists them
    after the same count and noun ("all three dimensions" + "three core dimensions: state,
    action, and reward" -> "all three dimensions (state, action, and reward)"); else as it is."""
    group = unnamed_group(text)
    if group is None or group.group("count") is None:
        return text
    count, noun = group.group("count"), group.group("noun")
    listing = re.search(
        rf"\b{count}\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\s*(?::|,?\s*(?:namely|i\.e\.),?)"
        r"\s*(?P<items>[^.;:()]+)",
        abstract,
        re.I,
    )
    if listing is None:
        return text
    items = listing.group("items").strip(" ,")
    if len(_SEPARATOR.findall(items)) < COUNT_WORDS[count.lower()] - 1 or len(items.split()) > 12:
        return text
    return f"{text[: group.end()]} ({items}){text[group.end() :]}"
