"""The labor model's formulas, each stated once as a sympy expression.

Everything numeric in :mod:`bargaining.labor` and :mod:`bargaining.analysis`
is evaluated from the expressions here: substituted exactly for rational
input, compiled with :func:`sympy.lambdify` (once, cached) for float and array
input, and returned as an expression for symbolic input.

Symbols: automation ``a``, task elasticity ``sigma``, replacement productivity
``rho``, wage ``w``, transfer ``tau``, labor's strike payoff ``b``, discount
factor ``delta``, labor's ownership share of the machines ``theta`` and output
during a strike ``y``.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import sympy as sp

a, rho, theta, y = sp.symbols("a rho theta y", nonnegative=True)
sigma, w, delta = sp.symbols("sigma w delta", positive=True)
tau, b = sp.symbols("tau b", real=True)
capital, labor, new_tasks = sp.symbols("K L new_tasks", nonnegative=True)

# --- Technology: output while labor strikes (CES across tasks) ------------------------
_exponent = (sigma - 1) / sigma

STRIKE_OUTPUT = {
    # The general CES form.
    "ces": (a + (1 - a) * rho**_exponent) ** (1 / _exponent),
    # The same formula with rho**exponent factored out; for sigma < 1 it avoids
    # overflowing rho**exponent when sigma is small.
    "complements": rho * (1 - a + a * rho ** (-_exponent)) ** (1 / _exponent),
    "cobb-douglas": rho ** (1 - a),
    "substitutes": a + (1 - a) * rho,
    # Liebig's law of the minimum: any task left undone caps output at the replacements'
    # productivity. Output is 1 at a = 1 in every regime; callers handle that point.
    "leontief": rho,
}

# Automation level at which strike output reaches y: STRIKE_OUTPUT solved for a.
AUTOMATION_AT_OUTPUT = {
    "ces": (y**_exponent - rho**_exponent) / (1 - rho**_exponent),
    "complements": ((y / rho) ** _exponent - 1) / (rho ** (-_exponent) - 1),
    "cobb-douglas": 1 - sp.log(y) / sp.log(rho),
    "substitutes": (y - rho) / (1 - rho),
}

# --- Acemoglu-Restrepo competitive labor share, tasks [N-1, N] with N = 1 + new_tasks ---
_labor_tasks = 1 - a + new_tasks
_labor_term = _labor_tasks ** (1 / sigma) * labor**_exponent
_capital_term = (1 - _labor_tasks) ** (1 / sigma) * capital**_exponent
LABOR_SHARE = {
    "ces": _labor_term / (_labor_term + _capital_term),
    "cobb-douglas": _labor_tasks,
    # Perfect substitutes: which factor does a task no longer matters, so factor
    # supplies alone split income, unless one factor has no tasks at all.
    "substitutes": sp.Piecewise(
        (0, sp.Eq(_labor_tasks, 0)), (1, sp.Eq(_labor_tasks, 1)), (labor / (labor + capital), True)
    ),
    # Fixed proportions: the scarce factor takes all of output (either split at a tie
    # is competitive; the limit of the CES share is L / (L + K)).
    "leontief": sp.Piecewise(
        (1, _labor_tasks * capital > (1 - _labor_tasks) * labor),
        (0, _labor_tasks * capital < (1 - _labor_tasks) * labor),
        (labor / (labor + capital), True),
    ),
}

# --- The strike game ---------------------------------------------------------------
# Labor owns a share theta of the machines, so it keeps that share of what they
# produce during a strike.
LABOR_STRIKE_PAYOFF = b + theta * y
CAPITAL_STRIKE_PAYOFF = (1 - theta) * y
STRIKE_COST = w - LABOR_STRIKE_PAYOFF

# Capital's incentive to keep sharing, with the harshest credible strike behind it
# (labor's value from the strike's start held at w):
#   1 - w - tau >= (1 - delta) (1 - w) + delta ((1 - D) kappa + D (1 - w - tau)),
#   D = (w - beta) / (w + tau - beta).
MAX_TRANSFER_CAPITAL = delta * (1 - w - CAPITAL_STRIKE_PAYOFF) - (1 - delta) * STRIKE_COST
# A strike lasts at least one period, so labor strikes credibly only if the transfer
# afterwards repays a period of striking: (1 - delta) beta + delta (w + tau) >= w.
MIN_CREDIBLE_TRANSFER = (1 - delta) * STRIKE_COST / delta
MAX_TRANSFER_STICK_AND_CARROT = sp.Piecewise(
    (MAX_TRANSFER_CAPITAL, MAX_TRANSFER_CAPITAL >= MIN_CREDIBLE_TRANSFER), (0, True)
)
# Reversion to the stage equilibrium (Work, Keep) is capital's favourite outcome, so
# its incentive 1 - w - tau >= (1 - delta)(1 - w) + delta (1 - w) allows no transfer.
MAX_TRANSFER_GRIM = sp.Integer(0)
# Strike output at which the two stick-and-carrot bounds meet: the breakdown point.
BREAKDOWN_STRIKE_OUTPUT = (delta**2 * (1 - w) - (1 - delta**2) * (w - b)) / (delta**2 - theta)

_ARGUMENTS = {
    "strike_output": (a, sigma, rho),
    "labor_share": (a, sigma, capital, labor, new_tasks),
    "transfer": (y, w, b, delta, theta),
}


@functools.cache
def numeric(family: str, regime: str | None = None) -> Callable[..., Any]:
    """A numpy function compiled from a formula, cached.

    Parameters
    ----------
    family : {"strike_output", "labor_share", "stick-and-carrot", "grim"}
        Which formula.
    regime : str, optional
        For ``strike_output`` and ``labor_share``: the key into the dictionary.

    Returns
    -------
    callable
        Taking the formula's arguments in the order of ``_ARGUMENTS``.
    """
    if family in ("strike_output", "labor_share"):
        table = STRIKE_OUTPUT if family == "strike_output" else LABOR_SHARE
        if regime is None or regime not in table:
            raise ValueError(f"regime must be one of {', '.join(table)}, got {regime!r}")
        return sp.lambdify(_ARGUMENTS[family], table[regime], "numpy")
    return sp.lambdify(_ARGUMENTS["transfer"], max_transfer_expression(family), "numpy")


def max_transfer_expression(strategy: str) -> sp.Expr:
    """The largest sustainable transfer as a function of strike output ``y``."""
    return {"stick-and-carrot": MAX_TRANSFER_STICK_AND_CARROT, "grim": MAX_TRANSFER_GRIM}[strategy]
