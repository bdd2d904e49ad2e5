"""Capital's investment as an action that moves automation: does it automate to break leverage?

:func:`~bargaining.analysis.strategic_automation` lets capital choose automation
once. Here it invests period by period: in the stochastic game of
:func:`bargaining.labor.dynamics.AutomationGame` with ``investment=cost``,
automation stays where it is unless capital invests, which moves it one level
up, and the machines in place add ``gain * a - C(a)`` a period. The question
is whether capital automates further, or faster, than productivity alone
would make it, because automating weakens labor's threat to strike.

Algorithm
---------
1. Build two games over ``levels``, automation standing still unless capital
   invests: with the investment option, and frozen (no option).
2. Productivity-only benchmark: the pure Markov perfect equilibria of the
   game with the option, by backward induction over the levels (investing
   only moves automation up, so a state's values depend on its own and the
   higher states' only): in state ``s``, for each equilibrium from ``s + 1``
   on and each profile, solve for the state's value and keep the profile if
   no one-shot deviation gains. A transfer changes no transition, so Keep
   beats Share in every state and no Markov perfect equilibrium shares
   (checked: ``markov_sharing``). Read off capital's investment policy.
3. The subgame-perfect payoff sets of both games, outer APS approximations
   (the operator of Abreu, Brooks and Sannikov 2020, iterated from outside);
   labor's payoff ``U_s`` at the point ``selection`` picks in each state.
   Redistribution is ``(U_s - N_s) / (1 - theta)`` in transfer units, ``N_s``
   labor's payoff without transfers: in its best productivity-only Markov
   perfect equilibrium with the option, in (Work, Keep) for ever when frozen.
4. Decompose each selected point ``v`` (the ends of its edge when it is not
   a vertex: a public lottery between them): a profile ``p`` with
   ``w = (v - (1 - delta) g(p)) / delta`` in the set of the state ``p`` leads
   to and above the incentive corner (a deviation is punished by the
   deviator's worst payoff where it leads). The profiles that do so within
   ``tol`` give capital's first-period action; the point requires investing
   when every one of them invests.

References
----------
.. [1] D. Abreu, B. Brooks and Y. Sannikov, "Algorithms for stochastic games
   with perfect monitoring", Econometrica 88 (2020) 1661-1695.
.. [2] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [3] E. Maskin and J. Tirole, "Markov perfect equilibrium: I. Observable
   actions", Journal of Economic Theory 100 (2001) 191-219.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..core.polygon import distance_to_polygon
from ..core.stochastic.aps import StageData, incentive_corners, punishments
from ..labor.dynamics import INVEST, AutomationGame
from ..labor.investment import Cost
from ._exact_redistribution import base_payoff
from ._selection import check_selection, select
from .anticipation import LEVELS

if TYPE_CHECKING:
    from ..labor.scenarios import Scenario

SELECTIONS = ("labor-best", "capital-best", "nash")


@dataclass(frozen=True)
class DynamicAutomation:
    """Automation that capital moves: the Markov benchmark and the selected equilibrium.

    Attributes
    ----------
    levels : numpy.ndarray
        Automation in each state.
    markov_policies : tuple of tuple of bool
        Capital's investment policy (invest in state ``s`` or not) in the pure
        Markov perfect equilibria, each distinct policy once.
    markov_sharing : bool
        Whether any pure Markov perfect equilibrium pays a transfer.
    redistribution, frozen : numpy.ndarray
        Redistribution sustained in each state under ``selection``, in
        transfer units per period, with the investment option and with
        automation frozen.
    selected : numpy.ndarray
        The selected payoffs ``(labor, capital)`` in each state, ``S x 2``.
    first_actions : tuple of tuple of str
        In each state, capital's first-period actions of the profiles that
        decompose the selected point.
    invests : numpy.ndarray
        Whether the selected point requires capital to invest at once.
    residual : numpy.ndarray
        How far the decomposing continuation lies from its set (0 when inside).
    cost : str
        The investment cost and gain.
    selection, method : str
        The equilibrium selection, and how the payoff sets were computed.
    """

    levels: np.ndarray
    markov_policies: tuple[tuple[bool, ...], ...]
    markov_sharing: bool
    redistribution: np.ndarray
    frozen: np.ndarray
    selected: np.ndarray
    first_actions: tuple[tuple[str, ...], ...]
    invests: np.ndarray
    residual: np.ndarray
    cost: str
    selection: str
    method: str

    @property
    def markov_stops(self) -> tuple[float, ...]:
        """Where capital stops investing from the first level, in each Markov policy."""
        stops = set()
        for policy in self.markov_policies:
            state = 0
            while policy[state]:
                state += 1
            stops.add(float(self.levels[state]))
        return tuple(sorted(stops))

    def describe(self) -> str:
        """One line: the Markov benchmark, where redistribution ends, the first actions."""
        stops = " or ".join(f"{a:.4g}" for a in self.markov_stops)
        ends = [_first_zero(values) for values in (self.redistribution, self.frozen)]
        where = ["never" if t is None else f"at a = {self.levels[t]:.4g}" for t in ends]
        investing = [f"{a:.4g}" for a, yes in zip(self.levels, self.invests, strict=True) if yes]
        return (
            f"on productivity alone capital automates from 0 up to a = {stops} (pure Markov "
            f"perfect equilibria, {'some' if self.markov_sharing else 'none'} sharing); "
            f"redistribution ends {where[0]} with the option to automate, {where[1]} with "
            f"automation frozen; the selected equilibrium invests at once at a = "
            f"{', '.join(investing) or 'none'} ({self.method}, {self.selection})"
        )


def _first_zero(values):
    zeros = np.flatnonzero(np.asarray(values) <= 0)
    return int(zeros[0]) if len(zeros) else None


def dynamic_automation(
    scenario: Scenario,
    cost: Cost,
    levels: Sequence[float] = LEVELS,
    selection: str = "labor-best",
    *,
    transfers: Sequence[float] | None = None,
    tol: float = 1e-6,
) -> DynamicAutomation:
    """Capital's investment over time against the productivity-only benchmark (steps 1-4).

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    cost : bargaining.labor.investment.Cost
        The annuity ``C(a)`` and the gain of automation.
    levels : sequence of float
        The automation levels investment climbs, rising; 0, 0.1, ..., 1 by default.
    selection : {"labor-best", "capital-best", "nash"}
        Which subgame-perfect equilibrium each state's numbers come from.
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    tol : float
        Redistribution below this is reported as 0, and a decomposition is
        accepted within this distance (relative to the largest payoff).

    Returns
    -------
    DynamicAutomation

    Raises
    ------
    ValueError
        For an unknown selection, a ``cost`` that is not a ``Cost``, levels
        that do not rise, or anything :func:`~bargaining.labor.dynamics.AutomationGame`
        refuses.
    """
    selection = check_selection(selection, SELECTIONS)
    if not isinstance(cost, Cost):
        raise ValueError(f"cost must be a Cost (bargaining.labor.investment.cost), got {cost!r}")
    floats = np.array([float(a) for a in levels])
    if np.any(np.diff(floats) <= 0):
        raise ValueError(f"levels must rise, got {[float(a) for a in floats]}")
    scenario = scenario.as_float()
    game = AutomationGame(scenario, floats, transfers=transfers, investment=cost)
    frozen_game = AutomationGame(scenario, floats, np.eye(len(floats)), transfers=transfers)
    delta = float(scenario.delta)
    stages = [
        StageData(*(np.asarray(m, dtype=float) for m in g.payoff_matrices), t.astype(float))
        for g, t in zip(game.stage_games, game.transitions, strict=True)
    ]
    scale = max(1.0, *(float(np.abs(m).max()) for st in stages for m in (st.A, st.B)))
    columns = [g.labels[1] for g in game.stage_games]
    equilibria = _markov_perfect(stages, delta, 1e-12 * scale)
    invest_flags = [[label.endswith(f"+{INVEST}") for label in c] for c in columns]
    policies = {tuple(invest_flags[s][j] for s, (_, j) in enumerate(p)) for _, p in equilibria}
    sharing = any(
        columns[s][j].startswith("Share") for _, p in equilibria for s, (_, j) in enumerate(p)
    )
    markov_labor = np.max([values[:, 0] for values, _ in equilibria], axis=0)

    sets = game.equilibrium_payoffs(inner=False)
    frozen_sets = frozen_game.equilibrium_payoffs(inner=False)
    selected = np.array([select(s, selection, None, paid_strikes=True) for s in sets])
    frozen_labor = np.array(
        [select(s, selection, None, paid_strikes=True)[0] for s in frozen_sets]
    )
    stage_labor = np.array([float(base_payoff(scenario, a)) for a in floats])
    share = 1 - float(scenario.theta)
    gain, frozen_gain = (
        (selected[:, 0] - markov_labor) / share,
        (frozen_labor - stage_labor) / share,
    )

    vertices = [np.asarray(s.vertices, dtype=float) for s in sets]
    decompositions = [
        _decompose_point(stages, vertices, state, point, delta, tol * scale)
        for state, point in enumerate(selected)
    ]
    first = tuple(
        tuple(sorted({columns[s][j] for i, j in found}))
        for s, (found, _) in enumerate(decompositions)
    )
    invests = np.array(
        [bool(f) and all(label.endswith(f"+{INVEST}") for label in f) for f in first]
    )
    return DynamicAutomation(
        levels=floats,
        markov_policies=tuple(sorted(policies)),
        markov_sharing=sharing,
        redistribution=np.where(gain > tol, gain, 0.0),
        frozen=np.where(frozen_gain > tol, frozen_gain, 0.0),
        selected=selected,
        first_actions=first,
        invests=invests,
        residual=np.array([residual for _, residual in decompositions]),
        cost=str(cost),
        selection=selection,
        method=f"stochastic game, {sets[0].method} outer sets; pure Markov perfect equilibria",
    )


def _markov_perfect(stages, delta, slack):
    """Step 2: the pure Markov perfect equilibria as (values ``S x 2``, profile), deduplicated."""
    following = [stage.T.argmax(axis=2) for stage in stages]  # deterministic: stay or go up
    partial = [(np.empty((0, 2)), ())]
    for s in reversed(range(len(stages))):
        stage, leads = stages[s], following[s]
        found = {}
        for later, profile in partial:
            for i, j in np.ndindex(stage.A.shape):
                payoff = np.array([stage.A[i, j], stage.B[i, j]])
                target = leads[i, j]
                if target == s:  # the profile is played for ever
                    value = payoff
                else:
                    value = (1 - delta) * payoff + delta * later[target - s - 1]
                # What each player gets after a one-shot deviation, by the state it leads to.
                reached = np.vstack([value, later])
                labor = max(
                    (1 - delta) * stage.A[k, j] + delta * reached[leads[k, j] - s, 0]
                    for k in range(stage.A.shape[0])
                )
                capital = max(
                    (1 - delta) * stage.B[i, k] + delta * reached[leads[i, k] - s, 1]
                    for k in range(stage.A.shape[1])
                )
                if labor <= value[0] + slack and capital <= value[1] + slack:
                    key = (np.round(reached, 10).tobytes(), j, *(p[1] for p in profile))
                    found.setdefault(key, (reached, ((i, j), *profile)))
        partial = list(found.values())
    return partial


def _decompose_point(stages, vertices, state, point, delta, tol):
    """Step 4 for a selected point: itself if a vertex, else the two ends of its edge.

    A point inside an edge of the set is a public lottery between the edge's
    ends, each generated by a profile: its first actions are theirs.
    """
    polygon = vertices[state]
    nearest = np.hypot(*(polygon - point).T)
    if nearest.min() <= tol or len(polygon) < 2:
        return _decompose(stages, vertices, state, polygon[nearest.argmin()], delta, tol)
    ends = np.roll(polygon, -1, axis=0)
    through = np.hypot(*(point - polygon).T) + np.hypot(*(ends - point).T)
    edge = int(np.argmin(through - np.hypot(*(ends - polygon).T)))
    found, misses = zip(
        *(
            _decompose(stages, vertices, state, end, delta, tol)
            for end in (polygon[edge], ends[edge])
        ),
        strict=True,
    )
    return [p for profiles in found for p in profiles], max(misses)


def _decompose(stages, vertices, state, point, delta, tol):
    """Step 4: the profiles generating ``point`` in ``state``, and the nearest miss's distance.

    Transitions are deterministic, so a profile fixes its continuation ``w``; it
    generates the point when ``w`` lies in the next state's set and meets both
    incentive constraints.
    """
    stage = stages[state]
    corners = incentive_corners(stage, punishments(vertices), delta)
    found, misses = [], []
    for i, j in np.ndindex(stage.A.shape):
        target = int(stage.T[i, j].argmax())
        continuation = (point - (1 - delta) * np.array([stage.A[i, j], stage.B[i, j]])) / delta
        outside = float(distance_to_polygon(continuation, vertices[target])[0])
        short = float(np.max(corners[i, j] - continuation, initial=0.0))
        miss = max(outside, short)
        (found if miss <= tol else misses).append(((i, j), miss))
    if found:
        return [p for p, _ in found], max(m for _, m in found)
    nearest = min(misses, key=lambda m: m[1])
    return [nearest[0]], nearest[1]
