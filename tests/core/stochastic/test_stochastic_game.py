"""Stochastic games: input checks, one-state games against Abreu-Sannikov, a hand-derived game."""

import warnings
from fractions import Fraction

import numpy as np
import pytest

import bargaining
from bargaining import Game, RepeatedGame, StochasticGame
from bargaining.core.polygon import hausdorff_distance
from bargaining.core.repeated.payoff_sets import ConvergenceWarning, PayoffSet

PD = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
AS_EXAMPLE = Game([[16, 3, 0], [21, 10, -1], [9, 5, -5]], [[9, 13, 3], [1, 4, 0], [0, -4, -15]])
STICK_GAME = Game([[5, 0], [0, 1]], [[5, 10], [1, 0]])
NO_PURE_EQUILIBRIUM = Game([[1, -1], [-2, 1]], [[-1, 2], [2, 0]])
# Labor (Work, Strike) against capital (Share, Keep): w = 0.6, tau = 0.1, b = 0.2, y_s = 0.3.
STRIKE = Game([[0.7, 0.6], [0.3, 0.2]], [[0.3, 0.4], [0.2, 0.3]])
WIDE = Game([[1, 0, 2]], [[0, 1, 3]])


def one_state(game, delta):
    rows, columns = game.shape
    return StochasticGame([game], [np.ones((rows, columns, 1))], delta)


ONE_STATE_CASES = [
    (PD, 0.1),
    (PD, 0.15),
    (PD, 0.5),
    (PD, 0.9),
    (AS_EXAMPLE, 0.3),
    (AS_EXAMPLE, 0.6),
    (STICK_GAME, 0.9),
    (NO_PURE_EQUILIBRIUM, 0.5),
    (STRIKE, 0.3),
    (STRIKE, 0.7),
    (STRIKE, 0.95),
    (WIDE, 0.5),
]


@pytest.mark.parametrize(("game", "delta"), ONE_STATE_CASES)
def test_a_one_state_game_has_the_abreu_sannikov_set_of_its_repeated_game(game, delta):
    (found,) = one_state(game, delta).equilibrium_payoffs()
    expected = RepeatedGame(game, delta).equilibrium_payoffs()
    assert found.is_empty == expected.is_empty
    assert len(found.vertices) == len(expected.vertices)
    if not expected.is_empty:
        assert hausdorff_distance(found.vertices, expected.vertices) <= 1e-9
        # The bracket holds the true set: the inner set lies inside it.
        assert all(expected.contains(v, tol=1e-9) for v in found.inner.vertices)


def test_the_payoff_set_shapes_of_one_state_games_cover_every_degenerate_case():
    shapes = [
        (s.is_empty, s.is_point, s.is_segment)
        for game, delta in ONE_STATE_CASES
        for s in one_state(game, delta).equilibrium_payoffs()
    ]
    assert (True, False, False) in shapes  # empty
    assert (False, True, False) in shapes  # a point
    assert (False, False, True) in shapes  # a segment
    assert (False, False, False) in shapes  # a polygon


def test_a_patient_one_state_dilemma_is_bracketed_tightly():
    (found,) = one_state(PD, 0.9).equilibrium_payoffs()
    assert isinstance(found, PayoffSet) and isinstance(found.outer, PayoffSet)
    np.testing.assert_allclose(found.outer.vertices, found.vertices)
    assert found.gap <= 1e-9 and found.state == 0


# Hand-derived: cooperation in a prisoner's dilemma (state 0) lasts while both
# cooperate; any other profile moves to an absorbing state 1 worth (1, 1) for
# ever. Cooperation needs e_i >= 1 + (1 - delta) / delta from the expected
# continuation e, and the best continuation (3, 3) gives that iff delta >= 1/3.
COOPERATE = Game([[3, 0], [4, 1]], [[3, 4], [0, 1]])
ABSORBED = Game([[1]], [[1]])
STAY_IF_BOTH_COOPERATE = [[[1, 0], [0, 1]], [[0, 1], [0, 1]]]


