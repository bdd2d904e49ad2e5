"""Formulas of wage bargaining, holdouts and revolution, each stated once in sympy.

:mod:`bargaining.labor.wages`, :mod:`bargaining.labor.holdouts` and
:mod:`bargaining.labor.revolution` evaluate the expressions here with
:func:`evaluate`: substituted exactly for rational input, compiled once with
:func:`sympy.lambdify` (cached) for floats and arrays, and returned as
expressions for symbolic input. The strike payoffs and the symbols ``y``
(output during a strike), ``b``, ``theta``, ``w`` and ``delta`` are those of
:mod:`bargaining.labor.formulas`.

References
----------
.. [1] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
.. [2] R. Fernandez and J. Glazer, "Striking for a bargain between two
   completely informed agents", American Economic Review 81 (1991) 240-252.
.. [3] D. Acemoglu and J. A. Robinson, Economic Origins of Dictatorship and
   Democracy, Cambridge University Press (2006), chs. 5-6.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import sympy as sp

from ..core import numbers as num
from . import formulas as f
from .evaluation import as_float_result, has_object_array, kind_of, substitute

# --- Wage bargaining: surplus 1, disagreement flows during a strike ----------------
weight = sp.Symbol("alpha", positive=True)  # labor's bargaining power
LABOR_DISAGREEMENT = f.LABOR_STRIKE_PAYOFF
CAPITAL_DISAGREEMENT = f.CAPITAL_STRIKE_PAYOFF
NET_SURPLUS = 1 - LABOR_DISAGREEMENT - CAPITAL_DISAGREEMENT
# On the line u_L + u_K = 1 the asymmetric Nash wage gives labor a share alpha of
# the net surplus; Kalai-Smorodinsky gives each side half of its ideal gain.
NASH_WAGE = LABOR_DISAGREEMENT + weight * NET_SURPLUS
KALAI_SMORODINSKY_WAGE = LABOR_DISAGREEMENT + NET_SURPLUS / 2
# Rubinstein with inside options and a common discount factor.
RUBINSTEIN_WAGE_LABOR_PROPOSES = LABOR_DISAGREEMENT + NET_SURPLUS / (1 + f.delta)
RUBINSTEIN_WAGE_CAPITAL_PROPOSES = LABOR_DISAGREEMENT + f.delta * NET_SURPLUS / (1 + f.delta)

# --- Holdouts (Fernandez-Glazer): existing contract w, strike flows as above -------
delta_union, delta_firm = sp.symbols("delta_U delta_F", positive=True)
periods = sp.Symbol("T", nonnegative=True)
STATUS_QUO = f.w
# The union's best equilibrium: strike when the firm rejects, hold out when the
# union rejects; the firm is indifferent when the union proposes.
MAX_WAGE_UNION_PROPOSES = (
    (1 - delta_firm) * (1 - CAPITAL_DISAGREEMENT) + delta_firm * (1 - delta_union) * STATUS_QUO
) / (1 - delta_union * delta_firm)
MAX_WAGE_FIRM_PROPOSES = (1 - delta_union) * STATUS_QUO + delta_union * MAX_WAGE_UNION_PROPOSES
# Striking (then the best equilibrium) against holding out (then the worst, w0).
STRIKE_CREDIBILITY_MARGIN = (
    (1 - delta_union) * LABOR_DISAGREEMENT + delta_union * MAX_WAGE_FIRM_PROPOSES - STATUS_QUO
)
STRIKE_ALWAYS_WAGE = LABOR_DISAGREEMENT + (1 - delta_firm) * NET_SURPLUS / (
    1 - delta_union * delta_firm
)
# T periods of strike then agreement are an equilibrium while delta**T is at least this.
_common = {delta_union: f.delta, delta_firm: f.delta}
STRIKE_DISCOUNT_FLOOR = (
    1
    - MAX_WAGE_UNION_PROPOSES.subs(_common)
    + STATUS_QUO
    - LABOR_DISAGREEMENT
    - CAPITAL_DISAGREEMENT
) / NET_SURPLUS
STRIKE_LENGTH_BOUND = sp.log(STRIKE_DISCOUNT_FLOOR) / sp.log(f.delta)

# --- Revolution and commitment (Acemoglu-Robinson), deadweight cost C = c tau^2 / 2 --
elite_share, elite_size, discount, threat, cost = sp.symbols(
    "theta_E delta_E beta q c", positive=True
)
CITIZENS_TAX = (elite_share - elite_size) / ((1 - elite_size) * cost)
REDISTRIBUTION_GAIN = (
    CITIZENS_TAX * (elite_share - elite_size) - (1 - elite_size) * cost * CITIZENS_TAX**2 / 2
)
PERSISTENCE = 1 - discount * (1 - threat)
CRITICAL_COST = elite_share - PERSISTENCE * REDISTRIBUTION_GAIN
DEMOCRACY_COST = elite_share - REDISTRIBUTION_GAIN

# Automation: the elites own the machines (ours, not Acemoglu-Robinson's).
base_share, base_cost, seizure, defense, labor_share = sp.symbols(
    "theta_0 mu_0 s_seize d_defend s_L", nonnegative=True
)
ELITE_SHARE_UNDER_AUTOMATION = base_share + (1 - base_share) * (1 - labor_share)
REVOLT_COST_UNDER_AUTOMATION = base_cost * (1 - seizure * f.a) + defense * f.a
STRIKE_LEVERAGE = (1 - f.w) - CAPITAL_DISAGREEMENT

FORMULAS = {
    name: value
    for name, value in globals().items()
    if name.isupper() and isinstance(value, sp.Expr) and name != "FORMULAS"
}


@functools.cache
def numeric(name: str) -> tuple[tuple[sp.Symbol, ...], Callable[..., Any]]:
    """The formula ``name`` compiled for numpy: ``(symbols, function)``, cached."""
    expression = FORMULAS[name]
    symbols = tuple(sorted(expression.free_symbols, key=str))
    return symbols, sp.lambdify(symbols, expression, "numpy")


def evaluate(name: str, values: Mapping[sp.Symbol, Any]) -> Any:
    """The formula ``name`` at ``values`` (a dict from symbols to numbers, arrays or expressions).

    Exact for rational input, floats (arrays broadcast together) for float
    input, an expression when a value is symbolic.
    """
    expression = FORMULAS[name]
    needed = {s: v for s, v in values.items() if s in expression.free_symbols}
    kind = kind_of(*needed.values())
    if kind == num.FLOAT:
        symbols, function = numeric(name)
        inputs = [np.asarray(needed[s], dtype=float) for s in symbols]
        shape = np.broadcast_shapes(*(x.shape for x in inputs))
        return as_float_result(np.broadcast_to(function(*inputs), shape))
    if has_object_array(*needed.values()):
        keys = list(needed)
        elementwise = np.frompyfunc(
            lambda *v: substitute(expression, dict(zip(keys, v, strict=True))), len(keys), 1
        )
        return elementwise(*needed.values())
    return substitute(expression, needed)
