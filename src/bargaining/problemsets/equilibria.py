"""Topic: the pure and mixed Nash equilibria of a 2x2 game.

Difficulty sets the game's shape. Easy games have a unique equilibrium (one
player has a dominant action, or the best replies cycle so the only
equilibrium is mixed); medium games are coordination or anti-coordination
games with two pure equilibria and a mixed one; hard games are any
non-degenerate game with payoffs in halves. Mixed probabilities are kept to
small denominators. The key comes from exact vertex enumeration
(:meth:`bargaining.Game.equilibria`), and the steps derive the mixed
equilibrium from the indifference conditions with sympy.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp

from ..core.game import Game
from .exercise import Exercise, Part, Step, draw_until, pair_tex, tex

ROWS, COLUMNS = ("Top", "Bottom"), ("Left", "Right")


def _draw(rng, level):
    top = {1: 5, 2: 9, 3: 9}[level]
    step = Fraction(1, 2) if level == 3 else 1
    values = [k * step for k in range(int(top / step) + 1)]
    return [[rng.choice(values) for _ in range(2)] for _ in range(2)], [
        [rng.choice(values) for _ in range(2)] for _ in range(2)
    ]


def _shape(A, B):
    row_gains = [A[0][j] - A[1][j] for j in (0, 1)]
    column_gains = [B[i][0] - B[i][1] for i in (0, 1)]
    if 0 in row_gains or 0 in column_gains:
        return "degenerate"
    if row_gains[0] * row_gains[1] > 0 or column_gains[0] * column_gains[1] > 0:
        return "dominance"
    return "coordination" if row_gains[0] * column_gains[0] > 0 else "cycle"


def _good(level):
    wanted = {
        1: ("dominance", "cycle"),
        2: ("coordination",),
        3: ("dominance", "cycle", "coordination"),
    }

    def accept(payoffs):
        A, B = payoffs
        if _shape(A, B) not in wanted[level]:
            return False
        for x, y in Game(A, B).equilibria():
            if max(p.denominator for p in (*x, *y)) > 12:
                return False
        return True

    return accept


def _profile_tex(x, y):
    return rf"\big({pair_tex(x)},\ {pair_tex(y)}\big)"


def generate(rng, level):
    """An equilibrium exercise at difficulty ``level`` (1 easy to 3 hard)."""
    A, B = draw_until(rng, lambda r: _draw(r, level), _good(level), "2x2 equilibrium")
    game = Game(A, B, labels=(ROWS, COLUMNS))
    found = game.equilibria()
    pure = [(i, j) for i, j in game.pure_equilibria()]
    mixed = [(tuple(x), tuple(y)) for x, y in found if 0 < x[0] < 1]
    payoffs = [tuple(game.payoff(x, y)) for x, y in found]
    pure_text = ", ".join(f"({ROWS[i]}, {COLUMNS[j]})" for i, j in pure) if pure else "none"
    mixed_text = "; ".join(f"${_profile_tex(x, y)}$" for x, y in mixed) if mixed else "none"
    payoff_text = "; ".join(
        f"${_profile_tex(tuple(x), tuple(y))} \\mapsto {pair_tex(u)}$"
        for (x, y), u in zip(found, payoffs, strict=True)
    )
    parts = (
        Part("Find every pure-strategy Nash equilibrium.", pure, pure_text),
        Part(
            "Find every equilibrium in which both players mix, as probabilities of "
            "(Top, Bottom) and (Left, Right).",
            mixed,
            mixed_text,
        ),
        Part(
            "List all equilibria with the expected payoffs (row, column) of each.",
            [(tuple(x), tuple(y), u) for (x, y), u in zip(found, payoffs, strict=True)],
            payoff_text,
        ),
    )
    return Exercise(
        topic="equilibria",
        title="Equilibria of a 2x2 game",
        statement="Two players move simultaneously. Row chooses Top or Bottom, Column chooses "
        "Left or Right; each cell gives (row payoff, column payoff).",
        display=game._repr_latex_().strip("$"),
        parts=parts,
        steps=_steps(A, B),
        parameters={"A": A, "B": B},
    )


def _steps(A, B):
    p, q = sp.symbols("p q")
    A = [[sp.nsimplify(v) for v in row] for row in A]
    B = [[sp.nsimplify(v) for v in row] for row in B]
    column_left = p * B[0][0] + (1 - p) * B[1][0]
    column_right = p * B[0][1] + (1 - p) * B[1][1]
    row_top = q * A[0][0] + (1 - q) * A[0][1]
    row_bottom = q * A[1][0] + (1 - q) * A[1][1]
    p_star = sp.solve(sp.Eq(column_left, column_right), p)
    q_star = sp.solve(sp.Eq(row_top, row_bottom), q)
    steps = [
        Step(
            "A cell is a pure equilibrium when neither player gains by switching: compare "
            "each payoff with the other payoff in its column (row player) and in its row "
            "(column player)."
        ),
        Step(
            "Let Row play Top with probability $p$ and Column play Left with probability $q$. "
            "Column mixes only if indifferent between Left and Right:",
            rf"{sp.latex(sp.expand(column_left))} = {sp.latex(sp.expand(column_right))}",
        ),
        Step(
            "and Row mixes only if indifferent between Top and Bottom:",
            rf"{sp.latex(sp.expand(row_top))} = {sp.latex(sp.expand(row_bottom))}",
        ),
    ]
    if p_star and q_star and all(0 < v < 1 for v in (*p_star, *q_star)):
        steps.append(
            Step(
                "Solving gives a mixed equilibrium with both probabilities inside (0, 1):",
                rf"p^* = {tex(p_star[0])}, \qquad q^* = {tex(q_star[0])}",
            )
        )
    else:
        steps.append(
            Step(
                "The indifference conditions have no solution strictly inside (0, 1), so no "
                "equilibrium mixes both actions of both players."
            )
        )
    return tuple(steps)
