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
    w, b, theta = float(scenario.w), float(scenario.b), float(scenario.theta)
    y = output(a, scenario)
    labor_strike, capital_strike = b + theta * y, (1 - theta) * y
    return Game(
        [[w + tau, w], [labor_strike + tau, labor_strike]],
        [[1 - w - tau, 1 - w], [capital_strike - tau, capital_strike]],
    ), labor_strike


def sustained(scenario, a, tau, releases=RELEASES):
    """Whether some stick-and-carrot automaton (strike, then share) is an equilibrium."""
    delta = float(scenario.delta)
    game, labor_strike = strike_game(scenario, a, tau)
    w = float(scenario.w)
    shortest = (w - labor_strike) / (w + tau - labor_strike)  # least credible E[delta**k]
    exact_release = shortest * (1 - delta) / (delta * (1 - shortest))
    candidates = [r for r in [*releases, exact_release] if 0 < r <= 1]
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
    delta, labor_strike = float(scenario.delta), strike_game(scenario, below, 0)[1]
    assert sustained(scenario, below, (1 - delta) * (w - labor_strike) / delta, releases=[1])
    transfers = np.linspace(2e-3, 1 - w, 40)
    assert not any(sustained(scenario, above, t) for t in transfers)
