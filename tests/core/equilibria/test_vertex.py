"""Exact equilibria: textbook games, properties, and pygambit as an oracle."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import DegenerateGameWarning, Game
from bargaining.core.equilibria.vertex import polytope_vertices
from oracles import import_oracle
from strategies import exact_regrets, integer_games, random_nondegenerate_integer_game

pygambit = import_oracle("pygambit")
F = Fraction


def as_tuples(equilibria):
    return sorted((tuple(x), tuple(y)) for x, y in equilibria)


def test_battle_of_the_sexes_has_two_pure_and_one_mixed_equilibrium():
    found = Game([[2, 0], [0, 1]], [[1, 0], [0, 2]]).equilibria()
    assert as_tuples(found) == [
        ((0, 1), (0, 1)),
        ((F(2, 3), F(1, 3)), (F(1, 3), F(2, 3))),
        ((1, 0), (1, 0)),
    ]


def test_matching_pennies_mixes_evenly():
    ((x, y),) = Game([[1, -1], [-1, 1]]).equilibria()
    assert tuple(x) == tuple(y) == (F(1, 2), F(1, 2))


def test_rock_paper_scissors_mixes_in_thirds():
    A = [[0, -1, 1], [1, 0, -1], [-1, 1, 0]]
    ((x, y),) = Game(A).equilibria()
    assert tuple(x) == tuple(y) == (F(1, 3),) * 3


def test_prisoners_dilemma_defects():
    assert as_tuples(Game([[3, 0], [5, 1]], [[3, 5], [0, 1]]).equilibria()) == [((0, 1), (0, 1))]


def test_degenerate_game_lists_extreme_equilibria_and_warns():
    # The column player is indifferent against the first row, so every mix of
    # the columns with weight at least 1/2 on the first is an equilibrium
    # with the first row: a continuum with two extreme points.
    A = [[1, 1], [0, 2]]
    B = [[1, 1], [0, 1]]
    with pytest.warns(DegenerateGameWarning, match="extreme points"):
        found = Game(A, B).equilibria()
    assert ((1, 0), (1, 0)) in as_tuples(found)
    assert ((1, 0), (F(1, 2), F(1, 2))) in as_tuples(found)


def test_nondegenerate_game_does_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Game([[2, 0], [0, 1]], [[1, 0], [0, 2]]).equilibria()


def test_polytope_vertex_labels_cover_the_dimension():
    vertices = polytope_vertices([[F(2), F(1)], [F(1), F(3)]])
    assert all(len(labels) == 2 for labels in vertices.values())
    assert len(vertices) == 3


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method must be one of auto, vertex"):
        Game([[1]]).equilibria(method="magic")


@given(integer_games())
def test_every_equilibrium_is_an_exact_mutual_best_response(game):
    A, B = game
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        found = Game(A, B).equilibria()
    assert found, "every finite game has an equilibrium"
    for x, y in found:
        assert sum(x) == 1 and sum(y) == 1
        assert all(p >= 0 for p in (*x, *y))
        assert exact_regrets(A, B, x, y) == (0, 0)


@given(integer_games(max_size=3), st.integers(-50, 50), st.integers(1, 7), st.integers(1, 7))
def test_equilibria_invariant_under_positive_affine_rescaling(game, shift, scale_a, scale_b):
    A, B = game
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        original = as_tuples(Game(A, B).equilibria())
        rescaled = as_tuples(Game(A * scale_a + shift, B * scale_b - shift).equilibria())
    assert original == rescaled


def gambit_equilibria(A, B):
    game = pygambit.Game.from_arrays(A.tolist(), B.tolist())
    result = pygambit.nash.enummixed_solve(game, rational=True)
    players = list(game.players)
    return sorted(
        tuple(tuple(Fraction(eq[s]) for s in player.strategies) for player in players)
        for eq in result.equilibria
    )


ORACLE_GAMES = [
    random_nondegenerate_integer_game(
        np.random.default_rng(seed), 2 + seed % 5, 2 + (seed // 5) % 5
    )
    for seed in range(200)
]


@pytest.mark.parametrize("seed", range(200))
def test_exact_equilibria_equal_pygambit_enummixed(seed):
    A, B = ORACLE_GAMES[seed]
    assert as_tuples(Game(A, B).equilibria()) == gambit_equilibria(A, B)


@pytest.mark.parametrize("seed", range(0, 200, 4))
def test_float_equilibria_match_pygambit_within_tolerance(seed):
    A, B = ORACLE_GAMES[seed]
    expected = gambit_equilibria(A, B)
    found = Game(A.astype(float), B.astype(float)).equilibria()
    assert len(found) == len(expected)
    for x, y in found:
        assert any(
            np.allclose(x, [float(v) for v in ex], atol=1e-9)
            and np.allclose(y, [float(v) for v in ey], atol=1e-9)
            for ex, ey in expected
        )
