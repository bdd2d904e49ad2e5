import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from bargaining.labor import formulas as f
from bargaining.labor import labor_share, strike_output

F = Fraction
SIGMAS = [0, 0.25, 0.5, 1, 2, 5, math.inf]


def design_form(a, sigma, rho):
    exponent = (sigma - 1) / sigma
    return (a + (1 - a) * rho**exponent) ** (1 / exponent)


@pytest.mark.parametrize("rho", [0.05, 0.2, 0.7])
@pytest.mark.parametrize("a", [0.0, 0.3, 0.8, 0.99])
def test_cobb_douglas_limit_matches_the_general_formula_near_sigma_one(a, rho):
    for sigma in (1 - 1e-6, 1 + 1e-6):
        assert design_form(a, sigma, rho) == pytest.approx(rho ** (1 - a), rel=1e-5)
    assert strike_output(a, 1, rho) == pytest.approx(rho ** (1 - a), rel=1e-14)


@pytest.mark.parametrize("rho", [0.05, 0.2, 0.7])
@pytest.mark.parametrize("a", [0.0, 0.3, 0.8])
def test_leontief_and_substitutes_limits_match_the_general_formula(a, rho):
    assert strike_output(a, 1e-4, rho) == pytest.approx(rho, rel=1e-3)
    assert strike_output(a, 0, rho) == rho
    assert design_form(a, 1e7, rho) == pytest.approx(a + (1 - a) * rho, rel=1e-5)
    assert strike_output(a, math.inf, rho) == pytest.approx(a + (1 - a) * rho, rel=1e-14)


def test_small_sigma_does_not_overflow():
    # The textbook form would compute 0.2 ** -999 and overflow to infinity.
    value = strike_output(0.5, 1e-3, 0.2)
    assert value == pytest.approx(0.2, rel=1e-2)


def test_exact_values_worked_by_hand():
    # sigma = 1/2: y = 1 / (a + (1 - a) / rho) = 1 / (3/10 + 35/10) = 5/19.
    assert strike_output(F(3, 10), F(1, 2), F(1, 5)) == F(5, 19)
    # sigma = 2: y = (a + (1 - a) sqrt(rho))**2 = (1/2 + 1/4)**2.
    assert strike_output(F(1, 2), 2, F(1, 4)) == F(9, 16)
    assert strike_output(F(1, 2), 1, F(1, 4)) == F(1, 2)
    assert strike_output(F(1, 2), 0, F(1, 4)) == F(1, 4)
    assert strike_output(1, 0, F(1, 4)) == 1
    assert strike_output(F(1, 2), sp.oo, F(1, 4)) == F(5, 8)
    assert isinstance(strike_output(F(1, 3), F(1, 2), F(1, 5)), Fraction)


def test_irrational_exact_value_stays_exact():
    value = strike_output(F(1, 2), 1, F(1, 5))
    assert value == 1 / sp.sqrt(5)


def test_symbolic_input_returns_the_design_expression():
    a, sigma, rho = sp.symbols("a sigma rho", positive=True)
    expression = strike_output(a, sigma, rho)
    assert sp.simplify(expression - design_form(a, sigma, rho)) == 0
    assert strike_output(a, 1, rho) == rho ** (1 - a)
    assert strike_output(a, sp.oo, rho).equals(a + (1 - a) * rho)


def test_the_general_formula_tends_to_cobb_douglas_as_sigma_tends_to_one():
    limit = sp.limit(f.STRIKE_OUTPUT["ces"].subs({f.a: F(1, 3), f.rho: F(1, 4)}), f.sigma, 1)
    assert sp.simplify(limit - sp.Rational(1, 4) ** sp.Rational(2, 3)) == 0


@pytest.mark.parametrize("sigma", [F(1, 3), F(1, 2), 2, 3])
@pytest.mark.parametrize("a", [F(0), F(1, 7), F(1, 2), F(9, 10)])
def test_factored_complements_form_equals_the_design_form(a, sigma):
    rho = F(1, 4)
    values = {f.a: a, f.sigma: sigma, f.rho: rho}
    ces = f.STRIKE_OUTPUT["ces"].subs(values)
    complements = f.STRIKE_OUTPUT["complements"].subs(values)
    assert sp.simplify(ces - complements) == 0


@pytest.mark.parametrize("name", ["ces", "complements", "cobb-douglas", "substitutes"])
@pytest.mark.parametrize("a", [F(1, 5), F(1, 2), F(4, 5)])
def test_automation_at_output_inverts_strike_output(name, a):
    sigma = {"ces": 2, "complements": F(1, 3), "cobb-douglas": 1, "substitutes": sp.oo}[name]
    rho = F(1, 4)
    output = f.STRIKE_OUTPUT[name].subs({f.a: a, f.sigma: sigma, f.rho: rho})
    inverse = f.AUTOMATION_AT_OUTPUT[name].subs({f.y: output, f.sigma: sigma, f.rho: rho})
    assert sp.simplify(inverse - sp.Rational(a)) == 0


@given(sigma=st.sampled_from(SIGMAS), rho=st.floats(0, 0.99))
def test_endpoints_are_rho_and_one_in_every_regime(sigma, rho):
    assert strike_output(0.0, sigma, rho) == pytest.approx(rho, abs=1e-12)
    assert strike_output(1.0, sigma, rho) == 1.0


