"""Equilibria of a parametric 2x2 game, with the conditions under which each exists.

Algorithm
---------
For payoffs ``A`` (row) and ``B`` (column) whose entries are sympy
expressions:

1. Each cell ``(i, j)`` is a pure equilibrium exactly when neither player
   gains by switching: ``A[i, j] - A[1-i, j] >= 0`` and
   ``B[i, j] - B[i, 1-j] >= 0``, each difference simplified.
2. A completely mixed equilibrium makes each player indifferent between the
   opponent's two actions. The row player's probability ``p`` of the first
   row solves the column player's indifference,
   ``p = (B11 - B10) / (B00 - B10 - B01 + B11)``, and ``q`` likewise from
   ``A``. It exists when both lie strictly between 0 and 1.

Each condition keeps one inequality per incentive constraint, so a student
can read which is which; substituting numbers decides them.

References
----------
.. [1] M. J. Osborne, An Introduction to Game Theory, Oxford University
   Press (2004), ch. 4.
"""

from __future__ import annotations

from typing import NamedTuple

import sympy as sp


class ConditionalEquilibrium(NamedTuple):
    """An equilibrium of a parametric game and the condition for it to exist."""

    row: tuple
    column: tuple
    condition: sp.Basic


def _gain(difference):
    return sp.factor(sp.simplify(difference))


def _strict_probability(value):
    return sp.And(value > 0, value < 1)


def symbolic_equilibria(A, B):
    """Pure and completely mixed equilibria of a 2x2 game with symbolic payoffs.

    Parameters
    ----------
    A, B : 2x2 array_like of sympy expressions
        Row and column player's payoffs.

    Returns
    -------
    list of ConditionalEquilibrium
        Four pure candidates and one mixed, each with its condition; a
        candidate whose condition is identically false is left out.
    """
    A = sp.Matrix(A)
    B = sp.Matrix(B)
    found = []
    for i in range(2):
        for j in range(2):
            condition = sp.And(
                _gain(A[i, j] - A[1 - i, j]) >= 0, _gain(B[i, j] - B[i, 1 - j]) >= 0
            )
            if condition is not sp.false:
                row = (sp.Integer(1 - i), sp.Integer(i))
                column = (sp.Integer(1 - j), sp.Integer(j))
                found.append(ConditionalEquilibrium(row, column, condition))
    row_denominator = B[0, 0] - B[1, 0] - B[0, 1] + B[1, 1]
    column_denominator = A[0, 0] - A[0, 1] - A[1, 0] + A[1, 1]
    if row_denominator != 0 and column_denominator != 0:
        p = sp.cancel((B[1, 1] - B[1, 0]) / row_denominator)
        q = sp.cancel((A[1, 1] - A[0, 1]) / column_denominator)
        condition = sp.And(_strict_probability(p), _strict_probability(q))
        if condition is not sp.false:
            found.append(ConditionalEquilibrium((p, 1 - p), (q, 1 - q), condition))
    return found
