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
   game with the option, by backward induction over the levels
   (:func:`~bargaining.core.stochastic.backward_induction.upward_markov_perfect`:
   investing only moves automation up). A transfer changes no transition,
   so Keep beats Share and no Markov perfect equilibrium shares (checked:
   ``markov_sharing``). Read off capital's investment policy.
3. The subgame-perfect payoff sets of both games, outer APS approximations
   (Abreu, Brooks and Sannikov 2020); labor's payoff ``U_s`` at the point
   ``selection`` picks. Redistribution is ``(U_s - N_s) / (1 - theta)``, in
   transfer units, ``N_s`` labor's payoff without transfers: in its best
   Markov perfect equilibrium with the option, in (Work, Keep) when frozen.
4. Decompose each selected point ``v`` (the ends of its edge when it is not
   a vertex: a public lottery between them): the profiles ``p`` with
   ``w = (v - (1 - delta) g(p)) / delta`` in the set of the state ``p`` leads
   to and above the incentive corner
   (:func:`~bargaining.core.stochastic.decomposition.generating_profiles`) give
   capital's first-period action; the point requires investing when every
   one of them invests.

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

from ..core.stochastic.aps import payoff_scale, stage_data
from ..core.stochastic.backward_induction import upward_markov_perfect
from ..core.stochastic.decomposition import generating_profiles
from ..labor.dynamics import INVEST, AutomationGame
from ..labor.investment import Cost
from ._exact_redistribution import base_payoff
from ._selection import check_selection, select
from .anticipation import LEVELS, first_zero

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
        Each distinct investment policy (invest in state ``s``?) of the pure
        Markov perfect equilibria.
    markov_sharing : bool
        Whether any pure Markov perfect equilibrium pays a transfer.
    redistribution, frozen : numpy.ndarray
        Redistribution sustained in each state under ``selection`` (transfer
        units per period), with the option to invest and automation frozen.
    selected : numpy.ndarray
        The selected payoffs ``(labor, capital)`` in each state, ``S x 2``.
    first_actions : tuple of tuple of str
        Capital's first-period actions in the profiles generating each state's
        selected point.
    invests : numpy.ndarray
        Whether the selected point requires capital to invest at once.
    residual : numpy.ndarray
        How far the generating continuation misses its set (0 when inside).
    cost, selection, method : str
        The investment cost and gain, the equilibrium selection, and how the
        numbers were computed.
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
        ends = [first_zero(values) for values in (self.redistribution, self.frozen)]
        where = ["never" if t is None else f"at a = {self.levels[t]:.4g}" for t in ends]
        investing = [f"{a:.4g}" for a, yes in zip(self.levels, self.invests, strict=True) if yes]
        return (
            f"on productivity alone capital automates from 0 up to a = {stops} (pure Markov "
            f"perfect equilibria, {'some' if self.markov_sharing else 'none'} sharing); "
            f"redistribution ends {where[0]} with the option to automate, {where[1]} with "
            f"automation frozen; the selected equilibrium invests at once at a = "
            f"{', '.join(investing) or 'none'} ({self.method}, {self.selection})"
        )


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
        Redistribution below it is 0; a decomposition may miss by it (relative).

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
    grid = [float(a) for a in levels]
    if np.any(np.diff(grid) <= 0):
        raise ValueError(f"levels must rise, got {grid}")
    scenario, floats = scenario.as_float(), np.array(grid)
    game = AutomationGame(scenario, grid, transfers=transfers, investment=cost)
    frozen_game = AutomationGame(scenario, grid, np.eye(len(grid)), transfers=transfers)
    delta = float(scenario.delta)
    stages = stage_data(game.stage_games, game.transitions)
    scale = payoff_scale(stages)
    columns = [g.labels[1] for g in game.stage_games]
    equilibria = upward_markov_perfect(stages, delta, 1e-12 * scale)
    played = [[columns[s][j] for s, (_, j) in enumerate(p)] for _, p in equilibria]
    policies = {tuple(label.endswith(f"+{INVEST}") for label in labels) for labels in played}
    sharing = any(label.startswith("Share") for labels in played for label in labels)
    markov_labor = np.max([values[:, 0] for values, _ in equilibria], axis=0)

    sets = game.equilibrium_payoffs(inner=False)
    frozen_sets = frozen_game.equilibrium_payoffs(inner=False)
    points = [select(s, selection, None, paid_strikes=True) for s in [*sets, *frozen_sets]]
    selected, frozen_labor = np.array(points[: len(sets)]), np.array(points[len(sets) :])[:, 0]
    stage_labor = np.array([float(base_payoff(scenario, a)) for a in floats])
    gain = (selected[:, 0] - markov_labor) / (1 - scenario.theta)
    frozen_gain = (frozen_labor - stage_labor) / (1 - scenario.theta)

    vertices = [np.asarray(s.vertices, dtype=float) for s in sets]
    decompositions = [
        _decompose(stages, vertices, state, point, delta, tol * scale)
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


def _decompose(stages, vertices, state, point, delta, tol):
    """Step 4 for a selected point: itself if a vertex, else the two ends of its edge.

    A point inside an edge of the set is a public lottery between the edge's
    ends, each generated by a profile: its first actions are theirs.
    """
    polygon = vertices[state]
    nearest = np.hypot(*(polygon - point).T)
    if nearest.min() <= tol or len(polygon) < 2:
        ends = [polygon[nearest.argmin()]]
    else:
        following = np.roll(polygon, -1, axis=0)
        detour = np.hypot(*(point - polygon).T) + np.hypot(*(following - point).T)
        edge = int(np.argmin(detour - np.hypot(*(following - polygon).T)))
        ends = [polygon[edge], following[edge]]
    found = [generating_profiles(stages[state], vertices, end, delta, tol) for end in ends]
    return [p for profiles, _ in found for p in profiles], max(miss for _, miss in found)
