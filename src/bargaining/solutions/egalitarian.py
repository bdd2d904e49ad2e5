r"""The egalitarian bargaining solution.

Kalai (1977) characterised the solution that gives both players the same
gain over the disagreement point, as much of it as the set allows: the
maximal point of :math:`S` of the form :math:`d + t (1, 1)`. It is monotone in
the set (no player loses when :math:`S` grows) but, unlike the Nash and
Kalai-Smorodinsky solutions, not invariant to rescaling a player's utility:
gains are compared in the units given.

Algorithm
---------
1. Check the disagreement point :math:`d` lies in :math:`S`.
2. Follow the ray :math:`d + t (1, 1)` to where it leaves :math:`S`: on a polygon the
   tightest edge constraint, exactly; below a graph the crossing of the
   graph (or of its flat top or right wall), solved exactly with sympy or by
   Brent's method.
3. Return that point with :math:`d`.

References
----------
.. [1] E. Kalai, "Proportional solutions to bargaining situations:
   interpersonal utility comparisons", Econometrica 45 (1977) 1623-1630.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frontier import Frontier
from .outcome import BargainingOutcome

if TYPE_CHECKING:
    from .._typing import PointLike


def egalitarian(frontier: Frontier, disagreement: PointLike) -> BargainingOutcome:
    """The egalitarian solution of ``(S, d)``: equal gains, as large as ``S`` allows.

    Parameters
    ----------
    frontier : Frontier
        The bargaining set ``S``, whose points both players value in the same units.
    disagreement : pair of numbers
        The disagreement point ``d``, a point of ``S``.

    Returns
    -------
    BargainingOutcome
        ``.payoffs = d + t*(1, 1)`` with ``t`` as large as ``S`` allows.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x")
    >>> egalitarian(Frontier.from_expr(2 * sp.sqrt(1 - x), x, (0, 1)), (0, 0)).payoffs
    (-2 + 2*sqrt(2), -2 + 2*sqrt(2))
    """
    if not isinstance(frontier, Frontier):
        raise ValueError(f"frontier must be a Frontier, got {frontier!r}")
    origin = frontier.check_disagreement(disagreement)
    payoffs = frontier.ray_exit(origin, (1, 1))
    return BargainingOutcome(payoffs, origin, "egalitarian")
