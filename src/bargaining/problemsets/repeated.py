"""Topic: critical discount factors of grim-trigger and stick-and-carrot strategies.

Part one is a prisoner's dilemma (symmetric at the easy level): the least
discount factor at which grim trigger, reversion to mutual defection forever
(Friedman 1971), sustains mutual cooperation. Above the easy level part two
is the labor-capital strike game with numbers: reverting to the
stage equilibrium (Work, Keep) cannot make capital share, since that
equilibrium is capital's favourite outcome, but a strike of publicly
randomised length followed by a return to sharing (Abreu 1988) can. The hard
level fixes the strike at exactly one period. The key comes from
:meth:`bargaining.RepeatedGame.critical_delta`.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..core.game import Game
from ..core.repeated.repeated_game import RepeatedGame
from .exercise import Exercise, Part, Step, draw_until, fraction_in, tex

PD_ACTIONS = ("Cooperate", "Defect")
LABOR, CAPITAL = ("Work", "Strike"), ("Share", "Keep")


def _draw_dilemma(rng, level):
    def player():
        S, P, R, T = sorted(rng.sample(range(11), 4))
        return T, R, P, S

    row = player()
    return row, (row if level == 1 else player())


def _dilemma(payoffs):
    (T1, R1, P1, S1), (T2, R2, P2, S2) = payoffs
    A = [[R1, S1], [T1, P1]]
    B = [[R2, T2], [S2, P2]]
    return Game(A, B, labels=(PD_ACTIONS, PD_ACTIONS))


def _draw_strike(rng):
    w = fraction_in(rng, Fraction(2, 5), Fraction(7, 10), (5, 10))
    tau = fraction_in(rng, 0, Fraction(1, 5), (10, 20))
    b = fraction_in(rng, 0, w, (5, 10))
    y = fraction_in(rng, 0, 1 - w - tau, (10, 20))
    return w, tau, b, y


def strike_game(w, tau, b, y):
    """The stage game of labor (Work, Strike) and capital (Share, Keep), strike output ``y``."""
    A = [[w + tau, w], [b + tau, b]]
    B = [[1 - w - tau, 1 - w], [y - tau, y]]
    return Game(A, B, labels=(LABOR, CAPITAL), players=("Labor", "Capital"))


def _stick_delta(parameters, periods):
    return RepeatedGame(strike_game(*parameters)).critical_delta(
        ("Work", "Share"), "stick-and-carrot", stick=("Strike", "Keep"), periods=periods
    )


def generate(rng, level):
    """A repeated-game exercise at difficulty ``level`` (1 easy to 3 hard)."""
    dilemma = draw_until(
        rng,
        lambda r: _draw_dilemma(r, level),
        lambda p: (
            Fraction(1, 5)
            <= RepeatedGame(_dilemma(p)).critical_delta(PD_ACTIONS[:1] * 2)
            <= Fraction(9, 10)
        ),
        "prisoner's dilemma",
    )
    game = _dilemma(dilemma)
    grim = RepeatedGame(game).critical_delta(("Cooperate", "Cooperate"))
    parts = [
        Part(
            "In the prisoner's dilemma, find the least discount factor $\\delta$ at which grim "
            "trigger (cooperate until someone defects, then defect forever) sustains "
            "(Cooperate, Cooperate).",
            grim,
            f"$\\delta^* = {tex(grim)}$",
        )
    ]
    steps = [_grim_step(dilemma)]
    display = game._repr_latex_().strip("$")
    parameters = {"dilemma": dilemma}
    if level > 1:
        periods = 1 if level == 3 else None
        strike = draw_until(
            rng,
            _draw_strike,
            lambda p: (d := _stick_delta(p, periods)) is not None and 0.3 <= d <= 0.95,
            "strike game",
        )
        w, tau, b, y = strike
        stick = _stick_delta(strike, periods)
        length = "exactly one period" if periods else "a publicly randomised number of periods"
        parts += [
            Part(
                f"In the strike game with $w = {tex(w)}$, $\\tau = {tex(tau)}$, $b = {tex(b)}$ "
                f"and strike output $y = {tex(y)}$, can grim trigger (revert to the stage "
                "equilibrium forever) sustain (Work, Share) for some $\\delta < 1$?",
                None,
                "No: the stage equilibrium (Work, Keep) is capital's best outcome, so the "
                "threat costs capital nothing.",
            ),
            Part(
                f"Labor instead strikes for {length} after capital stops sharing (a strike "
                "that is not carried out restarts), then play returns to (Work, Share). Find "
                "the least $\\delta$ at which this sustains (Work, Share).",
                stick,
                f"$\\delta^* = {tex(stick)}$",
            ),
        ]
        steps.append(_stick_step(strike, periods))
        display += r" \qquad " + strike_game(w, tau, b, y)._repr_latex_().strip("$")
        parameters.update(strike=strike, periods=periods)
    return Exercise(
        topic="repeated",
        title="Trigger strategies in repeated games",
        statement="Both games are repeated forever with common discount factor $\\delta$ and "
        "perfect monitoring; payoffs are averaged over time. Left: a prisoner's dilemma."
        + (" Right: the strike game between labor and capital." if level > 1 else ""),
        display=display,
        parts=tuple(parts),
        steps=tuple(steps),
        parameters=parameters,
    )


def _grim_step(dilemma):
    delta, T, R, P = sp.symbols("delta T R P")
    condition = sp.Eq(R, (1 - delta) * T + delta * P)
    general = sp.solve(condition, delta)[0]
    values = ", ".join(
        f"{name} ${tex(general.subs({T: t, R: r, P: p}))}$"
        for name, (t, r, p, _) in zip(("Row", "Column"), dilemma, strict=True)
    )
    return Step(
        "Cooperating gives $R$ forever; defecting gives $T$ once and $P$ forever after, so "
        "each player needs $R \\ge (1-\\delta) T + \\delta P$, that is "
        f"$\\delta \\ge {sp.latex(general)}$. Per player: {values}; take the larger.",
        sp.latex(condition),
    )


def _stick_step(strike, periods):
    delta, D = sp.symbols("delta D", positive=True)
    w, tau, b, y = (sp.Rational(v.numerator, v.denominator) for v in strike)
    labor = sp.Ge((1 - D) * b + D * (w + tau), w)
    capital = sp.Ge(1 - w - tau, (1 - delta) * (1 - w) + delta * ((1 - D) * y + D * (1 - w - tau)))
    text = (
        "Let $D$ be the expected discount over the strike. Labor strikes credibly when the "
        "strike and the return to sharing are worth the wage, and capital keeps sharing when "
        "the strike outweighs one period of keeping the transfer:"
    )
    if periods is None:
        text += (
            " with public randomisation $D$ can be anything in $(0, \\delta]$; labor's "
            f"condition gives $D \\ge {tex(sp.solve(sp.Eq(labor.lhs, labor.rhs), D)[0])}$, and "
            "capital's is easiest at the smallest such $D$."
        )
    else:
        text += " with a one-period strike $D = \\delta$, and both are quadratic in $\\delta$."
    return Step(text, sp.latex(labor) + r", \qquad " + sp.latex(capital))
