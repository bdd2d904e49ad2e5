"""Capital's automation choice from the exact sets of subgame-perfect payoffs.

The continuation value of capital at automation ``a`` is read off the set
``V(a)`` of pure-strategy subgame-perfect payoffs of the repeated strike game
(Abreu and Sannikov 2014), at a point chosen by an equilibrium selection of
:mod:`bargaining.analysis._selection` (``"nash-stage"`` equals
``"capital-best"`` unless a strike pays more than work, because the stage
equilibrium is capital's favourite point). Capital's payoff is measured in
the units of its automation gain and cost (divided by ``1 - theta``: labor's
share of the firm pays its share of both, which does not change capital's
choice).

Paid strikes: where ``b + y_s(a) > 1`` a strike yields more than work and
``V(a)`` holds equilibria in which capital pays labor to strike. ``b`` is a
payment from outside the relationship, so by default (``paid_strikes=False``)
the selection is made in ``V(a)`` cut to ``u_L + u_K <= 1``; it contains the
stage equilibrium, and equals ``V(a)`` wherever no strike pays more than work.
With a lockout the cut is at the joint payoff of dismissal, ``u(a) + y_s(a)``,
when that is higher: labor's outside option is income, not a paid strike, and
the stage equilibrium (Strike, Lockout) stays in the set.

``"renegotiation-proof"`` takes capital's payoff on the path of labor's best
weakly renegotiation-proof simple strategy profile
(:mod:`bargaining.analysis._renegotiation`) instead of a point of ``V(a)``.

Algorithm
---------
1. For every scenario, build the strike game on a grid of 33 automation
   levels, and solve all the payoff sets in lockstep
   (:func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs_many`).
2. Select capital's value in each set and add ``gain*a - C(a)``.
3. Around each scenario's best level, lay a grid of 17 levels between its
   neighbours and repeat from step 1 until the bracket is narrower than
   ``xtol``. Capital's payoff jumps up where redistribution breaks down, so
   the bracket closes on the breakdown point from the right when the jump is
   worth its cost.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
.. [2] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
"""

from __future__ import annotations

import functools

import numpy as np

from ..core.repeated.payoff_sets import equilibrium_payoffs_many
from ..labor.strike_game import StrikeGame
from ._renegotiation import best_simple_wrp, capital_best_stage_equilibrium
from ._selection import check_selection, select
from .redistribution import breakdown_automation

SELECTIONS = ("labor-best", "capital-best", "nash", "nash-stage", "renegotiation-proof")


def _joint_ceiling(game):
    """The joint payoff above which a point is a paid strike: 1, or dismissal's if higher."""
    labels, (labor, capital) = game.labels[1], game.payoff_matrices
    if "Lockout" not in labels:
        return 1.0
    column = labels.index("Lockout")
    return max(1.0, float(labor[0][column]) + float(capital[0][column]))


def _capital_values(scenario, games, sets, selection, paid_strikes):
    """Capital's selected payoff in each game, in the units of its automation gain."""
    if selection == "renegotiation-proof":
        found = [best_simple_wrp(game, scenario.delta).payoffs[1] for game in games]
        return np.array([float(v) for v in found]) / (1 - scenario.theta)
    chosen = [
        select(
            payoffs,
            selection,
            tuple(float(v) for v in capital_best_stage_equilibrium(game)),
            paid_strikes=paid_strikes,
            total=_joint_ceiling(game),
        )[1]
        for game, payoffs in zip(games, sets, strict=True)
    ]
    return np.array(chosen) / (1 - scenario.theta)


def _exact_payoffs(scenarios, grids, cost, selection, transfers, paid_strikes):
    games = [
        [StrikeGame(s, float(x), transfers) for x in g]
        for s, g in zip(scenarios, grids, strict=True)
    ]
    if selection == "renegotiation-proof":
        sets = [None] * len(games)
    else:
        flat = [game for group in games for game in group]
        deltas = [s.delta for s, g in zip(scenarios, grids, strict=True) for _ in g]
        solved = iter(equilibrium_payoffs_many(flat, deltas, on_max_iter="raise"))
        sets = [[next(solved) for _ in group] for group in games]
    result = []
    for s, grid, group, group_sets in zip(scenarios, grids, games, sets, strict=True):
        value = _capital_values(s, group, group_sets, selection, paid_strikes)
        with np.errstate(divide="ignore"):
            result.append(value + float(cost.gain) * grid - cost(grid))
    return result


def exact_capital_payoff(
    scenario, a, cost, selection="labor-best", *, transfers=None, paid_strikes=False
):
    """Capital's payoff ``U(a)`` from the selected point of the exact set ``V(a)``.

    Parameters
    ----------
    scenario : Scenario
    a : array_like
        Automation levels in [0, 1].
    cost : bargaining.labor.investment.Cost
    selection : {"capital-best", "labor-best", "nash", "nash-stage", "renegotiation-proof"}
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    paid_strikes : bool
    """
    check_selection(selection, SELECTIONS)
    grid = np.atleast_1d(np.asarray(a, dtype=float))
    value = _exact_payoffs(
        [scenario.as_float()], [grid], cost, selection, transfers, paid_strikes
    )[0]
    return float(value[0]) if np.ndim(a) == 0 else value.reshape(np.shape(a))


def exact_choices(scenarios, cost, selection, transfers, paid_strikes, xtol):
    scenarios = [s.as_float() for s in scenarios]
    grids = [np.linspace(0, 1, 33)] * len(scenarios)
    best = [None] * len(scenarios)
    while grids:
        open_ = [i for i, g in enumerate(grids) if g is not None]
        values = _exact_payoffs(
            [scenarios[i] for i in open_],
            [grids[i] for i in open_],
            cost,
            selection,
            transfers,
            paid_strikes,
        )
        for i, value in zip(open_, values, strict=True):
            j = int(np.argmax(value))
            if best[i] is None or value[j] > best[i][1]:
                best[i] = (float(grids[i][j]), float(value[j]))
            low, high = grids[i][max(j - 1, 0)], grids[i][min(j + 1, grids[i].size - 1)]
            grids[i] = np.linspace(low, high, 17) if high - low > xtol else None
        if all(g is None for g in grids):
            break
    grid = None if transfers is None else tuple(transfers)
    return best, [_labor_best_breakdown(s, grid) for s in scenarios]


@functools.lru_cache(maxsize=64)
def _labor_best_breakdown(scenario, transfers):
    # One per scenario, whichever selection chose the level: the CLI asks for several.
    return breakdown_automation(scenario, method="exact", transfers=transfers)
