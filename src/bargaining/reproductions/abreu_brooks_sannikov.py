"""Abreu, Brooks and Sannikov (2020): two-state examples of SGSolve, their implementation.

Reproduced:

1. The two-state prisoner's dilemma of SGSolve's ``examples/cpp/pd_twostate.cpp``
   (github babrooks/SGSolve): stage payoffs DD (0, 0), CC (1, 1), and
   (2, -1) / (-1, 2) for the defector and the sucker in state 0, all raised
   by 2 in state 1; delta = 2/3; when both play alike the state stays with
   probability 1/3 from state 0 and 2/3 from state 1, otherwise it is drawn
   by a fair coin. Compared: the extreme points of both states' payoff sets
   against the converged pivots SGSolve writes to ``examples/pd_twostate.log``
   (its last iteration, 6 significant digits).
2. The two-state version of the Abreu-Sannikov 3x3 game of SGSolve's
   ``examples/cpp/as_twostate.cpp``: its payoffs (which differ from the 2014
   paper in two cells: (Top, Right) is (1, 3) and (Bottom, Right) is
   (-5, -10)) plus (5, -5) in state 0 and (-5, 5) in state 1, delta = 0.7,
   the state kept with probability 0.3 whatever is played. As the
   transitions do not depend on the actions, the shift changes no incentive:
   each state's set is the repeated game's Abreu-Sannikov set of the base
   payoffs moved by the expected discounted shift ``C(s)``, where
   ``C(0) = -C(1) = (1 - delta) (5, -5) / (1 + 0.4 delta)``. Compared: both
   sets against that derived reference.
3. The bracket: the Hausdorff gap between the inner and outer approximations.

References
----------
.. [1] D. Abreu, B. Brooks and Y. Sannikov, "Algorithms for stochastic games
   with perfect monitoring", Econometrica 88 (2020) 1661-1695.
.. [2] B. Brooks, SGSolve, github.com/babrooks/SGSolve (C++), files
   ``examples/cpp/pd_twostate.cpp``, ``examples/pd_twostate.log`` and
   ``examples/cpp/as_twostate.cpp``.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from ..core.game import Game
from ..core.polygon import hausdorff_distance
from ..core.repeated.payoff_sets import equilibrium_payoffs
from ..core.stochastic import StochasticGame
from ._common import Comparison, Reproduction, finish_figure

# SGSolve's examples/pd_twostate.log, last iteration: the pivots of each state
# (duplicates removed), as printed to 6 significant digits.
PD_PUBLISHED = [
    [
        (2.17727, 0.727273),
        (1.98333, 1.33333),
        (1.72727, 1.72727),
        (1.33333, 1.98333),
        (0.727273, 2.17727),
        (0.727273, 0.727273),
    ],
    [(2.92273, 1.27273), (2.27273, 2.27273), (1.27273, 2.92273), (1.27273, 1.27273)],
]
# SGSolve's examples/cpp/as_twostate.cpp base payoffs (row, column).
AS_BASE = [[(16, 9), (3, 13), (1, 3)], [(21, 1), (10, 4), (-1, 0)], [(9, 0), (5, -4), (-5, -10)]]
AS_DELTA = Fraction(7, 10)
AS_PERSISTENCE = Fraction(3, 10)
AS_SHIFT = (5, -5)


def pd_twostate():
    """SGSolve's two-state prisoner's dilemma (action 0 defects, 1 cooperates)."""
    A, B = [[0, 2], [-1, 1]], [[0, -1], [2, 1]]
    games = [Game(A, B), Game([[a + 2 for a in r] for r in A], [[b + 2 for b in r] for r in B])]
    coin = [Fraction(1, 2)] * 2
    alike = ([Fraction(1, 3), Fraction(2, 3)], [Fraction(2, 3), Fraction(1, 3)])
    transitions = [[[alike[s], coin], [coin, alike[s]]] for s in (0, 1)]
    return StochasticGame(games, transitions, Fraction(2, 3))


def _shifted(shift):
    return Game(
        [[p[0] + shift[0] for p in row] for row in AS_BASE],
        [[p[1] + shift[1] for p in row] for row in AS_BASE],
    )


def as_twostate():
    """SGSolve's two-state Abreu-Sannikov game."""
    stay, move = [AS_PERSISTENCE, 1 - AS_PERSISTENCE], [1 - AS_PERSISTENCE, AS_PERSISTENCE]
    games = [_shifted(AS_SHIFT), _shifted((-AS_SHIFT[0], -AS_SHIFT[1]))]
    transitions = [[[stay] * 3] * 3, [[move] * 3] * 3]
    return StochasticGame(games, transitions, AS_DELTA)


