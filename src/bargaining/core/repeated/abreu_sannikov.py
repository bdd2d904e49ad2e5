"""Subgame-perfect payoffs of a repeated game by the Abreu-Sannikov algorithm.

For a two-player stage game with perfect monitoring, public randomisation
and a common discount factor ``delta``, the set ``V`` of pure-strategy
subgame-perfect payoffs is the largest fixed point of the operator of Abreu,
Pearce and Stacchetti (1990). Abreu and Sannikov (2014) show that each action
profile ``a`` contributes at most four extreme points to ``V``, all with a
binding incentive constraint, besides ``g(a)`` itself when playing ``a``
forever is an equilibrium. Iterating the operator on those points alone, from
the feasible set, converges to ``V``.

Algorithm
---------
Let ``g(a)`` be the stage payoffs of profile ``a`` and ``h(a)`` each player's
gain from the best one-shot deviation at ``a``.

1. Start from the feasible set ``W = co{g(a)}``. No stage equilibrium is
   assumed: the punishments are the worst points of the current ``W``, so a
   profile that is not a stage equilibrium can punish (a "stick").
2. Compute the punishment point ``P(W)``, each player's lowest payoff in
   ``W``, and for every profile the incentive corner
   ``c(a) = P(W) + (1 - delta) / delta * h(a)``: continuation values
   ``w >= c(a)`` deter every deviation from ``a``.
3. For every profile intersect ``W`` with the two lines through ``c(a)``
   (``w_1 = c_1(a)`` and ``w_2 = c_2(a)``) and keep the ends of each segment
   inside the quadrant ``w >= c(a)``: at most four points ``w``.
4. Map each to ``(1 - delta) * g(a) + delta * w``. Add ``g(a)`` itself when
   it lies in ``W`` and above ``c(a)``.
5. Let the new ``W`` be the convex hull of all these points. If no profile
   produced a point, no profile can be enforced by any continuation in
   ``W``, so ``V`` is empty: stop and return the empty set. Otherwise repeat
   from step 2 until the Hausdorff distance ``d`` between successive sets
   guarantees ``d * delta / (1 - delta) <= tol``: the iteration contracts at
   rate ``delta``, so the set is then within ``tol`` of its limit. The
   caller must make sure that ``tol * (1 - delta) / delta`` is above the
   rounding of the arithmetic, or the test is met vacuously (see
   :func:`bargaining.core.repeated.payoff_sets.check_resolvable`).
6. Merge vertices that lie within ``tol`` of each other or of the line
   through their neighbours, so that a sliver that has converged to a segment
   or a point is returned as one.

Points, segments and polygons are all handled alike: when redistribution
breaks down the set collapses to the stage equilibrium, and that point is
the answer, not an error.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
.. [2] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990)
   1041-1063.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..polygon import hausdorff_distance, hull_array, line_segment_bounds, simplify_polygon


class Iterates(NamedTuple):
    """Where the iteration stopped: the set and how it got there."""

    vertices: np.ndarray
    iterations: int
    distance: float
    converged: bool


def stage_data(A, B):
    """Stage payoffs ``g`` (``K x 2``) and deviation gains ``h`` of every profile."""
    payoffs = np.stack([A.ravel(), B.ravel()], axis=1)
    gains = np.stack(
        [(A.max(axis=0, keepdims=True) - A).ravel(), (B.max(axis=1, keepdims=True) - B).ravel()],
        axis=1,
    )
    return payoffs, gains


def generate(vertices, payoffs, gains, delta, scale):
    """One step of the operator (steps 2-5): the new set's hull vertices.

    The ``3K`` lines of a step (through each corner along both axes, and
    through each stage payoff) meet the polygon in one vectorised pass.
    """
    eps = 1e-12 * scale
    profiles = len(payoffs)
    corner = vertices.min(axis=0) + (1 - delta) / delta * gains
    axes = np.repeat(np.array([0, 1, 0]), profiles)
    low, high = line_segment_bounds(
        vertices, axes, np.concatenate([corner[:, 0], corner[:, 1], payoffs[:, 0]]), eps
    )
    # Binding points: on the line w[axis] = corner[axis], the ends of the
    # polygon's chord that lie in the quadrant w >= corner.
    fixed = np.concatenate([corner[:, 0], corner[:, 1]])
    free_corner = np.concatenate([corner[:, 1], corner[:, 0]])
    reach = high[: 2 * profiles] >= free_corner - eps
    ends = np.concatenate([np.maximum(low[: 2 * profiles], free_corner), high[: 2 * profiles]])
    fixed, ends, reach = np.tile(fixed, 2), ends, np.tile(reach, 2)
    along_first = np.tile(np.arange(2 * profiles) < profiles, 2)
    points = np.where(along_first[:, None], np.stack([fixed, ends], 1), np.stack([ends, fixed], 1))
    stage = np.tile(payoffs, (4, 1))
    stationary = (
        np.all(payoffs >= corner - eps, axis=1)
        & (low[2 * profiles :] - eps <= payoffs[:, 1])
        & (payoffs[:, 1] <= high[2 * profiles :] + eps)
    )
    return hull_array(
        np.concatenate([((1 - delta) * stage + delta * points)[reach], payoffs[stationary]])
    )


def abreu_sannikov(A, B, delta, *, tol=1e-11, max_iter=100_000):
    """Iterate the Abreu-Sannikov operator from the feasible set.

    Parameters
    ----------
    A, B : numpy.ndarray
        ``m x n`` float payoffs of the row and the column player.
    delta : float
        Common discount factor in (0, 1).
    tol : float
        Accuracy of the result, relative to the payoffs' scale: the returned
        vertices are within about ``tol * scale`` of the limit set.
    max_iter : int
        Stop after this many steps even if not converged.

    Returns
    -------
    Iterates
        The last set's vertices (counter-clockwise; none when ``V`` is
        empty), the number of steps, the last Hausdorff distance and whether
        it fell below ``tol``.
    """
    payoffs, gains = stage_data(A, B)
    scale = max(1.0, float(np.abs(payoffs).max()))
    vertices = hull_array(payoffs)
    distance, iteration, converged = np.inf, 0, False
    while iteration < max_iter and not converged:
        following = generate(vertices, payoffs, gains, delta, scale)
        if not len(following):
            return Iterates(following, iteration + 1, 0.0, True)
        distance = hausdorff_distance(vertices, following)
        vertices, iteration = following, iteration + 1
        converged = distance * delta / (1 - delta) <= tol * scale
    return Iterates(simplify_polygon(vertices, 10 * tol * scale), iteration, distance, converged)
