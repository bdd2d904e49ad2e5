"""Stationary profiles: Markov perfect equilibria, minmax values and the inner seed, by oracle."""

from fractions import Fraction

import numpy as np
from hypothesis import given, settings

from bargaining import Game, StochasticGame
from bargaining.core.polygon import ConvexPolygon
from bargaining.core.stochastic import markov
from bargaining.core.stochastic.aps import generate
from stochastic_games import (
    brute_force_minmax,
    exact_best_deviation,
    exact_profile_values,
    small_stochastic_games,
)


@settings(max_examples=30, deadline=None)
@given(small_stochastic_games())
def test_markov_perfect_equilibria_are_exactly_the_stationary_profiles_without_gains(game):
    found = {e.profile: e for e in game.markov_perfect()}
    shapes = [g.shape for g in game.stage_games]
    for flat in np.ndindex(*(r * c for r, c in shapes)):
        cells = (np.unravel_index(k, shape) for k, shape in zip(flat, shapes, strict=True))
        profile = tuple((int(r), int(c)) for r, c in cells)
        values = exact_profile_values(game, profile)
        unprofitable = all(
            exact_best_deviation(game, profile, values, s, i) <= values[s][i]
            for s in range(game.n_states)
            for i in (0, 1)
        )
        # Exact ties are equilibria; the float test allows 1e-12, which only
        # exact ties of integer games can sit within.
        assert (profile in found) == unprofitable
        if unprofitable:
            np.testing.assert_allclose(found[profile].payoffs, np.array(values, float), atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(small_stochastic_games())
def test_stationary_minmax_is_the_opponents_best_stationary_punishment(game):
    stages = game._stages()
    found = markov.stationary_minmax(stages, float(game.delta), 1e-13)
    for player in (0, 1):
        np.testing.assert_allclose(found[:, player], brute_force_minmax(game, player), atol=1e-11)


@settings(max_examples=30, deadline=None)
@given(small_stochastic_games())
def test_the_inner_seed_is_self_generating_and_holds_every_markov_perfect_payoff(game):
    stages, delta = game._stages(), float(game.delta)
    seed = markov.self_generating_seed(stages, delta, 1e-12)
    generated = generate(seed, stages, delta, 1e-12)
    for s, (start, image) in enumerate(zip(seed, generated, strict=True)):
        image = ConvexPolygon(map(tuple, image))
        assert all(image.contains(v, tol=1e-9) for v in start)
        start = ConvexPolygon(map(tuple, start))
        for equilibrium in game.markov_perfect():
            assert start.contains(equilibrium.payoffs[s], tol=1e-9)


def test_the_dilemma_seed_holds_cooperation_and_its_punishment():
    dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    stages = StochasticGame([dilemma], [np.ones((2, 2, 1))], Fraction(1, 2))._stages()
    # Grim trigger sustains (C, C) from delta = 1/7. At 1/2 the stick (D, C)
    # once, then (C, C), is worth (10, 1) / 2 + (9, 9) / 2 = (9.5, 5), and the
    # column player's deviation earns only 3 / 2 + 3 / 2 = 3 < 5; so is (C, D).
    (seed,) = markov.self_generating_seed(stages, 0.5, 1e-12)
    np.testing.assert_allclose(seed, [[3, 3], [9.5, 5], [9, 9], [5, 9.5]])
    (seed,) = markov.self_generating_seed(stages, 0.1, 1e-12)
    np.testing.assert_allclose(seed, [[3, 3]])


def test_too_many_stationary_profiles_are_refused_naming_the_fix():
    stages = StochasticGame(
        [Game(np.zeros((3, 3)).tolist())] * 3, [np.full((3, 3, 3), 1 / 3)] * 3, 0.5
    )._stages()
    assert markov.count_profiles(stages) == 729
    markov.check_profile_count(stages, 729)
    try:
        markov.check_profile_count(stages, 728)
    except ValueError as error:
        assert "729 stationary pure profiles" in str(error) and "max_profiles" in str(error)
    else:
        raise AssertionError("no ValueError")
