"""Equilibria of float games, cleaned and checked.

Algorithm
---------
1. Shift both payoff matrices so that every entry is at least 1 (equilibria
   are unchanged, and the polytope methods need positive payoffs); payoffs
   spread over more than 1e100 are first scaled down.
2. Run the chosen algorithm: this package's vertex enumeration
   (:mod:`~bargaining.core.equilibria.float_vertex`; nashpy's if qhull fails
   on it), nashpy's support enumeration, or this package's Lemke-Howson
   (:mod:`~bargaining.core.equilibria.lemke_howson`) from every initial label.
3. Drop non-finite results, tidy probabilities that rounding left slightly negative, and merge
   equilibria that agree within a tolerance.
4. Drop candidates that are not equilibria within the tolerance; if none is
   left (nashpy's linear programs fail on badly scaled payoffs), enumerate
   the vertices of the same float payoffs exactly instead, for games of at
   most :data:`MAX_EXACT_FALLBACK_ACTIONS` actions in all. A Lemke-Howson
   label whose path exceeds its pivot cap drops only its own result.
5. Flag degeneracy: an equilibrium at which a player has more pure best
   responses than the opponent's support has strategies shows the game is
   degenerate, and the float methods may then miss equilibria.

Steps 3-5 treat all candidates at once: in one numba kernel when numba is
installed (the ``fast`` extra), else with numpy array operations.

Games larger than :data:`MAX_ACTIONS` allows for the method are refused
before any algorithm starts.

References
----------
.. [1] V. Knight and J. Campbell, "Nashpy: A Python library for the
   computation of Nash equilibria", Journal of Open Source Software 3 (2018)
   904.
.. [2] C. E. Lemke and J. T. Howson, "Equilibrium points of bimatrix games",
   Journal of the Society for Industrial and Applied Mathematics 12 (1964)
   413-423.
"""

from __future__ import annotations

import warnings

import numpy as np

from ..validation import has_numba
from .float_vertex import float_vertex_arrays
from .lemke_howson import lemke_howson_from_every_label

FAILURES = (ArithmeticError, RuntimeError, TypeError, ValueError)
# Largest games (rows + columns) each algorithm is run on. Vertex enumeration
# hands qhull polytopes of dimension m and n (a random 12x12 game has about
# 5,000 vertices a polytope, a tenth of a second; the count grows about 2.5-fold
# an action), and support enumeration tries every pair of supports: both grow
# exponentially and a 100x100 game exhausts memory inside qhull. Lemke-Howson pivots from every
# one of the m + n labels, each path polynomial per pivot (200x200 takes
# seconds without numba); in exact integers it slows down with the size of
# the determinants (20x20 takes a third of a second, 25x25 seconds). The
# exact fallback enumerates vertices in rationals.
MAX_ACTIONS = {"auto": 24, "vertex": 24, "support": 16, "lemke-howson": 400}
MAX_EXACT_FALLBACK_ACTIONS = 12


def check_size(shape, method):
    """Refuse a float game too large for ``method`` before any algorithm starts.

    Raises
    ------
    ValueError
        Naming the game's size, the method and the largest size it accepts.
    """
    limit = MAX_ACTIONS[method]
    if min(shape) > 1 and sum(shape) > limit:
        hint = "; give a smaller game" if method == "lemke-howson" else (
            "; method='lemke-howson' finds some equilibria of games up to "
            f"{MAX_ACTIONS['lemke-howson']} actions"
        )
        raise ValueError(
            f"equilibria(method={method!r}) of a {shape[0]}x{shape[1]} float game would take "
            f"hours or exhaust memory: it accepts at most {limit} actions in all{hint}"
        )


def _candidates(A, B, method):
    """Step 2: the candidate equilibria, as the rows of two arrays."""
    if method == "lemke-howson":
        return _as_arrays(lemke_howson_from_every_label(A, B), A.shape)
    if method not in ("auto", "vertex", "support"):
        raise ValueError(f"unknown method {method!r}")
    from scipy.spatial import QhullError

    try:
        if method != "support":
            try:
                with np.errstate(all="ignore"):
                    found_x, found_y, _ = float_vertex_arrays(A, B)
                return found_x, found_y
            except QhullError:
                return _nashpy_candidates(A, B, "vertex")
        return _nashpy_candidates(A, B, "support")
    except FAILURES:
        # nashpy's linear programs can fail on badly scaled payoffs
        return _as_arrays([], A.shape)


def _nashpy_candidates(A, B, method):
    """The equilibria that nashpy's ``"vertex"`` or ``"support"`` enumeration finds, as the
    rows of two arrays."""
    import nashpy

    game = nashpy.Game(A, B)
    # nashpy warns about degeneracy in its own words; step 5 reports it as a
    # DegenerateGameWarning instead.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        found = game.support_enumeration() if method == "support" else game.vertex_enumeration()
        return _as_arrays(found, A.shape)


def _as_arrays(candidates, shape):
    """The candidates of the right shapes as the rows of two float arrays."""
    m, n = shape
    pairs = [(np.asarray(x, dtype=float), np.asarray(y, dtype=float)) for x, y in candidates]
    pairs = [(x, y) for x, y in pairs if x.shape == (m,) and y.shape == (n,)]
    return (
        np.array([x for x, _ in pairs]).reshape(len(pairs), m),
        np.array([y for _, y in pairs]).reshape(len(pairs), n),
    )


