"""The Kalai-Smorodinsky bargaining solution.

Kalai and Smorodinsky (1975) replaced Nash's independence of irrelevant
alternatives by restricted monotonicity: if a set grows without changing
either player's highest attainable payoff, neither player should lose. The
one solution with that property (and Pareto optimality, symmetry and scale
invariance) gives each player the same fraction of their ideal gain: it is
the last point of ``S`` on the segment from ``d`` to the ideal point.

Algorithm
---------
1. Check the disagreement point ``d`` lies in ``S``.
2. Compute the ideal point ``a``: ``a_i`` is player ``i``'s highest payoff
   among the points of ``S`` weakly above ``d``.
3. Follow the ray from ``d`` towards ``a`` to where it leaves ``S``: on a
   polygon the tightest edge constraint, exactly; below a graph the crossing
   of the graph, solved exactly with sympy or by Brent's method.
4. Return that point with ``d`` and ``a``.

References
----------
.. [1] E. Kalai and M. Smorodinsky, "Other solutions to Nash's bargaining
   problem", Econometrica 43 (1975) 513-518.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .frontier import Frontier
from .outcome import BargainingOutcome

if TYPE_CHECKING:
    from .._typing import PointLike


def kalai_smorodinsky(frontier: Frontier, disagreement: PointLike) -> BargainingOutcome:
    """The Kalai-Smorodinsky solution of ``(S, d)``.

    Parameters
    ----------
    frontier : Frontier
        The bargaining set ``S``.
    disagreement : pair of numbers
        The disagreement point ``d``; it must lie in ``S``.

    Returns
    -------
    BargainingOutcome
        ``.payoffs`` is the maximal point of ``S`` on the segment from ``d``
        to the ideal point ``.ideal``.

    Examples
    --------
    Kalai and Smorodinsky's kinked set, where the Nash solution is ``(1, 7/10)``:

    >>> kinked = Frontier.from_points([(0, 0), (1, 0), (0, 1), (1, 0.7)])
    >>> [round(u, 6) for u in kalai_smorodinsky(kinked, (0, 0)).payoffs]
    [0.769231, 0.769231]
    """
    if not isinstance(frontier, Frontier):
        raise ValueError(f"frontier must be a Frontier, got {frontier!r}")
    origin = frontier.check_disagreement(disagreement)
    ideal = frontier.ideal_point(origin)
    direction = tuple(a - d for a, d in zip(ideal, origin, strict=True))
    payoffs = frontier.ray_exit(origin, direction)
    return BargainingOutcome(payoffs, origin, "kalai-smorodinsky", ideal=ideal)
