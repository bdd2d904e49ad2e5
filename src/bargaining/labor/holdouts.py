"""Strikes and holdouts under an existing contract (Fernandez-Glazer, Haller-Holden).

A union and a firm renegotiate a wage while an old contract pays ``w0`` (the
scenario's base wage ``w``). They alternate offers, the union first. After
every rejection the union chooses for that period to **strike** (flows
``(b + theta*y_s(a), (1 - theta)*y_s(a))``: the strike fund for labor, the
machines' and replacements' output for capital) or to **hold out** (work on
under the old contract: flows ``(w0, 1 - w0)``). Fernandez and Glazer (1991)
and Haller and Holden (1990) showed that this game has many subgame-perfect
equilibria, some with strikes that last several periods.

Which results are whose
-----------------------
Published (the papers' abstracts): equilibria are not unique, and strikes
on the equilibrium path occur. **Derived here** from the papers' setup
(not checked against their text), with automation entering through the
strike flows:

1. The union's worst equilibrium: never strike; the wage is ``w0``.
2. The union's best: strike when the firm rejects, hold out when the union
   rejects, punish deviations with the worst. Indifference of the responder
   gives ``W = [(1 - dF)(1 - s_F) + dF(1 - dU) w0]/(1 - dU dF)`` when the
   union proposes and ``W' = (1 - dU) w0 + dU W`` when the firm does; with
   ``s_F = 0`` and a common ``delta``: ``W = (1 + delta w0)/(1 + delta)``.
3. The strike threat is credible iff ``(1 - dU) s_U + dU W' >= w0``; if it is
   not, the wage is ``w0`` in every equilibrium.
4. With immediate agreement the union-proposing wages form ``[w0, W]``.
5. ``T`` periods of strike and then agreement is an equilibrium iff
   ``delta**T >= (1 - W + w0 - s_U - s_F)/(1 - s_U - s_F)`` (common delta).

Houba and Wen (2008) note that for ``dU > dF`` delay can Pareto-dominate
immediate agreement, so item 2 is trusted for ``dU <= dF`` only.

References
----------
.. [1] R. Fernandez and J. Glazer, "Striking for a bargain between two
   completely informed agents", American Economic Review 81 (1991) 240-252.
.. [2] H. Haller and S. Holden, "A letter to the editor on wage bargaining",
   Journal of Economic Theory 52 (1990) 232-236.
.. [3] H. Houba and Q. Wen, "On striking for a bargain between two
   completely informed agents", Economic Theory 37 (2008) 509-519.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

from ..core.validation import check_delta
from . import formulas as f
from .evaluation import kind_of, substitute
from .technology import regime, strike_output

if TYPE_CHECKING:
    import sympy

    from .._typing import Scalar
    from .scenarios import Scenario


@dataclasses.dataclass(frozen=True)
class HoldoutEquilibria:
    """Subgame-perfect wages of the holdout game at one automation level.

    Attributes
    ----------
    union_proposes, firm_proposes : tuple
        ``(lowest, highest)`` immediate-agreement wage when that side proposes.
    strike_credible : bool or sympy relational
        Whether the union's best equilibrium (its strike threat) is subgame perfect.
    strike_always_wage : number
        Rubinstein's wage when the union strikes in every disagreement period.
    strike_length_bound : number or None
        The longest strike, in periods (real), that ends in an equilibrium
        agreement; ``None`` without a credible threat or for unequal discounting.
    max_strike_periods : int or None
        The largest whole number of periods of such a strike.
    """

    union_proposes: tuple[Scalar, Scalar]
    firm_proposes: tuple[Scalar, Scalar]
    strike_credible: bool | sympy.Basic
    strike_always_wage: Scalar
    strike_length_bound: Scalar | None
    max_strike_periods: int | None


def _discount_factors(
    scenario: Scenario, delta: Scalar | tuple[Scalar, Scalar] | None
) -> tuple[Scalar, Scalar]:
    """The union's and the firm's discount factors, checked."""
    if delta is None:
        return scenario.delta, scenario.delta
    if isinstance(delta, list | tuple):
        if len(delta) != 2:
            raise ValueError(f"delta must be one number or a pair (union, firm), got {delta!r}")
        return check_delta(delta[0], "delta (union)"), check_delta(delta[1], "delta (firm)")
    delta = check_delta(delta)
    return delta, delta


def holdout_equilibria(
    scenario: Scenario,
    a: Scalar,
    *,
    delta: Scalar | tuple[Scalar, Scalar] | None = None,
) -> HoldoutEquilibria:
    """The range of subgame-perfect wages with holdouts and strikes (steps 1-5 above).

    Parameters
    ----------
    scenario : Scenario
        ``w`` is the existing contract, ``b`` and ``theta`` set the union's strike payoff.
    a : number or sympy expression
        Automation, in [0, 1].
    delta : number or (number, number), optional
        The discount factor in (0, 1), common to both sides, or the pair
        ``(union's, firm's)``; ``scenario.delta`` by default.

    Returns
    -------
    HoldoutEquilibria

    Examples
    --------
    the Fernandez-Glazer (1991) setup, first row: ``delta = 0.9``, ``w0 = 0.5``, no strike payoffs.

    >>> from fractions import Fraction
    >>> from bargaining.labor.scenarios import Scenario
    >>> s = Scenario(w=Fraction(1, 2), tau=0, b=0, delta=Fraction(9, 10), sigma=1, rho=0)
    >>> holdout_equilibria(s, 0).union_proposes
    (Fraction(1, 2), Fraction(29, 38))
    """
    if isinstance(a, list | tuple) or hasattr(a, "shape"):
        raise ValueError(f"a must be a single automation level, got {a!r}")
    union, firm = _discount_factors(scenario, delta)
    values = {
        f.y: strike_output(a, scenario.sigma, scenario.rho),
        f.b: scenario.b,
        f.theta: scenario.theta,
        f.w: scenario.w,
        f.delta: scenario.delta,
        f.delta_union: union,
        f.delta_firm: firm,
    }
    status_quo = f.evaluate("STATUS_QUO", values)
    best = f.evaluate("MAX_WAGE_UNION_PROPOSES", values)
    best_responding = f.evaluate("MAX_WAGE_FIRM_PROPOSES", values)
    margin = f.evaluate("STRIKE_CREDIBILITY_MARGIN", values)
    always = f.evaluate("STRIKE_ALWAYS_WAGE", values)
    if kind_of(margin) == "symbolic":
        return HoldoutEquilibria(
            (status_quo, best), (status_quo, best_responding), margin >= 0, always, None, None
        )
    if margin < 0:
        quo = (status_quo, status_quo)
        return HoldoutEquilibria(quo, quo, False, always, None, None)
    bound = None
    periods = None
    if union == firm:
        bound = f.evaluate("STRIKE_LENGTH_BOUND", {**values, f.delta: union})
        periods = math.floor(float(bound) + 1e-12)
    return HoldoutEquilibria(
        (status_quo, best), (status_quo, best_responding), True, always, bound, periods
    )


def automation_at_strike_breakdown(scenario: Scenario) -> Scalar | None:
    """The automation level from which the union's strike threat is no longer credible.

    The threat weakens as capital's strike payoff ``(1 - theta)*y_s(a)``
    rises; solving ``STRIKE_CREDIBILITY_MARGIN = 0`` (linear in ``y``) for
    strike output and inverting the technology gives the level (our derivation).

    Returns
    -------
    Fraction, float, sympy expression or None
        0 if the threat is not credible even without automation, ``None`` if
        it stays credible up to full automation.
    """
    margin = f.FORMULAS["STRIKE_CREDIBILITY_MARGIN"].subs(
        {f.delta_union: f.delta, f.delta_firm: f.delta}
    )
    params = {f.b: scenario.b, f.theta: scenario.theta, f.w: scenario.w, f.delta: scenario.delta}
    slope = substitute(margin.diff(f.y), params)
    output = -substitute(margin.subs(f.y, 0), params) / slope
    exact = kind_of(*scenario.parameters.values()) == "exact"
    if kind_of(output) != "symbolic":
        if substitute(margin, {**params, f.y: strike_output(0, scenario.sigma, scenario.rho)}) < 0:
            return 0 if exact else 0.0
        if slope >= 0 or output >= 1:
            return None
    name = regime(scenario.sigma)
    if name == "leontief":
        return 1 if exact else 1.0
    level = substitute(
        f.AUTOMATION_AT_OUTPUT[name], {f.y: output, f.sigma: scenario.sigma, f.rho: scenario.rho}
    )
    return level if exact or kind_of(level) == "symbolic" else float(level)
