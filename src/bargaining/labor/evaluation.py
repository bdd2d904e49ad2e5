"""Evaluate the model's sympy formulas on exact, float, array or symbolic input.

One rule decides the arithmetic, as for :class:`bargaining.Game`: any sympy
symbol makes the answer an expression; otherwise any float or numeric array
makes it a float (or float array) computed by a lambdified function; otherwise
the inputs are rational and the answer is exact: a
:class:`~fractions.Fraction` when it is rational, an exact sympy number (call
``float`` on it) when it is not, e.g. ``rho ** (1/2)``.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction

import numpy as np

from .._lazy import is_sympy, lazy_module
from ..core import numbers as num
from ..core.validation import check_interval

sp = lazy_module("sympy")  # imported when a value or a result is symbolic


def is_infinite(value):
    """Whether ``value`` is plus infinity (``math.inf``, ``numpy.inf`` or ``sympy.oo``)."""
    if is_sympy(value):
        return value == sp.oo
    return isinstance(value, numbers.Real) and math.isinf(value) and value > 0


def as_input(value):
    """Lists and tuples become numpy arrays; everything else is left alone."""
    return np.asarray(value) if isinstance(value, list | tuple) else value


def kind_of(*values):
    """``"symbolic"``, ``"float"`` or ``"exact"``: the arithmetic the inputs call for."""
    kinds = []
    for value in values:
        if isinstance(value, np.ndarray) and value.dtype == object:
            kinds.append(kind_of(*value.flat))
        elif isinstance(value, np.ndarray):
            kinds.append(num.FLOAT)
        elif not is_infinite(value):
            kinds.append(num.classify(value)[0])
    return num.combine_kinds(kinds)


def has_object_array(*values):
    return any(isinstance(v, np.ndarray) and v.dtype == object for v in values)


def check_range(value, name, low, high, *, closed_low=True, closed_high=True):
    """Check a number or every element of an array lies in the interval; return it."""
    bounds = {"closed_low": closed_low, "closed_high": closed_high}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "iuf":
            for element in value.flat:
                check_range(element, name, low, high, **bounds)
            return value
        with np.errstate(invalid="ignore"):
            inside = (value >= low if closed_low else value > low) & (
                value <= high if closed_high else value < high
            )
        # Only the elements outside need the scalar check (and its message).
        for element in value[~inside].flat:
            check_range(element.item(), name, low, high, **bounds)
        return value
    if is_infinite(value) and high == math.inf:
        return value
    return check_interval(value, name, low, high, closed_low=closed_low, closed_high=closed_high)


def to_sympy(value):
    """An exact sympy value: Rationals for ints and Fractions, ``oo`` for infinity."""
    if is_infinite(value):
        return sp.oo
    if isinstance(value, sp.Basic):
        return value
    return num.to_sympy(num.classify(value)[1])


def from_sympy(value):
    """A Fraction for a rational sympy number; anything else unchanged."""
    if isinstance(value, sp.Basic) and value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value


def substitute(expression, mapping):
    """Substitute exact values (or expressions) into ``expression`` and tidy the result.

    A formula of :mod:`bargaining.labor.formulas` at rational values whose
    answer is rational is evaluated by its generated code in exact arithmetic
    (:func:`~bargaining.labor.numeric.exact_formula`), without sympy.
    """
    exact = _exact_by_generated_code(expression, mapping)
    if exact is not None:
        return exact
    result = expression.subs({symbol: to_sympy(v) for symbol, v in mapping.items()})
    if result.free_symbols:
        return sp.simplify(result)
    return from_sympy(result)


def _exact_by_generated_code(expression, mapping):
    if not all(type(value) in (int, Fraction) for value in mapping.values()):
        return None
    from .formulas import formula_key
    from .numeric import exact_formula

    key = formula_key(expression)
    names = [getattr(symbol, "name", None) for symbol in mapping]
    if key is None or None in names:
        return None
    return exact_formula(key, dict(zip(names, mapping.values(), strict=True)))


def as_float_result(array):
    """A Python float for 0-d results, the array otherwise."""
    array = np.asarray(array, dtype=float)
    return float(array) if array.ndim == 0 else array
