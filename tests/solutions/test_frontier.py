from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.solutions import (
    Frontier,
    egalitarian,
    kalai_smorodinsky,
    nash_bargaining,
    rubinstein,
    rubinstein_limit,
)

F = Fraction
x = sp.Symbol("x")


def test_pareto_chain_of_a_polygon_drops_dominated_vertices():
    frontier = Frontier.from_points([(0, 0), (1, 0), (0, 1), (1, F(7, 10)), (F(1, 2), F(1, 2))])
    assert frontier.chain == [(0, 1), (1, F(7, 10))]
    assert frontier.value(F(1, 2)) == F(85, 100)
    assert frontier.exact


def test_a_rising_segment_has_one_pareto_point():
    frontier = Frontier.from_points([(0, 0), (2, 1)])
    assert frontier.chain == [(2, 1)]
    assert nash_bargaining(frontier, (0, 0)).payoffs == (2, 1)


def test_empty_set_is_refused():
    with pytest.raises(ValueError, match="points must hold at least one"):
        Frontier.from_points([])


def test_non_decreasing_function_is_refused_with_the_values():
    with pytest.raises(ValueError, match="strictly decreasing"):
        Frontier.from_function(lambda u: u, (0, 1))
    with pytest.raises(ValueError, match="strictly decreasing"):
        Frontier.from_expr(1 + 0 * x, x, (0, 1))
    with pytest.raises(ValueError, match="u1_range"):
        Frontier.from_function(lambda u: 1 - u, (1, 0))


def test_disagreement_point_outside_the_set_is_refused():
    triangle = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    with pytest.raises(ValueError, match=r"disagreement point \(1, 1\)"):
        nash_bargaining(triangle, (1, 1))
    curve = Frontier.from_expr(sp.sqrt(1 - x), x, (0, 1))
    with pytest.raises(ValueError, match="outside the set"):
        kalai_smorodinsky(curve, (F(1, 2), F(9, 10)))
    with pytest.raises(ValueError, match="outside the set"):
        kalai_smorodinsky(Frontier.from_function(lambda u: 1 - u, (0, 1)), (2, 0))


def test_strings_are_not_parsed():
    with pytest.raises(ValueError):
        Frontier.from_points([("1", "0")])
    with pytest.raises(ValueError):
        Frontier.from_expr("sqrt(1 - x)", x, (0, 1))


def test_polygon_frontier_gives_player_ones_best_payoff_for_a_given_u2():
    frontier = Frontier.from_points([(0, 0), (1, 0), (0, 1), (Fraction(3, 4), Fraction(3, 4))])
    # On the edge from (3/4, 3/4) to (1, 0): u2 = 3/4 - 3 (u1 - 3/4).
    assert frontier.u1_at(Fraction(1, 2)) == Fraction(5, 6)
    # On the edge from (0, 1) to (3/4, 3/4): u2 = 1 - u1 / 3.
    assert frontier.u1_at(Fraction(9, 10)) == Fraction(3, 10)


SOLUTIONS = {"nash": nash_bargaining, "kalai-smorodinsky": kalai_smorodinsky}
SOLUTIONS |= {"egalitarian": egalitarian}


@pytest.mark.parametrize("solve", SOLUTIONS.values(), ids=SOLUTIONS)
@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=1, max_size=5),
    st.fractions(0, 1),
)
def test_no_gains_from_trade_give_the_disagreement_point(solve, cloud, share):
    # A disagreement point on the Pareto frontier leaves nothing to bargain over; the
    # a = 15/16, theta = 0 wage problem (a segment with d at one end) used to divide 0 by 0.
    frontier = Frontier.from_points(cloud)
    chain = frontier.chain
    start, end = chain[int(share * (len(chain) - 1))], chain[-1]
    d = tuple(s + share * (e - s) for s, e in zip(start, end, strict=True))
    if frontier.ideal_point(d) != d:  # d on a flat stretch: a gain remains for one player
        return
    assert solve(frontier, d).payoffs == d


@pytest.mark.parametrize("solve", SOLUTIONS.values(), ids=SOLUTIONS)
def test_a_segment_with_the_disagreement_point_at_its_end(solve):
    d = (F(15, 16), F(1, 16))
    frontier = Frontier.from_points([d, d, (0, 1)])
    assert solve(frontier, d).payoffs == d


def test_alternating_offers_without_gains_give_the_inside_options():
    inside = (F(3, 5), F(2, 5))
    assert rubinstein(F(9, 10), F(1, 2), inside=inside).payoffs == inside
    assert rubinstein(F(9, 10), F(1, 2), inside=inside, proposer=2).payoffs == inside
    assert rubinstein_limit(1, 3, inside=inside).payoffs == inside


@pytest.mark.parametrize("solve", SOLUTIONS.values(), ids=SOLUTIONS)
def test_none_or_garbage_where_a_frontier_is_expected_is_a_value_error(solve):
    with pytest.raises(ValueError, match="frontier must be a Frontier, got None"):
        solve(None, (0, 0))
    with pytest.raises(ValueError, match="points must be payoff pairs"):
        Frontier.from_points(None)
    with pytest.raises(ValueError, match="function must be callable"):
        Frontier.from_function(None, (0, 1))
