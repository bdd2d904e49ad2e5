"""Nash and Kalai-Smorodinsky keys against scipy optimisation on the hull built here."""

import numpy as np
import pytest
from scipy.optimize import brentq, linprog, minimize_scalar
from scipy.spatial import ConvexHull

from bargaining.problemsets import make_exercise


def frontier(points):
    """u2 = f(u1): the lowest facet bound over facets facing up (scipy's hull equations)."""
    hull = ConvexHull(np.asarray(points, dtype=float))
    upper = [eq for eq in hull.equations if eq[1] > 1e-12]
    return lambda u1: min(-(n1 * u1 + c) / n2 for n1, n2, c in upper)


def ideal(points, d):
    points = np.asarray(points, dtype=float)
    best = []
    for player in (0, 1):
        result = linprog(
            -points[:, player],
            A_ub=-points.T,
            b_ub=-np.asarray(d, dtype=float),
            A_eq=[np.ones(len(points))],
            b_eq=[1],
            bounds=[(0, None)] * len(points),
        )
        best.append(-result.fun)
    return np.array(best)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("level", ["easy", "medium", "hard"])
def test_solutions_match_numeric_optimisation(seed, level):
    exercise = make_exercise("nash-ks", seed, 0, level)
    points, d = exercise.parameters["points"], np.array(exercise.parameters["d"], dtype=float)
    alpha = float(exercise.parameters["alpha"])
    f, top = frontier(points), ideal(points, d)

    def nash(weight):
        result = minimize_scalar(
            lambda u1: -(weight * np.log(u1 - d[0]) + (1 - weight) * np.log(f(u1) - d[1])),
            bounds=(d[0] + 1e-12, top[0] - 1e-12),
            method="bounded",
            options={"xatol": 1e-12},
        )
        return np.array([result.x, f(result.x)])

    key = exercise.answers
    assert np.allclose(np.array(key[0], dtype=float), nash(0.5), atol=1e-6)
    key_ideal, key_ks = (np.array(v, dtype=float) for v in key[1])
    assert np.allclose(key_ideal, top, atol=1e-9)
    t = brentq(lambda t: f(d[0] + t * (top[0] - d[0])) - (d[1] + t * (top[1] - d[1])), 0, 1)
    assert np.allclose(key_ks, d + t * (top - d), atol=1e-9)
    if level != "easy":
        assert np.allclose(np.array(key[2], dtype=float), nash(alpha), atol=1e-6)
    assert not np.allclose(np.array(key[0], dtype=float), key_ks)
