"""Vectorised plane geometry for payoff-set iterations in floating point.

Helpers shared by the repeated-game solvers: convex hulls that merge
repeated and collinear points, the span of a convex polygon along a family of
axis-parallel lines, and the Hausdorff distance between convex polygons.
Every routine accepts the degenerate polygons (single points and segments)
that arise when a payoff set collapses.
"""

from __future__ import annotations

import numpy as np

from .polygon import convex_hull


def hull_array(points):
    """Counter-clockwise hull vertices of ``points`` as a ``k x 2`` float array."""
    return np.array(convex_hull(np.asarray(points, dtype=float).tolist())).reshape(-1, 2)


def line_segment_bounds(vertices, axis, values, eps):
    """Where each line ``w[axis] = value`` meets a convex polygon.

    Parameters
    ----------
    vertices : numpy.ndarray
        ``k x 2`` polygon vertices in order (a point or a segment allowed).
    axis : {0, 1}
        The coordinate held fixed along each line.
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
    other = 1 - axis
    start, end = vertices, np.roll(vertices, -1, axis=0)
    x0, x1 = start[:, axis][None, :], end[:, axis][None, :]
    y0, y1 = start[:, other][None, :], end[:, other][None, :]
    c = np.asarray(values, dtype=float)[:, None]
    span = x1 - x0
    crosses = (c >= np.minimum(x0, x1) - eps) & (c <= np.maximum(x0, x1) + eps)
    steep = np.abs(span) > eps
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(steep, (c - x0) / np.where(steep, span, 1.0), 0.0), 0.0, 1.0)
    along = y0 + t * (y1 - y0)
    hits_start = crosses & (~steep | (np.abs(c - x0) <= eps))
    hits_end = crosses & ~steep
    candidates = np.concatenate(
        [
            np.where(crosses & steep, along, np.nan),
            np.where(hits_start, y0, np.nan),
            np.where(hits_end, y1, np.nan),
        ],
        axis=1,
    )
    found = ~np.isnan(candidates)
    low = np.where(found, candidates, np.inf).min(axis=1)
    high = np.where(found, candidates, -np.inf).max(axis=1)
    return low, high


def _distance_to_polygon(points, vertices):
    start, end = vertices, np.roll(vertices, -1, axis=0)
    edge = end - start
    length2 = np.einsum("ij,ij->i", edge, edge)
    offset = points[:, None, :] - start[None, :, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(length2 > 0, np.einsum("pkj,kj->pk", offset, edge) / length2, 0.0)
    nearest = start[None] + np.clip(t, 0.0, 1.0)[..., None] * edge[None]
    distance = np.linalg.norm(points[:, None, :] - nearest, axis=2).min(axis=1)
    # A polygon of (nearly) zero area is a segment: rounding can leave a
    # collinear point in a hull, and "inside" such a sliver means nothing.
    scale = max(1.0, float(np.abs(vertices).max()))
    twice_area = float(np.sum(start[:, 0] * end[:, 1] - start[:, 1] * end[:, 0]))
    if len(vertices) >= 3 and twice_area > 2e-12 * scale**2:
        cross = edge[None, :, 0] * offset[..., 1] - edge[None, :, 1] * offset[..., 0]
        distance = np.where(np.all(cross >= 0, axis=1), 0.0, distance)
    return distance


def hausdorff_distance(first, second):
    """Hausdorff distance between two convex polygons given by their vertices."""
    return float(
        max(_distance_to_polygon(first, second).max(), _distance_to_polygon(second, first).max())
    )


def _distance_to_segment(point, start, end):
    edge = end - start
    length2 = float(edge @ edge)
    t = 0.0 if length2 == 0 else float(np.clip((point - start) @ edge / length2, 0.0, 1.0))
    return float(np.hypot(*(point - start - t * edge)))


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
    points = [np.asarray(v, dtype=float) for v in vertices]
    while len(points) > 1 and _drop_first(
        points, lambda before, point, after: np.hypot(*(point - before)) <= tol
    ):
        pass
    while len(points) > 2 and _drop_first(
        points, lambda before, point, after: _distance_to_segment(point, before, after) <= tol
    ):
        pass
    return np.array(points).reshape(-1, 2)