def _one_action_equilibria(A, B):
    """Equilibria when a player has one action: the other's pure best responses."""
    from .pure import pure_equilibria

    rows, columns = A.shape
    found = pure_equilibria(A, B, tol=1e-15)  # the default tolerance would merge payoffs
    return [(np.eye(rows)[i], np.eye(columns)[j]) for i, j in found]


def _positive(payoffs):
    """``payoffs - min + 1`` and its largest entry, first scaled down when the spread would
    not be a finite float (an infinite entry makes Lemke-Howson pivot forever)."""
    low, high = float(payoffs.min()), float(payoffs.max())
    half_spread = high / 2 - low / 2
    if half_spread > 1e100:
        shifted = (payoffs / 2 - low / 2) / half_spread + 1.0
        return shifted, float(shifted.max())
    shifted = payoffs - low
    shifted += 1.0
    return shifted, (high - low) + 1.0  # rounding is monotone: the largest entry's image


def _exact_equilibria(A, B):
    """Fallback when nashpy finds nothing: exact vertex enumeration of the same floats."""
    from fractions import Fraction

    from .exact_vertex import exact_vertex_enumeration

    exact = [np.vectorize(Fraction, otypes=[object])(M) for M in (A, B)]
    found, degenerate = exact_vertex_enumeration(*exact)
    return [(x.astype(float), y.astype(float)) for x, y in found], degenerate


def _tidy(strategies):
    """Rows of ``strategies`` with rounding below zero removed, summing to 1."""
    strategies = np.where(np.abs(strategies) < 1e-13, 0.0, np.clip(strategies, 0.0, None))
    return strategies / strategies.sum(axis=1, keepdims=True)


def _close(points, atol):
    """``close[i, j]``: ``np.allclose(points[i], points[j], atol=atol)``."""
    gap = np.abs(points[:, None, :] - points[None, :, :])
    return np.all(gap <= atol + 1e-5 * np.abs(points[None, :, :]), axis=2)


def _checked(A, B, X, Y, tol, scale):
    """Steps 3-5 on the candidate rows of ``X, Y`` at once: the distinct equilibria, and
    whether one of them shows the game to be degenerate."""
    if has_numba():
        from ._compiled_check import checked_equilibria

        X, Y = np.ascontiguousarray(X, dtype=float), np.ascontiguousarray(Y, dtype=float)
        kept, degenerate = checked_equilibria(A, B, X, Y, tol, scale)
        return [(X[i], Y[i]) for i in kept], bool(degenerate)
    finite = np.isfinite(X).all(axis=1) & np.isfinite(Y).all(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        X, Y = _tidy(X[finite]), _tidy(Y[finite])
    row_payoffs, column_payoffs = Y @ A.T, X @ B
    regrets = np.maximum(
        row_payoffs.max(axis=1, initial=-np.inf) - np.sum(X * row_payoffs, axis=1),
        column_payoffs.max(axis=1, initial=-np.inf) - np.sum(column_payoffs * Y, axis=1),
    )
    equilibria = regrets <= tol * scale  # False for the NaN of an all-zero candidate
    X, Y = X[equilibria], Y[equilibria]
    row_payoffs, column_payoffs = row_payoffs[equilibria], column_payoffs[equilibria]
    close = _close(X, tol) & _close(Y, tol)
    kept = []
    for i in range(len(X)):
        if not close[i, kept].any():
            kept.append(i)
    slack = tol * scale
    row_best = np.sum(row_payoffs >= row_payoffs.max(axis=1, keepdims=True) - slack, axis=1)
    column_best = np.sum(
        column_payoffs >= column_payoffs.max(axis=1, keepdims=True) - slack, axis=1
    )
    degenerate = (row_best > np.count_nonzero(Y > slack, axis=1)) | (
        column_best > np.count_nonzero(X > slack, axis=1)
    )
    found = sorted(((X[i], Y[i]) for i in kept), key=lambda p: (tuple(-p[0]), tuple(-p[1])))
    return found, bool(degenerate[kept].any())


def nashpy_equilibria(A, B, method="auto", tol=1e-9):
    """Equilibria of the float game ``(A, B)`` found by nashpy.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` float payoff matrices.
    method : {"auto", "vertex", "support", "lemke-howson"}
        The nashpy algorithm (``"auto"`` means vertex enumeration).
    tol : float
        Tolerance for merging duplicates and testing best responses, relative
        to the payoffs' scale.

    Returns
    -------
    equilibria : list of tuple
        ``(row_strategy, column_strategy)`` float arrays, sorted.
    degenerate : bool
        Whether some equilibrium found shows the game to be degenerate.
    """
    check_size(A.shape, method)
    original = A, B
    (A, largest_a), (B, largest_b) = _positive(A), _positive(B)
    scale = max(largest_a, largest_b)
    if min(A.shape) == 1:  # qhull cannot build one-dimensional polytopes
        X, Y = _as_arrays(_one_action_equilibria(*original), A.shape)
    else:
        X, Y = _candidates(A, B, method)
    found, degenerate = _checked(A, B, X, Y, tol, scale)
    if not found:
        if sum(A.shape) > MAX_EXACT_FALLBACK_ACTIONS:
            raise ValueError(
                f"nashpy's {method} method found no equilibrium of this {A.shape[0]}x"
                f"{A.shape[1]} float game (degenerate or badly scaled), and exact enumeration "
                f"is bounded to {MAX_EXACT_FALLBACK_ACTIONS} actions: give exact payoffs"
            )
        return _exact_equilibria(*original)
    return found, degenerate
