import subprocess
import sys
import time
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from bargaining import DegenerateGameWarning, Game
from bargaining.core.equilibria import _nashpy
from bargaining.core.equilibria._nashpy import MAX_ACTIONS
from bargaining.core.equilibria.float_vertex import float_vertex_arrays
from strategies import integer_games, random_nondegenerate_integer_game


@pytest.mark.parametrize("method", ["auto", "vertex", "support", "lemke-howson"])
@pytest.mark.parametrize("seed", range(5))
def test_nashpy_methods_find_equilibria_of_the_exact_solution(method, seed):
    A, B = random_nondegenerate_integer_game(np.random.default_rng(1000 + seed), 3, 3)
    exact = Game(A, B).equilibria()
    found = Game(A.astype(float), B.astype(float)).equilibria(method=method)
    assert found
    for x, y in found:
        assert any(
            np.allclose(x, ex.astype(float), atol=1e-9)
            and np.allclose(y, ey.astype(float), atol=1e-9)
            for ex, ey in exact
        )
    if method in ("auto", "vertex", "support"):
        assert len(found) == len(exact)


def test_exact_game_solved_by_support_enumeration_gives_floats():
    ((x, _y),) = Game([[1, -1], [-1, 1]]).equilibria(method="support")
    assert x.dtype == float
    np.testing.assert_allclose(x, [0.5, 0.5])


def test_degenerate_float_game_warns_that_the_list_may_be_incomplete():
    with pytest.warns(DegenerateGameWarning, match="may miss equilibria"):
        Game([[1.0, 1.0], [0.0, 2.0]], [[1.0, 1.0], [0.0, 1.0]]).equilibria()


def test_lemke_howson_keeps_the_labels_that_worked_on_a_constant_sum_game():
    # 1 - A: in nashpy some labels fail to pivot on this degenerate game; the run used to
    # be discarded and exact enumeration took 50 s. The labels that worked suffice.
    rng = np.random.default_rng(18)
    A = rng.integers(0, 4, size=(9, 9)).astype(float)
    game = Game(A, 1 - A)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        found = game.equilibria("lemke-howson")
    assert time.perf_counter() - start < 20
    assert found
    for x, y in found:
        assert game.is_equilibrium(x, y, tol=1e-7)


@pytest.mark.parametrize("method", ["auto", "vertex", "support", "lemke-howson"])
def test_float_games_too_large_for_the_method_are_refused_at_once(method):
    size = MAX_ACTIONS[method] // 2 + 1
    payoffs = np.sqrt(np.arange(size * size, dtype=float).reshape(size, size) + 2)
    game = Game(payoffs, payoffs.T)  # building a 201x201 game takes a second by itself
    start = time.perf_counter()
    with pytest.raises(ValueError, match=rf"{size}x{size} float game .* at most"):
        game.equilibria(method)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("size", [20, 100])
