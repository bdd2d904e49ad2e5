"""Every extreme equilibrium of an exact bimatrix game by lexicographic pivoting.

The extreme Nash equilibria of a bimatrix game are the pairs of vertices of
the two best-response polytopes whose labels together cover every pure
strategy (Mangasarian 1964). This module finds each polytope's vertices by
walking its vertex graph with simplex pivots in integer arithmetic
(fraction-free: every update divides exactly by the previous pivot, Edmonds
1967), choosing each pivot's leaving variable by the lexicographic
minimum-ratio test. The lexicographic rule makes the walk the vertex graph of
a simple perturbed polytope, which is connected, even when the game is
degenerate; every vertex of the polytope is the image of one of its vertices
(Avis and Fukuda 1992). The answers are exact and complete, with no
tolerance.

Why this algorithm: each vertex costs one pivot from a neighbour, ``O(k (d +
k))`` integer operations, where solving every support pair again
(:mod:`~bargaining.core.equilibria.vertex`) costs a linear system per pair,
most of them infeasible, and a float enumeration certified afterwards would
still pay a full exact solve per vertex. The walk keeps the bases already
seen in a hash set rather than recovering each basis' parent as reverse
search does (Avis-Rosenberg-Savani-von Stengel 2010): at the sizes an exact
game is solved at, the set is small, and the walk does one pivot per basis
instead of one per edge.

Algorithm
---------
Let ``A`` and ``B`` be the ``m x n`` payoff matrices; labels ``0, ..., m-1``
are the row player's actions and ``m, ..., m+n-1`` the column player's.

1. Shift each matrix to be at least 1 and scale it to integers; equilibria
   do not change.
2. For the row player's polytope ``P = {x >= 0 : B' x <= 1}`` start from
   the tableau ``B' x + s = 1`` with the slacks ``s`` basic (the vertex
   ``x = 0``). ``x_i`` carries label ``i`` and ``s_j`` label ``m + j``.
3. From a basis, let each non-basic variable enter in turn. The leaving row
   is the lexicographic minimum of the rows' right-hand sides, then of their
   entries in the starting basis' columns, each over the entering column's
   positive entry. A basis not seen before is pivoted to and walked from
   in turn (depth first), until no basis is new.
4. A basis' vertex has the basic ``x_i`` at their right-hand sides and the
   other coordinates zero; its labels are the non-basic variables' and those
   of basic variables at zero. Bases sharing a label set share the vertex.
   A vertex with more labels than ``m`` shows the game is degenerate.
5. Do the same for ``Q = {y >= 0 : A y <= 1}`` (``r + A y = 1``; ``r_i``
   carries label ``i``, ``y_j`` label ``m + j``).
6. Pair the vertices other than zero whose labels together cover all ``m +
   n`` labels: in a nondegenerate game the labels of a pair are
   complements, looked up directly; in a degenerate one every pair is
   tested. Normalise each pair to probabilities. In a degenerate game the
   equilibria may form continua, of which these are the extreme points.

References
----------
.. [1] O. L. Mangasarian, "Equilibrium points of bimatrix games", Journal of
   the Society for Industrial and Applied Mathematics 12 (1964) 778-780.
.. [2] J. Edmonds, "Systems of distinct representatives and linear algebra",
   Journal of Research of the National Bureau of Standards 71B (1967)
   241-245.
.. [3] D. Avis and K. Fukuda, "A pivoting algorithm for convex hulls and
   vertex enumeration of arrangements and polyhedra", Discrete and
   Computational Geometry 8 (1992) 295-313.
.. [4] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
   Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from ._pivoting import integer_matrix


def _leaving_row(tableau, entering, first_key, keys):
    """Step 3's lexicographic minimum-ratio row for ``entering``.

    Rows share the tableau's positive determinant as denominator, so two
    rows' ratios over their positive entering entries compare by
    cross-multiplying. The starting basis' columns ``first_key, ...,
    first_key + keys - 1`` are linearly independent, so one row wins. Some
    entry is positive because the polytope is bounded.
    """
    best = None
    for i, row in enumerate(tableau):
        weight = row[entering]
        if weight <= 0:
            continue
        if best is None:
            best, best_row, best_weight = i, row, weight
            continue
        difference = row[-1] * best_weight - best_row[-1] * weight
        key = first_key
        while difference == 0 and key < first_key + keys:
            difference = row[key] * best_weight - best_row[key] * weight
            key += 1
        if difference < 0:
            best, best_row, best_weight = i, row, weight
    return best


def _pivot(tableau, row, entering, determinant):
    """The tableau after ``entering`` replaces ``row``'s basic variable, in integers.

    The stored tableau is the true one times the basis determinant; the new
    determinant is the pivot, and each updated entry divides exactly by the
    old one. The pivot row is unchanged.
    """
    pivot_row = tableau[row]
    pivot = pivot_row[entering]
    pivoted = []
    for i, other in enumerate(tableau):
        if i == row:
            pivoted.append(pivot_row)
            continue
        factor = other[entering]
        pivoted.append(
            [
                (pivot * a - factor * b) // determinant
                for a, b in zip(other, pivot_row, strict=True)
            ]
        )
    return pivoted


def lexicographic_vertices(matrix):
    """Vertices of ``{v >= 0 : matrix v <= 1}`` for a positive integer ``matrix`` (steps 2-4).

    Parameters
    ----------
    matrix : sequence of sequences of int
        ``k x d`` matrix of positive integers; ``v`` has ``d`` coordinates.

    Returns
    -------
    vertices : dict
        Maps each vertex's labels, a bit mask (bit ``i < d`` where ``v_i =
        0``, bit ``d + j`` where row ``j``'s constraint is tight), to a pair
        ``(point, determinant)`` of a tuple of ``d`` ints and a positive int:
        the vertex is ``point / determinant``.
    degenerate : bool
        Whether some vertex has more than ``d`` labels.
    """
    k, d = len(matrix), len(matrix[0])
    tableau = [[*matrix[j], *(int(j == c) for c in range(k)), 1] for j in range(k)]
    basis = tuple(range(d, d + k))
    basic = sum(1 << variable for variable in basis)
    every_variable = (1 << (d + k)) - 1
    seen = {basic}
    vertices = {}
    degenerate = False
    # Each entry is a basis still to visit: its predecessor's tableau, basis
    # and determinant, and the pivot leading from there (none for the start).
    pending = [(tableau, basis, 1, None, None)]
    while pending:
        tableau, basis, determinant, row, entering = pending.pop()
        if row is not None:
            pivot = tableau[row][entering]
            tableau, determinant = _pivot(tableau, row, entering, determinant), pivot
            basis = (*basis[:row], entering, *basis[row + 1 :])
        basic = sum(1 << variable for variable in basis)
        labels = every_variable ^ basic
        for variable, tableau_row in zip(basis, tableau, strict=True):
            if tableau_row[-1] == 0:
                labels |= 1 << variable
        if labels not in vertices:
            point = [0] * d
            for variable, tableau_row in zip(basis, tableau, strict=True):
                if variable < d:
                    point[variable] = tableau_row[-1]
            vertices[labels] = tuple(point), determinant
            degenerate |= labels.bit_count() > d
        for candidate in range(d + k):
            if basic >> candidate & 1:
                continue
            leaving_row = _leaving_row(tableau, candidate, d, k)
            neighbour = basic ^ (1 << basis[leaving_row]) ^ (1 << candidate)
            if neighbour not in seen:
                seen.add(neighbour)
                pending.append((tableau, basis, determinant, leaving_row, candidate))
    return vertices, degenerate


def _probabilities(point):
    total = sum(point)
    return np.array([Fraction(value, total) for value in point], dtype=object)


def exact_vertex_enumeration(A, B):
    """Every extreme Nash equilibrium of the exact game ``(A, B)`` (steps 1-6).

    Parameters
    ----------
    A, B : array_like of int or Fraction
        ``m x n`` payoff matrices of the row and the column player.

    Returns
    -------
    equilibria : list of tuple
        ``(row_strategy, column_strategy)`` pairs of object arrays of
        Fractions, sorted lexicographically.
    degenerate : bool
        Whether some vertex carries more labels than its polytope's
        dimension: the game is degenerate and equilibria may form continua
        (whose extreme points are listed).
    """
    A, B = np.asarray(A, dtype=object), np.asarray(B, dtype=object)
    m, n = A.shape
    A, B = integer_matrix(A), integer_matrix(B)
    row_vertices, row_degenerate = lexicographic_vertices([list(c) for c in zip(*B, strict=True)])
    local_vertices, column_degenerate = lexicographic_vertices(A)
    # Q's labels come out as (j for y_j = 0, n + i for tight rows); relabel to
    # the common numbering (i for rows, m + j for columns).
    low = (1 << n) - 1
    column_vertices = {
        ((labels & low) << m) | (labels >> n): point for labels, point in local_vertices.items()
    }
    everything = (1 << (m + n)) - 1
    degenerate = row_degenerate or column_degenerate
    if degenerate:
        masks = list(column_vertices)
        points = list(column_vertices.values())
        dtype = np.int64 if m + n < 63 else object
        column_masks = np.array(masks, dtype=dtype)
        pairs = [
            (x, points[j])
            for labels, x in row_vertices.items()
            for j in np.flatnonzero((column_masks | labels) == everything)
        ]
    else:
        pairs = [
            (x, column_vertices[everything ^ labels])
            for labels, x in row_vertices.items()
            if everything ^ labels in column_vertices
        ]
    equilibria = [
        (_probabilities(x), _probabilities(y))
        for (x, _), (y, _) in pairs
        if any(x) and any(y)  # not the artificial pair (0, 0)
    ]
    equilibria.sort(key=lambda pair: (tuple(pair[0]), tuple(pair[1])))
    return equilibria, degenerate
