"""Sweeps over the parameters of a game file: the grid of a game the user wrote."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import xarray
    from numpy.typing import ArrayLike


def sweep_game_file(
    path: str | Path, axes: dict[str, ArrayLike], options: dict[str, Any] | None = None
) -> xarray.DataArray:
    """The row player's highest subgame-perfect payoff over a grid of a game file's parameters.

    Parameters
    ----------
    path : str or pathlib.Path
        A TOML game file (see :mod:`bargaining.core.io.gamefile`).
    axes : dict of str to array_like
        Values of the file's parameters, and of ``delta``, to sweep; the grid
        is their product.
    options : dict, optional
        Fixed values of other parameters.

    Returns
    -------
    xarray.DataArray
        ``row_max_spe_payoff``, one dimension per axis; NaN where the game
        has no pure-strategy subgame-perfect equilibrium.

    Raises
    ------
    ValueError
        For an axis that is no parameter of the file, or no discount factor
        (neither an axis ``delta`` nor the file's ``[repeated] delta``).
    """
    options = options or {}
    import xarray as xr

    from ...core.io.gamefile import read_game_file
    from ...core.repeated.payoff_sets import equilibrium_payoffs

    spec = read_game_file(path)
    names = list(axes)
    unknown = [n for n in names if n not in spec.parameters and n != "delta"]
    if unknown:
        raise ValueError(
            f"{path}: no parameter {', '.join(unknown)} to sweep "
            f"(parameters: {', '.join(spec.parameters)}, and delta)"
        )
    grids = np.meshgrid(*(axes[n] for n in names), indexing="ij")
    values = np.empty(grids[0].shape if grids else ())
    for index in np.ndindex(values.shape):
        point = {n: float(g[index]) for n, g in zip(names, grids, strict=True)}
        delta = point.pop("delta", spec.delta)
        if delta is None:
            raise ValueError(f"{path}: give a discount factor, as --axis delta=... or [repeated]")
        game = spec.game(**{**options, **point})
        payoffs = equilibrium_payoffs(game, float(delta))
        values[index] = np.nan if payoffs.is_empty else payoffs.max(0)
    return xr.DataArray(
        values,
        coords={n: axes[n] for n in names},
        dims=names,
        name="row_max_spe_payoff",
        attrs={
            "game_file": str(path),
            "method": "abreu-sannikov",
            "selection": "the row player's best pure-strategy subgame-perfect payoff",
            "missing": "NaN where no pure-strategy subgame-perfect equilibrium exists",
        },
    )