def as_twostate_reference():
    """Each state's set derived from the repeated game of the base payoffs (item 2)."""
    delta = float(AS_DELTA)
    shift = (1 - delta) * np.array(AS_SHIFT, dtype=float) / (1 + 0.4 * delta)
    base = equilibrium_payoffs(_shifted((0, 0)), delta).vertices
    return [base + shift, base - shift]


def _nearest(vertices, point):
    return min(vertices, key=lambda v: (v[0] - point[0]) ** 2 + (v[1] - point[1]) ** 2)


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figures to ``out_dir`` when given."""
    result = Reproduction("abreu-brooks-sannikov-2020")
    source = "SGSolve examples/pd_twostate.log"
    pd_sets = pd_twostate().equilibrium_payoffs()
    for state, (found, published) in enumerate(zip(pd_sets, PD_PUBLISHED, strict=True)):
        vertices = [tuple(map(float, v)) for v in found.vertices]
        result.comparisons.append(
            Comparison(
                f"two-state PD, state {state}, extreme points",
                len(vertices),
                len(published),
                source,
                tolerance=0,
            )
        )
        for k, point in enumerate(published):
            ours = _nearest(vertices, point)
            for axis, name in ((0, "row"), (1, "column")):
                result.comparisons.append(
                    Comparison(
                        f"two-state PD, state {state}, point {k + 1}, {name}",
                        ours[axis],
                        point[axis],
                        source,
                        tolerance=1e-5,
                    )
                )
        result.comparisons.append(
            Comparison(
                f"two-state PD, state {state}, inner-outer gap",
                found.gap,
                0.0,
                "bracket",
                tolerance=1e-9,
            )
        )
    as_sets = as_twostate().equilibrium_payoffs()
    for state, (found, expected) in enumerate(zip(as_sets, as_twostate_reference(), strict=True)):
        result.comparisons += [
            Comparison(
                f"two-state AS game, state {state}, distance to derived set",
                hausdorff_distance(found.vertices, expected),
                0.0,
                "derived: action-free transitions",
                tolerance=1e-9,
            ),
            Comparison(
                f"two-state AS game, state {state}, extreme points",
                len(found.vertices),
                len(expected),
                "derived: action-free transitions",
                0,
            ),
            Comparison(
                f"two-state AS game, state {state}, inner-outer gap", found.gap, None, "this run"
            ),
        ]
    if out_dir is not None:
        result.figures = _figures(Path(out_dir), pd_sets, as_sets)
    return result


def _figures(out_dir, pd_sets, as_sets):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
    colors = ("#0072B2", "#D55E00")
    for state, (found, published) in enumerate(zip(pd_sets, PD_PUBLISHED, strict=True)):
        found.plot(left, color=colors[state], label=f"state {state}")
        left.plot(*zip(*published, strict=True), "kx")
    left.plot([], [], "kx", label="SGSolve pivots")
    left.set_title("Two-state prisoner's dilemma, delta = 2/3")
    left.legend(loc="upper right")
    for state, found in enumerate(as_sets):
        found.plot(right, color=colors[state], label=f"state {state}")
    right.set_title("Two-state Abreu-Sannikov game, delta = 0.7")
    right.legend(loc="upper right")
    return finish_figure(figure, out_dir, "abreu-brooks-sannikov")
