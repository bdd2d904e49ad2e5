"""Section 6b of the automation-redistribution paper: anticipated automation.

Automation advances one level (of 0, 0.1, ..., 1) with chance ``p`` each
period and never falls back; the strike game becomes a stochastic game whose
subgame-perfect payoff set in each state is computed exactly
(:func:`bargaining.analysis.anticipation.rising_automation`). The numbers:
where redistribution ends at three speeds in the seed scenario; the same with
a strike fund and with labor's ownership, on the levels before a strike paid
from outside is worth more than work; and the critical speed of the two-level
closed form at ``a = 0.3``, bracketed again by the solver alone.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from ...analysis.anticipation import critical_speed, levels_before_paid_strike, rising_automation
from ...labor import scenarios
from ...plots import PALETTE, save_formats

NAME = "anticipation"
# Chances that automation advances one level in a period (as in the report).
SPEEDS = (0.02, 0.1, 0.3)
# The seed scenario, then the strike fund and ownership as levers.
COMPARED = ("default", "strike-fund", "open-models")
# The level of the two-level example (notebook 08): a0 = 3/10, then a1 = 7/10 for good.
TWO_LEVELS = (Fraction(3, 10), Fraction(7, 10))
# Chances of panel (b).
CHANCES = tuple(np.linspace(0.0025, 0.25, 34))


def _ends(result):
    return None if result.ends is None else float(result.levels[result.ends])


def _two_level_redistribution(scenario, chances):
    """Redistribution at ``a0`` of :data:`TWO_LEVELS`, by the stochastic-game solver."""
    levels = tuple(float(a) for a in TWO_LEVELS)
    results = rising_automation(scenario, chances, levels=levels)
    return np.array([results[p].redistribution[0] for p in chances])


def solver_critical_speed(scenario, xtol=1e-7):
    """The largest chance at which ``a0`` still redistributes, bisected on the solver alone."""
    low, high = 0.0, 1.0
    while high - low > xtol:
        mid = (low + high) / 2
        (gain,) = _two_level_redistribution(scenario, [mid])
        low, high = (mid, high) if gain > 0 else (low, mid)
    return (low + high) / 2


def anticipation_numbers():
    """Where redistribution ends at each speed, and the critical speeds, for the paper."""
    default = scenarios.DEFAULT
    full = rising_automation(default, SPEEDS)
    static = full[SPEEDS[0]]
    compared = [scenarios.get(name) for name in COMPARED]
    levels = levels_before_paid_strike(compared)
    rows = {}
    for scenario in compared:
        results = rising_automation(scenario, SPEEDS, levels=levels)
        first = results[SPEEDS[0]]
        rows[scenario.name] = {
            "scenario": scenario,
            "static": None if first.static_ends is None else float(levels[first.static_ends]),
            "ends": [_ends(results[p]) for p in SPEEDS],
            "critical": critical_speed(scenario.exact(), TWO_LEVELS[0]),
            "solver": solver_critical_speed(scenario),
        }
    # On the whole grid the strike fund's paid strike at a = 0.9 and 1 is anticipated below.
    fund = rising_automation(scenarios.get("strike-fund"), SPEEDS[:1])[SPEEDS[0]]
    return {
        "speeds": SPEEDS,
        "levels": [float(a) for a in full[SPEEDS[0]].levels],
        "static": [float(v) for v in static.static],
        "static_ends": float(static.levels[static.static_ends]),
        "redistribution": {p: [float(v) for v in full[p].redistribution] for p in SPEEDS},
        "ends": [_ends(full[p]) for p in SPEEDS],
        "method": static.method,
        "selection": static.selection,
        "compared_levels": [float(a) for a in levels],
        "rows": rows,
        "two_levels": [float(a) for a in TWO_LEVELS],
        "fund_full_grid": {
            "ends": _ends(fund),
            "static": [float(v) for v in fund.static],
            "redistribution": [float(v) for v in fund.redistribution],
        },
    }


def anticipation_figure(x, out_dir):
    """Two panels, as PNG and SVG in ``out_dir``; return the paths.

    (a) Redistribution in each state of the seed scenario at the three speeds,
    against the static game. (b) Redistribution at ``a0 = 0.3`` of the
    two-level game against the chance ``p``, for the three compared scenarios,
    with each critical speed of the closed form.
    """
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 2, figsize=(9, 3.8))
    ax = axes[0]
    ax.plot(x["levels"], x["static"], color="0.3", linestyle="--", label="static")
    for p, color in zip(SPEEDS, PALETTE, strict=False):
        ax.plot(
            x["levels"],
            x["redistribution"][p],
            marker="o",
            markersize=3,
            color=color,
            label=f"advances with chance {p:g}",
        )
    ax.set(
        xlabel="automation a (the state)",
        ylabel="sustained redistribution",
        title="(a) default, labor-best",
    )
    ax.legend(fontsize=7)
    ax = axes[1]
    chances = np.array(CHANCES)
    for (name, row), color in zip(x["rows"].items(), PALETTE, strict=False):
        gains = _two_level_redistribution(row["scenario"], tuple(float(p) for p in chances))
        ax.plot(chances, gains, color=color, label=name)
        ax.axvline(float(row["critical"]), color=color, linestyle=":", linewidth=0.8)
    a0, a1 = x["two_levels"]
    ax.set(
        xlabel="chance p that automation advances",
        ylabel=f"redistribution at a = {a0:g}",
        title=f"(b) two levels, {a0:g} then {a1:g}",
    )
    ax.legend(fontsize=7)
    figure.tight_layout()
    paths = save_formats(figure, Path(out_dir), NAME)
    plt.close(figure)
    return paths
