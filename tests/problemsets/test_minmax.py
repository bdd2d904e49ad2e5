"""Minmax keys against scipy's linear programs and convex hulls."""

import itertools

import numpy as np
import pytest
from scipy.optimize import linprog
from scipy.spatial import ConvexHull

from bargaining.problemsets import make_exercise

CASES = [(seed, level) for seed in range(4) for level in ("easy", "medium", "hard")]


def mixed_minmax(payoffs):
    """min over the opponent's mixed y of max_i (payoffs @ y)_i, as an LP."""
    rows, columns = payoffs.shape
    cost = np.r_[np.zeros(columns), 1.0]
    upper = np.c_[payoffs, -np.ones(rows)]
    result = linprog(
        cost,
        A_ub=upper,
        b_ub=np.zeros(rows),
        A_eq=[np.r_[np.ones(columns), 0.0]],
        b_eq=[1],
        bounds=[(0, None)] * columns + [(None, None)],
    )
    return result.fun


def support(points, floor, direction):
    """max direction . u over convex combinations u of points with u >= floor."""
    points = np.asarray(points, dtype=float)
    result = linprog(
        -(points @ direction),
        A_ub=-points.T,
        b_ub=-np.asarray(floor, dtype=float),
        A_eq=[np.ones(len(points))],
        b_eq=[1],
        bounds=[(0, None)] * len(points),
    )
    return -result.fun


@pytest.mark.parametrize(("seed", "level"), CASES)
def test_minmax_key_matches_linear_programs_and_hulls(seed, level):
    exercise = make_exercise("minmax", seed, 0, level)
    A = np.array(exercise.parameters["A"], dtype=float)
    B = np.array(exercise.parameters["B"], dtype=float)
    values, feasible, rational = exercise.answers
    if exercise.parameters["mixed"]:
        expected = (mixed_minmax(A), mixed_minmax(B.T))
    else:
        expected = (A.max(axis=0).min(), B.max(axis=1).min())
    assert np.allclose([float(v) for v in values], expected, atol=1e-9)

    points = np.c_[A.ravel(), B.ravel()]
    hull = {tuple(np.round(points[i], 9)) for i in ConvexHull(points).vertices}
    assert {tuple(np.round(np.array(v, dtype=float), 9)) for v in feasible} == hull

    key = np.array(rational, dtype=float)
    for angle in np.linspace(0, 2 * np.pi, 24, endpoint=False):
        direction = np.array([np.cos(angle), np.sin(angle)])
        assert np.isclose(support(points, expected, direction), (key @ direction).max(), atol=1e-8)


def test_above_easy_mixing_punishes_harder_than_pure_actions():
    for seed, level in itertools.product(range(4), ("medium", "hard")):
        exercise = make_exercise("minmax", seed, 0, level)
        A = np.array(exercise.parameters["A"])
        B = np.array(exercise.parameters["B"])
        pure = (A.max(axis=0).min(), B.max(axis=1).min())
        assert any(float(v) < p for v, p in zip(exercise.answers[0], pure, strict=True))
