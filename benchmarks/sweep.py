"""Sweeps: the closed-form phase diagram, and exact sweeps on one and two workers.

Measurements, each the median of several repeats, ratios taken in the same run:

1. Phase diagram: largest sustainable transfer (stick-and-carrot) on a
   1000 x 1000 grid of automation x discount factor, one ``sweep`` call, and
   the breakdown curve over the same 1000 discount factors. Peer: the same
   grid solved point by point through nashpy (build the 2x2 stage game,
   find its equilibria by support enumeration, then apply the two incentive
   constraints). The peer is timed on a random sample of grid points and
   extrapolated to the full grid; each sampled answer is checked against the
   sweep's. The library's own scalar API called point by point is timed the
   same way.
2. Exact sweeps (Abreu-Sannikov payoff sets of the 2x2 strike game) on a
   grid of automation x discount factor: serially in-process, on a local
   process pool (``workers=1`` and ``workers=2``, pool start-up included),
   and on a Dask ``LocalCluster`` of one and of two single-threaded worker
   processes (started and warmed up before timing), with and without Dask's
   default ``MALLOC_TRIM_THRESHOLD_``.

Run with ``make bench`` or ``python benchmarks/sweep.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import time

import numpy as np

from bargaining.analysis import max_redistribution, sweep
from bargaining.analysis.sweeps.executors import local_dask_executor
from bargaining.labor import scenarios, strike_output

SCENARIO = scenarios.DEFAULT
A = np.linspace(0, 1, 1000)
DELTA = np.linspace(0.5, 0.99, 1000)


def median_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def phase_diagram():
    sweep("max_redistribution", SCENARIO, a=A, delta=DELTA, progress=False)
    sweep("breakdown_automation", SCENARIO, delta=DELTA, progress=False)


def nashpy_point(a, delta, s=SCENARIO):
    """The largest stick-and-carrot transfer at one grid point, through nashpy."""
    import nashpy

    y = float(strike_output(a, s.sigma, s.rho))
    beta, kappa = s.b + s.theta * y, (1 - s.theta) * y
    labor = np.array([[s.w + s.tau, s.w], [beta + s.tau, beta]])
    capital = np.array([[1 - s.w - s.tau, 1 - s.w], [kappa - s.tau, kappa]])
    equilibria = list(nashpy.Game(labor, capital).support_enumeration())
    assert len(equilibria) == 1 and equilibria[0][1][1] == 1  # (Work, Keep): no stage sharing
    cap = delta * (1 - s.w - capital[1, 1]) - (1 - delta) * (s.w - labor[1, 1])
    floor = (1 - delta) * (s.w - labor[1, 1]) / delta
    return cap if cap >= floor else 0.0


def point_by_point(function, sample, grid):
    start = time.perf_counter()
    for i, j in sample:
        value = function(A[i], DELTA[j])
        assert abs(value - grid[i, j]) <= 1e-12, (A[i], DELTA[j], value, grid[i, j])
    return (time.perf_counter() - start) / len(sample) * A.size * DELTA.size


def closed_form(repeats, samples):
    phase_diagram()  # compile the formulas
    ours = median_time(phase_diagram, repeats)
    grid = sweep("max_redistribution", SCENARIO, a=A, delta=DELTA, progress=False).values
    rng = np.random.default_rng(0)
    sample = list(zip(rng.integers(0, 1000, samples), rng.integers(0, 1000, samples), strict=True))
    peers = {
        "nashpy": lambda a, d: nashpy_point(a, d),
        "bargaining scalar API": lambda a, d: max_redistribution(SCENARIO.replace(delta=d), a),
    }
    print(f"phase diagram 1000 x 1000, one sweep call (+ breakdown curve): {ours:.3f} s")
    for name, function in peers.items():
        extrapolated = statistics.median(
            point_by_point(function, sample, grid) for _ in range(repeats)
        )
        print(
            f"  {name}, point by point ({samples} sampled points, extrapolated to 10^6): "
            f"{extrapolated:.1f} s, ratio {extrapolated / ours:,.0f}x"
        )


@contextlib.contextmanager
def dask_default_executor(workers):
    """A LocalCluster as Dask configures it by default (MALLOC_TRIM_THRESHOLD_=65536)."""
    from distributed import Client, LocalCluster

    options = {"processes": True, "threads_per_worker": 1, "dashboard_address": None}
    with LocalCluster(n_workers=workers, **options) as cluster, Client(cluster) as client:
        yield client.get_executor(pure=False)


def exact(repeats, levels, deltas):
    grid = {"a": np.linspace(0, 1, levels), "delta": np.linspace(0.8, 0.95, deltas)}

    def run(**kw):
        return sweep("max_redistribution", SCENARIO, method="exact", progress=False, **grid, **kw)

    reference = run()
    with contextlib.ExitStack() as stack:
        # Every configuration runs once per round, so a burst of load elsewhere on the
        # machine falls on all of them alike; clusters start (and warm up) before timing.
        configurations = {
            "serial (in-process)": {},
            "process pool, workers=1": {"workers": 1},
            "process pool, workers=2": {"workers": 2},
        }
        for workers in (1, 2):
            executor = stack.enter_context(local_dask_executor(workers))
            configurations[f"Dask LocalCluster, {workers} worker(s)"] = {"executor": executor}
        executor = stack.enter_context(dask_default_executor(2))
        configurations["Dask LocalCluster, 2 workers, Dask's default MALLOC_TRIM_THRESHOLD_"] = {
            "executor": executor
        }
        for options in configurations.values():
            assert (run(**options) == reference).all()
        timings = {name: [] for name in configurations}
        loads = []
        for _ in range(repeats):
            for name, options in configurations.items():
                timings[name].append(median_time(lambda o=options: run(**o), 1))
            loads.append(os.getloadavg()[0])
    timings = {name: statistics.median(values) for name, values in timings.items()}
    print(f"exact sweep, {levels} x {deltas} = {levels * deltas} payoff sets, {repeats} rounds:")
    serial = timings["serial (in-process)"]
    for name, seconds in timings.items():
        print(f"  {name}: {seconds:.2f} s, speed-up over serial {serial / seconds:.2f}x")
    pool = timings["process pool, workers=1"] / timings["process pool, workers=2"]
    dask = timings["Dask LocalCluster, 1 worker(s)"] / timings["Dask LocalCluster, 2 worker(s)"]
    print(f"  2 workers over 1 worker: process pool {pool:.2f}x, Dask {dask:.2f}x")
    print(f"  1-minute load average after each round: {', '.join(f'{x:.2f}' for x in loads)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--samples", type=int, default=500, help="nashpy points timed")
    parser.add_argument("--levels", type=int, default=200, help="automation levels, exact")
    parser.add_argument("--deltas", type=int, default=20, help="discount factors, exact")
    args = parser.parse_args()
    closed_form(args.repeats, args.samples)
    exact(max(3, args.repeats // 2), args.levels, args.deltas)


if __name__ == "__main__":
    main()
