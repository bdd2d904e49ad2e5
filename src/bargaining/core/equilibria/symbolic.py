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
   ``A``. It exists when both lie strictly between 0 and 1, a condition
   stated without division so that substituting values never divides by
   zero.

Each condition keeps one inequality per incentive constraint, so a student
can read which is which; substituting numbers decides them. Differences of
high expanded degree (``(w + 1)**999``) are left as written rather than
simplified, which would take minutes (:data:`MAX_SIMPLIFY_DEGREE`).

References
----------
.. [1] M. J. Osborne, An Introduction to Game Theory, Oxford University
   Press (2004), ch. 4.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ..._lazy import lazy_module

if TYPE_CHECKING:
    import sympy

    from ..._typing import Matrix

sp = lazy_module("sympy")


class ConditionalEquilibrium(NamedTuple):
    """An equilibrium of a parametric game and the condition for it to exist."""

    row: tuple
    column: tuple
    condition: sympy.Basic


MAX_SIMPLIFY_DEGREE = 24
MAX_SIMPLIFY_SIZE = 400


def _expanded_degree(expression):
    """An upper bound on the polynomial degree of ``expression`` once multiplied out.

    Powers multiply the degree of their base by the exponent's numerator;
    functions (``exp``, ``Max``, ...) count as their arguments' degree.
    """
    if not expression.free_symbols:
        return 0
    if expression.is_Symbol:
        return 1
    if expression.is_Pow and expression.exp.is_Rational:
        return _expanded_degree(expression.base) * abs(expression.exp.p)
    degrees = [_expanded_degree(a) for a in expression.args]
    return sum(degrees) if expression.is_Mul else max(degrees, default=0)


def _is_small(expression):
    """Whether sympy can simplify ``expression`` quickly: a bounded size and expanded degree.

    ``(w + 1)**999`` is a short expression, but simplifying it expands a
    polynomial of degree 999 with 300-digit coefficients.
    """
    return (
        sp.count_ops(expression) <= MAX_SIMPLIFY_SIZE
        and _expanded_degree(expression) <= MAX_SIMPLIFY_DEGREE
    )


def _gain(difference):
    """A payoff difference, simplified and factored when that is cheap, as written otherwise."""
    if not _is_small(difference):
        return difference
    return sp.factor(sp.simplify(difference))


def _cancel(expression):
    return sp.cancel(expression) if _is_small(expression) else expression


def _strictly_between_zero_and_one(numerator, denominator):
    """``0 < numerator / denominator < 1`` without dividing, so that values making the
    denominator vanish give ``False`` instead of a division by zero."""
    return sp.And(
        _gain(numerator * denominator) > 0, _gain((denominator - numerator) * denominator) > 0
    )


def symbolic_equilibria(A: Matrix, B: Matrix) -> list[ConditionalEquilibrium]:
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
        p_numerator, q_numerator = B[1, 1] - B[1, 0], A[1, 1] - A[0, 1]
        condition = sp.And(
            _strictly_between_zero_and_one(p_numerator, row_denominator),
            _strictly_between_zero_and_one(q_numerator, column_denominator),
        )
        if condition is not sp.false:
            p = _cancel(p_numerator / row_denominator)
            q = _cancel(q_numerator / column_denominator)
            row, column = (p, _cancel(1 - p)), (q, _cancel(1 - q))
            found.append(ConditionalEquilibrium(row, column, condition))
    return found
