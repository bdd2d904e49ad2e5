"""The operator of Abreu, Pearce and Stacchetti for every state of many games at once, in lockstep.

:func:`bargaining.core.stochastic.aps.iterate` applies the operator state by
state and profile by profile, on arrays of a few vertices, so numpy's
per-call overhead dominates. Here each step handles all states and all
profiles of all games in a fixed number of passes over padded arrays, as
:mod:`bargaining.core.repeated._batched` does for many repeated games. The
sets agree with the reference to rounding (about 1e-13 on the games tested);
the stopping rule is the same, applied game by game.

Algorithm
---------
Arrays carry a game axis and a state axis. Polygons are padded as in
:mod:`~bargaining.core.stochastic._padded`: ``vertices[g, s, :count[g, s]]``
are counter-clockwise, the remaining rows repeat the first vertex, and an
empty set has ``count`` 0. Profiles are padded to the largest stage game and
states to the game with most states; padded profiles are unenforceable and
padded states empty and unreached, so no game sees another's states: the
games only share the passes.

1. Compute every state's punishments and, from them, the incentive corners
   of all (state, profile) pairs (step 2 of :mod:`~bargaining.core.stochastic.aps`).
2. Form the Minkowski combinations of all distinct transition rows of each
   game together: the edges of a game's states are sorted once by angle,
   and each row walks the weighted edges of the states it reaches in that
   common order, from the weighted sum of their lowest-left vertices. A row
   that reaches an empty set gives an empty combination.
3. Clip each enforceable pair's combination to its quadrant in one pass:
   the vertices inside, the crossings of the boundary lines, the corner.
4. Map the clipped points by ``(1 - delta) * g(s, a) + delta * w``, snap them
   to the grid of :func:`bargaining.core.polygon.convex_hull` and take each
   state's hull (with the previous iterate's vertices when the iteration
   grows) by a monotone chain without a stack
   (:func:`~bargaining.core.stochastic._padded.hulls`).
5. Stop each game by the rule of :func:`~bargaining.core.stochastic.aps.iterate`,
   with its own discount factor, tolerance and payoff scale. The moves of
   the bounding boxes bound the Hausdorff steps from below, so the exact
   distances are computed only when the bound does not already rule
   convergence out, and at the last step. A game that stops leaves the
   batch: the others' further steps do not touch it, and its sets are those
   it gets on its own.

References
----------
.. [1] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990)
   1041-1063.
.. [2] S. Yeltekin, Y. Cai and K. L. Judd, "Computing equilibria of dynamic
   games", Operations Research 65 (2017) 337-356.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._padded import clip_to_quadrants, front, hulls, pad, unpad
from .aps import EMPTY, Correspondence, StageData, set_distance

#: Grid spacing of :func:`bargaining.core.polygon.convex_hull`, relative to the largest coordinate.
_GRID = 1e-13


class _Tables(NamedTuple):
    """Padded stage data of a batch, indexed by game first."""

    A: np.ndarray  # games x states x rows x columns; -inf off the stage game
    B: np.ndarray
    T: np.ndarray  # games x states x rows x columns x states
    payoffs: np.ndarray  # games x states x profiles x 2; 0 off the stage game
    weights: np.ndarray  # games x distinct transition rows x states
    row_of: np.ndarray  # games x (states * profiles): each pair's row in weights

    def select(self, games):
        return _Tables(*(table[games] for table in self))


def _tables(games):
    """The padded stage data of every game (a list of per-state :class:`StageData`)."""
    states = max(len(stages) for stages in games)
    rows = max(stage.A.shape[0] for stages in games for stage in stages)
    columns = max(stage.A.shape[1] for stages in games for stage in stages)
    shape = (len(games), states, rows, columns)
    A, B, T = np.full(shape, -np.inf), np.full(shape, -np.inf), np.zeros((*shape, states))
    distinct, row_of = [], np.zeros((len(games), states * rows * columns), dtype=int)
    for g, stages in enumerate(games):
        for s, stage in enumerate(stages):
            m, n = stage.A.shape
            A[g, s, :m, :n], B[g, s, :m, :n] = stage.A, stage.B
            T[g, s, :m, :n, : len(stages)] = stage.T
        weights, inverse = np.unique(T[g].reshape(-1, states), axis=0, return_inverse=True)
        distinct.append(weights)
        row_of[g] = inverse.reshape(-1)
    weights = np.zeros((len(games), max(len(w) for w in distinct), states))
    for g, rows_of_game in enumerate(distinct):
        weights[g, : len(rows_of_game)] = rows_of_game
    payoffs = np.stack([A, B], axis=-1).reshape(len(games), states, -1, 2)
    return _Tables(A, B, T, np.where(np.isfinite(payoffs), payoffs, 0.0), weights, row_of)


def _corners(A, B, T, punishment, delta):
    """Step 1: incentive corners of every game, state and profile (``G x S x profiles x 2``)."""
    empty = ~np.isfinite(punishment[..., :1])
    targets = np.concatenate([np.where(empty, 0.0, punishment), empty], axis=-1)
    expected = T @ targets[:, None, None]
    delta = delta.reshape(-1, 1, 1, 1)
    worst = np.where(expected[..., 2:] > 0, np.inf, delta[..., None] * expected[..., :2])
    with np.errstate(invalid="ignore"):  # padded profiles give inf - inf: not enforceable
        row_best = ((1 - delta) * A + worst[..., 0]).max(axis=2, keepdims=True)
        column_best = ((1 - delta) * B + worst[..., 1]).max(axis=3, keepdims=True)
        corner = np.stack(
            [(row_best - (1 - delta) * A) / delta, (column_best - (1 - delta) * B) / delta], -1
        )
    return corner.reshape(*A.shape[:2], -1, 2)


def _combinations(vertices, count, weights):
    """Step 2: padded ``sum_t weights[g, r, t] * W(g, t)`` for every game ``g`` and row ``r``."""
    games, rows = weights.shape[:2]
    edges = vertices[:, :, 1:] - vertices[:, :, :-1]
    # Angles measured from straight down, as in aps.minkowski_combination: the
    # edge leaving a lowest-left vertex comes first.
    angle = np.mod(np.arctan2(edges[..., 1], edges[..., 0]) + np.pi / 2, 2 * np.pi)
    angle[angle == 0] = 2 * np.pi
    angle = np.where(np.any(edges != 0, axis=-1), angle, np.inf)
    lowest_left = np.take_along_axis(vertices, angle.argmin(axis=2)[..., None, None], axis=2)
    angle = angle.reshape(games, -1)
    finite = np.isfinite(angle)
    order = np.argsort(angle, axis=1, kind="stable")[:, : int(finite.sum(axis=1).max())]
    owner = np.broadcast_to((order // edges.shape[2])[:, None], (games, rows, order.shape[1]))
    reach = np.take_along_axis(weights, owner, axis=2)
    step = np.take_along_axis(edges.reshape(games, -1, 2), order[..., None], axis=1)
    taken = (reach > 0) & np.take_along_axis(finite, order, axis=1)[:, None]
    steps, taken = front(
        (reach[..., None] * step[:, None]).reshape(games * rows, -1, 2),
        taken.reshape(games * rows, -1),
    )
    steps = np.where(taken[..., None], steps, 0.0)
    start = (weights @ lowest_left[:, :, 0]).reshape(-1, 2)
    walk = start[:, None] + np.concatenate([np.zeros((len(steps), 1, 2)), np.cumsum(steps, 1)], 1)
    size = np.maximum(taken.sum(axis=1), 1)
    padding = np.arange(walk.shape[1])[None, :, None] >= size[:, None, None]
    walk = np.concatenate([np.where(padding, start[:, None], walk), start[:, None]], axis=1)
    empty = ((weights > 0) & (count[:, None] == 0)).any(axis=2).reshape(-1)
    return walk.reshape(games, rows, -1, 2), np.where(empty, 0, size).reshape(games, rows)


def _generate(vertices, count, tables, delta, eps, grow):
    """Steps 1-4: the next padded iterate of every game."""
    games, states = count.shape
    punishment = np.where((count > 0)[..., None], vertices.min(axis=2), np.inf)
    corner = _corners(tables.A, tables.B, tables.T, punishment, delta).reshape(-1, 2)
    combination, size = _combinations(vertices, count, tables.weights)
    rows = tables.weights.shape[1]
    combination, size = combination.reshape(games * rows, -1, 2), size.reshape(-1)
    row_of = (tables.row_of + rows * np.arange(games)[:, None]).reshape(-1)
    pairs = np.flatnonzero(np.all(np.isfinite(corner), axis=1) & (size[row_of] > 0))
    pairs_per_game = tables.row_of.shape[1]
    game = pairs // pairs_per_game
    clipped, kept = clip_to_quadrants(
        combination[row_of[pairs]], size[row_of[pairs]], corner[pairs], eps[game]
    )
    weight = delta[game][:, None, None]
    mapped = (1 - weight) * tables.payoffs.reshape(-1, 1, 2)[pairs] + weight * clipped
    points = np.zeros((games * pairs_per_game, mapped.shape[1], 2))
    points[pairs] = mapped
    valid = np.zeros(points.shape[:2], dtype=bool)
    valid[pairs] = kept
    points, valid = points.reshape(games * states, -1, 2), valid.reshape(games * states, -1)
    if grow:
        points = np.concatenate([points, vertices.reshape(games * states, -1, 2)], axis=1)
        previous = np.arange(vertices.shape[2])[None, :] < count.reshape(-1, 1)
        valid = np.concatenate([valid, previous], axis=1)
    points = np.where(valid[..., None], points, 0.0)
    largest = np.abs(points).max(axis=(1, 2))[:, None]
    grid = np.maximum(_GRID * largest, np.finfo(float).tiny)[..., None]
    following, following_count = hulls(np.round(points / grid) * grid, valid)
    return following.reshape(games, states, -1, 2), following_count.reshape(games, states)


def _bounds(first, first_count, second, second_count):
    """Lower bounds on each game's largest Hausdorff step between its states' sets, cheaply.

    Infinite when a set is empty in one and not in the other; otherwise the
    largest move of a side of a bounding box, which no set can move less than.
    """
    mismatch = np.any((first_count > 0) != (second_count > 0), axis=1)
    moves = np.concatenate(
        [first.min(axis=2) - second.min(axis=2), first.max(axis=2) - second.max(axis=2)], axis=2
    )
    moves = np.where((first_count > 0)[..., None], np.abs(moves), 0.0)
    return np.where(mismatch, np.inf, moves.max(axis=(1, 2), initial=0.0))


def _distance(first, first_count, second, second_count):
    """Step 5: one game's largest Hausdorff step over its states (0 between empty sets)."""
    return max(
        set_distance(a[:m], b[:n])
        for a, m, b, n in zip(first, first_count, second, second_count, strict=True)
    )


