"""Topic: the Nash and Kalai-Smorodinsky solutions of a kinked bargaining set.

On a straight frontier the two solutions coincide (the midpoint of the
individually rational segment), so the set is drawn with a kink: the convex
hull of ``(0, 0)``, ``(p, 0)``, ``(0, q)`` and one point beyond the segment
between them (two such points at the hard level). The disagreement point is
a strike: labor (player 1) and capital (player 2) get ``d`` while they fail
to agree. Medium and hard exercises add the asymmetric Nash solution with
bargaining powers ``(alpha, 1 - alpha)``. Sets are redrawn until the two
solutions differ and the answers have small denominators. The key comes
from :mod:`bargaining.solutions`.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy as sp

from ..solutions import Frontier, kalai_smorodinsky, nash_bargaining
from .exercise import Exercise, Part, Step, as_fraction, draw_until, pair_tex, tex


def _draw(rng, level):
    p, q = rng.randint(4, 10), rng.randint(4, 10)
    kinks = []
    for _ in range(2 if level == 3 else 1):
        u, v = rng.randint(1, p - 1), rng.randint(1, q - 1)
        kinks.append((u, v))
    d = (rng.randint(0, 2), rng.randint(0, 2))
    alpha = rng.choice([Fraction(1, 3), Fraction(1, 4), Fraction(2, 3), Fraction(3, 4)])
    return [(0, 0), (p, 0), (0, q), *kinks], d, alpha


def _solve(points, d, alpha):
    frontier = Frontier.from_points(points)
    nash = tuple(map(as_fraction, nash_bargaining(frontier, d).payoffs))
    weighted = tuple(map(as_fraction, nash_bargaining(frontier, d, (alpha, 1 - alpha)).payoffs))
    ks = kalai_smorodinsky(frontier, d)
    return frontier, nash, weighted, tuple(map(as_fraction, ks.payoffs)), ks.ideal


def _good(level):
    def accept(draw):
        points, d, alpha = draw
        frontier = Frontier.from_points(points)
        chain = [tuple(v) for v in frontier.chain]
        if len(chain) != len(points) - 1 or not frontier.value(d[0]) > d[1]:
            return False
        _, nash, weighted, ks, _ = _solve(points, d, alpha)
        values = (*nash, *ks, *(weighted if level > 1 else ()))
        if nash == ks or (level > 1 and weighted == nash):
            return False
        return all(isinstance(v, Fraction) and v.denominator <= 40 for v in values)

    return accept


def generate(rng, level):
    """A bargaining-solutions exercise at difficulty ``level`` (1 easy to 3 hard)."""
    points, d, alpha = draw_until(rng, lambda r: _draw(r, level), _good(level), "Nash/KS")
    frontier, nash, weighted, ks, ideal = _solve(points, d, alpha)
    parts = [
        Part("Find the (symmetric) Nash bargaining solution.", nash, f"${pair_tex(nash)}$"),
        Part(
            "Find the ideal point and the Kalai-Smorodinsky solution.",
            (tuple(map(as_fraction, ideal)), ks),
            f"ideal point ${pair_tex(ideal)}$, solution ${pair_tex(ks)}$",
        ),
    ]
    if level > 1:
        parts.append(
            Part(
                f"Find the asymmetric Nash solution when labor's bargaining power is "
                f"$\\alpha = {tex(alpha)}$ (it maximises "
                "$(u_1 - d_1)^{\\alpha} (u_2 - d_2)^{1-\\alpha}$).",
                weighted,
                f"${pair_tex(weighted)}$",
            )
        )
    corners = ", ".join(pair_tex(p) for p in points)
    return Exercise(
        topic="nash-ks",
        title="Nash and Kalai-Smorodinsky bargaining",
        statement="Labor (player 1) and capital (player 2) bargain over the payoff pairs in "
        f"the convex hull $S$ of ${corners}$. While they fail to agree (a strike) they get "
        f"$d = {pair_tex(d)}$.",
        display="",
        parts=tuple(parts),
        steps=_steps(frontier, d, nash, ks, ideal),
        parameters={"points": points, "d": d, "alpha": alpha},
    )


def _steps(frontier, d, nash, ks, ideal):
    u1 = sp.Symbol("u_1")
    chain = [tuple(v) for v in frontier.chain]
    edges, products = [], []
    d1, d2 = (sp.nsimplify(v) for v in d)
    for (x0, y0), (x1, y1) in itertools.pairwise(chain):
        x0, y0, x1, y1 = (sp.nsimplify(v) for v in (x0, y0, x1, y1))
        line = sp.expand(y0 + (y1 - y0) / (x1 - x0) * (u1 - x0))
        edges.append(
            rf"u_2 = {sp.latex(line)} \quad \text{{for}}\ {tex(x0)} \le u_1 \le {tex(x1)}"
        )
        if x0 <= nash[0] <= x1:
            product = (u1 - d1) * (line - d2)
            peak = sp.solve(sp.diff(product, u1), u1)[0]
            products.append(
                rf"\frac{{d}}{{du_1}}\Big[{sp.latex(product)}\Big] = 0 \ \Rightarrow\ "
                rf"u_1 = {tex(peak)}"
            )
    return (
        Step(
            "The Pareto frontier of $S$ is piecewise linear:",
            r"\begin{gathered}" + r" \\ ".join(edges) + r"\end{gathered}",
        ),
        Step(
            "Nash: on each edge maximise $(u_1 - d_1)(u_2 - d_2)$; on a line with slope $-s$ "
            "the maximum is where the gains satisfy $u_2 - d_2 = s (u_1 - d_1)$, clipped to "
            f"the edge. The best edge gives ${pair_tex(nash)}$; on the edges through it:",
            r"\begin{gathered}" + r" \\ ".join(products) + r"\end{gathered}",
        ),
        Step(
            "Kalai-Smorodinsky: the ideal point holds each player's best payoff in $S$ given "
            "the other gets at least the disagreement payoff; follow the segment from $d$ "
            "towards it until it leaves $S$:",
            rf"{pair_tex(d)} + t\,\big({pair_tex(ideal)} - {pair_tex(d)}\big) = {pair_tex(ks)}",
        ),
    )
