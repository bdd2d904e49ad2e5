r"""Wage bargaining with the strike as the disagreement point.

Labor and capital split a unit output per period. While they disagree labor
strikes: it gets :math:`b + \theta y_s(a)` (strike fund, its share of the
machines' output) and capital :math:`(1 - \theta) y_s(a)`. That is a
bargaining problem with a linear frontier :math:`u_L + u_K = 1` and
disagreement point :math:`(d_L, d_K) = (b + \theta y_s, (1 - \theta) y_s)`,
and the classic solutions give
labor's wage in closed form (formulas in
:mod:`bargaining.labor.formulas`):

- Nash (1950), asymmetric with labor's power :math:`\alpha`:
  :math:`d_L + \alpha (1 - d_L - d_K)`;
- Kalai-Smorodinsky (1975): on a line the same as the symmetric Nash wage;
- Rubinstein (1982) with inside options and common :math:`\delta`:
  :math:`d_L + (1 - d_L - d_K)/(1 + \delta)` when labor proposes.

Automation raises capital's strike payoff :math:`y_s(a)`, so every one of these
wages falls with :math:`a` (unless labor owns as large a share of the machines as
its bargaining power). :func:`automation_at_outside_option` finds where the
wage reaches labor's outside option. Where :func:`gains_from_trade`
:math:`1 - d_L - d_K` is negative (at high automation when :math:`b > 0`) nothing is
left to bargain over: the formulas then extrapolate below labor's strike
payoff and describe no agreement.

Algorithm (:func:`automation_at_outside_option`)
------------------------------------------------
1. Solve ``wage(y) = outside`` for strike output :math:`y` (the wage is linear
   in :math:`y`).
2. If the wage is already at most the option without automation, answer 0;
   if it stays above it at :math:`y = 1`, or does not fall with :math:`y`,
   answer ``None``.
3. Invert :math:`y_s(a) = y` with the technology's closed form for :math:`a`.

References
----------
.. [1] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
.. [2] E. Kalai and M. Smorodinsky, "Other solutions to Nash's bargaining
   problem", Econometrica 43 (1975) 513-518.
.. [3] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
.. [4] K. Binmore, A. Rubinstein and A. Wolinsky, "The Nash bargaining
   solution in economic modelling", RAND Journal of Economics 17 (1986) 176-188.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from . import formulas as f
from .evaluation import as_input, check_range, kind_of, substitute
from .technology import regime, strike_output

if TYPE_CHECKING:
    from .._typing import Scalar, Value
    from .scenarios import Scenario

SOLUTIONS = ("nash", "kalai-smorodinsky", "rubinstein")
HALF = Fraction(1, 2)


def _values(scenario, a):
    output = strike_output(as_input(a), scenario.sigma, scenario.rho)
    return {
        f.y: output,
        f.b: scenario.b,
        f.theta: scenario.theta,
        f.w: scenario.w,
        f.delta: scenario.delta,
    }


def disagreement_point(scenario: Scenario, a: Value) -> tuple[Value, Value]:
    """Labor's and capital's payoffs per period of strike at automation ``a``."""
    values = _values(scenario, a)
    return f.evaluate("LABOR_DISAGREEMENT", values), f.evaluate("CAPITAL_DISAGREEMENT", values)


def gains_from_trade(scenario: Scenario, a: Value) -> Value:
    r""":math:`1 - d_L - d_K`: what agreeing adds to the strike payoffs (negative: nothing)."""
    return f.evaluate("NET_SURPLUS", _values(scenario, a))


def _formula(solution, proposer):
    if solution not in SOLUTIONS:
        raise ValueError(f"solution must be one of {', '.join(SOLUTIONS)}, got {solution!r}")
    if proposer not in ("labor", "capital"):
        raise ValueError(f"proposer must be 'labor' or 'capital', got {proposer!r}")
    if solution == "rubinstein":
        return f"RUBINSTEIN_WAGE_{proposer.upper()}_PROPOSES"
    return {"nash": "NASH_WAGE", "kalai-smorodinsky": "KALAI_SMORODINSKY_WAGE"}[solution]


def wage(
    scenario: Scenario,
    a: Value,
    solution: str = "nash",
    *,
    weight: Scalar = HALF,
    proposer: str = "labor",
) -> Value:
    """Labor's bargained wage at automation ``a``, the strike being the disagreement point.

    Parameters
    ----------
    scenario : Scenario
        The model's primitives (``b``, ``theta``, ``delta``, ``sigma``, ``rho``).
    a : number, array_like or sympy expression
        Automation, in [0, 1].
    solution : {"nash", "kalai-smorodinsky", "rubinstein"}
        The bargaining solution.
    weight : number
        Labor's bargaining power in the Nash solution, in (0, 1).
    proposer : {"labor", "capital"}
        Who proposes first in Rubinstein's game.

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression
        Labor's share of the unit output.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from bargaining.labor.scenarios import Scenario
    >>> s = Scenario(w=Fraction(3, 5), tau=0, b=Fraction(1, 5), delta=Fraction(9, 10),
    ...              sigma=1, rho=Fraction(1, 5))
    >>> wage(s, 0)    # (1/5 + (1 - 1/5 - 1/5)/2)
    Fraction(1, 2)
    """
    check_range(weight, "weight", 0, 1, closed_low=False, closed_high=False)
    values = {**_values(scenario, a), f.weight: weight}
    return f.evaluate(_formula(solution, proposer), values)


def nash_wage(scenario: Scenario, a: Value, weight: Scalar = HALF) -> Value:
    """Labor's (asymmetric) Nash bargaining wage; see :func:`wage`."""
    return wage(scenario, a, "nash", weight=weight)


