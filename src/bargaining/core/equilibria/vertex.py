"""Exact vertex enumeration of a bimatrix game's equilibria, support pair by support pair.

Every extreme Nash equilibrium of a bimatrix game is a pair of vertices of
the two best-response polytopes whose labels together cover every pure
strategy (Mangasarian 1964; von Stengel 2007). Enumerating both polytopes'
vertices exactly and pairing them finds every extreme equilibrium, in
degenerate games too, with rational arithmetic and no tolerance.

This exhaustive version solves a linear system for every pair of equally
large sets of rows and columns, ``binom(m + n, m)`` systems for each
polytope, most of them without a vertex;
:mod:`~bargaining.core.equilibria.exact_vertex` finds the same vertices by
pivoting from one to the next and is what :meth:`bargaining.Game.equilibria`
uses. This one stays as its independent reference.

Algorithm
---------
Let ``A`` and ``B`` be ``m x n`` payoff matrices.

1. Shift ``A`` and ``B`` so every entry is positive; equilibria do not change.
2. For the row player's polytope ``P = {x >= 0 : B' x <= 1}`` take every
   support ``S`` of rows and every equally large set ``J`` of columns, and
   solve ``B[S, J]' x_S = 1``. A non-negative solution that keeps every other
   column's payoff at most 1 is a vertex; its labels are the rows it leaves
   out and the columns it makes best responses.
3. Do the same for the column player's polytope ``Q = {y >= 0 : A y <= 1}``.
4. Pair the vertices whose labels together cover all ``m + n`` strategies,
   and rescale each pair to probabilities.
5. A vertex with more labels than its polytope's dimension shows the game is
   degenerate: equilibria may then form continua, of which step 4 returns the
   extreme points.

References
----------
.. [1] O. L. Mangasarian, "Equilibrium points of bimatrix games", Journal of
   the Society for Industrial and Applied Mathematics 12 (1964) 778-780.
.. [2] B. von Stengel, "Equilibrium computation for two-player games in
   strategic and extensive form", ch. 3 of Algorithmic Game Theory,
   Cambridge University Press (2007).
.. [3] D. Avis, G. D. Rosenberg, R. Savani and B. von Stengel, "Enumeration of
   Nash equilibria for two-player games", Economic Theory 42 (2010) 9-37.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import numpy as np


def _solve(matrix, rhs):
    """Solve a small square system exactly; ``None`` when it is singular."""
    size = len(matrix)
    rows = [[*list(row), value] for row, value in zip(matrix, rhs, strict=True)]
    for col in range(size):
        pivot = next((r for r in range(col, size) if rows[r][col] != 0), None)
        if pivot is None:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        pivot_row = rows[col]
        for r in range(size):
            factor = rows[r][col]
            if r != col and factor != 0:
                factor = factor / pivot_row[col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], pivot_row, strict=True)]
    return [rows[i][size] / rows[i][i] for i in range(size)]


def polytope_vertices(matrix):
    """Non-zero vertices of ``{x >= 0 : matrix' x <= 1}`` with their labels.

    Parameters
    ----------
    matrix : sequence of sequences of Fraction
        ``m x n`` matrix with positive entries; ``x`` has ``m`` coordinates.

    Returns
    -------
    dict
        Maps each vertex (a tuple of ``m`` Fractions) to its labels, a
        frozenset holding ``i`` where ``x_i = 0`` and ``m + j`` where column
        ``j``'s constraint is tight.
    """
    m, n = len(matrix), len(matrix[0])
    columns = [[Fraction(matrix[i][j]) for i in range(m)] for j in range(n)]
    vertices = {}
    for size in range(1, min(m, n) + 1):
        for support in combinations(range(m), size):
            for tight in combinations(range(n), size):
                system = [[columns[j][i] for i in support] for j in tight]
                solution = _solve(system, [1] * size)
                if solution is None or any(value < 0 for value in solution):
                    continue
                point = [Fraction(0)] * m
                for i, value in zip(support, solution, strict=True):
                    point[i] = value
                loads = [sum(c * x for c, x in zip(col, point, strict=True)) for col in columns]
                if any(load > 1 for load in loads):
                    continue
                labels = {i for i in range(m) if point[i] == 0}
                labels |= {m + j for j in range(n) if loads[j] == 1}
                vertices[tuple(point)] = frozenset(labels)
    return vertices


def _positive(matrix):
    shift = 1 - min(min(row) for row in matrix)
    return [[value + shift for value in row] for row in matrix]


def _normalise(point):
    total = sum(point)
    return np.array([value / total for value in point], dtype=object)


def vertex_enumeration(A, B):
    """Every extreme Nash equilibrium of the bimatrix game ``(A, B)``, exactly.

    Parameters
    ----------
    A, B : array_like of Fraction
        ``m x n`` payoff matrices of the row and the column player.

    Returns
    -------
    equilibria : list of tuple
        ``(row_strategy, column_strategy)`` pairs of object arrays of
        Fractions, sorted lexicographically.
    degenerate : bool
        Whether some vertex carries more labels than its polytope's
        dimension, i.e. the game is degenerate and equilibria may form
        continua (whose extreme points are listed).
    """
    A = [list(row) for row in np.asarray(A, dtype=object)]
    B = [list(row) for row in np.asarray(B, dtype=object)]
    m, n = len(A), len(A[0])
    row_vertices = polytope_vertices(_positive(B))
    transposed_A = [[row[j] for row in A] for j in range(n)]
    # Q's labels come out as (j for y_j = 0, n + i for tight rows); relabel to
    # the common numbering (i for rows, m + j for columns).
    column_vertices = {
        point: frozenset(m + label if label < n else label - n for label in labels)
        for point, labels in polytope_vertices(_positive(transposed_A)).items()
    }
    everything = frozenset(range(m + n))
    equilibria = [
        (_normalise(x), _normalise(y))
        for x, x_labels in row_vertices.items()
        for y, y_labels in column_vertices.items()
        if x_labels | y_labels == everything
    ]
    equilibria.sort(key=lambda pair: (tuple(pair[0]), tuple(pair[1])))
    degenerate = any(len(labels) > m for labels in row_vertices.values()) or any(
        len(labels) > n for labels in column_vertices.values()
    )
    return equilibria, degenerate
