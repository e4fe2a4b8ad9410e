"""Links to papers: the one policy for which hosts we link to, and the URL of a paper's page.

Every link feedqa shows (answers, the chat, digests in Markdown/JSON/RSS) comes from
``paper_url``: the feed's own URL when it is a plain http(s) URL on an allowed host, else the
arXiv abstract page for an arXiv id, else no link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_HOSTS = frozenset(
    {"arxiv.org", "www.arxiv.org", "export.arxiv.org", "huggingface.co", "www.huggingface.co"}
)
DAILY_PAPERS_URL = "https://huggingface.co/papers"  # the feed's own home page
_ARXIV_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})$")
# Characters a URL may carry into Markdown or HTML without escaping: no spaces, brackets,
# quotes or angle brackets that could end a link early and start markup.
_SAFE_URL = re.compile(r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+")


def is_allowed_url(url: str | None) -> bool:
    """A plain http(s) URL on an allowed host: no credentials, no port, no unsafe characters."""
    if not url or not _SAFE_URL.fullmatch(url):
        return False
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and parts.hostname in ALLOWED_HOSTS
        and parts.username is None
        and parts.port is None
    )


def paper_url(paper_id: str, url: str | None = None) -> str | None:
    """The paper's page: its own URL on an allowed host, else arXiv for an arXiv id, else None."""
    if is_allowed_url(url):
        return url
    if _ARXIV_ID.match(paper_id):
        return f"https://arxiv.org/abs/{paper_id}"
    return None
