"""Loading sources: files, directories, tar archives, http(s) URLs and ``hf:`` date ranges."""

from __future__ import annotations

import re
import tarfile
import zlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx

from assistant import __version__
from assistant.config import Settings
from assistant.days import parse_day
from assistant.errors import FeedError, UsageError
from assistant.models import ParseResult

from .common import Limits
from .detect import parse_bytes

SourceResult = ParseResult | FeedError
DEFAULT_HF_BASE_URL = "https://huggingface.co"
MAX_HF_DAYS = 366
_HF_SPEC = re.compile(r"hf:(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?")
_HTTP_URL = re.compile(r"https?://", re.IGNORECASE)


class HttpStatusError(FeedError):
    """The server answered with an HTTP error status (as opposed to not answering at all)."""


def load_source(
    spec: str, settings: Settings, *, hf_base_url: str | None = None
) -> Iterator[SourceResult]:
    """Load one source given on the command line; yields one item per feed file it holds.

    ``spec`` is a file, a directory (its regular, non-hidden files, sorted, not recursive), a
    ``.tar.gz``/``.tgz`` archive (its members, streamed), an http(s) URL, ``hf:YYYY-MM-DD`` or
    ``hf:YYYY-MM-DD..YYYY-MM-DD`` (the Daily Papers API, one request a day; ``hf_base_url``
    replaces ``https://huggingface.co``).

    A single-feed source (file, URL, one ``hf:`` day) is read before this returns and raises
    FeedError if it fails. A multi-feed source (directory, archive, ``hf:`` range) is read
    lazily, one feed at a time, and a feed in it that fails is *yielded* as a FeedError
    instance (not raised) so the caller can report it and go on. Two failures end a
    multi-feed source early: a corrupt archive yields one last FeedError for the archive, and
    a network failure (no connection, timeout) during an ``hf:`` range raises FeedError.
    A missing path raises FeedError; a bad ``hf:`` spec or URL scheme raises UsageError.
    """
    if spec.startswith("hf:"):
        days = hf_days(spec)
        base = (hf_base_url or DEFAULT_HF_BASE_URL).rstrip("/")
        if len(days) == 1:
            with _client(settings) as client:
                return iter([_fetch_hf_day(client, base, days[0], settings)])
        return _load_hf_days(days, base, settings)
    if _HTTP_URL.match(spec):
        with _client(settings) as client:
            data = http_get(client, spec, settings)
        return iter([parse_bytes(data, spec, Limits.from_settings(settings))])
    if "://" in spec:
        raise UsageError(f"{spec}: unsupported URL scheme (use http:// or https://)")
    return _load_path(Path(spec).expanduser(), spec, Limits.from_settings(settings))


def hf_days(spec: str) -> list[str]:
    """The ISO days of ``hf:YYYY-MM-DD`` or ``hf:YYYY-MM-DD..YYYY-MM-DD`` (inclusive)."""
    match = _HF_SPEC.fullmatch(spec.strip())
    if not match:
        raise UsageError(f"{spec}: expected hf:YYYY-MM-DD or hf:YYYY-MM-DD..YYYY-MM-DD")
    start = parse_day(match.group(1), f"{spec}: the day")
    end = parse_day(match.group(2) or match.group(1), f"{spec}: the day")
    if end < start:
        raise UsageError(f"{spec}: the range ends before it starts")
    count = (end - start).days + 1
    if count > MAX_HF_DAYS:
        raise UsageError(f"{spec}: {count} days; at most {MAX_HF_DAYS} per source")
    return [(start + timedelta(days=n)).isoformat() for n in range(count)]


# --- local files -------------------------------------------------------------------------


def _load_path(path: Path, spec: str, limits: Limits) -> Iterator[SourceResult]:
    if not path.exists():
        raise FeedError(spec, "no such file or directory")
    if path.is_dir():
        return _load_dir(path, limits)
    if _is_archive(path):
        return _load_archive(path, limits)
    return iter([parse_bytes(_read_file(path, spec, limits), spec, limits)])


def _load_dir(directory: Path, limits: Limits) -> Iterator[SourceResult]:
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if _is_archive(path):
            yield from _load_archive(path, limits)
        else:
            yield _parse_or_error(path, limits)


def _parse_or_error(path: Path, limits: Limits) -> SourceResult:
    try:
        return parse_bytes(_read_file(path, str(path), limits), str(path), limits)
    except FeedError as exc:
        return exc


