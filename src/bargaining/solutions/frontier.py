"""The Pareto frontier of a two-player bargaining set.

A bargaining problem ``(S, d)`` pairs a convex set ``S`` of payoff pairs with
a disagreement point ``d`` in ``S`` (Nash 1950). :class:`Frontier` holds
``S`` in one of three forms, and the solutions in this package ask it the
same few questions whatever the form:

``"polygon"`` (:meth:`Frontier.from_points`)
    ``S`` is the convex hull of finitely many points. Exact for integer and
    Fraction coordinates.
``"function"`` (:meth:`Frontier.from_function`)
    ``S`` is everything weakly below ``(u1, f(u1))`` for a strictly
    decreasing ``f`` on ``[lo, hi]`` (free disposal). Floats.
``"expression"`` (:meth:`Frontier.from_expr`)
    The same with ``f`` a sympy expression. Exact (sympy numbers) for
    rational data, expressions when ``f`` holds parameters.

References
----------
.. [1] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from .._lazy import is_sympy, lazy_module
from ..core import numbers as num
from ..core.polygon import ConvexPolygon
from . import _smooth

if TYPE_CHECKING:
    import sympy

    from .._typing import PointLike, Real, Scalar

sp = lazy_module("sympy")

SAMPLES = 65


class Frontier:
    """A bargaining set ``S``, described by its Pareto frontier.

    Build one with :meth:`from_points`, :meth:`from_function` or
    :meth:`from_expr`, not by calling the class.

    Attributes
    ----------
    kind : str
        ``"polygon"``, ``"function"`` or ``"expression"``.
    exact : bool
        Whether answers are exact (Fractions or sympy numbers).
    u1_range : tuple
        Player 1's payoffs along the frontier, lowest to highest.
    """

    # Which of these describe the set depends on ``kind``.
    polygon: Any
    chain: Any
    function: Any
    u1: Any
    u1_range: Any

    def __init__(
        self,
        kind: str,
        *,
        polygon: ConvexPolygon | None = None,
        function: Callable[[Any], Any] | sympy.Expr | None = None,
        u1: sympy.Symbol | None = None,
        u1_range: tuple[Scalar, Scalar] | None = None,
    ) -> None:
        self.kind = kind
        self.polygon = polygon
        self.function = function
        self.u1 = u1
        if kind == "polygon":
            self.chain = pareto_chain(self.polygon)
            u1_range = (self.chain[0][0], self.chain[-1][0])
        self.u1_range = u1_range
        self.exact = kind == "expression" or (kind == "polygon" and self.polygon.exact)

    def __repr__(self) -> str:
        if self.kind == "polygon":
            return f"Frontier.from_points({[tuple(v) for v in self.chain]})"
        shown = self.function if self.kind == "expression" else "f"
        return f"Frontier({self.kind}: u2 = {shown}, u1 in {self.u1_range})"

    @classmethod
    def from_points(cls, points: Iterable[PointLike]) -> Frontier:
        """The frontier of the convex hull of ``points`` (ints, Fractions or floats)."""
        try:
            points = [tuple(p) for p in points]
        except TypeError:
            raise ValueError(f"points must be payoff pairs (u1, u2), got {points!r}") from None
        if not points:
            raise ValueError("points must hold at least one payoff pair, got an empty set")
        if any(len(p) != 2 for p in points):
            raise ValueError(f"points must be pairs (u1, u2), got {points!r}")
        entries = [num.classify(c, "points") for p in points for c in p]
        kind = num.combine_kinds(k for k, _ in entries)
        if kind == num.SYMBOLIC:
            raise ValueError("points must be numbers; use Frontier.from_expr for symbolic sets")
        values = [num.convert(v, kind) for _, v in entries]
        return cls("polygon", polygon=ConvexPolygon(zip(values[::2], values[1::2], strict=True)))

    @classmethod
    def from_function(
        cls, function: Callable[[Any], Any], u1_range: tuple[Real, Real]
    ) -> Frontier:
        """The set below ``u2 = function(u1)``, ``u1`` in ``u1_range``; ``function`` must fall."""
        if not callable(function):
            raise ValueError(f"function must be callable, got {function!r}")
        low, high = _checked_range(u1_range)
        grid = np.linspace(low, high, SAMPLES)
        try:
            values = np.array([float(function(x)) for x in grid])
        except (TypeError, ArithmeticError) as error:
            raise ValueError(f"function must give numbers on u1_range: {error}") from None
        if not np.all(np.isfinite(values)):
            raise ValueError(f"function must be finite on u1_range {u1_range!r}")
        _check_decreasing(grid, values)
        return cls("function", function=function, u1_range=(float(low), float(high)))

    @classmethod
    def from_expr(
        cls, expr: sympy.Expr, u1: sympy.Symbol, u1_range: tuple[Scalar, Scalar]
    ) -> Frontier:
        """The set below ``u2 = expr`` (a sympy expression in the symbol ``u1``)."""
        if not is_sympy(expr) or not is_sympy(u1) or not u1.is_Symbol:
            raise ValueError(f"expr must be a sympy expression in the symbol u1, got {expr!r}")
        low, high = _checked_range(u1_range)
        low, high = num.to_sympy(low), num.to_sympy(high)
        if expr.free_symbols <= {u1}:
            grid = np.linspace(float(low), float(high), SAMPLES)
            values = np.array([float(expr.subs(u1, x)) for x in grid])
            _check_decreasing(grid, values)
        return cls("expression", function=expr, u1=u1, u1_range=(low, high))

    # --- Questions the solutions ask -----------------------------------------------
    def value(self, u1: Scalar) -> Scalar:
        """Player 2's frontier payoff when player 1 gets ``u1`` (within ``u1_range``)."""
        if self.kind == "polygon":
            return _interpolate(self.chain, u1)
        if self.kind == "expression":
            return _smooth.tidy(self.function.subs(self.u1, u1))
        return float(self.function(u1))

    def contains(self, point: PointLike) -> bool:
        """Whether ``point`` lies in the set ``S``."""
        if self.kind == "polygon":
            return self.polygon.contains(point)
        low, high = self.u1_range
        u1, u2 = point
        if _smooth.is_above(u1, high):
            return False
        return not _smooth.is_above(u2, self.value(_smooth.larger(u1, low)))

    def check_disagreement(self, disagreement: PointLike) -> tuple[Scalar, Scalar]:
        """``disagreement`` as a pair of numbers; ValueError if it lies outside ``S``."""
        if len(tuple(disagreement)) != 2:
            raise ValueError(f"disagreement must be a pair (d1, d2), got {disagreement!r}")
        values = [num.classify(c, "disagreement") for c in disagreement]
        kind = num.combine_kinds(k for k, _ in values)
        if self.kind == "expression":
            kind = num.SYMBOLIC
        elif not self.exact and kind == num.EXACT:
            kind = num.FLOAT
        point = tuple(num.convert(v, kind) for _, v in values)
        if self.kind == "polygon" and kind == num.SYMBOLIC:
            raise ValueError(f"disagreement must be numbers for a polygon, got {disagreement!r}")
        if kind != num.SYMBOLIC or not any(getattr(c, "free_symbols", ()) for c in point):
            if not self.contains(point):
                raise ValueError(f"disagreement point {disagreement!r} lies outside the set")
        return point

    def ideal_point(self, disagreement: PointLike) -> tuple[Scalar, Scalar]:
        """Each player's highest payoff in ``S`` among points weakly above ``disagreement``."""
        d1, d2 = disagreement
        if self.kind == "polygon":
            rational = self.polygon.clip(0, d1).clip(1, d2)
            return rational.max(0), rational.max(1)
        low = self.u1_range[0]
        return self.u1_at(d2), self.value(_smooth.larger(d1, low))

    def u1_at(self, u2: Scalar) -> Scalar:
        """Player 1's highest payoff in ``S`` given player 2 gets ``u2``."""
        low, high = self.u1_range
        if not _smooth.is_above(u2, self.value(high)):
            return high
        if self.kind == "polygon":
            return self.polygon.clip(1, u2).max(0)
        if self.kind == "function":
            return _smooth.float_root(lambda x: self.function(x) - u2, low, high)
        return _smooth.symbolic_root(self.function - u2, self.u1, low, high)

    def ray_exit(self, origin: PointLike, direction: PointLike) -> tuple[Scalar, Scalar]:
        """The last point of ``S`` on the ray ``origin + t * direction``, ``t >= 0``.

        A zero direction (no gains from trade: the ideal point is ``origin``)
        gives ``origin`` itself.
        """
        if all(_smooth.is_decidable(r) and not _smooth.is_above(abs(r), 0) for r in direction):
            return (origin[0], origin[1])
        if self.kind == "polygon":
            return _smooth.polygon_ray_exit(self.polygon, origin, direction)
        return _smooth.graph_ray_exit(self, origin, direction)


