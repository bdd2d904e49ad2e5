"""Float evaluation of the model's formulas without sympy.

The formulas are stated once, as sympy expressions, in
:mod:`bargaining.labor.formulas`; :mod:`bargaining.labor._generate` prints
them as numpy code into a generated module. This module looks the functions
up by formula and evaluates strike output over arrays. It imports numpy
only, so closed-form sweeps start without importing sympy or compiling
anything.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ._formula_functions import FUNCTIONS

STRIKE_OUTPUT_ARGUMENTS = ("a", "sigma", "rho")


def has_formula(key: str) -> bool:
    """Whether the formula ``key`` has generated numpy code (see :func:`formula`)."""
    return key in FUNCTIONS


@functools.cache
def formula(key: str, arguments: Sequence[str] | None = None) -> Callable[..., Any]:
    """The generated numpy function of a formula.

    Parameters
    ----------
    key : str
        The formula's name in :mod:`bargaining.labor.formulas`
        (``"MAX_TRANSFER_CAPITAL"``), or ``"NAME[key]"`` for one held in a
        dictionary (``"STRIKE_OUTPUT[ces]"``).
    arguments : tuple of str, optional
        The names of the returned function's positional arguments, in
        order; they must include the formula's free symbols, and may name
        others, which are ignored. The free symbols in the order of their
        names when omitted.

    Returns
    -------
    callable
        Evaluates the formula on floats or arrays (broadcast together), as
        :func:`sympy.lambdify` would.

    Raises
    ------
    ValueError
        If no generated function has that key (formulas that need special
        functions are evaluated through sympy), or ``arguments`` misses one
        of the formula's symbols.
    """
    if key not in FUNCTIONS:
        raise ValueError(f"no generated numpy code for the formula {key!r}")
    function, parameters = FUNCTIONS[key]
    if arguments is None:
        return function
    arguments = tuple(arguments)
    missing = [p for p in parameters if p not in arguments]
    if missing:
        raise ValueError(
            f"arguments of {key} must include {', '.join(missing)}, got {', '.join(arguments)}"
        )
    positions = [arguments.index(p) for p in parameters]
    return lambda *values: function(*(values[i] for i in positions))


def float_strike_output(a: Any, sigma: Any, rho: Any) -> np.ndarray:
    """``STRIKE_OUTPUT`` on float arrays (broadcast together), each ``sigma`` in its regime.

    Output is 1 where ``a = 1`` (every task automated) whatever the regime.
    The inputs are not checked; :func:`bargaining.labor.technology.strike_output`
    is the checked entry point.
    """
    a, sigma, rho = np.broadcast_arrays(*(np.asarray(x, dtype=float) for x in (a, sigma, rho)))
    output = np.ones(a.shape)
    interior = a < 1
    masks = {
        "leontief": sigma == 0,
        "cobb-douglas": sigma == 1,
        "substitutes": np.isinf(sigma),
        "complements": (sigma > 0) & (sigma < 1),
        "ces": (sigma > 1) & np.isfinite(sigma),
    }
    for name, mask in masks.items():
        mask = mask & interior
        if mask.any():
            values = formula(f"STRIKE_OUTPUT[{name}]", STRIKE_OUTPUT_ARGUMENTS)(
                a[mask], sigma[mask], rho[mask]
            )
            output[mask] = np.broadcast_to(values, (int(mask.sum()),))
    return output
