"""Lemke-Howson: best responses, QuantEcon as an oracle, degenerate games, exact pivoting."""

import warnings
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import DegenerateGameWarning, Game
from bargaining.core.equilibria.lemke_howson import (
    exact_lemke_howson_equilibria,
    lemke_howson,
    lemke_howson_from_every_label,
)
from oracles import import_oracle
from strategies import exact_regrets, integer_games, random_nondegenerate_integer_game

quantecon = import_oracle("quantecon")
BACKENDS = ["numba", "numpy"]


def float_regret(A, B, x, y):
    return max(np.max(A @ y) - x @ A @ y, np.max(x @ B) - x @ B @ y)


def quantecon_lemke_howson(A, B, label):
    game = quantecon.game_theory.NormalFormGame(
        [quantecon.game_theory.Player(A), quantecon.game_theory.Player(B.T)]
    )
    return quantecon.game_theory.lemke_howson(game, init_pivot=label)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("rows", "columns"), [(2, 2), (3, 5), (6, 6), (10, 10), (12, 7), (30, 30)]
)
def test_every_label_reaches_the_equilibrium_quantecon_reaches(backend, rows, columns):
    rng = np.random.default_rng(rows * 100 + columns)
    for _ in range(3):
        A, B = rng.standard_normal((rows, columns)), rng.standard_normal((rows, columns))
        for label in range(rows + columns):
            x, y = lemke_howson(A, B, label, backend=backend)
            expected_x, expected_y = quantecon_lemke_howson(A, B, label)
            np.testing.assert_allclose(x, expected_x, atol=1e-9)
            np.testing.assert_allclose(y, expected_y, atol=1e-9)
            assert float_regret(A, B, x, y) <= 1e-9


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_100x100_game_is_solved_from_both_players_labels(backend):
    rng = np.random.default_rng(100)
    A, B = rng.standard_normal((100, 100)), rng.standard_normal((100, 100))
    for label in (0, 150):
        x, y = lemke_howson(A, B, label, backend=backend)
        assert x.min() >= 0 and y.min() >= 0
        assert x.sum() == pytest.approx(1) and y.sum() == pytest.approx(1)
        assert float_regret(A, B, x, y) <= 1e-9
        expected_x, expected_y = quantecon_lemke_howson(A, B, label)
        np.testing.assert_allclose(x, expected_x, atol=1e-9)
        np.testing.assert_allclose(y, expected_y, atol=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_exact_pivoting_gives_the_float_equilibrium_exactly(seed):
    A, B = random_nondegenerate_integer_game(np.random.default_rng(seed), 5, 4)
    exact_A, exact_B = A.astype(object), B.astype(object)
    for label in range(9):
        x, y = lemke_howson(exact_A, exact_B, label)
        assert all(isinstance(v, Fraction) for v in (*x, *y))
        assert sum(x) == sum(y) == 1
        assert exact_regrets(A, B, x, y) == (0, 0)
        float_x, float_y = lemke_howson(A.astype(float), B.astype(float), label)
        np.testing.assert_allclose(x.astype(float), float_x, atol=1e-12)
        np.testing.assert_allclose(y.astype(float), float_y, atol=1e-12)


def test_von_stengels_example_from_the_second_row_action():
    # von Stengel (2007), figure 3.3: from label 1 the path ends at the mixed
    # equilibrium ((0, 1/3, 2/3), (1/3, 2/3)).
    A = np.array([[3, 3], [2, 5], [0, 6]], dtype=object)
    B = np.array([[3, 2], [2, 6], [3, 1]], dtype=object)
    x, y = lemke_howson(A, B, 1)
    assert tuple(x) == (0, Fraction(1, 3), Fraction(2, 3))
    assert tuple(y) == (Fraction(1, 3), Fraction(2, 3))


def test_a_degenerate_game_whose_labels_used_to_pivot_without_end_returns():
    # A constant-sum 9x9 game with many payoff ties: some labels never finished
    # on nashpy's tableaux. Lexicographic pivoting reaches an equilibrium from
    # every label, exactly and in floats.
    A = np.random.default_rng(18).integers(0, 4, size=(9, 9))
    exact = lemke_howson_from_every_label(A.astype(object), (1 - A).astype(object))
    assert len(exact) == 18
    for x, y in exact:
        assert exact_regrets(A, 1 - A, x, y) == (0, 0)
    for backend in BACKENDS:
        for label in range(18):
            x, y = lemke_howson(A.astype(float), 1.0 - A, label, backend=backend)
            assert float_regret(A, 1 - A, x, y) <= 1e-9


@settings(max_examples=60, deadline=None)
@given(integer_games(max_size=5, low=-2, high=2), st.data())
def test_exact_pivoting_never_cycles_and_ends_at_an_equilibrium(game, data):
    # Payoffs in [-2, 2] make most games degenerate: without the lexicographic
    # rule the pivoting could cycle.
    A, B = game
    label = data.draw(st.integers(0, sum(A.shape) - 1))
    x, y = lemke_howson(A, B, label)
    assert min(x) >= 0 and min(y) >= 0 and sum(x) == sum(y) == 1
    assert exact_regrets(A, B, x, y) == (0, 0)


@settings(max_examples=60, deadline=None)
@given(integer_games(max_size=6, low=-1000, high=1000), st.data())
def test_float_pivoting_ends_at_a_best_response_pair(game, data):
    A, B = (M.astype(float) for M in game)
    label = data.draw(st.integers(0, sum(A.shape) - 1))
    x, y = lemke_howson(A, B, label, backend=data.draw(st.sampled_from(BACKENDS)))
    assert x.min() >= 0 and y.min() >= 0
    assert float_regret(A, B, x, y) <= 1e-9 * 1000


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_path_longer_than_the_cap_raises_instead_of_running_on(backend):
    # Every path takes at least two pivots: the first leaving variable's label
    # differs from the label that was dropped.
    A, B = random_nondegenerate_integer_game(np.random.default_rng(3), 4, 4)
    with pytest.raises(RuntimeError, match="label 2 took more than 1 pivots"):
        lemke_howson(A.astype(float), B.astype(float), 2, max_pivots=1, backend=backend)
    with pytest.raises(RuntimeError, match="more than 1 pivots"):
        lemke_howson(A.astype(object), B.astype(object), 2, max_pivots=1)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"label": 4}, r"label must be an integer in \[0, 4\), got 4"),
        ({"label": -1}, "label must be .* got -1"),
        ({"label": True}, "label must be .* got True"),
        ({"label": 1.0}, "label must be .* got 1.0"),
        ({"max_pivots": 0}, "max_pivots must be a positive integer, got 0"),
        ({"backend": "gpu"}, "backend must be one of auto, numba, numpy, got 'gpu'"),
    ],
)
def test_bad_arguments_are_refused_by_name(arguments, message):
    with pytest.raises(ValueError, match=message):
        lemke_howson(np.eye(2), np.eye(2), **arguments)


