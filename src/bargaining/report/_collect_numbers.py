"""How ``results.json`` stores the report's numbers.

Numbers are stored as the shortest decimal that reads back as the same float.
Where the scenario is rational the closed forms are evaluated in exact
arithmetic and stored twice: as the nearest float and as a fraction string
(``"215/496"``), so no rounding of the inputs shows up as ``0.15000000000000002``.
Values of the iterative solvers are rounded to :data:`SOLVER_DECIMALS`
places, below the accuracy the solver certifies.
"""

from __future__ import annotations

import math
from fractions import Fraction

# The exact payoff sets are iterated to DEFAULT_TOL (1e-11) relative to payoffs of at most 1:
# digits past the tenth decimal are the iteration's, not the model's.
SOLVER_DECIMALS = 10
# breakdown_automation(method="exact") brackets the breakdown point to this width.
BISECTION_ACCURACY = 1e-6


def as_fraction(value):
    """``value`` as a Fraction when it is a finite decimal or rational, else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(repr(value))
    if getattr(value, "is_Rational", False):
        return Fraction(int(value.p), int(value.q))
    return value


def number(value):
    """A computed value as ``(float, exact string or None)`` for ``results.json``.

    Rational values give their nearest float and their fraction (``None`` for
    integers, whose float is exact); anything else its float.
    """
    exact = as_fraction(value) if not isinstance(value, float) else value
    if isinstance(exact, Fraction):
        return float(exact), None if exact.denominator == 1 else str(exact)
    return float(value), None


def parameter_value(value):
    if isinstance(value, float) and math.isinf(value):
        return "inf"
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else int(value)
    if isinstance(value, int | float):
        return value
    return str(value)


def is_rational(scenario):
    return all(
        isinstance(as_fraction(v), Fraction) or (isinstance(v, float) and math.isinf(v))
        for v in scenario.parameters.values()
    )


def solver_value(value):
    return round(float(value), SOLVER_DECIMALS) + 0.0


def threshold_record(threshold, method=None):
    """A breakdown threshold as JSON-ready data, naming how it was found.

    ``method`` (a :class:`~bargaining.report._collect_redistribution.Method`) names the
    selection of a strategy class, which the threshold itself does not carry.
    """
    value, exact = (None, None) if threshold.value is None else number(threshold.value)
    return {
        "kind": threshold.kind,
        "value": value,
        "exact": exact,
        "method": threshold.method,
        "selection": threshold.selection or (method and method.selection),
        "accuracy": BISECTION_ACCURACY if "bisection" in threshold.method else None,
    }
