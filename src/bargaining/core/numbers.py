"""Classify and normalise payoff entries: exact, floating point or symbolic.

Every payoff that enters a :class:`~bargaining.core.game.Game` is turned into
one of three kinds, and the kind decides how the game is solved:

``"exact"``
    Python and numpy integers, :class:`fractions.Fraction` and sympy
    rationals. Stored as :class:`~fractions.Fraction`; answers are exact.
``"float"``
    Python and numpy floats (and sympy floats). Stored as ``float64``.
``"symbolic"``
    sympy expressions with free symbols. Stored as sympy expressions.

Strings are refused rather than parsed: turning text into an expression is
the job of a restricted parser, never of ``sympify``.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction

import numpy as np

from .._lazy import is_sympy, lazy_module

sp = lazy_module("sympy")

EXACT, FLOAT, SYMBOLIC = "exact", "float", "symbolic"


def classify(value, name="value"):
    """Return ``(kind, normalised_value)`` for one payoff entry.

    Parameters
    ----------
    value : int, float, Fraction, numpy scalar or sympy expression
        The entry.
    name : str
        How to refer to the entry in an error message.

    Returns
    -------
    tuple
        The kind (``"exact"``, ``"float"`` or ``"symbolic"``) and the value as
        a :class:`~fractions.Fraction`, a ``float`` or a sympy expression.

    Raises
    ------
    ValueError
        For booleans, strings, complex numbers, non-finite numbers and any
        other type.
    """
    if is_sympy(value):
        return _classify_sympy(value, name)
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a number, got the boolean {value!r}")
    if isinstance(value, numbers.Integral):
        return EXACT, Fraction(int(value))
    if isinstance(value, Fraction):
        return EXACT, value
    if isinstance(value, numbers.Real):
        as_float = float(value)
        if not math.isfinite(as_float):
            raise ValueError(f"{name} must be finite, got {value!r}")
        return FLOAT, as_float
    raise ValueError(
        f"{name} must be an int, float, Fraction or sympy expression, "
        f"got {value!r} of type {type(value).__name__}"
    )


def _classify_sympy(value, name):
    if not isinstance(value, sp.Expr):
        raise ValueError(f"{name} must be a sympy expression, got {value!r}")
    if value.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value.free_symbols:
        return SYMBOLIC, value
    if value.is_Rational:
        return EXACT, Fraction(int(value.p), int(value.q))
    if value.is_real is False:
        raise ValueError(f"{name} must be real, got {value!r}")
    as_float = float(value)
    if not math.isfinite(as_float):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if value.is_Float:
        return FLOAT, as_float
    # Irrational constants such as sqrt(2) stay symbolic so nothing is rounded
    # behind the user's back.
    return SYMBOLIC, value


def combine_kinds(kinds):
    """The kind of a collection: symbolic beats float, float beats exact."""
    kinds = set(kinds)
    if SYMBOLIC in kinds:
        return SYMBOLIC
    if FLOAT in kinds:
        return FLOAT
    return EXACT


def convert(value, kind):
    """Convert an already classified value to the representation of ``kind``."""
    if kind == FLOAT:
        return float(value)
    if kind == SYMBOLIC:
        if isinstance(value, Fraction):
            return sp.Rational(value.numerator, value.denominator)
        if isinstance(value, float):
            return sp.Float(value)
        return value
    return value


def as_array(rows, kind):
    """Pack a list of lists of normalised values into a numpy array of ``kind``."""
    if kind == FLOAT:
        return np.array(rows, dtype=float)
    array = np.empty((len(rows), len(rows[0])), dtype=object)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            array[i, j] = value
    return array


def to_sympy(value):
    """A sympy number or expression equal to ``value`` (exact for Fractions)."""
    return convert(value, SYMBOLIC)
