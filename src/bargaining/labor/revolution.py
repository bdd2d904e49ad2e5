r"""Revolution and the commitment problem (Acemoglu and Robinson).

Elites, a fraction :math:`\delta` (``elite_size``) of the population, earn a
share :math:`\theta` (``elite_share``) of income. Citizens can revolt and take
what is left after a share :math:`\mu` of income is destroyed; revolution beats
the status quo iff :math:`\theta > \mu` (the revolution constraint). The elites
can buy off the threat by promising the citizens' preferred tax :math:`\tau_p`,
but the threat is present only with probability :math:`q`
(``threat_probability``) each period, and a promise made while it is present
is kept only while it lasts. The promise is worth enough to stop a revolution
iff :math:`\mu \ge \mu^*` with

.. math::

    \mu^* = \theta - \bigl(1 - \beta (1 - q)\bigr)
            \bigl[\tau_p (\theta - \delta) - (1 - \delta) C(\tau_p)\bigr],

:math:`\beta` the discount factor and :math:`C(\tau) = c \tau^2 / 2` the
deadweight cost of taxation (the quadratic is our choice; the book keeps
:math:`C` general). The static version with a promise kept with probability
:math:`p` has :math:`p = 1 - \beta (1 - q)`. The closed forms are derived here in the book's
setup and match its form, but were not checked against its text.

Automation (ours, not Acemoglu-Robinson's): the elites own the machines,
so their income share rises with automation,
:math:`\theta(a) = \theta_0 + (1 - \theta_0)(1 - s_L(a))` with :math:`s_L` the
task model's labor share; and machines change the cost of revolt,
:math:`\mu(a) = \mu_0 (1 - \mathit{seizure} \cdot a) + \mathit{defense} \cdot a`,
lower when they can be seized intact, higher when they defend their owners.
:func:`two_channels` shows the strike channel (what a strike costs capital)
next to the revolt channel (:math:`\theta(a) - \mu(a)`, positive when
revolution pays).

Algorithm (:func:`regime`)
--------------------------
1. :math:`\mu \ge \theta`: revolution does not pay; no threat.
2. :math:`\mu^* \le \mu < \theta`: the elites promise redistribution.
3. :math:`\mu < \mu^*`, but :math:`\mu` at least the democracy threshold
   :math:`\mu^*(p = 1)`:
   promises are not credible, democratisation (a commitment) stops revolution.
4. Otherwise not even democracy does: the elites repress or revolution follows.

References
----------
.. [1] D. Acemoglu and J. A. Robinson, "Why did the West extend the
   franchise?", Quarterly Journal of Economics 115 (2000) 1167-1199.
.. [2] D. Acemoglu and J. A. Robinson, "A theory of political transitions",
   American Economic Review 91 (2001) 938-963.
.. [3] D. Acemoglu and J. A. Robinson, Economic Origins of Dictatorship and
   Democracy, Cambridge University Press (2006), chs. 5-6.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..core.validation import check_delta
from . import formulas as f
from .evaluation import as_input, check_range
from .technology import labor_share, strike_output

if TYPE_CHECKING:
    from .._typing import Scalar, Value
    from .scenarios import Scenario

REGIMES = ("no-threat", "redistribute", "democratize", "repress")


def _values(elite_share, elite_size, delta=None, threat_probability=None, cost=1):
    check_range(elite_size, "elite_size", 0, 0.5, closed_low=False, closed_high=False)
    check_range(elite_share, "elite_share", elite_size, 1, closed_low=False)
    check_range(cost, "cost", 0, float("inf"), closed_low=False)
    values = {f.elite_share: elite_share, f.elite_size: elite_size, f.cost: cost}
    if delta is not None:
        values[f.discount] = check_delta(delta, "delta")
        check_range(threat_probability, "threat_probability", 0, 1)
        values[f.threat] = threat_probability
    return values


def citizens_tax(elite_share: Value, elite_size: Value, cost: Value = 1) -> Value:
    """The citizens' preferred tax ``tau_p``: ``C'(tau_p) = (theta - delta)/(1 - delta)``."""
    return f.evaluate("CITIZENS_TAX", _values(elite_share, elite_size, cost=cost))


def critical_cost(
    elite_share: Value,
    elite_size: Value,
    delta: Value,
    threat_probability: Value,
    cost: Value = 1,
) -> Value:
    """``mu*``: the lowest cost of revolt that promised redistribution can buy off.

    Parameters
    ----------
    elite_share : number, array_like or sympy expression
        The elites' share of income ``theta``, above ``elite_size``.
    elite_size : number
        The elites' share of the population, in (0, 1/2).
    delta : number
        The discount factor (Acemoglu and Robinson's ``beta``), in (0, 1).
    threat_probability : number
        ``q``: the probability the threat of revolt is present in a period.
    cost : positive number
        Scale ``c`` of the deadweight cost ``C(tau) = c*tau**2/2``.

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression

    Examples
    --------
    the Acemoglu-Robinson (2006, chs. 5-6) setup, first row:

    >>> from fractions import Fraction as F
    >>> critical_cost(F(3, 5), F(1, 5), F(9, 10), F(3, 10))
    Fraction(563, 1000)
    """
    values = _values(as_input(elite_share), elite_size, delta, threat_probability, cost)
    return f.evaluate("CRITICAL_COST", values)


def democracy_cost(elite_share: Value, elite_size: Value, cost: Value = 1) -> Value:
    """The lowest cost of revolt at which democracy (a permanent promise) stops revolution."""
    return f.evaluate("DEMOCRACY_COST", _values(as_input(elite_share), elite_size, cost=cost))


def regime(
    mu: Scalar,
    elite_share: Scalar,
    elite_size: Scalar,
    delta: Scalar,
    threat_probability: Scalar,
    cost: Scalar = 1,
) -> str:
    """What the elites do when the threat is present at revolt cost ``mu`` (steps 1-4)."""
    check_range(mu, "mu", 0, 1)
    critical = critical_cost(elite_share, elite_size, delta, threat_probability, cost)
    if mu >= elite_share:
        return "no-threat"
    if mu >= critical:
        return "redistribute"
    if mu >= democracy_cost(elite_share, elite_size, cost):
        return "democratize"
    return "repress"


def elite_share_at(a: Value, sigma: Scalar, base_share: Value) -> Value:
    """The elites' income share if they own the machines: ``theta_0 + (1 - theta_0)(1 - s_L)``."""
    check_range(base_share, "base_share", 0, 1)
    share = labor_share(as_input(a), sigma)
    return f.evaluate(
        "ELITE_SHARE_UNDER_AUTOMATION", {f.base_share: base_share, f.labor_share: share}
    )


def revolt_cost_at(a: Value, base_cost: Value, seizure: Value = 0, defense: Value = 0) -> Value:
    """The cost of revolt ``mu(a) = mu_0*(1 - seizure*a) + defense*a``."""
    a = as_input(a)
    check_range(a, "a", 0, 1)
    check_range(base_cost, "base_cost", 0, 1)
    check_range(seizure, "seizure", 0, 1)
    check_range(defense, "defense", 0, 1)
    values = {f.a: a, f.base_cost: base_cost, f.seizure: seizure, f.defense: defense}
    at_full = f.evaluate("REVOLT_COST_UNDER_AUTOMATION", {**values, f.a: 1})
    if not getattr(at_full, "free_symbols", None) and at_full > 1:
        raise ValueError(
            f"the cost of revolt must stay at most 1, got mu(1) = {at_full} from "
            f"base_cost={base_cost!r}, seizure={seizure!r}, defense={defense!r}"
        )
    return f.evaluate("REVOLT_COST_UNDER_AUTOMATION", values)


@dataclasses.dataclass(frozen=True)
class Channels:
    """Labor's two sources of leverage at automation levels ``a``.

    Attributes
    ----------
    strike : number or array
        What one period of strike costs capital: ``(1 - w) - (1 - theta)*y_s(a)``.
    revolt : number or array
        ``elite_share(a) - mu(a)``: how much revolution beats the status quo
        (positive: the threat is real).
    """

    strike: Value
    revolt: Value


def two_channels(
    scenario: Scenario,
    a: Value,
    *,
    base_share: Value,
    base_cost: Value,
    seizure: Value = 0,
    defense: Value = 0,
) -> Channels:
    """The strike channel and the revolt channel side by side, as automation rises.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from bargaining.labor.scenarios import Scenario
    >>> s = Scenario(w=F(3, 5), tau=0, b=F(1, 5), sigma=1, rho=F(1, 16))
    >>> two_channels(s, F(1, 2), base_share=F(1, 5), base_cost=F(1, 2), seizure=1)
    Channels(strike=Fraction(3, 20), revolt=Fraction(7, 20))
    """
    a = as_input(a)
    values = {
        f.y: strike_output(a, scenario.sigma, scenario.rho),
        f.w: scenario.w,
        f.theta: scenario.theta,
    }
    strike = f.evaluate("STRIKE_LEVERAGE", values)
    revolt = elite_share_at(a, scenario.sigma, base_share) - revolt_cost_at(
        a, base_cost, seizure, defense
    )
    return Channels(strike, revolt)