@given(sigma=st.sampled_from(SIGMAS), rho=st.floats(0, 0.99))
def test_monotone_in_automation(sigma, rho):
    values = strike_output(np.linspace(0, 1, 101), sigma, rho)
    assert np.all(np.diff(values) >= -1e-12)
    assert np.all((values >= rho - 1e-12) & (values <= 1 + 1e-12))


def test_vectorised_over_broadcast_arrays_agrees_with_scalars():
    a = np.linspace(0, 1, 7)
    sigma = np.array(SIGMAS, dtype=float)[:, None]
    table = strike_output(a, sigma, 0.3)
    assert table.shape == (len(SIGMAS), 7)
    for i, s in enumerate(SIGMAS):
        for j, x in enumerate(a):
            assert table[i, j] == pytest.approx(strike_output(float(x), s, 0.3), rel=1e-12)


def test_exact_and_float_agree_and_fraction_arrays_stay_exact():
    exact = strike_output(np.array([F(1, 4), F(3, 4)], dtype=object), F(1, 2), F(1, 5))
    assert list(exact) == [F(1, 4), F(1, 2)]  # 1 / (5 - 4a)
    floats = strike_output(np.array([0.25, 0.75]), 0.5, 0.2)
    np.testing.assert_allclose(floats, [1 / 4, 1 / 2], rtol=1e-14)


@pytest.mark.parametrize(
    ("arguments", "name", "shown"),
    [
        ((1.5, 1, 0.2), "a", "1.5"),
        ((-0.1, 1, 0.2), "a", "-0.1"),
        ((0.5, -1, 0.2), "sigma", "-1"),
        ((0.5, 1, 1), "rho", "1"),
        ((0.5, 1, -0.2), "rho", "-0.2"),
        ((np.array([0.2, 1.2]), 1, 0.2), "a", "1.2"),
        ((0.5, math.nan, 0.2), "sigma", "nan"),
    ],
)
def test_bad_input_names_the_parameter_and_value(arguments, name, shown):
    with pytest.raises(ValueError, match=rf"{name}.*{shown}"):
        strike_output(*arguments)


@pytest.mark.parametrize(
    ("a", "sigma", "expected"),
    [
        (0.5, 1, 0.5),
        (0.6, 1, 0.4),
        (0.75, 1, 0.25),
        (0.6, 0.8, 0.375937),
        (0.75, 0.8, 0.202093),
        (0.6, 1.5, 0.432831),
        (0.75, 1.5, 0.324666),
        (0.5, 0.5, 0.5),
        (0.5, 1.5, 0.5),
    ],
)
def test_labor_share_reference_values(a, sigma, expected):
    assert labor_share(a, sigma) == pytest.approx(expected, abs=1e-6)


def test_labor_share_exact_new_tasks_and_limits():
    assert labor_share(F(3, 5), F(1, 2)) == F(4, 13)
    assert labor_share(F(3, 4), F(1, 2)) == F(1, 10)
    assert labor_share(0.6, 1, new_tasks=0.1) == pytest.approx(0.5)
    # Leontief: the scarce factor takes everything; CES with tiny sigma approaches it.
    assert labor_share(F(3, 10), 0) == 1 and labor_share(F(7, 10), 0) == 0
    assert labor_share(0.3, 0.02) == pytest.approx(1, abs=1e-6)
    # Perfect substitutes: factor supplies alone split income, L / (L + K).
    assert labor_share(F(2, 5), math.inf, capital=3) == F(1, 4)
    assert labor_share(0.4, 1e6, capital=3) == pytest.approx(0.25, rel=1e-5)
    assert labor_share(1, math.inf) == 0


def test_labor_share_falls_with_automation():
    shares = labor_share(np.linspace(0, 1, 21), 0.8, capital=2, labor=1)
    assert np.all(np.diff(shares) < 0)


def test_labor_share_bad_input():
    with pytest.raises(ValueError, match="new_tasks"):
        labor_share(0.5, 1, new_tasks=-0.1)
    with pytest.raises(ValueError, match="a must lie in"):
        labor_share(0.05, 1, new_tasks=0.1)
    with pytest.raises(ValueError, match=r"capital.*0"):
        labor_share(0.5, 1, capital=0)


@pytest.mark.parametrize("use", [lambda name: f.compiled(name), lambda name: f.evaluate(name, {})])
def test_an_unknown_formula_name_is_refused(use):
    with pytest.raises(ValueError, match=r"formula must be one of .*NASH_WAGE.*got 'cubic'"):
        use("cubic")


def test_a_formula_by_name_is_the_expression():
    assert f.evaluate("NET_SURPLUS", {f.b: 0, f.theta: 0, f.y: Fraction(1, 2)}) == Fraction(1, 2)
    compiled = f.compiled("STRIKE_COST", (f.w, f.b, f.theta, f.y))
    # Labor loses the wage net of the fund, and its dividends fall from 1 - w to y,
    # all measured in transfer units (a transfer reaches labor net of its own share).
    assert compiled(0.6, 0.2, 0.1, 0.5) == pytest.approx((0.6 - 0.2 + 0.1 * (0.4 - 0.5)) / 0.9)