def _read_file(path: Path, source: str, limits: Limits) -> bytes:
    try:
        if path.stat().st_size > limits.max_feed_bytes:
            raise FeedError(source, f"larger than the {limits.max_feed_bytes:,}-byte feed limit")
        with path.open("rb") as handle:
            # The size can change between stat and read; parse_bytes re-checks what we got.
            return handle.read(limits.max_feed_bytes + 1)
    except OSError as exc:
        raise FeedError(source, f"cannot read ({exc.strerror or exc})") from None


ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_MEMBER_SOURCE = re.compile(
    r"^(?P<archive>.+?(?:" + "|".join(re.escape(s) for s in ARCHIVE_SUFFIXES) + r"))/.+$",
    re.IGNORECASE,
)


def source_group(source: str) -> str:
    """The file a stored source came from: an archive member (``ARCHIVE/member``, as
    ``_load_archive`` names them) belongs to its archive; anything else is its own group."""
    match = _MEMBER_SOURCE.match(source)
    return match["archive"] if match else source


def group_sources(sources: dict[str, int]) -> dict[str, tuple[int, int]]:
    """{file or archive: (feeds in it, papers from it)}, largest first."""
    groups: dict[str, tuple[int, int]] = {}
    for source, papers in sources.items():
        feeds, total = groups.get(source_group(source), (0, 0))
        groups[source_group(source)] = (feeds + 1, total + papers)
    return dict(sorted(groups.items(), key=lambda item: (-item[1][1], item[0])))


def _is_archive(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith(ARCHIVE_SUFFIXES):
        return False
    try:
        return tarfile.is_tarfile(path)
    except OSError:
        return False


def _load_archive(path: Path, limits: Limits) -> Iterator[SourceResult]:
    try:
        # "r|*" streams: members are read in order, never the whole archive at once.
        with tarfile.open(path, mode="r|*") as archive:
            for member in archive:
                name = member.name.rsplit("/", 1)[-1]
                if member.isfile() and not name.startswith("."):
                    yield _parse_member(archive, member, f"{path}/{member.name}", limits)
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        yield FeedError(str(path), f"corrupt or truncated archive ({exc})")


def _parse_member(
    archive: tarfile.TarFile, member: tarfile.TarInfo, source: str, limits: Limits
) -> SourceResult:
    if member.size > limits.max_feed_bytes:
        return FeedError(source, f"larger than the {limits.max_feed_bytes:,}-byte feed limit")
    handle = archive.extractfile(member)
    if handle is None:
        return FeedError(source, "archive member has no data")
    try:
        return parse_bytes(handle.read(), source, limits)
    except FeedError as exc:
        return exc


# --- network -----------------------------------------------------------------------------


def _client(settings: Settings) -> httpx.Client:
    return httpx.Client(
        timeout=settings.http_timeout_s,
        follow_redirects=True,
        headers={"User-Agent": f"feedqa/{__version__}"},
    )


def _load_hf_days(days: list[str], base: str, settings: Settings) -> Iterator[SourceResult]:
    limits = Limits.from_settings(settings)
    with _client(settings) as client:
        for day in days:
            try:
                data = http_get(client, hf_day_url(base, day), settings)
            except HttpStatusError as exc:
                yield exc  # one bad day; a network failure (not caught) ends the range
                continue
            try:
                yield parse_bytes(data, f"hf:{day}", limits)
            except FeedError as exc:
                yield exc


def _fetch_hf_day(client: httpx.Client, base: str, day: str, settings: Settings) -> ParseResult:
    data = http_get(client, hf_day_url(base, day), settings)
    return parse_bytes(data, f"hf:{day}", Limits.from_settings(settings))


def hf_day_url(base: str, day: str) -> str:
    """The Daily Papers API URL for one day."""
    return f"{base}/api/daily_papers?date={day}"


def http_get(client: httpx.Client, url: str, settings: Settings) -> bytes:
    """GET ``url``; any failure is a FeedError naming the URL with a one-line reason."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                raise HttpStatusError(url, reason)
            return _read_limited(response, url, settings.max_feed_bytes)
    except httpx.TimeoutException:
        raise FeedError(url, f"timed out after {settings.http_timeout_s:g}s") from None
    except httpx.ConnectError as exc:
        raise FeedError(url, f"cannot connect (offline?): {_one_line(exc)}") from None
    except httpx.TooManyRedirects:
        raise FeedError(url, "too many redirects") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FeedError(url, f"network error: {_one_line(exc)}") from None


def _read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    too_big = f"response larger than the {limit:,}-byte feed limit"
    if declared.isdigit() and int(declared) > limit:
        raise FeedError(url, too_big)
    chunks: list[bytes] = []
    total = 0
    # Counted after content decoding, so a gzip bomb stops at the limit too.
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise FeedError(url, too_big)
        chunks.append(chunk)
    return b"".join(chunks)


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
