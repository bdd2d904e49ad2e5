"""Every speed goal in one run: this package against the named peer, on the same games.

One table, one row per goal, each a ratio measured in this run (above 1: this
package is faster than the peer, or under the goal's time limit):

1. All equilibria, float games 6x6-12x12: ``Game(A, B).equilibria()`` against
   QuantEcon's ``vertex_enumeration``; goal ratio >= 1.
2. All equilibria, exact integer games 6x6-10x10: ``Game.equilibria()``
   against pygambit's ``enummixed_solve(rational=True)``; goal >= 1.
3. One equilibrium, Lemke-Howson from label 0, 10x10-100x100, against
   QuantEcon's ``lemke_howson``; goal >= 0.5 (within 2x).
4. Single repeated games, ``RepeatedGame(g, delta).equilibrium_payoffs()``
   after warm-up, against QuantEcon's loop; goal >= 1.
5. Batched repeated games, ``equilibrium_payoffs_many`` on strike games of the
   default scenario and on random 2x2 games, against QuantEcon's loop; goal
   >= 20. QuantEcon raises ``QhullError`` at once on a payoff set that is a
   point or a segment (most strike games: where redistribution has broken
   down), so its time there is spent on the other games.
6. Cold call (fresh process, import and the AS (2014) 3x3 example): goal
   under 0.2 s; the floor ``import numpy`` in a fresh process is printed
   beside it.
7. First call (fresh process, the closed-form phase diagram through
   ``sweep``): goal under 0.5 s; the floor, importing xarray and building a
   DataArray, is printed beside it. The same through ``sweep_arrays`` (plain
   arrays, no xarray), beside the numpy floor.
8. The main job, ``bargaining report`` from a fresh process on every core:
   goal under 10 s.

Medians of ``--repeats`` (rotated order, after warm-up; fresh processes for
6-8). Run with ``python benchmarks/goals.py [--repeats N] [--quick]``;
``--quick`` leaves out the 10x10 exact games (pygambit takes about 10-40 s a
game there) and uses fewer strike games.
"""

from __future__ import annotations

import argparse
import os
import statistics
import warnings

import numpy as np
from abreu_sannikov import (
    COLD_SNIPPETS,
    bargaining_sweep,
    quantecon_sweep,
    single_game_solvers,
    single_games,
    strike_games,
    warm_up,
)
from equilibria import float_games, integer_games, measure, quantecon_game
from first_call import SNIPPETS as FIRST_CALL_SNIPPETS
from first_call import interleaved

from report import whole_command


def float_ratios(repeats):
    from quantecon.game_theory import vertex_enumeration

    from bargaining import Game

    rows = []
    for size in (6, 8, 10, 12):
        solvers = {
            "ours": (lambda A, B: Game(A, B), lambda g: g.equilibria()),
            "peer": (quantecon_game, vertex_enumeration),
        }
        medians, _ = measure(solvers, float_games(size, 5, seed=size), repeats)
        rows.append((f"all equilibria, float, {size}x{size}", medians, ">= 1"))
    return rows


def exact_ratios(repeats, sizes):
    import pygambit

    from bargaining import Game

    def gambit_solve(game):
        return pygambit.nash.enummixed_solve(game, rational=True).equilibria

    rows = []
    for size in sizes:
        solvers = {
            "ours": (lambda A, B: Game(A.astype(object), B.astype(object)),
                     lambda g: g.equilibria()),
            "peer": (lambda A, B: pygambit.Game.from_arrays(A.astype(object), B.astype(object)),
                     gambit_solve),
        }  # fmt: skip
        games = integer_games(size, 1 if size >= 10 else 3, seed=2000 + size)
        medians, _ = measure(solvers, games, 1 if size >= 10 else repeats)
        rows.append((f"all equilibria, exact, {size}x{size}", medians, ">= 1"))
    return rows


def lemke_howson_ratios(repeats):
    from quantecon.game_theory import lemke_howson as peer_lemke_howson

    from bargaining.core.equilibria.lemke_howson import lemke_howson

    rows = []
    for size in (10, 30, 100):
        solvers = {
            "ours": (lambda A, B: (A, B), lambda p: lemke_howson(*p, 0)),
            "peer": (quantecon_game, lambda g: peer_lemke_howson(g, init_pivot=0)),
        }
        medians, _ = measure(solvers, float_games(size, 5, seed=1000 + size), repeats)
        rows.append((f"Lemke-Howson, label 0, {size}x{size}", medians, ">= 0.5"))
    return rows


