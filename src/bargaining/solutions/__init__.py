"""Solutions of two-player bargaining problems.

Axiomatic solutions of a bargaining problem ``(S, d)`` (:class:`Frontier`
holds ``S``): :func:`nash_bargaining`, :func:`kalai_smorodinsky` and
:func:`egalitarian`. Strategic ones over a surplus of 1:
:func:`rubinstein` (alternating offers with inside and outside options), its
finite-horizon counterpart :func:`alternating_offers`, and
:func:`rubinstein_limit`, the asymmetric Nash solution it tends to as
offers come faster. Each returns a :class:`BargainingOutcome`.
"""

from .alternating_offers import alternating_offers
from .egalitarian import egalitarian
from .frontier import Frontier
from .kalai_smorodinsky import kalai_smorodinsky
from .nash import nash_bargaining
from .outcome import BargainingOutcome
from .rubinstein import rubinstein, rubinstein_limit

__all__ = [
    "BargainingOutcome",
    "Frontier",
    "alternating_offers",
    "egalitarian",
    "frontier",
    "kalai_smorodinsky",
    "nash",
    "nash_bargaining",
    "outcome",
    "rubinstein",
    "rubinstein_limit",
]
