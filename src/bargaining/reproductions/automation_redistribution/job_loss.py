"""The job-loss figure of the automation-redistribution paper (its section 2).

Labor's best and worst subgame-perfect payoffs against automation, with and
without capital's lockout, for the 2x2 game and for capital's transfer grid,
beside the wage ``w`` and labor's outside option ``u(a)``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ...analysis import payoff_bounds
from ...labor import scenarios
from ...plots import PALETTE, save_formats

NAME = "job-loss"
LEVELS = np.linspace(0, 1, 81)


def _panel(ax, n, transfers, title):
    s, job = scenarios.DEFAULT, scenarios.get("job-loss")
    u = [job.outside_option_at(float(a)) for a in LEVELS]
    for scenario, color, label in ((s, PALETTE[0], "no lockout"), (job, PALETTE[1], "lockout")):
        bounds = payoff_bounds(scenario, LEVELS, transfers)
        ax.plot(LEVELS, bounds.labor_best, color=color, label=f"best, {label}")
        ax.plot(LEVELS, bounds.labor_worst, color=color, linestyle="--", label=f"worst, {label}")
    ax.plot(LEVELS, u, color="0.4", linestyle=":", label="outside option u(a)")
    ax.axhline(float(s.w), color="0.6", linewidth=0.8)
    ax.axvline(float(n["job_loss"]["lost"]), color="0.3", linestyle=":", linewidth=0.8)
    ax.set(xlabel="automation a", ylabel="labor's SPE payoff", title=title)
    ax.legend(fontsize=7)


def job_loss_figure(n, out_dir):
    """Draw the two panels and save them as PNG and SVG in ``out_dir``; return the paths."""
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 2, figsize=(9, 3.8), sharey=True)
    _panel(axes[0], n, None, "(a) 2x2 game (tau = 0.1)")
    _panel(axes[1], n, n["transfers"], "(b) transfer grid")
    figure.tight_layout()
    paths = save_formats(figure, Path(out_dir), NAME)
    plt.close(figure)
    return paths
