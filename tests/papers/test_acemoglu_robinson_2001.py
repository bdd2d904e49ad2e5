"""Acemoglu-Robinson reproduction: checks beyond the shared table."""

from fractions import Fraction as F

import pytest
import sympy as sp

from bargaining.labor.revolution import critical_cost, democracy_cost, regime
from bargaining.reproductions import acemoglu_robinson as paper


def test_mu_star_follows_from_the_citizens_value_recursion():
    # Citizens' values with the threat present (promise kept) and absent:
    #   V1 = y_p + gain + beta*(q V1 + (1-q) V0),  V0 = y_p + beta*(q V1 + (1-q) V0);
    # mu* makes revolt, (1 - mu)/(1 - delta) forever, exactly as good as V1.
    theta, delta, beta, q, mu, v1, v0 = sp.symbols("theta delta beta q mu V1 V0")
    tax = (theta - delta) / (1 - delta)
    gain = tax * (theta - delta) / (1 - delta) - tax**2 / 2
    income = (1 - theta) / (1 - delta)
    values = sp.solve(
        [
            v1 - income - gain - beta * (q * v1 + (1 - q) * v0),
            v0 - income - beta * (q * v1 + (1 - q) * v0),
        ],
        [v1, v0],
    )
    (critical,) = sp.solve((1 - mu) / ((1 - delta) * (1 - beta)) - values[v1], mu)
    for row in paper.ROWS:
        at = dict(zip((theta, delta, beta, q), map(sp.nsimplify, row), strict=True))
        assert float(critical_cost(*row)) == pytest.approx(float(critical.subs(at)), abs=1e-12)


@pytest.mark.parametrize(
    ("mu", "expected"),
    [
        (F(61, 100), "no-threat"),
        (F(3, 5), "no-threat"),
        (F(563, 1000), "redistribute"),
        (F(562, 1000), "democratize"),
        (F(1, 2), "democratize"),
        (F(49, 100), "repress"),
    ],
)
def test_regimes_on_both_sides_of_each_boundary(mu, expected):
    assert regime(mu, F(3, 5), F(1, 5), F(9, 10), F(3, 10)) == expected


def test_a_more_persistent_threat_lowers_mu_star_between_democracy_and_theta():
    levels = [critical_cost(0.6, 0.2, 0.9, q) for q in (0.0, 0.3, 0.7, 1.0)]
    assert levels == sorted(levels, reverse=True)
    assert democracy_cost(0.6, 0.2) == pytest.approx(levels[-1])
    assert levels[0] < 0.6
