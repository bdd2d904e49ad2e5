"""Topic: the largest redistribution a credible strike sustains, and where it breaks down.

The exercise is the labor-capital model with exact numbers:
strike output ``y_s(a)``, the stick-and-carrot cap on the transfer at a
given automation level, and the automation level ``a*`` beyond which no
credible strike sustains any transfer. Easy exercises have perfectly
substitutable tasks (``y_s = a + (1 - a) rho``) and no machine ownership;
medium ones give labor a share ``theta`` of the machines; hard ones use
Cobb-Douglas tasks (``y_s = rho**(1 - a)``), whose threshold involves
logarithms. The key comes from :func:`bargaining.analysis.max_redistribution`
and :func:`bargaining.analysis.breakdown_automation`, and the steps print the
sympy formulas of :mod:`bargaining.labor.formulas` they evaluate.
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp

from ..analysis import breakdown_automation, max_redistribution
from ..labor import Scenario, formulas, strike_output
from .exercise import Exercise, Part, Step, draw_until, fraction_in, tex


def _draw(rng, level):
    w = fraction_in(rng, Fraction(2, 5), Fraction(7, 10), (10,))
    theta = fraction_in(rng, 0, Fraction(3, 10), (10,)) if level == 2 else Fraction(0)
    b = fraction_in(rng, 0, w - theta, (10,))
    return Scenario(
        w=w,
        tau=0,
        b=b,
        delta=fraction_in(rng, Fraction(4, 5), 1, (20,)),
        sigma=1 if level == 3 else math.inf,
        rho=fraction_in(rng, 0, Fraction(1, 2), (10,)),
        theta=theta,
    ), fraction_in(rng, 0, Fraction(1, 2), (10,))


def _good(draw):
    scenario, a = draw
    threshold = breakdown_automation(scenario, method="closed-form")
    if threshold.kind != "breaks-down":
        return False
    value = float(threshold.value)
    if not (0.15 <= value <= 0.9 and float(a) < value - 0.05):
        return False
    return max_redistribution(scenario, a, method="closed-form") > 0


def generate(rng, level):
    """A redistribution exercise at difficulty ``level`` (1 easy to 3 hard)."""
    scenario, a = draw_until(rng, lambda r: _draw(r, level), _good, "redistribution")
    output = strike_output(a, scenario.sigma, scenario.rho)
    transfer = max_redistribution(scenario, a, method="closed-form")
    threshold = breakdown_automation(scenario, method="closed-form").value
    technology = (
        "$y_s(a) = \\rho^{1-a}$ (Cobb-Douglas tasks)"
        if level == 3
        else "$y_s(a) = a + (1-a)\\rho$ (perfectly substitutable tasks)"
    )
    ownership = (
        f" Labor owns a share $\\theta = {tex(scenario.theta)}$ of the machines, so a strike "
        "pays labor $b + \\theta y_s$ and capital $(1-\\theta) y_s$."
        if scenario.theta
        else " A strike pays labor $b$ and capital $y_s$."
    )
    statement = (
        "Per-period output is 1 when labor works; labor earns the wage $w$ plus any transfer "
        "$\\tau$ capital shares. A share $a$ of tasks is automated, and during a strike output "
        f"is {technology}.{ownership} After capital stops sharing, labor strikes for a "
        "publicly randomised number of periods (at least one), then play returns to sharing. "
        f"Take $w = {tex(scenario.w)}$, $b = {tex(scenario.b)}$, "
        f"$\\delta = {tex(scenario.delta)}$ and $\\rho = {tex(scenario.rho)}$."
    )
    parts = (
        Part(f"Compute strike output at $a = {tex(a)}$.", output, f"$y_s = {tex(output)}$"),
        Part(
            f"Find the largest transfer $\\tau$ sustained at $a = {tex(a)}$.",
            transfer,
            f"$\\tau_{{max}} = {tex(transfer)}$"
            + (f" $\\approx {float(transfer):.4f}$" if level == 3 else ""),
        ),
        Part(
            "Find the automation level $a^*$ beyond which no transfer is sustained.",
            threshold,
            f"$a^* = {tex(threshold)} \\approx {float(threshold):.4f}$",
        ),
    )
    return Exercise(
        topic="redistribution",
        title="Redistribution under automation",
        statement=statement,
        display="",
        parts=parts,
        steps=_steps(scenario, level),
        parameters={"scenario": scenario, "a": a},
    )


def _steps(scenario, level):
    f = formulas
    values = {f.w: scenario.w, f.b: scenario.b, f.delta: scenario.delta, f.theta: scenario.theta}
    values = {k: sp.nsimplify(v) for k, v in values.items()}
    cap, floor = f.MAX_TRANSFER_CAPITAL, f.MIN_CREDIBLE_TRANSFER
    breakdown = sp.simplify(f.BREAKDOWN_STRIKE_OUTPUT.subs(values))
    regime = "cobb-douglas" if level == 3 else "substitutes"
    inverse = f.AUTOMATION_AT_OUTPUT[regime]
    return (
        Step(
            "Capital keeps sharing while the strike it would trigger costs more than one "
            "period of keeping the transfer; this caps the transfer at",
            r"\tau \le " + sp.latex(cap) + " = " + sp.latex(sp.expand(cap.subs(values))),
        ),
        Step(
            "A strike lasts at least one period, so labor's threat is credible only if the "
            "transfer afterwards repays a period of striking:",
            r"\tau \ge " + sp.latex(floor) + " = " + sp.latex(sp.expand(floor.subs(values))),
        ),
        Step(
            "The largest sustainable transfer is the cap wherever the cap is above the "
            "floor. The two meet at strike output",
            "y^* = " + sp.latex(f.BREAKDOWN_STRIKE_OUTPUT) + " = " + sp.latex(breakdown),
        ),
        Step(
            "Inverting the technology gives the breakdown automation level:",
            "a^* = " + sp.latex(inverse) + r"\Big|_{y = y^*}",
        ),
    )
