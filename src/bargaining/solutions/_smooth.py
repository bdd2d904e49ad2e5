"""Comparisons, roots and ray exits shared by the bargaining solutions.

The solutions work on three kinds of frontier (see :mod:`.frontier`): exact
polygons, numeric functions and sympy expressions. This module hides the
arithmetic: exact comparison for Fractions and sympy numbers, a tolerance for
floats, Brent's method for numeric roots and :func:`sympy.solve` for exact ones.
"""

from __future__ import annotations

from .._lazy import is_sympy, lazy_module

sp = lazy_module("sympy")

FLOAT_TOLERANCE = 1e-12


def tidy(value):
    """Simplify a constant sympy expression; leave anything else alone."""
    if is_sympy(value):
        return sp.simplify(value)
    return value


def is_decidable(value):
    """Whether ``value`` holds no free symbol, so comparisons with it can be decided."""
    return not (is_sympy(value) and value.free_symbols)


def is_above(left, right):
    """Whether ``left > right`` for certain (never true if it depends on a symbol)."""
    difference = left - right
    if not is_decidable(difference):
        return False
    if is_sympy(difference):
        positive = difference.is_positive
        if positive is not None:
            return bool(positive)
        difference = float(difference)
    if isinstance(difference, float):
        scale = max(1.0, abs(float(left)), abs(float(right)))
        return difference > FLOAT_TOLERANCE * scale
    return difference > 0


def larger(left, right):
    """``max(left, right)``, as ``sympy.Max`` when it depends on symbols."""
    if is_decidable(left - right):
        return right if is_above(right, left) else left
    return sp.Max(left, right)


def float_root(function, low, high):
    """A root of ``function`` on ``[low, high]``, where it changes sign (Brent's method)."""
    from scipy.optimize import brentq

    at_low, at_high = function(low), function(high)
    if at_low == 0 or at_high == 0:
        return low if at_low == 0 else high
    if at_low * at_high > 0:
        # Rounding at an end point of the interval: the nearer end is the root.
        return low if abs(at_low) < abs(at_high) else high
    return brentq(function, low, high, xtol=1e-15)


def symbolic_root(expression, symbol, low, high):
    """The root of ``expression`` in ``symbol`` on ``[low, high]``, exact when sympy can."""
    try:
        roots = sp.solve(expression, symbol)
    except NotImplementedError:
        roots = []
    inside = []
    for root in roots:
        if _may_lie_in(root, low, high) and not any(
            sp.simplify(root - other) == 0 for other in inside
        ):
            inside.append(root)
    if len(inside) == 1:
        return tidy(inside[0])
    if not inside and not (expression.free_symbols - {symbol}):
        numeric = sp.lambdify(symbol, expression, "math")
        return sp.Float(float_root(numeric, float(low), float(high)), 30)
    raise ValueError(
        f"cannot single out the root of {expression} = 0 for {symbol} in [{low}, {high}]; "
        f"candidates {inside!r}"
    )


def _may_lie_in(root, low, high):
    if root.is_real is False:
        return False
    if not root.free_symbols and not getattr(low, "free_symbols", None):
        value = complex(root.evalf(30))
        if abs(value.imag) > 1e-20:
            return False
        slack = FLOAT_TOLERANCE * max(1.0, abs(float(low)), abs(float(high)))
        return float(low) - slack <= value.real <= float(high) + slack
    return (sp.Ge(root, low) is not sp.false) and (sp.Le(root, high) is not sp.false)


def _cross(a, b):
    return a[0] * b[1] - a[1] * b[0]


def polygon_ray_exit(polygon, origin, direction):
    """The last point of a convex polygon on ``origin + t * direction`` (origin inside)."""
    points = polygon._points
    (d1, d2), (r1, r2) = origin, direction
    limit = 0
    if len(points) == 2:
        start, end = points
        edge = (end[0] - start[0], end[1] - start[1])
        if not is_above(abs(_cross(edge, direction)), 0):
            limit = max(
                0, *(((e1 - d1) * r1 + (e2 - d2) * r2) / (r1 * r1 + r2 * r2) for e1, e2 in points)
            )
    elif len(points) > 2:
        limit = None
        for start, end in zip(points, points[1:] + points[:1], strict=True):
            edge = (end[0] - start[0], end[1] - start[1])
            slope = _cross(edge, direction)
            if slope < 0:
                slack = _cross(edge, (d1 - start[0], d2 - start[1]))
                bound = max(0, slack / -slope)
                limit = bound if limit is None else min(limit, bound)
    return (d1 + limit * r1, d2 + limit * r2)


def graph_ray_exit(frontier, origin, direction):
    """The last point below a decreasing graph (free disposal) on a ray with ``direction >= 0``.

    1. A vertical ray stops on the graph above ``origin``; a horizontal one
       where the graph falls to ``origin``'s height.
    2. A ray that reaches the height ``f(lo)`` left of ``lo`` stops there (the
       set's flat top).
    3. A ray still below the graph at ``u1 = hi`` stops there (its right wall).
    4. Otherwise it crosses the graph once in between: solve for the crossing.
    """
    (low, high), (d1, d2), (r1, r2) = frontier.u1_range, origin, direction
    if r1 == 0:
        return (d1, frontier.value(larger(d1, low)))
    if r2 == 0:
        return (frontier.u1_at(d2), d2)
    top = frontier.value(low)
    reach = d1 + (top - d2) * r1 / r2
    if not is_above(reach, low):
        return (tidy(reach), top)
    height = d2 + (high - d1) * r2 / r1
    if not is_above(height, frontier.value(high)):
        return (high, tidy(height))
    start = larger(d1, low)
    if frontier.kind == "function":
        crossing = float_root(
            lambda x: frontier.function(x) - d2 - (x - d1) * r2 / r1, float(start), high
        )
    else:
        u1 = frontier.u1
        crossing = symbolic_root(frontier.function - d2 - (u1 - d1) * r2 / r1, u1, start, high)
    return (crossing, tidy(d2 + (crossing - d1) * r2 / r1))
