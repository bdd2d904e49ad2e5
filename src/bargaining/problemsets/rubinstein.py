"""Topic: Rubinstein's alternating offers, with inside and outside options.

Labor (player 1) and capital (player 2) split a surplus of 1 per period,
labor proposing first. Easy exercises have a common discount factor and no
options (Rubinstein 1982). Medium ones add different discount factors and
inside options: flows while they disagree, a strike fund ``b1`` for labor
and strike output ``b2`` for capital (Binmore, Rubinstein and Wolinsky
1986). Hard ones add an outside option ``o1`` for labor, a job elsewhere
that it can take when it rejects an offer, which matters only when it beats
labor's share as responder (the outside option principle, Binmore, Shaked
and Sutton 1989). The key comes from
:func:`bargaining.solutions.rubinstein`; the steps solve the two
indifference conditions with sympy.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..solutions import rubinstein
from .exercise import Exercise, Part, Step, as_fraction, draw_until, fraction_in, tex


def _draw(rng, level):
    delta1 = fraction_in(rng, Fraction(1, 2), 1, (10,))
    delta2 = delta1 if level == 1 else fraction_in(rng, Fraction(1, 2), 1, (10,))
    inside = (0, 0)
    if level > 1:
        inside = (
            fraction_in(rng, 0, Fraction(3, 10), (10,)),
            fraction_in(rng, 0, Fraction(2, 5), (10,)),
        )
    outside = fraction_in(rng, Fraction(1, 5), Fraction(4, 5), (10,)) if level == 3 else None
    return delta1, delta2, inside, outside


def _shares(delta1, delta2, inside=(0, 0), outside=None):
    outcome = rubinstein(delta1, delta2, inside=inside, outside=(outside, None))
    return as_fraction(outcome.payoffs[0]), as_fraction(outcome.responder_payoffs[0]), outcome


def _good(draw):
    delta1, delta2, inside, outside = draw
    if delta1 != delta2 and abs(delta1 - delta2) < Fraction(1, 10):
        return False
    if outside is None:
        return True
    # Keep the option away from the case boundary, and below labor's share as proposer.
    plain, responder, _ = _shares(delta1, delta2, inside)
    return abs(outside - responder) >= Fraction(1, 20) and outside < plain


def generate(rng, level):
    """A Rubinstein exercise at difficulty ``level`` (1 easy to 3 hard)."""
    delta1, delta2, inside, outside = draw_until(
        rng, lambda r: _draw(r, level), _good, "Rubinstein"
    )
    plain, plain_responding, _ = _shares(delta1, delta2)
    parts = [
        Part(
            "Without options, find labor's share when it proposes and when capital proposes.",
            (plain, plain_responding),
            f"$x_1 = {tex(plain)}$, $y_1 = {tex(plain_responding)}$",
        )
    ]
    statement = (
        "Labor (player 1) and capital (player 2) split a surplus of 1 per period by "
        "alternating offers, labor proposing first; a rejected offer costs a period. "
        f"Discount factors are $\\delta_1 = {tex(delta1)}$ and $\\delta_2 = {tex(delta2)}$."
    )
    if level > 1:
        with_inside, _, _ = _shares(delta1, delta2, inside)
        statement += (
            f" While they disagree, labor draws a strike fund $b_1 = {tex(inside[0])}$ and the "
            f"machines earn capital $b_2 = {tex(inside[1])}$ per period."
        )
        parts.append(
            Part(
                "With the flows during disagreement, find labor's share when it proposes.",
                with_inside,
                f"$x_1 = {tex(with_inside)}$",
            )
        )
    if outside is not None:
        with_option, _, outcome = _shares(delta1, delta2, inside, outside)
        binds = bool(outcome.binding_outside[0])
        statement += (
            f" Labor can also leave for a job elsewhere worth $o_1 = {tex(outside)}$ per "
            "period, when it rejects an offer."
        )
        parts.append(
            Part(
                "With the outside option as well, find labor's share when it proposes, and "
                "say whether the option binds.",
                (with_option, binds),
                f"$x_1 = {tex(with_option)}$; the option "
                + ("binds." if binds else "does not bind."),
            )
        )
    return Exercise(
        topic="rubinstein",
        title="Alternating offers",
        statement=statement,
        display="",
        parts=tuple(parts),
        steps=_steps(inside, outside),
        parameters={"delta1": delta1, "delta2": delta2, "inside": inside, "outside": outside},
    )


def _steps(inside, outside):
    x, y, d1, d2, b1, b2 = sp.symbols("x y delta_1 delta_2 b_1 b_2")
    capital = sp.Eq(1 - x, (1 - d2) * b2 + d2 * (1 - y))
    labor = sp.Eq(y, (1 - d1) * b1 + d1 * x)
    solution = sp.solve([capital, labor], [x, y], dict=True)[0]
    steps = [
        Step(
            "Let $x$ be labor's share when it proposes and $y$ when capital proposes. Each "
            "responder is offered exactly what rejecting is worth (a period of disagreement "
            "flows, then the other proposal):",
            sp.latex(capital) + r", \qquad " + sp.latex(labor),
        ),
        Step(
            "Solving the two equations (with $b_1 = b_2 = 0$ when there are no flows):",
            "x = " + sp.latex(sp.factor(solution[x])),
        ),
    ]
    if outside is not None:
        steps.append(
            Step(
                "Outside option principle: labor as responder gets $\\max(o_1, y)$. If "
                "$o_1 \\le y$ the option is irrelevant; otherwise capital offers exactly "
                "$o_1$, so $y = o_1$ and "
                "$1 - x = (1-\\delta_2) b_2 + \\delta_2 (1 - o_1)$."
            )
        )
    return tuple(steps)
