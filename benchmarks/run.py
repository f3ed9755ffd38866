"""Speed benchmark: discourse against the VADER floor, on a generated corpus.

Generates N synthetic pages (``benchmarks/corpus.py``), then measures, alternating in the
same run so that machine noise falls on all of them alike:

  (a) the floor: read the files and score every sentence with vaderSentiment;
  (b) ``discourse analyse --jobs 1``;
  (c) ``discourse analyse --jobs 2``;

and prints each median, the ratios b/a and c/a, the peak resident memory of (b) at two
corpus sizes, and the time of ``discourse --help``.

Usage: python benchmarks/run.py [--pages 1000] [--comments 25] [--repeats 3]
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402


def timed(command: list[str]) -> tuple[float, int]:
    """Run ``command``; return its wall time in seconds and its peak RSS in MB."""
    # stderr goes to a file, not a pipe: a run that prints many parse warnings would fill a
    # pipe nobody reads during ``wait4`` and never finish.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise SystemExit(f"benchmark: {' '.join(command)} failed:\n{message}")
    # ru_maxrss is in kilobytes on Linux.
    return elapsed, usage.ru_maxrss // 1024


def compile_bytecode(packages: tuple[str, ...] = ("discourse", "vaderSentiment")) -> None:
    """Write the bytecode of the measured packages, as ``pip install`` does when it installs
    one. An editable install has none until a run writes it, and under
    ``PYTHONDONTWRITEBYTECODE`` (set on some machines) no run ever does: every process of (b)
    and (c) would compile the package from source again (about 0.15 s), while the floor's
    vaderSentiment, installed by pip, starts from its bytecode."""
    for name in packages:
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)


def discourse_command() -> list[str]:
    return [sys.executable, "-m", "discourse"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=25)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="folder for corpus and outputs")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="discourse-bench-"))
    small_pages = max(1, args.pages // 4)
    corpus = work / f"corpus_{args.pages}"
    small = work / f"corpus_{small_pages}"
    started = time.perf_counter()
    write_corpus(corpus, args.pages, args.comments, ROOT / "fixtures")
    write_corpus(small, small_pages, args.comments, ROOT / "fixtures")
    print(
        f"corpus: {args.pages} pages x {args.comments} comments "
        f"({args.pages * args.comments} comments) in {time.perf_counter() - started:.1f} s",
        flush=True,
    )

    compile_bytecode()
    floor = [sys.executable, str(HERE / "floor.py"), str(corpus)]
    tool = discourse_command()
    runs: dict[str, list[float]] = {"a": [], "b": [], "c": []}
    peak_b = 0
    for repeat in range(args.repeats):
        runs["a"].append(timed(floor)[0])
        out = work / "out"
        seconds, peak = timed([*tool, "analyse", str(corpus), "--out", str(out), "--jobs", "1"])
        runs["b"].append(seconds)
        peak_b = max(peak_b, peak)
        shutil.rmtree(out, ignore_errors=True)
        runs["c"].append(
            timed([*tool, "analyse", str(corpus), "--out", str(out), "--jobs", "2"])[0]
        )
        shutil.rmtree(out, ignore_errors=True)
        line = ", ".join(f"{k}={v[-1]:.2f}s" for k, v in runs.items())
        print(f"repeat {repeat + 1}: {line}", flush=True)

    _, peak_small = timed([*tool, "analyse", str(small), "--out", str(work / "out_small")])
    help_times = [timed([*tool, "--help"])[0] for _ in range(5)]
    medians = {key: statistics.median(values) for key, values in runs.items()}
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    figures = {
        "machine": f"{machine}, Python {platform.python_version()}",
        "pages": args.pages,
        "comments": args.pages * args.comments,
        "floor_s": round(medians["a"], 2),
        "jobs1_s": round(medians["b"], 2),
        "jobs2_s": round(medians["c"], 2),
        "b_over_a": round(medians["b"] / medians["a"], 2),
        "c_over_a": round(medians["c"] / medians["a"], 2),
        "peak_mb_jobs1": peak_b,
        "peak_mb_jobs1_small": peak_small,
        "small_pages": small_pages,
        "help_s": round(statistics.median(help_times), 3),
    }
    print()
    print(f"machine            {figures['machine']}")
    print(f"(a) floor          {figures['floor_s']:.2f} s (median of {args.repeats})")
    print(f"(b) --jobs 1       {figures['jobs1_s']:.2f} s   b/a = {figures['b_over_a']:.2f}")
    print(f"(c) --jobs 2       {figures['jobs2_s']:.2f} s   c/a = {figures['c_over_a']:.2f}")
    print(f"peak memory (b)    {peak_b} MB at {args.pages} pages; {peak_small} MB at {small_pages}")
    print(f"discourse --help   {figures['help_s']:.3f} s (median of 5)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
