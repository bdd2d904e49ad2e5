"""Subgame-perfect payoff sets of the strike game at several automation levels.

As automation rises a strike costs capital less, and the set of payoffs
that equilibria sustain shrinks towards the stage equilibrium (Work, Keep);
past the breakdown point labor's best payoff is its wage. Polygons are
filled, segments drawn as lines and single points as dots, each coloured by
its automation level.
"""

from __future__ import annotations

import numpy as np

from ._style import COLORMAP, new_figure, style


def _vertices(payoff_set):
    vertices = np.asarray(getattr(payoff_set, "vertices", payoff_set), dtype=float)
    if vertices.ndim != 2 or vertices.shape[1] != 2 or len(vertices) == 0:
        raise ValueError(f"a payoff set needs k x 2 vertices, got shape {vertices.shape}")
    return vertices


def payoff_sets(sets, *, players=("labor", "capital"), title="subgame-perfect payoffs"):
    """Draw payoff sets across automation levels on one axes.

    Parameters
    ----------
    sets : mapping of float to PayoffSet or array_like
        Automation level to the set: a :class:`~bargaining.core.repeated.payoff_sets.PayoffSet`
        or its ``k x 2`` vertices in order around the set.
    players : tuple of str
        Axis labels: the row player's payoff horizontally.
    title : str

    Returns
    -------
    matplotlib.figure.Figure
        Each set is one artist with ``gid`` ``"payoff-set:<level>"``.
    """
    from matplotlib import colormaps
    from matplotlib.patches import Polygon

    if not sets:
        raise ValueError("sets must hold at least one payoff set")
    levels = sorted(sets)
    colormap = colormaps[COLORMAP]
    figure, (ax,) = new_figure()
    with style():
        for rank, level in enumerate(levels):
            vertices = _vertices(sets[level])
            color = colormap(rank / max(1, len(levels) - 1) * 0.9)
            label, gid = f"a = {level:g}", f"payoff-set:{level:g}"
            if len(vertices) >= 3:
                patch = Polygon(vertices, closed=True, facecolor=color, edgecolor=color)
                patch.set(alpha=0.45, label=label, gid=gid)
                ax.add_patch(patch)
            else:
                style_ = {"marker": "o", "linestyle": "-" if len(vertices) == 2 else "none"}
                ax.plot(*vertices.T, color=color, label=label, gid=gid, **style_)
        ax.autoscale_view()
        ax.set_xlabel(f"{players[0]}'s payoff per period")
        ax.set_ylabel(f"{players[1]}'s payoff per period")
        ax.set_title(title)
        ax.legend(loc="best", title="automation")
    return figure
