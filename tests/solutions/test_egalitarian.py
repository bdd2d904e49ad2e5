from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.core.polygon import ConvexPolygon
from bargaining.solutions import Frontier, egalitarian

F = Fraction
x = sp.Symbol("x")


def test_reference_values():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: egalitarian = (2
    # sqrt 2 - 2, same) for u2 = 2 sqrt(1 - u1),
    # = KS for u2 = sqrt(1 - u1), and (10/13, 10/13) on the kinked set T.
    two = egalitarian(Frontier.from_expr(2 * sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert two.payoffs == (2 * sp.sqrt(2) - 2, 2 * sp.sqrt(2) - 2)
    one = egalitarian(Frontier.from_expr(sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert sp.simplify(one.payoffs[0] - (sp.sqrt(5) - 1) / 2) == 0
    t = Frontier.from_points([(0, 0), (1, 0), (0, 1), (1, F(7, 10))])
    assert egalitarian(t, (0, 0)).payoffs == (F(10, 13), F(10, 13))
    numeric = egalitarian(Frontier.from_function(lambda u: 2 * (1 - u) ** 0.5, (0, 1)), (0, 0))
    assert numeric.payoffs == pytest.approx((0.828427, 0.828427), abs=1e-6)


def test_a_set_that_is_not_comprehensive_stops_the_ray_early():
    # The triangle under the line u2 = u1/3 holds no point d + t(1, 1) with t > 0.
    thin = Frontier.from_points([(0, 0), (3, 1), (1, 0)])
    assert egalitarian(thin, (0, 0)).payoffs == (0, 0)
    # Below a graph the ray may leave through the flat top left of u1 = lo.
    shifted = Frontier.from_expr(1 - x, x, (F(1, 2), 1))
    assert egalitarian(shifted, (0, 0)).payoffs == (F(1, 2), F(1, 2))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=6))
def test_equal_gains_and_maximal(cloud):
    cloud = [*cloud, (1, 1)]
    u1, u2 = egalitarian(Frontier.from_points(cloud), (1, 1)).payoffs
    assert u1 - 1 == u2 - 1
    polygon = ConvexPolygon(cloud)
    assert polygon.contains((u1, u2))
    assert not polygon.contains((u1 + F(1, 1000), u2 + F(1, 1000)))
