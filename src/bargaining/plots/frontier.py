"""A bargaining problem: its frontier, disagreement point and solutions.

The functions take plain points, so any frontier can be drawn: sample it
(e.g. ``Frontier.from_function``) into a ``k x 2`` array, and pass each
solution's payoff pair (an outcome with ``.payoffs`` works as well).
"""

from __future__ import annotations

import numpy as np

from ._style import MARKERS, PALETTE, new_figure, style


def _pair(point, name):
    pair = np.asarray(getattr(point, "payoffs", point), dtype=float)
    if pair.shape != (2,):
        raise ValueError(f"{name} must be a pair of payoffs, got {point!r}")
    return pair


def bargaining_frontier(
    frontier,
    disagreement=None,
    solutions=None,
    *,
    players=("labor", "capital"),
    title="bargaining problem",
):
    """Draw a bargaining frontier with its disagreement point and solution points.

    Parameters
    ----------
    frontier : array_like
        ``k x 2`` points along the Pareto frontier, in order.
    disagreement : pair of float, optional
        The disagreement point, drawn as a cross.
    solutions : mapping of str to pair of float, optional
        E.g. ``{"Nash": ..., "Kalai-Smorodinsky": ..., "egalitarian": ...}``;
        each drawn with its own marker and colour (gid ``"solution:<name>"``).
    players : tuple of str
    title : str

    Returns
    -------
    matplotlib.figure.Figure
    """
    frontier = np.asarray(frontier, dtype=float)
    if frontier.ndim != 2 or frontier.shape[1] != 2 or len(frontier) < 2:
        raise ValueError(f"frontier must be k x 2 points with k >= 2, got {frontier.shape}")
    figure, (ax,) = new_figure(width=4.8, height=4.5)
    with style():
        ax.plot(*frontier.T, color="0.25", label="frontier", gid="frontier")
        if disagreement is not None:
            d = _pair(disagreement, "disagreement")
            ax.plot(*d, "x", color="0.25", markersize=9, label="disagreement", gid="disagreement")
        for index, (name, point) in enumerate((solutions or {}).items()):
            ax.plot(
                *_pair(point, name),
                marker=MARKERS[index % len(MARKERS)],
                linestyle="none",
                markersize=8,
                markerfacecolor="none" if index % 2 else PALETTE[index % len(PALETTE)],
                color=PALETTE[index % len(PALETTE)],
                label=name,
                gid=f"solution:{name}",
            )
        ax.set_xlabel(f"{players[0]}'s payoff")
        ax.set_ylabel(f"{players[1]}'s payoff")
        ax.set_title(title)
        ax.legend(loc="best")
    return figure
