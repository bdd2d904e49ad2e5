"""Capital's automation decision: a two-stage game around the repeated strike game.

Stage 1: capital chooses automation ``a`` in [0, 1] and pays ``C(a)`` per
period (the annuity of the investment). Stage 2: labor and capital play the
repeated strike game of :mod:`bargaining.labor.strike_game` at that ``a``.
Capital's payoff, per period like every payoff of the repeated game, is

    U(a) = v(a) + gain * a - C(a),

with ``v(a)`` its value in the selected continuation equilibrium. Automation
matters twice: it adds output ``gain * a`` (the productivity effect of
Acemoglu and Restrepo 2018), and it raises strike output ``y_s(a)``, which
weakens labor's threat (the strategic effect).

The productivity gain
---------------------
Automation adds ``gain = 0.1`` of output per unit share of tasks automated,
so automating every task raises output by a tenth. Acemoglu and Restrepo
(2018) split automation's effect on output into a displacement and a
productivity effect, and the latter is the machines' cost advantage summed
over the tasks they take; with the same advantage on every task the gain is
linear in ``a``. A tenth is deliberately modest: Acemoglu and Restrepo (2019)
stress "so-so" automation whose gains are small, and the question here is
whether capital automates beyond what such gains pay for. The gain accrues to
capital in every period, whatever is played: it adds a constant to capital's
stage payoffs, so it changes no incentive of the repeated game.

Cost forms
----------
``"quadratic"``   ``C(a) = k a**2 / 2``; on productivity alone capital
                  automates up to ``gain / k``.
``"calibrated"``  ``C(a) = -gain (1 - level) log(1 - a)``: automation pays on
                  productivity alone exactly up to ``level`` (0.25 by
                  default), and the last task is infinitely costly.

Both are convex with ``C(0) = 0``; a sympy expression in ``a`` with the same
properties may be given instead. The defaults (``k = 0.4``, ``level = 0.25``)
put the productivity-only level at a quarter of tasks for both forms.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Acemoglu and P. Restrepo, "Automation and new tasks", Journal of
   Economic Perspectives 33 (2019) 3-30.
.. [3] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

import numpy as np
import sympy as sp

from ..core import numbers as num
from . import formulas as f
from .evaluation import as_float_result, as_input, check_range, kind_of, substitute
from .technology import strike_output

if TYPE_CHECKING:
    from .._typing import Scalar

DEFAULT_GAIN = 0.1
DEFAULT_LEVEL = 0.25
DEFAULT_K = 0.4
COST_FORMS = tuple(f.COST)
SELECTIONS = ("labor-best", "capital-best")


@dataclasses.dataclass(frozen=True)
class Cost:
    """What automation costs and what it adds to output.

    Attributes
    ----------
    expression : sympy expression
        ``C(a)`` per period, in the symbol :data:`bargaining.labor.formulas.a`,
        with numbers for every parameter.
    gain : number
        Output added per unit share of tasks automated.
    name : str
        ``"quadratic"``, ``"calibrated"`` or ``"custom"``.
    """

    expression: sp.Expr
    gain: Scalar = DEFAULT_GAIN
    name: str = "custom"

    def __post_init__(self):
        check_range(self.gain, "gain", 0, math.inf)
        extra = self.expression.free_symbols - {f.a}
        if extra:
            names = ", ".join(sorted(map(str, extra)))
            raise ValueError(f"cost must depend on the automation a alone, got symbols {names}")
        if self.expression.subs(f.a, 0) != 0:
            raise ValueError(
                f"cost must vanish at a = 0, got C(0) = {self.expression.subs(f.a, 0)}"
            )
        grid = np.linspace(0, 0.999, 1000)
        slope = f.compiled(sp.diff(self.expression, f.a), (f.a,))(grid)
        if not (np.all(np.diff(slope) >= -1e-12) and np.all(slope >= -1e-12)):
            raise ValueError(f"cost must be convex and nondecreasing on [0, 1), got {self}")

    def __str__(self):
        return f"{self.name} C(a) = {self.expression}, gain {self.gain}"

    @property
    def is_float(self):
        """Whether the cost has float parameters, so that answers are floats."""
        return self.expression.has(sp.Float) or kind_of(self.gain) == num.FLOAT

    def floats(self, *values):
        """Whether ``values`` together with this cost call for float arithmetic."""
        arrays = any(isinstance(v, np.ndarray) and v.dtype != object for v in values)
        return self.is_float or arrays or kind_of(*values) == num.FLOAT

    def __call__(self, a):
        """``C(a)``: exact, float, array or symbolic like the model's formulas."""
        a = as_input(a)
        check_range(a, "a", 0, 1)
        if self.floats(a):
            with np.errstate(divide="ignore"):
                return as_float_result(
                    f.compiled(self.expression, (f.a,))(np.asarray(a, dtype=float))
                )
        value = substitute(self.expression, {f.a: a})
        return sp.oo if value == sp.zoo else value


