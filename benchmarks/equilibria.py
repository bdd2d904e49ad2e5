"""Equilibria of mid-size games: this package against QuantEcon.py and pygambit, in one run.

Every solver gets the same seeded random games (standard normal payoffs for
float games, integers in [-1000, 1000] for exact ones). Each repeat solves all
games of a size with every solver, the solvers in an order rotated from one
repeat to the next, so that a burst of load elsewhere falls on all of them
alike; the table reports the median over repeats of the time per game, and
the ratio peer / bargaining (above 1: this package is faster). Every solver
is called once on every game before timing, so numba kernels are compiled
(or loaded from their disk cache) and qhull and imports are warm.

1. All equilibria, float: :func:`bargaining.core.equilibria.float_vertex.
   float_vertex_enumeration` and the full ``Game(A, B).equilibria()`` (which
   adds the best-response check, merging and the degeneracy test) against
   QuantEcon's ``vertex_enumeration``. The equilibria are compared.
2. One equilibrium: :func:`bargaining.core.equilibria.lemke_howson.
   lemke_howson` from label 0 against QuantEcon's ``lemke_howson`` from the
   same label (the results are compared), and ``Game(A, B).equilibria(
   method="lemke-howson")``, which runs all ``m + n`` labels.
3. All equilibria, exact: :func:`bargaining.core.equilibria.exact_vertex.
   exact_vertex_enumeration` (lexicographic pivoting in integers) and the
   full ``Game(A, B).equilibria()`` on integer payoffs against pygambit's
   ``enummixed_solve(rational=True)``. The equilibria, Fractions on both
   sides, are compared for equality.

Run with ``make bench`` or ``python benchmarks/equilibria.py [--repeats N]``;
``--cpu-time`` times this process's CPU time instead of wall time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings
from fractions import Fraction

import numpy as np


def float_games(size, count, seed):
    rng = np.random.default_rng(seed)
    return [(rng.standard_normal((size, size)), rng.standard_normal((size, size)))
            for _ in range(count)]  # fmt: skip


def integer_games(size, count, seed):
    rng = np.random.default_rng(seed)
    return [
        tuple(rng.integers(-1000, 1000, size=(size, size), endpoint=True) for _ in range(2))
        for _ in range(count)
    ]


def quantecon_game(A, B):
    from quantecon.game_theory import NormalFormGame, Player

    return NormalFormGame([Player(A), Player(B.T)])


def measure(solvers, games, repeats, clock=time.perf_counter):
    """Median seconds per game of each solver, in rotated order; and each one's results.

    ``clock`` is wall time by default; ``time.process_time`` counts only this
    process's CPU time, which other jobs on a shared machine disturb less.
    """
    prepared = {name: [prepare(A, B) for A, B in games] for name, (prepare, _) in solvers.items()}
    results = {name: [solve(p) for p in prepared[name]] for name, (_, solve) in solvers.items()}
    names = list(solvers)
    times = {name: [] for name in names}
    for repeat in range(repeats):
        shift = repeat % len(names)
        for name in names[shift:] + names[:shift]:
            solve = solvers[name][1]
            start = clock()
            for p in prepared[name]:
                solve(p)
            times[name].append((clock() - start) / len(games))
    return {name: statistics.median(t) for name, t in times.items()}, results


def rounded(equilibria):
    def key(strategy):
        return tuple(np.round(np.asarray(strategy, dtype=float), 7))

    return sorted((key(x), key(y)) for x, y in equilibria)


def seconds(value):
    return f"{value * 1e3:.3g} ms" if value < 1 else f"{value:.3g} s"


def float_equilibria(sizes, count, repeats, clock=time.perf_counter):
    from quantecon.game_theory import vertex_enumeration

    from bargaining import Game
    from bargaining.core.equilibria.float_vertex import float_vertex_enumeration

    rows = []
    for size in sizes:
        games = float_games(size, count, seed=size)
        solvers = {
            "kernel": (lambda A, B: (A, B), lambda p: float_vertex_enumeration(*p)[0]),
            "Game.equilibria": (lambda A, B: Game(A, B), lambda g: g.equilibria()),
            "QuantEcon": (quantecon_game, vertex_enumeration),
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            medians, results = measure(solvers, games, repeats, clock)
        same = all(
            rounded(a) == rounded(b) == rounded(c)
            for a, b, c in zip(*results.values(), strict=True)
        )
        counts = [len(r) for r in results["QuantEcon"]]
        rows.append(
            f"| {size}x{size} ({count} games, {min(counts)}-{max(counts)} equilibria) "
            f"| {seconds(medians['kernel'])} | {seconds(medians['Game.equilibria'])} "
            f"| {seconds(medians['QuantEcon'])} "
            f"| {medians['QuantEcon'] / medians['kernel']:.2f} "
            f"| {medians['QuantEcon'] / medians['Game.equilibria']:.2f} | {same} |"
        )
    header = (
        "| size | bargaining kernel | `Game.equilibria()` | QuantEcon `vertex_enumeration` "
        "| ratio QE / kernel | ratio QE / `Game.equilibria()` | same equilibria |\n"
        "|---|---|---|---|---|---|---|"
    )
    return header, rows


def lemke_howson_rows(sizes, count, repeats, clock=time.perf_counter):
    from quantecon.game_theory import lemke_howson as quantecon_lemke_howson

    from bargaining import Game
    from bargaining.core.equilibria.lemke_howson import lemke_howson

    rows = []
    for size in sizes:
        games = float_games(size, count, seed=1000 + size)
        solvers = {
            "bargaining": (lambda A, B: (A, B), lambda p: lemke_howson(*p, 0)),
            "QuantEcon": (quantecon_game, lambda g: quantecon_lemke_howson(g, init_pivot=0)),
            "every label": (lambda A, B: Game(A, B), lambda g: g.equilibria("lemke-howson")),
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            medians, results = measure(solvers, games, repeats, clock)
        same = all(
            np.allclose(x, qx, atol=1e-9) and np.allclose(y, qy, atol=1e-9)
            for (x, y), (qx, qy) in zip(results["bargaining"], results["QuantEcon"], strict=True)
        )
        rows.append(
            f"| {size}x{size} ({count} games) | {seconds(medians['bargaining'])} "
            f"| {seconds(medians['QuantEcon'])} "
            f"| {medians['QuantEcon'] / medians['bargaining']:.2f} | {same} "
            f"| {seconds(medians['every label'])} ({2 * size} labels) |"
        )
    header = (
        "| size | bargaining `lemke_howson`, label 0 | QuantEcon `lemke_howson`, label 0 "
        "| ratio QE / bargaining | same equilibrium | `Game.equilibria('lemke-howson')` |\n"
        "|---|---|---|---|---|---|"
    )
    return header, rows


def exact_rows(sizes, count, repeats, clock=time.perf_counter):
    import pygambit

    from bargaining import Game
    from bargaining.core.equilibria.exact_vertex import exact_vertex_enumeration

    def gambit_game(A, B):
        return pygambit.Game.from_arrays(A.astype(object), B.astype(object))

    def gambit_solve(game):
        found = pygambit.nash.enummixed_solve(game, rational=True).equilibria
        players = list(game.players)
        return [[[eq[s] for s in player.strategies] for player in players] for eq in found]

    def exact(equilibria):
        return sorted(tuple(tuple(Fraction(p) for p in s) for s in pair) for pair in equilibria)

    rows = []
    for size in sizes:
        games = integer_games(size, count, seed=2000 + size)
        solvers = {
            "kernel": (lambda A, B: (A.astype(object), B.astype(object)),
                       lambda p: exact_vertex_enumeration(*p)[0]),
            "Game.equilibria": (lambda A, B: Game(A.astype(object), B.astype(object)),
                                lambda g: g.equilibria()),
            "pygambit": (gambit_game, gambit_solve),
        }  # fmt: skip
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            medians, results = measure(solvers, games, repeats, clock)
        same = all(
            exact(a) == exact(b) == exact(c) for a, b, c in zip(*results.values(), strict=True)
        )
        counts = [len(r) for r in results["pygambit"]]
        rows.append(
            f"| {size}x{size} ({count} games, {min(counts)}-{max(counts)} equilibria) "
            f"| {seconds(medians['kernel'])} | {seconds(medians['Game.equilibria'])} "
            f"| {seconds(medians['pygambit'])} "
            f"| {medians['pygambit'] / medians['kernel']:.1f} "
            f"| {medians['pygambit'] / medians['Game.equilibria']:.1f} | {same} |"
        )
    header = (
        "| size | bargaining kernel | `Game.equilibria()` "
        "| pygambit `enummixed_solve(rational=True)` | ratio pygambit / kernel "
        "| ratio pygambit / `Game.equilibria()` | same equilibria |\n"
        "|---|---|---|---|---|---|---|"
    )
    return header, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--games", type=int, default=5, help="games per size")
    parser.add_argument("--skip-exact", action="store_true")
    parser.add_argument(
        "--exact-games",
        type=int,
        default=3,
        help="games per size for the exact section (pygambit takes about 10 s a 10x10 game)",
    )
    parser.add_argument("--exact-repeats", type=int, default=3)
    parser.add_argument("--only-exact", action="store_true")
    parser.add_argument(
        "--cpu-time",
        action="store_true",
        help="time this process's CPU time instead of wall time (steadier on a shared machine)",
    )
    args = parser.parse_args()
    clock = time.process_time if args.cpu_time else time.perf_counter
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start, "
          f"{'CPU' if args.cpu_time else 'wall'} time")  # fmt: skip
    sections = [
        ("All equilibria, float", lambda: float_equilibria([6, 8, 10, 12], args.games,
                                                           args.repeats, clock)),
        ("One equilibrium, Lemke-Howson", lambda: lemke_howson_rows([10, 30, 100], args.games,
                                                                    args.repeats, clock)),
    ]  # fmt: skip
    if args.only_exact:
        sections = []
    if not args.skip_exact:
        sections.append(
            (
                "All equilibria, exact",
                lambda: exact_rows([6, 8, 10], args.exact_games, args.exact_repeats, clock),
            )
        )
    for title, run in sections:
        header, rows = run()
        print(f"\n## {title}\n\n{header}")
        print("\n".join(rows), flush=True)
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
