from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bargaining.labor import scenarios, strike_output, wages
from bargaining.labor.scenarios import Scenario
from bargaining.solutions import (
    Frontier,
    kalai_smorodinsky,
    nash_bargaining,
    rubinstein,
)

F = Fraction
EXACT = Scenario(w=F(3, 5), tau=0, b=F(1, 5), delta=F(9, 10), sigma=F(1, 2), rho=F(1, 5))


def _problem(scenario, a):
    d_labor, d_capital = wages.disagreement_point(scenario, a)
    frontier = Frontier.from_points([(d_labor, d_capital), (1 - d_capital, d_capital), (0, 1)])
    return frontier, (d_labor, d_capital)


@settings(max_examples=25, deadline=None)
@given(st.fractions(0, 1, max_denominator=20), st.fractions(0, F(3, 10)))
def test_wages_match_the_generic_solutions(a, theta):
    # A second method: the core solvers on the explicit bargaining problem.
    scenario = EXACT.replace(theta=theta)
    assume(wages.gains_from_trade(scenario, a) >= 0)
    frontier, d = _problem(scenario, a)
    assert wages.nash_wage(scenario, a) == nash_bargaining(frontier, d).payoffs[0]
    assert (
        wages.nash_wage(scenario, a, weight=F(1, 3))
        == (nash_bargaining(frontier, d, weights=(1, 2)).payoffs[0])
    )
    assert wages.kalai_smorodinsky_wage(scenario, a) == kalai_smorodinsky(frontier, d).payoffs[0]
    delta = scenario.delta
    for proposer, player in (("labor", 1), ("capital", 2)):
        expected = rubinstein(delta, delta, inside=d, proposer=player).payoffs[0]
        assert wages.rubinstein_wage(scenario, a, proposer) == expected


def test_wages_are_exact_vectorised_and_symbolic():
    a = sp.Symbol("a", nonnegative=True)
    expression = wages.nash_wage(EXACT, a)
    # sigma = 1/2: y_s = 1/(a + (1 - a)/rho), so the Nash wage is 1/5 + (4/5 - y_s)/2.
    assert sp.simplify(expression - (F(1, 5) + (F(4, 5) - 1 / (a + (1 - a) * 5)) / 2)) == 0
    grid = np.linspace(0, 1, 7)
    values = wages.nash_wage(scenarios.DEFAULT, grid)
    assert values.shape == (7,)
    assert np.all(np.diff(values) < 0)  # automation lowers labor's wage
    exact = [wages.nash_wage(EXACT, F(k, 6)) for k in range(7)]
    assert values == pytest.approx([float(v) for v in exact], rel=1e-12)
    assert isinstance(exact[3], Fraction)


def test_rubinstein_wage_tends_to_the_nash_wage_as_delta_rises():
    # Binmore-Rubinstein-Wolinsky (1986): equal patience gives the
    # symmetric Nash solution in the limit.
    patient = scenarios.DEFAULT.replace(delta=0.99999)
    assert wages.rubinstein_wage(patient, 0.3) == pytest.approx(
        wages.nash_wage(patient, 0.3), abs=1e-5
    )


def test_automation_at_outside_option():
    outside = F(7, 20)
    level = wages.automation_at_outside_option(EXACT, outside)
    assert wages.nash_wage(EXACT, level) == outside
    assert wages.nash_wage(EXACT, level - F(1, 100)) > outside
    # Closed form by hand: 1/5 + (4/5 - y)/2 = 7/20 gives y = 1/2; then 1/(a + 5(1 - a)) = 1/2.
    assert level == F(3, 4)
    assert wages.automation_at_outside_option(EXACT, F(1, 10)) == 1  # wage(a = 1) = 1/10
    assert wages.automation_at_outside_option(EXACT, F(1, 20)) is None
    assert wages.automation_at_outside_option(EXACT, F(1, 2)) == 0
    numeric = wages.automation_at_outside_option(scenarios.DEFAULT, 0.35, "rubinstein")
    assert wages.rubinstein_wage(scenarios.DEFAULT, numeric) == pytest.approx(0.35)
    # Liebig: strike output stays at rho until the last task, so only full automation does it.
    assert wages.automation_at_outside_option(EXACT.replace(sigma=0), outside) == 1
    assert strike_output(F(99, 100), 0, F(1, 5)) == F(1, 5)


def test_gains_from_trade_vanish_with_full_automation():
    # At a = 1 strike output is 1, so the strike payoffs sum to 1 + b > 1.
    assert wages.gains_from_trade(EXACT, 1) == -F(1, 5)
    assert wages.gains_from_trade(EXACT, 0) == F(3, 5)


def test_bad_input():
    with pytest.raises(ValueError, match="weight"):
        wages.nash_wage(EXACT, 0, weight=1)
    with pytest.raises(ValueError, match="solution"):
        wages.wage(EXACT, 0, "egalitarian")
    with pytest.raises(ValueError, match="proposer"):
        wages.rubinstein_wage(EXACT, 0, proposer="union")
    with pytest.raises(ValueError, match=r"a must lie in \[0, 1\], got 1.5"):
        wages.nash_wage(EXACT, 1.5)
