"""Abreu-Sannikov payoff sets: this package against QuantEcon.py, in the same run.

Three measurements, each reported as medians of several repeats and as a ratio
against the peer:

1. Cold call: a fresh Python process imports the library and computes the
   payoff set of the Abreu-Sannikov (2014) 3x3 example at delta = 0.3,
   beside a process that only imports numpy: the floor under any call, of
   which the library's own share is the time above it. The processes run
   interleaved, with bytecode caching on as for an installed package (one
   untimed run of each first writes the caches).
2. Single games: ``RepeatedGame(game, delta).equilibrium_payoffs()`` called
   game by game (the prisoner's dilemma, the AS 3x3 example, seeded random
   3x3 and 4x4 games) against QuantEcon's ``RepeatedGame(...)
   .equilibrium_payoffs()`` on the same games, solvers in rotated order in
   every repeat, after warm-up: QuantEcon's first call compiles its kernels;
   this package's default backend switches to its compiled kernel once a
   process has spent about a second in the numpy iteration, and the
   warm-up loops until it has (its length is reported). The numpy iteration
   (``backend="numpy"``) is timed as well.
3. Sweep: 1,000 strike games of the default scenario (40 automation levels x
   25 discount factors, capital choosing among 11 transfer levels) solved by
   :func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs_many`, against QuantEcon's
   ``RepeatedGame.equilibrium_payoffs`` looped over the same games after its
   compilation, with this package's compiled kernel (numba, the ``fast``
   extra) and with its pure-numpy lockstep solver. Both run to an accuracy
   of about 1e-9; the vertex sets are
   compared wherever QuantEcon returns one (it raises on sets with fewer
   than three vertices).

Run with ``make bench`` or ``python benchmarks/abreu_sannikov.py [--repeats N]
[--cold-only | --single-only]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
from first_call import CACHED_BYTECODE, interleaved

COLD_SNIPPETS = {
    "import numpy": "import numpy\n",
    "bargaining": (
        "import numpy as np\n"
        "from bargaining import Game\n"
        "from bargaining.core.repeated.payoff_sets import equilibrium_payoffs\n"
        "A = [[16, 3, 0], [21, 10, -1], [9, 5, -5]]\n"
        "B = [[9, 13, 3], [1, 4, 0], [0, -4, -15]]\n"
        "equilibrium_payoffs(Game(A, B), 0.3)\n"
    ),
    "quantecon": (
        "import numpy as np\n"
        "import quantecon as qe\n"
        "A = [[16, 3, 0], [21, 10, -1], [9, 5, -5]]\n"
        "B = [[9, 13, 3], [1, 4, 0], [0, -4, -15]]\n"
        "g = qe.game_theory.NormalFormGame(np.stack([A, B], axis=2).astype(float))\n"
        "qe.game_theory.RepeatedGame(g, 0.3).equilibrium_payoffs()\n"
    ),
}


def single_games():
    """The single-game loop's games: (name, A, B, delta), all with polygon payoff sets."""
    rng = np.random.default_rng(0)
    return [
        ("prisoner's dilemma, delta 0.9", [[3, 0], [4, 1]], [[3, 4], [0, 1]], 0.9),
        (
            "AS (2014) 3x3, delta 0.3",
            [[16, 3, 0], [21, 10, -1], [9, 5, -5]],
            [[9, 13, 3], [1, 4, 0], [0, -4, -15]],
            0.3,
        ),
        ("random 3x3, delta 0.8", rng.standard_normal((3, 3)), rng.standard_normal((3, 3)), 0.8),
        ("random 4x4, delta 0.8", rng.standard_normal((4, 4)), rng.standard_normal((4, 4)), 0.8),
    ]