def pareto_chain(polygon: ConvexPolygon) -> list[tuple[Real, Real]]:
    """The Pareto-optimal vertices of a convex polygon, by increasing ``u1``.

    1. Take the hull's vertices counter-clockwise.
    2. Start at the vertex with the highest ``u1`` (ties: highest ``u2``).
    3. Walk counter-clockwise to the vertex with the highest ``u2`` (ties:
       highest ``u1``); the vertices passed are the strictly decreasing
       Pareto frontier.
    """
    if polygon.is_empty:
        raise ValueError("the bargaining set is empty")
    points = list(polygon._points)
    right = max(range(len(points)), key=lambda i: (points[i][0], points[i][1]))
    top = max(range(len(points)), key=lambda i: (points[i][1], points[i][0]))
    chain, index = [points[right]], right
    while index != top:
        index = (index + 1) % len(points)
        chain.append(points[index])
    return chain[::-1]


def _interpolate(chain, u1):
    for (x0, y0), (x1, y1) in itertools.pairwise(chain):
        if u1 <= x1:
            return y0 + (y1 - y0) * (u1 - x0) / (x1 - x0)
    return chain[-1][1]


def _checked_range(u1_range):
    try:
        low, high = u1_range
    except (TypeError, ValueError):
        raise ValueError(f"u1_range must be a pair (lo, hi), got {u1_range!r}") from None
    for value in (low, high):
        num.classify(value, "u1_range")
    if not low < high:
        raise ValueError(f"u1_range must have lo < hi, got {u1_range!r}")
    return low, high


def _check_decreasing(grid, values):
    rises = np.flatnonzero(np.diff(values) >= 0)
    if rises.size:
        i = rises[0]
        raise ValueError(
            "the frontier must be strictly decreasing, got u2 = "
            f"{values[i]:.6g} at u1 = {grid[i]:.6g} "
            f"and {values[i + 1]:.6g} at u1 = {grid[i + 1]:.6g}"
        )
