"""Float vertex enumeration: QuantEcon, nashpy and exact enumeration as oracles."""

import warnings
from fractions import Fraction

import nashpy
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import DegenerateGameWarning, Game
from bargaining.core.equilibria.float_vertex import float_vertex_enumeration
from bargaining.core.equilibria.vertex import vertex_enumeration
from oracles import import_oracle
from strategies import integer_games, random_nondegenerate_integer_game

quantecon = import_oracle("quantecon")
BACKENDS = ["auto", "numpy"]  # numba kernels (installed with the dev extra), plain numpy


def rounded(equilibria, digits=8):
    return sorted(
        (tuple(np.round(np.asarray(x, dtype=float), digits)),
         tuple(np.round(np.asarray(y, dtype=float), digits)))
        for x, y in equilibria
    )  # fmt: skip


def quantecon_equilibria(A, B):
    game = quantecon.game_theory.NormalFormGame(
        [quantecon.game_theory.Player(A), quantecon.game_theory.Player(B.T)]
    )
    return quantecon.game_theory.vertex_enumeration(game)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("rows", "columns"), [(2, 2), (2, 5), (4, 3), (6, 6), (8, 8), (10, 7)])
def test_the_same_equilibria_as_quantecon_on_random_games(rows, columns, backend):
    rng = np.random.default_rng(rows * 31 + columns)
    for _ in range(4):
        A, B = rng.standard_normal((rows, columns)), rng.standard_normal((rows, columns))
        found, degenerate = float_vertex_enumeration(A, B, backend=backend)
        assert not degenerate
        assert rounded(found) == rounded(quantecon_equilibria(A, B))


@pytest.mark.parametrize("seed", range(6))
def test_the_same_equilibria_as_nashpy_on_random_games(seed):
    rng = np.random.default_rng(500 + seed)
    A, B = rng.random((5, 5)), rng.random((5, 5))
    found, _ = float_vertex_enumeration(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = list(nashpy.Game(A, B).vertex_enumeration())
    assert rounded(found) == rounded(expected)


@pytest.mark.parametrize("seed", range(6))
def test_the_same_equilibria_as_exact_enumeration_on_nondegenerate_integer_games(seed):
    A, B = random_nondegenerate_integer_game(np.random.default_rng(seed), 5, 6)
    exact, _ = vertex_enumeration(*(M.astype(object) for M in (A, B)))
    found, degenerate = float_vertex_enumeration(A.astype(float), B.astype(float))
    assert not degenerate
    assert rounded(found, 10) == rounded(exact, 10)


@settings(max_examples=80, deadline=None)
@given(integer_games(max_size=5, low=-1000, high=1000), st.sampled_from(BACKENDS))
def test_every_vertex_pair_found_is_a_best_response_pair(game, backend):
    A, B = (M.astype(float) for M in game)
    if min(A.shape) < 2:
        return  # one-action games are solved without polytopes
    found, _ = float_vertex_enumeration(A, B, backend=backend)
    assert found, "every finite game has an equilibrium"
    for x, y in found:
        assert x.min() >= 0 and y.min() >= 0
        assert x.sum() == pytest.approx(1) and y.sum() == pytest.approx(1)
        assert np.max(A @ y) - x @ A @ y <= 1e-9 * 1000
        assert np.max(x @ B) - x @ B @ y <= 1e-9 * 1000


def test_a_degenerate_game_is_flagged_and_its_extreme_equilibria_found():
    # Against the first row the column player is indifferent: the equilibria
    # with it form a segment whose ends are both found.
    A = np.array([[1.0, 1.0], [0.0, 2.0]])
    B = np.array([[1.0, 1.0], [0.0, 1.0]])
    found, degenerate = float_vertex_enumeration(A, B)
    assert degenerate
    assert rounded(found) == rounded(
        vertex_enumeration(A.astype(int).astype(object), B.astype(int).astype(object))[0]
    )
    with pytest.warns(DegenerateGameWarning, match="may miss equilibria"):
        Game(A, B).equilibria()


@settings(max_examples=60, deadline=None)
@given(integer_games(max_size=4, low=-2, high=2), st.sampled_from(BACKENDS))
def test_small_payoff_ranges_give_the_exact_extreme_equilibria(game, backend):
    # Payoffs in [-2, 2] make most games degenerate; the float enumeration
    # still finds every extreme equilibrium that exact enumeration finds.
    A, B = game
    if min(A.shape) < 2:
        return
    exact, exact_degenerate = vertex_enumeration(
        *(np.vectorize(Fraction, otypes=[object])(M) for M in (A, B))
    )
    found, degenerate = float_vertex_enumeration(
        A.astype(float), B.astype(float), backend=backend
    )
    assert degenerate == exact_degenerate
    assert rounded(found) == rounded(exact)


def test_an_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend must be 'auto' or 'numpy', got 'gpu'"):
        float_vertex_enumeration(np.eye(2), np.eye(2), backend="gpu")


def test_a_12x12_float_game_is_solved_through_game_equilibria():
    rng = np.random.default_rng(12)
    A, B = rng.standard_normal((12, 12)), rng.standard_normal((12, 12))
    game = Game(A, B)
    found = game.equilibria()
    assert all(game.is_equilibrium(x, y, tol=1e-9) for x, y in found)
    assert rounded(found) == rounded(quantecon_equilibria(A, B))


@settings(max_examples=80, deadline=None)
@given(integer_games(max_size=5, low=-2, high=2))
def test_facets_that_qhull_split_are_found_among_neighbours(game):
    # A vertex with more labels than its dimension is a facet of the polar that
    # qhull splits into simplices with one equation; the compiled path looks for
    # repeats only among neighbouring facets, and must find every one.
    from scipy.spatial import ConvexHull

    from bargaining.core.equilibria import _compiled_vertex as _compiled

    _, B = game
    rows, columns = B.shape
    if rows < 2:
        return
    points, _ = _compiled.polar_points(B.astype(float))
    hull = ConvexHull(points, qhull_options="Qc")
    _, duplicated = _compiled._simple_masks(
        hull.equations, hull.simplices, hull.neighbors, np.arange(rows + columns)
    )
    assert duplicated == (len(np.unique(hull.equations, axis=0)) < len(hull.equations))
