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
def _unit_range(M):
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
    A, B = _unit_range(A), _unit_range(B)
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


@njit(cache=True)
def polar_points(M):
    """Steps 1-2 of :mod:`~bargaining.core.equilibria.float_vertex`: ``M`` mapped onto
    ``[1, 2]``, then the polar points and the centre."""
    M = _unit_range(M)
    d, k = M.shape
    largest = 0.0
    for j in range(k):
        largest = max(largest, M[:, j].sum())
    step = 0.5 / largest
    points = np.zeros((d + k, d))
    for i in range(d):
        points[i, i] = -1.0 / step
    for j in range(k):
        room = 1.0 - step * M[:, j].sum()
        for i in range(d):
            points[d + j, i] = M[i, j] / room
    return points, np.full(d, step)


@njit(cache=True)
def _simple_masks(equations, simplices, neighbors, labels):
    """Step 3 for a simple polytope: each facet's label mask, and whether two facets coincide.

    The labels of a facet's points make its vertex's mask. qhull splits a
    facet with more than ``d`` points into simplices that share its equation,
    and the pieces of a split facet are neighbours: so a repeated vertex shows
    as two neighbouring facets with equal equations.
    """
    count, d = simplices.shape
    masks = np.zeros(count, dtype=np.int64)
    offsets = equations[:, d].copy()  # compact: the neighbours are read in random order
    duplicated = False
    for f in range(count):
        mask = np.int64(0)
        for k in range(d):
            mask |= np.int64(1) << labels[simplices[f, k]]
        masks[f] = mask
        for k in range(d):
            g = neighbors[f, k]
            if g > f and offsets[g] == offsets[f]:
                duplicated |= (equations[g] == equations[f]).all()
    return masks, duplicated


@njit(cache=True)
def _vertex(equations, simplices, center, facet):
    """The vertex of a simple polytope that ``facet`` of its polar gives, as probabilities.

    Facets ``n . z + offset = 0`` give the vertices ``center - n / offset``; a
    coordinate whose label is among the facet's points is zero. All zeros
    (the artificial vertex) stay zeros.
    """
    d = center.shape[0]
    offset = -equations[facet, d]
    point = np.empty(d)
    for i in range(d):
        point[i] = center[i] + equations[facet, i] / offset
    for k in simplices[facet]:
        if k < d:
            point[k] = 0.0
    total = 0.0
    for i in range(d):
        point[i] = max(point[i], 0.0)
        total += point[i]
    if total > 0:
        point /= total
    return point, total > 0


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: 2**64 over the golden ratio


@njit(cache=True)
def _slot(mask, shift):
    return np.int64((np.uint64(mask) * _GOLDEN) >> np.uint64(shift))


@njit(cache=True)
def _mask_table(masks):
    """An open-addressing hash table from each (positive) mask to its first facet.

    Returns the keys (-1 where empty), the facets and the shift that maps a
    hash onto the table.
    """
    bits = 1
    while (1 << bits) < 2 * len(masks):
        bits += 1
    size, shift = 1 << bits, 64 - bits
    keys = np.full(size, -1, dtype=np.int64)
    facets = np.empty(size, dtype=np.int64)
    for f in range(len(masks)):
        at = _slot(masks[f], shift)
        while keys[at] >= 0 and keys[at] != masks[f]:
            at = (at + 1) & (size - 1)
        if keys[at] < 0:
            keys[at], facets[at] = masks[f], f
    return keys, facets, shift


@njit(cache=True)
def _find(keys, facets, shift, mask):
    """The facet of ``mask`` in a :func:`_mask_table`, or -1."""
    size = len(keys)
    at = _slot(mask, shift)
    while keys[at] >= 0:
        if keys[at] == mask:
            return facets[at]
        at = (at + 1) & (size - 1)
    return -1


@njit(cache=True)
def simple_equilibria(
    x_equations, x_simplices, x_neighbors, x_center,
    y_equations, y_simplices, y_neighbors, y_center,
):  # fmt: skip
    """Steps 3-5 when both polytopes are simple: the equilibria, and whether a vertex repeats.

    Takes the equations, simplices and neighbours of the two polar hulls and
    the centres of step 2. The pairs of vertices with complementary label masks are found by binary
    search among the sorted masks. When a vertex repeats (qhull split a
    facet), the equilibria are empty and the caller takes the general path.
    """
    m, n = x_center.shape[0], y_center.shape[0]
    x_labels = np.arange(m + n)
    y_labels = np.concatenate((np.arange(m, m + n), np.arange(m)))
    x_masks, x_duplicated = _simple_masks(x_equations, x_simplices, x_neighbors, x_labels)
    y_masks, y_duplicated = _simple_masks(y_equations, y_simplices, y_neighbors, y_labels)
    found_x, found_y = np.empty((0, m)), np.empty((0, n))
    if x_duplicated or y_duplicated:
        return found_x, found_y, True
    everything = (np.int64(1) << (m + n)) - 1
    keys, facets, shift = _mask_table(y_masks)
    xs, ys = [], []
    for i in range(len(x_masks)):
        j = _find(keys, facets, shift, everything ^ x_masks[i])
        if j < 0:
            continue
        x, x_real = _vertex(x_equations, x_simplices, x_center, i)
        y, y_real = _vertex(y_equations, y_simplices, y_center, j)
        if x_real and y_real:  # not the artificial pair (0, 0)
            xs.append(x)
            ys.append(y)
    if xs:
        found_x, found_y = np.empty((len(xs), m)), np.empty((len(ys), n))
        for k in range(len(xs)):
            found_x[k], found_y[k] = xs[k], ys[k]
    return found_x, found_y, False


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
