"""Exact equilibria by lexicographic pivoting: pygambit, the exhaustive exact path and the
float path as oracles, degenerate games, and exact best responses."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings

from bargaining import DegenerateGameWarning, Game
from bargaining.core.equilibria.exact_vertex import (
    exact_vertex_enumeration,
    lexicographic_vertices,
)
from bargaining.core.equilibria.float_vertex import float_vertex_enumeration
from bargaining.core.equilibria.vertex import polytope_vertices, vertex_enumeration
from oracles import import_oracle
from strategies import exact_regrets, integer_games, random_nondegenerate_integer_game

pygambit = import_oracle("pygambit")
F = Fraction


def as_tuples(equilibria):
    return sorted((tuple(x), tuple(y)) for x, y in equilibria)


def gambit_equilibria(A, B):
    game = pygambit.Game.from_arrays(A.tolist(), B.tolist())
    result = pygambit.nash.enummixed_solve(game, rational=True)
    return sorted(
        tuple(tuple(Fraction(eq[s]) for s in player.strategies) for player in game.players)
        for eq in result.equilibria
    )


SHAPES = [(2, 2), (2, 5), (3, 3), (4, 3), (3, 6), (4, 4), (5, 5), (6, 4), (6, 6), (7, 7), (8, 8)]


@pytest.mark.parametrize(("rows", "columns"), SHAPES)
def test_the_same_equilibria_as_pygambit_rational_enummixed(rows, columns):
    rng = np.random.default_rng(100 * rows + columns)
    for _ in range(2 if rows * columns < 64 else 1):  # pygambit takes seconds at 8x8
        A, B = random_nondegenerate_integer_game(rng, rows, columns)
        found, degenerate = exact_vertex_enumeration(A.astype(object), B.astype(object))
        assert not degenerate
        assert as_tuples(found) == gambit_equilibria(A, B)


@pytest.mark.parametrize("seed", range(8))
def test_the_same_equilibria_as_the_float_path_on_random_games(seed):
    size = 6 + seed % 5  # 6x6 to 10x10
    rng = np.random.default_rng(3000 + seed)
    A, B = (rng.integers(-1000, 1000, size=(size, size), endpoint=True) for _ in range(2))
    found, degenerate = exact_vertex_enumeration(A.astype(object), B.astype(object))
    floats, float_degenerate = float_vertex_enumeration(A.astype(float), B.astype(float))
    assert degenerate == float_degenerate
    assert len(found) == len(floats)
    assert np.allclose(
        np.array([[*x, *y] for x, y in as_tuples(found)], dtype=float),
        sorted([*x, *y] for x, y in floats),
        atol=1e-9,
    )


@settings(max_examples=150, deadline=None)
@given(integer_games(max_size=4, low=-3, high=3))
def test_the_same_equilibria_and_degeneracy_as_the_exhaustive_exact_path(game):
    # Payoffs in [-3, 3] make many games degenerate: vertices with more labels
    # than the dimension, reached from several lexicographic bases.
    A, B = game
    found, degenerate = exact_vertex_enumeration(A, B)
    expected, expected_degenerate = vertex_enumeration(A, B)
    assert degenerate == expected_degenerate
    assert as_tuples(found) == as_tuples(expected)


@pytest.mark.parametrize("seed", range(6))
def test_the_same_equilibria_as_the_exhaustive_exact_path_on_larger_games(seed):
    rng = np.random.default_rng(4000 + seed)
    A, B = (rng.integers(-4, 4, size=(5, 6), endpoint=True).astype(object) for _ in range(2))
    found, degenerate = exact_vertex_enumeration(A, B)
    expected, expected_degenerate = vertex_enumeration(A, B)
    assert degenerate == expected_degenerate
    assert as_tuples(found) == as_tuples(expected)


@pytest.mark.parametrize("seed", range(10))
def test_polytope_vertices_equal_the_exhaustive_ones(seed):
    rng = np.random.default_rng(seed)
    rows, columns = 2 + seed % 4, 2 + seed % 3
    matrix = rng.integers(1, 4 if seed % 2 else 1000, size=(rows, columns), endpoint=True)
    vertices, _ = lexicographic_vertices(matrix.T.tolist())
    found = {}
    for labels, (point, determinant) in vertices.items():
        if any(point):  # the exhaustive enumeration leaves out the origin
            found[tuple(F(value, determinant) for value in point)] = frozenset(
                label for label in range(rows + columns) if labels >> label & 1
            )
    assert found == polytope_vertices(matrix.tolist())


def test_the_origin_and_a_square_s_vertices_carry_their_labels():
    # {v >= 0 : 2 v_0 + v_1 <= 1, v_0 + 3 v_1 <= 1}: four vertices, each
    # meeting exactly two of the four constraints.
    vertices, degenerate = lexicographic_vertices([[2, 1], [1, 3]])
    as_fractions = {
        labels: tuple(F(v, determinant) for v in point)
        for labels, (point, determinant) in vertices.items()
    }
    assert as_fractions == {
        0b0011: (0, 0),
        0b0110: (F(1, 2), 0),
        0b1100: (F(2, 5), F(1, 5)),
        0b1001: (0, F(1, 3)),
    }
    assert not degenerate


def test_a_continuum_of_equilibria_gives_its_two_ends_and_warns():
    # Against the first row the column player is indifferent, so every mix
    # of the columns with weight at least 1/2 on the first is an equilibrium
    # with it.
    A = np.array([[1, 1], [0, 2]], dtype=object)
    B = np.array([[1, 1], [0, 1]], dtype=object)
    found, degenerate = exact_vertex_enumeration(A, B)
    assert degenerate
    assert as_tuples(found) == [
        ((0, 1), (0, 1)),
        ((1, 0), (F(1, 2), F(1, 2))),
        ((1, 0), (1, 0)),
    ]
    with pytest.warns(DegenerateGameWarning, match="extreme points"):
        Game(A, B).equilibria()


def test_a_constant_game_has_every_pure_profile_as_an_extreme_equilibrium():
    # Every profile is an equilibrium; the set is the product of the two
    # simplices, whose vertices are the pure profiles.
    zeros = np.zeros((2, 3), dtype=int).astype(object)
    found, degenerate = exact_vertex_enumeration(zeros, zeros)
    assert degenerate
    pure = [
        (tuple(int(i == r) for i in range(2)), tuple(int(j == c) for j in range(3)))
        for r in range(2)
        for c in range(3)
    ]
    assert as_tuples(found) == sorted(pure)


def test_fractional_payoffs_give_the_equilibria_of_the_integer_game_they_scale_to():
    A = np.array([[F(2, 3), 0], [0, F(1, 3)]], dtype=object)
    B = np.array([[F(1, 7), 0], [0, F(2, 7)]], dtype=object)
    found, _ = exact_vertex_enumeration(A, B)
    assert as_tuples(found) == as_tuples(
        exact_vertex_enumeration(
            np.array([[2, 0], [0, 1]], dtype=object), np.array([[1, 0], [0, 2]], dtype=object)
        )[0]
    )
    assert ((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3))) in as_tuples(found)


@settings(max_examples=60, deadline=None)
@given(integer_games(max_size=6, low=-1000, high=1000))
def test_every_equilibrium_is_an_exact_mutual_best_response(game):
    A, B = game
    found, _ = exact_vertex_enumeration(A, B)
    assert found, "every finite game has an equilibrium"
    for x, y in found:
        assert all(isinstance(p, Fraction) for p in (*x, *y))
        assert sum(x) == 1 and sum(y) == 1
        assert min(x) >= 0 and min(y) >= 0
        assert exact_regrets(A, B, x, y) == (0, 0)


def test_game_equilibria_of_an_exact_game_use_the_lexicographic_walk():
    rng = np.random.default_rng(9)
    A, B = random_nondegenerate_integer_game(rng, 6, 7)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DegenerateGameWarning)
        found = Game(A.astype(object), B.astype(object)).equilibria()
    assert as_tuples(found) == gambit_equilibria(A, B)
