"""The lockstep solver returns, game by game, what the single-game solver returns."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.polygon import hausdorff_distance
from bargaining.core.repeated._batched import batched_abreu_sannikov
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs, equilibrium_payoffs_many
from oracles import import_oracle
from strategies import integer_games, integer_matrices


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


def many_game_solver(backend):
    """The lockstep numpy solver, or the compiled kernel."""
    if backend == "numpy":
        return batched_abreu_sannikov
    import_oracle("numba")
    from bargaining.core.repeated._compiled import compiled_abreu_sannikov

    return compiled_abreu_sannikov


@st.composite
def games_of_one_shape(draw):
    """Up to five 2x2 to 3x3 integer games of one shape, each with a pure stage equilibrium."""
    rows, columns = draw(st.integers(2, 3)), draw(st.integers(2, 3))
    matrices = integer_matrices(rows, columns, -6, 6)
    game = st.tuples(matrices, matrices).filter(has_pure_equilibrium)
    games = draw(st.lists(game, min_size=1, max_size=5))
    return tuple(np.array([game[k] for game in games], dtype=float) for k in (0, 1))


@pytest.mark.parametrize("backend", ["numpy", "numba"])
@settings(max_examples=30)
@given(games_of_one_shape(), st.sampled_from([0.1, 0.3, 0.6, 0.9]))
def test_a_collapse_stops_where_the_long_run_converges(backend, games, delta):
    A, B = games
    solve = many_game_solver(backend)
    deltas = np.full(len(A), delta)
    found = solve(A, B, deltas)
    long_runs = solve(A, B, deltas, stop_on_collapse=False)
    for g, (result, long_run) in enumerate(zip(found, long_runs, strict=True)):
        scale = max(1.0, np.abs(A[g]).max(), np.abs(B[g]).max())
        assert result.converged and result.vertices.shape == long_run.vertices.shape
        assert hausdorff_distance(result.vertices, long_run.vertices) <= 11e-11 * scale
        assert result.iterations <= long_run.iterations
        if result.iterations < long_run.iterations:
            (point,) = result.vertices
            assert (A[g] == point[0])[B[g] == point[1]].any()  # a stage payoff, exactly
            assert result.distance == 0
