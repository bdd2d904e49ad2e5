"""Topic: minmax values and the feasible, individually rational payoff set.

The exercise gives a game and asks for each player's minmax value (pure at
the easy level, mixed otherwise, with the punishing strategy), the vertices
of the feasible set and those of its individually rational part, the payoffs
the folk theorem says patient players can sustain. Easy and medium games are
2x2, hard games 2x3. Games are drawn so that the individually rational set is
a proper polygon and, above the easy level, mixing lowers some player's minmax
value below the pure one (the point of asking for it). The key comes from
:meth:`bargaining.Game.minmax` and :meth:`bargaining.Game.individually_rational_set`.
"""

from __future__ import annotations

import sympy as sp

from ..core.game import Game
from .exercise import Exercise, Part, Step, draw_until, pair_tex, tex

ROWS, COLUMNS = ("Top", "Bottom"), ("Left", "Centre", "Right")


def _draw(rng, level):
    columns = 3 if level == 3 else 2
    return tuple(
        tuple(tuple(rng.randint(0, 6) for _ in range(columns)) for _ in range(2)) for _ in (0, 1)
    )


def _good(level):
    def accept(payoffs):
        game = Game(*payoffs)
        pure, mixed = game.minmax(mixed=False), game.minmax(mixed=True)
        rational = game.individually_rational_set(mixed=level > 1)
        if len(rational.vertices) < 3 or len(game.feasible_set().vertices) < 3:
            return False
        if level > 1 and tuple(pure) == tuple(mixed):
            return False
        return all(v.denominator <= 12 for point in rational.vertices for v in point)

    return accept


def _polygon_tex(vertices):
    return ", ".join(pair_tex(v) for v in vertices)


def generate(rng, level):
    """A minmax exercise at difficulty ``level`` (1 easy to 3 hard)."""
    A, B = draw_until(rng, lambda r: _draw(r, level), _good(level), "minmax")
    columns = COLUMNS if level == 3 else (COLUMNS[0], COLUMNS[2])
    game = Game(A, B, labels=(ROWS, columns))
    mixed = level > 1
    values = game.minmax(mixed=mixed)
    feasible = [tuple(v) for v in game.feasible_set().vertices]
    rational = [tuple(v) for v in game.individually_rational_set(mixed=mixed).vertices]
    kind = "mixed" if mixed else "pure"
    punishing = (
        f" Column holds Row down with ${pair_tex(values.punish_row)}$ and Row holds Column "
        f"down with ${pair_tex(values.punish_column)}$."
        if mixed
        else ""
    )
    parts = (
        Part(
            f"Compute each player's {kind} minmax value"
            + (" and the strategy that punishes each player." if mixed else "."),
            (values.row, values.column),
            f"$\\underline v_{{row}} = {tex(values.row)}$, "
            f"$\\underline v_{{column}} = {tex(values.column)}$.{punishing}",
        ),
        Part(
            "Give the vertices of the feasible payoff set (the convex hull of the payoff pairs).",
            feasible,
            f"${_polygon_tex(feasible)}$",
        ),
        Part(
            f"Give the vertices of the individually rational part of the feasible set "
            f"(payoffs at least the {kind} minmax values).",
            rational,
            f"${_polygon_tex(rational)}$",
        ),
    )
    return Exercise(
        topic="minmax",
        title="Minmax and the individually rational set",
        statement="In the game below (row payoff, column payoff), find what each player can "
        "guarantee and which payoff pairs a folk theorem can sustain.",
        display=game._repr_latex_().strip("$"),
        parts=parts,
        steps=_steps(A, mixed),
        parameters={"A": A, "B": B, "mixed": mixed},
    )


def _steps(A, mixed):
    q = sp.Symbol("q")
    best_against_pure = [max(row[j] for row in A) for j in range(len(A[0]))]
    steps = [
        Step(
            "Pure minmax of Row: for each column take Row's best reply, then the column "
            "that makes it smallest:",
            r"\min_j \max_i A_{ij} = \min\{"
            + ", ".join(tex(v) for v in best_against_pure)
            + r"\} = "
            + tex(min(best_against_pure)),
        )
    ]
    if mixed:
        pieces = [sp.expand(q * row[0] + (1 - q) * row[-1]) for row in A]
        steps.append(
            Step(
                "Mixed minmax: Column puts probability $q$ on Left (and the rest on Right); "
                "Row's best reply earns the upper envelope of the lines below, and Column "
                "picks the $q$ that minimises it (with a third column, check each pair of "
                "columns and keep the lowest value):",
                r"\max\{" + ", ".join(sp.latex(p) for p in pieces) + r"\}",
            )
        )
    steps.append(
        Step(
            "The column player's value is found in the same way with the roles swapped. The "
            "individually rational set cuts the feasible polygon with the two half-planes "
            "$u_{row} \\ge \\underline v_{row}$ and $u_{column} \\ge \\underline v_{column}$."
        )
    )
    return tuple(steps)
