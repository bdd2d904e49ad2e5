"""One Nash equilibrium of a bimatrix game by the Lemke-Howson algorithm.

Lemke and Howson (1964) follow a path of almost complementary vertex pairs of
the two best-response polytopes, from the artificial equilibrium at the
origin to a Nash equilibrium. Each step is a pivot in one player's tableau.
Choosing the leaving variable by the lexicographic minimum ratio makes every
step well defined in degenerate games too, so the path cannot cycle (von
Stengel 2007, section 3.5).

Algorithm
---------
Let ``A`` and ``B`` be the ``m x n`` payoff matrices. Labels ``0, ..., m-1``
are the row player's actions and ``m, ..., m+n-1`` the column player's.

1. Make both matrices positive: floats are mapped affinely onto ``[1, 2]``,
   exact payoffs are shifted to be at least 1 and scaled to integers.
   Equilibria do not change.
2. Build the tableau of ``P = {x >= 0 : B' x <= 1}`` (``n`` rows, ``B' x + s
   = 1``) and of ``Q = {y >= 0 : A y <= 1}`` (``m`` rows, ``r + A y = 1``).
   Columns are indexed by label: ``x_i`` and ``r_i`` carry label ``i``,
   ``s_j`` and ``y_j`` carry label ``m + j``. The slacks are the starting
   bases.
3. Let the starting ``label`` enter the tableau where it is non-basic:
   ``P``'s if it is a row action, ``Q``'s otherwise.
4. Choose the leaving row by the lexicographic minimum-ratio test: least
   ratio of the right-hand side to the entering column, ties broken by the
   ratios in the starting basis' columns in order. Pivot.
5. If the leaving variable carries ``label``, every label is present again:
   stop. Otherwise its label enters the other tableau: go to 4.
6. Read the basic ``x`` and ``y`` off the right-hand sides and normalise them
   to mixed strategies.

Float games pivot in floating point (compiled with numba when the ``fast``
extra is installed, numpy otherwise). Exact games pivot in integers without
fractions (each row update divides exactly by the previous pivot, Edmonds
1967), so their equilibrium is exact.

References
----------
.. [1] C. E. Lemke and J. T. Howson, "Equilibrium points of bimatrix games",
   Journal of the Society for Industrial and Applied Mathematics 12 (1964)
   413-423.
.. [2] B. von Stengel, "Equilibrium computation for two-player games in
   strategic and extensive form", ch. 3 of Algorithmic Game Theory,
   Cambridge University Press (2007).
.. [3] J. Edmonds, "Systems of distinct representatives and linear algebra",
   Journal of Research of the National Bureau of Standards 71B (1967)
   241-245.
"""

from __future__ import annotations

import numpy as np

from ..validation import resolve_backend
from ._pivoting import exact_path, numpy_lemke_howson, strategies

# Largest exact games (rows + columns) solved from every label: integer
# pivoting slows down with the size of the determinants (20x20 takes a third
# of a second, 25x25 seconds).
MAX_EXACT_ACTIONS = 40
# An entering-column entry at most this (payoffs mapped onto [1, 2]) counts as
# zero, and ratios this close (relative) tie and go to the lexicographic test.
TOLERANCE = 1e-12


def default_max_pivots(shape):
    """Pivot cap of one path: ``1000 (m + n)``, far beyond random games' paths."""
    return 1000 * sum(shape)


def _check(A, B, label, max_pivots):
    if A.ndim != 2 or A.shape != B.shape or 0 in A.shape:
        raise ValueError(
            f"A and B must be non-empty matrices of one shape, got {A.shape} and {B.shape}"
        )
    size = sum(A.shape)
    if isinstance(label, bool) or not isinstance(label, int | np.integer) or not 0 <= label < size:
        raise ValueError(f"label must be an integer in [0, {size}), got {label!r}")
    if isinstance(max_pivots, bool) or not isinstance(max_pivots, int) or max_pivots < 1:
        raise ValueError(f"max_pivots must be a positive integer, got {max_pivots!r}")


