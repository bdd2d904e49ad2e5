"""The Abreu-Sannikov iteration for many games at once, in lockstep.

Sweeps over automation and patience solve thousands of small games of one
shape. Iterating them one by one spends most of the time in interpreter
overhead; here every step of :mod:`bargaining.core.repeated.abreu_sannikov` runs on
all unconverged games together as numpy array operations, and a game leaves
the batch as soon as it has converged.

Algorithm
---------
Polygons are stored padded: ``vertices[g, :count[g]]`` are game ``g``'s
vertices counter-clockwise and the remaining rows repeat the first vertex,
so consecutive rows are always edges (the padding adds only zero-length
edges at a vertex).

1. Start from the hulls of the stage payoffs.
2. For the active games compute punishment points and incentive corners
   (step 2 of the single-game algorithm) for all profiles at once.
3. Intersect every polygon with the two lines through each corner and form
   the at most four binding points per profile, plus the stationary payoffs
   (steps 3-4), as one ``games x candidates x 2`` array with a validity mask.
   A game without a valid candidate has an empty payoff set: it leaves the
   batch with no vertices. A game whose only profile with valid candidates
   is a pure stage equilibrium, its stage payoff among them, has collapsed
   onto that payoff (step 5 of the single-game algorithm, where the
   shortcut is derived): it leaves the batch with that point.
4. Take all hulls together by gift wrapping (Jarvis 1973): from the
   lowest-left point, repeatedly turn to the candidate at the smallest
   counter-clockwise angle, the farthest among equal angles, until the walk
   returns to its start.
5. Measure each game's Hausdorff step, retire the games that have converged,
   and repeat from step 2.
6. Simplify each final polygon as the single-game algorithm does.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
.. [2] R. A. Jarvis, "On the identification of the convex hull of a finite
   set of points in the plane", Information Processing Letters 2 (1973)
   18-21.
"""

from __future__ import annotations

import numpy as np

from ..polygon import simplify_polygon
from .abreu_sannikov import Iterates


def _span(vertices, axis, values, eps):
    """Batched :func:`~bargaining.core.polygon.line_segment_bounds` on padded polygons."""
    other = 1 - axis
    x0, x1 = vertices[:, None, :-1, axis], vertices[:, None, 1:, axis]
    y0, y1 = vertices[:, None, :-1, other], vertices[:, None, 1:, other]
    c = values[:, :, None]
    tol = eps[:, None, None]
    crosses = (c >= np.minimum(x0, x1) - tol) & (c <= np.maximum(x0, x1) + tol)
    steep = np.abs(x1 - x0) > tol
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.clip(np.where(steep, (c - x0) / np.where(steep, x1 - x0, 1.0), 0.0), 0.0, 1.0)
    on_line = y0 + t * (y1 - y0)
    sloped, flat = crosses & steep, crosses & ~steep
    low = np.minimum(
        np.where(sloped, on_line, np.inf), np.where(flat, np.minimum(y0, y1), np.inf)
    ).min(axis=2)
    high = np.maximum(
        np.where(sloped, on_line, -np.inf), np.where(flat, np.maximum(y0, y1), -np.inf)
    ).max(axis=2)
    return low, high


def _candidates(vertices, count, payoffs, gains, delta, eps):
    """Steps 2-3 for a batch: candidate points and their validity."""
    rows = np.arange(vertices.shape[1])[None, :, None]
    punishment = np.where(rows < count[:, None, None], vertices, np.inf).min(axis=1)
    weight = ((1 - delta) / delta)[:, None, None]
    corner = punishment[:, None, :] + weight * gains
    d = delta[:, None, None]
    points, masks = [], []
    for axis in (0, 1):
        other = 1 - axis
        low, high = _span(vertices, axis, corner[..., axis], eps)
        reach = high >= corner[..., other] - eps[:, None]
        for end in (np.maximum(low, corner[..., other]), high):
            w = np.empty_like(corner)
            w[..., axis], w[..., other] = corner[..., axis], end
            points.append((1 - d) * payoffs + d * w)
            masks.append(reach)
    low, high = _span(vertices, 0, payoffs[..., 0], eps)
    e = eps[:, None]
    stationary = (
        np.all(payoffs >= corner - e[..., None], axis=2)
        & (low - e <= payoffs[..., 1])
        & (payoffs[..., 1] <= high + e)
    )
    points.append(payoffs)
    masks.append(stationary)
    return np.concatenate(points, axis=1), np.concatenate(masks, axis=1)


