"""Hypothesis strategies and oracles shared by the tests."""

from fractions import Fraction

import numpy as np
from hypothesis import strategies as st

from bargaining.core.equilibria.exact_vertex import exact_vertex_enumeration


def integer_matrices(rows, columns, low=-20, high=20):
    return st.lists(
        st.lists(st.integers(low, high), min_size=columns, max_size=columns),
        min_size=rows,
        max_size=rows,
    ).map(lambda m: np.array(m, dtype=object))


@st.composite
def integer_games(draw, max_size=4, low=-20, high=20):
    """A pair of integer payoff matrices of a random shape."""
    rows = draw(st.integers(1, max_size))
    columns = draw(st.integers(1, max_size))
    A = draw(integer_matrices(rows, columns, low, high))
    B = draw(integer_matrices(rows, columns, low, high))
    return A, B


def exact_regrets(A, B, x, y):
    """Each player's gain from the best pure deviation, in exact arithmetic."""
    A = np.array([[Fraction(v) for v in row] for row in A], dtype=object)
    B = np.array([[Fraction(v) for v in row] for row in B], dtype=object)
    return max(A @ y) - x @ A @ y, max(x @ B) - x @ B @ y


def random_nondegenerate_integer_game(rng, rows, columns, low=-1000, high=1000):
    """A random integer game, drawn again until it is nondegenerate."""
    while True:
        A = rng.integers(low, high, size=(rows, columns), endpoint=True)
        B = rng.integers(low, high, size=(rows, columns), endpoint=True)
        exact = [np.vectorize(Fraction, otypes=[object])(M) for M in (A, B)]
        if not exact_vertex_enumeration(*exact)[1]:
            return A, B
