"""The main job: what automation does to redistribution in one scenario.

:func:`build_report` returns plain text, the same for the same scenario on
every run, so that it can be kept and compared. Each number comes from the
analysis layer: the stick-and-carrot closed form (a lower bound), and the
exact subgame-perfect payoff sets for the 2x2 game and for a grid of
transfers.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import numpy as np

from .analysis import breakdown_automation, max_redistribution
from .labor import scenarios, strike_output

AUTOMATION_LEVELS = np.round(np.linspace(0, 1, 11), 10)
GRID_STEPS = 8


def transfer_grid(scenario):
    """Capital's transfer choices: ``GRID_STEPS`` equal steps up to ``1 - w``."""
    top = 1 - float(scenario.w)
    return [top * k / GRID_STEPS for k in range(1, GRID_STEPS + 1)]


def _threshold(threshold):
    if threshold.value is None:
        return threshold.kind
    value = threshold.value
    shown = f"{float(value):.6f}"
    if isinstance(value, Fraction) and value.denominator != 1:
        shown += f" (= {value})"
    return shown


def _parameters(scenario):
    return "  ".join(f"{name}={value}" for name, value in scenario.parameters.items())


@functools.cache
def breakdowns(scenario):
    """Closed-form (exact arithmetic), exact 2x2 and exact grid breakdown thresholds."""
    return (
        breakdown_automation(scenario.exact()),
        breakdown_automation(scenario, method="exact"),
        breakdown_automation(scenario, method="exact", transfers=transfer_grid(scenario)),
    )


def build_report(scenario=scenarios.DEFAULT, *, compare=True):
    """The report on ``scenario`` as text.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
        A numeric scenario.
    compare : bool
        Whether to add the table of breakdown points of every named scenario.
    """
    grid = transfer_grid(scenario)
    levels = AUTOMATION_LEVELS
    closed = max_redistribution(scenario, levels)
    lumpy = max_redistribution(scenario, levels, method="exact")
    fine = max_redistribution(scenario, levels, method="exact", transfers=grid)
    outputs = strike_output(levels, scenario.sigma, scenario.rho)
    thresholds = breakdowns(scenario)
    closed_form, exact, exact_grid = map(_threshold, thresholds)
    lines = [
        f"bargaining report: scenario {scenario.name!r}",
        f"  {scenario.description}" if scenario.description else None,
        f"  {_parameters(scenario)}",
        "",
        "Redistribution as automation rises: labor's gain per period above the wage w",
        "  stick-and-carrot: largest transfer of that strategy class (closed form, a lower bound)",
        "  exact 2x2: highest subgame-perfect gain when capital shares "
        f"tau={scenario.tau} or keeps",
        f"  exact grid: the same with transfers {grid[0]:g}, {grid[1]:g}, ..., {grid[-1]:g}",
        "",
        f"  {'a':>5}  {'y_s(a)':>8}  {'stick-and-carrot':>16}  {'exact 2x2':>10}  "
        f"{'exact grid':>10}",
    ]
    for row in zip(levels, outputs, closed, lumpy, fine, strict=True):
        a, y, c, e, g = (float(v) for v in row)
        lines.append(f"  {a:5.2f}  {y:8.4f}  {c:16.4f}  {e:10.4f}  {g:10.4f}")
    lines += [
        "",
        "Breakdown automation a*: the first level at which no redistribution is sustained",
        f"  stick-and-carrot (closed form)   {closed_form}",
        f"  exact, 2x2 game                  {exact}",
        f"  exact, transfer grid             {exact_grid}",
    ]
    grid_breakdown = thresholds[2]
    revived = [
        f"{float(a):g}"
        for a, gain in zip(levels, fine, strict=True)
        if gain > 0 and grid_breakdown.value is not None and a > grid_breakdown.value
    ]
    if revived:
        lines += [
            "",
            f"  Gains at a = {', '.join(revived)} are not the strike threat's: where",
            "  y_s(a) > 1 - b a strike is efficient, and capital, which has no lockout in the",
            "  stage game, pays labor to stay idle.",
        ]
    if compare:
        lines += [
            "",
            "Named scenarios: breakdown automation a*",
            f"  {'scenario':<12}  {'stick-and-carrot':<26}  {'exact 2x2':<18}  exact grid",
        ]
        for name in scenarios.NAMES:
            row = [_threshold(t) for t in breakdowns(scenarios.get(name))]
            lines.append(f"  {name:<12}  {row[0]:<26}  {row[1]:<18}  {row[2]}")
    return "\n".join(line for line in lines if line is not None) + "\n"
