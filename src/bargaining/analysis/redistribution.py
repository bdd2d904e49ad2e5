r"""How much redistribution the repeated strike game sustains, and where it breaks down.

Closed forms for two strategy classes of the repeated strike game (the
formulas live in :mod:`bargaining.labor.formulas`):

``"stick-and-carrot"`` (Abreu 1988)
    After capital stops sharing, labor strikes for a publicly randomised
    number of periods (at least one), then play returns to sharing. Capital's
    incentive caps the transfer at
    :math:`\delta (1 - w - \kappa) - (1 - \delta)(w - \beta)`, with
    :math:`\beta = b + \theta y_s` and :math:`\kappa = (1 - \theta) y_s` the
    strike payoffs. A strike lasts at least one period, so it is credible only
    if the transfer repays it: :math:`\tau \ge (1 - \delta)(w - \beta)/\delta`.
    Where the cap
    falls below that floor no transfer is sustainable, so the largest
    sustainable transfer drops from the floor to 0 at the breakdown point.
``"grim"`` (Friedman 1971)
    Reversion to the stage equilibrium (Work, Keep) forever. That equilibrium
    is capital's favourite outcome, so the threat is empty and no transfer is
    ever sustained: capital does not share until a strike can make it.

These are lower bounds on what subgame-perfect equilibria sustain.
``method="exact"``, the default, answers from the whole set of subgame-perfect
payoffs instead (:mod:`bargaining.analysis._exact_redistribution`), for the 2x2
game with the scenario's transfer or for a grid of transfers, under a named
equilibrium selection (labor's best equilibrium unless told otherwise); its
breakdown point has a closed form too, used whenever it applies.

References
----------
.. [1] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
.. [2] J. W. Friedman, "A non-cooperative equilibrium for supergames",
   Review of Economic Studies 38 (1971) 1-12.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..core import numbers as num
from ..labor import formulas as f
from ..labor.evaluation import (
    as_float_result,
    as_input,
    check_range,
    has_object_array,
    kind_of,
    substitute,
)
from ..labor.technology import regime, strike_output
from ._exact_redistribution import (
    check_selection,
    exact_breakdown_automation,
    exact_max_redistribution,
)
from .threshold import Threshold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._typing import Value
    from ..labor.scenarios import Scenario

METHODS = ("exact", "closed-form")
STRATEGIES = ("stick-and-carrot", "grim")


def _check(method, strategy, transfers=None, selection=None):
    """The strategy class to use; a ValueError for an option the method would ignore."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, METHODS))}, got {method!r}")
    if transfers is not None and method != "exact":
        raise ValueError(
            "transfers=... applies to method='exact' only; the closed forms already "
            "maximise over a continuous transfer"
        )
    if selection is not None:
        check_selection(selection)
        if method != "exact":
            raise ValueError(
                f"selection={selection!r} applies to method='exact' only; a closed form "
                "describes one strategy class, chosen with strategy=..."
            )
    if method == "exact":
        if strategy is not None:
            raise ValueError(
                f"strategy={strategy!r} applies to method='closed-form' only; the exact method "
                "computes the whole set of subgame-perfect payoffs, over every strategy"
            )
        return None
    strategy = STRATEGIES[0] if strategy is None else strategy
    if strategy not in STRATEGIES:
        raise ValueError(
            f"strategy must be one of {', '.join(map(repr, STRATEGIES))}, got {strategy!r}"
        )
    return strategy


def _parameters(scenario):
    return {f.w: scenario.w, f.b: scenario.b, f.delta: scenario.delta, f.theta: scenario.theta}


