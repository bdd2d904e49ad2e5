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
5. If the only profile that produced a point is a pure stage Nash
   equilibrium ``a*`` (``h(a*) = 0``) and ``g(a*)`` itself was added in step
   4, stop: the limit is the point ``g(a*)`` (see "The collapse" below).
6. Let the new ``W`` be the convex hull of all these points. If no profile
   produced a point, no profile can be enforced by any continuation in
   ``W``, so ``V`` is empty: stop and return the empty set. Otherwise repeat
   from step 2 until the Hausdorff distance ``d`` between successive sets
   guarantees ``d * delta / (1 - delta) <= tol``: the iteration contracts at
   rate ``delta``, so the set is then within ``tol`` of its limit. The
   caller must make sure that ``tol * (1 - delta) / delta`` is above the
   rounding of the arithmetic, or the test is met vacuously (see
   :func:`bargaining.core.repeated.payoff_sets.check_resolvable`).
7. Merge vertices that lie within ``tol`` of each other or of the line
   through their neighbours, so that a sliver that has converged to a segment
   or a point is returned as one.

The collapse
------------
Where redistribution breaks down the iterates shrink onto a stage
equilibrium by a factor ``delta`` a step, and step 6 would need about
``log(tol) / log(delta)`` steps to certify the point. Step 5 returns it at
once, and exactly. Let the step from ``W`` produce points only for ``a*``,
with ``h(a*) = 0`` and ``g(a*)`` in ``W``.

- A profile ``a`` produces a point exactly when ``W`` meets the quadrant
  ``Q(a) = {w >= c(a)}``: ``W`` has a point with ``w_1 <= c_1(a)`` and
  one with ``w_2 <= c_2(a)`` (``P(W) <= c(a)``), so a convex ``W`` that
  meets ``Q(a)`` meets one of its two boundary rays. For ``a*`` the corner is ``P(W)``
  itself, so ``a*`` produces points on every non-empty ``W``, and ``g(a*)``
  whenever it lies in ``W``.
- Every point ``a*`` produces is ``(1 - delta) g(a*) + delta w`` with ``w``
  in ``W``, so the next set ``W'`` lies in ``(1 - delta) g(a*) + delta W``,
  which lies in ``W`` (convex, holding ``g(a*)``); and ``W'`` holds
  ``g(a*)``, added in step 4.
- ``W'`` inside ``W`` raises the punishment point, so every corner
  ``c(a)`` rises and every quadrant shrinks: a profile whose quadrant
  missed ``W`` misses ``W'``. The step from ``W'`` again produces points
  for ``a*`` alone, ``g(a*)`` among them, and by induction ``n`` steps
  later the set lies in ``g(a*) + delta**n (W - g(a*))`` and holds
  ``g(a*)``: the limit is the point ``g(a*)``.

The iteration's limit is ``V``, so ``V = {g(a*)}``, and the stop reports a
distance of 0 from it. In floating point the membership tests carry a slack
of ``1e-12`` times the payoff scale; step 5 reads the very tests of the step
it ends, so it differs from running on only where a profile's quadrant meets
the set within that slack, where neither answer is more exact than the
other. When two profiles still produce points (two stage equilibria, or a
punishment still enforceable), the iteration runs on as before.

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
    """Where the iteration stopped: the set and how it got there.

    ``distance`` is the Hausdorff distance of the last step, or 0 when the
    iteration stopped on an empty set or on the point of a collapse (step 5),
    which are its limit exactly.
    """

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
    """One step of the operator (steps 2-4): the new set and who produced it.

    The ``3K`` lines of a step (through each corner along both axes, and
    through each stage payoff) meet the polygon in one vectorised pass.

    Returns
    -------
    numpy.ndarray, numpy.ndarray, numpy.ndarray
        The new set's hull vertices (none when no profile produced a point),
        and for each profile whether it produced a point and whether its
        stage payoff was among them.
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
    fixed, ends, reach_twice = np.tile(fixed, 2), ends, np.tile(reach, 2)
    along_first = np.tile(np.arange(2 * profiles) < profiles, 2)
    points = np.where(along_first[:, None], np.stack([fixed, ends], 1), np.stack([ends, fixed], 1))
    stage = np.tile(payoffs, (4, 1))
    stationary = (
        np.all(payoffs >= corner - eps, axis=1)
        & (low[2 * profiles :] - eps <= payoffs[:, 1])
        & (payoffs[:, 1] <= high[2 * profiles :] + eps)
    )
    following = hull_array(
        np.concatenate([((1 - delta) * stage + delta * points)[reach_twice], payoffs[stationary]])
    )
    produced = reach[:profiles] | reach[profiles:] | stationary
    return following, produced, stationary


def collapsed_onto(produced, stationary, gains):
    """Step 5: the profile the iteration has collapsed onto, or None.

    That is the one profile that produced points, when it is a pure stage
    Nash equilibrium (deviation gains exactly 0) whose stage payoff was
    among its points.
    """
    (producers,) = np.nonzero(produced)
    if len(producers) != 1:
        return None
    (profile,) = producers
    return int(profile) if stationary[profile] and not gains[profile].any() else None


def abreu_sannikov(A, B, delta, *, tol=1e-11, max_iter=100_000, stop_on_collapse=True):
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
    stop_on_collapse : bool
        Return the point at once when the iteration collapses onto a stage
        equilibrium (step 5); ``False`` iterates on to the stopping rule, to
        check the shortcut against.

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
        following, produced, stationary = generate(vertices, payoffs, gains, delta, scale)
        if not len(following):
            return Iterates(following, iteration + 1, 0.0, True)
        collapse = collapsed_onto(produced, stationary, gains) if stop_on_collapse else None
        if collapse is not None:
            return Iterates(payoffs[[collapse]], iteration + 1, 0.0, True)
        distance = hausdorff_distance(vertices, following)
        vertices, iteration = following, iteration + 1
        converged = distance * delta / (1 - delta) <= tol * scale
    return Iterates(simplify_polygon(vertices, 10 * tol * scale), iteration, distance, converged)