def absorbing_game(delta):
    return StochasticGame([COOPERATE, ABSORBED], [STAY_IF_BOTH_COOPERATE, [[[0, 1]]]], delta)


def test_a_hand_derived_absorbing_game_sustains_cooperation_from_delta_one_third():
    patient = absorbing_game(Fraction(1, 2)).equilibrium_payoffs()
    np.testing.assert_allclose(patient[0].vertices, [[1, 1], [3, 3]], atol=1e-10)
    np.testing.assert_allclose(patient[1].vertices, [[1, 1]], atol=1e-10)
    assert patient[0].gap <= 1e-9
    for delta in (Fraction(1, 4), Fraction(3, 10)):
        impatient = absorbing_game(delta).equilibrium_payoffs()
        np.testing.assert_allclose(impatient[0].vertices, [[1, 1]], atol=1e-10)
    (barely,) = absorbing_game(0.34).equilibrium_payoffs()[:1]
    assert barely.is_segment


def test_markov_perfect_equilibria_of_the_hand_derived_game():
    # At delta = 1/2 cooperating forever is Markov perfect: deviating earns
    # (1/2) 4 + (1/2) 1 = 2.5 < 3. At 1/4 it earns 3.25 > 3, and only defection is.
    found = absorbing_game(Fraction(1, 2)).markov_perfect()
    assert [e.profile for e in found] == [((0, 0), (0, 0)), ((1, 1), (0, 0))]
    np.testing.assert_allclose(found[0].payoffs, [(3, 3), (1, 1)])
    np.testing.assert_allclose(found[1].payoffs, [(1, 1), (1, 1)])
    impatient = absorbing_game(Fraction(1, 4)).markov_perfect()
    assert [e.profile for e in impatient] == [((1, 1), (0, 0))]
    with pytest.raises(AttributeError):
        found[0].profile = ()


def test_a_one_state_game_has_the_stage_equilibria_as_its_markov_perfect_equilibria():
    for game in (PD, AS_EXAMPLE, STICK_GAME):
        found = one_state(game, 0.5).markov_perfect()
        assert sorted(e.profile[0] for e in found) == sorted(game.pure_equilibria())


def test_a_game_without_pure_equilibria_reports_an_empty_bracket_honestly():
    (found,) = one_state(NO_PURE_EQUILIBRIUM, 0.5).equilibrium_payoffs()
    assert found.is_empty and found.inner.is_empty and found.gap == 0.0
    with pytest.raises(ValueError, match="state 0"):
        found.max(0)
    (stick,) = one_state(STICK_GAME, 0.9).equilibrium_payoffs()
    # No Markov perfect equilibrium to start the inner set from: it stays empty.
    assert not stick.is_empty and stick.inner.is_empty and stick.gap == float("inf")


def test_a_game_whose_payoffs_all_equal_its_minmax_has_that_point_as_its_set():
    # The hull of the stage payoffs is snapped to a grid and can land just
    # below the minmax value; the start must keep it.
    for payoff in (-1, -3, 7):
        constant = Game([[payoff, payoff]], [[payoff, payoff]])
        (found,) = one_state(constant, Fraction(1, 5)).equilibrium_payoffs()
        np.testing.assert_allclose(found.vertices, [[payoff, payoff]], atol=1e-12)
        np.testing.assert_allclose(found.inner.vertices, [[payoff, payoff]], atol=1e-12)


def test_states_with_different_action_counts_and_exact_transitions():
    half = Fraction(1, 2)
    game = StochasticGame(
        [PD, WIDE], [[[[half, half]] * 2] * 2, [[[1, 0], [1, 0], [0, 1]]]], Fraction(9, 10)
    )
    assert game.transitions[0].dtype == object and game.transitions[0][0, 0, 0] == half
    sets = game.equilibrium_payoffs()
    assert len(sets) == 2 and all(not s.is_empty for s in sets)
    assert "2 states: 2x2, 1x3" in repr(game)


