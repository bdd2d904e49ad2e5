"""Abreu and Sannikov (2014): their 3x3 example and the prisoner's dilemma.

Reproduced:

1. The example game of the paper (p. 322) at delta = 0.3: the six vertices
   of its set of pure-strategy subgame-perfect payoffs, drawn inside the
   feasible set.
2. The prisoner's dilemma [[(9,9),(1,10)],[(10,1),(3,3)]] across delta: a
   single point below grim trigger's threshold (10-9)/(10-3) = 1/7, a
   segment just above it, and the feasible individually rational set with
   vertices (3,3), (9.75,3), (9,9), (3,9.75) at 0.75 and 0.9.
3. Iterations and time of the Abreu-Sannikov algorithm against the outer
   approximation of Judd, Yeltekin and Conklin (2003) on the example.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..core.game import Game
from ..core.repeated.payoff_sets import equilibrium_payoffs
from ._common import Comparison, Reproduction, finish_figure

EXAMPLE = [[(16, 9), (3, 13), (0, 3)], [(21, 1), (10, 4), (-1, 0)], [(9, 0), (5, -4), (-5, -15)]]
# The paper's vertex set at delta = 0.3, as printed to 9 significant digits
# (also QuantEcon.py's test_repeated_game.py).
PUBLISHED = [
    (7.33770472, 10.9826253),
    (1.12568240, 2.8),
    (7.33770472, 0.0),
    (7.86308964, 0.0),
    (19.7917977, 2.8),
    (15.5630896, 9.1),
]
DILEMMA = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
DILEMMA_VERTICES = [(3, 3), (9.75, 3), (9, 9), (3, 9.75)]
DILEMMA_DELTAS = (0.1, 0.15, 0.3, 0.75, 0.9)
# Below grim trigger's 1/7 only the stage equilibrium (3, 3) survives; just above
# it (C, C) joins it, a segment; at 0.75 and 0.9 the set is the feasible
# individually rational set (published; QuantEcon.py's tests).
EXPECTED_SHAPES = {
    0.1: (1, "derived: delta < 1/7"),
    0.15: (2, "derived: 1/7 < delta"),
    0.75: (4, "AS (2014) / QuantEcon tests"),
    0.9: (4, "AS (2014) / QuantEcon tests"),
}


def example_game():
    return Game([[p[0] for p in row] for row in EXAMPLE], [[p[1] for p in row] for row in EXAMPLE])


def _nearest(vertices, point):
    return min(vertices, key=lambda v: (v[0] - point[0]) ** 2 + (v[1] - point[1]) ** 2)


def _timed(method, repeats=5, **options):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = equilibrium_payoffs(example_game(), 0.3, method, **options)
        times.append(time.perf_counter() - start)
    return result, sorted(times)[len(times) // 2]


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figures to ``out_dir`` when given."""
    result = Reproduction("abreu-sannikov-2014")
    example = equilibrium_payoffs(example_game(), 0.3)
    vertices = [tuple(map(float, v)) for v in example.vertices]
    for k, point in enumerate(PUBLISHED):
        ours = _nearest(vertices, point)
        for axis, name in ((0, "row"), (1, "column")):
            result.comparisons.append(
                Comparison(
                    f"example, vertex {k + 1}, {name} payoff",
                    ours[axis],
                    point[axis],
                    "AS (2014) p. 322",
                    tolerance=5e-8,
                )
            )
    result.comparisons.append(
        Comparison(
            "example, number of vertices", len(vertices), len(PUBLISHED), "AS (2014) p. 322", 0
        )
    )
    for delta in DILEMMA_DELTAS:
        payoffs = equilibrium_payoffs(DILEMMA, delta)
        expected, source = EXPECTED_SHAPES.get(delta, (None, "this run"))
        result.comparisons.append(
            Comparison(
                f"dilemma, delta={delta}, number of vertices",
                len(payoffs.vertices),
                expected,
                source,
                tolerance=0,
            )
        )
        if delta >= 0.75:
            for point in DILEMMA_VERTICES:
                ours = _nearest([tuple(map(float, v)) for v in payoffs.vertices], point)
                result.comparisons.append(
                    Comparison(
                        f"dilemma, delta={delta}, vertex near {point}",
                        max(abs(ours[0] - point[0]), abs(ours[1] - point[1])),
                        0.0,
                        "feasible IR set",
                        tolerance=1e-9,
                    )
                )
    exact, exact_seconds = _timed("abreu-sannikov")
    outer, outer_seconds = _timed("outer", directions=64)
    result.comparisons += [
        Comparison("AS iterations (example)", exact.iterations, None, "this run"),
        Comparison("AS median seconds (example)", exact_seconds, None, "this run"),
        Comparison("outer (64 directions) iterations", outer.iterations, None, "this run"),
        Comparison("outer median seconds", outer_seconds, None, "this run"),
    ]
    if out_dir is not None:
        result.figures = _figures(Path(out_dir), example)
    return result


def _figures(out_dir, example):
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
    feasible = example_game().feasible_set().vertices.astype(float)
    left.fill(feasible[:, 0], feasible[:, 1], color="#dddddd", label="feasible set")
    example.plot(left, color="#0072B2", label="V(0.3)")
    left.plot(*zip(*PUBLISHED, strict=True), "kx", label="published vertices")
    left.set_title("Abreu-Sannikov example, delta = 0.3")
    left.legend(loc="lower right")
    dilemma_feasible = DILEMMA.feasible_set().vertices.astype(float)
    right.fill(*dilemma_feasible.T, color="#dddddd", label="feasible set")
    for delta, color in ((0.9, "#0072B2"), (0.2, "#D55E00"), (0.1, "#000000")):
        equilibrium_payoffs(DILEMMA, delta).plot(right, color=color, label=f"delta = {delta}")
    right.set_title("Prisoner's dilemma: point, segment, polygon")
    right.legend(loc="upper right")
    return finish_figure(figure, out_dir, "abreu-sannikov")