def test_matrices_of_different_shapes_are_refused():
    with pytest.raises(ValueError, match="one shape"):
        lemke_howson(np.eye(2), np.ones((2, 3)))


def test_game_equilibria_of_an_exact_game_are_exact_and_distinct():
    # Battle of the sexes: the labels reach both pure equilibria and not the mixed one.
    game = Game([[2, 0], [0, 1]], [[1, 0], [0, 2]])
    found = game.equilibria("lemke-howson")
    assert [(tuple(x), tuple(y)) for x, y in found] == [((1, 0), (1, 0)), ((0, 1), (0, 1))]
    assert all(isinstance(v, Fraction) for x, y in found for v in (*x, *y))


def test_exact_equilibria_flag_a_degenerate_game():
    # The first row dominates and the column player is indifferent against it:
    # every column mix is an equilibrium with it, and Lemke-Howson lands on one.
    A = np.array([[1, 1], [0, 0]], dtype=object)
    B = np.array([[1, 1], [0, 0]], dtype=object)
    found, degenerate = exact_lemke_howson_equilibria(A, B)
    assert degenerate
    assert found and all(tuple(x) == (1, 0) for x, _ in found)
    assert all(exact_regrets(A, B, x, y) == (0, 0) for x, y in found)
    with pytest.warns(DegenerateGameWarning, match="Lemke-Howson may miss equilibria"):
        Game(A, B).equilibria("lemke-howson")


def test_nondegenerate_exact_game_is_not_flagged():
    A, B = random_nondegenerate_integer_game(np.random.default_rng(7), 4, 4)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = Game(A.astype(object), B.astype(object)).equilibria("lemke-howson")
    assert found


def test_exact_games_too_large_for_exact_pivoting_are_refused():
    with pytest.raises(ValueError, match=r"21x20 exact game .* at most 40 actions"):
        Game(np.ones((21, 20), dtype=int)).equilibria("lemke-howson")


def test_float_games_of_200_actions_are_solved_from_every_label():
    rng = np.random.default_rng(50)
    A, B = rng.standard_normal((50, 50)), rng.standard_normal((50, 50))
    game = Game(A, B)
    found = game.equilibria("lemke-howson")
    assert found
    assert all(game.is_equilibrium(x, y, tol=1e-9) for x, y in found)
