"""The operator of Abreu, Pearce and Stacchetti for every state at once, in lockstep.

:func:`bargaining.core.stochastic.aps.iterate` applies the operator state by
state and profile by profile, on arrays of a few vertices, so numpy's
per-call overhead dominates. Here each step handles all states and all
profiles in a fixed number of passes over padded arrays, as
:mod:`bargaining.core.repeated._batched` does for many repeated games. The
sets agree with the reference to rounding (about 1e-13 on the games tested);
the stopping rule is the same.

Algorithm
---------
Polygons are padded as in :mod:`~bargaining.core.repeated._batched`:
``vertices[s, :count[s]]`` are counter-clockwise, the remaining rows repeat
the first vertex, so consecutive rows are edges (the padding adds only
zero-length ones); an empty set has ``count`` 0. Profiles are padded to the
largest stage game and marked unenforceable.

1. Compute every state's punishments and, from them, the incentive corners
   of all (state, profile) pairs (step 2 of :mod:`~bargaining.core.stochastic.aps`).
2. Form the Minkowski combinations of all distinct transition rows together:
   every state's edges are sorted once by angle, and each row walks the
   weighted edges of the states it reaches in that common order, from the
   weighted sum of their lowest-left vertices. A row that reaches an empty
   set gives an empty combination.
3. Clip each enforceable pair's combination to its quadrant in one pass:
   the vertices inside, the crossings of the boundary lines, the corner.
4. Map the clipped points by ``(1 - delta) * g(s, a) + delta * w``, snap them
   to the grid of :func:`bargaining.core.polygon.convex_hull` and take each
   state's hull (with the previous iterate's vertices when the iteration
   grows) by a monotone chain without a stack (:func:`_hull`).
5. Stop by the rule of :func:`~bargaining.core.stochastic.aps.iterate`. The
   moves of the bounding boxes bound the Hausdorff steps from below, so the
   exact distances are computed only when the bound does not already rule
   convergence out, and at the last step.

References
----------
.. [1] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990)
   1041-1063.
.. [2] S. Yeltekin, Y. Cai and K. L. Judd, "Computing equilibria of dynamic
   games", Operations Research 65 (2017) 337-356.
.. [3] A. M. Andrew, "Another efficient algorithm for convex hulls in two
   dimensions", Information Processing Letters 9 (1979) 216-219.
"""

from __future__ import annotations

import numpy as np

from .aps import EMPTY, Correspondence, set_distance

#: Grid spacing of :func:`bargaining.core.polygon.convex_hull`, relative to the largest coordinate.
_GRID = 1e-13
#: Relative size of a turn that rounding can fake: collinear points on the grid turn by less.
_COLLINEAR = 1e-15
_REACHES = (1, 2, 4)
_PASSES = 1


def _pad(sets):
    """Padded vertices and counts of a list of vertex arrays."""
    count = np.array([len(v) for v in sets])
    vertices = np.zeros((len(sets), max(1, int(count.max())) + 1, 2))
    for s, v in enumerate(sets):
        if len(v):
            vertices[s] = v[0]
            vertices[s, : len(v)] = v
    return vertices, count


def _tables(stages):
    """Padded stage data: ``A``, ``B`` (``-inf`` off the game), ``T``, payoffs, row indices."""
    states = len(stages)
    rows = max(st.A.shape[0] for st in stages)
    columns = max(st.A.shape[1] for st in stages)
    A = np.full((states, rows, columns), -np.inf)
    B = np.full((states, rows, columns), -np.inf)
    T = np.zeros((states, rows, columns, states))
    for s, st in enumerate(stages):
        m, n = st.A.shape
        A[s, :m, :n], B[s, :m, :n], T[s, :m, :n] = st.A, st.B, st.T
    weights, row_of = np.unique(T.reshape(-1, states), axis=0, return_inverse=True)
    payoffs = np.stack([A, B], axis=-1).reshape(states, -1, 2)
    return A, B, T, np.where(np.isfinite(payoffs), payoffs, 0.0), weights, row_of.reshape(-1)


def _corners(A, B, T, punishment, delta):
    """Step 1: incentive corners of every (state, profile), ``states x profiles x 2``."""
    empty = ~np.isfinite(punishment[:, :1])
    expected = T @ np.concatenate([np.where(empty, 0.0, punishment), empty], axis=1)
    worst = np.where(expected[..., 2:] > 0, np.inf, delta * expected[..., :2])
    with np.errstate(invalid="ignore"):  # padded profiles give inf - inf: not enforceable
        row_best = ((1 - delta) * A + worst[..., 0]).max(axis=1, keepdims=True)
        column_best = ((1 - delta) * B + worst[..., 1]).max(axis=2, keepdims=True)
        corner = np.stack(
            [(row_best - (1 - delta) * A) / delta, (column_best - (1 - delta) * B) / delta], -1
        )
    return corner.reshape(A.shape[0], -1, 2)


