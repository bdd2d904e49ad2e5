"""The two-stage automation model: cost forms, the productivity gain, capital's payoff."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.core.game import Game
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs
from bargaining.labor import StrikeGame, scenarios
from bargaining.labor.investment import capital_payoff, cost, production_surplus

F = Fraction
DEFAULT = scenarios.DEFAULT


def test_quadratic_cost_is_k_a_squared_over_two():
    assert cost("quadratic", k=3)(F(1, 2)) == F(3, 8)
    assert cost("quadratic", k=0.5)(np.array([0.0, 1.0])) == pytest.approx([0.0, 0.25])


@given(level=st.floats(0.05, 0.9), gain=st.floats(0.01, 1.0))
@settings(max_examples=25, deadline=None)
def test_calibrated_cost_pays_on_productivity_alone_exactly_up_to_its_level(level, gain):
    price = cost("calibrated", level=level, gain=gain)
    grid = np.linspace(0, 0.999, 20_001)
    net = gain * grid - price(grid)
    assert grid[np.argmax(net)] == pytest.approx(level, abs=1e-4)


def test_calibrated_cost_is_unbounded_at_full_automation():
    assert cost("calibrated", level=F(1, 4), gain=F(1, 10))(1) == sp.oo
    assert cost("calibrated")(1.0) == np.inf


def test_custom_expression_in_any_symbol_named_a():
    a = sp.Symbol("a", real=True)
    assert cost(a**2 + a)(F(1, 2)) == F(3, 4)


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        ({"form": "cubic"}, "cubic"),
        ({"k": 0}, "k"),
        ({"form": "calibrated", "level": 1}, "level"),
        ({"gain": -0.1}, "gain"),
    ],
)
def test_bad_parameters_are_named(arguments, name):
    with pytest.raises(ValueError, match=name):
        cost(**arguments)


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        (-(sp.Symbol("a") ** 2), "convex"),
        (sp.sqrt(sp.Symbol("a") + 1) - 1, "convex"),
        (sp.Symbol("a") ** 2 + 1, "vanish"),
        (sp.Symbol("a") * sp.Symbol("k"), "symbols k"),
    ],
)
def test_custom_costs_must_be_convex_increasing_and_vanish_at_zero(expression, message):
    with pytest.raises(ValueError, match=message):
        cost(expression)


def test_capital_payoff_by_hand_at_no_automation():
    # a = 0: y_s = rho = 1/5. The harshest credible strike caps the transfer at
    # delta*(1 - w - y_s) - (1 - delta)*(w - b) = 9/10*1/5 - 1/10*2/5 = 7/50.
    exact = DEFAULT.exact()
    price = cost(k=F(2, 5), gain=F(1, 10))
    assert capital_payoff(exact, 0, price) == F(2, 5) - F(7, 50)
    assert capital_payoff(exact, 0, price, "capital-best") == F(2, 5)


def test_capital_payoff_drops_the_transfer_past_the_breakdown_point():
    # Default scenario: the closed-form breakdown point is 215/496 (scenarios docstring).
    exact, price = DEFAULT.exact(), cost(k=F(2, 5), gain=F(1, 10))
    after = F(215, 496) + F(1, 10**6)
    assert capital_payoff(exact, after, price) == capital_payoff(
        exact, after, price, "capital-best"
    )
    before = F(215, 496) - F(1, 10**6)
    assert capital_payoff(exact, before, price) < capital_payoff(
        exact, before, price, "capital-best"
    )


def test_float_array_and_exact_agree():
    levels = [0, F(1, 5), F(2, 5), F(3, 5), 1]
    exact = [capital_payoff(DEFAULT.exact(), x, cost(k=F(2, 5), gain=F(1, 10))) for x in levels]
    floats = capital_payoff(DEFAULT, np.array([float(x) for x in levels]), cost())
    assert floats.shape == (5,)
    assert floats == pytest.approx([float(x) for x in exact], abs=1e-12)


def test_symbolic_automation_gives_an_expression_with_the_hand_slope():
    # Substitutes: y_s = a + (1 - a) rho, so below the breakdown point capital's payoff
    # rises at delta*(1 - rho) + gain - k*a from the strike and productivity effects.
    a = sp.Symbol("a")
    scenario = scenarios.get("substitutes").replace(sigma=sp.oo).exact()
    payoff = capital_payoff(scenario, a, cost(k=F(2, 5), gain=F(1, 10)))
    slope = sp.diff(payoff, a).subs(a, F(1, 10))
    assert sp.nsimplify(slope) == F(9, 10) * F(4, 5) + F(1, 10) - F(2, 5) * F(1, 10)


def test_production_surplus():
    assert production_surplus(F(1, 2), cost(k=F(2, 5), gain=F(1, 10))) == 1 + F(1, 20) - F(1, 20)


def test_gain_shifts_the_equilibrium_set_without_changing_it():
    # The gain is added to every one of capital's stage payoffs: V moves up by it.
    game = StrikeGame(DEFAULT, 0.3)
    labor, capital = (np.asarray(m, dtype=float) for m in game.payoff_matrices)
    plain = equilibrium_payoffs(game, DEFAULT.delta).vertices
    shifted = equilibrium_payoffs(Game(labor, capital + 0.03), DEFAULT.delta).vertices
    assert shifted == pytest.approx(plain + np.array([0.0, 0.03]), abs=1e-9)
