"""Union against individual workers: the chance a strike succeeds as automation rises.

One panel. The union's strike (it commits its members) succeeds with
certainty while some strike makes capital concede; workers who decide alone
reach the number needed only with the probability of the participation
game's equilibrium, which drops to zero wherever joining costs more than the
chance of being pivotal is worth. One curve per strike payoff ``b`` (a strike
fund raises it); dotted verticals mark the thresholds.
"""

from __future__ import annotations

import numpy as np

from ._style import PALETTE, new_figure, style


def union_vs_individuals(comparison, *, title=None):
    """Draw the union's and individual workers' chance of a successful strike against automation.

    Parameters
    ----------
    comparison : object
        With attributes ``a`` (automation levels), ``union`` (1 where the
        union's strike succeeds), ``individual`` (a dict from strike payoff
        ``b`` to the individual workers' chance at each level),
        ``union_threshold``, ``individual_thresholds`` (dict from ``b``),
        ``n`` and ``confidence``: what
        ``bargaining.analysis.workers.compare`` returns.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        Lines with gids ``"union"`` and ``"individual:<b>"``; thresholds as
        dotted verticals with gids ``"threshold:union"`` and
        ``"threshold:<b>"``.

    Raises
    ------
    ValueError
        If a curve does not have one value per automation level.
    """
    a = np.asarray(comparison.a, dtype=float)
    union = np.asarray(comparison.union, dtype=float)
    curves = {b: np.asarray(v, dtype=float) for b, v in comparison.individual.items()}
    for name, values in [("union", union), *((f"individual[{b}]", v) for b, v in curves.items())]:
        if values.shape != a.shape:
            raise ValueError(f"{name} must have one value per level of a, got {values.shape}")
    figure, (ax,) = new_figure(1, width=6.5, height=4.2)
    with style():
        ax.step(a, union, where="post", color="#000000", gid="union", label="union (commits all)")
        ax.axvline(
            comparison.union_threshold, color="#000000", linestyle=":", gid="threshold:union"
        )
        for index, (b, values) in enumerate(sorted(curves.items())):
            color = PALETTE[(index + 1) % len(PALETTE)]
            ax.step(
                a,
                values,
                where="post",
                color=color,
                gid=f"individual:{b:g}",
                label=f"individual workers, strike pay b = {b:g}",
            )
            ax.axvline(
                comparison.individual_thresholds[b],
                color=color,
                linestyle=":",
                gid=f"threshold:{b:g}",
            )
        ax.axhline(comparison.confidence, color="0.6", linewidth=0.8, linestyle="--")
        ax.set(
            xlim=(0, 1),
            ylim=(-0.02, 1.05),
            xlabel="automation a",
            ylabel="chance the strike makes capital concede",
            title=title or f"{comparison.n} workers: union against individual workers",
        )
        ax.legend(loc="lower left", fontsize=8)
    return figure
