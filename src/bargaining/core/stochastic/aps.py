"""The operator of Abreu, Pearce and Stacchetti for stochastic games, on convex polygons.

In a two-player stochastic game with perfect monitoring and public
randomisation, a correspondence ``W`` (one convex polygon ``W(s)`` per state)
generates in state ``s`` the payoffs of a profile ``a`` followed by
continuation payoffs drawn from ``W`` in the next state, whenever no player
gains by a one-shot deviation punished by its worst continuation. The set
``V(s)`` of pure-strategy subgame-perfect payoffs is the largest fixed point
of this operator ``B`` (Abreu, Pearce and Stacchetti 1990; for states,
Yeltekin, Cai and Judd 2017). ``B`` is monotone, so iterating it from a
correspondence that contains ``V`` gives sets that all contain ``V`` (the
outer bracket), and iterating it from a self-generating correspondence
(``C(s) <= B(C)(s)``) gives sets that all lie inside ``V`` (the inner one).

Algorithm (one step, for every state ``s``)
--------------------------------------------
Let ``g(s, a)`` be the stage payoffs, ``p(. | s, a)`` the transition
probabilities and ``P_i(s')`` player ``i``'s lowest payoff in ``W(s')``.

1. For every profile ``a`` the expected continuation ranges over the
   Minkowski combination ``E(a) = sum_s' p(s' | s, a) W(s')``, a convex
   polygon (empty when a state reached with positive probability has an
   empty set), whose edges are those of the ``W(s')`` merged by angle. It
   is computed once per distinct transition row.
2. Player ``i``'s incentive constraint is a half-plane on ``E(a)``:
   ``delta * e_i >= max_{a_i'} [(1 - delta) g_i(s, a_i', a_-i)
   + delta * sum_s' p(s' | s, a_i', a_-i) P_i(s')] - (1 - delta) g_i(s, a)``.
   A deviation that reaches an empty set with positive probability has no
   equilibrium continuation, so the profile cannot be enforced.
3. Clip ``E(a)`` to the quadrant of the two constraints and map it by
   ``(1 - delta) g(s, a) + delta * e``.
4. ``B(W)(s)`` is the convex hull, over all profiles, of the mapped
   vertices (public randomisation convexifies).

:func:`iterate` repeats the step until no set moves by more than
``tol * (1 - delta) / delta`` (Hausdorff distance), the rule of
:mod:`bargaining.core.repeated.abreu_sannikov`.

References
----------
.. [1] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990)
   1041-1063.
.. [2] S. Yeltekin, Y. Cai and K. L. Judd, "Computing equilibria of dynamic
   games", Operations Research 65 (2017) 337-356.
.. [3] K. L. Judd, S. Yeltekin and J. Conklin, "Computing supergame
   equilibria", Econometrica 71 (2003) 1239-1254.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..polygon import hausdorff_distance, hull_array

EMPTY = np.empty((0, 2))


@dataclass(frozen=True)
class StageData:
    """One state's float payoffs ``A``, ``B`` (``m x n``) and transitions ``T`` (``m x n x S``)."""

    A: np.ndarray
    B: np.ndarray
    T: np.ndarray


def stage_data(stage_games: list, transitions: list) -> list[StageData]:
    """Float :class:`StageData` of every state, from its game and ``rows x columns x S`` moves."""
    stages = []
    for game, moves in zip(stage_games, transitions, strict=True):
        labor, column = (np.asarray(M, dtype=float) for M in game.payoff_matrices)
        stages.append(StageData(labor, column, np.asarray(moves, dtype=float)))
    return stages


def payoff_scale(stages: list[StageData]) -> float:
    """The largest absolute stage payoff of any state, at least 1: the unit of tolerances."""
    return max(1.0, *(float(np.abs(M).max()) for stage in stages for M in (stage.A, stage.B)))


@dataclass(frozen=True)
class Correspondence:
    """Where an iteration stopped: one vertex array per state, and how it got there."""

    sets: list[np.ndarray]
    iterations: int
    distance: float
    converged: bool


def _from_lowest_left(vertices):
    """The same cyclic vertex order, rolled to start at the lowest of the leftmost vertices."""
    first = np.lexsort((vertices[:, 1], vertices[:, 0]))[0]
    return np.roll(vertices, -first, axis=0)


def minkowski_combination(sets, weights):
    """Vertices of ``sum_k weights[k] * sets[k]``, counter-clockwise (empty if a weighted set is).

    Convex polygons add by merging their edges in order of angle, starting
    from the sum of their lowest-left vertices; points and segments are
    polygons with no and with two opposite edges. Consecutive collinear
    vertices may remain.
    """
    parts = []
    for vertices, weight in zip(sets, weights, strict=True):
        if weight == 0:
            continue
        if not len(vertices):
            return EMPTY
        parts.append(_from_lowest_left(weight * vertices))
    if len(parts) == 1:
        return parts[0]
    start = sum(part[0] for part in parts)
    edges = np.concatenate(
        [np.roll(part, -1, axis=0) - part for part in parts if len(part) > 1] or [np.empty((0, 2))]
    )
    # Angles measured from straight down, so the edge leaving a lowest-left
    # vertex comes first and the one arriving straight down comes last.
    angle = np.mod(np.arctan2(edges[:, 1], edges[:, 0]) + np.pi / 2, 2 * np.pi)
    angle[angle == 0] = 2 * np.pi
    steps = edges[np.argsort(angle, kind="stable")]
    return start + np.concatenate([np.zeros((1, 2)), np.cumsum(steps, axis=0)[:-1]])


