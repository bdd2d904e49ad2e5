"""Evaluating the model's formulas: the compiled exact path agrees with substitution."""

from fractions import Fraction

import hypothesis.strategies as st
import sympy as sp
from hypothesis import given

from bargaining.labor import formulas as f
from bargaining.labor.evaluation import substitute

fractions = st.fractions(min_value=0, max_value=1, max_denominator=97)
CELLS = (
    f.LABOR_WORK_PAYOFF + f.NET_TRANSFER,
    f.CAPITAL_WORK_PAYOFF - f.NET_TRANSFER,
    f.LABOR_STRIKE_PAYOFF + f.NET_TRANSFER,
    f.LABOR_LOCKOUT_PAYOFF,
    f.LABOR_REVOLT_PAYOFF,
    f.STRIKE_COST,
)


@given(st.sampled_from(CELLS), st.lists(fractions, min_size=8, max_size=8))
def test_exact_cells_equal_their_substitution(expression, draws):
    symbols = (f.w, f.theta, f.b, f.y, f.u, f.tau, f.mu, f.delta)
    values = dict(zip(symbols, draws, strict=True))
    values[f.theta] = min(values[f.theta], Fraction(9, 10))  # STRIKE_COST divides by 1 - theta
    value = f.evaluate(expression, values)
    assert isinstance(value, Fraction)
    assert value == substitute(expression, values)


def test_integer_coefficients_decide_the_compiled_path():
    assert f._integer_coefficients(f.LABOR_WORK_PAYOFF)
    # The default outside option halves (w - b): a Rational coefficient, so Python's
    # arithmetic could turn it into a float; it is substituted instead, and stays exact.
    assert not f._integer_coefficients(f.OUTSIDE_OPTION)
    value = f.evaluate(f.OUTSIDE_OPTION, {f.b: Fraction(1, 5), f.w: Fraction(3, 5), f.a: 0})
    assert value == Fraction(2, 5)
    assert not f._integer_coefficients(sp.sqrt(f.w))
