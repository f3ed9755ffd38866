"""Speed benchmark: discourse against the VADER floor, on a generated corpus.

Generates N synthetic pages (``benchmarks/corpus.py``), then measures, alternating in the
same run so that machine noise falls on all of them alike:

  (a) the floor: read the files and score every sentence with vaderSentiment;
  (b) ``discourse analyse --jobs 1``;
  (c) ``discourse analyse --jobs 2``;

and prints each median, the ratios b/a and c/a, the peak resident memory of (b) at two
corpus sizes, and the time of ``discourse --help``. Wall times are the target's measure; the
CPU times of (a) and (b) and the CPU time stolen by the hypervisor are printed beside them,
because on a shared virtual machine a neighbour's load stretches wall times by 50% or more.

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
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402


@dataclass(frozen=True)
class Run:
    """One timed run of a command."""

    wall: float  # seconds on the clock
    cpu: float  # user + system seconds of the process and of the workers it waited for
    peak_mb: int  # peak resident memory of the process itself
    steal: float  # seconds the hypervisor gave this machine's CPUs to others meanwhile


def steal_seconds() -> float:
    """CPU time stolen by the hypervisor since boot, all CPUs (0 where not reported).

    On a virtual machine a busy neighbour stretches wall times without the process doing
    more work; CPU time does not count those seconds, and this says how many there were.
    """
    try:
        fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
    except OSError:
        return 0.0
    return int(fields[8]) / os.sysconf("SC_CLK_TCK") if len(fields) > 8 else 0.0


def timed(command: list[str]) -> Run:
    """Run ``command``; return its wall and CPU times, peak RSS and the steal meanwhile."""
    # stderr goes to a file, not a pipe: a run that prints many parse warnings would fill a
    # pipe nobody reads during ``wait4`` and never finish.
    with tempfile.TemporaryFile() as errors:
        stolen = steal_seconds()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        stolen = steal_seconds() - stolen
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")
            raise SystemExit(f"benchmark: {' '.join(command)} failed:\n{message}")
    # ru_maxrss is in kilobytes on Linux.
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, stolen)


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


def _paired_median(measured: list[Run], floor: list[Run]) -> float:
    """The median over repeats of a repeat's wall time over the floor's in that repeat."""
    return statistics.median(
        run.wall / base.wall for run, base in zip(measured, floor, strict=True)
    )


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
    runs: dict[str, list[Run]] = {"a": [], "b": [], "c": []}
    for repeat in range(args.repeats):
        runs["a"].append(timed(floor))
        out = work / "out"
        runs["b"].append(timed([*tool, "analyse", str(corpus), "--out", str(out), "--jobs", "1"]))
        shutil.rmtree(out, ignore_errors=True)
        runs["c"].append(timed([*tool, "analyse", str(corpus), "--out", str(out), "--jobs", "2"]))
        shutil.rmtree(out, ignore_errors=True)
        a, b, c = (runs[key][-1] for key in "abc")
        print(
            f"repeat {repeat + 1}: a={a.wall:.2f}s, b={b.wall:.2f}s, c={c.wall:.2f}s "
            f"(cpu a={a.cpu:.2f}s, b={b.cpu:.2f}s; b/a={b.wall / a.wall:.2f}, "
            f"c/a={c.wall / a.wall:.2f}; steal {a.steal + b.steal + c.steal:.1f}s)",
            flush=True,
        )

    peak_b = max(run.peak_mb for run in runs["b"])
    peak_small = timed([*tool, "analyse", str(small), "--out", str(work / "out_small")]).peak_mb
    help_times = [timed([*tool, "--help"]).wall for _ in range(5)]
    wall = {key: statistics.median(run.wall for run in values) for key, values in runs.items()}
    cpu = {key: statistics.median(run.cpu for run in values) for key, values in runs.items()}
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    figures = {
        "machine": f"{machine}, Python {platform.python_version()}",
        "pages": args.pages,
        "comments": args.pages * args.comments,
        "floor_s": round(wall["a"], 2),
        "jobs1_s": round(wall["b"], 2),
        "jobs2_s": round(wall["c"], 2),
        "b_over_a": round(wall["b"] / wall["a"], 2),
        "c_over_a": round(wall["c"] / wall["a"], 2),
        "floor_cpu_s": round(cpu["a"], 2),
        "jobs1_cpu_s": round(cpu["b"], 2),
        "b_over_a_cpu": round(cpu["b"] / cpu["a"], 2),
        # Each repeat's own ratio, then their median: (a), (b) and (c) of a repeat run back
        # to back, so a drift of the machine's speed between repeats cancels out of these.
        "b_over_a_paired": round(_paired_median(runs["b"], runs["a"]), 2),
        "c_over_a_paired": round(_paired_median(runs["c"], runs["a"]), 2),
        "steal_s": round(sum(run.steal for values in runs.values() for run in values), 1),
        "peak_mb_jobs1": peak_b,
        "peak_mb_jobs1_small": peak_small,
        "small_pages": small_pages,
        "help_s": round(statistics.median(help_times), 3),
    }
    print()
    print(f"machine            {figures['machine']}")
    print(
        f"(a) floor          {figures['floor_s']:.2f} s (median of {args.repeats}); "
        f"cpu {figures['floor_cpu_s']:.2f} s"
    )
    print(
        f"(b) --jobs 1       {figures['jobs1_s']:.2f} s   b/a = {figures['b_over_a']:.2f}; "
        f"cpu {figures['jobs1_cpu_s']:.2f} s, b/a = {figures['b_over_a_cpu']:.2f}"
    )
    print(f"(c) --jobs 2       {figures['jobs2_s']:.2f} s   c/a = {figures['c_over_a']:.2f}")
    print(
        f"paired ratios      b/a = {figures['b_over_a_paired']:.2f}, "
        f"c/a = {figures['c_over_a_paired']:.2f} (median of each repeat's own ratio)"
    )
    print(f"peak memory (b)    {peak_b} MB at {args.pages} pages; {peak_small} MB at {small_pages}")
    print(f"discourse --help   {figures['help_s']:.3f} s (median of 5)")
    print(
        f"steal              {figures['steal_s']:.1f} s taken by the hypervisor during the "
        "timed runs (wall times include it, CPU times do not)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