def test_inner_can_be_skipped_and_the_profile_count_is_capped():
    game = one_state(AS_EXAMPLE, 0.3)
    (found,) = game.equilibrium_payoffs(inner=False)
    assert found.inner is None and found.gap is None
    with pytest.raises(ValueError, match="max_profiles=4; pass a larger max_profiles"):
        game.equilibrium_payoffs(max_profiles=4)
    with pytest.raises(ValueError, match="9 stationary pure profiles"):
        game.markov_perfect(max_profiles=8)


def test_stopping_early_warns_and_keeps_a_superset():
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        (found,) = one_state(AS_EXAMPLE, 0.3).equilibrium_payoffs(max_iter=2)
    exact = RepeatedGame(AS_EXAMPLE, 0.3).equilibrium_payoffs()
    assert not found.converged
    assert all(found.contains(v, tol=1e-9) for v in exact.vertices)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (([], [], 0.5), "at least one Game"),
        ((PD, [np.ones((2, 2, 1))], 0.5), "stage_games must be a list of Game"),
        (([[[1]]], [np.ones((1, 1, 1))], 0.5), r"stage_games\[0\] must be a Game"),
        (([PD], [np.ones((2, 2, 1))] * 2, 0.5), "one array per state"),
        (([PD], [np.ones((2, 1, 1))], 0.5), r"transitions\[0\] must have shape \(2, 2, 1\)"),
        (([PD, PD], [np.full((2, 2, 2), 0.5), [[[-1, 2]] * 2] * 2], 0.5), ">= 0"),
        (([PD], [np.full((2, 2, 1), 0.9)], 0.5), "sum to 1, got probabilities summing to 0.9"),
        (([PD], [[[["x"]] * 2] * 2], 0.5), r"transitions\[0\]"),
        (([PD], [np.full((2, 2, 1), np.nan)], 0.5), r"transitions\[0\]"),
        (([PD], [np.ones((2, 2, 1))], 1), "delta must lie in"),
        (([PD], [np.ones((2, 2, 1))], 0), "delta must lie in"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(arguments, message):
    with pytest.raises(ValueError, match=message):
        StochasticGame(*arguments)


def test_rows_are_checked_exactly_for_exact_input_and_to_1e_12_for_floats():
    third = Fraction(1, 3)
    with pytest.raises(ValueError, match="summing to 1000000000001/1000000000000"):
        row = [third, Fraction(2, 3) + Fraction(1, 10**12)]
        StochasticGame([PD, PD], [[[row] * 2] * 2] * 2, 0.5)
    StochasticGame([PD, PD], [np.full((2, 2, 2), 0.5) + 4e-13 * np.array([1, -0.5])] * 2, 0.5)
    with pytest.raises(ValueError, match="sum to 1"):
        StochasticGame([PD, PD], [np.full((2, 2, 2), 0.5) + np.array([1e-11, 0])] * 2, 0.5)


def test_symbolic_stage_games_and_bad_options_are_refused():
    import sympy

    x = sympy.Symbol("x")
    with pytest.raises(ValueError, match="needs numeric payoffs"):
        StochasticGame([Game([[x]], [[x]])], [[[[1]]]], 0.5)
    game = one_state(PD, 0.5)
    with pytest.raises(ValueError, match="method must be one of aps"):
        game.equilibrium_payoffs("pencil")
    with pytest.raises(ValueError, match="max_iter"):
        game.equilibrium_payoffs(max_iter=0)
    with pytest.raises(ValueError, match="tol must be a positive number"):
        game.equilibrium_payoffs(tol=-1)


def test_the_public_name_is_exported():
    assert bargaining.StochasticGame is StochasticGame
    assert "StochasticGame" in bargaining.__all__ and "stochastic" in bargaining.core.__all__
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        one_state(PD, 0.5).equilibrium_payoffs()
