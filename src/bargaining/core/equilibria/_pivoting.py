"""The Lemke-Howson pivoting loops in numpy and in Python integers.

The numpy loop is the fallback of the compiled kernel
(:mod:`bargaining.core.equilibria._compiled`) when numba is not installed; the
integer loop solves exact games. Both follow the steps of
:mod:`bargaining.core.equilibria.lemke_howson`, which documents the algorithm
and its references.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

import numpy as np


def _unit_range(M):
    """Step 1 for floats: ``M`` mapped affinely onto ``[1, 2]`` (all ones if constant)."""
    low, spread = M.min(), M.max() - M.min()
    return 1.0 + (M - low) / spread if spread > 0 else np.ones_like(M)


def numpy_lemke_howson(A, B, label, max_pivots, tol):
    """Steps 1-6 in numpy; the same contract as ``_compiled.lemke_howson``."""
    m, n = A.shape
    A, B = _unit_range(A), _unit_range(B)
    tableaux = (
        np.hstack([B.T, np.eye(n), np.ones((n, 1))]),
        np.hstack([np.eye(m), A, np.ones((m, 1))]),
    )
    bases = (np.arange(m, m + n), np.arange(m))
    outcome = _numpy_path(tableaux, bases, (m, 0), label, max_pivots, tol)
    if outcome < 0:
        return None, None, outcome
    x, y = strategies([t[:, -1] for t in tableaux], bases, m, n, exact=False)
    return x, y, outcome


def _numpy_path(tableaux, bases, key_starts, label, max_pivots, tol):
    """Steps 3-5 in numpy; the same contract as ``_compiled._path``."""
    m = tableaux[1].shape[0]
    side = 0 if label < m else 1
    entering = label
    for pivots in range(1, max_pivots + 1):
        tableau, basis = tableaux[side], bases[side]
        column = tableau[:, entering]
        candidates = np.flatnonzero(column > tol)
        if not len(candidates):
            return -2
        start = key_starts[side]
        for key in (-1, *range(start, start + len(basis))):
            ratios = tableau[candidates, key] / column[candidates]
            best = ratios.min()
            candidates = candidates[ratios <= best + tol * max(1.0, abs(best))]
            if len(candidates) == 1:
                break
        row = candidates[0]
        tableau[row] /= tableau[row, entering]
        factors = tableau[:, entering].copy()
        factors[row] = 0.0
        tableau -= np.outer(factors, tableau[row])
        tableau[:, entering] = 0.0
        tableau[row, entering] = 1.0
        leaving = basis[row]
        basis[row] = entering
        if leaving == label:
            return pivots
        entering = leaving
        side = 1 - side
    return -1


def integer_matrix(M):
    """Step 1 exactly: ``M`` shifted to be at least 1 and scaled to integers."""
    M = [[Fraction(value) for value in row] for row in M]
    shift = 1 - min(min(row) for row in M)
    scale = lcm(*(value.denominator for row in M for value in row))
    return [[int((value + shift) * scale) for value in row] for row in M]


def _exact_leaving_row(tableau, entering, keys):
    """Step 4 in integers: the rows' ratios compared by cross-multiplying."""
    candidates = [i for i, row in enumerate(tableau) if row[entering] > 0]
    for key in keys:
        ratios = {i: Fraction(tableau[i][key], tableau[i][entering]) for i in candidates}
        least = min(ratios.values())
        candidates = [i for i in candidates if ratios[i] == least]
        if len(candidates) == 1:
            break
    return candidates[0] if candidates else None


def exact_path(A, B, label, max_pivots):
    """Steps 1-5 in integers: the final tableaux and bases and 0, or ``None`` and the failure.

    Fraction-free pivoting: a row's basic variable is its right-hand side over
    the tableau's determinant (the last pivot), shared by every row, so ratios
    compare as they stand, and each update divides exactly by the previous
    determinant.
    """
    m, n = A.shape
    A, B = integer_matrix(A), integer_matrix(B)
    p_tableau = [[row[j] for row in B] + [int(k == j) for k in range(n)] + [1] for j in range(n)]
    q_tableau = [[int(k == i) for k in range(m)] + A[i] + [1] for i in range(m)]
    tableaux, bases = (p_tableau, q_tableau), (list(range(m, m + n)), list(range(m)))
    determinants, key_starts = [1, 1], (m, 0)
    side = 0 if label < m else 1
    entering = label
    for _ in range(max_pivots):
        tableau, basis = tableaux[side], bases[side]
        keys = (-1, *range(key_starts[side], key_starts[side] + len(basis)))
        row = _exact_leaving_row(tableau, entering, keys)
        if row is None:
            return None, -2
        pivot_row, pivot, previous = tableau[row], tableau[row][entering], determinants[side]
        for i, other in enumerate(tableau):
            if i != row:
                factor = other[entering]
                tableau[i] = [
                    (pivot * a - factor * b) // previous
                    for a, b in zip(other, pivot_row, strict=True)
                ]
        determinants[side] = pivot
        leaving = basis[row]
        basis[row] = entering
        if leaving == label:
            return (tableaux, bases), 0
        entering = leaving
        side = 1 - side
    return None, -1


def strategies(right_hand_sides, bases, m, n, exact):
    """Step 6: the basic ``x`` in ``P``'s tableau and ``y`` in ``Q``'s, normalised."""
    x, y = [0] * m, [0] * n
    for value, label in zip(right_hand_sides[0], bases[0], strict=True):
        if label < m:
            x[label] = value
    for value, label in zip(right_hand_sides[1], bases[1], strict=True):
        if label >= m:
            y[label - m] = value
    if exact:
        return tuple(
            np.array([Fraction(v, sum(s)) for v in s], dtype=object) for s in (x, y)
        )
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    return x / x.sum(), y / y.sum()