def _combinations(vertices, count, weights):
    """Step 2: padded ``sum_t weights[r, t] * W(t)`` for every row ``r`` of ``weights``."""
    states = len(vertices)
    edges = vertices[:, 1:] - vertices[:, :-1]
    # Angles measured from straight down, as in aps.minkowski_combination: the
    # edge leaving a lowest-left vertex comes first.
    angle = np.mod(np.arctan2(edges[..., 1], edges[..., 0]) + np.pi / 2, 2 * np.pi)
    angle[angle == 0] = 2 * np.pi
    angle = np.where(np.any(edges != 0, axis=2), angle, np.inf)
    lowest_left = vertices[np.arange(states), angle.argmin(axis=1)]
    order = np.argsort(angle, axis=None, kind="stable")[: int(np.isfinite(angle).sum())]
    owner = order // edges.shape[1]
    steps = weights[:, owner, None] * edges.reshape(-1, 2)[order]
    steps, taken = _front(steps, weights[:, owner] > 0)
    steps = np.where(taken[..., None], steps, 0.0)
    start = weights @ lowest_left
    walk = start[:, None] + np.concatenate([np.zeros((len(steps), 1, 2)), np.cumsum(steps, 1)], 1)
    size = np.maximum(taken.sum(axis=1), 1)
    padding = np.arange(walk.shape[1])[None, :, None] >= size[:, None, None]
    walk = np.concatenate([np.where(padding, start[:, None], walk), start[:, None]], axis=1)
    empty = (weights[:, count == 0] > 0).any(axis=1)
    return walk, np.where(empty, 0, size)


def _front(points, valid):
    """Move each row's valid points to the front, in order, and drop the all-invalid tail."""
    width = valid.shape[1]
    order = np.argsort(~valid, axis=1, kind="stable")[:, : max(1, int(valid.sum(axis=1).max()))]
    flat = order + width * np.arange(len(valid))[:, None]
    return points.reshape(-1, 2)[flat], valid.ravel()[flat]


def _padded(points, valid):
    """Front-packed valid points, padded with each row's first one, and their counts."""
    points, valid = _front(points, valid)
    points = np.where(valid[..., None], points, points[:, :1])
    return np.concatenate([points, points[:, :1]], axis=1), valid.sum(axis=1)


def _clip(vertices, count, corner, eps):
    """Step 3: points whose hull is the part ``w >= corner`` of each padded polygon, and a mask.

    The part of a convex polygon in a quadrant is the hull of its vertices in
    the quadrant, of the points where its edges cross one boundary line within
    the other half-plane, and of the corner when the polygon holds it. Clipping
    by Sutherland and Hodgman would list the same points in order; the hull
    that follows does not need the order, so one pass serves every polygon.
    """
    start, end = vertices[:, :-1], vertices[:, 1:]
    edge = np.arange(start.shape[1])[None, :] < count[:, None]
    offset, offset_end = start - corner[:, None], end - corner[:, None]
    points, masks = [start], [np.all(offset >= -eps, axis=2) & edge]
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


