"""Capital's payoff against automation, with the breakdown point and the efficient level.

The figure shows capital's payoff ``U(a) = v(a) + gain*a - C(a)`` (see
:mod:`bargaining.labor.investment`), computed on a grid by
:func:`bargaining.analysis.investment.capital_payoff_curve`, a dashed line
where redistribution breaks down, a dotted line at the efficient level and a
dot at capital's choice (:func:`bargaining.analysis.strategic_automation`).
Where the curve jumps up at the breakdown point capital automates to break
labor's leverage.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
"""

from __future__ import annotations

import numpy as np

from ._style import new_figure

# The colours of the published figure (papers/automation-redistribution), kept
# so that it rebuilds byte for byte.
CURVE, BREAKDOWN, EFFICIENT, CHOICE = "black", "tab:red", "tab:blue", "tab:orange"


def capital_payoff(choice, levels, payoffs, *, title="", ax=None):
    """Draw capital's payoff against automation and capital's choice; return the figure.

    Parameters
    ----------
    choice : bargaining.analysis.investment.Choice
        Capital's choice, from :func:`~bargaining.analysis.strategic_automation`.
    levels, payoffs : 1-D array_like
        Automation levels and capital's payoff at each, from
        :func:`~bargaining.analysis.investment.capital_payoff_curve`.
    title : str
        The axes' title.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure (made outside pyplot) when omitted.

    Returns
    -------
    matplotlib.figure.Figure
    """
    if ax is None:
        _, (ax,) = new_figure(width=6.0, height=4.0)
    payoffs = np.asarray(payoffs, dtype=float)
    ax.plot(levels, payoffs, color=CURVE, label="capital's payoff U(a)")
    if choice.breakdown.value is not None:
        ax.axvline(
            float(choice.breakdown.value),
            color=BREAKDOWN,
            linestyle="--",
            label=f"breakdown a* = {float(choice.breakdown.value):.3f}",
        )
    ax.axvline(
        float(choice.efficient),
        color=EFFICIENT,
        linestyle=":",
        label=f"efficient a = {float(choice.efficient):.3f}",
    )
    ax.plot(
        [float(choice.chosen)],
        [float(choice.payoff)],
        "o",
        color=CHOICE,
        label=f"chosen a = {float(choice.chosen):.3f}",
    )
    finite = payoffs[np.isfinite(payoffs)]
    ax.set_ylim(finite.min() - 0.01, finite.max() + 0.01)
    ax.set_xlabel("automation a")
    ax.set_ylabel("capital's payoff per period")
    ax.set_title(title)
    ax.legend(loc="best", fontsize="small")
    return ax.figure
