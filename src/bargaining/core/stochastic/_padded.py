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
_REACHES = (1, 2, 4)
_PASSES = 1


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


def _off_chain(chains, kept, last):
    """The kept points of each sorted chain that its lower hull (first to ``last``) skips."""
    rows, index = np.arange(len(kept)), np.arange(kept.shape[1])
    x, y = chains[..., 0], chains[..., 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (y[:, None, :] - y[:, :, None]) / (x[:, None, :] - x[:, :, None])
    # Capped so that a vertical step up wins over the padding's inf in argmin.
    slope = np.minimum(slope, np.finfo(float).max)
    pairs = (index[:, None] < index[None, :]) & kept[:, :, None] & kept[:, None, :]
    steepest_in = np.where(pairs, slope, -np.inf).argmax(axis=1)
    flattest_out = np.where(pairs, slope, np.inf).argmin(axis=2)
    inner = (index[None, :] < last[:, None]) & kept
    inner[:, 0] = False
    at = rows[:, None]
    return inner & _flat(chains[at, steepest_in], chains, chains[at, flattest_out])


def hulls(points: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Padded counter-clockwise hulls of each row's valid points, and their vertex counts.

    Andrew's monotone chain without its stack: the lower hull, in
    lexicographic order, keeps the first and the last point and every point
    ``p`` that turns strictly left from the point before it that it sees at
    the steepest slope to the point after it that it sees at the flattest;
    the upper hull is the lower hull of the points turned by 180 degrees.
    Points on or above the chord between the chain's ends are dropped first,
    and then, ``_PASSES`` times, every point that does not turn strictly
    left between its neighbours 1, 2 or 4 places away, so that the all-pairs
    slopes are taken over few points. The hull starts from the lowest-left
    vertex, as :func:`~bargaining.core.polygon.hull_array` does.
    """
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
    for _ in range(_PASSES):
        chains, kept = front(chains, kept & ~pruned)
        pruned = np.zeros_like(kept)
        for reach in _REACHES:
            if chains.shape[1] <= 2 * reach:
                break
            flat = _flat(chains[:, : -2 * reach], chains[:, reach:-reach], chains[:, 2 * reach :])
            pruned[:, reach:-reach] |= flat & kept[:, 2 * reach :]
    chains, kept = front(chains, kept & ~pruned)
    last = kept.sum(axis=1) - 1
    chains = chains + 0.0  # no -0.0, whose differences would give vertical steps a slope -inf
    # The all-pairs slopes cost the square of a chain's length: chains of
    # similar lengths go together, so that a long one does not pad the rest.
    length = np.ceil(np.log2(last + 2)).astype(int)
    for bucket in np.unique(length):
        group = np.flatnonzero(length == bucket)
        width = max(1, int(last[group].max()) + 1)
        kept[group, :width] &= ~_off_chain(chains[group, :width], kept[group, :width], last[group])
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
