import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.repeated import (
    Automaton,
    RepeatedGame,
    deviation_gains,
    discounted_payoffs,
    play,
    state_values,
)

F = Fraction


def prisoners_dilemma(T, R, P, S):
    return Game([[R, S], [T, P]], [[R, T], [S, P]], labels=(("C", "D"), ("C", "D")))


PD = prisoners_dilemma(10, 9, 3, 1)


def cournot(quantities, cost):
    """Cournot duopoly with inverse demand max(1 - Q, 0) on a grid of quantities."""

    def profit(own, other):
        return own * (max(1 - own - other, 0) - cost)

    A = [[profit(q, r) for r in quantities] for q in quantities]
    return Game(A, [list(row) for row in zip(*A, strict=True)])


@pytest.mark.parametrize(
    ("T", "R", "P", "expected"), [(10, 9, 3, F(1, 7)), (5, 3, 1, F(1, 2)), (2, 1, 0, F(1, 2))]
)
def test_grim_trigger_is_friedman_threshold(T, R, P, expected):
    game = prisoners_dilemma(T, R, P, -1)
    assert RepeatedGame(game).critical_delta((0, 0)) == expected
    by_label = RepeatedGame(game).critical_delta(("C", "C"), "nash", equilibrium=("D", "D"))
    assert by_label == expected
    assert RepeatedGame(game).critical_delta((0, 0), "minmax") == expected


def test_float_game_gives_float():
    game = prisoners_dilemma(10.0, 9.0, 3.0, 1.0)
    assert RepeatedGame(game).critical_delta((0, 0)) == pytest.approx(1 / 7)


def test_symbolic_grim_trigger():
    R, g, h = sp.symbols("R g h", positive=True)
    game = prisoners_dilemma(R + g, R, R - h, R - 2 * h)
    threshold = RepeatedGame(game).critical_delta((0, 0), equilibrium=(1, 1))
    assert sp.simplify(threshold - g / (g + h)) == 0
    with pytest.raises(ValueError, match="equilibrium"):
        RepeatedGame(game).critical_delta((0, 0))


def test_cournot_grim_trigger_nine_seventeenths():
    game = cournot([F(1, 4), F(1, 3), F(3, 8)], 0)
    assert RepeatedGame(game).critical_delta((0, 0), equilibrium=(1, 1)) == F(9, 17)


@pytest.mark.parametrize(
    ("quantities", "cost", "expected"),
    [
        ([F(1, 8), F(1, 4), F(3, 8), F(3, 4)], 0, F(1, 8)),
        ([F(9, 40), F(21, 80), F(27, 80), F(3, 8)], F(1, 10), F(9, 32)),
    ],
)
def test_abreu_stick_and_carrot_in_cournot(quantities, cost, expected):
    game = cournot(quantities, cost)
    collude = (1, 1) if cost == 0 else (0, 0)
    stick = (3, 3)
    repeated = RepeatedGame(game)
    assert repeated.critical_delta(collude, "stick-and-carrot", stick=stick, periods=1) == expected
    # Public randomisation cannot do worse than a one-period stick.
    assert repeated.critical_delta(collude, "stick-and-carrot", stick=stick) <= expected


def test_stick_and_carrot_beats_grim_in_cournot():
    game = cournot([F(1, 8), F(1, 4), F(1, 3), F(3, 8), F(3, 4)], 0)
    repeated = RepeatedGame(game)
    grim = repeated.critical_delta((1, 1), equilibrium=(2, 2))
    stick = repeated.critical_delta((1, 1), "stick-and-carrot", stick=(4, 4), periods=1)
    assert (grim, stick) == (F(9, 17), F(1, 8))


def test_a_stick_no_worse_than_the_path_sustains_nothing():
    repeated = RepeatedGame(PD)
    assert repeated.critical_delta((0, 0), "stick-and-carrot", stick=(0, 1)) is None


def test_a_costly_deviation_that_triggers_a_better_punishment_breaks_the_profile():
    # The column player loses 1 today by deviating but reverts to a Nash payoff of 1.
    game = Game([[1, 0], [2, 0]], [[0, -1], [0, 1]])
    assert RepeatedGame(game).critical_delta((0, 0), equilibrium=(1, 1)) is None


def test_profile_better_than_nothing_for_nobody_is_never_sustained():
    # The column player's dominant action gives it its best payoff: nothing deters it.
    game = Game([[2, 1], [0, 0]], [[0, 3], [0, 1]])
    assert RepeatedGame(game).critical_delta((0, 0)) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-6, 6), min_size=8, max_size=8), st.sampled_from([(0, 0), (0, 1)]))
