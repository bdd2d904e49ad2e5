"""Redistribution keys checked with the automaton simulator on a game built here."""

import math

import numpy as np
import pytest

from bargaining.core.game import Game
from bargaining.core.repeated.automata import Automaton, deviation_gains
from bargaining.problemsets import make_exercise

TOL = 1e-9
RELEASES = np.linspace(0.02, 1, 25)


def output(a, scenario):
    rho = float(scenario.rho)
    if scenario.sigma == math.inf:
        return a + (1 - a) * rho
    return rho ** (1 - a)  # sigma = 1


def strike_game(scenario, a, tau):
    """The 2x2 game; labor owns theta of the firm, which pays tau, and gets its dividends."""
    w, b, theta = float(scenario.w), float(scenario.b), float(scenario.theta)
    y = output(a, scenario)
    labor_work, labor_strike = w + theta * (1 - w), b + theta * y
    paid = (1 - theta) * tau
    game = Game(
        [[labor_work + paid, labor_work], [labor_strike + paid, labor_strike]],
        [
            [(1 - theta) * (1 - w) - paid, (1 - theta) * (1 - w)],
            [(1 - theta) * y - paid, (1 - theta) * y],
        ],
    )
    return game, labor_work, labor_strike


def sustained(scenario, a, tau, releases=RELEASES):
    """Whether some stick-and-carrot automaton (strike, then share) is an equilibrium."""
    delta = float(scenario.delta)
    game, labor_work, labor_strike = strike_game(scenario, a, tau)
    gain = (1 - float(scenario.theta)) * tau
    # least credible E[delta**k]: labor's value from the strike's start held at work's
    shortest = (labor_work - labor_strike) / (labor_work + gain - labor_strike)
    exact = [shortest * (1 - delta) / (delta * (1 - shortest))] if shortest < 1 else []
    candidates = [r for r in [*releases, *exact] if 0 < r <= 1]
    return any(
        max(
            deviation_gains(game, Automaton.stick_and_carrot((0, 0), (1, 1), 1, r), delta).values()
        )
        <= TOL
        for r in candidates
    )


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("level", ["easy", "medium", "hard"])
def test_largest_transfer_and_breakdown_point(seed, level):
    exercise = make_exercise("redistribution", seed, 0, level)
    scenario, a = exercise.parameters["scenario"], float(exercise.parameters["a"])
    strike_output, transfer, threshold = (float(v) for v in exercise.answers)
    assert math.isclose(strike_output, output(a, scenario), rel_tol=1e-12)
    assert sustained(scenario, a, transfer - 1e-9)
    assert not sustained(scenario, a, transfer + 2e-3)
    w = float(scenario.w)
    below, above = threshold - 1e-2, threshold + 1e-2
    # Just below a*, the transfer that exactly repays one period of striking is sustained
    # by a one-period strike; just above, no transfer is, whatever the strike length.
    delta, theta = float(scenario.delta), float(scenario.theta)
    _, labor_work, labor_strike = strike_game(scenario, below, 0)
    floor = (1 - delta) * (labor_work - labor_strike) / (delta * (1 - theta))
    assert sustained(scenario, below, floor, releases=[1])
    transfers = np.linspace(2e-3, 1 - w, 40)
    assert not any(sustained(scenario, above, t) for t in transfers)
