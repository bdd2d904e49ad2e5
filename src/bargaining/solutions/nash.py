r"""The Nash bargaining solution, symmetric and asymmetric.

Nash (1950) showed that one point of a bargaining problem :math:`(S, d)`
satisfies Pareto optimality, symmetry, invariance to positive affine
rescaling and independence of irrelevant alternatives: the maximiser of the
Nash product :math:`(u_1 - d_1)(u_2 - d_2)` over the points of :math:`S`
above :math:`d`. Giving the players bargaining powers :math:`\alpha` and
:math:`\beta` (dropping symmetry) maximises
:math:`(u_1 - d_1)^\alpha (u_2 - d_2)^\beta` instead (Kalai 1977; Binmore,
Rubinstein and Wolinsky 1986).

Algorithm
---------
1. Check the weights are positive and the disagreement point lies in ``S``.
2. Keep the individually rational part of the frontier: :math:`u \ge d`.
3. Along the frontier the logarithm of the product is concave, because the
   frontier of a convex set is a concave function of :math:`u_1`. So:

   a. polygon: walk the frontier's edges by increasing :math:`u_1`. On an
      edge :math:`u_2 = p - s u_1` the product peaks at
      :math:`u_1 = d_1 + \frac{\alpha}{\alpha + \beta} \cdot \frac{p - d_2 - s d_1}{s}`;
      the first edge whose peak is not right of its end holds the maximum (at
      the peak, or at the edge's start if the peak lies left of it). Exact for
      Fractions.
   b. expression: solve the first-order condition
      :math:`\alpha (f(u_1) - d_2) + \beta f'(u_1) (u_1 - d_1) = 0` with sympy.
   c. function: maximise the log product with bounded Brent search.
4. Return the frontier point with the disagreement point and the weights.

References
----------
.. [1] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
.. [2] E. Kalai, "Nonsymmetric Nash solutions and replications of 2-person
   bargaining", International Journal of Game Theory 6 (1977) 129-133.
.. [3] K. Binmore, A. Rubinstein and A. Wolinsky, "The Nash bargaining
   solution in economic modelling", RAND Journal of Economics 17 (1986) 176-188.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from ..core import numbers as num
from . import _smooth
from .frontier import Frontier, pareto_chain
from .outcome import BargainingOutcome

if TYPE_CHECKING:
    from .._typing import PointLike, Real


def nash_bargaining(
    frontier: Frontier, disagreement: PointLike, weights: tuple[Real, Real] = (1, 1)
) -> BargainingOutcome:
    r"""The (asymmetric) Nash bargaining solution of :math:`(S, d)`.

    Parameters
    ----------
    frontier : Frontier
        The bargaining set ``S``.
    disagreement : pair of numbers
        The disagreement point ``d``; it must lie in ``S``.
    weights : pair of positive numbers
        Bargaining powers ``(alpha, beta)``; equal weights give Nash's
        symmetric solution.

    Returns
    -------
    BargainingOutcome
        ``.payoffs`` maximises :math:`(u_1 - d_1)^\alpha (u_2 - d_2)^\beta`
        over :math:`S`; exact for exact sets and weights.

    Examples
    --------
    >>> from fractions import Fraction
    >>> line = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    >>> nash_bargaining(line, (Fraction(1, 5), Fraction(1, 10))).payoffs
    (Fraction(11, 20), Fraction(9, 20))
    """
    if not isinstance(frontier, Frontier):
        raise ValueError(f"frontier must be a Frontier, got {frontier!r}")
    alpha, beta = _checked_weights(weights)
    d1, d2 = disagreement = frontier.check_disagreement(disagreement)
    if frontier.kind == "polygon":
        u1 = _polygon_peak(frontier, disagreement, alpha, beta)
    else:
        low = _smooth.larger(d1, frontier.u1_range[0])
        high = frontier.u1_at(d2)
        if frontier.kind == "expression":
            u1 = _expression_peak(frontier, disagreement, alpha, beta, low, high)
        else:
            u1 = _function_peak(frontier, disagreement, alpha, beta, low, high)
    payoffs = (u1, frontier.value(u1))
    return BargainingOutcome(payoffs, disagreement, "nash", weights=(alpha, beta))


def _checked_weights(weights):
    try:
        alpha, beta = weights
    except (TypeError, ValueError):
        raise ValueError(f"weights must be a pair (alpha, beta), got {weights!r}") from None
    for value in (alpha, beta):
        kind, normalised = num.classify(value, "weights")
        if kind != num.SYMBOLIC and not normalised > 0:
            raise ValueError(f"weights must be positive, got {weights!r}")
    return alpha, beta


def _polygon_peak(frontier, disagreement, alpha, beta):
    d1, d2 = disagreement
    rational = frontier.polygon.clip(0, d1).clip(1, d2)
    chain = pareto_chain(rational)
    for (x0, y0), (x1, y1) in itertools.pairwise(chain):
        slope = (y0 - y1) / (x1 - x0)
        intercept = y0 + slope * x0
        peak = d1 + alpha * (intercept - d2 - slope * d1) / ((alpha + beta) * slope)
        if not peak > x1:
            return peak if peak > x0 else x0
    return chain[-1][0]


def _expression_peak(frontier, disagreement, alpha, beta, low, high):
    (d1, d2), u1 = disagreement, frontier.u1
    if _smooth.is_decidable(high - low) and not _smooth.is_above(high, low):
        return low
    condition = alpha * (frontier.function - d2) + beta * frontier.function.diff(u1) * (u1 - d1)
    try:
        return _smooth.symbolic_root(condition, u1, low, high)
    except ValueError:
        # No interior stationary point: the product rises (or falls) throughout.
        middle = (low + high) / 2
        return high if _smooth.is_above(condition.subs(u1, middle), 0) else low


def _function_peak(frontier, disagreement, alpha, beta, low, high):
    from scipy.optimize import minimize_scalar

    d1, d2 = disagreement
    if high - low <= _smooth.FLOAT_TOLERANCE:
        return low

    def negative_log_product(u1):
        gains = (u1 - d1, frontier.function(u1) - d2)
        if min(gains) <= 0:
            return math.inf
        return -(alpha * math.log(gains[0]) + beta * math.log(gains[1]))

    result = minimize_scalar(
        negative_log_product, bounds=(low, high), method="bounded", options={"xatol": 1e-13}
    )
    return float(result.x)
