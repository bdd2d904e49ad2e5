"""Capital's payoff against automation, with the breakdown point and the efficient level.

The figure shows ``U(a) = v(a) + gain*a - C(a)`` (see
:mod:`bargaining.labor.investment`) on a grid of automation levels, a dashed
line where redistribution breaks down, a dotted line at the efficient level
and a dot at capital's choice. Where the curve jumps up at the breakdown point
capital automates to break labor's leverage.

Algorithm
---------
1. Solve capital's choice with :func:`bargaining.analysis.investment.strategic_automation`.
2. Evaluate ``U`` on ``levels`` equally spaced automation levels (closed form,
   or the exact subgame-perfect sets of Abreu and Sannikov 2014 in lockstep).
3. Draw; when ``path`` is given, save without timestamps (fixed SVG hash
   salt, no creation date), so the same inputs give the same bytes.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
"""

from __future__ import annotations

import numpy as np

from ..analysis._exact_redistribution import _float_scenario
from ..analysis.investment import strategic_automation
from ..analysis._exact_investment import exact_capital_payoff
from ..labor.investment import capital_payoff
from ._style import save


def payoff_curve(
    scenario, cost, method="closed-form", selection="labor-preferred", levels=201, **options
):
    """Automation levels and capital's payoff at each, as two float arrays."""
    if not (isinstance(levels, int) and levels >= 2):
        raise ValueError(f"levels must be an integer of at least 2, got {levels!r}")
    grid = np.linspace(0, 1, levels)
    if method == "exact":
        return grid, exact_capital_payoff(scenario, grid, cost, selection, **options)
    with np.errstate(divide="ignore"):
        return grid, capital_payoff(_float_scenario(scenario), grid, cost, selection)


def plot_capital_payoff(
    scenario,
    cost,
    method="closed-form",
    selection="labor-preferred",
    *,
    levels=201,
    ax=None,
    path=None,
    **options,
):
    """Draw capital's payoff against automation; return the matplotlib axes.

    Parameters
    ----------
    scenario : Scenario
    cost : bargaining.labor.investment.Cost
    method : {"closed-form", "exact"}
    selection : str
        As for :func:`~bargaining.analysis.investment.strategic_automation`.
    levels : int
        Grid points on [0, 1].
    ax : matplotlib axes, optional
        Drawn on a new :class:`matplotlib.figure.Figure` (outside pyplot) if omitted.
    path : str or path-like, optional
        Where to save the figure (the suffix picks the format).
    **options
        ``transfers`` and ``paid_strikes`` for ``method="exact"``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.figure import Figure

    if ax is None:
        ax = Figure(figsize=(6, 4)).add_subplot()
    choice = strategic_automation(scenario, cost, method, selection, **options)
    grid, payoff = payoff_curve(scenario, cost, method, selection, levels, **options)
    ax.plot(grid, payoff, color="black", label="capital's payoff U(a)")
    if choice.breakdown.value is not None:
        ax.axvline(
            float(choice.breakdown.value),
            color="tab:red",
            linestyle="--",
            label=f"breakdown a* = {float(choice.breakdown.value):.3f}",
        )
    ax.axvline(
        float(choice.efficient),
        color="tab:blue",
        linestyle=":",
        label=f"efficient a = {float(choice.efficient):.3f}",
    )
    ax.plot(
        [float(choice.chosen)],
        [float(choice.payoff)],
        "o",
        color="tab:orange",
        label=f"chosen a = {float(choice.chosen):.3f}",
    )
    finite = payoff[np.isfinite(payoff)]
    ax.set_ylim(finite.min() - 0.01, finite.max() + 0.01)
    ax.set_xlabel("automation a")
    ax.set_ylabel("capital's payoff per period")
    ax.set_title(f"{scenario.name}: {cost.name} cost, {method}, {selection}")
    ax.legend(loc="best", fontsize="small")
    if path is not None:
        save(ax.figure, path)
    return ax
