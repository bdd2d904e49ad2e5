"""Convex polygons in the payoff plane, exact for exact input.

Feasible and individually rational payoff sets of a two-player game are
convex polygons, and in degenerate cases segments, single points or empty.
:class:`ConvexPolygon` treats all of these alike. Coordinates stay
:class:`~fractions.Fraction` when they come in as such, so problem-set keys
can quote vertices exactly; floats are compared with a tolerance scaled to
the data.

:func:`convex_hull` is the one hull routine, exact for exact input and
snapped to a grid for floats; :func:`hull_array` gives it as a float array.
The vectorised helpers below serve the repeated-game solvers: the span of a
convex polygon along axis-parallel lines, the Hausdorff distance between
convex polygons and the removal of nearly redundant vertices. Every routine
accepts the degenerate polygons (single points and segments) that arise when
a payoff set collapses.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from typing import Self

    from .._typing import PointLike, Real


def _cross(origin, a, b):
    return (a[0] - origin[0]) * (b[1] - origin[1]) - (a[1] - origin[1]) * (b[0] - origin[0])


def _is_exact(points):
    return all(isinstance(c, int | Fraction) for p in points for c in p)


def _monotone_chain(points):
    """Hull of sorted, distinct points with exact orientation tests."""
    if len(points) <= 2:
        return points

    def half(sequence):
        chain = []
        for point in sequence:
            while len(chain) >= 2 and _cross(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain

    lower, upper = half(points), half(reversed(points))
    hull = lower[:-1] + upper[:-1]
    return hull if len(hull) > 1 else hull[:1]


def convex_hull(
    points: Iterable[PointLike], relative_tol: float = 1e-13
) -> list[tuple[Real, Real]]:
    """Extreme points of ``points`` in counter-clockwise order.

    Andrew's monotone chain (Andrew 1979) with exact orientation tests.
    Collinear and repeated points are dropped, so a segment comes back as its
    two ends and a point as itself. Floats are first snapped to a grid of
    spacing ``relative_tol`` times the largest coordinate and handled as integers: rounding noise
    can then neither reorder nearly equal points nor flip a turn, which is
    what makes iterated hulls of collapsing payoff sets stable.

    Parameters
    ----------
    points : iterable of pairs
        Coordinates as Fractions (exact) or floats.
    relative_tol : float
        Grid spacing for floats, relative to the largest absolute coordinate,
        so that tiny and huge coordinates keep the same relative precision.

    Returns
    -------
    list of tuple
        The hull's vertices, counter-clockwise, starting from the lowest-left.
    """
    points = [tuple(p) for p in points]
    if not points or _is_exact(points):
        return _monotone_chain(sorted(set(points)))
    largest = max(abs(float(c)) for p in points for c in p)
    grid = max(relative_tol * largest, np.finfo(float).tiny)
    snapped = sorted({(round(float(x) / grid), round(float(y) / grid)) for x, y in points})
    return [(x * grid, y * grid) for x, y in _monotone_chain(snapped)]


class ConvexPolygon:
    """A convex polygon, segment, point or empty set in the plane.

    Parameters
    ----------
    points : iterable of pairs
        Any points; the polygon is their convex hull.

    Attributes
    ----------
    vertices : numpy.ndarray
        ``k x 2`` array of extreme points, counter-clockwise. ``k = 1`` for a
        point, ``k = 2`` for a segment, ``k = 0`` for the empty set. The dtype
        is ``object`` (Fractions) for exact input and ``float`` otherwise.
    """

    def __init__(self, points: Iterable[PointLike]) -> None:
        self._points: list[tuple[Any, Any]] = convex_hull([_point(p, "points") for p in points])
        self.exact = _is_exact(self._points)
        dtype = object if self.exact else float
        self.vertices = np.array(self._points, dtype=dtype).reshape(len(self._points), 2)

    def __repr__(self) -> str:
        shown = ", ".join(f"({_show(x)}, {_show(y)})" for x, y in self._points)
        return f"{type(self).__name__}([{shown}])"

    def __len__(self) -> int:
        return len(self._points)

    @property
    def is_empty(self) -> bool:
        return not self._points

    @property
    def is_point(self) -> bool:
        return len(self._points) == 1

    @property
    def is_segment(self) -> bool:
        return len(self._points) == 2

    @property
    def area(self) -> Real:
        """Area by the shoelace formula (0 for points and segments)."""
        pts = self._points
        if len(pts) < 3:
            return Fraction(0) if self.exact else 0.0
        twice = sum(_cross((0, 0), pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts)))
        return twice / 2

    def max(self, player: int) -> Real:
        """Highest payoff of ``player`` (0 = row, 1 = column) over the set."""
        return max(p[_check_player(player)] for p in self._nonempty())

    def min(self, player: int) -> Real:
        """Lowest payoff of ``player`` (0 = row, 1 = column) over the set."""
        return min(p[_check_player(player)] for p in self._nonempty())

    def contains(self, point: PointLike, tol: float = 1e-9) -> bool:
        """Whether ``point`` lies in the set (boundary included, within ``tol``)."""
        point = _point(point, "point")
        pts = self._points
        if not pts:
            return False
        tol = 0 if self.exact and _is_exact([point]) else tol
        scale = 1 if tol == 0 else max(1.0, *(abs(float(c)) for p in pts for c in p))
        if len(pts) == 1:
            return all(abs(a - b) <= tol * scale for a, b in zip(pts[0], point, strict=True))
        if len(pts) == 2:
            start, end = pts
            length = max(abs(end[0] - start[0]), abs(end[1] - start[1]))
            if abs(_cross(start, end, point)) > tol * scale * max(length, 1):
                return False
            return all(
                min(s, e) - tol * scale <= c <= max(s, e) + tol * scale
                for s, e, c in zip(start, end, point, strict=True)
            )
        edges = zip(pts, pts[1:] + pts[:1], strict=True)
        return all(_cross(a, b, point) >= -tol * scale * scale for a, b in edges)

    def clip(self, player: int, lower_bound: Real) -> Self:
        """The part of the set where ``player``'s payoff is at least ``lower_bound``."""
        axis = _check_player(player)
        lower_bound = _coordinate(lower_bound, "lower_bound")
        pts = self._points
        if len(pts) == 1:
            return type(self)(pts if pts[0][axis] >= lower_bound else [])
        kept = []
        for current, following in zip(pts, pts[1:] + pts[:1], strict=True):
            if current[axis] >= lower_bound:
                kept.append(current)
            if (current[axis] - lower_bound) * (following[axis] - lower_bound) < 0:
                share = (lower_bound - current[axis]) / (following[axis] - current[axis])
                kept.append(
                    tuple(c + share * (f - c) for c, f in zip(current, following, strict=True))
                )
        return type(self)(kept)

    def _nonempty(self):
        if not self._points:
            raise ValueError("the set is empty")
        return self._points


