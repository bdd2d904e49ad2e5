"""Sustainable redistribution against automation, one curve per scenario.

Beside each other the curves show what task complementarity does: with
perfect complements (Liebig's law of the minimum) a strike stops production
until the last task is automated, so redistribution survives to ``a = 1``;
with perfect substitutes it ends earliest.
"""

from __future__ import annotations

import numpy as np

from ._style import PALETTE, new_figure, style


def _curve(data):
    if isinstance(data, tuple):
        a, values = data
        return np.asarray(a, dtype=float), np.asarray(values, dtype=float)
    if tuple(data.dims) != ("a",):
        raise ValueError(f"each curve must have the single dim a, got {data.dims}")
    return np.asarray(data["a"], dtype=float), np.asarray(data, dtype=float)


def redistribution_curves(curves, breakdowns=None, *, title="sustainable redistribution"):
    """Draw the largest sustainable transfer against automation for several scenarios.

    Parameters
    ----------
    curves : mapping of str to xarray.DataArray or (a, values)
        Label to curve: a sweep result over ``a``, or two arrays.
    breakdowns : mapping of str to float, optional
        Label to breakdown automation level, drawn as a dotted vertical line
        in the curve's colour (skipped when None or NaN).
    title : str

    Returns
    -------
    matplotlib.figure.Figure
    """
    if not curves:
        raise ValueError("curves must hold at least one curve")
    breakdowns = breakdowns or {}
    figure, (ax,) = new_figure()
    with style():
        for index, (label, data) in enumerate(curves.items()):
            a, values = _curve(data)
            color = PALETTE[index % len(PALETTE)]
            ax.plot(a, values, color=color, label=label, gid=f"curve:{label}")
            value = breakdowns.get(label)
            if value is not None and np.isfinite(value):
                ax.axvline(
                    float(value),
                    color=color,
                    linestyle=":",
                    linewidth=1.2,
                    label=f"{label}: a* = {float(value):.3f}",
                    gid=f"breakdown:{label}",
                )
        ax.set_xlabel("automation a")
        ax.set_ylabel("largest sustainable transfer")
        ax.set_title(title)
        ax.legend(loc="best")
    return figure
