"""Global-games reproduction: checks beyond the shared table."""

import math

import sympy as sp

from bargaining.labor import formulas as f
from bargaining.reproductions import global_games as paper


def test_the_flat_prior_condition_reduces_to_one_minus_c_in_sympy():
    flat = f.THRESHOLD_CONDITION.subs(
        {f.prior_precision: 0, f.join_cost: sp.Rational(1, 4), f.strike_value: 1}
    )
    # erfinv is odd, so the two quantile terms cancel at 3/4: sympy leaves them, floats show it.
    assert abs(float(flat.subs(f.resilience, sp.Rational(3, 4)))) < 1e-15
    assert abs(float(flat.subs(f.resilience, sp.Rational(7, 10)))) > 0.1


def test_the_uniqueness_references_are_alpha_squared_over_two_pi():
    for alpha, reference in paper.UNIQUENESS.items():
        assert abs(alpha**2 / (2 * math.pi) - reference) < 5e-7
