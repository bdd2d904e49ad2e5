"""Gambit .nfg files, nashpy and QuantEcon: round trips keep payoffs, names and kind."""

import io
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.game import MAX_PAYOFF
from bargaining.core.io.interop import (
    from_nashpy,
    from_nfg,
    from_quantecon,
    to_nashpy,
    to_nfg,
    to_quantecon,
)
from oracles import import_oracle
from strategies import integer_games

pygambit = import_oracle("pygambit")

STRIKE = Game(
    [[Fraction(7, 10), Fraction(3, 5)], [Fraction(3, 10), Fraction(1, 5)]],
    [[Fraction(3, 10), Fraction(2, 5)], [Fraction(31, 190), Fraction(5, 19)]],
    labels=(["Work", "Strike"], ["Share", "Keep"]),
    players=("Labor", "Capital"),
)


def _same(game, other):
    return (
        game.kind == other.kind
        and game.labels == other.labels
        and game.players == other.players
        and all(
            np.array_equal(M, N)
            for M, N in zip(game.payoff_matrices, other.payoff_matrices, strict=True)
        )
    )


def _fraction(value):
    return Fraction(str(value))  # pygambit's Rational and Decimal print as "p/q" or decimals


def test_the_nfg_text_has_gambits_outcome_form():
    text = STRIKE.to_nfg("strike")
    assert text.splitlines()[0] == 'NFG 1 R "strike" { "Labor" "Capital" }'
    outcomes = [line for line in text.splitlines() if line.startswith('{ ""')]
    # the first player's strategy changes fastest: (Work, Share), (Strike, Share), ...
    assert outcomes[:2] == ['{ "" 7/10, 3/10 }', '{ "" 3/10, 31/190 }']
    assert text.rstrip().splitlines()[-1] == "1 2 3 4"
    assert _same(Game.from_nfg(text), STRIKE)


@settings()
@given(integer_games(max_size=4, low=-(10**12), high=10**12), st.integers(1, 50))
def test_exact_games_round_trip_through_pygambit(payoffs, denominator):
    A, B = (M * Fraction(1, denominator) for M in payoffs)
    game = Game(A, B)
    ours = game.to_nfg()
    theirs = pygambit.read_nfg(io.StringIO(ours))
    arrays = theirs.to_arrays()
    for mine, gambit in zip(game.payoff_matrices, arrays, strict=True):
        assert [[_fraction(v) for v in row] for row in gambit] == mine.tolist()
    assert _same(Game.from_nfg(theirs.to_nfg()), game)


@settings()
@given(
    st.lists(
        st.floats(-MAX_PAYOFF, MAX_PAYOFF, allow_nan=False), min_size=6, max_size=6
    )
)
def test_float_games_round_trip_exactly(values):
    game = Game(np.reshape(values[:6], (2, 3)), np.reshape(values[::-1], (2, 3)))
    again = Game.from_nfg(game.to_nfg())
    assert _same(again, game)
    gambit = pygambit.read_nfg(io.StringIO(game.to_nfg())).to_arrays()
    assert [[_fraction(v) for v in row] for row in gambit[0]] == [
        [Fraction(repr(v)) for v in row] for row in np.reshape(values[:6], (2, 3)).tolist()
    ]


def test_names_with_quotes_survive_pygambit():
    game = Game(
        [[1, 2]], [[3, 4]], labels=(['say "no"'], ["x", "y"]), players=("Labor", 'Cap"ital')
    )
    theirs = pygambit.read_nfg(io.StringIO(game.to_nfg()))
    assert [p.label for p in theirs.players] == ["Labor", 'Cap"ital']
    assert [s.label for s in theirs.players["Labor"].strategies] == ['say "no"']
    assert _same(Game.from_nfg(game.to_nfg()), game)


def test_payoff_form_null_outcomes_and_pygambits_own_files():
    payoff_form = 'NFG 1 R "t" { "1" "2" } { 2 3 }\n"a comment"\n1 2 3 4 5 6 7 8 9 10 11 12\n'
    game = from_nfg(payoff_form)
    assert game.payoff_matrices[0].tolist() == [[1, 5, 9], [3, 7, 11]]
    assert game.labels == (("1", "2"), ("1", "2", "3"))
    expected = pygambit.read_nfg(io.StringIO(payoff_form)).to_arrays()
    assert game.payoff_matrices[1].tolist() == [[_fraction(v) for v in r] for r in expected[1]]
    outcome_form = 'NFG 1 R "" { "A" "B" } { 2 1 }\n{ { "x" 1 -1/2 } } 0 1'
    assert from_nfg(outcome_form).payoff_matrices[1].tolist() == [[0], [Fraction(-1, 2)]]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "expected NFG"),
        ('NFG 2 R "" { "1" "2" } { 1 1 } 1 1', "format version 1"),
        ('NFG 1 R "" { "1" "2" "3" } { 1 1 1 } 1 1 1', "two-player"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } 1', "a payoff"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } 1 x', "must be a number"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } 1 2 3', "unexpected text"),
        ('NFG 1 R "" { "1" "2" } { 0 1 }', "must be positive"),
        ('NFG 1 R "" { "1" "2" } { 2 2 } 1', "expected a payoff, got None"),
        ('NFG 1 R "" { "1" "2" } { 9 9 } 1 2 3 4 5 6 7 8 9 10', "more payoffs than"),
        ('NFG 1 R "" { "1" "2" } { 99999999 99999999 } 1', "must be positive and fit the file"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } { { "" 1 2 } } 2', "outcome number 2"),
        ('NFG 1 R "oops { "1" "2" } { 1 1 } 1 2', "closing double quote"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } 1e999 2', "must be finite"),
        ('NFG 1 R "" { "1" "2" } { 1 1 } 1/0 2', "must be a number"),
    ],
)
def test_malformed_nfg_text_is_a_value_error(text, fragment):
    with pytest.raises(ValueError, match=None) as caught:
        from_nfg(text)
    assert fragment in str(caught.value)


def test_symbolic_games_cannot_be_written():
    import sympy as sp

    with pytest.raises(ValueError, match="needs numeric payoffs"):
        to_nfg(Game([[sp.Symbol("w")]], [[0]]))


def test_nashpy_round_trip_and_agreement():
    theirs = to_nashpy(STRIKE)
    assert np.allclose(theirs.payoff_matrices[0], STRIKE.payoff_matrices[0].astype(float))
    back = from_nashpy(theirs, labels=STRIKE.labels, players=STRIKE.players)
    assert back.kind == "float" and back.labels == STRIKE.labels
    ours = STRIKE.equilibria()
    found = list(theirs.support_enumeration())
    assert len(found) == len(ours) == 1
    assert np.allclose(found[0][0], ours[0][0].astype(float))


def test_quantecon_round_trip_and_agreement():
    import_oracle("quantecon")
    from quantecon.game_theory import NormalFormGame, pure_nash_brute

    theirs = to_quantecon(STRIKE)
    assert pure_nash_brute(theirs) == STRIKE.pure_equilibria() == [(0, 1)]
    back = from_quantecon(theirs, players=STRIKE.players)
    assert np.allclose(back.payoff_matrices[1], STRIKE.payoff_matrices[1].astype(float))
    integers = from_quantecon(NormalFormGame(np.array([[[1, 3], [2, 4]]])))
    assert integers.is_exact and integers.payoff_matrices[1].tolist() == [[3, 4]]
    with pytest.raises(ValueError, match="two-player"):
        from_quantecon(object())
