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

Run with ``make bench`` or ``python benchmarks/stochastic.py [--games N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from bargaining import Game, StochasticGame

LADDER = [(1, 2), (1, 3), (2, 2), (2, 3), (3, 2), (4, 2)]
DELTA = 0.8


def random_game(rng, states, actions):
    games = [
        Game(
            rng.integers(-5, 6, (actions, actions)).tolist(),
            rng.integers(-5, 6, (actions, actions)).tolist(),
        )
        for _ in range(states)
    ]
    transitions = [rng.dirichlet(np.ones(states), size=(actions, actions)) for _ in range(states)]
    return StochasticGame(games, transitions, DELTA)


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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=3, help="random games per rung (median)")
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    main(arguments.games, arguments.seed)
