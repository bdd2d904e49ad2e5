"""Padded convex polygons: many vertex arrays as the rows of one array, handled in one pass.

A row holds a polygon's vertices counter-clockwise, ``vertices[r, :count[r]]``,
and repeats its first vertex in the remaining columns, so consecutive
columns are edges (the padding adds only zero-length ones); an empty set has
``count`` 0. The functions here clip such rows to quadrants and take the
convex hulls of rows of points, with no Python loop over the rows: they are
the polygon kernels of the lockstep iteration
(:mod:`bargaining.core.stochastic._lockstep`).

References
----------
.. [1] A. M. Andrew, "Another efficient algorithm for convex hulls in two
   dimensions", Information Processing Letters 9 (1979) 216-219.
"""

from __future__ import annotations

import numpy as np

from .aps import EMPTY

#: Relative size of a turn that rounding can fake: collinear points on the grid turn by less.
_COLLINEAR = 1e-15
_REACHES = (1, 2, 4, 8, 16)
#: From this many rows on, :func:`hulls` groups them by length: fewer pay less than a pass costs.
_GROUPED_ROWS = 32


def pad(sets: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Padded vertices and counts of a list of vertex arrays."""
    count = np.array([len(v) for v in sets])
    vertices = np.zeros((len(sets), max(1, int(count.max())) + 1, 2))
    for s, v in enumerate(sets):
        if len(v):
            vertices[s] = v[0]
            vertices[s, : len(v)] = v
    return vertices, count


def front(points: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Move each row's valid points to the front, in order, and drop the all-invalid tail."""
    width = valid.shape[1]
    order = np.argsort(~valid, axis=1, kind="stable")[:, : max(1, int(valid.sum(axis=1).max()))]
    flat = order + width * np.arange(len(valid))[:, None]
    return points.reshape(-1, 2)[flat], valid.ravel()[flat]


def packed(points: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Front-packed valid points, padded with each row's first one, and their counts."""
    points, valid = front(points, valid)
    points = np.where(valid[..., None], points, points[:, :1])
    return np.concatenate([points, points[:, :1]], axis=1), valid.sum(axis=1)


def clip_to_quadrants(
    vertices: np.ndarray, count: np.ndarray, corner: np.ndarray, eps: float | np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Points whose hull is the part ``w >= corner`` of each padded polygon, and a mask.

    The part of a convex polygon in a quadrant is the hull of its vertices in
    the quadrant, of the points where its edges cross one boundary line within
    the other half-plane, and of the corner when the polygon holds it. Clipping
    by Sutherland and Hodgman would list the same points in order; the hull
    that follows does not need the order, so one pass serves every polygon.
    ``eps`` (the slack of a point on a boundary) is one number or one per row.
    """
    eps = np.reshape(eps, (-1, 1))
    start, end = vertices[:, :-1], vertices[:, 1:]
    edge = np.arange(start.shape[1])[None, :] < count[:, None]
    offset, offset_end = start - corner[:, None], end - corner[:, None]
    points, masks = [start], [np.all(offset >= -eps[..., None], axis=2) & edge]
    for axis in (0, 1):
        other = 1 - axis
        before, after = offset[..., axis], offset_end[..., axis]
        crosses = (before * after < 0) & edge
        share = np.divide(before, before - after, out=np.zeros_like(before), where=crosses)
        crossing = start + share[..., None] * (end - start)
        crossing[..., axis] = corner[:, axis, None]
        points.append(crossing)
        masks.append(crosses & (crossing[..., other] >= corner[:, other, None] - eps))
        if axis == 0:
            crosses_line, line_heights = crosses, crossing[..., 1]
    # Where the polygon meets the line w_0 = corner_0: its crossings there and its vertices on it.
    meets = np.concatenate([crosses_line, edge & (np.abs(offset[..., 0]) <= eps)], axis=1)
    heights = np.concatenate([line_heights, start[..., 1]], axis=1)
    low = np.where(meets, heights, np.inf).min(axis=1)
    high = np.where(meets, heights, -np.inf).max(axis=1)
    points.append(corner[:, None])
    masks.append(((low <= corner[:, 1]) & (corner[:, 1] <= high))[:, None])
    return np.concatenate(points, axis=1), np.concatenate(masks, axis=1)


def _flat(before, vertex, after):
    """Whether each ``vertex`` fails to turn strictly left between ``before`` and ``after``."""
    out, back = vertex - before, after - before
    ahead, across = out[..., 0] * back[..., 1], out[..., 1] * back[..., 0]
    return ahead - across <= _COLLINEAR * (np.abs(ahead) + np.abs(across))


def hulls(points: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Padded counter-clockwise hulls of each row's valid points, and their vertex counts.

    Andrew's monotone chain without its stack: the lower hull of the points
    in lexicographic order is the chain through them, from the first to the
    last, that turns strictly left at every point; the upper hull is the
    lower hull of the points turned by 180 degrees. Points on or above the
    chord between a chain's ends are dropped first; then, pass after pass,
    every point that does not turn strictly left between the kept
    neighbours 1, 2 or 4 places away (it lies on or above a segment between
    two points, so it is no vertex), until a pass drops none: the chain left
    turns left everywhere. Each pass is linear in the points, and a few
    passes do. The hull starts from the lowest-left vertex, as
    :func:`~bargaining.core.polygon.hull_array` does.

    The work of a pass grows with its longest row, so when there are many
    rows, those of similar lengths (within a factor of two) go together.
    """
    points, valid = front(points, valid)
    counts = valid.sum(axis=1)
    length = np.ceil(np.log2(counts + 1)).astype(int)
    if len(valid) < _GROUPED_ROWS or np.all(length == length[0]):
        return _hulls_of(points, valid)
    groups = [np.flatnonzero(length == bucket) for bucket in np.unique(length)]
    widths = [max(1, int(counts[g].max())) for g in groups]
    found = [_hulls_of(points[g, :w], valid[g, :w]) for g, w in zip(groups, widths, strict=True)]
    width = max(group_vertices.shape[1] for group_vertices, _ in found)
    vertices, count = np.zeros((len(valid), width, 2)), np.zeros(len(valid), dtype=int)
    for group, (group_vertices, group_count) in zip(groups, found, strict=True):
        vertices[group], count[group] = _widened(group_vertices, width), group_count
    return vertices, count


def _widened(vertices, width):
    """Padded rows widened to at least ``width`` columns by repeating their first vertex."""
    extra = width - vertices.shape[1]
    if extra <= 0:
        return vertices
    return np.concatenate([vertices, np.repeat(vertices[:, :1], extra, axis=1)], axis=1)


def _hulls_of(points, valid):
    """:func:`hulls` in one pass over all rows."""

    key = np.where(valid[..., None], points, np.inf).view(complex)[..., 0]
    width = max(1, int(valid.sum(axis=1).max()))
    order = np.argsort(key, axis=1)[:, :width]  # complex numbers sort lexicographically
    flat = order + valid.shape[1] * np.arange(len(valid))[:, None]
    points, kept = points.reshape(-1, 2)[flat], valid.ravel()[flat]
    kept[:, 1:] &= np.any(points[:, 1:] != points[:, :-1], axis=2)
    chains = np.concatenate([points, -points[:, ::-1]])
    kept = np.concatenate([kept, kept[:, ::-1]])
    rows, index = np.arange(len(kept)), np.arange(kept.shape[1])
    first, last = kept.argmax(axis=1), kept.shape[1] - 1 - kept[:, ::-1].argmax(axis=1)
    inner = kept & (index > first[:, None]) & (index < last[:, None])
    pruned = inner & _flat(chains[rows, first][:, None], chains, chains[rows, last][:, None])
    while True:
        chains, kept = front(chains, kept & ~pruned)
        pruned = np.zeros_like(kept)
        for reach in _REACHES:
            if chains.shape[1] <= 2 * reach:
                break
            flat = _flat(chains[:, : -2 * reach], chains[:, reach:-reach], chains[:, 2 * reach :])
            pruned[:, reach:-reach] |= flat & kept[:, 2 * reach :]
        if not pruned.any():
            break
    last = kept.sum(axis=1) - 1
    lower, upper = chains[: len(valid)], -chains[len(valid) :]
    lower_kept, upper_kept = kept[: len(valid)], kept[len(valid) :]
    ends = np.arange(len(valid)), last[: len(valid)]
    lower_kept[ends] = last[: len(valid)] == 0
    upper_kept[ends[0], last[len(valid) :]] = False
    return packed(
        np.concatenate([lower, upper], axis=1), np.concatenate([lower_kept, upper_kept], axis=1)
    )


def unpad(vertices: np.ndarray, count: np.ndarray) -> list[np.ndarray]:
    """Vertex arrays rolled to start at the lowest-left vertex, as ``hull_array`` gives them."""
    sets = []
    for v, n in zip(vertices, count, strict=True):
        v = v[:n]
        sets.append(np.roll(v, -np.lexsort((v[:, 1], v[:, 0]))[0], axis=0) if n else EMPTY)
    return sets
