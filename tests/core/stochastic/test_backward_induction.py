"""Backward induction for Markov perfect equilibria of games that only move up, by enumeration."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game, StochasticGame
from bargaining.core.stochastic.backward_induction import upward_markov_perfect


@st.composite
def upward_games(draw, states=3):
    """Integer 2x2 games whose every profile stays or moves to a drawn higher state."""
    games, transitions = [], []
    for s in range(states):
        cells = st.lists(st.integers(-5, 5), min_size=4, max_size=4)
        games.append(Game(*(np.array(draw(cells)).reshape(2, 2).tolist() for _ in "AB")))
        targets = draw(st.lists(st.integers(s, states - 1), min_size=4, max_size=4))
        transitions.append(np.eye(states, dtype=int)[targets].reshape(2, 2, states))
    delta = draw(st.sampled_from([Fraction(1, 5), Fraction(1, 2), Fraction(4, 5)]))
    return StochasticGame(games, transitions, delta)


@settings(max_examples=40, deadline=None)
@given(upward_games())
def test_backward_induction_finds_the_markov_perfect_equilibria_of_enumeration(game):
    found = upward_markov_perfect(game._stages(), float(game.delta), 1e-12)
    enumerated = {e.profile: e.payoffs for e in game.markov_perfect()}
    assert {profile for _, profile in found} == set(enumerated)
    for values, profile in found:
        np.testing.assert_allclose(values, np.array(enumerated[profile]), atol=1e-12)


def test_backward_induction_refuses_random_or_downward_moves():
    dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    down = [[[1, 0], [0, 1]], [[0, 1], [0, 1]]]
    stay = [[[0, 1], [0, 1]], [[0, 1], [0, 1]]]
    game = StochasticGame([dilemma, dilemma], [stay, down], 0.5)
    with pytest.raises(ValueError, match=r"transitions\[1\]"):
        upward_markov_perfect(game._stages(), 0.5, 1e-12)
    halves = [[[Fraction(1, 2)] * 2] * 2] * 2
    game = StochasticGame([dilemma, dilemma], [halves, stay], 0.5)
    with pytest.raises(ValueError, match=r"transitions\[0\]"):
        upward_markov_perfect(game._stages(), 0.5, 1e-12)
