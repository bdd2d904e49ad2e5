"""Minmax values: the least a player can be held to by the opponent.

Player ``i``'s minmax value is ``min over the opponent's strategies of max
over i's own actions of i's payoff``. It is the punishment floor of the folk
theorem and of every repeated-game threshold in this package.

Algorithm
---------
1. Pure: the opponent picks the pure action minimising the player's best
   reply, ``min_j max_i A[i, j]``; exact for exact and symbolic payoffs.
2. Mixed, floats: a linear program (solved with HiGHS) in the opponent's mixed
   strategy ``y`` and the value ``v``: minimise ``v`` subject to
   ``A y <= v``, ``sum(y) = 1``, ``y >= 0``.
3. Mixed, exact: the mixed minmax value is the value of the zero-sum game in
   which the opponent receives ``-A`` (von Neumann 1928), so any equilibrium
   of that game, found by exact vertex enumeration, gives it as a Fraction.

References
----------
.. [1] J. von Neumann, "Zur Theorie der Gesellschaftsspiele", Mathematische
   Annalen 100 (1928) 295-320.
.. [2] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §5.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .._lazy import is_sympy, lazy_module

if TYPE_CHECKING:
    from .._typing import Scalar

sp = lazy_module("sympy")


@dataclass(frozen=True)
class Minmax:
    """Each player's minmax value and the opponent's strategy that achieves it.

    Iterating yields ``(row, column)``, so ``v_row, v_col = game.minmax()``.
    """

    row: Scalar
    column: Scalar
    punish_row: np.ndarray
    punish_column: np.ndarray
    mixed: bool

    def __iter__(self) -> Iterator[Scalar]:
        return iter((self.row, self.column))

    def __getitem__(self, player: int) -> Scalar:
        return (self.row, self.column)[player]


def _pure(payoffs):
    """Minmax of the player whose payoffs are ``payoffs[own, opponent]``."""
    if payoffs.dtype == object and any(is_sympy(value) for value in payoffs.flat):
        best_replies = [sp.Max(*payoffs[:, j]) for j in range(payoffs.shape[1])]
        return sp.Min(*best_replies), None
    best_replies = payoffs.max(axis=0)
    punisher = int(np.argmin(best_replies))
    strategy = np.zeros(payoffs.shape[1], dtype=payoffs.dtype)
    strategy[punisher] = 1
    return best_replies[punisher], strategy


def _mixed_lp(payoffs):
    from scipy.optimize import linprog

    largest = float(np.abs(payoffs).max())
    if largest > 1e6:
        return _mixed_lp_scaled(payoffs, largest)
    own, opponent = payoffs.shape
    cost = np.zeros(opponent + 1)
    cost[-1] = 1.0
    upper = np.hstack([payoffs, -np.ones((own, 1))])
    equality = np.hstack([np.ones((1, opponent)), np.zeros((1, 1))])
    bounds = [(0, None)] * opponent + [(None, None)]
    result = linprog(
        cost,
        A_ub=upper,
        b_ub=np.zeros(own),
        A_eq=equality,
        b_eq=[1.0],
        bounds=bounds,
        method="highs",
    )
    if not result.success:  # pragma: no cover - a bounded feasible LP always solves
        raise RuntimeError(f"minmax linear program failed: {result.message}")
    return float(result.x[-1]), np.clip(result.x[:-1], 0, None)


def _mixed_lp_scaled(payoffs, largest):
    """HiGHS refuses coefficients near 1e15 and above: solve on payoffs scaled into
    [-1, 1], then take the punisher's exact best-reply value, or the pure minmax when
    that is lower (scaling costs the LP relative precision)."""
    _, punisher = _mixed_lp(payoffs / largest)
    punisher = punisher / punisher.sum()
    value = float(np.max(payoffs @ punisher))
    pure_value, pure_punisher = _pure(payoffs)
    if pure_value <= value:
        return float(pure_value), pure_punisher.astype(float)
    return value, punisher


def _mixed_exact(payoffs):
    from .equilibria.exact_vertex import exact_vertex_enumeration

    equilibrium, _ = exact_vertex_enumeration(payoffs, -payoffs)
    own, opponent = equilibrium[0]
    return own @ payoffs @ opponent, opponent


def player_minmax(payoffs: np.ndarray, mixed: bool = True) -> tuple[Scalar, np.ndarray]:
    """Minmax value of one player.

    Parameters
    ----------
    payoffs : numpy.ndarray
        The player's payoffs, rows indexed by the player's own actions and
        columns by the opponent's.
    mixed : bool
        Whether the opponent may randomise.

    Returns
    -------
    value : Fraction, float or sympy expression
        The minmax value.
    punisher : numpy.ndarray
        The opponent's (mixed) strategy that holds the player to it.
    """
    if not mixed or payoffs.shape[1] == 1:
        return _pure(payoffs)
    if payoffs.dtype == object:
        return _mixed_exact(payoffs)
    return _mixed_lp(payoffs)


def minmax(A: np.ndarray, B: np.ndarray, mixed: bool = True) -> Minmax:
    """Both players' minmax values of the bimatrix game ``(A, B)``.

    Returns
    -------
    Minmax
        ``row`` and ``column`` values and the punishing strategies.
    """
    row_value, punish_row = player_minmax(A, mixed)
    column_value, punish_column = player_minmax(B.T, mixed)
    return Minmax(row_value, column_value, punish_row, punish_column, mixed)
