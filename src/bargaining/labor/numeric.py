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
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
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


def exact_formula(key: str, values: Mapping[str, Any]) -> Fraction | None:
    """A formula at rational values in Python's exact arithmetic, or None.

    The generated code of a formula run on ints and ``Fraction`` objects stays
    exact while every operation is rational: sums, products, quotients and
    integer powers. Anything else turns the answer into a float, e.g. a power
    ``rho ** (1/2)``, a rational constant (printed as a division of ints) or a
    numpy function other than the comparisons and ``numpy.select`` of a
    piecewise formula, which compare and pick ``Fraction`` objects exactly;
    so a ``Fraction`` (or int) answer is the formula's exact value, the one
    sympy's substitution gives, computed without sympy.

    Parameters
    ----------
    key : str
        The formula's key, as for :func:`formula`.
    values : mapping of str to int or Fraction
        By symbol name; names the formula does not use are ignored.

    Returns
    -------
    Fraction or None
        None where the formula has no generated code, a value is missing or
        not an int or ``Fraction``, or the arithmetic leaves the rationals or
        divides by zero: then sympy evaluates it.
    """
    if key not in FUNCTIONS:
        return None
    function, parameters = FUNCTIONS[key]
    arguments = [values.get(name) for name in parameters]
    if not all(type(value) in (int, Fraction) for value in arguments):
        return None
    try:
        with np.errstate(all="ignore"):
            result = function(*arguments)
    except (ArithmeticError, TypeError, AttributeError, ValueError):
        return None
    if isinstance(result, np.ndarray) and result.shape == () and result.dtype == object:
        result = result.item()  # a piecewise formula picks its piece with numpy.select
    return Fraction(result) if type(result) in (int, Fraction) else None


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
