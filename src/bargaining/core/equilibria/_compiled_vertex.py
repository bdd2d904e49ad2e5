"""Vertex enumeration kernels compiled with numba, for float games.

Steps 1-4 of :mod:`bargaining.core.equilibria.float_vertex` for simple
polytopes, as plain loops that numba compiles to machine code: the polar
points of the best-response polytopes, each facet's label mask, and the
complementary pairs found in a hash table of masks. Used when numba is
installed (the ``fast`` extra); the first call compiles the kernels (cached
on disk).

See :mod:`bargaining.core.equilibria.float_vertex` for the algorithm and its
references.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ._compiled import unit_range


@njit(cache=True)
def polar_points(M):
    """Steps 1-2 of :mod:`~bargaining.core.equilibria.float_vertex`: ``M`` mapped onto
    ``[1, 2]``, then the polar points and the centre."""
    M = unit_range(M)
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