def clip_to_quadrant(vertices, corner, eps):
    """The part ``w >= corner`` of a convex polygon, vertices in their cyclic order.

    Sutherland-Hodgman clipping against the two half-planes: each edge keeps
    its start when inside and adds its crossing of the boundary line.
    """
    for axis in (0, 1):
        if not len(vertices):
            return vertices
        bound = corner[axis]
        if len(vertices) == 1:
            vertices = vertices[vertices[:, axis] >= bound - eps]
            continue
        following = np.roll(vertices, -1, axis=0)
        start, end = vertices[:, axis] - bound, following[:, axis] - bound
        crosses = start * end < 0
        share = np.divide(start, start - end, out=np.zeros_like(start), where=crosses)
        crossing = vertices + share[:, None] * (following - vertices)
        crossing[:, axis] = bound
        points = np.stack([vertices, crossing], axis=1).reshape(-1, 2)
        keep = np.stack([start >= -eps, crosses], axis=1).ravel()
        vertices = points[keep]
    return vertices


#: Directions whose extreme points span the polygon that :func:`hull` discards the inside of.
_PROBES = np.stack([np.cos(np.arange(16) * np.pi / 8), np.sin(np.arange(16) * np.pi / 8)], axis=1)


def hull(points, eps):
    """Counter-clockwise hull vertices of many points, as :func:`hull_array` gives them.

    Points more than ``eps`` strictly inside the polygon spanned by the
    extreme points in 16 directions cannot be vertices and are dropped
    first (Akl and Toussaint 1978), so the exact hull routine sees few.
    """
    if len(points) > 32:
        probe = hull_array(points[np.unique((points @ _PROBES.T).argmax(axis=0))])
        if len(probe) >= 3:
            edge = np.roll(probe, -1, axis=0) - probe
            offset = points[:, None, :] - probe[None, :, :]
            cross = edge[None, :, 0] * offset[..., 1] - edge[None, :, 1] * offset[..., 0]
            points = points[~np.all(cross > eps * np.hypot(*edge.T), axis=1)]
    return hull_array(points)


def punishments(sets):
    """Each player's lowest payoff in every state's set (``S x 2``; ``inf`` for empty sets)."""
    return np.array([v.min(axis=0) if len(v) else (np.inf, np.inf) for v in sets])


def continuation_of_deviations(T, punishment, delta):
    """``delta * sum_s' p(s' | .) P_i(s')`` for every profile (``m x n x 2``); inf if undefined."""
    finite = np.where(np.isfinite(punishment), punishment, 0.0)
    value = delta * np.einsum("mns,si->mni", T, finite)
    reaches_empty = np.einsum("mns,s->mn", T, ~np.isfinite(punishment[:, 0])) > 0
    return np.where(reaches_empty[..., None], np.inf, value)


def incentive_corners(stage, punishment, delta):
    """The lowest expected continuation ``e`` that enforces each profile (``m x n x 2``)."""
    worst = continuation_of_deviations(stage.T, punishment, delta)
    row_best = ((1 - delta) * stage.A + worst[..., 0]).max(axis=0, keepdims=True)
    column_best = ((1 - delta) * stage.B + worst[..., 1]).max(axis=1, keepdims=True)
    row = (row_best - (1 - delta) * stage.A) / delta
    column = (column_best - (1 - delta) * stage.B) / delta
    return np.stack([row, column], axis=-1)


def generate(sets, stages, delta, eps):
    """One step of the operator (steps 1-4): the new vertex array of every state."""
    punishment = punishments(sets)
    generated = []
    for stage in stages:
        corners = incentive_corners(stage, punishment, delta)
        combinations: dict[bytes, np.ndarray] = {}
        points = []
        for row, column in np.ndindex(stage.A.shape):
            corner = corners[row, column]
            if not np.all(np.isfinite(corner)):
                continue
            weights = stage.T[row, column]
            key = weights.tobytes()
            if key not in combinations:
                combinations[key] = minkowski_combination(sets, weights)
            clipped = clip_to_quadrant(combinations[key], corner, eps)
            if len(clipped):
                payoff = np.array([stage.A[row, column], stage.B[row, column]])
                points.append((1 - delta) * payoff + delta * clipped)
        generated.append(hull(np.concatenate(points), eps) if points else EMPTY)
    return generated


def set_distance(first, second):
    """Hausdorff distance between two vertex arrays; 0 for two empty sets, inf for one."""
    if not len(first) or not len(second):
        return 0.0 if len(first) == len(second) else np.inf
    return hausdorff_distance(first, second)


def iterate(sets, stages, delta, *, tol, scale, max_iter, grow=False):
    """Iterate the operator from ``sets`` until no state's set moves by ``tol * scale``.

    Parameters
    ----------
    sets : list of numpy.ndarray
        The starting correspondence, one vertex array per state: a superset
        of ``V`` for the outer iteration, a self-generating one for the inner.
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
        Keep the union with the previous iterate (the inner iteration: each
        iterate of a self-generating start contains the previous one, and the
        union removes rounding that would say otherwise).

    Returns
    -------
    Correspondence
    """
    eps = 1e-12 * scale
    distance, iteration, converged = np.inf, 0, False
    while iteration < max_iter and not converged:
        following = generate(sets, stages, delta, eps)
        if grow:
            following = [
                hull(np.concatenate([old, new]), eps) if len(old) or len(new) else EMPTY
                for old, new in zip(sets, following, strict=True)
            ]
        distance = max(set_distance(a, b) for a, b in zip(sets, following, strict=True))
        sets, iteration = following, iteration + 1
        converged = distance * delta / (1 - delta) <= tol * scale
    return Correspondence(sets, iteration, distance, converged)
