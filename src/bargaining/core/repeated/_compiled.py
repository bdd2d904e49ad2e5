"""The Abreu-Sannikov iteration compiled with numba, for sweeps over many games.

The same algorithm as :mod:`bargaining.core.repeated.abreu_sannikov`, step for step,
written as plain loops that numba compiles to machine code. It is used by
:func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs_many` when numba is installed
(the ``fast`` extra); the first call compiles the kernel (cached on disk),
later calls run it directly.

Algorithm
---------
For each game, independently:

1. Start from the hull of the stage payoffs.
2. Punishment point ``P`` and incentive corners ``c(a) = P + (1 - delta) /
   delta * h(a)``.
3. For each profile, intersect the current polygon with the lines
   ``w_1 = c_1(a)`` and ``w_2 = c_2(a)`` and keep the segment ends inside the
   quadrant ``w >= c(a)``; map them to ``(1 - delta) g(a) + delta w``; add
   ``g(a)`` where playing ``a`` forever is incentive compatible. If no
   profile produced a point, the set of equilibrium payoffs is empty: stop.
   If only one profile did, a pure stage equilibrium with ``g(a)`` among its
   points, the iteration has collapsed onto ``g(a)``: stop with that point
   (step 5 of the single-game algorithm, where the shortcut is derived).
4. Take the convex hull (Andrew's monotone chain on points snapped to a grid
   of ``1e-13`` times the payoff scale, so rounding noise cannot reorder
   nearly equal points).
5. Stop once the Hausdorff step ``d`` satisfies ``d * delta / (1 - delta) <=
   tol * scale``.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
.. [2] A. M. Andrew, "Another efficient algorithm for convex hulls in two
   dimensions", Information Processing Letters 9 (1979) 216-219.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _cross(ox, oy, ax, ay, bx, by):
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox)


@njit(cache=True)
def _hull(points, count, grid, out):
    """Counter-clockwise hull of ``points[:count]`` into ``out``; returns its size."""
    xs = np.round(points[:count, 0] / grid) * grid
    ys = np.round(points[:count, 1] / grid) * grid
    order = np.argsort(ys, kind="mergesort")
    order = order[np.argsort(xs[order], kind="mergesort")]
    unique = np.empty(count, dtype=np.int64)
    n = 0
    for i in order:
        if n == 0 or xs[i] != xs[unique[n - 1]] or ys[i] != ys[unique[n - 1]]:
            unique[n] = i
            n += 1
    if n <= 2:
        for k in range(n):
            out[k, 0], out[k, 1] = xs[unique[k]], ys[unique[k]]
        return n
    chain = np.empty(2 * n, dtype=np.int64)
    size = 0
    for sweep in range(2):
        start = size
        for step in range(n):
            i = unique[step] if sweep == 0 else unique[n - 1 - step]
            while (
                size >= start + 2
                and _cross(
                    xs[chain[size - 2]],
                    ys[chain[size - 2]],
                    xs[chain[size - 1]],
                    ys[chain[size - 1]],
                    xs[i],
                    ys[i],
                )
                <= 0
            ):
                size -= 1
            chain[size] = i
            size += 1
        size -= 1
    if size < 2:
        size = 1
    for k in range(size):
        out[k, 0], out[k, 1] = xs[chain[k]], ys[chain[k]]
    return size


@njit(cache=True)
def _span(vertices, count, axis, value, eps):
    """Least and greatest other coordinate where ``w[axis] = value`` meets the polygon."""
    other = 1 - axis
    low, high = np.inf, -np.inf
    for k in range(count):
        x0, y0 = vertices[k, axis], vertices[k, other]
        x1, y1 = vertices[(k + 1) % count, axis], vertices[(k + 1) % count, other]
        if value < min(x0, x1) - eps or value > max(x0, x1) + eps:
            continue
        if abs(x1 - x0) > eps:
            t = min(max((value - x0) / (x1 - x0), 0.0), 1.0)
            ys = (y0 + t * (y1 - y0), y0 + t * (y1 - y0))
        else:
            ys = (y0, y1)
        low, high = min(low, ys[0], ys[1]), max(high, ys[0], ys[1])
    return low, high


@njit(cache=True)
def _distance(px, py, vertices, count, flat):
    """Distance from a point to a convex polygon (0 inside).

    A polygon of area at most ``flat`` counts as a segment: rounding can leave
    a collinear point in a hull, and "inside" such a sliver means nothing.
    """
    best, inside, area = np.inf, True, 0.0
    for k in range(count):
        ax, ay = vertices[k, 0], vertices[k, 1]
        bx, by = vertices[(k + 1) % count, 0], vertices[(k + 1) % count, 1]
        area += ax * by - ay * bx
        ex, ey = bx - ax, by - ay
        length2 = ex * ex + ey * ey
        t = 0.0 if length2 == 0 else min(max(((px - ax) * ex + (py - ay) * ey) / length2, 0), 1)
        best = min(best, np.hypot(px - ax - t * ex, py - ay - t * ey))
        inside &= ex * (py - ay) - ey * (px - ax) >= 0
    return 0.0 if inside and area > 2 * flat else best


@njit(cache=True)
def _hausdorff(first, first_count, second, second_count, flat):
    distance = 0.0
    for k in range(first_count):
        distance = max(distance, _distance(first[k, 0], first[k, 1], second, second_count, flat))
    for k in range(second_count):
        distance = max(distance, _distance(second[k, 0], second[k, 1], first, first_count, flat))
    return distance


@njit(cache=True)
def solve_one(payoffs, gains, delta, tol, max_iter, stop_on_collapse):
    """Steps 1-5 for one game: ``(vertices, iterations, distance, converged)``."""
    profiles = payoffs.shape[0]
    scale = max(1.0, np.abs(payoffs).max())
    eps, grid = 1e-12 * scale, 1e-13 * scale
    vertices = np.empty((5 * profiles + 1, 2))
    following = np.empty_like(vertices)
    candidates = np.empty((5 * profiles, 2))
    count = _hull(payoffs, profiles, grid, vertices)
    weight = (1 - delta) / delta
    distance, iteration, converged = np.inf, 0, False
    while iteration < max_iter and not converged:
        px, py = vertices[:count, 0].min(), vertices[:count, 1].min()
        n, producers, producer, stationary = 0, 0, -1, False
        for a in range(profiles):
            first = n
            corner = (px + weight * gains[a, 0], py + weight * gains[a, 1])
            for axis in range(2):
                other = 1 - axis
                low, high = _span(vertices, count, axis, corner[axis], eps)
                if high < corner[other] - eps:
                    continue
                for end in (max(low, corner[other]), high):
                    w = (corner[axis], end) if axis == 0 else (end, corner[axis])
                    candidates[n, 0] = (1 - delta) * payoffs[a, 0] + delta * w[0]
                    candidates[n, 1] = (1 - delta) * payoffs[a, 1] + delta * w[1]
                    n += 1
            gx, gy = payoffs[a, 0], payoffs[a, 1]
            if gx >= corner[0] - eps and gy >= corner[1] - eps:
                low, high = _span(vertices, count, 0, gx, eps)
                if low - eps <= gy <= high + eps:
                    candidates[n, 0], candidates[n, 1] = gx, gy
                    n += 1
                    stationary = True  # only a producer adds its stage payoff
            if n > first:
                producers, producer = producers + 1, a
        if n == 0:
            return np.empty((0, 2)), iteration + 1, 0.0, True
        if (
            stop_on_collapse
            and producers == 1
            and stationary
            and gains[producer, 0] == 0
            and gains[producer, 1] == 0
        ):
            return payoffs[producer : producer + 1].copy(), iteration + 1, 0.0, True
        following_count = _hull(candidates, n, grid, following)
        distance = _hausdorff(vertices, count, following, following_count, eps * scale)
        vertices, following = following, vertices
        count = following_count
        iteration += 1
        converged = distance * delta / (1 - delta) <= tol * scale
    return vertices[:count].copy(), iteration, distance, converged


def compiled_abreu_sannikov(A, B, delta, *, tol=1e-11, max_iter=100_000, stop_on_collapse=True):
    """Solve many games with the compiled kernel; same contract as the lockstep solver."""
    from ..polygon import simplify_polygon
    from .abreu_sannikov import Iterates, stage_data

    tol = np.broadcast_to(np.asarray(tol, dtype=float), (A.shape[0],))
    results = []
    for g in range(A.shape[0]):
        payoffs, gains = stage_data(A[g], B[g])
        vertices, iterations, distance, converged = solve_one(
            payoffs, gains, float(delta[g]), float(tol[g]), max_iter, stop_on_collapse
        )
        scale = max(1.0, float(np.abs(payoffs).max()))
        final = simplify_polygon(vertices, 10 * tol[g] * scale)
        results.append(Iterates(final, int(iterations), float(distance), bool(converged)))
    return results
