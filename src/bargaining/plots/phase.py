"""Phase diagram: sustainable redistribution over automation and patience.

The colour at ``(a, delta)`` is the largest transfer to labor that
equilibrium sustains there (a sweep of ``"max_redistribution"`` over ``a``
and ``delta``); the curve is the breakdown automation level ``a*(delta)`` (a
sweep of ``"breakdown_automation"`` over ``delta``), left of which
redistribution survives.
"""

from __future__ import annotations

import numpy as np

from ._style import COLORMAP, PALETTE, new_figure, style


def phase_diagram(redistribution, breakdown=None, *, title=None):
    """Draw sustainable redistribution over (automation, patience), with the breakdown curve.

    Parameters
    ----------
    redistribution : xarray.DataArray
        Dimensions ``a`` and ``delta`` (in either order), as from
        ``sweep("max_redistribution", scenario, a=..., delta=...)``.
    breakdown : xarray.DataArray, optional
        Dimension ``delta``, as from ``sweep("breakdown_automation", scenario,
        delta=...)``; NaN (never sustainable) leaves gaps in the curve.
    title : str, optional
        The scenario's name from the result's attributes if omitted.

    Returns
    -------
    matplotlib.figure.Figure
        One axes: automation horizontally, ``delta`` vertically, a colour bar.
    """
    if set(redistribution.dims) != {"a", "delta"}:
        raise ValueError(f"redistribution must have dims a and delta, got {redistribution.dims}")
    grid = redistribution.transpose("delta", "a")
    a, delta = np.asarray(grid["a"]), np.asarray(grid["delta"])
    figure, (ax,) = new_figure()
    with style():
        mesh = ax.pcolormesh(a, delta, np.asarray(grid), cmap=COLORMAP, shading="nearest")
        mesh.set_rasterized(True)
        figure.colorbar(mesh, ax=ax, label="largest sustainable transfer")
        if breakdown is not None:
            if breakdown.dims != ("delta",):
                raise ValueError(f"breakdown must have the single dim delta, got {breakdown.dims}")
            ax.plot(
                np.asarray(breakdown),
                np.asarray(breakdown["delta"]),
                color=PALETTE[1],
                linewidth=2.2,
                label="breakdown a*(delta)",
                gid="breakdown",
            )
            ax.legend(loc="lower right")
        ax.set_xlim(a.min(), a.max())
        ax.set_ylim(delta.min(), delta.max())
        ax.set_xlabel("automation a")
        ax.set_ylabel("discount factor delta")
        scenario = redistribution.attrs.get("scenario", "")
        ax.set_title(title if title is not None else f"sustainable redistribution ({scenario})")
    return figure
