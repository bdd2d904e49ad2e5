"""The main job's wall time: ``bargaining report`` from a fresh process, and its steps.

Measurements, on the default scenario with the named scenarios compared:

1. Whole command: ``bargaining report --quiet`` in a fresh process (imports
   included), wall and CPU time (the children's user + system), median of
   several repeats: on every core (the default) and with ``--jobs 1``, the
   two in alternation so that other load falls on both alike.
2. Each step of the report, one after another in one process (``jobs=1``),
   as the progress bar counts them: the exact payoff sets, the breakdown
   points, the equilibrium selections, ..., each figure, and writing the files.

Run with ``make bench`` or ``python benchmarks/report.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from first_call import CACHED_BYTECODE

BARGAINING = Path(sys.executable).with_name("bargaining")


def _run(options):
    """Wall and CPU seconds (user + system, the command's processes) of one report."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [str(BARGAINING), "report", "--quiet", *options, "--out", out],
            check=True,
            stdout=subprocess.DEVNULL,
            env=CACHED_BYTECODE,  # as for an installed package
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def whole_command(repeats, configurations):
    """Median wall and CPU seconds of each configuration, run in alternation."""
    _run([])  # writes the bytecode caches and numba's, warms the disk cache
    runs = {name: [] for name in configurations}
    for _ in range(repeats):
        for name, options in configurations.items():
            runs[name].append(_run(options))
    return {
        name: (
            statistics.median(w for w, _ in times),
            statistics.median(c for _, c in times),
            min(w for w, _ in times),
            max(w for w, _ in times),
        )
        for name, times in runs.items()
    }


def steps():
    """Seconds per step of one report, one after another, in the order the progress bar shows."""
    from bargaining.labor import scenarios
    from bargaining.report import run_report, write_report

    times, current = {}, [None, time.perf_counter()]

    def step(description):
        now = time.perf_counter()
        if current[0] is not None:
            times[current[0]] = now - current[1]
        current[:] = [description, now]

    with tempfile.TemporaryDirectory() as out:
        results, figures = run_report(scenarios.DEFAULT, out, progress=step, jobs=1)
        step("writing report.md, report.html, results.json")
        write_report(results, out, figures)
        step(None)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-steps", action="store_true", help="Time the whole command only.")
    arguments = parser.parse_args()
    configurations = {"every core": [], "--jobs 1": ["--jobs", "1"]}
    print(f"cores: {os.cpu_count()}, 1-minute load before: {os.getloadavg()[0]:.2f}")
    timings = whole_command(arguments.repeats, configurations)
    for name, (wall, cpu, fastest, slowest) in timings.items():
        print(
            f"bargaining report, {name} (fresh process, median of {arguments.repeats}): "
            f"wall {wall:.1f} s ({fastest:.1f} - {slowest:.1f}), CPU {cpu:.1f} s"
        )
    print(f"1-minute load after: {os.getloadavg()[0]:.2f}")
    if arguments.no_steps:
        return
    print("steps, one after another in one process:")
    for description, seconds in steps().items():
        print(f"  {seconds:6.2f} s  {description}")


if __name__ == "__main__":
    main()
