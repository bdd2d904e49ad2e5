"""Critical discount factors checked with the automaton simulator on either side."""

import numpy as np
import pytest

from bargaining.core.repeated.automata import Automaton, deviation_gains
from bargaining.problemsets import make_exercise
from bargaining.problemsets.repeated import _dilemma, strike_game

EPSILON, TOL = 1e-3, 1e-12
RELEASES = np.linspace(0.02, 1, 50)


def worst_gain(game, automaton, delta):
    return max(deviation_gains(game, automaton, float(delta)).values())


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("level", ["easy", "medium"])
def test_grim_trigger_threshold_is_where_deviations_stop_paying(seed, level):
    exercise = make_exercise("repeated", seed, 0, level)
    game, threshold = _dilemma(exercise.parameters["dilemma"]), float(exercise.answers[0])
    grim = Automaton.grim_trigger((0, 0), (1, 1))
    assert worst_gain(game, grim, threshold + EPSILON) <= TOL
    assert worst_gain(game, grim, threshold - EPSILON) > TOL


def release_for(discount, delta):
    """Public randomisation giving expected stick discount ``discount`` (see Automaton)."""
    return discount * (1 - delta) / (delta * (1 - discount))


@pytest.mark.parametrize("seed", range(4))
def test_stick_and_carrot_threshold_with_random_strike_length(seed):
    exercise = make_exercise("repeated", seed, 0, "medium")
    w, tau, b, y = exercise.parameters["strike"]
    game, threshold = strike_game(w, tau, b, y), float(exercise.answers[2])
    # Above: the shortest credible strike, E[delta**k] = (w - b)/(w + tau - b), works.
    above = threshold + EPSILON
    release = release_for(float((w - b) / (w + tau - b)), above)
    assert release <= 1
    automaton = Automaton.stick_and_carrot((0, 0), (1, 1), 1, release)
    assert worst_gain(game, automaton, above) <= TOL
    # Below: no strike length works.
    below = threshold - EPSILON
    for release in RELEASES:
        automaton = Automaton.stick_and_carrot((0, 0), (1, 1), 1, float(release))
        assert worst_gain(game, automaton, below) > TOL
    # Grim trigger never makes capital share.
    grim = Automaton.grim_trigger((0, 0), (0, 1))
    assert exercise.answers[1] is None
    assert all(worst_gain(game, grim, d) > TOL for d in (0.5, 0.9, 0.999))


@pytest.mark.parametrize("seed", range(3))
def test_one_period_strike_threshold(seed):
    exercise = make_exercise("repeated", seed, 0, "hard")
    game, threshold = strike_game(*exercise.parameters["strike"]), float(exercise.answers[2])
    automaton = Automaton.stick_and_carrot((0, 0), (1, 1), periods=1)
    assert worst_gain(game, automaton, threshold + EPSILON) <= TOL
    assert worst_gain(game, automaton, threshold - EPSILON) > TOL
