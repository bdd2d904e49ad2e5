"""Acemoglu and Robinson (2001, 2006): the revolution constraint and the commitment problem.

Elites (a fraction ``delta`` of the population) hold a share ``theta`` of
income. Citizens can revolt at cost ``mu``; revolution beats the status quo
iff ``theta > mu`` (the revolution constraint). The threat is present with
probability ``q`` each period, so a promise of the citizens' preferred tax
``tau_p`` is kept only while it lasts, and it buys off revolution iff
``mu >= mu* = theta - (1 - beta*(1 - q))*gain``, with
``gain = tau_p*(theta - delta) - (1 - delta)*C(tau_p)``. Democracy, a
permanent promise, stops revolution iff ``mu >= theta - gain``.

Reproduced: ``tau_p``, ``mu*`` and the democracy threshold for five
parameter rows, with ``C(tau) = tau**2/2``, and the four regions (no
threat, redistribution, democratisation, repression) over inequality
``theta`` and the cost of revolt ``mu^L``, and over the threat probability
``q``. The closed forms are re-derived from the standard setup [D] (not
checked against the book's text); the reference numbers are computed from
them [C]; the papers print no numbers to compare with.

References
----------
.. [1] D. Acemoglu and J. A. Robinson, "A theory of political transitions",
   American Economic Review 91 (2001) 938-963.
.. [2] D. Acemoglu and J. A. Robinson, Economic Origins of Dictatorship and
   Democracy, Cambridge University Press (2006), chs. 5-6.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..labor.revolution import citizens_tax, critical_cost, democracy_cost
from ._common import Comparison, Reproduction, finish_figure

# (theta, delta, beta, q) -> (tau_p, mu*, democracy threshold mu_D), C(tau) = tau^2/2.
# The table also checks p = (theta - mu*)/(theta - mu_D) = 1 - beta*(1 - q).
ROWS = {
    (0.6, 0.2, 0.9, 0.3): (0.5, 0.563, 0.5),
    (0.6, 0.2, 0.9, 1.0): (0.5, 0.5, 0.5),
    (0.6, 0.2, 0.9, 0.0): (0.5, 0.59, 0.5),
    (0.8, 0.1, 0.95, 0.2): (0.777778, 0.734667, 0.527778),
    (0.5, 0.1, 0.9, 0.5): (0.444444, 0.451111, 0.411111),
}
SOURCE = "[C] from the [D] closed form"
ELITES, BETA, THREAT = 0.2, 0.9, 0.3  # the figure's parameters (first row)
REGION_COLOURS = {
    "no threat": "#dddddd",
    "redistribution buys off revolt": "#56B4E9",
    "democratisation": "#009E73",
    "repression or revolution": "#E69F00",
}


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("acemoglu-robinson-2001")
    add = result.comparisons.append
    for (theta, delta, beta, q), (tax, critical, democracy) in ROWS.items():
        name = f"(theta,delta,beta,q)=({theta},{delta},{beta},{q})"
        ours_critical = critical_cost(theta, delta, beta, q)
        ours_democracy = democracy_cost(theta, delta)
        add(Comparison(f"tau_p, {name}", citizens_tax(theta, delta), tax, SOURCE, 5e-7))
        add(Comparison(f"mu*, {name}", ours_critical, critical, SOURCE, 5e-7))
        add(Comparison(f"mu_D, {name}", ours_democracy, democracy, SOURCE, 5e-7))
        # mu*(q) = theta - p*gain with p = 1 - beta*(1 - q): the static model's promise.
        implied = (theta - ours_critical) / (theta - ours_democracy)
        add(Comparison(f"p, {name}", implied, 1 - beta * (1 - q), "[D]", 1e-9))
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _regions(ax, x, top, critical, democracy, ceiling=1.0):
    """Shade the four regimes between the curves (``top`` is the revolution constraint)."""
    bands = (
        (top, np.full_like(x, ceiling)),
        (critical, top),
        (democracy, critical),
        (np.zeros_like(x), democracy),
    )
    for (low, high), (label, colour) in zip(bands, REGION_COLOURS.items(), strict=True):
        ax.fill_between(x, low, high, color=colour, alpha=0.6, linewidth=0, label=label)
    ax.plot(x, top, color="#000000", linewidth=1)
    ax.plot(x, critical, color="#0072B2", linewidth=2, label="mu*")
    ax.plot(x, democracy, color="#000000", linewidth=1, linestyle=":")


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.4))
    theta = np.linspace(ELITES + 0.01, 1, 200)
    critical = critical_cost(theta, ELITES, BETA, THREAT)
    _regions(left, theta, theta, critical, democracy_cost(theta, ELITES))
    for q, style in ((0.0, "--"), (0.8, "-.")):
        left.plot(
            theta,
            critical_cost(theta, ELITES, BETA, q),
            style,
            color="#D55E00",
            linewidth=1.2,
            label=f"mu* at q = {q}",
        )
    left.set(
        xlim=(ELITES, 1),
        ylim=(0, 1),
        xlabel="inequality theta (elites' income share)",
        ylabel="cost of revolt mu^L",
        title=f"Regimes, delta = {ELITES}, beta = {BETA}, q = {THREAT}",
    )
    left.legend(loc="upper left", fontsize=7.5)
    q = np.linspace(0, 1, 101)
    share = 0.6
    flat = np.full_like(q, share)
    critical_q = np.array([critical_cost(share, ELITES, BETA, value) for value in q])
    _regions(right, q, flat, critical_q, np.full_like(q, democracy_cost(share, ELITES)), 0.7)
    right.set(
        xlim=(0, 1),
        ylim=(0.4, 0.7),
        xlabel="threat probability q",
        ylabel="cost of revolt mu^L",
        title=f"The commitment problem, theta = {share}",
    )
    marked = critical_cost(share, ELITES, BETA, THREAT)
    right.plot(THREAT, marked, "ko", markersize=5)
    right.annotate(f"mu* = {marked:.3f}", (THREAT, marked), (THREAT + 0.03, marked + 0.012))
    for text, height in (("no threat", 0.65), ("redistribute", 0.585), ("repress", 0.45)):
        right.text(0.75, height, text, ha="center", fontsize=9)
    right.text(0.2, 0.53, "democratise", ha="center", fontsize=9)
    return finish_figure(figure, out_dir, "regimes")
