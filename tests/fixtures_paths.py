"""Where the shared real-data fixtures live: ``shared/feeds`` beside the repository checkout."""

from pathlib import Path

SHARED_FEEDS = Path(__file__).resolve().parents[2] / "shared" / "feeds"
HF_API = SHARED_FEEDS / "hf_api"
ARXIV = SHARED_FEEDS / "arxiv"
PAGE_SAMPLE = SHARED_FEEDS / "hf_daily_papers_page_sample.txt"
HF_ARCHIVE = HF_API / "hf_daily_papers_ALL_2024-05-27_to_2026-08-21.tar.gz"


def arxiv_file(prefix: str) -> Path:
    """The one arXiv fixture whose name starts with ``prefix`` (names end in a query hash)."""
    (match,) = sorted(ARXIV.glob(f"{prefix}*.xml"))
    return match
