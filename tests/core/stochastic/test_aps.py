"""The APS operator on polygons: Minkowski combinations, clipping, and the bracket it iterates."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings

from bargaining.core.polygon import ConvexPolygon, hausdorff_distance, hull_array
from bargaining.core.stochastic.aps import (
    EMPTY,
    clip_to_quadrant,
    minkowski_combination,
    punishments,
    set_distance,
)
from stochastic_games import brute_force_minmax, small_stochastic_games

SQUARE = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
TRIANGLE = np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0]])


def test_minkowski_combination_of_a_square_and_a_triangle():
    # Half the unit square plus half the triangle: a pentagon with the edges of both.
    found = minkowski_combination([SQUARE, TRIANGLE], [0.5, 0.5])
    expected = [[0, 0], [1.5, 0], [1.5, 0.5], [0.5, 1.5], [0, 1.5]]
    # Counter-clockwise, with the collinear vertices where parallel edges meet.
    np.testing.assert_allclose(hull_array(found), expected, atol=1e-12)
    edges = np.roll(found, -1, axis=0) - found
    assert np.all(
        edges[:, 0] * np.roll(edges, -1, axis=0)[:, 1]
        - edges[:, 1] * np.roll(edges, -1, axis=0)[:, 0]
        >= -1e-12
    )


def test_minkowski_combination_skips_zero_weights_and_is_empty_with_an_empty_set():
    np.testing.assert_allclose(minkowski_combination([SQUARE, EMPTY], [1.0, 0.0]), SQUARE)
    assert not len(minkowski_combination([SQUARE, EMPTY], [0.5, 0.5]))
    point, segment = np.array([[2.0, 2.0]]), np.array([[0.0, 0.0], [2.0, 0.0]])
    np.testing.assert_allclose(
        minkowski_combination([point, segment], [0.5, 0.5]), [[1, 1], [2, 1]]
    )


def test_clipping_to_a_quadrant_keeps_exactly_the_points_above_the_corner():
    clipped = clip_to_quadrant(TRIANGLE, np.array([0.5, 0.5]), 1e-12)
    expected = np.array([[0.5, 0.5], [1.5, 0.5], [0.5, 1.5]])
    assert hausdorff_distance(clipped, expected) < 1e-12
    assert not len(clip_to_quadrant(TRIANGLE, np.array([1.5, 1.5]), 1e-12))
    segment = np.array([[0.0, 0.0], [2.0, 2.0]])
    assert (
        hausdorff_distance(
            clip_to_quadrant(segment, np.array([1.0, 0.0]), 1e-12),
            np.array([[1.0, 1.0], [2.0, 2.0]]),
        )
        < 1e-12
    )
    point = np.array([[1.0, 1.0]])
    assert len(clip_to_quadrant(point, np.array([1.0, 1.0]), 1e-12)) == 1
    assert not len(clip_to_quadrant(point, np.array([1.0, 1.1]), 1e-12))


def test_punishments_and_distances_treat_empty_sets():
    np.testing.assert_allclose(punishments([TRIANGLE, EMPTY]), [[0, 0], [np.inf, np.inf]])
    assert set_distance(EMPTY, EMPTY) == 0.0 and set_distance(EMPTY, SQUARE) == np.inf


@settings(max_examples=25, deadline=None)
@given(small_stochastic_games())
def test_the_bracket_holds_on_random_two_state_games(game):
    """Inner within outer, Markov perfect payoffs inside inner, everything individually rational.

    Individual rationality is checked against each player's pure minmax value
    per state computed by brute force (the opponent's worst stationary
    strategy against the player's best stationary reply): every vertex of the
    inner and the outer set gives each player at least that, to 1e-9.
    """
    sets = game.equilibrium_payoffs()
    floor = np.stack([brute_force_minmax(game, player) for player in (0, 1)], axis=1)
    equilibria = game.markov_perfect()
    for s, found in enumerate(sets):
        outer = ConvexPolygon(map(tuple, found.outer.vertices))
        assert all(outer.contains(v, tol=1e-9) for v in found.inner.vertices)
        inner = ConvexPolygon(map(tuple, found.inner.vertices))
        for equilibrium in equilibria:
            assert inner.contains(equilibrium.payoffs[s], tol=1e-9)
        for vertices in (found.outer.vertices, found.inner.vertices):
            assert np.all(vertices >= floor[s] - 1e-9)
        if equilibria:
            assert not found.is_empty and found.gap < np.inf
        assert found.gap >= 0 and (
            found.gap == 0 or not found.inner.is_empty or found.is_empty or found.gap == np.inf
        )


@pytest.mark.parametrize("delta", [Fraction(1, 5), Fraction(4, 5)])
def test_an_independent_transition_makes_the_sets_equal_across_states(delta):
    # When the next state never depends on the current one, the continuation
    # sets are the same from every state, and two states with one stage game
    # have the same payoff set.
    from bargaining import Game, StochasticGame

    dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    mix = np.full((2, 2, 2), Fraction(1, 2), dtype=object)
    first, second = StochasticGame([dilemma, dilemma], [mix, mix], delta).equilibrium_payoffs()
    assert hausdorff_distance(first.vertices, second.vertices) < 1e-12
    repeated = StochasticGame([dilemma], [np.ones((2, 2, 1))], delta).equilibrium_payoffs()[0]
    assert hausdorff_distance(first.vertices, repeated.vertices) < 1e-9
