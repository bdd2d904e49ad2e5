"""Rubinstein (1982) / BRW (1986) reproduction: checks beyond the shared table."""

import math
from fractions import Fraction

import pytest
import sympy as sp

from bargaining.reproductions import rubinstein as paper
from bargaining.solutions import rubinstein


def test_fixed_point_derived_with_sympy_matches_the_exact_split():
    x, y, d1, d2 = sp.symbols("x y d1 d2", positive=True)
    solved = sp.solve([y - d1 * x, (1 - x) - d2 * (1 - y)], [x, y], dict=True)[0]
    for a, b in ((Fraction(9, 10), Fraction(4, 5)), (Fraction(1, 3), Fraction(7, 8))):
        outcome = rubinstein(a, b)
        assert sp.Rational(outcome.payoffs[0]) == solved[x].subs({d1: a, d2: b})
        assert sp.Rational(outcome.responder_payoffs[0]) == solved[y].subs({d1: a, d2: b})


@pytest.mark.parametrize("delta", [0.3, 0.6, 0.95])
def test_bisection_on_the_concave_frontier_matches_the_closed_form(delta):
    assert paper.concave_split(delta) == pytest.approx((1 - delta**2) / (1 - delta**3), abs=1e-12)


def test_brw_split_falls_towards_one_third_as_periods_shrink():
    shares = [
        rubinstein(math.exp(-0.1 * p), math.exp(-0.05 * p)).payoffs[0] for p in (1, 0.1, 0.01)
    ]
    assert shares[0] > shares[1] > shares[2] > 1 / 3


def test_outside_option_binds_exactly_above_the_responders_share():
    threshold = Fraction(9, 19)  # delta/(1 + delta) at delta = 9/10
    delta = Fraction(9, 10)
    below = rubinstein(delta, delta, outside=(None, threshold - Fraction(1, 1000)))
    above = rubinstein(delta, delta, outside=(None, threshold + Fraction(1, 1000)))
    assert below.binding_outside == (False, False)
    assert below.payoffs[0] == Fraction(10, 19)
    assert above.binding_outside == (False, True)
    assert above.payoffs[0] == 1 - threshold - Fraction(1, 1000)
