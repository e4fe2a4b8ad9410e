"""API days a question set names come from the shared archive when no standalone file holds
them (evals.datasets.feeds_dir_for), so `feedqa eval --datasets claim_questions` runs."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from evals.datasets import ARCHIVE, Question, api_days, feeds_dir_for


def _shared(tmp_path: Path, archived: dict[str, str], standalone: dict[str, str]) -> Path:
    shared = tmp_path / "shared"
    (shared / "hf_api").mkdir(parents=True)
    for day, text in standalone.items():
        (shared / "hf_api" / f"hf_daily_papers_{day}.json").write_text(text)
    with tarfile.open(shared / "hf_api" / ARCHIVE, "w:gz") as archive:
        for day, text in archived.items():
            info = tarfile.TarInfo(f"Paper_metadata_download/{day}.json")
            info.size = len(text.encode())
            archive.addfile(info, io.BytesIO(text.encode()))
    return shared


def test_days_missing_beside_the_archive_are_taken_from_it(tmp_path: Path) -> None:
    shared = _shared(tmp_path, {"2025-10-16": "[1]"}, {"2025-06-16": "[2]"})
    wanted = {"2025-10-16", "2025-06-16", "2030-01-01"}
    found = feeds_dir_for(wanted, shared, tmp_path / "scratch") / "hf_api"
    assert (found / "hf_daily_papers_2025-10-16.json").read_text() == "[1]"
    assert (found / "hf_daily_papers_2025-06-16.json").read_text() == "[2]"
    assert not (found / "hf_daily_papers_2030-01-01.json").exists()  # reported as missing later


def test_the_shared_directory_serves_when_it_holds_every_day(tmp_path: Path) -> None:
    shared = _shared(tmp_path, {}, {"2025-06-16": "[2]"})
    assert feeds_dir_for({"2025-06-16"}, shared, tmp_path / "scratch") == shared


def test_api_days_are_read_from_every_part_of_a_feed() -> None:
    q = Question("x-1", "d", "sample+hf_api_2025-10-16", "single_fact", "?", (), (), (), (), "dev")
    assert api_days([q]) == {"2025-10-16"}


def test_the_archive_question_sets_are_eval_choices_but_not_defaults() -> None:
    from assistant.cli_eval import DEFAULT_DATASETS, _datasets

    assert _datasets("lead_questions,claim_questions") == ("lead_questions", "claim_questions")
    assert "lead_questions" not in DEFAULT_DATASETS


def test_an_archive_day_is_found_where_the_eval_stores_look(tmp_path: Path) -> None:
    """evals.calibrate reaches archive days through the runner's own eval_feeds_dir."""
    from assistant.config import Settings
    from evals.runner import eval_feeds_dir

    shared = _shared(tmp_path, {"2025-10-16": "[1]"}, {})
    settings = Settings(home=tmp_path / "home")
    q = Question("x-1", "d", "hf_api_2025-10-16", "single_fact", "?", (), (), (), (), "dev")
    found = eval_feeds_dir(settings, [q], shared)
    assert found == settings.evals_dir / "feeds"
    assert (found / "hf_api" / "hf_daily_papers_2025-10-16.json").read_text() == "[1]"


def test_a_feed_without_its_file_is_missing_before_any_store_is_built(tmp_path: Path) -> None:
    import pytest

    from assistant.config import Settings
    from evals.runner import MissingFeed, feed_store

    settings = Settings(home=tmp_path / "home", embedder="fake")
    with pytest.raises(MissingFeed, match=r"hf_daily_papers_2030-01-01\.json"):
        feed_store(settings, "hf_api_2030-01-01", tmp_path, None, None)  # type: ignore[arg-type]
    assert not settings.evals_dir.exists()
