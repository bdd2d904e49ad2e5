"""Every extreme equilibrium of a float bimatrix game by polar vertex enumeration.

The extreme Nash equilibria are the pairs of vertices of the two
best-response polytopes whose labels together cover every pure strategy
(Mangasarian 1964). In floating point the vertices of each polytope are
found at once as the facets of its polar, a convex hull that qhull computes
(Barber, Dobkin and Huhdanpaa 1996); the pairs are then matched on bit masks
of their labels.

Algorithm
---------
Let ``A`` and ``B`` be the ``m x n`` payoff matrices; labels ``0, ..., m-1``
are the row player's actions and ``m, ..., m+n-1`` the column player's.

1. Map both matrices affinely onto ``[1, 2]``; equilibria do not change.
2. For the row player's polytope ``P = {x >= 0 : B' x <= 1}`` take the
   interior point ``c = t 1`` with ``B' c <= 1/2`` and write each of the
   ``m + n`` constraints as ``a_k . (x - c) <= 1``: the rows ``-e_i / t``
   (label ``i``) and ``B[:, j] / (1 - B[:, j] . c)`` (label ``m + j``).
3. The vertices of ``P`` are the facets ``w . z = 1`` of the convex hull of
   the points ``a_k`` (the polar of ``P - c``): each gives the vertex
   ``x = c + w``. Its labels are the constraints it meets within the
   tolerance; more labels than the dimension show the game is degenerate.
4. Do the same for ``Q = {y >= 0 : A y <= 1}``.
5. Pair the vertices whose label masks together cover all ``m + n`` labels
   (the artificial vertices ``x = 0`` and ``y = 0`` excepted) and normalise
   each pair to probabilities. In a nondegenerate game the masks of a pair
   are complements, looked up in a hash table of the masks (numba) or by
   binary search among the sorted masks (numpy); in a degenerate one every
   pair is tested.

References
----------
.. [1] O. L. Mangasarian, "Equilibrium points of bimatrix games", Journal of
   the Society for Industrial and Applied Mathematics 12 (1964) 778-780.
.. [2] C. B. Barber, D. P. Dobkin and H. Huhdanpaa, "The Quickhull algorithm
   for convex hulls", ACM Transactions on Mathematical Software 22 (1996)
   469-483.
.. [3] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
   Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37.
"""

from __future__ import annotations

import functools

import numpy as np

from ..validation import has_numba

# A constraint within this of equality (payoffs mapped onto [1, 2]) is tight.
TOLERANCE = 1e-10


def _unit_range(M):
    low, spread = M.min(), M.max() - M.min()
    return 1.0 + (M - low) / spread if spread > 0 else np.ones_like(M)


def _polar_points(M):
    """Step 2 for ``{v >= 0 : M' v <= 1}``, ``M`` mapped onto ``[1, 2]``: polar points, centre."""
    d = M.shape[0]
    step = 0.5 / M.sum(axis=0).max()
    center = np.full(d, step)
    return np.vstack([-np.eye(d) / step, (M / (1.0 - center @ M)).T]), center


def _hull(points):
    from scipy.spatial import ConvexHull

    return ConvexHull(points, qhull_options="Qc")  # Qc: list the points that lie on facets


def _vertices(hull, normals, center, first_label, other_first_label):
    """Vertices of the polytope whose polar is ``hull``, with their label masks (step 3).

    ``normals`` are the polar points and ``center`` the interior point of
    step 2; the polytope's ``d`` coordinates are labelled from
    ``first_label`` and its other constraints from ``other_first_label``.
    Returns the vertices, their masks and whether the polytope is degenerate.
    """
    d = center.shape[0]
    own = np.arange(d) + first_label
    labels = np.concatenate([own, np.arange(len(normals) - d) + other_first_label])
    # qhull splits a facet with more than d points (a vertex with more than d
    # labels) into simplices that share its hyperplane, and sets aside points
    # that lie on a facet without being one of its vertices.
    equations = hull.equations
    # Facets w . z = 1 are stored as n . z + offset = 0 with offset < 0.
    shifts = equations[:, :d] / -equations[:, d:]
    fingerprints = equations @ np.sqrt(np.arange(2.0, d + 3.0))  # equal rows, equal sums
    degenerate = len(hull.coplanar) > 0 or len(np.unique(fingerprints)) < len(equations)
    if degenerate:
        # Labels by tolerance, then one copy of each vertex.
        tight = np.abs(shifts @ normals.T - 1.0) <= TOLERANCE
        masks = tight.astype(np.int64) @ (np.int64(1) << labels)
        masks, first = np.unique(masks, return_index=True)
        shifts = shifts[first]
    else:
        masks = (np.int64(1) << labels)[hull.simplices].sum(axis=1)
    points = center + shifts
    zero = (masks[:, None] >> own) & 1
    points[zero.astype(bool)] = 0.0  # a coordinate whose label is present is zero
    return np.clip(points, 0.0, None), masks, degenerate


