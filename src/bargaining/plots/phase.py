"""Phase diagram: sustainable redistribution over automation and patience.

The colour at ``(a, delta)`` is the largest transfer to labor that
equilibrium sustains there (a sweep of ``"max_redistribution"`` over ``a``
and ``delta``); the curve is the breakdown automation level ``a*(delta)`` (a
sweep of ``"breakdown_automation"`` over ``delta``), left of which
redistribution survives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._style import COLORMAP, PALETTE, new_figure, style

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from numpy.typing import ArrayLike


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
    curve = None
    if breakdown is not None:
        if breakdown.dims != ("delta",):
            raise ValueError(f"breakdown must have the single dim delta, got {breakdown.dims}")
        curve = np.asarray(breakdown)
    scenario = redistribution.attrs.get("scenario", "")
    return phase_diagram_arrays(
        np.asarray(grid["a"]),
        np.asarray(grid["delta"]),
        np.asarray(grid),
        curve,
        title=title if title is not None else f"sustainable redistribution ({scenario})",
    )


def phase_diagram_arrays(
    a: ArrayLike,
    delta: ArrayLike,
    redistribution: ArrayLike,
    breakdown: ArrayLike | None = None,
    *,
    title: str | None = None,
) -> Figure:
    """:func:`phase_diagram` from plain arrays (as ``sweeps.sweep_arrays`` gives them).

    Parameters
    ----------
    a : 1-D array_like
        Automation levels, the horizontal axis.
    delta : 1-D array_like
        Discount factors, the vertical axis.
    redistribution : 2-D array_like
        The largest sustainable transfer, shaped ``(len(delta), len(a))``.
    breakdown : 1-D array_like, optional
        The breakdown automation level at each ``delta``; NaN leaves gaps in the curve.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
        As :func:`phase_diagram` draws it.

    Raises
    ------
    ValueError
        If the shapes of ``redistribution`` or ``breakdown`` do not match the axes.
    """
    a, delta = np.asarray(a, dtype=float), np.asarray(delta, dtype=float)
    redistribution = np.asarray(redistribution, dtype=float)
    if redistribution.shape != (len(delta), len(a)):
        raise ValueError(
            f"redistribution must have shape (len(delta), len(a)) = {(len(delta), len(a))}, "
            f"got {redistribution.shape}"
        )
    if breakdown is not None and np.shape(breakdown) != delta.shape:
        raise ValueError(
            f"breakdown must have shape {delta.shape} like delta, got {np.shape(breakdown)}"
        )
    figure, (ax,) = new_figure()
    with style():
        mesh = ax.pcolormesh(a, delta, redistribution, cmap=COLORMAP, shading="nearest")
        mesh.set_rasterized(True)
        figure.colorbar(mesh, ax=ax, label="largest sustainable transfer")
        if breakdown is not None:
            ax.plot(
                np.asarray(breakdown, dtype=float),
                delta,
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
        ax.set_title(title if title is not None else "sustainable redistribution")
    return figure
