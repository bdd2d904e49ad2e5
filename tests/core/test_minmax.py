import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given

from bargaining import DegenerateGameWarning, Game
from strategies import integer_games


def test_matching_pennies_mixed_minmax_is_zero_and_pure_is_one():
    game = Game([[1, -1], [-1, 1]])
    mixed = game.minmax()
    assert tuple(mixed) == (0, 0)
    assert tuple(mixed.punish_row) == (Fraction(1, 2), Fraction(1, 2))
    assert tuple(game.minmax(mixed=False)) == (1, 1)


def test_float_minmax_uses_the_linear_program():
    mixed = Game([[1.0, -1.0], [-1.0, 1.0]]).minmax()
    assert mixed.row == pytest.approx(0, abs=1e-12)
    np.testing.assert_allclose(mixed.punish_row, [0.5, 0.5], atol=1e-9)


def test_symbolic_pure_minmax_is_an_expression():
    w, b = sp.symbols("w b", positive=True)
    game = Game([[w, w], [b, b]], [[1 - w, 1], [0, 0]])
    assert game.minmax(mixed=False).row == sp.Max(w, b)
    with pytest.raises(ValueError, match="minmax"):
        game.minmax()


@given(integer_games(max_size=4))
def test_exact_and_linear_program_minmax_agree(game):
    A, B = game
    exact = Game(A, B).minmax()
    floats = Game(A.astype(float), B.astype(float)).minmax()
    assert float(exact.row) == pytest.approx(floats.row, abs=1e-7)
    assert float(exact.column) == pytest.approx(floats.column, abs=1e-7)


@given(integer_games(max_size=4))
def test_minmax_lies_below_pure_minmax_and_every_equilibrium_payoff(game):
    A, B = game
    g = Game(A, B)
    mixed, pure = g.minmax(), g.minmax(mixed=False)
    assert mixed.row <= pure.row and mixed.column <= pure.column
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        for x, y in g.equilibria():
            u_row, u_column = g.payoff(x, y)
            assert u_row >= mixed.row and u_column >= mixed.column
    # The punisher's strategy really holds the player to the value.
    assert max(g.payoff_matrices[0] @ mixed.punish_row) == mixed.row
    assert max(mixed.punish_column @ g.payoff_matrices[1]) == mixed.column