def single_game_solvers():
    import quantecon as qe

    from bargaining import Game, RepeatedGame

    def ours(backend):
        def solve(A, B, delta):
            return RepeatedGame(Game(A, B), delta).equilibrium_payoffs(backend=backend).vertices

        return solve

    def quantecon(A, B, delta):
        stage = qe.game_theory.NormalFormGame(np.stack([A, B], axis=2).astype(float))
        hull = qe.game_theory.RepeatedGame(stage, delta).equilibrium_payoffs(
            options={"tol": 1e-12}
        )
        return hull.points[hull.vertices]

    return {
        "bargaining": ours("auto"),
        "bargaining (numpy)": ours("numpy"),
        "quantecon": quantecon,
    }


def warm_up(games, solvers):
    """Run the single games until both sides are compiled; this package's rounds and seconds.

    QuantEcon compiles on its first call; this package's default backend
    switches to its compiled kernel after about a second in the numpy iteration.
    """
    from bargaining.core.repeated import payoff_sets

    for _, A, B, delta in games:
        solvers["quantecon"](A, B, delta)
    start, rounds = time.perf_counter(), 0
    while payoff_sets._COMPILED_MODULE not in sys.modules:
        for _, A, B, delta in games:
            solvers["bargaining"](A, B, delta)
        rounds += 1
    return rounds, time.perf_counter() - start


def single_game_loop(repeats):
    games = single_games()
    solvers = single_game_solvers()
    rounds, warm_up_seconds = warm_up(games, solvers)
    times = {(game[0], name): [] for game in games for name in solvers}
    answers = {}
    names = list(solvers)
    for repeat in range(repeats):
        for game, A, B, delta in games:
            for name in names[repeat % len(names) :] + names[: repeat % len(names)]:
                begin = time.perf_counter()
                answers[game, name] = solvers[name](A, B, delta)
                times[game, name].append(time.perf_counter() - begin)
    print(
        f"single games, median of {repeats} calls each, after warm-up (this package: "
        f"{rounds} rounds of the loop, {warm_up_seconds:.2f} s, before its compiled kernel "
        "took over)"
    )
    for game, *_ in games:
        median = {name: statistics.median(times[game, name]) for name in names}
        same = all(
            same_vertices(answers[game, name], answers[game, "quantecon"], 1e-9)
            for name in names[:2]
        )
        print(
            f"  {game:31s} "
            + "  ".join(f"{name} {1e3 * t:7.2f} ms" for name, t in median.items())
            + f"   quantecon / bargaining: {median['quantecon'] / median['bargaining']:5.1f}"
            + f", / numpy: {median['quantecon'] / median['bargaining (numpy)']:4.2f}"
            + f"   same vertices to 1e-9: {same}"
        )


def cold_call(snippet, environment=CACHED_BYTECODE):
    """Wall time of a fresh process running ``snippet``, and the seconds it spent after numpy.

    Every snippet starts by importing numpy; the process itself times the rest,
    which is what the library adds to the floor, and is far less disturbed by
    other load on the machine than the wall time of a whole process.
    """
    first, rest = snippet.split("\n", 1)
    timed = f"{first}\nimport time\nstart = time.perf_counter()\n{rest}"
    timed += "print(time.perf_counter() - start)\n"
    start = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-c", timed],
        check=True,
        env=environment,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - start, float(finished.stdout.split()[-1])


def cold_calls(repeats):
    """Median wall time of each cold-call snippet in fresh processes, run interleaved."""
    times = interleaved(COLD_SNIPPETS, repeats, cold_call)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"cold call, median of {repeats} fresh processes each, interleaved "
        f"(1-minute load average {load:.1f}); wall time (min - max), and the time after "
        "numpy's import measured inside the process"
    )
    walls = {name: [wall for wall, _ in values] for name, values in times.items()}
    cold = {name: statistics.median(values) for name, values in walls.items()}
    floor = cold["import numpy"]
    for name, values in walls.items():
        after_numpy = statistics.median(inside for _, inside in times[name])
        line = (
            f"  {name:12s} {cold[name]:8.3f} s ({min(values):.3f} - {max(values):.3f})"
            f"   after numpy {1e3 * after_numpy:9.1f} ms"
        )
        if name != "import numpy":
            above = cold[name] - floor
            line += f"   wall {above:+.3f} s over the numpy floor, {cold[name] / floor:.2f}x it"
        print(line)
    print(f"  ratio quantecon / bargaining: {cold['quantecon'] / cold['bargaining']:.1f}")


