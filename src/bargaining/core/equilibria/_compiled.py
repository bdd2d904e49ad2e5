"""Equilibrium kernels compiled with numba, for float games.

The same pivoting as :mod:`bargaining.core.equilibria.lemke_howson`, step for
step, written as plain loops that numba compiles to machine code. It is used
when numba is installed (the ``fast`` extra); the first call compiles the
kernel (cached on disk), later calls run it directly.

See :mod:`bargaining.core.equilibria.lemke_howson` for the algorithm and its
references.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _leaving_row(tableau, entering, first_key, keys, candidates, tol):
    """Lexicographic minimum-ratio row for ``entering``; -1 when no entry is positive.

    Ratios of the right-hand side to the entering column decide first; ties
    (within ``tol``, relative) are broken by the ratios in the columns
    ``first_key, ..., first_key + keys - 1`` of the starting basis, which are
    linearly independent, so exactly one row survives.
    """
    count = 0
    for i in range(tableau.shape[0]):
        if tableau[i, entering] > tol:
            candidates[count] = i
            count += 1
    if count == 0:
        return -1
    rhs = tableau.shape[1] - 1
    for step in range(keys + 1):
        column = rhs if step == 0 else first_key + step - 1
        best = np.inf
        for k in range(count):
            i = candidates[k]
            best = min(best, tableau[i, column] / tableau[i, entering])
        kept = 0
        for k in range(count):
            i = candidates[k]
            if tableau[i, column] / tableau[i, entering] <= best + tol * max(1.0, abs(best)):
                candidates[kept] = i
                kept += 1
        count = kept
        if count == 1:
            break
    return candidates[0]


@njit(cache=True)
def _pivot(tableau, row, column, pivot_row):
    # The pivot row is read from a separate buffer: reading it from ``tableau``
    # while other rows are written would keep the loop from vectorising.
    pivot = tableau[row, column]
    width = tableau.shape[1]
    for j in range(width):
        pivot_row[j] = tableau[row, j] / pivot
        tableau[row, j] = pivot_row[j]
    for i in range(tableau.shape[0]):
        factor = tableau[i, column]
        if i != row and factor != 0.0:
            for j in range(width):
                tableau[i, j] -= factor * pivot_row[j]
            tableau[i, column] = 0.0


@njit(cache=True)
def _path(tableaux, bases, key_starts, label, max_pivots, tol):
    """Complementary pivoting from ``label`` on the two tableaux, in place.

    Returns the number of pivots, ``-1`` when ``max_pivots`` was reached and
    ``-2`` when an entering column had no positive entry.
    """
    m = tableaux[1].shape[0]
    candidates = np.empty(max(tableaux[0].shape[0], m), dtype=np.int64)
    pivot_row = np.empty(tableaux[0].shape[1])
    side = 0 if label < m else 1
    entering = label
    for pivots in range(1, max_pivots + 1):
        tableau, basis = tableaux[side], bases[side]
        keys = tableau.shape[0]
        row = _leaving_row(tableau, entering, key_starts[side], keys, candidates, tol)
        if row < 0:
            return -2
        _pivot(tableau, row, entering, pivot_row)
        leaving = basis[row]
        basis[row] = entering
        if leaving == label:
            return pivots
        entering = leaving
        side = 1 - side
    return -1


@njit(cache=True)
def unit_range(M):
    """``M`` mapped affinely onto ``[1, 2]`` (all ones if constant): step 1 of both algorithms."""
    low, high = M.min(), M.max()
    if high > low:
        return 1.0 + (M - low) / (high - low)
    return np.ones_like(M)


@njit(cache=True)
def lemke_howson(A, B, label, max_pivots, tol):
    """Lemke-Howson on float payoffs ``A, B`` (steps 1-6).

    Returns ``(x, y, outcome)``: the normalised strategies and the number of
    pivots, or ``-1`` (``max_pivots`` reached) or ``-2`` (no positive entry
    in an entering column) with meaningless strategies.
    """
    m, n = A.shape
    A, B = unit_range(A), unit_range(B)
    p_tableau = np.zeros((n, m + n + 1))
    q_tableau = np.zeros((m, m + n + 1))
    for j in range(n):
        for i in range(m):
            p_tableau[j, i] = B[i, j]
        p_tableau[j, m + j] = 1.0
        p_tableau[j, m + n] = 1.0
    for i in range(m):
        q_tableau[i, i] = 1.0
        for j in range(n):
            q_tableau[i, m + j] = A[i, j]
        q_tableau[i, m + n] = 1.0
    p_basis = np.arange(m, m + n)
    q_basis = np.arange(m)
    outcome = _path((p_tableau, q_tableau), (p_basis, q_basis), (m, 0), label, max_pivots, tol)
    x, y = np.zeros(m), np.zeros(n)
    for k in range(n):
        if p_basis[k] < m:
            x[p_basis[k]] = p_tableau[k, m + n]
    for k in range(m):
        if q_basis[k] >= m:
            y[q_basis[k] - m] = q_tableau[k, m + n]
    if outcome > 0:
        x /= x.sum()
        y /= y.sum()
    return x, y, outcome
