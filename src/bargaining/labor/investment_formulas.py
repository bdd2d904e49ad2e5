"""Formulas of capital's automation decision, each stated once as a sympy expression.

Capital first chooses automation ``a`` and then plays the repeated strike
game of :mod:`bargaining.labor.formulas` at that level (the two-stage model of
:mod:`bargaining.labor.investment`). The expressions here are in per-period
units, like every payoff of the repeated game (normalised by ``1 - delta``):
a cost is the annuity of the investment, a gain the yearly output it adds.

Symbols (besides those of :mod:`bargaining.labor.formulas`): ``gain``, the
output automation adds per unit share of tasks automated; ``k``, the scale of
the quadratic cost; ``level``, the automation level up to which the calibrated
cost makes automation pay on productivity alone.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
"""

from __future__ import annotations

import sympy as sp

from .formulas import MAX_TRANSFER_CAPITAL, a, w

gain, k, level = sp.symbols("gain k level", positive=True)

# --- Technology of automation --------------------------------------------------------
# Output added by automation, per period: the productivity effect of Acemoglu and
# Restrepo (2018), linear when machines hold the same cost advantage on every task.
PRODUCTIVITY_GAIN = gain * a

COST = {
    # Convex, with constant curvature k.
    "quadratic": k * a**2 / 2,
    # Marginal cost gain*(1 - level)/(1 - a): it equals the marginal gain at a = level,
    # so automation pays on productivity alone exactly up to `level`, and the cost
    # grows without bound as the last task is automated.
    "calibrated": -gain * (1 - level) * sp.log(1 - a),
}
COST_PARAMETERS = {"quadratic": (k,), "calibrated": (gain, level)}

# --- Values ------------------------------------------------------------------------------
# What the relationship produces per period when labor works, with automation's gain:
# the surplus an efficient planner maximises net of the cost. Labor's strike payoff b
# is a payment from outside the relationship (a fund, benefits), so it is not counted.
PRODUCTION_SURPLUS = 1 + PRODUCTIVITY_GAIN

# Capital's value in the continuation game, before the investment's gain and cost, when
# stick-and-carrot strategies sustain the largest transfer (labor-preferred selection),
# and in the stage equilibrium (Work, Keep) that capital prefers.
CAPITAL_VALUE_SHARING = 1 - w - MAX_TRANSFER_CAPITAL
CAPITAL_VALUE_STAGE = 1 - w