def max_redistribution(
    scenario: Scenario,
    a: Value,
    method: str = "exact",
    strategy: str | None = None,
    *,
    transfers: Sequence[float] | None = None,
    selection: str | None = None,
) -> Value:
    """The redistribution to labor sustained at automation ``a``, per period.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    a : number, array_like or sympy expression
        Automation, in [0, 1]; arrays are evaluated elementwise.
    method : {"exact", "closed-form"}
        ``"exact"`` (the default): the selected subgame-perfect payoff of
        labor above its stage-equilibrium payoff ``w + theta (1 - w)``, in
        transfer units (divided by ``1 - theta``), from the Abreu-Sannikov
        payoff set (floats). ``"closed-form"``: the largest transfer the
        strategy class sustains, a lower bound (exact, float or symbolic).
    strategy : {"stick-and-carrot", "grim"}, optional
        The strategy class of the closed form (stick-and-carrot when omitted);
        the exact method takes none.
    transfers : sequence of float, optional
        For ``"exact"``: capital's transfer grid; the 2x2 game with
        ``scenario.tau`` if omitted.
    selection : {"labor-best", "capital-best", "nash", "renegotiation-proof"}, optional
        For ``"exact"``: which subgame-perfect equilibrium (labor's best when
        omitted); see :mod:`bargaining.analysis._exact_redistribution`.
        ``"renegotiation-proof"`` is labor's best weakly renegotiation-proof
        simple strategy profile (Farrell and Maskin 1989; Abreu 1988), in
        exact arithmetic: a lower bound on its best weakly
        renegotiation-proof payoff.

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression
        The transfer (0 where none is sustainable), per period.

    Examples
    --------
    Stick-and-carrot is a lower bound: the exact set of subgame-perfect
    payoffs sustains more, and a grid of transfers more than the single lumpy
    transfer ``tau = 0.1`` of the 2x2 game:

    >>> from bargaining.labor import scenarios
    >>> s = scenarios.DEFAULT
    >>> grid = [0.05 * k for k in range(1, 9)]
    >>> round(float(max_redistribution(s, 0.3, method="closed-form")), 6)
    0.083158
    >>> round(max_redistribution(s, 0.3), 6)
    0.1
    >>> round(max_redistribution(s, 0.3, transfers=grid), 6)
    0.123158
    >>> float(max_redistribution(s, 0.45, method="closed-form"))
    0.0
    >>> round(max_redistribution(s, 0.45), 6)
    0.07875

    Capital's best equilibrium redistributes nothing:

    >>> max_redistribution(s, 0.3, selection="capital-best")
    0.0

    Nor does any renegotiation-proof one here: punishing capital without
    leaving both sides worse off than on the path needs a strike paid at
    least the path's wage and transfer, which capital's transfers (at most
    ``1 - w``) cannot fund while ``b + 1 - w <= w``:

    >>> max_redistribution(s, 0.3, selection="renegotiation-proof")
    0.0

    References
    ----------
    Abreu (1988) for stick-and-carrot; Friedman (1971) for grim trigger.
    """
    strategy = _check(method, strategy, transfers, selection)
    a = as_input(a)
    check_range(a, "a", 0, 1)
    if method == "exact":
        return exact_max_redistribution(
            scenario, a, transfers, selection=selection or "labor-best"
        )
    _check_closed_form_model(scenario)
    output: Any = strike_output(a, scenario.sigma, scenario.rho)
    parameters = _parameters(scenario)
    kind = kind_of(output, *parameters.values())
    if kind == num.FLOAT:
        transfer = f.compiled(f.max_transfer_expression(strategy), f.TRANSFER_ARGUMENTS)(
            np.asarray(output, dtype=float), *(float(v) for v in parameters.values())
        )
        return as_float_result(np.broadcast_to(transfer, np.shape(output)))
    expression = f.max_transfer_expression(strategy)
    if has_object_array(output):
        return np.frompyfunc(lambda y: substitute(expression, {**parameters, f.y: y}), 1, 1)(
            output
        )
    return substitute(expression, {**parameters, f.y: output})