def test_grim_threshold_matches_one_shot_deviations(payoffs, profile):
    A = np.array(payoffs[:4], dtype=object).reshape(2, 2)
    B = np.array(payoffs[4:], dtype=object).reshape(2, 2)
    game = Game(A, B)
    equilibria = game.pure_equilibria()
    if not equilibria or profile in equilibria:
        return
    nash = equilibria[0]
    threshold = RepeatedGame(game).critical_delta(profile, equilibrium=nash)
    automaton = Automaton.grim_trigger(profile, nash)
    if threshold is None:  # the profile fails for patient enough players
        assert max(deviation_gains(game, automaton, F(999, 1000)).values()) > 0
        return
    if threshold > 0:
        assert max(deviation_gains(game, automaton, threshold).values()) == 0
        assert max(deviation_gains(game, automaton, threshold * F(999, 1000)).values()) > 0
    assert max(deviation_gains(game, automaton, (1 + threshold) / 2).values()) <= 0


def test_stick_and_carrot_threshold_matches_the_simulator():
    game = cournot([F(1, 8), F(1, 4), F(3, 8), F(3, 4)], 0)
    automaton = Automaton.stick_and_carrot((1, 1), (3, 3), periods=1)
    assert max(deviation_gains(game, automaton, F(1, 8)).values()) == 0
    assert max(deviation_gains(game, automaton, F(1, 9)).values()) > 0


def test_random_stick_length_values():
    automaton = Automaton.stick_and_carrot((0, 0), (1, 1), periods=1, release=F(1, 2))
    values = state_values(PD, automaton, F(1, 2))
    # V_s = (1 - d) 3 + d (q 9 + (1 - q) V_s) with d = q = 1/2: (3/4) V_s = 15/4.
    assert values[1] == (F(5), F(5))
    assert values["carrot"] == (F(9), F(9))


def test_play_forward_agrees_with_exact_deviation_gains():
    delta = 0.5
    automaton = Automaton.grim_trigger((0, 0), (1, 1))
    conform = discounted_payoffs(PD, play(automaton, 80), delta)
    deviate = discounted_payoffs(PD, play(automaton, 80, deviation=(0, 0, 1)), delta)
    gain = deviation_gains(PD, automaton, delta)["cooperate", 0]
    assert deviate[0] - conform[0] == pytest.approx(gain, abs=1e-12)
    assert play(automaton, 3, deviation=(1, 1, 1)) == [(0, 0), (0, 1), (1, 1)]


def test_play_needs_public_signals_for_random_transitions():
    automaton = Automaton.stick_and_carrot((0, 0), (1, 1), release=F(1, 2))
    path = play(automaton, 4, deviation=(0, 0, 1), signals=[0.9, 0.1])
    assert path == [(1, 0), (1, 1), (1, 1), (0, 0)]
    with pytest.raises(ValueError, match="public signal"):
        play(automaton, 4, deviation=(0, 0, 1))


@pytest.mark.parametrize("delta", [0, 1, 1.5, -0.2])
def test_bad_delta(delta):
    with pytest.raises(ValueError, match=rf"delta must lie in \(0, 1\), got {delta}"):
        RepeatedGame(PD, delta)
    with pytest.raises(ValueError, match="delta"):
        state_values(PD, Automaton.grim_trigger((0, 0), (1, 1)), delta)


def test_bad_arguments():
    repeated = RepeatedGame(PD, F(1, 2))
    with pytest.raises(ValueError, match=r"punishment must be one of.*'forever'"):
        repeated.critical_delta((0, 0), "forever")
    with pytest.raises(ValueError, match="'Defect' is not one of C, D"):
        repeated.critical_delta(("C", "Defect"))
    with pytest.raises(ValueError, match="stick"):
        repeated.critical_delta((0, 0), "stick-and-carrot")
    with pytest.raises(ValueError, match="periods must be a positive integer, got 0"):
        repeated.critical_delta((0, 0), "stick-and-carrot", stick=(1, 1), periods=0)
    with pytest.raises(ValueError, match="release"):
        Automaton.stick_and_carrot((0, 0), (1, 1), release=0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_iter": 0}, r"max_iter must lie in \[1, "),
        ({"max_iter": -5}, r"max_iter must lie in \[1, "),
        ({"max_iter": 2.5}, "max_iter must be an integer"),
        ({"tol": math.nan}, "tol must be a positive number"),
        ({"tol": -1e-9}, "tol must be a positive number"),
        ({"tol": math.inf}, "tol must be finite"),
        ({"directions": 10**9}, r"directions must lie in \[3, 4096\]"),
        ({"step": 3}, r"unknown options \['step'\]"),
    ],
)
def test_iteration_options_are_checked_before_iterating(options, message):
    with pytest.raises(ValueError, match=message):
        RepeatedGame(Game([[3, 0], [5, 1]], [[3, 5], [0, 1]]), 0.9).equilibrium_payoffs(
            method="outer", **options
        )
