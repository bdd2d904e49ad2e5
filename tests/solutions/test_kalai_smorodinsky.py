from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.core.polygon import ConvexPolygon
from bargaining.solutions import Frontier, kalai_smorodinsky

F = Fraction
x = sp.Symbol("x")
points = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=6)


def test_concave_frontier_reference_values():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: KS = ((sqrt 5 -
    # 1)/2, same) for u2 = sqrt(1 - u1), and
    # (0.618034, 1.236068) for u2 = 2 sqrt(1 - u1) (the ideal point is (1, 2)).
    golden = (sp.sqrt(5) - 1) / 2
    one = kalai_smorodinsky(Frontier.from_expr(sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert one.payoffs == (golden, golden) and one.ideal == (1, 1)
    two = kalai_smorodinsky(Frontier.from_expr(2 * sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert sp.simplify(two.payoffs[0] - golden) == 0
    assert sp.simplify(two.payoffs[1] - 2 * golden) == 0
    numeric = kalai_smorodinsky(
        Frontier.from_function(lambda u: 2 * (1 - u) ** 0.5, (0, 1)), (0, 0)
    )
    assert numeric.payoffs == pytest.approx((0.618034, 1.236068), abs=1e-6)


def test_monotonicity_example():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: KS gives (3/4, 3/4)
    # on S and (10/13, 10/13) on T ⊃ S.
    s = Frontier.from_points([(0, 0), (1, 0), (0, 1), (F(3, 4), F(3, 4))])
    t = Frontier.from_points([(0, 0), (1, 0), (0, 1), (1, F(7, 10))])
    assert kalai_smorodinsky(s, (0, 0)).payoffs == (F(3, 4), F(3, 4))
    assert kalai_smorodinsky(t, (0, 0)).payoffs == (F(10, 13), F(10, 13))


def test_free_disposal_wall_and_top():
    # Below u2 = 1 - u1/2 on [0, 1]: ideal point from d = 0 is (1, 1); the ray
    # u2 = u1 meets the graph at u1 = 2/3.
    outcome = kalai_smorodinsky(Frontier.from_expr(1 - x / 2, x, (0, 1)), (0, 0))
    assert outcome.payoffs == (sp.Rational(2, 3), sp.Rational(2, 3))


@settings(max_examples=60, deadline=None)
@given(points, st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=4))
def test_restricted_monotonicity(cloud, extra):
    s_points = [*cloud, (0, 0)]
    small = Frontier.from_points(s_points)
    ideal = small.ideal_point((0, 0))
    # Grow the set without raising either player's ideal payoff.
    grown = [(min(u, ideal[0]), min(v, ideal[1])) for u, v in extra]
    large = Frontier.from_points(s_points + grown)
    assert large.ideal_point((0, 0)) == ideal
    before = kalai_smorodinsky(small, (0, 0)).payoffs
    after = kalai_smorodinsky(large, (0, 0)).payoffs
    assert after[0] >= before[0] and after[1] >= before[1]
    # The solution lies on the segment from d to the ideal point, and is Pareto optimal.
    assert after[0] * ideal[1] == after[1] * ideal[0]
    polygon = ConvexPolygon(s_points + grown)
    assert polygon.clip(0, after[0]).clip(1, after[1]).vertices.tolist() == [list(after)]
