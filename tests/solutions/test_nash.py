from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.core.polygon import ConvexPolygon
from bargaining.solutions import Frontier, nash_bargaining

F = Fraction
x = sp.Symbol("x")

points = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), min_size=1, max_size=6)


def test_concave_frontier_reference_value():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: u2 = sqrt(1 - u1), d
    # = 0 gives (2/3, 1/sqrt(3)).
    outcome = nash_bargaining(Frontier.from_expr(sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert outcome.payoffs == (sp.Rational(2, 3), 1 / sp.sqrt(3))


def test_rescaled_frontier_reference_value_numeric_and_exact():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: u2 = 2 sqrt(1 - u1)
    # gives (0.666667, 1.154701).
    exact = nash_bargaining(Frontier.from_expr(2 * sp.sqrt(1 - x), x, (0, 1)), (0, 0))
    assert exact.payoffs == (sp.Rational(2, 3), 2 / sp.sqrt(3))
    numeric = nash_bargaining(Frontier.from_function(lambda u: 2 * (1 - u) ** 0.5, (0, 1)), (0, 0))
    assert numeric.payoffs == pytest.approx((0.666667, 1.154701), abs=1e-6)


def test_kalai_smorodinsky_monotonicity_sets():
    # Nash (1950) and Kalai-Smorodinsky (1975), computed from the closed form: Nash picks (3/4,
    # 3/4) on S and (1, 0.7) on T ⊃ S.
    s = Frontier.from_points([(0, 0), (1, 0), (0, 1), (F(3, 4), F(3, 4))])
    t = Frontier.from_points([(0, 0), (1, 0), (0, 1), (1, F(7, 10))])
    assert nash_bargaining(s, (0, 0)).payoffs == (F(3, 4), F(3, 4))
    assert nash_bargaining(t, (0, 0)).payoffs == (1, F(7, 10))


def test_asymmetric_nash_on_a_line():
    # Nash (1950) and Kalai-Smorodinsky (1975): on u1 + u2 = 1, u1 = d1 + alpha (1 - d1 - d2).
    line = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    outcome = nash_bargaining(line, (F(1, 5), F(1, 10)), weights=(1, 3))
    assert outcome.payoffs == (F(1, 5) + F(1, 4) * F(7, 10), 1 - F(1, 5) - F(1, 4) * F(7, 10))


def test_asymmetric_nash_on_a_curve_matches_calculus():
    alpha, beta, d = 2, 1, (F(1, 10), F(1, 5))
    outcome = nash_bargaining(Frontier.from_expr(1 - x**2, x, (0, 1)), d, weights=(alpha, beta))
    # Maximise (u - 1/10)^2 (4/5 - u^2) by hand: the derivative's root in (1/10, 1).
    u = sp.Symbol("u")
    product = (u - d[0]) ** alpha * (1 - u**2 - d[1]) ** beta
    roots = [r for r in sp.solve(sp.diff(product, u), u) if r.is_real and 0.1 < r < 1]
    assert len(roots) == 1
    assert sp.simplify(outcome.payoffs[0] - roots[0]) == 0


@pytest.mark.parametrize("bad", [(0, 1), (1, -1), (1,)])
def test_weights_must_be_positive_pairs(bad):
    line = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    with pytest.raises(ValueError, match="weights"):
        nash_bargaining(line, (0, 0), weights=bad)


def _nash_product(point, d):
    return (point[0] - d[0]) * (point[1] - d[1])


@settings(max_examples=60, deadline=None)
@given(points)
def test_nash_solution_is_pareto_optimal_and_beats_the_boundary(cloud):
    cloud = [*cloud, (0, 0)]
    solution = nash_bargaining(Frontier.from_points(cloud), (0, 0)).payoffs
    polygon = ConvexPolygon(cloud)
    assert polygon.contains(solution)
    # Nothing in the set weakly dominates the solution but the solution itself.
    assert polygon.clip(0, solution[0]).clip(1, solution[1]).vertices.tolist() == [list(solution)]
    # A second method: the product on a fine sample of the hull's boundary.
    hull = list(polygon._points)
    for start, end in zip(hull, hull[1:] + hull[:1], strict=True):
        for step in range(11):
            share = F(step, 10)
            sample = tuple(s + share * (e - s) for s, e in zip(start, end, strict=True))
            if min(sample) >= 0:
                assert _nash_product(sample, (0, 0)) <= _nash_product(solution, (0, 0))


@settings(max_examples=60, deadline=None)
@given(
    points,
    st.tuples(st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.fractions(F(1, 5), 5), st.fractions(F(1, 5), 5)),
    st.tuples(st.fractions(-3, 3), st.fractions(-3, 3)),
)
def test_nash_solution_is_invariant_to_positive_affine_rescaling(cloud, d, scale, shift):
    cloud = [*cloud, d]

    def rescale(p):
        return tuple(s * c + t for s, c, t in zip(scale, p, shift, strict=True))

    original = nash_bargaining(Frontier.from_points(cloud), d).payoffs
    moved = nash_bargaining(Frontier.from_points(map(rescale, cloud)), rescale(d)).payoffs
    assert moved == rescale(original)


@settings(max_examples=60, deadline=None)
@given(points, st.integers(0, 4))
def test_nash_solution_of_a_symmetric_problem_is_symmetric(cloud, level):
    symmetric = [*cloud, *((v, u) for u, v in cloud), (level, level)]
    solution = nash_bargaining(Frontier.from_points(symmetric), (level, level)).payoffs
    assert solution[0] == solution[1]
