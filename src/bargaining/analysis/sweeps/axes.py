"""Checks of sweep axes: names, shapes and values, and the model's ranges over the grid.

Every constraint of a :class:`~bargaining.labor.Scenario` is an interval for
one parameter or linear in several (``b + theta < w``, ``tau <= 1 - w``), so
a grid lies inside the model exactly when all its corners do:
:func:`check_corners` builds the scenario at each of them (at most ``2**7``).
"""

from __future__ import annotations

import itertools

import numpy as np


def check_axis(name, values, scenario):
    """The values of axis ``name`` as a 1-D float array, checked.

    Parameters
    ----------
    name : str
        ``"a"`` or a parameter of ``scenario``.
    values : array_like
        Non-empty, finite (``sigma`` may be infinite); ``a`` within [0, 1].
    scenario : bargaining.labor.Scenario

    Returns
    -------
    numpy.ndarray

    Raises
    ------
    ValueError
        Naming the axis and the offending values.
    """
    if name != "a" and name not in scenario.parameters:
        known = ", ".join(["a", *scenario.parameters])
        raise ValueError(f"unknown sweep axis {name!r}; axes are {known}")
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"sweep axis {name!r} must hold numbers, got {values!r}") from None
    if array.ndim != 1:
        raise ValueError(f"sweep axis {name!r} must be a 1-D array, got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"sweep axis {name!r} is empty")
    bad = np.isnan(array) | (np.isinf(array) if name != "sigma" else np.isneginf(array))
    if bad.any():
        raise ValueError(f"sweep axis {name!r} holds non-finite values {array[bad].tolist()}")
    if name == "a" and (array.min() < 0 or array.max() > 1):
        outside = array[(array < 0) | (array > 1)].tolist()
        raise ValueError(f"sweep axis 'a' must lie in [0, 1], got {outside}")
    return array


def check_corners(scenario, axes):
    """Raise ``ValueError`` unless every grid point of ``axes`` is a valid scenario."""
    names = [name for name in axes if name != "a"]
    ends = [(float(axes[n].min()), float(axes[n].max())) for n in names]
    for corner in itertools.product(*ends):
        try:
            scenario.replace(**dict(zip(names, corner, strict=True)))
        except ValueError as error:
            raise ValueError(f"sweep axes {', '.join(names)} leave the model: {error}") from None


def check_scenario(scenario):
    """Raise ``ValueError`` for a symbolic scenario: sweeps are numeric."""
    for name, value in scenario.parameters.items():
        try:
            float(value)
        except TypeError:
            raise ValueError(f"sweeps need a numeric scenario, got {name}={value!r}") from None
