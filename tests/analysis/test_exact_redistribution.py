"""Redistribution from the exact subgame-perfect payoff sets of the strike game."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.analysis import breakdown_automation, max_redistribution
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs
from bargaining.labor import Scenario, StrikeGame, formulas, scenarios, strike_output

GRID = [0.05, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]


@st.composite
def scenario_and_automation(draw):
    w = draw(st.sampled_from([0.5, 0.6, 0.7]))
    return Scenario(
        w=w,
        tau=0.0,
        b=draw(st.sampled_from([0.0, 0.1, 0.2])),
        delta=draw(st.sampled_from([0.6, 0.8, 0.9, 0.95])),
        sigma=draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, math.inf])),
        rho=draw(st.sampled_from([0.0, 0.2, 0.4])),
    ), draw(st.floats(0, 0.95))


@settings(max_examples=30)
@given(scenario_and_automation())
def test_closed_form_never_claims_more_than_the_exact_set(case):
    scenario, a = case
    transfer = float(max_redistribution(scenario, a, method="closed-form"))
    if transfer > 0:
        game_with_it = scenario.replace(tau=transfer)
        assert max_redistribution(game_with_it, a, method="exact") >= transfer - 1e-7


@pytest.mark.parametrize("name", scenarios.NAMES)
def test_exact_breakdown_comes_no_earlier_than_stick_and_carrot(name):
    scenario = scenarios.get(name)
    closed = breakdown_automation(scenario, method="closed-form")
    # At the closed-form breakdown the last sustainable transfer is labor's
    # credibility floor, so the 2x2 game with that transfer is the one to compare.
    at_breakdown = strike_output(closed.value, scenario.sigma, scenario.rho)
    floor = formulas.evaluate(
        "MIN_CREDIBLE_TRANSFER",
        {
            formulas.y: at_breakdown,
            formulas.w: scenario.w,
            formulas.b: scenario.b,
            formulas.theta: scenario.theta,
            formulas.delta: scenario.delta,
        },
    )
    exact = breakdown_automation(scenario.replace(tau=floor), method="exact")
    assert exact.kind == "breaks-down" and closed.kind == "breaks-down"
    assert exact.value >= float(closed) - 1e-6


@pytest.mark.parametrize("a", [0.0, 0.2, 0.4, 0.5])
def test_a_grid_of_transfers_sustains_at_least_the_single_transfer(a):
    scenario = scenarios.DEFAULT
    lumpy = max_redistribution(scenario, a, method="exact")
    fine = max_redistribution(scenario, a, method="exact", transfers=[*GRID, scenario.tau])
    assert fine >= lumpy - 1e-9


def test_exact_values_are_vectorised_over_automation():
    levels = np.array([[0.0, 0.3], [0.45, 0.9]])
    gains = max_redistribution(scenarios.DEFAULT, levels, method="exact")
    assert gains.shape == (2, 2)
    single = [max_redistribution(scenarios.DEFAULT, float(a), method="exact") for a in levels.flat]
    np.testing.assert_allclose(gains.ravel(), single)


def test_a_strike_that_leaves_capital_its_profit_sustains_nothing():
    # Perfect substitutes: y_s(a) = a + (1 - a) rho = 1 - w exactly at a = 1/4.
    scenario = Scenario(w=0.6, tau=0.1, b=0.2, delta=0.9, sigma=math.inf, rho=0.2)
    assert strike_output(0.25, math.inf, 0.2) == pytest.approx(0.4)
    payoffs = equilibrium_payoffs(StrikeGame(scenario, 0.25), scenario.delta)
    assert payoffs.is_point
    np.testing.assert_allclose(payoffs.vertices, [[0.6, 0.4]], atol=1e-9)


def test_impatient_parties_never_redistribute():
    threshold = breakdown_automation(scenarios.DEFAULT.replace(delta=0.3), method="exact")
    assert threshold.kind == "never-sustainable" and threshold.value is None


def test_redistribution_revives_only_where_a_strike_is_efficient():
    scenario = scenarios.DEFAULT
    breakdown = float(breakdown_automation(scenario, method="exact", transfers=GRID))
    # Past the breakdown, labor gains again only once y_s > 1 - b: capital then
    # prefers labor idle and pays for it, since the stage game has no lockout.
    levels = np.linspace(breakdown + 0.01, 1.0, 12)
    outputs = strike_output(levels, scenario.sigma, scenario.rho)
    gains = max_redistribution(scenario, levels, method="exact", transfers=GRID)
    assert np.all(gains[outputs < 1 - scenario.b - 1e-9] == 0)
    assert gains[-1] > 0 and outputs[-1] > 1 - scenario.b


def test_redistribution_that_starts_above_zero_is_not_called_sustained_everywhere():
    # Under the Nash wage capital's best equilibrium gives labor nothing above the stage
    # game until a strike is efficient at high automation, and from there on it does.
    scenario = scenarios.DEFAULT.replace(wage="nash")
    threshold = breakdown_automation(scenario, method="exact", selection="capital-best")
    assert threshold.kind == "becomes-sustainable"
    start = float(threshold)
    assert 0 < start < 1
    below = np.linspace(0, start - 1e-4, 9)
    above = np.linspace(start + 1e-4, 1, 9)
    options = {"method": "exact", "selection": "capital-best"}
    assert not np.any(max_redistribution(scenario, below, **options))
    assert np.all(max_redistribution(scenario, above, **options) > 0)
