"""Palfrey and Rosenthal (1984): participation in a threshold public good.

Reproduced:

1. The symmetric mixed equilibria of the threshold game (n players, k
   needed, cost c, value V) solve ``C(n-1, k-1) p**(k-1) (1-p)**(n-k) = c/V``;
   for n = 3, k = 2, c/V = 0.3 they are p = 0.183772 and 0.816228, and
   nobody contributing is an equilibrium too (k >= 2). Both the closed form
   (:func:`~bargaining.labor.participation.participation_equilibria`) and
   the N-player solver on the game's payoff array give them.
2. The ends in closed form: k = 1 (one contributor suffices) gives
   ``1 - (c/V)**(1/(n-1))``, k = n gives ``(c/V)**(1/(n-1))``.
3. The largest cost with a mixed equilibrium, ``V C(n-1,k-1) m**(k-1)
   (1-m)**(n-k)`` at ``m = (k-1)/(n-1)``.
4. The pure equilibria: exactly k contributors, or nobody (k >= 2).

The reference values are derived (tag [D], REFERENCES section 8) or computed
by hand from these closed forms (tag [C]); none is read off the paper.

References
----------
.. [1] T. R. Palfrey and H. Rosenthal, "Participation and the provision of
   discrete public goods: a strategic analysis", Journal of Public Economics
   24 (1984) 171-193.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import numpy as np

from ..labor.participation import (
    max_join_cost,
    participation_equilibria,
    participation_game,
    success_probability,
)
from ._common import Comparison, Reproduction, finish_figure

# n = 3, k = 2, c/V = 0.3: p (1 - p) = 0.15.
THREE_TWO = (0.183772, 0.816228)
# (n, c/V) -> 1 - (c/V)**(1/(n-1)) and (c/V)**(1/(n-1)).
ONE_NEEDED = {3: 0.452277, 5: 0.259917}
ALL_NEEDED = {3: 0.547723, 4: 0.669433}
# (n, k) -> the largest c/V with a mixed equilibrium.
MAX_COST = {(3, 2): 0.5, (5, 3): 0.375}
# (n, k) -> number of pure equilibria: C(n, k) + 1.
PURE_COUNT = {(3, 2): 4, (4, 2): 7, (5, 3): 11}
COST_SHARE = 0.3


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("palfrey-rosenthal-1984")
    add = result.comparisons.append
    closed = participation_equilibria(3, 2, COST_SHARE, 1.0)
    game = participation_game(3, 2, Fraction(3, 10), 1).symmetric_equilibria()
    source = "[D] C(2,1) p (1-p) = 0.3"
    add(Comparison("nobody joins, n=3, k=2, c/V=0.3", closed[0], 0.0, "[D] k >= 2", 0.0))
    for label, ours_closed, ours_game, reference in zip(
        ("low", "high"), closed[1:], game[1:], THREE_TWO, strict=True
    ):
        add(Comparison(f"{label} p, n=3, k=2, closed form", ours_closed, reference, source, 5e-7))
        add(
            Comparison(
                f"{label} p, n=3, k=2, N-player solver", float(ours_game), reference, source, 5e-7
            )
        )
    for n, reference in ONE_NEEDED.items():
        (p,) = participation_equilibria(n, 1, COST_SHARE, 1.0)
        add(Comparison(f"p, n={n}, k=1, c/V=0.3", p, reference, "[C] 1-(c/V)^(1/(n-1))", 5e-7))
    for n, reference in ALL_NEEDED.items():
        p = participation_equilibria(n, n, COST_SHARE, 1.0)[1]
        add(Comparison(f"p, n={n}, k={n}, c/V=0.3", p, reference, "[C] (c/V)^(1/(n-1))", 5e-7))
    for (n, k), reference in MAX_COST.items():
        ours = float(max_join_cost(n, k, 1))
        add(Comparison(f"largest c/V with mixing, n={n}, k={k}", ours, reference, "[C]", 1e-12))
    for (n, k), reference in PURE_COUNT.items():
        count = len(participation_game(n, k, 1, 3).pure_equilibria())
        add(Comparison(f"pure equilibria, n={n}, k={k}", count, reference, "[C] C(n,k)+1", 0))
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    p = np.linspace(0, 1, 401)
    for (n, k), color in (((3, 2), "#0072B2"), ((5, 3), "#D55E00"), ((9, 4), "#009E73")):
        pivot = math.comb(n - 1, k - 1) * p ** (k - 1) * (1 - p) ** (n - k)
        left.plot(p, pivot, color=color, label=f"n = {n}, k = {k}")
        for root in participation_equilibria(n, k, COST_SHARE, 1.0):
            if 0 < root < 1:
                left.plot(root, COST_SHARE, "o", color=color)
    left.axhline(COST_SHARE, color="#000000", linestyle="--", label="c / V = 0.3")
    left.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="p: probability each other worker joins",
        ylabel="probability of being pivotal",
        title="Symmetric mixed equilibria: pivot probability = c / V",
    )
    left.legend(loc="upper right", fontsize=8)
    shares = np.linspace(0.01, 0.49, 97)
    high, low, chance = [], [], []
    for share in shares:
        roots = [r for r in participation_equilibria(3, 2, float(share), 1.0) if 0 < r < 1]
        low.append(roots[0])
        high.append(roots[-1])
        chance.append(success_probability(3, 2, float(roots[-1])))
    right.plot(shares, high, color="#0072B2", label="high equilibrium p")
    right.plot(shares, low, color="#56B4E9", label="low equilibrium p")
    right.plot(shares, chance, color="#D55E00", label="strike succeeds (high p)")
    right.set(
        xlim=(0, 0.5),
        ylim=(0, 1),
        xlabel="c / V",
        ylabel="probability",
        title="n = 3, k = 2: a costlier strike draws fewer workers",
    )
    right.legend(loc="lower left", fontsize=8)
    return finish_figure(figure, out_dir, "palfrey-rosenthal")
