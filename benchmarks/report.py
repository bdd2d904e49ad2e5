"""The main job's wall time: ``bargaining report`` from a fresh process, and its steps.

Measurements, on the default scenario with the named scenarios compared:

1. Whole command: ``bargaining report --quiet`` in a fresh process (imports
   included), wall and CPU time (the children's user + system), median of
   several repeats.
2. Each step of the report in one process, as the progress bar counts them:
   the exact payoff sets of each method, the breakdown points, capital's
   choice, the named scenarios, each figure, and writing the files.

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

BARGAINING = Path(sys.executable).with_name("bargaining")


def whole_command(repeats):
    walls, cpus = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                [str(BARGAINING), "report", "--quiet", "--out", out],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def steps():
    """Seconds per step of one report, in the order the progress bar shows them."""
    from bargaining.labor import scenarios
    from bargaining.report import collect, draw_figures, write_report

    times, current = {}, [None, time.perf_counter()]

    def step(description):
        now = time.perf_counter()
        if current[0] is not None:
            times[current[0]] = now - current[1]
        current[:] = [description, now]

    with tempfile.TemporaryDirectory() as out:
        scenario = scenarios.DEFAULT
        results = collect(scenario, progress=step)
        figures = draw_figures(scenario, out, results, progress=step)
        step("writing the report")
        write_report(results, out, figures)
        step(None)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    arguments = parser.parse_args()
    wall, cpu = whole_command(arguments.repeats)
    print(f"cores: {os.cpu_count()}, 1-minute load before: {os.getloadavg()[0]:.2f}")
    print(
        f"bargaining report (fresh process, median of {arguments.repeats}): "
        f"wall {wall:.1f} s, CPU {cpu:.1f} s"
    )
    for description, seconds in steps().items():
        print(f"  {seconds:6.2f} s  {description}")


if __name__ == "__main__":
    main()
