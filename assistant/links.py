"""Links to papers: only hosts we trust, built from ids where the feed gave none."""

from __future__ import annotations

import re
from urllib.parse import urlparse

ALLOWED_HOSTS = ("arxiv.org", "huggingface.co", "www.arxiv.org", "export.arxiv.org")
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})$")


def is_allowed_url(url: str | None) -> bool:
    if not url:
        return False
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and (parsed.hostname or "") in ALLOWED_HOSTS


def paper_url(paper_id: str, url: str | None = None) -> str | None:
    """The paper's page: its own URL on an allowed host, else arXiv for an arXiv id, else None."""
    if is_allowed_url(url):
        return url
    if _ARXIV_ID.match(paper_id):
        return f"https://arxiv.org/abs/{paper_id}"
    return None
