"""The figure of the automation-redistribution paper: one panel per section.

Panels: sustainable redistribution against automation, exact (labor's best
subgame-perfect equilibrium) and the stick-and-carrot lower bound;
strike output for complements, Cobb-Douglas and substitutes, against the
breakdown output ``y*``; ``a*`` against labor's machine ownership; ``a*``
against patience, with and without a strike fund; the strike and revolt
channels; exact subgame-perfect payoff sets of the 2x2 game.
"""

from __future__ import annotations

import math

import numpy as np

from ...analysis import breakdown_automation, max_redistribution
from ...core.repeated.payoff_sets import equilibrium_payoffs
from ...labor import revolution, scenarios
from ...labor.strike_game import StrikeGame
from ...labor.technology import strike_output
from ...plots import PALETTE, save_formats

NAME = "automation-redistribution"


def _threshold(scenario, **kw):
    value = breakdown_automation(scenario, **kw).value
    return math.nan if value is None else float(value)


def _redistribution(ax, n):
    s, rows = scenarios.DEFAULT, n["rows"]["default"]
    a = np.linspace(0, 1, 201)
    curves = (
        ("exact, 2x2 (tau = 0.1)", max_redistribution(s, a), rows["exact"]),
        ("exact, transfer grid", max_redistribution(s, a, transfers=n["transfers"]), rows["grid"]),
        (
            "stick-and-carrot (lower bound)",
            max_redistribution(s, a, method="closed-form"),
            rows["closed"],
        ),
    )
    for (label, gain, threshold), color in zip(curves, PALETTE, strict=False):
        ax.plot(a, gain, color=color, label=label)
        ax.axvline(float(threshold.value), color=color, linestyle=":", linewidth=0.8)
    ax.axvspan(n["paid_strike"], 1, color="0.9", label="paid strike worth more (b + y_s > 1)")
    ax.set(xlabel="automation a", ylabel="labor's gain over w", title="(a) default, labor-best")
    ax.legend(fontsize=7)


def _technology(ax, n):
    s, a = scenarios.DEFAULT, np.linspace(0, 1, 201)
    for (label, sigma), color in zip(
        (
            ("Liebig, sigma = 0", 0),
            ("sigma = 0.5", 0.5),
            ("sigma = 1", 1),
            ("sigma = inf", math.inf),
        ),
        PALETTE,
        strict=False,
    ):
        y = np.where(a < 1, strike_output(np.minimum(a, 0.999999), sigma, s.rho), 1.0)
        ax.plot(a, y, color=color, label=label)
    ax.axhline(float(n["y_exact"]), color="0.3", linewidth=0.8, label="y_T (exact, 2x2)")
    ax.axhline(float(n["y_star"]), color="0.3", linestyle="--", linewidth=0.8, label="y* (bound)")
    ax.set(xlabel="automation a", ylabel="strike output y_s", title="(b) task complementarity")
    ax.legend(fontsize=7)


def _ownership(ax, n):
    s = scenarios.DEFAULT
    thetas = np.linspace(0, 0.39, 40)
    closed = [_threshold(s.replace(theta=t), method="closed-form") for t in thetas]
    ax.plot(thetas, closed, color=PALETTE[0])
    marks = (0.0, 0.1, 0.2, 0.3)
    exact = [_threshold(s.replace(theta=t)) for t in marks]
    ax.plot(marks, exact, "o", color=PALETTE[1], label="exact, 2x2")
    ax.plot([], [], color=PALETTE[0], label="stick-and-carrot (lower bound)")
    ax.set(xlabel="labor's share of the firm theta", ylabel="a*", title="(c) ownership")
    ax.legend(fontsize=7)


def _patience(ax, n):
    deltas = np.linspace(0.8, 0.99, 39)
    for name, color in (("default", PALETTE[0]), ("strike-fund", PALETTE[1])):
        s = scenarios.get(name)
        values = [_threshold(s.replace(delta=float(d)), method="closed-form") for d in deltas]
        ax.plot(deltas, values, color=color, label=f"b = {s.b}")
        ax.plot(s.delta, _value(n, name), "o", color=color)
    ax.plot(0.97, _value(n, "patient"), "s", color=PALETTE[0], label="patient (delta = 0.97)")
    ax.set(xlabel="discount factor delta", ylabel="a* (stick-and-carrot)", title="(d) patience")
    ax.legend(fontsize=7)


def _value(n, name):
    return float(n["rows"][name]["closed"].value)


def _channels(ax, n):
    s, a = scenarios.DEFAULT, np.linspace(0, 1, 201)
    base = {k: n["revolt_parameters"][k] for k in ("base_share", "base_cost")}
    ax.plot(a, revolution.two_channels(s, a, **base).strike, color=PALETTE[0], label="strike")
    for (machines, result), color in zip(n["revolt"].items(), PALETTE[1:], strict=False):
        revolt = revolution.two_channels(s, a, **result["kw"]).revolt
        ax.plot(a, revolt, color=color, label=f"revolt, machines {machines}")
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.set(xlabel="automation a", ylabel="leverage", title="(e) strike and revolt")
    ax.legend(fontsize=7)


def _sets(ax, n):
    s = scenarios.DEFAULT
    for a, color in zip((0.3, 0.45, 0.5), PALETTE, strict=False):
        equilibrium_payoffs(StrikeGame(s, a), s.delta).plot(ax, color=color, label=f"a = {a}")
    ax.plot([s.w], [1 - s.w], "k.", label="(Work, Keep)")
    ax.set(xlabel="labor", ylabel="capital", title="(f) exact SPE payoffs, 2x2")
    ax.legend(fontsize=7)


def figures(n, out_dir):
    """Draw the six panels and save them as PNG and SVG in ``out_dir``; return the paths."""
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(3, 2, figsize=(9, 11))
    panels = (_redistribution, _technology, _ownership, _patience, _channels, _sets)
    for draw, ax in zip(panels, axes.ravel(), strict=True):
        draw(ax, n)
    figure.tight_layout()
    paths = save_formats(figure, out_dir, NAME)
    plt.close(figure)
    return paths
