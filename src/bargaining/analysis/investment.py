"""The automation capital chooses, the efficient level, and the strategic automation gap.

Capital chooses automation ``a`` to maximise ``U(a) = v(a) + gain*a - C(a)``
(:mod:`bargaining.labor.investment`); the efficient level maximises what the
relationship produces, ``1 + gain*a - C(a)``. Their difference is the
*strategic automation gap*: automation bought only to weaken the strike.

Selections of capital's continuation value ``v(a)``
-------------------------------------------------------
Exact subgame-perfect sets (Abreu and Sannikov 2014), the default: the
strike game of the scenario, with capital's Lockout column and labor's
outside option when it has them and its wage mode, under ``"labor-best"``,
``"capital-best"``, ``"nash"``, ``"nash-stage"`` or
``"renegotiation-proof"`` (see :mod:`bargaining.analysis._exact_investment`,
which also says how strikes that capital pays for are treated). Closed form,
stick-and-carrot strategies (Abreu 1988) in the strike-only game with a fixed
wage, a strategy-class bound: ``"labor-best"`` (the largest transfer they
sustain) or ``"capital-best"`` (the stage equilibrium, no transfer).

Algorithm
---------
1. Efficient level: maximise ``1 + gain*a - C(a)`` on [0, 1].
2. Closed form: find the breakdown point ``a*`` (transfers sustained on
   ``[0, a*]``), and maximise capital's payoff with the transfer on
   ``[0, a*]`` and without it on ``[a*, 1]``; at ``a*`` itself capital gets the
   right limit (one step past ``a*`` is enough to end the transfer).
3. Each smooth piece: for exact input, the candidates are its ends and the
   real roots of its derivative's numerator when that is a polynomial in
   ``a`` (exact algebraic numbers); otherwise a grid of 513 levels, refined by
   a bounded scalar search next to the best one.
4. Exact route: the lockstep grid search of
   :func:`bargaining.analysis._exact_investment.exact_choices`.
5. The gap is the chosen level minus the efficient one; ties go to the lower
   level.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
.. [3] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..labor import formulas as f
from ..labor.evaluation import from_sympy, is_infinite, to_sympy
from ..labor.investment import capital_payoff
from ..labor.technology import regime
from ._exact_investment import SELECTIONS as EXACT_SELECTIONS
from ._exact_investment import exact_capital_payoff, exact_choices
from .redistribution import breakdown_automation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._typing import Scalar
    from ..labor.investment import Cost
    from ..labor.scenarios import Scenario
    from .threshold import Threshold

SELECTIONS = {"closed-form": ("labor-best", "capital-best"), "exact": EXACT_SELECTIONS}


@dataclasses.dataclass(frozen=True)
class Choice:
    """Capital's automation choice in one scenario.

    Attributes
    ----------
    chosen, efficient : number
        Capital's level and the level maximising ``1 + gain*a - C(a)``.
    payoff : number
        Capital's payoff ``U`` at the chosen level.
    breakdown : Threshold
        Where redistribution breaks down under the same method.
    method, selection : str
    """

    chosen: Scalar
    efficient: Scalar
    payoff: Scalar
    breakdown: Threshold
    method: str
    selection: str

    @property
    def gap(self) -> Scalar:
        """The strategic automation gap, ``chosen - efficient``."""
        return self.chosen - self.efficient

    @property
    def at_breakdown(self) -> bool:
        """Whether capital automates up to the breakdown point and stops there."""
        value = self.breakdown.value
        return value is not None and abs(float(self.chosen) - float(value)) <= 1e-5


def _as_float(value):
    # Only the cost can be unbounded (the calibrated form at a = 1), where U is -inf.
    value = sp.sympify(value)
    return -np.inf if value.has(sp.zoo, sp.nan) else float(sp.N(value, 30))


def _maximise(expression, low, high, exact):
    """(argmax, max) of an expression in ``a`` on [low, high]; the lowest argmax on ties."""
    if exact:
        numerator = sp.numer(sp.together(sp.diff(expression, f.a)))
        try:
            roots = sp.Poly(numerator, f.a).real_roots() if numerator.has(f.a) else []
        except (sp.polys.polyerrors.BasePolynomialError, NotImplementedError):
            roots = None
        if roots is not None:
            low, high = to_sympy(low), to_sympy(high)
            points = [low, *(r for r in roots if low < r < high), high]
            values = [expression.subs(f.a, p) for p in points]
            best = max(range(len(points)), key=lambda i: (_as_float(values[i]), -i))
            return from_sympy(points[best]), from_sympy(values[best])
    function = sp.lambdify(f.a, expression, "numpy")

    def value(x):
        with np.errstate(divide="ignore", invalid="ignore"):
            result = np.broadcast_to(np.asarray(function(x), dtype=float), np.shape(x))
        return np.where(np.isnan(result), -np.inf, result)

    grid = np.linspace(float(low), float(high), 513)
    values = value(grid)
    i = int(np.argmax(values))
    best = (float(grid[i]), float(values[i]))
    left, right = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    if right > left:
        from scipy.optimize import minimize_scalar

        found = minimize_scalar(
            lambda x: -float(value(x)),
            bounds=(left, right),
            method="bounded",
            options={"xatol": 1e-12},
        )
        if -found.fun > best[1]:
            best = (float(found.x), float(-found.fun))
    return best


def efficient_automation(cost: Cost) -> Scalar:
    """The level maximising ``1 + gain*a - C(a)`` on [0, 1], exact for exact costs."""
    # A polynomial in a once the gain is a number: nothing for sympy.simplify to do (it
    # would import sympy.physics, a third of a second, on its first call).
    surplus = f.PRODUCTION_SURPLUS.subs(f.gain, to_sympy(cost.gain)) - cost.expression
    return _maximise(sp.sympify(surplus), 0, 1, not cost.is_float)[0]


def surplus_exhausted_automation(cost: Cost) -> float | None:
    """The level beyond which ``C(a)`` exceeds the whole surplus ``1 + gain*a``; None if never.

    Capital's payoff there is below ``-w`` while ``a = 0`` gives it at least
    its minmax, ``>= 0``: no selection chooses a level above this one.
    """
    gain = float(cost.gain)
    if not float(cost(1.0)) > 1 + gain:
        return None
    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if float(cost(middle)) <= 1 + gain * middle else (low, middle)
    return high


def _check_closed_form_model(scenario):
    if scenario.lockout or scenario.wage != "fixed":
        raise ValueError(
            f"method='closed-form' is stick-and-carrot in the strike-only game with a fixed "
            f"wage, got lockout={scenario.lockout!r}, wage={scenario.wage!r}; use method='exact'"
        )


def _closed_form_choice(scenario, cost, selection):
    _check_closed_form_model(scenario)
    numbers = [v for v in scenario.parameters.values() if not is_infinite(v)]
    exact = not cost.is_float and not any(isinstance(v, float) for v in numbers)
    if not exact:
        scenario = scenario.as_float()
    values = {f.w: scenario.w, f.b: scenario.b, f.delta: scenario.delta, f.theta: scenario.theta}
    values.update({f.sigma: scenario.sigma, f.rho: scenario.rho, f.gain: cost.gain})
    values = {symbol: to_sympy(value) for symbol, value in values.items()}
    output = f.STRIKE_OUTPUT[regime(scenario.sigma)]
    own = f.PRODUCTIVITY_GAIN.subs(values) - cost.expression
    stage = f.CAPITAL_VALUE_STAGE.subs(values) + own
    sharing = f.CAPITAL_VALUE_SHARING.subs(f.y, output).subs(values) + own
    breakdown = breakdown_automation(scenario, method="closed-form")
    pieces = [(stage, 0, 1)]
    if selection == "labor-best" and breakdown.value is not None:
        pieces = [(sharing, 0, breakdown.value), (stage, breakdown.value, 1)]
    found = [_maximise(expression, low, high, exact) for expression, low, high in pieces]
    chosen, payoff = max(found, key=lambda pair: (_as_float(pair[1]), -float(pair[0])))
    return Choice(chosen, efficient_automation(cost), payoff, breakdown, "closed-form", selection)


def _check(method, selection):
    if method not in SELECTIONS:
        raise ValueError(f"method must be one of {', '.join(SELECTIONS)}, got {method!r}")
    if selection not in SELECTIONS[method]:
        raise ValueError(
            f"selection must be one of {', '.join(SELECTIONS[method])} for method={method!r}, "
            f"got {selection!r}"
        )


def strategic_automation(
    scenarios: Scenario | list[Scenario] | tuple[Scenario, ...],
    cost: Cost,
    method: str = "exact",
    selection: str = "labor-best",
    *,
    transfers: Sequence[float] | None = None,
    paid_strikes: bool = False,
    xtol: float = 1e-6,
) -> Choice | list[Choice]:
    """Capital's choice, the efficient level and the gap for each of several scenarios.

    Parameters
    ----------
    scenarios : Scenario or sequence of Scenario
        E.f. one scenario varied along patience, strike fund, ``sigma`` or
        ``theta``; with ``method="exact"`` all their payoff sets are solved in
        lockstep.
    cost : bargaining.labor.investment.Cost
    method : {"exact", "closed-form"}
        ``"exact"`` (the default): the Abreu-Sannikov sets of the scenario's
        strike game (with the lockout when it has one). ``"closed-form"``:
        stick-and-carrot strategies in the strike-only game with a fixed wage,
        a strategy-class bound.
    selection : str
        See the module notes; only ``"labor-best"`` and ``"capital-best"``
        apply to ``"closed-form"``.
    transfers : sequence of float, optional
        For ``"exact"``: capital's transfer grid.
    paid_strikes : bool
        For ``"exact"``: keep equilibria with joint payoff above 1.
    xtol : float
        For ``"exact"``: width of the final bracket around the chosen level.

    Returns
    -------
    Choice or list of Choice
        One per scenario (a single Choice for a single scenario).

    Examples
    --------
    In the default scenario productivity alone pays for automating a quarter
    of tasks (``gain/k``), but capital automates up to the breakdown point,
    ``65/124`` exactly (to within ``xtol``), stick-and-carrot's ``215/496``
    in the closed form:

    >>> from fractions import Fraction
    >>> from bargaining.labor import scenarios
    >>> from bargaining.labor.investment import cost
    >>> price = cost(k=Fraction(2, 5), gain=Fraction(1, 10))
    >>> choice = strategic_automation(scenarios.DEFAULT, price)
    >>> choice.efficient, round(choice.chosen, 5), choice.at_breakdown
    (Fraction(1, 4), 0.52419, True)
    >>> bound = strategic_automation(scenarios.DEFAULT.exact(), price, "closed-form")
    >>> bound.chosen == bound.breakdown.value == Fraction(215, 496)
    True

    Under the renegotiation-proof selection no transfer is sustained, so
    capital has no strategic reason to automate:

    >>> strategic_automation(scenarios.DEFAULT, price, selection="renegotiation-proof").chosen
    0.25
    """
    _check(method, selection)
    single = not isinstance(scenarios, list | tuple)
    group = list(scenarios) if isinstance(scenarios, list | tuple) else [scenarios]
    if method == "exact":
        found, breakdowns = exact_choices(group, cost, selection, transfers, paid_strikes, xtol)
        efficient = efficient_automation(cost)
        choices = [
            Choice(a, efficient, payoff, breakdown, method, selection)
            for (a, payoff), breakdown in zip(found, breakdowns, strict=True)
        ]
    else:
        choices = [_closed_form_choice(s, cost, selection) for s in group]
    return choices[0] if single else choices


def capital_payoff_curve(
    scenario: Scenario,
    cost: Cost,
    method: str = "exact",
    selection: str = "labor-best",
    levels: int = 201,
    **options: Any,
) -> tuple[np.ndarray, np.ndarray]:
    """Capital's payoff on a grid of automation levels, as two float arrays.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    cost : bargaining.labor.investment.Cost
    method : {"exact", "closed-form"}
        The exact subgame-perfect sets of Abreu and Sannikov (2014) in
        lockstep (the default), or the stick-and-carrot closed form.
    selection : str
        As for :func:`strategic_automation`.
    levels : int
        Equally spaced grid points on [0, 1], at least 2.
    **options
        ``transfers`` and ``paid_strikes`` for ``method="exact"``.

    Returns
    -------
    levels, payoffs : numpy.ndarray
    """
    if not (isinstance(levels, int) and levels >= 2):
        raise ValueError(f"levels must be an integer of at least 2, got {levels!r}")
    grid = np.linspace(0, 1, levels)
    if method == "exact":
        return grid, exact_capital_payoff(scenario, grid, cost, selection, **options)
    _check(method, selection)
    _check_closed_form_model(scenario)
    with np.errstate(divide="ignore"):
        return grid, capital_payoff(scenario.as_float(), grid, cost, selection)