def _collapsed_onto(valid, gains):
    """Step 5 of the single-game algorithm for a batch: each game's profile, or -1.

    ``valid`` holds the five candidate blocks of :func:`_candidates`, profile
    by profile; the last block is the stage payoffs.
    """
    games, profiles = gains.shape[:2]
    blocks = valid.reshape(games, 5, profiles)
    producers = blocks.any(axis=1)
    profile = np.argmax(producers, axis=1)
    index = np.arange(games)
    collapsed = (
        (producers.sum(axis=1) == 1)
        & blocks[index, 4, profile]
        & ~gains[index, profile].any(axis=1)
    )
    return np.where(collapsed, profile, -1)


def _pseudo_angle(along, across):
    """A monotone stand-in for the angle ``atan2(across, along) mod 2 pi``, in [0, 4)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = along / (np.abs(along) + np.abs(across))
    return np.where(across >= 0, 1 - ratio, 3 + ratio)


def _compact(points, valid):
    """Move each game's valid points to the front and drop the all-invalid tail."""
    order = np.argsort(~valid, axis=1, kind="stable")
    width = max(1, int(valid.sum(axis=1).max()))
    order = order[:, :width]
    return np.take_along_axis(points, order[..., None], axis=1), np.take_along_axis(
        valid, order, axis=1
    )


def _hulls(points, valid, eps):
    """Step 4: padded counter-clockwise hulls of each game's valid points."""
    points, valid = _compact(points, valid)
    games, size = valid.shape
    index = np.arange(games)
    points = np.where(valid[..., None], points, 0.0)
    x = np.where(valid, points[..., 0], np.inf)
    leftmost = x <= x.min(axis=1, keepdims=True) + eps[:, None]
    start = np.argmin(np.where(leftmost, points[..., 1], np.inf), axis=1)
    hull = np.repeat(points[index, start][:, None, :], size + 1, axis=1)
    count = np.ones(games, dtype=int)
    current, heading = start.copy(), np.tile([0.0, -1.0], (games, 1))
    visited = np.zeros(valid.shape, dtype=bool)
    visited[index, start] = True
    open_walk = np.ones(games, dtype=bool)
    for _ in range(size):
        offset = points - points[index, current][:, None, :]
        distance = np.hypot(offset[..., 0], offset[..., 1])
        usable = valid & (distance > eps[:, None])
        turn = _pseudo_angle(
            np.einsum("gj,gkj->gk", heading, offset),
            heading[:, None, 0] * offset[..., 1] - heading[:, None, 1] * offset[..., 0],
        )
        turn = np.where(usable, turn, np.inf)
        smallest = turn.min(axis=1, keepdims=True)
        tied = usable & (turn <= smallest + 1e-12)
        following = np.argmax(np.where(tied, distance, -1.0), axis=1)
        open_walk &= np.isfinite(smallest[:, 0])
        # Rounding can make a sliver's walk skip its start; a walk that reaches any
        # point it has visited is closed there.
        open_walk &= ~visited[index, following]
        back_home = np.hypot(*(points[index, following] - points[index, start]).T) <= eps
        open_walk &= ~back_home
        if not open_walk.any():
            break
        hull[open_walk, count[open_walk]] = points[open_walk, following[open_walk]]
        visited[index[open_walk], following[open_walk]] = True
        count += open_walk
        heading = np.where(open_walk[:, None], offset[index, following], heading)
        current = np.where(open_walk, following, current)
    return hull[:, : int(count.max()) + 1], count


