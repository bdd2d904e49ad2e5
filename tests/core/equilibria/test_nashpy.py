import numpy as np
import pytest

from bargaining import DegenerateGameWarning, Game
from strategies import random_nondegenerate_integer_game


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