def cost(form="quadratic", *, k=DEFAULT_K, level=DEFAULT_LEVEL, gain=DEFAULT_GAIN):
    """A named cost form, or a sympy expression in ``a``.

    Parameters
    ----------
    form : {"quadratic", "calibrated"} or sympy expression
    k : positive number
        Curvature of the quadratic cost.
    level : number in (0, 1)
        For ``"calibrated"``: automation pays on productivity alone up to here.
    gain : nonnegative number
        Output added per unit share of tasks automated.

    Returns
    -------
    Cost

    Examples
    --------
    >>> cost("quadratic", k=2)(0.5)
    0.25
    """
    check_range(gain, "gain", 0, math.inf)
    if isinstance(form, sp.Basic):
        renamed = {s: f.a for s in form.free_symbols if s.name == "a"}
        return Cost(form.subs(renamed), gain)
    if form not in f.COST:
        raise ValueError(
            f"cost must be one of {', '.join(map(repr, f.COST))} or a sympy expression in a, "
            f"got {form!r}"
        )
    check_range(k, "k", 0, math.inf, closed_low=False, closed_high=False)
    check_range(level, "level", 0, 1, closed_low=False, closed_high=False)
    values = {f.k: k, f.level: level, f.gain: gain}
    expression = f.COST[form].subs({s: substitute(s, {s: values[s]}) for s in values})
    return Cost(sp.sympify(expression), gain, form)


def capital_payoff(scenario, a, cost, selection="labor-best"):
    """Capital's payoff ``U(a)`` with stick-and-carrot strategies in stage 2.

    The closed form of the strike-only game with a fixed wage, a
    strategy-class bound; the exact payoff of the scenario's own game (with
    its lockout and wage mode) is
    :func:`bargaining.analysis.investment.capital_payoff_curve` with
    ``method="exact"``.

    Parameters
    ----------
    scenario : Scenario
    a : number, array_like or sympy expression
        Automation, in [0, 1].
    cost : Cost
    selection : {"labor-best", "capital-best"}
        ``"labor-best"``: the largest transfer stick-and-carrot strategies
        sustain (Abreu 1988), 0 past the breakdown point;
        ``"capital-best"``: the stage equilibrium (Work, Keep), no transfer.

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression
        ``1 - w - T(y_s(a)) + gain*a - C(a)`` per period.
    """
    if selection not in SELECTIONS:
        raise ValueError(f"selection must be one of {', '.join(SELECTIONS)}, got {selection!r}")
    a = as_input(a)
    output = strike_output(a, scenario.sigma, scenario.rho)
    values = {f.w: scenario.w, f.b: scenario.b, f.delta: scenario.delta, f.theta: scenario.theta}
    transfer = f.MAX_TRANSFER_STICK_AND_CARROT if selection == "labor-best" else 0
    expression = 1 - f.w - transfer + f.PRODUCTIVITY_GAIN
    if cost.floats(output, *values.values()):
        numbers = (float(v) for v in values.values())
        paid = f.compiled(f.MAX_TRANSFER_STICK_AND_CARROT, f.TRANSFER_ARGUMENTS)(
            np.asarray(output, dtype=float), *numbers
        )
        paid = paid if selection == "labor-best" else 0.0
        value = 1 - float(scenario.w) - paid + float(cost.gain) * np.asarray(a, dtype=float)
        return as_float_result(value - cost(a))
    if isinstance(a, np.ndarray):
        return np.array([capital_payoff(scenario, x, cost, selection) for x in a.flat]).reshape(
            a.shape
        )
    values.update({f.y: output, f.a: a, f.gain: cost.gain})
    return substitute(expression, values) - cost(a)


def production_surplus(a, cost):
    """Output with labor at work plus automation's gain, net of its cost: ``1 + gain*a - C(a)``."""
    a = as_input(a)
    check_range(a, "a", 0, 1)
    if cost.floats(a):
        return as_float_result(1 + float(cost.gain) * np.asarray(a, dtype=float) - cost(a))
    return substitute(f.PRODUCTION_SURPLUS, {f.a: a, f.gain: cost.gain}) - cost(a)