def _coordinate(value, name):
    """A finite real coordinate as an int, Fraction or float; ValueError otherwise."""
    if isinstance(value, float):  # the common case first (numpy floats included)
        if not math.isfinite(value):
            raise ValueError(f"{name} must hold finite numbers, got {value!r}")
        return float(value)
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must hold real numbers, got {value!r}")
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, Fraction):
        return value
    if not math.isfinite(value):
        raise ValueError(f"{name} must hold finite numbers, got {value!r}")
    return float(value)


def _point(point, name):
    try:
        x, y = point
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be pairs of numbers, got {point!r}") from None
    return _coordinate(x, name), _coordinate(y, name)


def _check_player(player):
    if player not in (0, 1):
        raise ValueError(f"player must be 0 (row) or 1 (column), got {player!r}")
    return player


def _show(value):
    return str(value) if isinstance(value, Fraction) else f"{value:.10g}"


def hull_array(points):
    """Counter-clockwise hull vertices of ``points`` as a ``k x 2`` float array.

    The same hull as :func:`convex_hull` on floats, with the snapping to the
    grid done in numpy: the iterations call it once a step.
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if not len(points):
        return np.empty((0, 2))
    grid = max(1e-13 * float(np.abs(points).max()), np.finfo(float).tiny)
    snapped = np.rint(points / grid).astype(np.int64)
    chain = _monotone_chain(sorted(set(map(tuple, snapped.tolist()))))
    return np.array(chain, dtype=float).reshape(-1, 2) * grid


def clip_array(vertices: np.ndarray, axis: int, lower_bound: float) -> np.ndarray:
    """The part of a float convex polygon where coordinate ``axis`` is at least ``lower_bound``.

    :meth:`ConvexPolygon.clip` on a ``k x 2`` array of counter-clockwise
    vertices, with the same arithmetic (so the same floats) and the hull of
    the result taken by :func:`hull_array`.
    """
    vertices = np.asarray(vertices, dtype=float).reshape(-1, 2)
    if len(vertices) <= 1:
        return vertices[vertices[:, axis] >= lower_bound]
    following = np.roll(vertices, -1, axis=0)
    above = vertices[:, axis] - lower_bound
    crossing = above * (following[:, axis] - lower_bound) < 0
    with np.errstate(divide="ignore", invalid="ignore"):  # only crossing edges are used
        share = (lower_bound - vertices[:, axis]) / (following[:, axis] - vertices[:, axis])
        crossed = vertices + share[:, None] * (following - vertices)
    kept = np.stack([vertices, crossed], axis=1)
    keep = np.stack([above >= 0, crossing], axis=1)
    return hull_array(kept[keep])


def line_segment_bounds(vertices, axis, values, eps):
    """Where each line ``w[axis] = value`` meets a convex polygon.

    Parameters
    ----------
    vertices : numpy.ndarray
        ``k x 2`` polygon vertices in order (a point or a segment allowed).
    axis : {0, 1} or numpy.ndarray
        The coordinate held fixed along each line: one for all lines, or one
        per line (an integer array like ``values``), so that the lines of
        both directions are met in one pass.
    values : numpy.ndarray
        ``K`` line positions.
    eps : float
        Absolute tolerance for touching a vertex or an edge.

    Returns
    -------
    low, high : numpy.ndarray
        For each line the least and greatest other coordinate of the
        polygon's points on it; ``inf`` and ``-inf`` where it misses.
    """
    c = np.asarray(values, dtype=float)[:, None]
    axis = np.broadcast_to(np.asarray(axis, dtype=np.intp), c.shape[:1])
    start = vertices.T
    end = vertices[np.arange(1, len(vertices) + 1) % len(vertices)].T
    x0, x1 = start[axis], end[axis]
    y0, y1 = start[1 - axis], end[1 - axis]
    span = x1 - x0
    crosses = (c >= np.minimum(x0, x1) - eps) & (c <= np.maximum(x0, x1) + eps)
    steep = np.abs(span) > eps
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(steep, (c - x0) / np.where(steep, span, 1.0), 0.0), 0.0, 1.0)
    along = y0 + t * (y1 - y0)
    flat = crosses & ~steep
    hits_start = flat | (crosses & (np.abs(c - x0) <= eps))
    low = np.minimum(
        np.where(crosses & steep, along, np.inf),
        np.minimum(np.where(hits_start, y0, np.inf), np.where(flat, y1, np.inf)),
    ).min(axis=1)
    high = np.maximum(
        np.where(crosses & steep, along, -np.inf),
        np.maximum(np.where(hits_start, y0, -np.inf), np.where(flat, y1, -np.inf)),
    ).max(axis=1)
    return low, high


def _distance_to_polygon(points, vertices):
    start = vertices
    edge = vertices[np.arange(1, len(vertices) + 1) % len(vertices)] - start
    length2 = edge[:, 0] * edge[:, 0] + edge[:, 1] * edge[:, 1]
    dx = points[:, 0, None] - start[:, 0]
    dy = points[:, 1, None] - start[:, 1]
    along = dx * edge[:, 0] + dy * edge[:, 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(length2 > 0, along / length2, 0.0), 0.0, 1.0)
    distance = np.sqrt(((dx - t * edge[:, 0]) ** 2 + (dy - t * edge[:, 1]) ** 2).min(axis=1))
    # A polygon of (nearly) zero area is a segment: rounding can leave a
    # collinear point in a hull, and "inside" such a sliver means nothing.
    scale = max(1.0, float(np.abs(vertices).max()))
    cross = edge[:, 0] * dy - edge[:, 1] * dx
    twice_area = float(np.dot(start[:, 0], edge[:, 1]) - np.dot(start[:, 1], edge[:, 0]))
    if len(vertices) >= 3 and twice_area > 2e-12 * scale**2:
        distance[(cross >= 0).all(axis=1)] = 0.0
    return distance


def distance_to_polygon(points: np.ndarray, vertices: np.ndarray) -> np.ndarray:
    """Euclidean distance from each of ``points`` (``k x 2``) to a convex polygon; 0 inside.

    ``vertices`` are the polygon's, counter-clockwise, as :func:`hull_array`
    gives them (one vertex for a point, two for a segment).
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    return _distance_to_polygon(points, np.asarray(vertices, dtype=float).reshape(-1, 2))


