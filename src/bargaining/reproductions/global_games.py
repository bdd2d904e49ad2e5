"""Morris and Shin (1998), Angeletos, Hellwig and Pavan (2007): regime change.

Reproduced:

1. The limit threshold: as private noise vanishes the strike (attack)
   succeeds exactly when capital's resilience is below ``theta* = 1 - c``
   (success pays 1), whatever the prior; with a flat prior at any noise.
2. The static benchmark of Angeletos, Hellwig and Pavan with a normal prior
   ``N(z, 1/alpha)`` and signals of precision ``beta``: every threshold
   satisfies both equilibrium conditions (the share striking at ``theta*`` is
   ``theta*``; the worker at ``x*`` is indifferent), checked here with
   scipy's normal distribution, independently of the formula solved.
3. Uniqueness iff ``beta >= alpha**2 / (2 pi)``; below it, three thresholds
   (the middle one ``1/2`` by symmetry at ``z = c = 1/2``).

The limit threshold is tagged [D] (REFERENCES section 8); the uniqueness
bound [C] (the published condition, evaluated by hand); the equilibrium
conditions [D] (derived here). No number is read off the papers.

References
----------
.. [1] S. Morris and H. S. Shin, "Unique equilibrium in a model of
   self-fulfilling currency attacks", American Economic Review 88 (1998)
   587-597.
.. [2] G.-M. Angeletos, C. Hellwig and A. Pavan, "Dynamic global games of
   regime change: learning, multiplicity, and the timing of attacks",
   Econometrica 75 (2007) 711-756.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from scipy.stats import norm

from ..labor import formulas as f
from ..labor.global_games import (
    is_unique,
    limit_threshold,
    signal_threshold,
    threshold_equilibria,
)
from ._common import Comparison, Reproduction, finish_figure

LIMIT = {0.25: 0.75, 0.5: 0.5}
# (cost, prior mean, alpha, beta) of finite-noise games checked against both conditions.
FINITE = ((0.25, 0.5, 1.0, 10.0), (0.4, 0.2, 3.0, 2.0))
# alpha -> the least beta with a unique equilibrium, alpha**2 / (2 pi).
UNIQUENESS = {1.0: 0.159155, 10.0: 15.915494}


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("global-games")
    add = result.comparisons.append
    for cost, reference in LIMIT.items():
        add(Comparison(f"theta*, c={cost}, limit", limit_threshold(cost), reference, "[D]", 0))
        (flat,) = threshold_equilibria(cost, prior_precision=0.0, signal_precision=1.0)
        add(Comparison(f"theta*, c={cost}, flat prior, beta=1", flat, reference, "[D]", 1e-9))
        (sharp,) = threshold_equilibria(cost, prior_mean=0.2, signal_precision=1e8)
        label = f"theta*, c={cost}, z=0.2, alpha=1, beta=1e8"
        add(Comparison(label, sharp, reference, "[D] beta -> oo", 1e-4))
    for cost, mean, alpha, beta in FINITE:
        (theta,) = threshold_equilibria(
            cost, prior_mean=mean, prior_precision=alpha, signal_precision=beta
        )
        x = signal_threshold(theta, beta)
        name = f"c={cost} z={mean} a={alpha:g} b={beta:g}"
        share = norm.cdf(math.sqrt(beta) * (x - theta))
        add(Comparison(f"share joining at theta*, {name}", share, theta, "[D] = theta*", 1e-9))
        posterior = norm.cdf(
            theta, (beta * x + alpha * mean) / (alpha + beta), (alpha + beta) ** -0.5
        )
        add(Comparison(f"P(success | x*), {name}", posterior, cost, "[D] = c", 1e-9))
    for alpha, reference in UNIQUENESS.items():
        bound = float(f.UNIQUENESS_PRECISION.subs(f.prior_precision, alpha))
        add(Comparison(f"least beta for uniqueness, alpha={alpha}", bound, reference, "[C]", 5e-7))
    several = threshold_equilibria(0.5, prior_mean=0.5, prior_precision=10.0, signal_precision=1.0)
    add(Comparison("thresholds, c=z=0.5, alpha=10, beta=1", len(several), 3, "[C] beta < 15.9", 0))
    add(Comparison("middle threshold, c=z=0.5, alpha=10, beta=1", several[1], 0.5, "[D]", 1e-9))
    unique = is_unique(10.0, 16.0)
    add(Comparison("unique at alpha=10, beta=16", float(unique), 1.0, "[C] beta >= 15.9", 0))
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    precisions = np.logspace(-1, 5, 61)
    for mean, color in ((0.2, "#0072B2"), (0.5, "#009E73"), (0.8, "#D55E00")):
        thresholds = [
            threshold_equilibria(0.25, prior_mean=mean, signal_precision=float(beta))
            for beta in precisions
        ]
        unique = [t[0] if len(t) == 1 else np.nan for t in thresholds]
        left.semilogx(precisions, unique, color=color, label=f"prior mean z = {mean}")
    left.axhline(0.75, color="#000000", linestyle="--", label="limit 1 - c = 0.75")
    left.axvline(1 / (2 * math.pi), color="#999999", linestyle=":", label="uniqueness bound")
    left.set(
        ylim=(0, 1),
        xlabel="precision of private signals (beta)",
        ylabel="theta*: resilience a strike overcomes",
        title="c = 0.25, alpha = 1: noise vanishes, theta* -> 1 - c",
    )
    left.legend(loc="lower right", fontsize=8)
    costs = np.linspace(0.02, 0.98, 49)
    for beta, color in ((1.0, "#CC79A7"), (100.0, "#E69F00")):
        theta = [
            threshold_equilibria(float(c), prior_mean=0.5, signal_precision=beta)[0] for c in costs
        ]
        right.plot(costs, theta, color=color, label=f"beta = {beta:g}")
    right.plot(costs, 1 - costs, color="#000000", linestyle="--", label="limit 1 - c")
    right.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="c / V: cost of joining (a strike fund lowers it)",
        ylabel="theta*",
        title="z = 0.5, alpha = 1",
    )
    right.legend(loc="upper right", fontsize=8)
    return finish_figure(figure, out_dir, "global-games")