def _hausdorff(first, first_count, second, second_count, scale):
    """Hausdorff distance between padded polygons, game by game."""

    def directed(points, count, polygon, polygon_count):
        start, end = polygon[:, None, :-1], polygon[:, None, 1:]
        edge = end - start
        length2 = np.einsum("gpkj,gpkj->gpk", edge, edge)
        offset = points[:, :, None, :] - start
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(length2 > 0, np.einsum("gpkj,gpkj->gpk", offset, edge) / length2, 0.0)
        gap = offset - np.clip(t, 0.0, 1.0)[..., None] * edge
        distance = np.hypot(gap[..., 0], gap[..., 1]).min(axis=2)
        cross = edge[..., 0] * offset[..., 1] - edge[..., 1] * offset[..., 0]
        twice_area = np.einsum("gk,gk->g", polygon[:, :-1, 0], polygon[:, 1:, 1]) - np.einsum(
            "gk,gk->g", polygon[:, :-1, 1], polygon[:, 1:, 0]
        )
        flat = 2e-12 * scale[:, None] ** 2
        inside = (twice_area[:, None] > flat) & np.all(cross >= 0, axis=2)
        distance = np.where(inside, 0.0, distance)
        rows = np.arange(points.shape[1])[None, :]
        return np.where(rows < count[:, None], distance, 0.0).max(axis=1)

    return np.maximum(
        directed(first, first_count, second, second_count),
        directed(second, second_count, first, first_count),
    )


def batched_abreu_sannikov(A, B, delta, *, tol=1e-11, max_iter=100_000, stop_on_collapse=True):
    """Run :func:`~bargaining.core.repeated.abreu_sannikov.abreu_sannikov` on many games.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``G x m x n`` float payoffs of the row and the column player.
    delta : numpy.ndarray
        ``G`` discount factors in (0, 1).
    tol : float or numpy.ndarray
        Accuracy relative to each game's payoff scale: one for all games, or
        one per game.
    max_iter, stop_on_collapse
        As for the single-game algorithm.

    Returns
    -------
    list of Iterates
        One per game, in order.
    """
    games = A.shape[0]
    delta = np.broadcast_to(np.asarray(delta, dtype=float), (games,)).copy()
    tol = np.broadcast_to(np.asarray(tol, dtype=float), (games,)).copy()
    payoffs = np.stack([A.reshape(games, -1), B.reshape(games, -1)], axis=2)
    gains = np.stack(
        [
            (A.max(axis=1, keepdims=True) - A).reshape(games, -1),
            (B.max(axis=2, keepdims=True) - B).reshape(games, -1),
        ],
        axis=2,
    )
    scale = np.maximum(1.0, np.abs(payoffs).max(axis=(1, 2)))
    eps = 1e-12 * scale
    vertices, count = _hulls(payoffs, np.ones(payoffs.shape[:2], dtype=bool), eps)
    results = [None] * games
    active = np.arange(games)
    distance = np.full(games, np.inf)
    for iteration in range(1, max_iter + 1):
        points, valid = _candidates(
            vertices, count, payoffs[active], gains[active], delta[active], eps[active]
        )
        empty = ~valid.any(axis=1)
        for local in np.flatnonzero(empty):
            results[active[local]] = Iterates(np.empty((0, 2)), iteration, 0.0, True)
        collapse = (
            _collapsed_onto(valid, gains[active]) if stop_on_collapse else np.full(len(active), -1)
        )
        for local in np.flatnonzero(collapse >= 0):
            point = payoffs[active[local], [collapse[local]]]
            results[active[local]] = Iterates(point, iteration, 0.0, True)
        leaving = empty | (collapse >= 0)
        if leaving.all():
            break
        if leaving.any():
            keep = ~leaving
            active, vertices, count = active[keep], vertices[keep], count[keep]
            points, valid = points[keep], valid[keep]
        following, following_count = _hulls(points, valid, eps[active])
        distance = _hausdorff(vertices, count, following, following_count, scale[active])
        vertices, count = following, following_count
        done = distance * delta[active] / (1 - delta[active]) <= tol[active] * scale[active]
        if iteration == max_iter:
            done[:] = True
        for local in np.flatnonzero(done):
            game = active[local]
            final = simplify_polygon(vertices[local, : count[local]], 10 * tol[game] * scale[game])
            results[game] = Iterates(
                final,
                iteration,
                float(distance[local]),
                bool(distance[local] * delta[game] / (1 - delta[game]) <= tol[game] * scale[game]),
            )
        keep = ~done
        if not keep.any():
            break
        active, vertices, count = active[keep], vertices[keep], count[keep]
        vertices = vertices[:, : int(count.max()) + 1]
    return results
