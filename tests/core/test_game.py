import math
from fractions import Fraction

import nashpy
import numpy as np
import pytest
import sympy as sp

from bargaining import Game

PD_A = [[3, 0], [5, 1]]
PD_B = [[3, 5], [0, 1]]


def test_kind_follows_the_entries():
    assert Game(PD_A, PD_B).kind == "exact"
    assert Game([[Fraction(1, 2), 0], [0, 1]]).kind == "exact"
    assert Game([[0.5, 0], [0, 1]], PD_B).kind == "float"
    x = sp.Symbol("x")
    game = Game([[x, 0], [0, 1]], PD_B)
    assert game.is_symbolic and game.free_symbols == {x}


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_float_arrays_give_the_game_their_entries_would(dtype):
    rng = np.random.default_rng(7)
    A, B = rng.standard_normal((3, 4)).astype(dtype), rng.standard_normal((3, 4)).astype(dtype)
    from_arrays = Game(A, B)
    from_entries = Game(A.tolist(), B.tolist())
    assert from_arrays.kind == from_entries.kind == "float"
    for left, right in zip(from_arrays.payoff_matrices, from_entries.payoff_matrices, strict=True):
        assert left.dtype == right.dtype == np.float64
        assert np.array_equal(left, right)
    A[0, 0] = 99.0  # the game keeps its own copy
    assert from_arrays.payoff_matrices[0][0, 0] != 99.0
    assert np.array_equal(Game(A).payoff_matrices[1], -Game(A).payoff_matrices[0])


def test_missing_column_payoffs_make_a_zero_sum_game():
    game = Game([[1, -1], [-1, 1]])
    A, B = game.payoff_matrices
    assert (A + B == 0).all()


@pytest.mark.parametrize(
    ("A", "B", "message"),
    [
        ([[1, 2], [3]], None, "ragged"),
        ([1, 2], None, "2-dimensional"),
        ([], None, "at least one row"),
        ([[]], None, "at least one row"),
        ([[1, 2]], [[1, 2], [3, 4]], "same shape"),
        ([[1, math.nan]], [[1, 2]], r"A\[0\]\[1\] must be finite"),
        ([[1, 2]], [[math.inf, 2]], r"B\[0\]\[0\] must be finite"),
        (np.zeros((2, 2, 2)), None, "2-dimensional"),
        ("12", None, "2-dimensional"),
        ([[1, "x"]], None, r"A\[0\]\[1\]"),
        (np.array([[1.0, np.nan]]), np.ones((1, 2)), r"A\[0\]\[1\] must be finite"),
        (np.ones((1, 2)), np.array([[1.0, -np.inf]]), r"B\[0\]\[1\] must be finite"),
        (np.array([[1.0, 1e101]]), None, r"A\[0\]\[1\] must be at most"),
        (np.ones((2, 2)), np.ones((2, 3)), "same shape"),
        (np.ones((2, 2), dtype=np.float32), np.ones((1, 2)), "same shape"),
        (np.ones((0, 2)), None, "at least one row"),
    ],
)
def test_bad_payoffs_raise_value_error(A, B, message):
    with pytest.raises(ValueError, match=message):
        Game(A, B)


def test_labels_must_match_the_shape():
    with pytest.raises(ValueError, match="2 rows and 2 columns"):
        Game(PD_A, PD_B, labels=(("C",), ("C", "D")))
    with pytest.raises(ValueError, match="pair"):
        Game(PD_A, PD_B, labels="CD")


def test_subs_substitutes_by_name_and_keeps_exactness():
    w, b = sp.symbols("w b")
    game = Game([[w, 0], [b, 1]], [[1, 0], [0, 1]])
    exact = game.subs(w=Fraction(1, 2), b=0)
    assert exact.kind == "exact" and exact.payoff_matrices[0][0, 0] == Fraction(1, 2)
    assert game.subs(w=0.5, b=0).kind == "float"
    assert game.subs(w=1).is_symbolic
    with pytest.raises(ValueError, match="'z' is not a parameter"):
        game.subs(z=1)
    with pytest.raises(ValueError, match="w must be finite"):
        game.subs(w=math.nan)


def test_symbolic_game_refuses_numeric_questions_until_values_are_given():
    x = sp.Symbol("x")
    game = Game([[x, 0, 1], [0, 1, 2]], [[1, 0, 1], [0, 1, 2]])
    for question in (game.pure_equilibria, game.equilibria, game.feasible_set, game.to_nashpy):
        with pytest.raises(ValueError, match=r"depends on x: give values with \.subs"):
            question()


def test_to_nashpy_gives_the_same_game_in_floats():
    converted = Game([[Fraction(1, 2), 0], [0, 1]], PD_B).to_nashpy()
    assert isinstance(converted, nashpy.Game)
    np.testing.assert_allclose(converted.payoff_matrices[0], [[0.5, 0], [0, 1]])


def test_payoff_and_equilibrium_check():
    game = Game(PD_A, PD_B)
    assert game.payoff([1, 0], [0, 1]) == (0, 5)
    assert game.is_equilibrium([0, 1], [0, 1])
    assert not game.is_equilibrium([1, 0], [1, 0])
    with pytest.raises(ValueError, match="row_strategy must have 2"):
        game.payoff([1, 0, 0], [1, 0])


def test_repr_shows_labels_players_and_payoffs():
    game = Game(PD_A, PD_B, labels=(("C", "D"), ("c", "d")), players=("Ann", "Bob"))
    text = repr(game)
    assert "Game(Ann x Bob, exact)" in text
    assert "(5, 0)" in text and text.splitlines()[2].strip().startswith("C")


def test_latex_names_the_actions_and_typesets_symbols():
    tau = sp.Symbol("tau")
    latex = Game([[tau, 0], [0, 1]], labels=(("Work", "Strike"), ("Share", "Keep")))._repr_latex_()
    assert r"\text{Strike}" in latex and r"\tau" in latex and r"\hline" in latex


def test_pure_equilibria_of_textbook_games():
    assert Game(PD_A, PD_B).pure_equilibria() == [(1, 1)]
    assert Game([[2, 0], [0, 1]], [[1, 0], [0, 2]]).pure_equilibria() == [(0, 0), (1, 1)]
    assert Game([[1, -1], [-1, 1]]).pure_equilibria() == []


def test_feasible_and_individually_rational_sets_of_the_prisoners_dilemma():
    game = Game(PD_A, PD_B)
    assert sorted(map(tuple, game.feasible_set().vertices.tolist())) == [
        (0, 5),
        (1, 1),
        (3, 3),
        (5, 0),
    ]
    rational = game.individually_rational_set()
    assert sorted(map(tuple, rational.vertices.tolist())) == [
        (1, 1),
        (1, Fraction(13, 3)),
        (3, 3),
        (Fraction(13, 3), 1),
    ]
    assert rational.contains((2, 2)) and not rational.contains((Fraction(1, 2), 4))
