"""Paper identifiers: arXiv ids (version folded) and stable ids for papers without one."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# New style since 2007: YYMM.NNNN (to 2014) or YYMM.NNNNN, optional version suffix.
_NEW_ID = re.compile(r"(?<!\d)(?<!\d\.)(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?!\d)")
# Old style: archive[.SUBJ]/YYMMNNN, e.g. hep-th/9901001 or math.CO/0601001.
_OLD_ID = re.compile(
    r"(?<![A-Za-z-])([a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?/(\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v\d+)?(?!\d)"
)
_NON_ALNUM = re.compile(r"[\W_]+")


def arxiv_id(text: str | None) -> str | None:
    """The arXiv id (without version) in an id, ``oai:`` identifier or abs/pdf URL, if any.

    ``2501.00001v2`` -> ``2501.00001``; ``hep-th/9901001v1`` -> ``hep-th/9901001``.
    """
    if not text:
        return None
    match = _NEW_ID.search(text)
    if match:
        return match.group(1)
    match = _OLD_ID.search(text)
    if match:
        return f"{match.group(1)}/{match.group(2)}"
    return None


def fold_title(title: str) -> str:
    """The title reduced to what identifies it: case, punctuation and spacing folded."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def title_id(title: str) -> str:
    """A stable id for a paper known only by its title: ``t-`` plus 12 hex digits."""
    digest = hashlib.sha256(fold_title(title).encode("utf-8")).hexdigest()
    return f"t-{digest[:12]}"
