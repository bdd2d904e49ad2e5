"""Many stochastic games in one batch against the same games solved one by one."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game, RepeatedGame, StochasticGame
from bargaining.core.polygon import hausdorff_distance
from bargaining.core.repeated.payoff_sets import ConvergenceWarning
from bargaining.core.stochastic import aps, equilibrium_payoffs_many
from bargaining.labor import scenarios
from bargaining.labor.dynamics import AutomationGame, advance_chain
from stochastic_games import stochastic_games

PD = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])


def one_state(game, delta):
    rows, columns = game.shape
    return StochasticGame([game], [np.ones((rows, columns, 1))], delta)


def batch_games():
    """1-3 states of 1x2 to 3x2 stage games, transitions drawn profile by profile."""
    return stochastic_games(states=(1, 3), rows=(1, 3), columns=(2, 2))


def assert_same_results(found, expected, scale):
    """The same sets, outer and inner, to 1e-9 of the payoff scale, after as many steps."""
    assert len(found) == len(expected)
    for mine, theirs in zip(found, expected, strict=True):
        assert mine.state == theirs.state and mine.converged == theirs.converged
        assert mine.iterations == theirs.iterations and mine.tol == theirs.tol
        pairs = [(mine, theirs)]
        if theirs.inner is not None:
            assert mine.inner.iterations == theirs.inner.iterations
            assert mine.gap == pytest.approx(theirs.gap, abs=1e-9 * scale)
            pairs.append((mine.inner, theirs.inner))
        for a, b in pairs:
            assert a.is_empty == b.is_empty
            if not b.is_empty:
                assert hausdorff_distance(a.vertices, b.vertices) <= 1e-9 * scale


def assert_bracketed(sets, scale):
    """Every inner vertex lies in the outer set of its state."""
    for s in sets:
        if s.inner is not None and not s.inner.is_empty:
            assert all(s.contains(v, tol=1e-9 * scale) for v in s.inner.vertices)


@settings(max_examples=12, deadline=None)
@given(st.lists(batch_games(), min_size=1, max_size=4))
def test_a_batch_gives_every_game_its_own_sets(games):
    batched = equilibrium_payoffs_many(games)
    for game, found in zip(games, batched, strict=True):
        scale = aps.payoff_scale(game._stages())
        assert_same_results(found, game.equilibrium_payoffs(), scale)
        assert_bracketed(found, scale)


def test_a_game_that_stops_early_is_not_moved_by_the_steps_of_the_others():
    quick, slow = one_state(PD, 0.95), one_state(PD, 0.1)
    alone = [game.equilibrium_payoffs(inner=False)[0] for game in (quick, slow)]
    assert alone[0].iterations < alone[1].iterations
    for order in ([quick, slow], [slow, quick]):
        batched = [sets[0] for sets in equilibrium_payoffs_many(order, inner=False)]
        if order[0] is slow:
            batched.reverse()
        for found, expected in zip(batched, alone, strict=True):
            assert found.iterations == expected.iterations
            np.testing.assert_array_equal(found.vertices, expected.vertices)


@pytest.mark.parametrize("speeds", [(0.05, 0.1, 0.3), (1.0,)])
def test_the_automation_games_at_several_speeds(speeds):
    scenario = scenarios.get("default").as_float()
    levels = [0.0, 0.2, 0.4, 0.6, 0.8]
    games = [AutomationGame(scenario, levels, advance_chain(len(levels), s)) for s in speeds]
    batched = equilibrium_payoffs_many(games)
    for game, found in zip(games, batched, strict=True):
        assert_same_results(found, game.equilibrium_payoffs(), 1.0)
        assert_bracketed(found, 1.0)


def test_the_sets_are_those_of_the_one_state_repeated_games_at_several_deltas():
    deltas = (0.1, 0.5, 0.9)
    batched = equilibrium_payoffs_many([one_state(PD, d) for d in deltas])
    for delta, (found,) in zip(deltas, batched, strict=True):
        expected = RepeatedGame(PD, delta).equilibrium_payoffs()
        assert hausdorff_distance(found.vertices, expected.vertices) <= 1e-9


def test_stopping_at_max_iter_warns_once_or_raises():
    games = [one_state(PD, 0.1), one_state(PD, 0.9)]  # 11 steps and 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = equilibrium_payoffs_many(games, max_iter=3, inner=False)
    assert [w.category for w in caught] == [ConvergenceWarning]
    assert "1 of 2 games" in str(caught[0].message) and "games[0]" in str(caught[0].message)
    assert not found[0][0].converged and found[1][0].converged
    # What it stopped at still contains the true set.
    (true,) = games[0].equilibrium_payoffs(inner=False)
    assert all(found[0][0].contains(v, tol=1e-9) for v in true.vertices)
    with pytest.raises(ValueError, match="max_iter=3"):
        equilibrium_payoffs_many(games, max_iter=3, inner=False, on_max_iter="raise")


@pytest.mark.parametrize(
    ("games", "options", "message"),
    [
        ([], {}, "games must hold at least one StochasticGame"),
        (one_state(PD, 0.5), {}, "games must be a list of StochasticGame"),
        ("games", {}, "games must be a list of StochasticGame"),
        ([one_state(PD, 0.5), PD], {}, r"games\[1\] is a Game, not a StochasticGame"),
        ([one_state(PD, 0.5), 3], {}, r"games\[1\] must be a StochasticGame, got 3"),
        ([one_state(PD, 0.5)], {"method": "jyc"}, "method must be one of aps, got 'jyc'"),
        ([one_state(PD, 0.5)], {"max_iter": 0}, "max_iter"),
        ([one_state(PD, 0.5)], {"tol": -1.0}, "tol must be a positive number, got -1.0"),
        ([one_state(PD, 0.5)], {"on_max_iter": "stop"}, "on_max_iter must be 'warn' or 'raise'"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(games, options, message):
    with pytest.raises(ValueError, match=message):
        equilibrium_payoffs_many(games, **options)
