"""``python -m evals.bench [--quick] [--out DIR]``: run the benchmark, write bench.json and
bench.md (default under FEEDQA_HOME/bench/<run-id>/) and print the table."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

from evals.bench.config import SECTIONS

_PRIVATE_ENV = ("FEEDQA_", "OPENAI_")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="CI smoke test: sample feed, 100 archive papers, no chat, no 10k",
    )
    parser.add_argument(
        "--out", type=Path, help="output directory (default: FEEDQA_HOME/bench/<run-id>)"
    )
    parser.add_argument("--archive", type=Path, help="the Daily Papers archive (.tar.gz)")
    parser.add_argument(
        "--archive-papers",
        type=int,
        default=None,
        help="papers of the archive for the big ingest (default: all; quick 100)",
    )
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated subset of {','.join(SECTIONS)}",
    )
    parser.add_argument(
        "--keep-work", action="store_true", help="keep the stores built under OUT/work"
    )
    parser.add_argument(
        "--reuse-work",
        action="store_true",
        help="reuse the stores (and their first-ingest figures) that an earlier --keep-work "
        "run left in OUT/work; implies --keep-work",
    )
    parser.add_argument(
        "--scale-dir",
        type=Path,
        help="where the scale section caches its synthetic stores (default "
        "/tmp/feedqa-bench-scale; built once, reused by later runs)",
    )
    return parser.parse_args(argv)


def default_out(run_id: str) -> Path:
    from assistant.config import Settings

    return Settings().home / "bench" / run_id


def scrub_environment() -> None:
    """Default settings for every measurement, in this process as in the child processes."""
    for name in [n for n in os.environ if n.startswith(_PRIVATE_ENV)]:
        del os.environ[name]


def main(argv: list[str] | None = None) -> int:
    from evals.bench.config import make_config
    from evals.bench.corpus import archive_path
    from evals.bench.runner import run_bench, write_outputs

    args = parse_args(argv)
    sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        print(f"unknown section(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    run_id = time.strftime("%Y%m%d-%H%M%S") + ("-quick" if args.quick else "")
    out = (args.out or default_out(run_id)).resolve()
    scrub_environment()
    config = make_config(
        args.quick,
        out,
        args.archive or archive_path(),
        args.archive_papers,
        sections,
        keep_work=args.keep_work or args.reuse_work,
        reuse_work=args.reuse_work,
    )
    if args.scale_dir is not None:
        config = dataclasses.replace(config, scale_dir=args.scale_dir.resolve())
    results = run_bench(config, run_id)
    print(write_outputs(results, out))
    print(f"written: {out / 'bench.json'} and {out / 'bench.md'}")
    failed = [name for name in sections if "error" in results.get(name, {})]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