@functools.cache
def _compiled_module():
    """The numba kernels, or ``None`` without numba (the ``fast`` extra)."""
    if not has_numba():
        return None
    from . import _compiled_vertex

    return _compiled_vertex


def float_vertex_arrays(
    A: np.ndarray, B: np.ndarray, backend: str = "auto"
) -> tuple[np.ndarray, np.ndarray, bool]:
    """:func:`float_vertex_enumeration` with the equilibria as the rows of two arrays.

    Returns
    -------
    row_strategies : numpy.ndarray
        ``k x m``: the row player's strategy of each equilibrium.
    column_strategies : numpy.ndarray
        ``k x n``: the column player's, in the same order.
    degenerate : bool
        As for :func:`float_vertex_enumeration`.

    Raises
    ------
    ValueError
        If ``backend`` is not ``"auto"`` or ``"numpy"``.
    scipy.spatial.QhullError
        If qhull fails on the polar points (rounding on badly scaled games).
    """
    if backend not in ("auto", "numpy"):
        raise ValueError(f"backend must be 'auto' or 'numpy', got {backend!r}")
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    m, n = A.shape
    compiled = _compiled_module() if backend == "auto" else None
    if compiled is not None:
        x_normals, x_center = compiled.polar_points(B)
        y_normals, y_center = compiled.polar_points(A.T)
    else:
        x_normals, x_center = _polar_points(_unit_range(B))
        y_normals, y_center = _polar_points(_unit_range(A).T)
    x_hull, y_hull = _hull(x_normals), _hull(y_normals)
    if compiled is not None and not (len(x_hull.coplanar) or len(y_hull.coplanar)):
        found_x, found_y, duplicated = compiled.simple_equilibria(
            x_hull.equations, x_hull.simplices, x_hull.neighbors, x_center,
            y_hull.equations, y_hull.simplices, y_hull.neighbors, y_center,
        )  # fmt: skip
        if not duplicated:
            return found_x, found_y, False
    xs, x_masks, x_degenerate = _vertices(x_hull, x_normals, x_center, 0, m)
    ys, y_masks, y_degenerate = _vertices(y_hull, y_normals, y_center, m, 0)
    everything = (1 << (m + n)) - 1
    if x_degenerate or y_degenerate:
        pairs = np.argwhere((x_masks[:, None] | y_masks[None, :]) == everything)
    else:
        # Every vertex has exactly its dimension's number of labels, so a
        # covering pair's masks are complements: look them up in sorted order.
        order = np.argsort(y_masks)
        wanted = everything ^ x_masks
        at = np.minimum(np.searchsorted(y_masks[order], wanted), len(order) - 1)
        hits = np.flatnonzero(y_masks[order[at]] == wanted)
        pairs = np.column_stack([hits, order[at[hits]]])
    x, y = xs[pairs[:, 0]], ys[pairs[:, 1]]
    x_totals, y_totals = x.sum(axis=1, keepdims=True), y.sum(axis=1, keepdims=True)
    keep = (x_totals[:, 0] > 0) & (y_totals[:, 0] > 0)  # not the artificial pair (0, 0)
    return x[keep] / x_totals[keep], y[keep] / y_totals[keep], x_degenerate or y_degenerate


def float_vertex_enumeration(A, B, backend="auto"):
    """Every extreme equilibrium of the float game ``(A, B)`` (steps 1-5).

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` float payoff matrices, both dimensions at least 2.
    backend : {"auto", "numpy"}
        ``"auto"`` maps the payoffs, labels and pairs the vertices with numba
        kernels when numba is installed (the ``fast`` extra); qhull computes
        the hulls either way.

    Returns
    -------
    equilibria : list of tuple
        ``(row_strategy, column_strategy)`` float arrays, unsorted.
    degenerate : bool
        Whether some vertex meets more constraints than its polytope's
        dimension: the game is degenerate and equilibria may form continua
        (whose extreme points are listed, up to rounding).

    Raises
    ------
    ValueError
        If ``backend`` is not one of the above.
    scipy.spatial.QhullError
        If qhull fails on the polar points (rounding on badly scaled games).
    """
    found_x, found_y, degenerate = float_vertex_arrays(A, B, backend)
    return list(zip(found_x, found_y, strict=True)), degenerate
