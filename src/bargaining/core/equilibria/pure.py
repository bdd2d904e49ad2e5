"""Pure-strategy Nash equilibria by vectorised best-response masks.

Algorithm
---------
1. Mark, in each column of ``A``, the rows attaining the column maximum: the
   row player's best responses to each pure column.
2. Mark, in each row of ``B``, the columns attaining the row maximum.
3. A cell marked in both masks is a pure Nash equilibrium (Nash 1951).

Exact entries (Fractions) are compared exactly; floats within a tolerance
relative to the payoffs' scale, so ties that rounding breaks still count.

References
----------
.. [1] J. Nash, "Non-cooperative games", Annals of Mathematics 54 (1951)
   286-295.
"""

from __future__ import annotations

import numpy as np


def best_response_masks(A, B, tol=1e-12):
    """Boolean masks of the row player's and the column player's pure best responses.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` payoff matrices (float, or object arrays of Fractions).
    tol : float
        Relative tolerance for float payoffs; ignored for exact ones.

    Returns
    -------
    row_best, column_best : numpy.ndarray of bool
        ``row_best[i, j]``: row ``i`` is a best response to column ``j``.
        ``column_best[i, j]``: column ``j`` is a best response to row ``i``.
    """
    if A.dtype == object:
        return A == A.max(axis=0, keepdims=True), B == B.max(axis=1, keepdims=True)
    slack_a = tol * max(1.0, float(np.abs(A).max()))
    slack_b = tol * max(1.0, float(np.abs(B).max()))
    # Near the largest float the slack can overflow to -inf, which still compares right.
    with np.errstate(over="ignore"):
        row_best = A >= A.max(axis=0, keepdims=True) - slack_a
        column_best = B >= B.max(axis=1, keepdims=True) - slack_b
    return row_best, column_best


def pure_equilibria(A, B, tol=1e-12):
    """All pure Nash equilibria of ``(A, B)`` as ``(row, column)`` index pairs.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` payoff matrices.
    tol : float
        Relative tolerance for float payoffs.

    Returns
    -------
    list of tuple of int
        The equilibria in row-major order.
    """
    row_best, column_best = best_response_masks(A, B, tol)
    rows, columns = np.nonzero(row_best & column_best)
    return [(int(i), int(j)) for i, j in zip(rows, columns, strict=True)]