def breakdown_automation(
    scenario: Scenario,
    method: str = "exact",
    strategy: str | None = None,
    *,
    transfers: Sequence[float] | None = None,
    selection: str | None = None,
) -> Threshold:
    """The automation level beyond which no redistribution is sustained.

    Strike output rises with automation and at ``a = 1`` a strike is no
    threat, so the sustainable region is ``[0, a*]`` or empty: ``a*`` is the
    last automation level at which redistribution is sustained, and any
    higher level sustains none. Where a closed form gives the strike output
    at ``a*``, ``a*`` comes from inverting ``strike_output`` exactly.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    method : {"exact", "closed-form"}
        ``"exact"`` (the default): where the selected subgame-perfect
        equilibrium stops redistributing. For labor's best equilibrium and a
        fixed wage this is the closed form
        :func:`~bargaining.analysis._exact_redistribution.closed_form_breakdown_output`
        (exact for exact scenarios); otherwise the first level at which
        redistribution stops is bracketed to within 1e-6
        (``Threshold.method == "exact (bisection)"``).
        ``"closed-form"``: where the strategy class stops, a lower bound.
    strategy : {"stick-and-carrot", "grim"}, optional
        The strategy class of the closed form (stick-and-carrot when omitted);
        the exact method takes none.
    transfers : sequence of float, optional
        For ``"exact"``: capital's transfer grid; the 2x2 game if omitted.
    selection : {"labor-best", "capital-best", "nash", "renegotiation-proof"}, optional
        For ``"exact"``: which subgame-perfect equilibrium (labor's best when
        omitted); ``"renegotiation-proof"`` searches simple strategy
        profiles, so its ``Threshold.method`` is ``"simple strategies,
        bisection"`` and its value a lower bound.

    Returns
    -------
    Threshold
        Exact for rational scenarios. With ``sigma = 0`` (or ``rho = 0`` and
        ``sigma <= 1``) strike output jumps only at ``a = 1``, so the value is 1
        and ``a = 1`` itself is on the unsustainable side. A symbolic scenario
        gives the boundary as an expression, valid under ``.condition``.

    Examples
    --------
    >>> from bargaining.labor import scenarios
    >>> s = scenarios.DEFAULT.exact()
    >>> breakdown_automation(s).value, breakdown_automation(s, "closed-form").value
    (Fraction(65, 124), Fraction(215, 496))

    With capital's lockout, punishing costs labor nothing more than its job, so
    the strike threat sustains transfers longer; capital's best equilibrium
    sustains none at all:

    >>> breakdown_automation(scenarios.get("job-loss").exact()).value
    Fraction(17, 28)
    >>> breakdown_automation(s, selection="capital-best").kind
    'never-sustainable'
    """
    strategy = _check(method, strategy, transfers, selection)
    if method == "exact":
        return exact_breakdown_automation(scenario, transfers, selection=selection or "labor-best")
    _check_closed_form_model(scenario)
    if strategy == "grim":
        return Threshold(None, "never-sustainable", strategy, method)
    parameters = _parameters(scenario)
    kind = kind_of(scenario.sigma, scenario.rho, *parameters.values())
    output = substitute(f.BREAKDOWN_STRIKE_OUTPUT, parameters)
    if kind == num.SYMBOLIC:
        name = regime(scenario.sigma, symbolic=regime(scenario.sigma) == "complements")
        technology = {f.y: output, f.rho: scenario.rho, f.sigma: scenario.sigma}
        value = (
            sp.Integer(1)
            if name == "leontief"
            else substitute(f.AUTOMATION_AT_OUTPUT[name], technology)
        )
        condition = sp.And(sp.Lt(scenario.rho, output), sp.Lt(scenario.theta, scenario.delta**2))
        return Threshold(value, "breaks-down", strategy, method, condition)
    if not max_redistribution(scenario, 0, method, strategy) > 0:
        return Threshold(None, "never-sustainable", strategy, method)
    kind_name, value = automation_at_output(scenario, output)
    return Threshold(value, kind_name, strategy, method)


def automation_at_output(scenario: Scenario, output: Any) -> tuple[str, Any]:
    """Where redistribution sustained for strike output up to ``output`` ends in ``a``.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
        Numeric; its technology ``sigma``, ``rho`` maps ``a`` to ``y_s(a)``.
    output : number or None
        The highest strike output that sustains redistribution; ``None`` for
        none.

    Returns
    -------
    (kind, value)
        ``("breaks-down", a*)`` or ``("never-sustainable", None)``.
    """
    if output is None:
        return "never-sustainable", None
    kind = kind_of(scenario.sigma, scenario.rho, output)
    if output < strike_output(0, scenario.sigma, scenario.rho):
        return "never-sustainable", None
    # At a = 1 strike output is 1 > 1 - w, so no strike is a threat there.
    name = regime(scenario.sigma)
    if name == "leontief" or (scenario.rho == 0 and name in ("complements", "cobb-douglas")):
        return "breaks-down", 1 if kind != num.FLOAT else 1.0
    value = substitute(
        f.AUTOMATION_AT_OUTPUT[name], {f.y: output, f.rho: scenario.rho, f.sigma: scenario.sigma}
    )
    return "breaks-down", float(value) if kind == num.FLOAT else value


def _check_closed_form_model(scenario):
    if scenario.wage != "fixed":
        raise ValueError(
            f"method='closed-form' needs a fixed wage, got wage={scenario.wage!r}: the "
            "strategy-class formulas hold w constant; use method='exact'"
        )
