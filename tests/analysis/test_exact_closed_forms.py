"""The exact breakdown points in closed form, against the Abreu-Sannikov sets.

``breakdown_automation(..., method="exact")`` takes labor's best equilibrium's
breakdown point from the closed forms of ``labor.formulas`` where the payoff
sets confirm it, and brackets it otherwise. Here the solver checks both on a
grid of 576 scenarios (with and without a lockout, with and without
ownership, the 2x2 game and a transfer grid, complements and substitutes):
redistribution is sustained just before the point and at two levels below
it, and none just after (1e-9 for the closed form, 1e-6 for a bracket).
With a lockout, and without one whenever patience is high, the closed form
holds on the whole grid.
"""

import itertools
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.analysis import breakdown_automation, max_redistribution, payoff_bounds
from bargaining.analysis._exact_redistribution import _labor_gain
from bargaining.labor import Scenario, formulas, strike_output

GRID = (0.05, 0.1, 0.2, 0.3)
STEP = 1e-9


def scenario_grid():
    for w, b, delta, theta, lockout, sigma, transfers in itertools.product(
        (0.5, 0.6, 0.7),
        (0.0, 0.2, 0.3),
        (0.6, 0.75, 0.9, 0.95),
        (0.0, 0.2),
        (False, True),
        (0.5, math.inf),
        (None, GRID),
    ):
        if b >= (1 - theta) * w:
            b = 0.1
        scenario = Scenario(
            w=w, tau=0.1, b=b, delta=delta, sigma=sigma, rho=0.2, theta=theta, lockout=lockout
        )
        yield scenario, transfers


CASES = list(scenario_grid())


def test_the_grid_has_at_least_500_scenarios():
    assert len(CASES) >= 500


def closed_form_holds(scenario, transfers):
    # Found by the test below on this grid: the closed form can come early only without
    # a lockout, with lumpy transfers and impatience.
    return scenario.lockout or scenario.delta >= 0.9


@pytest.mark.parametrize("chunk", range(8))
def test_closed_form_breakdown_agrees_with_the_solver(chunk):
    checked = 0
    for scenario, transfers in CASES[chunk::8]:
        threshold = breakdown_automation(scenario, transfers=transfers)
        assert threshold.selection == "labor-best"
        if threshold.kind != "breaks-down":
            assert threshold.method == "exact (bisection)"
            gains = _labor_gain(scenario, np.linspace(0, 1, 9), transfers, 1e-9)
            if threshold.kind == "always-sustainable":
                assert np.all(gains > 0)
            elif threshold.kind == "becomes-sustainable":  # from its start on
                assert gains[-1] > 0 and not gains[0]
            else:
                assert not gains.any()
            continue
        star = float(threshold)
        if closed_form_holds(scenario, transfers) and star < 1:
            assert threshold.method == "exact", (scenario, transfers)
        if star >= 1:
            continue
        step = STEP if threshold.method == "exact" else 1e-6
        # A bracket is the end of the first sustainable stretch, which may start above 0.
        below = [star / 2, star - step] if threshold.method == "exact" else [star - step]
        below = [level for level in below if level > 0]
        gains = _labor_gain(scenario, np.array([*below, star + step]), transfers, 1e-9)
        assert (gains[:-1] > 0).all(), (scenario, transfers, star, gains)
        assert gains[-1] == 0, (scenario, transfers, star, gains)
        checked += threshold.method == "exact"
    assert checked > 20


@pytest.mark.parametrize("lockout", [False, True])
def test_labor_best_payoff_is_delta_x_where_capital_is_held_to_its_minmax(lockout):
    # With continuous transfers (a fine grid reaching delta*x), labor's best payoff exceeds
    # its work payoff by delta*(1 - w - y_s): EXACT_MAX_TRANSFER.
    scenario = Scenario(lockout=lockout)
    grid = [round(0.005 * k, 3) for k in range(1, 81)]
    levels = np.array([0.0, 0.1, 0.2, 0.3])
    gains = max_redistribution(scenario, levels, transfers=grid)
    output = strike_output(levels, scenario.sigma, scenario.rho)
    expected = formulas.evaluate(
        "EXACT_MAX_TRANSFER",
        {formulas.delta: 0.9, formulas.w: 0.6, formulas.theta: 0.0, formulas.y: output},
    )
    np.testing.assert_allclose(gains, expected, atol=1e-9)


