"""Outer approximation of subgame-perfect payoffs by supporting hyperplanes.

Judd, Yeltekin and Conklin (2003) approximate the set ``V(delta)`` of
pure-strategy subgame-perfect payoffs of a repeated game with perfect
monitoring and public randomisation from outside: a set ``W`` is kept as the
intersection of half-planes ``h_l . w <= c_l`` with fixed unit normals, and
each step replaces every level ``c_l`` by the largest value of ``h_l . v``
over the payoffs ``v`` that ``W`` can enforce (the operator of Abreu, Pearce
and Stacchetti 1990). The operator is monotone and the starting set contains
``V``, so every iterate, and the limit, contains ``V``.

Algorithm
---------
Let ``g(a)`` be the stage payoffs of profile ``a`` and ``dev(a)`` each
player's gain from the best one-shot deviation at ``a``.

1. No stage equilibrium is assumed: punishments are read off the current
   set, so a profile that is not a stage equilibrium can punish.
2. Take ``D`` unit normals ``h_l`` at angles ``2 pi l / D``, which include the
   four axis directions, and start from the feasible set's support levels
   ``c_l = max_a h_l . g(a)``.
3. Compute the vertices of ``W``: the levels are always support values of a
   set, so each pair of consecutive supporting lines meets at a vertex.
   Points and segments come out as repeated vertices, so a set that
   collapses needs no special case and no convex-hull routine.
4. Read the punishment point ``P(W)``, each player's lowest payoff in ``W``,
   off the levels of the two negative axis directions, and for every profile
   form the incentive corner ``q(a) = P(W) + (1 - delta) / delta * dev(a)``.
5. For every profile collect the extreme points of ``W`` clipped to the
   quadrant ``w >= q(a)``: the vertices of ``W`` inside it, the crossings of
   the edges of ``W`` with its two boundary lines, and ``q(a)`` if it lies in
   ``W``. A profile with none contributes nothing; if no profile has any,
   ``V`` is empty: stop and return the empty set.
6. Set ``c_l' = max_a max_w h_l . ((1 - delta) g(a) + delta w)`` over those
   points.
7. Repeat from step 3 until ``max_l |c_l' - c_l| < tol``; after ``max_iter``
   steps stop anyway with ``converged=False`` (the caller,
   :func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs`, warns).
8. Return the vertices of the last ``W``, counter-clockwise, with repeated
   and collinear points merged: a point or a segment is returned as such.

References
----------
.. [1] K. L. Judd, S. Yeltekin and J. Conklin, "Computing supergame
   equilibria", Econometrica 71 (2003) 1239-1254.
.. [2] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990)
   1041-1063.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..polygon import hull_array, simplify_polygon
from ..validation import check_delta


@dataclass(frozen=True)
class OuterApproximation:
    """A polygon containing ``V(delta)`` and how it was reached.

    ``vertices`` (``k x 2``, counter-clockwise; ``k`` is 1 for a point and 2
    for a segment) span the set ``{w : normals @ w <= levels}``; ``distance``
    is the largest change of a level in the last step.
    """

    vertices: np.ndarray
    normals: np.ndarray
    levels: np.ndarray
    iterations: int
    distance: float
    converged: bool


def unit_normals(directions):
    """``directions`` unit vectors evenly spaced counter-clockwise from ``(1, 0)``."""
    angles = 2 * np.pi * np.arange(directions) / directions
    normals = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    normals[np.abs(normals) < 1e-15] = 0.0  # the axis directions exactly
    return normals


def support_vertices(normals, levels):
    """Vertices of ``{w : normals @ w <= levels}`` when each level is a support value.

    Consecutive supporting lines meet at a vertex of the set, so row ``l`` is
    the intersection of lines ``l`` and ``l + 1``; vertices repeat where the
    set has fewer than ``len(normals)`` corners (down to a single point).
    """
    following_normals, following_levels = np.roll(normals, -1, axis=0), np.roll(levels, -1)
    determinant = normals[:, 0] * following_normals[:, 1] - normals[:, 1] * following_normals[:, 0]
    x = levels * following_normals[:, 1] - following_levels * normals[:, 1]
    y = following_levels * normals[:, 0] - levels * following_normals[:, 0]
    return np.stack([x, y], axis=1) / determinant[:, None]


def clipped_extreme_points(vertices, normals, levels, corners, eps):
    """Candidate extreme points of ``W`` clipped to each quadrant ``w >= corner`` (step 5).

    Returns ``points`` (``K x M x 2``) and a mask ``valid`` (``K x M``) for the
    ``K`` corners; the clipped set is the convex hull of the valid points.
    """
    count = len(corners)
    following = np.roll(vertices, -1, axis=0)
    points = [np.broadcast_to(vertices, (count, *vertices.shape))]
    valid = [np.all(vertices[None] >= corners[:, None] - eps, axis=2)]
    for axis in (0, 1):
        other = 1 - axis
        start = vertices[None, :, axis] - corners[:, None, axis]
        end = following[None, :, axis] - corners[:, None, axis]
        crosses = start * end < 0
        share = np.divide(start, start - end, out=np.zeros_like(start), where=crosses)
        crossing = np.empty((count, len(vertices), 2))
        crossing[..., axis] = corners[:, None, axis]
        crossing[..., other] = vertices[None, :, other] + share * (
            following[None, :, other] - vertices[None, :, other]
        )
        points.append(crossing)
        valid.append(crosses & (crossing[..., other] >= corners[:, None, other] - eps))
    points.append(corners[:, None, :])
    valid.append(np.all(corners @ normals.T <= levels + eps, axis=1)[:, None])
    return np.concatenate(points, axis=1), np.concatenate(valid, axis=1)


def operator_step(normals, levels, payoffs, gains, delta, eps):
    """New levels from old (steps 3-6), for ``directions`` normals and ``K`` profiles.

    Returns None when no profile can be enforced (the next set is empty).

    ``payoffs`` and ``gains`` are ``K x 2`` arrays of stage payoffs and
    deviation gains; ``eps`` is the slack allowed in membership tests.
    """
    directions = len(normals)
    vertices = support_vertices(normals, levels)
    punishment = -levels[[directions // 2, 3 * directions // 4]]
    corners = punishment + (1 - delta) / delta * gains
    points, valid = clipped_extreme_points(vertices, normals, levels, corners, eps)
    # Only the valid points, grouped by profile: profiles with none drop out here.
    counts = valid.sum(axis=1)
    enforceable = counts > 0
    if not enforceable.any():
        return None
    starts = (np.cumsum(counts) - counts)[enforceable]
    reach = np.maximum.reduceat(points[valid] @ normals.T, starts, axis=0)
    return ((1 - delta) * payoffs[enforceable] @ normals.T + delta * reach).max(axis=0)


def outer_approximation(A, B, delta, *, directions=64, tol=1e-10, max_iter=10_000):
    """Iterate the Judd-Yeltekin-Conklin outer approximation from the feasible set.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` stage payoffs of the row and the column player.
    delta : float
        Common discount factor in (0, 1).
    directions : int
        Number of supporting directions, a multiple of 4 so that the four
        axis directions are among them.
    tol : float
        Stop when no level changes by ``tol`` or more in one step.
    max_iter : int
        Stop after this many steps even if not converged.

    Returns
    -------
    OuterApproximation
        The last set's vertices, normals and levels, the number of steps, the
        last largest change of a level, and whether it fell below ``tol``.

    Raises
    ------
    ValueError
        If ``delta`` is outside (0, 1), the payoffs are not finite matrices of
        one shape, or ``directions`` is not a positive multiple of 4.
    """
    check_delta(delta)
    delta = float(delta)
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    if A.ndim != 2 or A.shape != B.shape or A.size == 0:
        raise ValueError(
            f"A and B must be nonempty matrices of one shape, got {A.shape}, {B.shape}"
        )
    if not (np.all(np.isfinite(A)) and np.all(np.isfinite(B))):
        raise ValueError("payoffs must be finite")
    if isinstance(directions, bool) or not isinstance(directions, int | np.integer):
        raise ValueError(f"directions must be an integer, got {directions!r}")
    if directions < 4 or directions % 4:
        raise ValueError(f"directions must be a positive multiple of 4, got {directions!r}")

    payoffs = np.stack([A.ravel(), B.ravel()], axis=1)
    gains = np.stack(
        [(A.max(axis=0, keepdims=True) - A).ravel(), (B.max(axis=1, keepdims=True) - B).ravel()],
        axis=1,
    )
    scale = max(1.0, float(np.abs(payoffs).max()))
    eps = 1e-12 * scale
    normals = unit_normals(directions)
    levels = (payoffs @ normals.T).max(axis=0)

    change, iteration = np.inf, 0
    while iteration < max_iter and change >= tol:
        following = operator_step(normals, levels, payoffs, gains, delta, eps)
        if following is None:
            empty = np.empty((0, 2))
            return OuterApproximation(empty, normals, levels, iteration + 1, 0.0, True)
        change = float(np.abs(following - levels).max())
        levels, iteration = following, iteration + 1

    converged = change < tol
    vertices = hull_array(support_vertices(normals, levels))
    # Levels settle to about tol, so corners closer than a few tol apart are one corner.
    vertices = hull_array(simplify_polygon(vertices, 10 * max(tol, 1e-12) * scale))
    return OuterApproximation(vertices, normals, levels, iteration, change, converged)
