"""The check of float equilibria compiled with numba.

Steps 3-5 of :mod:`bargaining.core.equilibria._nashpy` on all candidate
equilibria at once, as plain loops that numba compiles to machine code: tidy
each candidate, keep it if it is a best response to itself within the
tolerance and not a duplicate of one kept, insert it in sorted order, and
flag degeneracy. Used when numba is installed (the ``fast`` extra); without
it :mod:`~bargaining.core.equilibria._nashpy` does the same with numpy
arrays.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _precedes(X, Y, i, j):
    """Whether pair ``i`` sorts before pair ``j``: larger probabilities first, ``x`` then ``y``."""
    for k in range(X.shape[1]):
        if X[i, k] != X[j, k]:
            return X[i, k] > X[j, k]
    for k in range(Y.shape[1]):
        if Y[i, k] != Y[j, k]:
            return Y[i, k] > Y[j, k]
    return False


@njit(cache=True)
def _tidy_row(row):
    """``row``, in place, with entries below 1e-13 set to zero and divided by its sum.

    Returns False when nothing is left to divide by.
    """
    total = 0.0
    for k in range(row.shape[0]):
        if row[k] < 1e-13:
            row[k] = 0.0
        total += row[k]
    if total <= 0.0:
        return False
    for k in range(row.shape[0]):
        row[k] /= total
    return True


@njit(cache=True)
def _best_and_average(payoffs, strategy):
    """The largest entry of ``payoffs`` and its average under ``strategy``."""
    best = -np.inf
    average = 0.0
    for k in range(payoffs.shape[0]):
        best = max(best, payoffs[k])
        average += strategy[k] * payoffs[k]
    return best, average


@njit(cache=True)
def _more_best_responses_than_support(payoffs, opponent, slack):
    """Whether more actions are within ``slack`` of the best payoff than ``opponent`` plays."""
    best = payoffs.max()
    responses = 0
    for k in range(payoffs.shape[0]):
        responses += payoffs[k] >= best - slack
    support = 0
    for k in range(opponent.shape[0]):
        support += opponent[k] > slack
    return responses > support


@njit(cache=True)
def _within(a, b, atol):
    for k in range(a.shape[0]):
        if abs(a[k] - b[k]) > atol + 1e-5 * abs(b[k]):
            return False
    return True


@njit(cache=True)
def checked_equilibria(A, B, X, Y, tol, scale):
    """Steps 3-5 of :mod:`~bargaining.core.equilibria._nashpy` on the candidate rows of ``X, Y``.

    Tidies ``X`` and ``Y`` in place and returns the indices of the distinct
    equilibria among their rows, in sorted order, and whether one of them
    shows the game to be degenerate.
    """
    count, m, n = X.shape[0], A.shape[0], A.shape[1]
    slack = tol * scale
    row_payoffs, column_payoffs = np.empty(m), np.empty(n)
    kept = np.empty(count, dtype=np.int64)
    found = 0
    degenerate = False
    for i in range(count):
        x, y = X[i], Y[i]
        if not (np.isfinite(x).all() and np.isfinite(y).all()):
            continue
        if not (_tidy_row(x) and _tidy_row(y)):
            continue
        row_payoffs[:] = 0.0
        column_payoffs[:] = 0.0
        for r in range(m):
            for c in range(n):
                row_payoffs[r] += A[r, c] * y[c]
                column_payoffs[c] += x[r] * B[r, c]
        row_best, row_average = _best_and_average(row_payoffs, x)
        column_best, column_average = _best_and_average(column_payoffs, y)
        if max(row_best - row_average, column_best - column_average) > slack:
            continue
        duplicate = False
        for k in range(found):
            j = kept[k]
            if _within(x, X[j], tol) and _within(y, Y[j], tol):
                duplicate = True
                break
        if duplicate:
            continue
        degenerate |= _more_best_responses_than_support(row_payoffs, y, slack)
        degenerate |= _more_best_responses_than_support(column_payoffs, x, slack)
        at = found  # insertion sort: a game has few equilibria
        while at > 0 and _precedes(X, Y, i, kept[at - 1]):
            kept[at] = kept[at - 1]
            at -= 1
        kept[at] = i
        found += 1
    return kept[:found], degenerate
