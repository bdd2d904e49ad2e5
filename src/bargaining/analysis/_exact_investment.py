"""Capital's automation choice from the exact sets of subgame-perfect payoffs.

The continuation value of capital at automation ``a`` is read off the set
``V(a)`` of pure-strategy subgame-perfect payoffs of the repeated strike game
(Abreu and Sannikov 2014), at a selected point:

``"capital-preferred"``
    Capital's highest payoff in ``V(a)``.
``"labor-preferred"``
    Capital's payoff at labor's highest point.
``"nash"``
    The Nash bargaining point of ``V(a)`` with the worst payoffs in ``V(a)``
    (each side's harshest credible punishment) as disagreement point.
``"nash-stage"``
    The Nash bargaining point with the stage equilibrium (Work, Keep) as
    disagreement point. That point is capital's favourite unless a strike is
    efficient, so this selection then equals ``"capital-preferred"``.

The Nash points are found on the polygon's edges: along an edge the Nash
product is a quadratic, maximised at its stationary point or an end.

Paid strikes: where ``b + y_s(a) > 1`` a strike yields more than work and
``V(a)`` holds equilibria in which capital pays labor to strike. ``b`` is a
payment from outside the relationship, so by default (``paid_strikes=False``)
the selection is made in ``V(a)`` cut to ``u_L + u_K <= 1``; it contains the
stage equilibrium, and equals ``V(a)`` wherever no strike is efficient.

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
from ..labor.strike_game import StrikeGame
from .redistribution import breakdown_automation

SELECTIONS = ("capital-preferred", "labor-preferred", "nash", "nash-stage")


def _clip(vertices, total=1.0, tol=1e-9):
    """The polygon cut to ``u_L + u_K <= total`` (Sutherland-Hodgman, one half-plane)."""
    points = [tuple(v) for v in vertices]
    inside = [x + y <= total + tol for x, y in points]
    kept = []
    for i, (p, keep) in enumerate(zip(points, inside, strict=True)):
        q, keep_next = points[(i + 1) % len(points)], inside[(i + 1) % len(points)]
        if keep:
            kept.append(p)
        if keep != keep_next:
            t = (total - p[0] - p[1]) / (q[0] + q[1] - p[0] - p[1])
            kept.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return np.array(kept, dtype=float)


def _nash_point(vertices, disagreement, tol=1e-9):
    """The point of a convex polygon maximising ``(u_L - d_L)(u_K - d_K)`` over ``u >= d``."""
    d = np.asarray(disagreement, dtype=float)
    candidates = []
    for i, p in enumerate(vertices):
        edge = vertices[(i + 1) % len(vertices)] - p
        steps = [0.0]
        (first, second), (ex, ey) = p - d, edge
        if ex * ey != 0:
            steps.append(min(max(-(first * ey + second * ex) / (2 * ex * ey), 0.0), 1.0))
        candidates += [p + t * edge for t in steps]
    feasible = [c for c in candidates if np.all(c - d >= -tol)]
    if not feasible:
        raise ValueError(f"disagreement point {tuple(d)} is not dominated by any payoff")
    return max(feasible, key=lambda c: (np.prod(np.maximum(c - d, 0)), c.sum(), c[0]))


def select(payoffs, selection, stage, *, paid_strikes=False):
    """The selected point ``(u_L, u_K)`` of a subgame-perfect payoff set.

    Parameters
    ----------
    payoffs : bargaining.PayoffSet
    selection : {"capital-preferred", "labor-preferred", "nash", "nash-stage"}
    stage : pair
        The stage equilibrium payoffs ``(w, 1 - w)``.
    paid_strikes : bool
        Keep points with ``u_L + u_K > 1`` (see the module notes).
    """
    full = np.asarray(payoffs.vertices, dtype=float)
    vertices = full if paid_strikes else _clip(full)
    if selection == "capital-preferred":
        return tuple(max(vertices, key=lambda v: (v[1], v[0])))
    if selection == "labor-preferred":
        return tuple(max(vertices, key=lambda v: (v[0], v[1])))
    if selection not in SELECTIONS:
        raise ValueError(f"selection must be one of {', '.join(SELECTIONS)}, got {selection!r}")
    point = stage if selection == "nash-stage" else full.min(axis=0)
    return tuple(_nash_point(vertices, point))


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
        stage = (s.w, 1 - s.w)
        value = np.array(
            [select(next(sets), selection, stage, paid_strikes=paid_strikes)[1] for _ in grid]
        )
        with np.errstate(divide="ignore"):
            result.append(value + float(cost.gain) * grid - cost(grid))
    return result


def exact_capital_payoff(
    scenario, a, cost, selection="labor-preferred", *, transfers=None, paid_strikes=False
):
    """Capital's payoff ``U(a)`` from the selected point of the exact set ``V(a)``.

    Parameters
    ----------
    scenario : Scenario
    a : array_like
        Automation levels in [0, 1].
    cost : bargaining.labor.investment.Cost
    selection : {"capital-preferred", "labor-preferred", "nash", "nash-stage"}
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    paid_strikes : bool
    """
    if selection not in SELECTIONS:
        raise ValueError(f"selection must be one of {', '.join(SELECTIONS)}, got {selection!r}")
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