def single_game_ratio(repeats):
    games = single_games()
    solvers = single_game_solvers()
    warm_up(games, solvers)
    ours, peer = solvers["bargaining"], solvers["quantecon"]
    prepared = [(A, B, delta) for _, A, B, delta in games]
    wrapped = {
        "ours": (lambda *game: game, lambda game: [ours(*g) for g in prepared]),
        "peer": (lambda *game: game, lambda game: [peer(*g) for g in prepared]),
    }
    medians, _ = measure(wrapped, [(None, None)], repeats)
    return [("single repeated games, loop of 4 (PD, AS 3x3, random 3x3, 4x4)", medians, ">= 1")]


def random_2x2_games(count, delta=0.8, seed=7):
    """Seeded random 2x2 games that have a pure-action subgame-perfect equilibrium.

    QuantEcon raises ``ValueError`` on the others, so they are left out of both sides.
    """
    rng = np.random.default_rng(seed)
    games = []
    while len(games) < count:
        game = (rng.standard_normal((2, 2)), rng.standard_normal((2, 2)), delta)
        try:
            quantecon_sweep([game])
        except ValueError:
            continue
        games.append(game)
    return games


def batched_ratios(repeats, count):
    rows = []
    for name, games in (
        (f"batched repeated games, {count} strike games", strike_games()[:: 1000 // count]),
        ("batched repeated games, 100 random 2x2 games", random_2x2_games(100)),
    ):
        bargaining_sweep(games)
        solvers = {
            "ours": (lambda *game: game, lambda _, games=games: bargaining_sweep(games)),
            "peer": (lambda *game: game, lambda _, games=games: quantecon_sweep(games)),
        }
        medians, _ = measure(solvers, [(None, None)], repeats)
        rows.append((name, medians, ">= 20"))
    return rows


def fresh_process_rows(repeats):
    snippets = {
        "cold call": COLD_SNIPPETS["bargaining"],
        "import numpy": FIRST_CALL_SNIPPETS["import numpy"],
        "first sweep": FIRST_CALL_SNIPPETS["first closed-form sweep"],
        "xarray floor": FIRST_CALL_SNIPPETS["import xarray, build a DataArray"],
        "first sweep_arrays": FIRST_CALL_SNIPPETS["first closed-form sweep_arrays"],
    }
    times = interleaved(snippets, repeats)
    median = {name: statistics.median(t) for name, t in times.items()}
    return [
        ("cold call, fresh process", median["cold call"], 0.2, median["import numpy"]),
        ("first closed-form sweep, fresh process", median["first sweep"], 0.5,
         median["xarray floor"]),
        ("first closed-form sweep_arrays, fresh process", median["first sweep_arrays"], 0.5,
         median["import numpy"]),
    ]  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="no 10x10 exact, 100 strike games")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start\n")
    print("| goal | bargaining | peer | ratio peer / bargaining | goal | met |")
    print("|---|---|---|---|---|---|")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sections = [
            lambda: float_ratios(args.repeats),
            lambda: exact_ratios(args.repeats, (6, 8) if args.quick else (6, 8, 10)),
            lambda: lemke_howson_ratios(args.repeats),
            lambda: single_game_ratio(args.repeats),
            lambda: batched_ratios(min(args.repeats, 3), 100 if args.quick else 1000),
        ]
        for section in sections:
            for name, medians, goal in section():
                ratio = medians["peer"] / medians["ours"]
                met = ratio >= float(goal.split()[-1])
                print(
                    f"| {name} | {seconds(medians['ours'])} | {seconds(medians['peer'])} "
                    f"| {ratio:.2f} | {goal} | {'yes' if met else 'no'} |",
                    flush=True,
                )
    for name, ours, limit, floor in fresh_process_rows(args.repeats):
        print(
            f"| {name} | {seconds(ours)} | floor {seconds(floor)} | - | < {limit} s "
            f"| {'yes' if ours < limit else 'no'} |",
            flush=True,
        )
    report = whole_command(max(1, args.repeats // 2), {"every core": []})["every core"]
    print(
        f"| `bargaining report`, every core, wall (CPU {report[1]:.1f} s) | {report[0]:.1f} s "
        f"| - | - | < 10 s | {'yes' if report[0] < 10 else 'no'} |"
    )
    print(f"\n{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end")


def seconds(value):
    return f"{value * 1e3:.3g} ms" if value < 1 else f"{value:.3g} s"


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