def lemke_howson(A, B, label=0, *, max_pivots=None, backend="auto"):
    """A Nash equilibrium of the bimatrix game ``(A, B)`` by Lemke-Howson from ``label``.

    Parameters
    ----------
    A, B : array_like
        ``m x n`` payoffs of the row and the column player: floats, or ints
        and Fractions (an object array) for an exact answer.
    label : int
        The starting label: ``0, ..., m-1`` are the row player's actions,
        ``m, ..., m+n-1`` the column player's.
    max_pivots : int, optional
        Most pivots on the path; default :func:`default_max_pivots`.
    backend : {"auto", "numba", "numpy"}
        For float games: ``"auto"`` uses the numba kernel when numba is
        installed. Exact games always pivot in Python integers.

    Returns
    -------
    tuple of numpy.ndarray
        ``(row_strategy, column_strategy)``: floats for a float game, exact
        Fractions (object arrays) for an exact one.

    Raises
    ------
    ValueError
        If the matrices, ``label``, ``max_pivots`` or ``backend`` are invalid.
    RuntimeError
        If the path is longer than ``max_pivots`` (Lemke-Howson paths can be
        exponentially long), or float rounding left an entering column with
        no positive entry.
    """
    A, B = np.asarray(A), np.asarray(B)
    if max_pivots is None:
        max_pivots = default_max_pivots(A.shape)
    _check(A, B, label, max_pivots)
    backend = resolve_backend(backend)
    m, n = A.shape
    label = int(label)
    exact = A.dtype == object and B.dtype == object
    if exact:
        final, outcome = exact_path(A, B, label, max_pivots)
    else:
        if backend == "numba":
            from ._compiled import lemke_howson as solve
        else:
            solve = numpy_lemke_howson
        x, y, outcome = solve(
            np.ascontiguousarray(A, dtype=float),
            np.ascontiguousarray(B, dtype=float),
            label,
            max_pivots,
            TOLERANCE,
        )
    if outcome == -1:
        raise RuntimeError(f"Lemke-Howson from label {label} took more than {max_pivots} pivots")
    if outcome == -2:
        raise RuntimeError(f"Lemke-Howson from label {label} lost every pivot to rounding")
    if not exact:
        return x, y
    tableaux, bases = final
    return strategies([[row[-1] for row in t] for t in tableaux], bases, m, n, exact=True)


def lemke_howson_from_every_label(A, B, max_pivots=None):
    """:func:`lemke_howson` from each of the ``m + n`` labels, in order.

    A label whose path fails (more than ``max_pivots`` pivots, or rounding in
    a float game) drops only its own result. Results repeat when several
    labels lead to the same equilibrium.
    """
    found = []
    for label in range(sum(np.shape(A))):
        try:
            found.append(lemke_howson(A, B, label, max_pivots=max_pivots))
        except RuntimeError:
            continue
    return found


def exact_lemke_howson_equilibria(A, B, max_pivots=None):
    """The distinct equilibria Lemke-Howson reaches from every label of an exact game.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` object arrays of ints or Fractions.
    max_pivots : int, optional
        Most pivots on each path; default :func:`default_max_pivots`.

    Returns
    -------
    equilibria : list of tuple
        ``(row_strategy, column_strategy)`` object arrays of Fractions,
        distinct, sorted as the float methods sort them.
    degenerate : bool
        Whether some equilibrium found has a player with more pure best
        responses than the other player's support has actions, which shows
        the game is degenerate (other equilibria may then form continua).

    Raises
    ------
    ValueError
        If the game has more than :data:`MAX_EXACT_ACTIONS` actions in all.
    """
    if sum(A.shape) > MAX_EXACT_ACTIONS:
        raise ValueError(
            f"equilibria(method='lemke-howson') of a {A.shape[0]}x{A.shape[1]} exact game "
            f"would take minutes: exact pivoting accepts at most {MAX_EXACT_ACTIONS} actions "
            "in all; give float payoffs"
        )
    distinct = {}
    for x, y in lemke_howson_from_every_label(A, B, max_pivots):
        distinct.setdefault((tuple(x), tuple(y)), (x, y))
    found = sorted(distinct.values(), key=lambda pair: (tuple(-pair[0]), tuple(-pair[1])))
    degenerate = False
    for x, y in found:
        row_payoffs, column_payoffs = A @ y, x @ B
        row_best = sum(value == max(row_payoffs) for value in row_payoffs)
        column_best = sum(value == max(column_payoffs) for value in column_payoffs)
        degenerate |= row_best > sum(v > 0 for v in y) or column_best > sum(v > 0 for v in x)
    return found, degenerate
