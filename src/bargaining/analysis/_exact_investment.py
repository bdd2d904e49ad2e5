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

import numpy as np

from ..core.repeated.payoff_sets import equilibrium_payoffs_many
from ..labor import formulas as f
from ..labor.strike_game import StrikeGame
from ._selection import check_selection, select
from .redistribution import breakdown_automation


def _exact_payoffs(scenarios, grids, cost, selection, transfers, paid_strikes):
    games = [
        StrikeGame(s, float(x), transfers)
        for s, g in zip(scenarios, grids, strict=True)
        for x in g
    ]
    deltas = [s.delta for s, g in zip(scenarios, grids, strict=True) for _ in g]
    sets = iter(equilibrium_payoffs_many(games, deltas, on_max_iter="raise"))
    result = []
    for s, grid in zip(scenarios, grids, strict=True):
        values = {f.w: s.w, f.theta: s.theta}
        stage = tuple(
            f.evaluate(payoff, values) for payoff in (f.LABOR_WORK_PAYOFF, f.CAPITAL_WORK_PAYOFF)
        )
        value = np.array(
            [select(next(sets), selection, stage, paid_strikes=paid_strikes)[1] for _ in grid]
        ) / (1 - s.theta)
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
    selection : {"capital-best", "labor-best", "nash", "nash-stage"}
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    paid_strikes : bool
    """
    check_selection(selection)
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
    breakdowns = [breakdown_automation(s, method="exact", transfers=transfers) for s in scenarios]
    return best, breakdowns
