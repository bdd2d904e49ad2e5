"""Nash (1950), Kalai and Smorodinsky (1975) and the egalitarian solution, side by side.

Reproduced:

1. Sets where the Nash, Kalai-Smorodinsky (KS) and egalitarian solutions
   differ: ``u2 = sqrt(1 - u1)`` and its rescaling ``u2 = 2*sqrt(1 - u1)``
   (Nash and KS are scale invariant, the egalitarian solution is not), and
   the line ``2*u1 + u2 <= 10`` from ``d = (1, 1)``.
2. KS's monotonicity example as usually quoted: ``S`` is the hull of (0,0),
   (1,0), (0,1), (3/4,3/4) and ``T`` that of (0,0), (1,0), (0,1), (1,0.7).
   ``T`` contains ``S`` and has the same ideal point, yet the Nash solution
   moves from (3/4,3/4) to (1,0.7): player 2 loses. KS moves to (10/13,10/13).
3. Threats as disagreement points (Houba and Bolt 2002, ch. 7) on the pie
   ``s1 + s2 <= 10``: the battle of the sexes and the prisoner's dilemma.

The reference values are [C] (computed by hand from the solutions'
definitions) except the threat-game outcomes, which Houba and Bolt print
[S]. Their no-commitment outcome from ``(n1, N2) = (3/2, 6)`` is printed as
(2 1/4, 7 3/4); the book's own formula gives (2 3/4, 7 1/4), which is what we
compare with, tagged [C]; the printed value is not asserted.

References
----------
.. [1] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
.. [2] E. Kalai and M. Smorodinsky, "Other solutions to Nash's bargaining
   problem", Econometrica 43 (1975) 513-518.
.. [3] H. Houba and W. Bolt, Credible Threats in Negotiations, Kluwer (2002), ch. 7.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..core.game import Game
from ..solutions import Frontier, egalitarian, kalai_smorodinsky, nash_bargaining, rubinstein
from ._common import Comparison, Reproduction, finish_figure

SOLUTIONS = {"Nash": nash_bargaining, "KS": kalai_smorodinsky, "egalitarian": egalitarian}
GOLDEN = (5**0.5 - 1) / 2
# name -> (frontier points or function, d, {solution: expected payoffs}), all [C].
PROBLEMS = {
    "u2=sqrt(1-u1)": (
        lambda u: np.sqrt(1 - u),
        (0, 0),
        {"Nash": (2 / 3, 3**-0.5), "KS": (GOLDEN, GOLDEN), "egalitarian": (GOLDEN, GOLDEN)},
    ),
    "u2=2sqrt(1-u1)": (
        lambda u: 2 * np.sqrt(1 - u),
        (0, 0),
        {"Nash": (2 / 3, 1.154701), "KS": (0.618034, 1.236068), "egalitarian": (0.828427,) * 2},
    ),
    "2u1+u2<=10": (
        [(0, 0), (5, 0), (0, 10)],
        (1, 1),
        {"Nash": (2.75, 4.5), "KS": (2.75, 4.5), "egalitarian": (10 / 3, 10 / 3)},
    ),
    "S (KS example)": (
        [(0, 0), (1, 0), (0, 1), (0.75, 0.75)],
        (0, 0),
        dict.fromkeys(SOLUTIONS, (0.75,) * 2),
    ),
    "T (KS example)": (
        [(0, 0), (1, 0), (0, 1), (1, 0.7)],
        (0, 0),
        {"Nash": (1, 0.7), "KS": (10 / 13,) * 2, "egalitarian": (10 / 13,) * 2},
    ),
}
# Asymmetric Nash on u1 + u2 <= 1: (alpha, d) -> u1.
ASYMMETRIC = {(1 / 3, (0, 0)): 1 / 3, (0.5, (0.2, 0.1)): 0.55, (0.25, (0.2, 0.1)): 0.375}
PIE = [(0, 0), (10, 0), (0, 10)]
BOS = ([[6, 0], [0, 2]], [[2, 0], [0, 6]])  # (L1,L2) = (6,2), (R1,R2) = (2,6)
HB = "[S] Houba-Bolt (2002) Ex. 7.24-7.25"


def frontier(spec):
    """A :class:`Frontier` from a list of points or a function of ``u1`` on [0, 1]."""
    return (
        Frontier.from_points(spec)
        if isinstance(spec, list)
        else Frontier.from_function(spec, (0, 1))
    )


def _pie_nash(d):
    return tuple(map(float, nash_bargaining(Frontier.from_points(PIE), d).payoffs))


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("nash-kalai-smorodinsky")
    add = result.comparisons.append
    for name, (spec, d, expected) in PROBLEMS.items():
        for solution, reference in expected.items():
            ours = SOLUTIONS[solution](frontier(spec), d).payoffs
            for k in (0, 1):
                label = f"{solution}, {name}, u{k + 1}"
                add(Comparison(label, float(ours[k]), reference[k], "[C] definition", 5e-7))
    line = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    for (alpha, d), reference in ASYMMETRIC.items():
        ours = nash_bargaining(line, d, weights=(alpha, 1 - alpha)).payoffs[0]
        add(Comparison(f"asym. Nash u1, alpha={alpha:.4g}, d={d}", ours, reference, "[C]", 1e-9))
    bos = Game(*BOS)
    # Without commitment the threats are a Nash equilibrium of the disagreement game.
    expected = {"(L1, L2)": 7, "(R1, R2)": 3, "mixed": 5}
    for row, col in bos.equilibria():
        d = tuple(map(float, bos.payoff(row, col)))
        name = "mixed" if 0 < row[0] < 1 else f"({'LR'[int(row[1])]}1, {'LR'[int(col[1])]}2)"
        add(Comparison(f"BoS threat NE {name} -> u1", _pie_nash(d)[0], expected.pop(name), HB))
        if name == "mixed":
            add(Comparison("BoS mixed NE payoff, player 1", d[0], 1.5, HB))
    # With commitment the threats play a zero-sum game in d1 - d2 (on a line the
    # Nash split is u1 = 5 + (d1 - d2)/2); its solution is (L1, R2).
    gap = np.array(BOS[0]) - np.array(BOS[1])
    (threats,) = Game(gap.tolist(), (-gap).tolist()).pure_equilibria()
    optimal = _pie_nash((BOS[0][threats[0]][threats[1]], BOS[1][threats[0]][threats[1]]))
    add(Comparison("BoS optimal threats (commitment) -> u1", optimal[0], 5, HB))
    add(Comparison("PD threat NE (1,1) -> u1", _pie_nash((1, 1))[0], 5, HB))
    for delta, reference in ((0.9, 5.184211), (0.99, 5.017588)):
        ours = 10 * rubinstein(delta, delta, inside=(0.15, 0.15)).payoffs[0]
        add(
            Comparison(
                f"BoS alternating offers x1, d={delta}",
                ours,
                reference,
                "[C] Houba-Bolt Prop. 7.6",
                5e-7,
            )
        )
    add(
        Comparison(
            "no-commitment N(S,(3/2,6)), u1",
            _pie_nash((1.5, 6))[0],
            2.75,
            "[C] recomputed; printed 2 1/4 not asserted",
            1e-9,
        )
    )
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4.6))
    spec = PROBLEMS["u2=2sqrt(1-u1)"][0]
    u1 = np.linspace(0, 1, 201)
    left.fill_between(u1, 0, spec(u1), color="#eeeeee")
    left.plot(u1, spec(u1), color="#000000", label="S: u2 = 2 sqrt(1 - u1)")
    points = {n: SOLUTIONS[n](frontier(spec), (0, 0)).payoffs for n in SOLUTIONS}
    product = points["Nash"][0] * points["Nash"][1]
    grid = np.linspace(0.4, 1, 100)
    left.plot(grid, product / grid, ":", color="#0072B2", label="Nash product level curve")
    left.plot([0, 1], [0, 2], "--", color="#D55E00", label="KS ray to ideal point (1, 2)")
    left.plot(1, 2, "x", color="#D55E00", markersize=9)
    left.plot([0, 1], [0, 1], "--", color="#009E73", label="egalitarian 45-degree ray")
    for (name, point), color in zip(
        points.items(), ("#0072B2", "#D55E00", "#009E73"), strict=True
    ):
        left.plot(
            *point,
            "o",
            color=color,
            markersize=8,
            label=f"{name} ({point[0]:.3f}, {point[1]:.3f})",
        )
    left.set(
        xlim=(0, 1.8),
        ylim=(0, 2.1),
        xlabel="u1",
        ylabel="u2",
        title="Nash, KS, egalitarian differ",
    )
    left.legend(loc="lower right", fontsize=8)
    for key, color, style in (
        ("S (KS example)", "#0072B2", "-"),
        ("T (KS example)", "#D55E00", "--"),
    ):
        hull = np.array(PROBLEMS[key][0] + [PROBLEMS[key][0][0]], float)
        order = [0, 1, 3, 2, 0]
        right.plot(hull[order, 0], hull[order, 1], style, color=color, label=key)
    moves = {
        n: [
            SOLUTIONS[n](frontier(PROBLEMS[k][0]), (0, 0)).payoffs
            for k in ("S (KS example)", "T (KS example)")
        ]
        for n in ("Nash", "KS")
    }
    for (name, (start, end)), color in zip(moves.items(), ("#000000", "#009E73"), strict=True):
        right.annotate(
            "",
            xy=tuple(map(float, end)),
            xytext=tuple(map(float, start)),
            arrowprops={"arrowstyle": "->", "color": color, "lw": 1.5},
        )
        right.plot(*zip(start, end, strict=True), "o", color=color, label=f"{name}: S -> T")
    right.set(
        xlim=(0, 1.1),
        ylim=(0, 1.1),
        xlabel="u1",
        ylabel="u2",
        title="KS monotonicity: Nash(T) gives player 2 less",
    )
    right.legend(loc="lower left", fontsize=8)
    return finish_figure(figure, out_dir, "nash-ks")