def hausdorff_distance(first, second):
    """Hausdorff distance between two convex polygons given by their vertices."""
    return float(
        max(_distance_to_polygon(first, second).max(), _distance_to_polygon(second, first).max())
    )


def _distance_to_segment(point, start, end):
    ex, ey = end[0] - start[0], end[1] - start[1]
    length2 = ex * ex + ey * ey
    px, py = point[0] - start[0], point[1] - start[1]
    t = 0.0 if length2 == 0 else min(max((px * ex + py * ey) / length2, 0.0), 1.0)
    return math.hypot(px - t * ex, py - t * ey)


def _drop_first(points, redundant):
    for i in range(len(points)):
        if redundant(points[i - 1], points[i], points[(i + 1) % len(points)]):
            del points[i]
            return True
    return False


def simplify_polygon(vertices, tol):
    """Merge vertices within ``tol`` of a neighbour or of the edge joining their neighbours.

    Used once an iteration has converged, so that a set reported "to ``tol``"
    lists each extreme point once, and a sliver that has converged to a
    segment or a point is returned as one.
    """
    points = np.asarray(vertices, dtype=float).reshape(-1, 2).tolist()
    while len(points) > 1 and _drop_first(
        points,
        lambda before, point, after: math.hypot(point[0] - before[0], point[1] - before[1])
        <= tol,
    ):
        pass
    while len(points) > 2 and _drop_first(
        points, lambda before, point, after: _distance_to_segment(point, before, after) <= tol
    ):
        pass
    return np.array(points, dtype=float).reshape(-1, 2)