def test_continuous_transfer_breakdown_is_the_limit_of_fine_grids():
    # y** = 1 - w - (1 - delta)(w - b)/delta**2; on the grid t0 -> (1 - delta)(w - b)/delta.
    values = {formulas.w: sp.Rational(3, 5), formulas.b: sp.Rational(1, 5), formulas.theta: 0}
    values[formulas.delta] = sp.Rational(9, 10)
    continuous = formulas.EXACT_BREAKDOWN_STRIKE_OUTPUT.subs(values)
    floor = formulas.MIN_CREDIBLE_TRANSFER.subs(values)
    grid = formulas.EXACT_BREAKDOWN_STRIKE_OUTPUT_GRID.subs(values).subs(formulas.tau, floor)
    assert continuous == grid == sp.Rational(142, 405)
    # With a lockout the limit is the job-loss point itself, y = 1 - w.
    lockout = formulas.EXACT_BREAKDOWN_STRIKE_OUTPUT_LOCKOUT.subs(values).subs(formulas.tau, 0)
    assert lockout == sp.Rational(2, 5)


def test_exact_thresholds_are_exact_for_exact_scenarios():
    # Default 2x2: y_T = 1 - w - (1 - delta)(tau + w - b)/delta = 31/90, and with
    # y_s = 1/(5 - 4a): a* = (5 - 90/31)/4 = 65/124.
    assert breakdown_automation(Scenario().exact()).value == sp.Rational(65, 124)
    # With the lockout: y_T = 1 - w - (1 - delta) tau / delta = 7/18, a* = (5 - 18/7)/4.
    assert breakdown_automation(Scenario(lockout=True).exact()).value == sp.Rational(17, 28)


@settings(max_examples=25, deadline=None)
@given(
    w=st.sampled_from([0.5, 0.6, 0.7]),
    b=st.floats(0, 0.3),
    delta=st.floats(0.55, 0.97),
    theta=st.sampled_from([0.0, 0.1, 0.25]),
    lockout=st.booleans(),
    a=st.floats(0, 1),
)
def test_stick_and_carrot_never_exceeds_the_exact_answer(w, b, delta, theta, lockout, a):
    if b >= (1 - theta) * w:
        b = 0.0
    scenario = Scenario(w=w, b=b, delta=delta, theta=theta, lockout=lockout)
    closed = breakdown_automation(scenario, method="closed-form")
    transfer = float(max_redistribution(scenario, a, method="closed-form"))
    if transfer > 0:
        # The class sustains this transfer, so the game with it as capital's only
        # transfer sustains at least as much, and breaks down no earlier.
        with_it = scenario.replace(tau=transfer)
        assert max_redistribution(with_it, a) >= transfer - 1e-7
    if closed.kind == "breaks-down":
        exact = breakdown_automation(scenario, transfers=[0.005 * k for k in range(1, 61)])
        assert exact.kind == "breaks-down" and float(exact) >= float(closed) - 1e-9


def test_capital_best_equilibrium_sustains_no_redistribution():
    scenario = Scenario(lockout=True)
    levels = np.linspace(0, 1, 9)
    assert (max_redistribution(scenario, levels, selection="capital-best") == 0).all()
    assert breakdown_automation(scenario, selection="capital-best").kind == "never-sustainable"


def test_nash_selection_splits_the_surplus_between_the_worst_payoffs():
    # Without a lockout the worst payoffs are the minmax values (w, y_s) and the
    # frontier u_L + u_K = 1 is in V up to labor's best, so the Nash point gives labor
    # w + (1 - w - y_s)/2 wherever that is below its best, w + delta*(1 - w - y_s).
    scenario = Scenario()
    grid = [round(0.005 * k, 3) for k in range(1, 81)]
    levels = np.array([0.0, 0.2])
    gains = max_redistribution(scenario, levels, transfers=grid, selection="nash")
    x = 1 - 0.6 - strike_output(levels, 0.5, 0.2)
    np.testing.assert_allclose(gains, x / 2, atol=1e-9)
    bounds = payoff_bounds(scenario, levels, grid)
    np.testing.assert_allclose(bounds.labor_worst, 0.6, atol=1e-9)


def test_unknown_selection_is_named():
    with pytest.raises(ValueError, match=r"selection must be one of.*got 'median'"):
        max_redistribution(Scenario(), 0.2, selection="median")
    with pytest.raises(ValueError, match=r"selection=.* applies to method='exact' only"):
        breakdown_automation(Scenario(), "closed-form", selection="nash")