def kalai_smorodinsky_wage(scenario: Scenario, a: Value) -> Value:
    """Labor's Kalai-Smorodinsky wage; see :func:`wage`."""
    return wage(scenario, a, "kalai-smorodinsky")


def rubinstein_wage(scenario: Scenario, a: Value, proposer: str = "labor") -> Value:
    """Labor's Rubinstein wage with strike flows as inside options; see :func:`wage`."""
    return wage(scenario, a, "rubinstein", proposer=proposer)


def automation_at_outside_option(
    scenario: Scenario,
    outside: Scalar,
    solution: str = "nash",
    *,
    weight: Scalar = HALF,
    proposer: str = "labor",
) -> Scalar | None:
    """The automation level at which labor's bargained wage falls to ``outside``.

    Parameters
    ----------
    scenario : Scenario
        The model's primitives.
    outside : number
        Labor's outside option: what it earns by walking away for good.
    solution, weight, proposer
        As for :func:`wage`.

    Returns
    -------
    Fraction, float, sympy expression or None
        The smallest ``a`` with ``wage <= outside``; 0 if the wage starts at
        or below it, ``None`` if it never gets there. With symbolic
        parameters, the expression for ``a`` (valid where it lies in [0, 1]).
    """
    check_range(weight, "weight", 0, 1, closed_low=False, closed_high=False)
    check_range(outside, "outside", -1, 1)
    expression = f.FORMULAS[_formula(solution, proposer)]
    params = {
        f.b: scenario.b,
        f.theta: scenario.theta,
        f.delta: scenario.delta,
        f.weight: weight,
    }
    # Step 1: the wage is linear in y.
    slope = substitute(expression.diff(f.y), params)
    at_zero = substitute(expression.subs(f.y, 0), params)
    symbolic = kind_of(*params.values(), outside, scenario.sigma, scenario.rho) == "symbolic"
    if not symbolic and slope >= 0:
        return None
    output = (outside - at_zero) / slope
    # Step 2: already there without automation, or never there.
    if not symbolic:
        if output <= strike_output(0, scenario.sigma, scenario.rho):
            return 0 if kind_of(output) == "exact" else 0.0
        if output > 1:
            return None
    # Step 3: invert the technology.
    name = regime(scenario.sigma)
    if name == "leontief":
        return 1 if kind_of(output) == "exact" else 1.0
    inverse = f.AUTOMATION_AT_OUTPUT[name]
    level = substitute(inverse, {f.y: output, f.sigma: scenario.sigma, f.rho: scenario.rho})
    return float(level) if kind_of(outside, *scenario.parameters.values()) == "float" else level
