r"""The limit of alternating offers as the time between offers vanishes.

Binmore, Rubinstein and Wolinsky (1986) let the period length :math:`\Delta`
go to zero with discount factors :math:`\delta_i = e^{-r_i \Delta}`.
Rubinstein's split then tends to the asymmetric Nash solution with bargaining
powers :math:`r_2/(r_1 + r_2)` for player 1 and :math:`r_1/(r_1 + r_2)` for
player 2: the more
patient player (the lower rate) gets more. The disagreement point is the
impasse point (the flows while the players disagree, the inside options),
not the outside options, which act as constraints.

Algorithm
---------
1. Check the rates are positive.
2. Take the bargaining set: the given frontier, or the split of a surplus
   of 1, :math:`\{u \ge \mathrm{inside} : u_1 + u_2 \le 1\}`.
3. Return the Nash solution of that set from ``inside`` with weights
   :math:`(r_2, r_1)`.

References
----------
.. [1] K. Binmore, A. Rubinstein and A. Wolinsky, "The Nash bargaining
   solution in economic modelling", RAND Journal of Economics 17 (1986) 176-188.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import numbers as num
from .frontier import Frontier
from .nash import nash_bargaining

if TYPE_CHECKING:
    from ..._typing import PointLike, Scalar
    from .outcome import BargainingOutcome


def rubinstein_limit(
    rate1: Scalar, rate2: Scalar, inside: PointLike = (0, 0), frontier: Frontier | None = None
) -> BargainingOutcome:
    """The limit of Rubinstein's split as offers come ever faster (BRW 1986).

    Parameters
    ----------
    rate1, rate2 : positive numbers
        Discount rates: ``delta_i = exp(-rate_i * Delta)`` as ``Delta -> 0``.
    inside : pair of numbers
        The impasse point: flows while the players disagree.
    frontier : Frontier, optional
        The bargaining set; by default the splits of a surplus of 1.

    Returns
    -------
    BargainingOutcome
        The asymmetric Nash solution with weights ``(rate2, rate1)``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rubinstein_limit(Fraction(1, 10), Fraction(1, 20)).payoffs
    (Fraction(1, 3), Fraction(2, 3))
    """
    for name, rate in (("rate1", rate1), ("rate2", rate2)):
        kind, value = num.classify(rate, name)
        if kind != num.SYMBOLIC and not value > 0:
            raise ValueError(f"{name} must be positive, got {rate!r}")
    if frontier is None:
        b1, b2 = inside
        frontier = Frontier.from_points([(b1, b2), (1 - b2, b2), (b1, 1 - b1)])
    return nash_bargaining(frontier, inside, weights=(rate2, rate1))
