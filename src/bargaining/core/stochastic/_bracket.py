"""What every APS solver of a stochastic game does before and after its iterations.

:meth:`bargaining.StochasticGame.equilibrium_payoffs` (one game) and
:func:`bargaining.core.stochastic.many.equilibrium_payoffs_many` (many games
in one batch) check the same options, start the outer and inner iterations
from the same sets (:func:`prepare`) and turn the limits into the same
:class:`~bargaining.core.stochastic.results.StatePayoffSet` results
(:func:`assemble`), so the two differ only in how they iterate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..polygon import ConvexPolygon, hausdorff_distance, hull_array, simplify_polygon
from ..repeated.payoff_sets import PayoffSet, resolve_tolerance
from ..validation import check_iteration_options
from . import aps, markov
from .aps import EMPTY, Correspondence, StageData
from .results import StatePayoffSet

if TYPE_CHECKING:
    from .stochastic_game import StochasticGame

METHODS = ("aps",)


@dataclass(frozen=True)
class Bracket:
    """One game's float data and the starts of its outer and inner iterations.

    Attributes
    ----------
    stages : list of StageData
        Stage payoffs and transitions, state by state.
    delta, tol, scale : float
        Discount factor, relative tolerance and payoff scale of the stopping rule.
    floor : numpy.ndarray
        The players' stationary minmax values, state by state (``S x 2``).
    start : list of numpy.ndarray
        The outer start: the hull of all stage payoffs, cut to ``floor``.
    seed : list of numpy.ndarray or None
        The self-generating inner start, None when the inner set is not asked for.
    """

    stages: list[StageData]
    delta: float
    tol: float
    scale: float
    floor: np.ndarray
    start: list[np.ndarray]
    seed: list[np.ndarray] | None


def check_options(method: str, max_iter: int) -> None:
    """Refuse an unknown ``method`` or an out-of-range ``max_iter`` (``ValueError``)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    check_iteration_options(max_iter=max_iter)


def prepare(game: StochasticGame, tol: float | None, *, inner: bool, max_profiles: int) -> Bracket:
    """The starts of ``game``'s iterations at the tolerance ``tol`` resolves to for its delta.

    Raises
    ------
    ValueError
        If ``tol`` is out of range, ``delta`` is too close to 1 for double
        precision, or ``inner`` is asked for with more than ``max_profiles``
        stationary profiles.
    """
    delta = float(game.delta)
    tol = resolve_tolerance(delta, tol)
    stages = aps.stage_data(game.stage_games, game.transitions)
    if inner:
        markov.check_profile_count(stages, max_profiles)
    scale = aps.payoff_scale(stages)
    floor = markov.stationary_minmax(stages, delta, tol * scale)
    feasible = hull_array(
        np.concatenate([np.stack([st.A.ravel(), st.B.ravel()], axis=1) for st in stages])
    )
    start = [_cut(feasible, floor[s], 0.0) for s in range(len(stages))]
    seed = markov.self_generating_seed(stages, delta, tol * scale) if inner else None
    return Bracket(stages, delta, tol, scale, floor, start, seed)


def assemble(
    bracket: Bracket, method: str, outer: Correspondence, inner: Correspondence | None
) -> list[StatePayoffSet]:
    """One :class:`StatePayoffSet` per state from where the outer and inner iterations stopped.

    The outer sets are simplified and cut to the stationary minmax values
    within ``10 * tol * scale``; the gap is the Hausdorff distance between
    the inner and the outer set.
    """
    slack = 10 * bracket.tol * bracket.scale
    options = {
        "delta": bracket.delta,
        "method": method,
        "iterations": outer.iterations,
        "distance": outer.distance,
        "converged": outer.converged,
        "tol": bracket.tol,
    }
    results = []
    for s, vertices in enumerate(outer.sets):
        vertices = _cut(
            simplify_polygon(vertices, slack) if len(vertices) else vertices,
            bracket.floor[s],
            slack,
        )
        inside, gap = None, None
        if inner is not None:
            inside = PayoffSet(
                inner.sets[s],
                delta=bracket.delta,
                method=f"{method} (inner)",
                iterations=inner.iterations,
                distance=inner.distance,
                converged=inner.converged,
                tol=bracket.tol,
            )
            gap = _gap(inner.sets[s], vertices)
        results.append(StatePayoffSet(vertices, state=s, inner=inside, gap=gap, **options))
    return results


def _gap(inner, outer):
    if not len(inner) or not len(outer):
        return 0.0 if len(inner) == len(outer) else float("inf")
    return hausdorff_distance(inner, outer)


def _cut(vertices, floor, slack):
    """The part of a polygon giving each player at least ``floor`` (``slack`` below lifted)."""
    if not len(vertices):
        return EMPTY
    polygon = ConvexPolygon(map(tuple, vertices))
    polygon = polygon.clip(0, float(floor[0]) - slack).clip(1, float(floor[1]) - slack)
    lifted = np.maximum(polygon.vertices.astype(float).reshape(-1, 2), floor)
    return hull_array(lifted) if len(lifted) else EMPTY