def strike_games(transfers=11):
    """1,000 strike games: automation x patience, capital choosing among transfer levels."""
    from bargaining.labor import StrikeGame, scenarios

    scenario = scenarios.DEFAULT
    levels = [(1 - scenario.w) * k / (transfers - 1) for k in range(1, transfers)]
    games = []
    for a in np.linspace(0, 1, 40):
        for delta in np.linspace(0.5, 0.95, 25):
            game = StrikeGame(scenario, float(a), levels)
            A, B = (np.asarray(M, dtype=float) for M in game.payoff_matrices)
            games.append((A, B, float(delta)))
    return games


def quantecon_sweep(games):
    import quantecon as qe
    from scipy.spatial import QhullError

    results = []
    for A, B, delta in games:
        stage = qe.game_theory.NormalFormGame(np.stack([A, B], axis=2))
        try:
            hull = qe.game_theory.RepeatedGame(stage, delta).equilibrium_payoffs(
                options={"tol": 1e-12}
            )
            results.append(hull.points[hull.vertices])
        except QhullError:
            results.append(None)
    return results


def bargaining_sweep(games, backend="auto"):
    from bargaining import Game
    from bargaining.core.repeated.payoff_sets import equilibrium_payoffs_many

    stage_games = [Game(A, B) for A, B, _ in games]
    return equilibrium_payoffs_many(stage_games, [d for *_, d in games], backend=backend)


def same_vertices(ours, theirs, atol):
    from bargaining.core.polygon import convex_hull, simplify_polygon

    theirs = simplify_polygon(np.array(convex_hull(theirs.tolist())), atol)
    if len(theirs) != len(ours):
        return False
    distances = np.linalg.norm(ours[:, None] - theirs[None], axis=2)
    return bool((distances.min(axis=0) <= atol).all() and (distances.min(axis=1) <= atol).all())


def main(repeats, single_only=False, cold_only=False):
    if single_only:
        single_game_loop(repeats)
        return
    cold_calls(repeats)
    if cold_only:
        return

    single_game_loop(repeats)

    games = strike_games()
    quantecon_sweep(games[:1])  # compile both sides' kernels before timing
    bargaining_sweep(games[:1], backend="numba")
    timings = {"bargaining": [], "bargaining (numpy)": [], "quantecon": []}
    for _ in range(repeats):
        start = time.perf_counter()
        ours = bargaining_sweep(games, backend="numba")
        timings["bargaining"].append(time.perf_counter() - start)
        start = time.perf_counter()
        bargaining_sweep(games, backend="numpy")
        timings["bargaining (numpy)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = quantecon_sweep(games)
        timings["quantecon"].append(time.perf_counter() - start)
    sweep = {name: statistics.median(values) for name, values in timings.items()}
    print(f"sweep of {len(games)} strike games (2 x 11), median of {repeats} runs")
    for name, seconds in sweep.items():
        ratio = sweep["quantecon"] / seconds
        print(f"  {name:18s} {seconds:8.3f} s   quantecon / this: {ratio:.1f}")
    compared = [(o, t) for o, t in zip(ours, theirs, strict=True) if t is not None]
    agree = sum(same_vertices(o.vertices, t, 1e-9) for o, t in compared)
    print(
        f"  QuantEcon returned {len(compared)} sets (raised on {len(games) - len(compared)}); "
        f"vertex sets equal to 1e-9 in {agree} of them"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--single-only", action="store_true", help="only the single-game loop")
    only.add_argument("--cold-only", action="store_true", help="only the cold call")
    arguments = parser.parse_args()
    main(arguments.repeats, arguments.single_only, arguments.cold_only)