def test_a_large_irrational_game_from_a_file_is_refused_with_one_line(tmp_path, size):
    # 100x100 used to crash the process inside qhull (segmentation fault, then free()).
    rows = ", ".join("[" + ", ".join(f'"sqrt({i + j + 2})"' for j in range(size)) + "]"
                     for i in range(size))
    path = tmp_path / "big.toml"
    path.write_text(f"[payoffs]\nrow = [{rows}]\ncolumn = [{rows}]\n")
    result = subprocess.run(
        [sys.executable, "-m", "bargaining.cli", "solve", str(path)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and f"{size}x{size} float game" in result.stderr


def checked_both_ways(monkeypatch, A, B, X, Y, tol=1e-9):
    """``_checked`` with the numba kernel and with numpy arrays, on copies of the candidates."""
    (A, largest_a), (B, largest_b) = _nashpy._positive(A), _nashpy._positive(B)
    scale = max(largest_a, largest_b)
    compiled = _nashpy._checked(A, B, X.copy(), Y.copy(), tol, scale)
    monkeypatch.setattr(_nashpy, "has_numba", lambda: False)
    plain = _nashpy._checked(A, B, X.copy(), Y.copy(), tol, scale)
    monkeypatch.undo()
    return compiled, plain


def assert_same_equilibria(first, second):
    assert len(first) == len(second)
    for (x, y), (x2, y2) in zip(first, second, strict=True):
        np.testing.assert_allclose(x, x2, rtol=0, atol=1e-14)
        np.testing.assert_allclose(y, y2, rtol=0, atol=1e-14)


@pytest.mark.parametrize("seed", range(8))
def test_the_check_keeps_each_equilibrium_once_and_drops_the_rest(monkeypatch, seed):
    # The candidates: every equilibrium, a copy of each moved by rounding noise
    # (one entry slightly negative), pairs that are not equilibria, and a NaN row.
    rng = np.random.default_rng(300 + seed)
    A, B = rng.standard_normal((6, 5)), rng.standard_normal((6, 5))
    X, Y, _ = float_vertex_arrays(A, B)
    noise_x = np.where(X > 0, 1e-12, -1e-14)
    strangers_x, strangers_y = rng.dirichlet(np.ones(6), 3), rng.dirichlet(np.ones(5), 3)
    candidates_x = np.vstack([strangers_x, X + noise_x, np.full((1, 6), np.nan), X])
    candidates_y = np.vstack([strangers_y, Y, np.ones((1, 5)) / 5, Y])
    (compiled, compiled_degenerate), (plain, plain_degenerate) = checked_both_ways(
        monkeypatch, A, B, candidates_x, candidates_y
    )
    assert not compiled_degenerate and not plain_degenerate
    assert_same_equilibria(compiled, plain)
    assert len(compiled) == len(X)
    for x, y in compiled:
        assert x.min() >= 0 and y.min() >= 0 and x.sum() == pytest.approx(1, abs=1e-15)
        assert any(
            np.allclose(x, ex, atol=1e-11) and np.allclose(y, ey)
            for ex, ey in zip(X, Y, strict=True)
        )
    keys = [(tuple(-x), tuple(-y)) for x, y in compiled]
    assert keys == sorted(keys)


@settings(max_examples=60, deadline=None)
@given(integer_games(max_size=4, low=-2, high=2))
def test_the_numba_check_and_the_numpy_check_agree_on_degenerate_games(game):
    # Payoffs in [-2, 2]: most games are degenerate, with ties that the
    # degeneracy test and the merging must treat alike in both versions.
    A, B = (M.astype(float) for M in game)
    if min(A.shape) < 2:
        return
    X, Y, _ = float_vertex_arrays(A, B)
    with pytest.MonkeyPatch.context() as monkeypatch:
        (compiled, compiled_degenerate), (plain, plain_degenerate) = checked_both_ways(
            monkeypatch, A, B, np.vstack([X, X]), np.vstack([Y, Y])
        )
    assert compiled_degenerate == plain_degenerate
    assert_same_equilibria(compiled, plain)
    assert compiled, "every finite game has an equilibrium"
    game = Game(A, B)
    assert all(game.is_equilibrium(x, y, tol=1e-9) for x, y in compiled)


@given(
    hnp.arrays(
        float,
        st.tuples(st.integers(1, 4), st.integers(1, 4)),
        elements=st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False),
    )
)
def test_positive_payoffs_are_at_least_one_and_their_largest_entry_is_exact(payoffs):
    shifted, largest = _nashpy._positive(payoffs)
    assert np.isfinite(shifted).all()
    assert shifted.min() == 1.0
    assert largest == shifted.max()


def test_nashpy_enumerates_the_vertices_when_qhull_fails(monkeypatch):
    from scipy.spatial import QhullError

    def qhull_fails(A, B):
        raise QhullError("QH6154 initial hull is narrow")

    A, B = random_nondegenerate_integer_game(np.random.default_rng(9), 4, 4)
    exact = Game(A, B).equilibria()
    monkeypatch.setattr(_nashpy, "float_vertex_arrays", qhull_fails)
    found = Game(A.astype(float), B.astype(float)).equilibria()

    def rounded(equilibria):
        return sorted(
            (tuple(np.round(x.astype(float), 9)), tuple(np.round(y.astype(float), 9)))
            for x, y in equilibria
        )

    assert len(exact) > 1
    assert rounded(found) == rounded(exact)
