"""How a game shows itself: a text table for the console, LaTeX for notebooks."""

from __future__ import annotations

from .._lazy import lazy_module
from . import numbers as num

sp = lazy_module("sympy")


def text_table(game):
    """The game as a text table of payoff pairs, actions labelled."""
    A, B = game.payoff_matrices
    width = max(len(label) for label in game.labels[0])
    cells = [
        [f"({_show(a)}, {_show(b)})" for a, b in zip(ra, rb, strict=True)]
        for ra, rb in zip(A.tolist(), B.tolist(), strict=True)
    ]
    cell_width = max(len(c) for c in (*game.labels[1], *(c for r in cells for c in r)))
    header = " " * width + "  " + "  ".join(c.rjust(cell_width) for c in game.labels[1])
    lines = [f"Game({game.players[0]} x {game.players[1]}, {game.kind})", header]
    for label, row in zip(game.labels[0], cells, strict=True):
        lines.append(label.rjust(width) + "  " + "  ".join(c.rjust(cell_width) for c in row))
    return "\n".join(lines)


def latex_table(game):
    """The game as a LaTeX array, for notebooks."""
    A, B = game.payoff_matrices

    def cell(a, b):
        return f"{sp.latex(num.to_sympy(a))},\\ {sp.latex(num.to_sympy(b))}"

    head = " & ".join(rf"\text{{{c}}}" for c in game.labels[1])
    body = r" \\ ".join(
        rf"\text{{{label}}} & " + " & ".join(cell(a, b) for a, b in zip(ra, rb, strict=True))
        for label, ra, rb in zip(game.labels[0], A.tolist(), B.tolist(), strict=True)
    )
    columns = "c" * game.shape[1]
    return rf"$\begin{{array}}{{r|{columns}}} & {head} \\ \hline {body} \end{{array}}$"


def _show(value):
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