def iterate_many(
    starts: list[list[np.ndarray]],
    games: list[list[StageData]],
    deltas: np.ndarray,
    *,
    tols: np.ndarray,
    scales: np.ndarray,
    max_iter: int,
    grow: bool = False,
) -> list[Correspondence]:
    """:func:`iterate` for many games in one batch, each stopped by its own rule.

    Parameters
    ----------
    starts : list of list of numpy.ndarray
        Each game's starting correspondence, one vertex array per state.
    games : list of list of StageData
        Each game's stage payoffs and transitions, state by state.
    deltas, tols, scales : numpy.ndarray
        Each game's discount factor, tolerance and payoff scale: game ``g``
        stops when its largest Hausdorff step ``d`` has
        ``d * deltas[g] / (1 - deltas[g]) <= tols[g] * scales[g]``.
    max_iter : int
        Stop a game after this many steps even if not converged.
    grow : bool
        Keep the union with the previous iterate (the inner iteration).

    Returns
    -------
    list of Correspondence
        In the order of ``games``; each as :func:`iterate` returns it for
        that game alone, to rounding.
    """
    deltas, tols, scales = (np.asarray(x, dtype=float) for x in (deltas, tols, scales))
    limits = tols * scales
    eps = 1e-12 * scales
    tables = _tables(games)
    states = tables.A.shape[1]
    padded = [list(start) + [EMPTY] * (states - len(start)) for start in starts]
    vertices, count = pad([v for start in padded for v in start])
    vertices, count = vertices.reshape(len(games), states, -1, 2), count.reshape(len(games), -1)
    active = np.arange(len(games))
    results: list[Correspondence | None] = [None] * len(games)
    iteration = 0
    while len(active):
        delta = deltas[active]
        following, following_count = _generate(vertices, count, tables, delta, eps[active], grow)
        iteration += 1
        distance = _bounds(vertices, count, following, following_count)
        # The exact distance is needed only where the bound does not already
        # rule convergence out, and at the last step, whose distance is reported.
        exact = (distance < np.inf) & (
            (distance * delta / (1 - delta) <= limits[active]) | (iteration == max_iter)
        )
        for k in np.flatnonzero(exact):
            distance[k] = _distance(vertices[k], count[k], following[k], following_count[k])
        vertices, count = following, following_count
        converged = distance * delta / (1 - delta) <= limits[active]
        done = converged | (iteration == max_iter)
        for k in np.flatnonzero(done):
            g = active[k]
            sets = unpad(vertices[k], count[k])[: len(games[g])]
            results[g] = Correspondence(sets, iteration, float(distance[k]), bool(converged[k]))
        if done.any():
            remaining = ~done
            active, vertices, count = active[remaining], vertices[remaining], count[remaining]
            tables = tables.select(remaining)
    return results  # type: ignore[return-value]  # every game has stopped


def iterate(
    sets: list[np.ndarray],
    stages: list[StageData],
    delta: float,
    *,
    tol: float,
    scale: float,
    max_iter: int,
    grow: bool = False,
) -> Correspondence:
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
    (result,) = iterate_many(
        [sets],
        [stages],
        np.array([delta]),
        tols=np.array([tol]),
        scales=np.array([scale]),
        max_iter=max_iter,
        grow=grow,
    )
    return result
