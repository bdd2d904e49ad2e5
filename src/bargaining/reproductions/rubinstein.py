"""Rubinstein (1982) and Binmore, Rubinstein and Wolinsky (1986): alternating offers.

Reproduced:

1. The unique subgame-perfect split ``x1 = (1 - d2)/(1 - d1*d2)`` when player
   1 proposes, and ``y1 = d1*x1`` when player 2 does, for several pairs of
   discount factors; the finite-horizon games' splits tend to it.
2. BRW's limit: with ``d_i = exp(-r_i*Delta)`` and ``Delta -> 0`` the split
   tends to the asymmetric Nash solution ``r2/(r1 + r2)``.
3. A concave frontier ``u2 = sqrt(1 - u1)``: the split solves the fixed
   point ``y = d*x``, ``f(x) = d*f(y)`` (found here by bisection, independently
   of the closed form ``(1 - d**2)/(1 - d**3)``) and tends to the Nash point
   ``(2/3, 1/sqrt(3))``.
4. The outside option principle (Shaked and Sutton 1984; Binmore, Shaked and
   Sutton 1989): an option binds only when it beats the responder's share.

Every reference value is computed by hand from a published closed form (tag
[C]); the papers print proofs, not tables.

References
----------
.. [1] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
.. [2] K. Binmore, A. Rubinstein and A. Wolinsky, "The Nash bargaining
   solution in economic modelling", RAND Journal of Economics 17 (1986) 176-188.
.. [3] K. Binmore, A. Shaked and J. Sutton, "An outside option experiment",
   Quarterly Journal of Economics 104 (1989) 753-770.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..solutions import Frontier, alternating_offers, nash_bargaining, rubinstein, rubinstein_limit
from ._common import Comparison, Reproduction, finish_figure

# (delta1, delta2) -> (x1*, y1*), from x1* = (1 - d2)/(1 - d1 d2), y1* = d1 x1*.
SPLITS = {
    (0.9, 0.9): (0.526316, 0.473684),
    (0.9, 0.8): (0.714286, 0.642857),
    (0.8, 0.9): (0.357143, None),
    (0.95, 0.5): (0.952381, None),
}
RATES = (0.1, 0.05)
PERIODS = {1: 0.350132, 0.1: 0.335001, 0.01: 0.333500, 0.001: 0.333350}
CONCAVE = {0.5: 0.857143, 0.9: 0.701107, 0.99: 0.670011, 0.999: 0.667000}
# Common delta = 0.9, player 2's option b: (x1, player 1's share when 2 proposes).
OUTSIDE = {0.3: (0.526316, 0.473684), 0.6: (0.4, 0.36), 0.8: (0.2, 0.18)}
SOURCE = "[C] Rubinstein (1982) closed form"


def concave(u1):
    """The concave frontier ``u2 = sqrt(1 - u1)`` (``u1 = x``, ``u2`` concave in ``1 - x``)."""
    return np.sqrt(np.maximum(1 - np.asarray(u1, dtype=float), 0.0))


def concave_split(delta, frontier=concave, steps=200):
    """Player 1's share when proposing on ``u2 = frontier(u1)``: bisection on the fixed point."""
    low, high = 0.0, 1.0
    for _ in range(steps):
        x = (low + high) / 2
        if frontier(x) - delta * frontier(delta * x) > 0:
            low = x
        else:
            high = x
    return (low + high) / 2


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("rubinstein-1982")
    add = result.comparisons.append
    for (d1, d2), (x_ref, y_ref) in SPLITS.items():
        outcome = rubinstein(d1, d2)
        add(Comparison(f"x1*, d1={d1}, d2={d2}", outcome.payoffs[0], x_ref, SOURCE, 5e-7))
        if y_ref is not None:
            y = outcome.responder_payoffs[0]
            add(Comparison(f"y1* (2 proposes), d1={d1}, d2={d2}", y, y_ref, SOURCE, 5e-7))
        finite = alternating_offers(d1, d2, 201).payoffs[0]
        add(Comparison(f"x1, 201-period game, d1={d1}, d2={d2}", finite, x_ref, SOURCE, 5e-7))
    r1, r2 = RATES
    for period, reference in PERIODS.items():
        deltas = (math.exp(-r1 * period), math.exp(-r2 * period))
        ours = rubinstein(*deltas).payoffs[0]
        add(Comparison(f"x1*, r=(0.1, 0.05), Delta={period}", ours, reference, "[C] BRW", 5e-7))
    limit = rubinstein_limit(r1, r2).payoffs[0]
    add(Comparison("BRW limit r2/(r1+r2)", limit, 1 / 3, "[C] BRW (1986)", 1e-12))
    for delta, reference in CONCAVE.items():
        label = f"x*, u2=sqrt(1-x), d={delta}"
        add(Comparison(label, concave_split(delta), reference, "[C] (1-d^2)/(1-d^3)", 5e-7))
    nash = nash_bargaining(Frontier.from_function(concave, (0, 1)), (0, 0)).payoffs
    add(Comparison("Nash point on u2=sqrt(1-x), u1", nash[0], 2 / 3, "[C] Nash (1950)", 1e-6))
    add(Comparison("Nash point on u2=sqrt(1-x), u2", nash[1], 3**-0.5, "[C] Nash (1950)", 1e-6))
    for option, (x_ref, y_ref) in OUTSIDE.items():
        outcome = rubinstein(0.9, 0.9, outside=(None, option))
        add(
            Comparison(
                f"x1, d=0.9, 2's outside option {option}",
                outcome.payoffs[0],
                x_ref,
                "[C] outside option principle",
                5e-7,
            )
        )
        add(
            Comparison(
                f"y1, d=0.9, 2's outside option {option}",
                outcome.responder_payoffs[0],
                y_ref,
                "[C] outside option principle",
                5e-7,
            )
        )
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(13, 4.2))
    d1, d2 = 0.9, 0.8
    x = np.linspace(0, 1, 101)
    left.plot(x, d1 * x, color="#0072B2", label="y = d1 x (1 indifferent)")
    left.plot(x, 1 - (1 - x) / d2, color="#D55E00", label="x = 1 - d2 (1 - y) (2 indifferent)")
    steps = [alternating_offers(d1, d2, horizon) for horizon in range(2, 31, 2)]
    xs = [s.payoffs[0] for s in steps]
    ys = [s.responder_payoffs[0] for s in steps]
    path = [p for k in range(len(xs) - 1) for p in ((xs[k], ys[k]), (xs[k], ys[k + 1]))]
    left.plot(*zip(*path, strict=True), color="#999999", linewidth=0.8)
    left.plot(
        xs, ys, "o", color="#999999", markersize=3, label="backward induction, T = 2, 4, ..."
    )
    spe = rubinstein(d1, d2)
    left.plot(
        spe.payoffs[0], spe.responder_payoffs[0], "k*", markersize=12, label="SPE (5/7, 9/14)"
    )
    left.set(
        xlim=(0, 1),
        ylim=(0, 1),
        xlabel="x: player 1's share when 1 proposes",
        ylabel="y: player 1's share when 2 proposes",
        title="Fixed point, d1 = 0.9, d2 = 0.8",
    )
    left.legend(loc="upper left", fontsize=8)
    periods = np.logspace(-3, 1, 81)
    shares = [
        rubinstein(math.exp(-RATES[0] * p), math.exp(-RATES[1] * p)).payoffs[0] for p in periods
    ]
    middle.semilogx(periods, shares, color="#0072B2", label="Rubinstein x1*(Delta)")
    middle.axhline(1 / 3, color="#000000", linestyle="--", label="asymmetric Nash r2/(r1+r2)")
    middle.set(
        xlabel="period length Delta", ylabel="player 1's share", title="BRW: r1 = 0.1, r2 = 0.05"
    )
    middle.legend(loc="upper left", fontsize=8)
    u1 = np.linspace(0, 1, 201)
    right.plot(u1, concave(u1), color="#000000", label="frontier u2 = sqrt(1 - u1)")
    for delta, color in ((0.5, "#D55E00"), (0.75, "#CC79A7"), (0.9, "#E69F00"), (0.99, "#009E73")):
        share = concave_split(delta)
        right.plot(share, concave(share), "o", color=color, zorder=3, label=f"SPE, d = {delta}")
    right.plot(2 / 3, 3**-0.5, "*", color="#56B4E9", markersize=16, label="Nash (2/3, 0.5774)")
    right.set(
        xlim=(0, 1),
        ylim=(0, 1.05),
        xlabel="u1",
        ylabel="u2",
        title="Concave utility: SPE tends to Nash",
    )
    right.legend(loc="lower left", fontsize=8)
    return finish_figure(figure, out_dir, "rubinstein")