def _hull(points, valid):
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
        chains, kept = _front(chains, kept & ~pruned)
        pruned = np.zeros_like(kept)
        for reach in _REACHES:
            if chains.shape[1] <= 2 * reach:
                break
            flat = _flat(chains[:, : -2 * reach], chains[:, reach:-reach], chains[:, 2 * reach :])
            pruned[:, reach:-reach] |= flat & kept[:, 2 * reach :]
    chains, kept = _front(chains, kept & ~pruned)
    last = kept.sum(axis=1) - 1
    chains = chains + 0.0  # no -0.0, whose differences would give vertical steps a slope -inf
    x, y = chains[..., 0], chains[..., 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (y[:, None, :] - y[:, :, None]) / (x[:, None, :] - x[:, :, None])
    # Capped so that a vertical step up wins over the padding's inf in argmin.
    slope = np.minimum(slope, np.finfo(float).max)
    index = np.arange(kept.shape[1])
    pairs = (index[:, None] < index[None, :]) & kept[:, :, None] & kept[:, None, :]
    steepest_in = np.where(pairs, slope, -np.inf).argmax(axis=1)
    flattest_out = np.where(pairs, slope, np.inf).argmin(axis=2)
    inner = (index[None, :] < last[:, None]) & kept
    inner[:, 0] = False
    at = rows[:, None]
    kept &= ~(inner & _flat(chains[at, steepest_in], chains, chains[at, flattest_out]))
    lower, upper = chains[: len(valid)], -chains[len(valid) :]
    lower_kept, upper_kept = kept[: len(valid)], kept[len(valid) :]
    ends = np.arange(len(valid)), last[: len(valid)]
    lower_kept[ends] = last[: len(valid)] == 0
    upper_kept[ends[0], last[len(valid) :]] = False
    return _padded(
        np.concatenate([lower, upper], axis=1), np.concatenate([lower_kept, upper_kept], axis=1)
    )


def _generate(vertices, count, tables, delta, eps, grow):
    """Steps 1-4: the next padded iterate."""
    A, B, T, payoffs, weights, row_of = tables
    states = len(vertices)
    punishment = np.where((count > 0)[:, None], vertices.min(axis=1), np.inf)
    corner = _corners(A, B, T, punishment, delta).reshape(-1, 2)
    combination, size = _combinations(vertices, count, weights)
    pairs = np.flatnonzero(np.all(np.isfinite(corner), axis=1) & (size[row_of] > 0))
    clipped, kept = _clip(combination[row_of[pairs]], size[row_of[pairs]], corner[pairs], eps)
    mapped = (1 - delta) * payoffs.reshape(-1, 1, 2)[pairs] + delta * clipped
    profiles = payoffs.shape[1]
    points = np.zeros((states * profiles, mapped.shape[1], 2))
    points[pairs] = mapped
    valid = np.zeros(points.shape[:2], dtype=bool)
    valid[pairs] = kept
    points, valid = points.reshape(states, -1, 2), valid.reshape(states, -1)
    if grow:
        points = np.concatenate([points, vertices], axis=1)
        rows = np.arange(vertices.shape[1])[None, :] < count[:, None]
        valid = np.concatenate([valid, rows], axis=1)
    points = np.where(valid[..., None], points, 0.0)
    largest = np.abs(points).max(axis=(1, 2))[:, None]
    grid = np.maximum(_GRID * largest, np.finfo(float).tiny)[..., None]
    return _hull(np.round(points / grid) * grid, valid)


def _bound(first, first_count, second, second_count):
    """A lower bound on the largest Hausdorff distance between the states' sets, cheaply.

    Infinite when a set is empty in one and not in the other; otherwise the
    largest move of a side of a bounding box, which no set can move less than.
    """
    if np.any((first_count > 0) != (second_count > 0)):
        return np.inf
    moves = np.concatenate(
        [first.min(axis=1) - second.min(axis=1), first.max(axis=1) - second.max(axis=1)], axis=1
    )
    return float(np.abs(moves[first_count > 0]).max(initial=0.0))


def _distance(first, first_count, second, second_count):
    """Step 5: the largest Hausdorff distance between the states' sets (0 between empty sets)."""
    return max(
        set_distance(a[:m], b[:n])
        for a, m, b, n in zip(first, first_count, second, second_count, strict=True)
    )


def _unpad(vertices, count):
    """Vertex arrays starting from the lowest-left vertex, as :func:`hull_array` gives them."""
    sets = []
    for v, n in zip(vertices, count, strict=True):
        v = v[:n]
        sets.append(np.roll(v, -np.lexsort((v[:, 1], v[:, 0]))[0], axis=0) if n else EMPTY)
    return sets


def iterate(sets, stages, delta, *, tol, scale, max_iter, grow=False):
    """:func:`bargaining.core.stochastic.aps.iterate` with every state and profile in lockstep.

    Parameters
    ----------
    sets : list of numpy.ndarray
        The starting correspondence, one counter-clockwise vertex array per state.
    stages : list of StageData
        Stage payoffs and transitions of every state.
    delta : float
        Common discount factor in (0, 1).
    tol, scale : float
        Stop when the largest Hausdorff step ``d`` has ``d * delta / (1 - delta)
        <= tol * scale``.
    max_iter : int
        Stop after this many steps even if not converged.
    grow : bool
        Keep the union with the previous iterate (the inner iteration).

    Returns
    -------
    Correspondence
        As :func:`~bargaining.core.stochastic.aps.iterate` returns it: the
        same sets to rounding, stopped by the same rule (a distance that lands
        on the threshold can end it one step earlier or later).
    """
    eps = 1e-12 * scale
    tables = _tables(stages)
    vertices, count = _pad(sets)
    distance, iteration, converged = np.inf, 0, False
    while iteration < max_iter and not converged:
        following, following_count = _generate(vertices, count, tables, delta, eps, grow)
        iteration += 1
        distance = _bound(vertices, count, following, following_count)
        # The exact distance is needed only where the bound does not already
        # rule convergence out, and at the last step, whose distance is reported.
        if distance < np.inf and (
            distance * delta / (1 - delta) <= tol * scale or iteration == max_iter
        ):
            distance = _distance(vertices, count, following, following_count)
        vertices, count = following, following_count
        converged = distance * delta / (1 - delta) <= tol * scale
    return Correspondence(_unpad(vertices, count), iteration, distance, converged)
