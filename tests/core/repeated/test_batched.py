"""The lockstep solver returns, game by game, what the single-game solver returns."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs, equilibrium_payoffs_many
from strategies import integer_games


def assert_same_sets(batch, single):
    for ours, reference in zip(batch, single, strict=True):
        assert ours.converged
        assert ours.vertices.shape == reference.vertices.shape
        gaps = np.linalg.norm(ours.vertices[:, None] - reference.vertices[None], axis=2)
        assert gaps.min(axis=0).max() <= 1e-9 and gaps.min(axis=1).max() <= 1e-9


def has_pure_equilibrium(game):
    return bool(Game(*game).pure_equilibria())


@pytest.mark.parametrize("backend", ["numpy", "numba"])
@settings(max_examples=25)
@given(
    st.lists(
        integer_games(max_size=3, low=-6, high=6).filter(has_pure_equilibrium),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([0.2, 0.5, 0.8, 0.95]),
)
def test_batch_equals_single_game_solutions(backend, games, delta):
    stage_games = [Game(A.tolist(), B.tolist()) for A, B in games]
    batch = equilibrium_payoffs_many(stage_games, delta, backend=backend)
    assert_same_sets(batch, [equilibrium_payoffs(g, delta) for g in stage_games])


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_strike_games_across_patience_include_points_segments_and_polygons(backend):
    levels = np.linspace(0, 0.4, 11)
    games, deltas = [], []
    for strike_output in (0.1, 0.4, 0.8):
        for delta in (0.3, 0.7, 0.95):
            games.append(
                Game(
                    np.array([0.6 + levels, 0.2 + levels]),
                    np.array([0.4 - levels, strike_output - levels]),
                )
            )
            deltas.append(delta)
    batch = equilibrium_payoffs_many(games, deltas, backend=backend)
    assert_same_sets(
        batch, [equilibrium_payoffs(g, d) for g, d in zip(games, deltas, strict=True)]
    )
    sizes = {len(s.vertices) for s in batch}
    assert 1 in sizes and max(sizes) >= 3


def test_games_of_different_shapes_are_grouped_and_kept_in_order():
    pd = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    wide = Game([[1, 0, 2]], [[0, 1, 3]])
    first, second, third = equilibrium_payoffs_many([pd, wide, pd], [0.9, 0.5, 0.1])
    assert len(first.vertices) == 4 and second.is_point and third.is_point
    np.testing.assert_allclose(second.vertices, [[2, 3]])


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_batch_agrees_on_games_without_pure_stage_equilibrium(backend):
    pennies = Game([[1, -1], [-1, 1]])  # minmax (1, 1), no feasible payoff gives both
    stick = Game([[5, 0], [0, 1]], [[5, 10], [1, 0]])  # sustained by a stick from 5/9
    games = [Game([[1, 0], [0, 1]], [[1, 0], [0, 1]]), pennies, stick, pennies, stick]
    deltas = [0.5, 0.5, 0.9, 0.9, 0.5]
    found = equilibrium_payoffs_many(games, deltas, backend=backend)
    assert found[1].is_empty and found[3].is_empty and not found[0].is_empty
    for game, delta, result in zip(games, deltas, found, strict=True):
        single = equilibrium_payoffs(game, delta)
        assert result.is_empty == single.is_empty
        if not single.is_empty:
            np.testing.assert_allclose(
                np.sort(result.vertices, axis=0), np.sort(single.vertices, axis=0), atol=1e-9
            )


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_batch_refuses_delta_too_close_to_one_and_unconverged_sets_on_request(backend):
    pd = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    with pytest.raises(ValueError, match="too close to 1"):
        equilibrium_payoffs_many([pd, pd], [0.5, 1 - 1e-15], backend=backend)
    with pytest.raises(ValueError, match=r"1 of 2 payoff sets did not converge .*max_iter=15"):
        equilibrium_payoffs_many(
            [pd, pd], [0.1, 0.9], max_iter=15, backend=backend, on_max_iter="raise"
        )


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError, match="backend must be one of auto, numba, numpy"):
        equilibrium_payoffs_many([Game([[1]])], 0.5, backend="gpu")


def test_batch_checks_every_delta():
    with pytest.raises(ValueError, match="delta"):
        equilibrium_payoffs_many([Game([[1]]), Game([[2]])], [0.5, 1.0])
