"""Judd-Yeltekin-Conklin outer approximation: published cases, degenerate sets, properties."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from bargaining import Game
from bargaining.core.equilibria.pure import pure_equilibria
from bargaining.core.polygon import hausdorff_distance, hull_array
from bargaining.core.repeated.outer import (
    operator_step,
    outer_approximation,
    support_vertices,
    unit_normals,
)
from bargaining.core.repeated.payoff_sets import ConvergenceWarning, equilibrium_payoffs
from strategies import integer_games

# Abreu and Sannikov (2014), p. 322 example, delta = 0.3.
AS_PAYOFFS = [
    [(16, 9), (3, 13), (0, 3)],
    [(21, 1), (10, 4), (-1, 0)],
    [(9, 0), (5, -4), (-5, -15)],
]
AS_VERTICES = np.array(
    [
        (7.33770472, 10.9826253),
        (1.12568240, 2.8),
        (7.33770472, 0.0),
        (7.86308964, 0.0),
        (19.7917977, 2.8),
        (15.5630896, 9.1),
    ]
)
PD_PAYOFFS = [[(9, 9), (1, 10)], [(10, 1), (3, 3)]]
PD_VERTICES = np.array([(3.0, 3.0), (9.75, 3.0), (9.0, 9.0), (3.0, 9.75)])


def matrices(pairs):
    return tuple(np.array([[p[k] for p in row] for row in pairs], dtype=float) for k in (0, 1))


def stage_data(A, B):
    payoffs = np.stack([A.ravel(), B.ravel()], axis=1)
    gains = np.stack(
        [(A.max(axis=0, keepdims=True) - A).ravel(), (B.max(axis=1, keepdims=True) - B).ravel()],
        axis=1,
    )
    return payoffs, gains


def contains(result, points, atol):
    return bool(np.all(np.asarray(points) @ result.normals.T <= result.levels + atol))


def linprog_step(normals, levels, payoffs, gains, delta):
    """The same operator solved as one HiGHS linear program per direction and profile."""
    free = [(None, None)] * 2
    punishment = np.array(
        [linprog(e, A_ub=normals, b_ub=levels, bounds=free, method="highs").fun for e in np.eye(2)]
    )
    following = np.full(len(normals), -np.inf)
    for payoff, gain in zip(payoffs, gains, strict=True):
        corner = punishment + (1 - delta) / delta * gain
        bounds = [(corner[0], None), (corner[1], None)]
        for index, normal in enumerate(normals):
            best = linprog(-normal, A_ub=normals, b_ub=levels, bounds=bounds, method="highs")
            if best.status == 0:
                value = (1 - delta) * normal @ payoff - delta * best.fun
                following[index] = max(following[index], value)
    return following


@pytest.mark.parametrize("delta", [0.9, 0.75])
def test_prisoners_dilemma_contains_and_approaches_the_individually_rational_set(delta):
    result = outer_approximation(*matrices(PD_PAYOFFS), delta)
    assert result.converged
    assert contains(result, PD_VERTICES, 1e-9)
    # Even the tightest polygon with these 64 normals around V is 0.116 away from it.
    assert hausdorff_distance(result.vertices, PD_VERTICES) < 0.2


def test_more_directions_approximate_more_closely():
    distances = [
        hausdorff_distance(
            outer_approximation(*matrices(PD_PAYOFFS), 0.9, directions=count).vertices,
            PD_VERTICES,
        )
        for count in (16, 64, 128)
    ]
    assert distances[0] > distances[1] > distances[2]


def test_abreu_sannikov_example_contains_published_vertices():
    result = outer_approximation(*matrices(AS_PAYOFFS), 0.3)
    assert result.converged
    assert contains(result, AS_VERTICES, 1e-6)
    assert hausdorff_distance(result.vertices, hull_array(AS_VERTICES)) < 0.35


def test_result_is_a_fixed_point_of_the_operator_solved_by_linear_programs():
    A, B = matrices(AS_PAYOFFS)
    result = outer_approximation(A, B, 0.3, directions=16)
    following = linprog_step(result.normals, result.levels, *stage_data(A, B), 0.3)
    np.testing.assert_allclose(following, result.levels, atol=1e-6)


@pytest.mark.parametrize("pairs", [PD_PAYOFFS, AS_PAYOFFS, [[(2, 1), (0, 0)], [(0, 0), (1, 2)]]])
def test_exact_step_agrees_with_linear_programs(pairs):
    A, B = matrices(pairs)
    payoffs, gains = stage_data(A, B)
    normals = unit_normals(12)
    levels = (payoffs @ normals.T).max(axis=0)
    for _ in range(3):
        exact = operator_step(normals, levels, payoffs, gains, 0.6, 1e-11)
        np.testing.assert_allclose(
            exact, linprog_step(normals, levels, payoffs, gains, 0.6), atol=1e-7
        )
        levels = exact


def test_prisoners_dilemma_below_grim_trigger_threshold_collapses_to_a_point():
    result = outer_approximation(*matrices(PD_PAYOFFS), 0.1)
    assert result.converged
    assert result.vertices.shape == (1, 2)
    assert np.ptp(support_vertices(result.normals, result.levels), axis=0).max() < 1e-6
    np.testing.assert_allclose(result.vertices[0], [3, 3], atol=1e-6)


def test_prisoners_dilemma_just_above_threshold_is_the_diagonal_segment():
    result = outer_approximation(*matrices(PD_PAYOFFS), 0.15)
    assert result.vertices.shape == (2, 2)
    np.testing.assert_allclose(result.vertices, [[3, 3], [9, 9]], atol=1e-6)


# A segment is its own outer approximation only when its normal is among the directions.
@pytest.mark.parametrize("points", [[[2, -1]], [[2, -1], [5, 2]], [[2, -1], [2, 3]]])
def test_support_vertices_of_degenerate_sets(points):
    points = np.array(points, dtype=float)
    normals = unit_normals(64)
    corners = support_vertices(normals, (points @ normals.T).max(axis=0))
    np.testing.assert_allclose(hull_array(corners), points, atol=1e-12)


def test_polygon_vertices_are_counter_clockwise_and_strictly_convex():
    vertices = outer_approximation(*matrices(AS_PAYOFFS), 0.3).vertices
    edges = np.roll(vertices, -1, axis=0) - vertices
    turns = (
        edges[:, 0] * np.roll(edges, -1, axis=0)[:, 1] - edges[:, 1] * np.roll(edges, -1, 0)[:, 0]
    )
    assert len(vertices) >= 3 and np.all(turns > 1e-9)


def test_a_game_with_no_enforceable_profile_gives_the_empty_set():
    result = outer_approximation(*matrices([[(1, -1), (-1, 2)], [(-2, 2), (1, 0)]]), 0.05)
    assert result.converged and result.vertices.shape == (0, 2)


def test_a_stick_sustains_cooperation_without_a_pure_stage_equilibrium():
    result = outer_approximation(*matrices([[(5, 5), (0, 10)], [(0, 1), (1, 0)]]), 0.9)
    # the outer set contains the exact set {(5, 5), (1, 9), (1, 1), (1.8, 1)}
    assert result.converged and result.vertices[:, 0].max() >= 5 - 1e-9
    assert result.vertices[:, 1].max() >= 9 - 1e-9


@pytest.mark.parametrize("delta", [0, 1, 1.5, -0.2])
def test_delta_outside_unit_interval_raises(delta):
    with pytest.raises(ValueError, match=rf"delta.*{delta}"):
        outer_approximation(*matrices(PD_PAYOFFS), delta)


@pytest.mark.parametrize("directions", [6, 0, 4.0])
def test_directions_must_include_the_axes(directions):
    with pytest.raises(ValueError, match="directions"):
        outer_approximation(*matrices(PD_PAYOFFS), 0.5, directions=directions)


def test_max_iter_stops_and_says_so():
    result = outer_approximation(*matrices(PD_PAYOFFS), 0.9, max_iter=3)
    assert result.iterations == 3 and not result.converged and result.distance > 1e-10
    with pytest.warns(ConvergenceWarning, match="max_iter=3"):
        equilibrium_payoffs(Game(*matrices(PD_PAYOFFS)), 0.9, method="outer", max_iter=3)


@settings(max_examples=40, deadline=None)
@given(integer_games(max_size=3, low=-9, high=9), st.sampled_from([(0.2, 0.5), (0.5, 0.8)]))
def test_properties_on_random_games(game, deltas):
    A, B = (np.asarray(M, dtype=float) for M in game)
    assume(pure_equilibria(A, B))
    low, high = (outer_approximation(A, B, delta, directions=32) for delta in deltas)
    payoffs = np.stack([A.ravel(), B.ravel()], axis=1)
    equilibria = [(A[i, j], B[i, j]) for i, j in pure_equilibria(A, B)]
    pure_minmax = np.array([A.max(axis=0).min(), B.max(axis=1).min()])
    assert contains(low, equilibria, 1e-9)
    assert np.all(low.levels <= (payoffs @ low.normals.T).max(axis=0) + 1e-9)
    assert np.all(low.vertices >= pure_minmax - 1e-8)
    assert np.all(low.levels <= high.levels + 1e-6)
    assert contains(low, low.vertices, 1e-7)
    np.testing.assert_allclose((low.vertices @ low.normals.T).max(axis=0), low.levels, atol=1e-7)
