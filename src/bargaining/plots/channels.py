"""Labor's two channels of leverage side by side: the strike and the revolt.

Left: what one period of strike costs capital, which falls as machines do
more of the work. Right: how much a revolt beats the status quo, which can
rise with automation (machines can be seized, the elite's share grows).
Where a channel crosses zero its threat stops biting (or starts); the
crossing is found by linear interpolation and marked.
"""

from __future__ import annotations

import numpy as np

from ._style import PALETTE, new_figure, style


def zero_crossings(a, values):
    """Where ``values`` changes sign along ``a``, by linear interpolation between grid points."""
    a, values = np.asarray(a, dtype=float), np.asarray(values, dtype=float)
    sign = np.sign(values)
    crossings = []
    for i in np.flatnonzero(sign[:-1] * sign[1:] < 0):
        x0, x1, y0, y1 = a[i], a[i + 1], values[i], values[i + 1]
        crossings.append(float(x0 - y0 * (x1 - x0) / (y1 - y0)))
    crossings.extend(float(x) for x in a[values == 0])
    return sorted(crossings)


def channels(a, strike, revolt, *, title=None):
    """Draw the strike channel and the revolt channel against automation, side by side.

    Parameters
    ----------
    a : array_like
        Automation levels.
    strike : array_like
        Capital's loss from one period of strike at each level, e.g.
        ``bargaining.labor.revolution.two_channels(...).strike``.
    revolt : array_like
        Revolution's payoff over the status quo at each level (``.revolt``).
    title : str, optional
        A title over both panels.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes; each sign change is a dotted vertical line with gid
        ``"crossing:strike"`` or ``"crossing:revolt"``.
    """
    a = np.asarray(a, dtype=float)
    panels = {"strike": np.asarray(strike, dtype=float), "revolt": np.asarray(revolt, dtype=float)}
    for name, values in panels.items():
        if values.shape != a.shape:
            raise ValueError(f"{name} must have one value per level of a, got {values.shape}")
    labels = {
        "strike": ("strike channel", "capital's loss per period of strike"),
        "revolt": ("revolt channel", "revolution's gain over the status quo"),
    }
    figure, axes = new_figure(2, width=4.5, height=3.8)
    with style():
        for index, (ax, (name, values)) in enumerate(zip(axes, panels.items(), strict=True)):
            color = PALETTE[index]
            ax.plot(a, values, color=color, gid=f"channel:{name}")
            ax.axhline(0, color="0.4", linewidth=0.8)
            for crossing in zero_crossings(a, values):
                ax.axvline(crossing, color=color, linestyle=":", gid=f"crossing:{name}")
            ax.set_title(labels[name][0])
            ax.set_xlabel("automation a")
            ax.set_ylabel(labels[name][1])
        if title:
            figure.suptitle(title)
    return figure
