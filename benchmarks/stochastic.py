"""Stochastic games: time of the bracketed payoff sets and of the Markov perfect equilibria.

A ladder of random games, ``states x actions``: 1 to 4 states, each with
a 2x2 or a 3x3 stage game of integer payoffs in [-5, 5] and transition
probabilities drawn from a flat Dirichlet distribution (seeded), at
delta = 0.8. For every rung the medians over several games of:

1. ``equilibrium_payoffs(inner=False)``: the outer iteration alone;
2. ``equilibrium_payoffs()``: outer and inner iteration (the bracket), with
   the inner start built from the stationary profiles;
3. ``markov_perfect()``: enumeration of the stationary profiles;

and the outer iterations and the largest inner-outer gap over the games.
No other Python library computes these sets, so there is no peer in the run.

``--batched`` compares instead a loop of ``StochasticGame(...).equilibrium_payoffs()``
with one :func:`bargaining.core.stochastic.equilibrium_payoffs_many` call on
the same games (medians over rounds, the two in alternating order), and the
largest Hausdorff distance between their sets relative to the payoff scale:

1. random two-state 2x2 games as above, outer and inner iteration;
2. the labor model's automation game (11 levels, 0 to 1, the default
   scenario) with automation advancing at ten speeds from 0.05 to 0.5, outer
   iteration only (as :func:`bargaining.analysis.anticipation.rising_automation`
   asks for it; its 4^11 stationary profiles are too many for the inner start);
3. SGSolve's two-state examples (Abreu, Brooks and Sannikov 2020: the
   prisoner's dilemma, 2x2, and the Abreu-Sannikov game, 3x3) at twelve
   discount factors from 0.3 to 0.85 each, outer and inner iteration.

Run with ``make bench`` or ``python benchmarks/stochastic.py [--games N]
[--batched [--rounds R]]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from bargaining import Game, StochasticGame
from bargaining.analysis.anticipation import LEVELS
from bargaining.core.polygon import hausdorff_distance
from bargaining.core.stochastic import aps, equilibrium_payoffs_many
from bargaining.labor import scenarios
from bargaining.labor.dynamics import AutomationGame, advance_chain
from bargaining.reproductions.abreu_brooks_sannikov import as_twostate, pd_twostate

LADDER = [(1, 2), (1, 3), (2, 2), (2, 3), (3, 2), (4, 2)]
DELTA = 0.8


def random_game(rng, states, actions, delta=DELTA):
    games = [
        Game(
            rng.integers(-5, 6, (actions, actions)).tolist(),
            rng.integers(-5, 6, (actions, actions)).tolist(),
        )
        for _ in range(states)
    ]
    transitions = [rng.dirichlet(np.ones(states), size=(actions, actions)) for _ in range(states)]
    return StochasticGame(games, transitions, delta)


def timed(call):
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def main(games=3, seed=2026):
    rng = np.random.default_rng(seed)
    print(
        f"{'states x actions':>16} {'outer (s)':>10} {'bracket (s)':>12} {'MPE (s)':>9} "
        f"{'iterations':>10} {'largest gap':>12}"
    )
    for states, actions in LADDER:
        outer_times, bracket_times, mpe_times, iterations, gaps = [], [], [], [], []
        for _ in range(games):
            game = random_game(rng, states, actions)
            sets, seconds = timed(lambda game=game: game.equilibrium_payoffs(inner=False))
            outer_times.append(seconds)
            iterations.append(sets[0].iterations)
            sets, seconds = timed(game.equilibrium_payoffs)
            bracket_times.append(seconds)
            gaps.append(max(s.gap for s in sets))
            mpe_times.append(timed(game.markov_perfect)[1])
        print(
            f"{f'{states} x {actions}x{actions}':>16} {statistics.median(outer_times):10.3f} "
            f"{statistics.median(bracket_times):12.3f} {statistics.median(mpe_times):9.4f} "
            f"{statistics.median(iterations):10.0f} {max(gaps):12.3g}"
        )


def batch_workloads(seed, random_games):
    """The three workloads of ``--batched``: name, games, whether the inner set is computed."""
    rng = np.random.default_rng(seed)
    scenario = scenarios.get("default").as_float()
    levels = [float(a) for a in LEVELS]
    speeds = np.linspace(0.05, 0.5, 10)
    deltas = np.linspace(0.3, 0.85, 12)
    examples = [pd_twostate(), as_twostate()]
    return [
        (
            f"{random_games} random 2-state 2x2 games",
            [random_game(rng, 2, 2) for _ in range(random_games)],
            True,
        ),
        (
            f"automation game, {len(levels)} levels x {len(speeds)} speeds",
            [AutomationGame(scenario, levels, advance_chain(len(levels), v)) for v in speeds],
            False,
        ),
        (
            f"SGSolve's two-state examples x {len(deltas)} deltas",
            [
                StochasticGame(example.stage_games, example.transitions, float(delta))
                for example in examples
                for delta in deltas
            ],
            True,
        ),
    ]


def largest_difference(first, second, games):
    """Largest Hausdorff distance between two solutions' sets, outer and inner, over the scale."""
    largest = 0.0
    for game, mine, theirs in zip(games, first, second, strict=True):
        scale = aps.payoff_scale(game._stages())
        for a, b in zip(mine, theirs, strict=True):
            pairs = [(a, b)] + ([(a.inner, b.inner)] if a.inner is not None else [])
            for x, y in pairs:
                if x.is_empty != y.is_empty:
                    return float("inf")
                if not x.is_empty:
                    largest = max(largest, hausdorff_distance(x.vertices, y.vertices) / scale)
    return largest


def batched(rounds=3, seed=2026, random_games=50):
    print(
        f"{'workload':>44} {'games':>5} {'loop (s)':>9} {'batched (s)':>11} "
        f"{'loop/batched':>12} {'largest difference':>18}"
    )
    for name, games, inner in batch_workloads(seed, random_games):
        loop_times, batch_times, difference = [], [], 0.0
        for r in range(rounds):
            calls = [
                (
                    "loop",
                    lambda games=games, inner=inner: [
                        g.equilibrium_payoffs(inner=inner) for g in games
                    ],
                ),
                (
                    "batched",
                    lambda games=games, inner=inner: equilibrium_payoffs_many(games, inner=inner),
                ),
            ]
            results = {}
            for label, call in calls if r % 2 == 0 else calls[::-1]:
                results[label], seconds = timed(call)
                (loop_times if label == "loop" else batch_times).append(seconds)
            difference = max(
                difference, largest_difference(results["loop"], results["batched"], games)
            )
        loop, batch = statistics.median(loop_times), statistics.median(batch_times)
        print(
            f"{name:>44} {len(games):5d} {loop:9.2f} {batch:11.2f} {loop / batch:12.2f} "
            f"{difference:18.2g}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=3, help="random games per rung (median)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--batched", action="store_true", help="loop against equilibrium_payoffs_many instead"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds of --batched (median)")
    arguments = parser.parse_args()
    if arguments.batched:
        batched(arguments.rounds, arguments.seed)
    else:
        main(arguments.games, arguments.seed)
