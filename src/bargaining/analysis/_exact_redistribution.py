"""Redistribution sustained by subgame-perfect equilibria, from the exact payoff sets.

The closed forms of :mod:`bargaining.analysis.redistribution` describe chosen
strategy classes, so they are lower bounds. Here the whole set ``V`` of
pure-strategy subgame-perfect payoffs of the repeated strike game decides,
and an equilibrium selection picks one point of it:

``"labor-best"``
    labor's highest payoff in ``V`` (the most redistribution any equilibrium
    sustains);
``"capital-best"``
    the point of ``V`` that capital prefers (labor's highest payoff among
    capital's best ones);
``"nash"``
    the Nash bargaining solution over ``V`` with the players' worst payoffs
    in ``V`` as the disagreement point.

Redistribution is the selected payoff of labor above its payoff in the stage
equilibrium (Work, Keep), ``w + theta (1 - w)``, divided by ``1 - theta``: the
transfer it is worth. Amounts below ``tol`` count as none.

Algorithm
---------
1. Build the strike game at each automation level: the 2x2 game with the
   scenario's transfer ``tau``, or capital's choice among ``{0, t_1, ..., t_m}``;
   with the Lockout column when the scenario has it.
2. Compute all their payoff sets in lockstep with the Abreu-Sannikov
   algorithm (:func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs_many`).
3. Select a point of each set and measure redistribution.
4. The breakdown point, for labor's best equilibrium and a fixed wage, in
   closed form (:func:`closed_form_breakdown_output`): capital is held to its
   minmax ``y`` by (Strike, Share t) with the continuation on the frontier, or
   with a lockout by the stage equilibrium (Strike, Lockout); sharing ends
   where no transfer of the grid can be enforced.
5. Otherwise evaluate a grid of automation levels, bracket the first level
   that sustains no redistribution with the sustaining level before it, and
   refine the bracket with a finer grid inside it until it is narrower than
   ``xtol``.

Without a lockout redistribution need not stay lost: where ``y_s`` exceeds
``1 - b`` capital would pay labor to stay out, because labor's right to work
is then its leverage. The breakdown point reported is the first crossing;
with a lockout capital dismisses labor instead, and nothing revives.

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
from ..labor.evaluation import substitute
from ..labor.strike_game import StrikeGame
from .threshold import Threshold

GRID_POINTS = 33
SELECTIONS = ("labor-best", "capital-best", "nash")


def check_selection(selection: str) -> str:
    if selection not in SELECTIONS:
        raise ValueError(
            f"selection must be one of {', '.join(map(repr, SELECTIONS))}, got {selection!r}"
        )
    return selection


def _nash_point(vertices):
    """The Nash bargaining point of a polygon, disagreement at its worst payoffs."""
    low = vertices.min(axis=0)
    best, best_product = vertices[np.argmax(vertices.sum(axis=1))], -1.0
    closed = np.vstack([vertices, vertices[:1]])
    for start, end in zip(closed[:-1], closed[1:], strict=True):
        # The Nash product along the edge is a quadratic in s in [0, 1].
        gain, slope = start - low, end - start
        quadratic, linear = slope[0] * slope[1], gain[0] * slope[1] + gain[1] * slope[0]
        candidates = [0.0, 1.0]
        if quadratic < 0:
            candidates.append(min(1.0, max(0.0, -linear / (2 * quadratic))))
        for s in candidates:
            point = start + s * slope
            product = float(np.prod(point - low))
            if product > best_product:
                best, best_product = point, product
    return best


def _selected_labor_payoff(payoffs, selection):
    vertices = np.asarray(payoffs.vertices, dtype=float)
    if selection == "labor-best":
        return vertices[:, 0].max()
    if selection == "capital-best":
        top = vertices[:, 1] >= vertices[:, 1].max() - 1e-12
        return vertices[top, 0].max()
    return _nash_point(vertices)[0]


def payoff_sets(scenario, levels, transfers=None):
    """The subgame-perfect payoff sets of the strike game at each automation level."""
    games = [StrikeGame(scenario, float(a), transfers) for a in levels]
    return equilibrium_payoffs_many(games, scenario.delta, on_max_iter="raise")


def _base_payoff(scenario, a):
    wage = scenario.wage_at(float(a))
    return wage + scenario.theta * (1 - wage)


def _labor_gain(scenario, levels, transfers, tol, selection="labor-best"):
    sets = payoff_sets(scenario, levels, transfers)
    selected = np.array([_selected_labor_payoff(s, selection) for s in sets])
    base = np.array([_base_payoff(scenario, a) for a in levels])
    gain = (selected - base) / (1 - scenario.theta)
    return np.where(gain > tol, gain, 0.0)


def exact_max_redistribution(scenario, a, transfers=None, tol=1e-9, selection="labor-best"):
    """Redistribution under ``selection`` at automation ``a``, from the exact payoff sets.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
        Numeric scenario (exact values are converted to floats).
    a : float or array_like
        Automation levels in [0, 1].
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    tol : float
        Gains below this count as no redistribution.
    selection : {"labor-best", "capital-best", "nash"}

    Returns
    -------
    float or numpy.ndarray
        The transfer per period it is worth, shaped like ``a``.
    """
    scenario = scenario.as_float()
    levels = np.asarray(a, dtype=float)
    gain = _labor_gain(scenario, levels.ravel(), transfers, tol, selection)
    gain = gain.reshape(levels.shape)
    return float(gain) if gain.ndim == 0 else gain


def closed_form_breakdown_output(scenario, transfers=None):
    """Strike output at which labor's best equilibrium stops redistributing, or None.

    Holds for a fixed wage (step 4 of the module's algorithm). Exact for
    exact scenarios.

    Returns
    -------
    number or None
        ``y_T``; ``None`` when no transfer of the grid is ever credible.
    """
    grid = sorted([scenario.tau] if transfers is None else transfers)
    values = {f.w: scenario.w, f.b: scenario.b, f.delta: scenario.delta, f.theta: scenario.theta}
    if scenario.lockout:
        return substitute(f.EXACT_BREAKDOWN_STRIKE_OUTPUT_LOCKOUT, {**values, f.tau: grid[0]})
    for transfer in grid:
        output = substitute(f.EXACT_BREAKDOWN_STRIKE_OUTPUT_GRID, {**values, f.tau: transfer})
        if transfer >= substitute(f.MIN_CREDIBLE_TRANSFER, {**values, f.y: output}):
            return output
    return None


def exact_breakdown_automation(
    scenario, transfers=None, xtol=1e-6, tol=1e-9, selection="labor-best"
):
    """The automation level from which the selected equilibrium redistributes nothing.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game if omitted.
    xtol : float
        Width of the final bracket where no closed form applies; the value
        returned is then its midpoint.
    tol : float
        Gains below this count as no redistribution.
    selection : {"labor-best", "capital-best", "nash"}

    Returns
    -------
    Threshold
        ``kind="breaks-down"`` with the first level at which redistribution
        stops, or ``"never-sustainable"`` or ``"always-sustainable"`` when the
        grid over [0, 1] shows no change. ``method`` says whether the value
        is the closed form (``"exact"``) or bracketed (``"exact (bisection)"``).
    """
    if selection == "labor-best" and scenario.wage == "fixed":
        from .redistribution import automation_at_output

        output = closed_form_breakdown_output(scenario, transfers)
        threshold = automation_at_output(scenario, output)
        if threshold is not None:
            kind, value = threshold
            return Threshold(value, kind, "subgame-perfect", "exact", selection=selection)
    scenario = scenario.as_float()

    def sustained_at(levels):
        return _labor_gain(scenario, levels, transfers, tol, selection) > 0

    low, high = 0.0, 1.0
    levels = np.linspace(low, high, GRID_POINTS)
    sustained = sustained_at(levels)
    method = "exact (bisection)"
    if not sustained.any():
        return Threshold(None, "never-sustainable", "subgame-perfect", method, selection=selection)
    first = int(np.flatnonzero(sustained)[0])
    if sustained[first:].all():
        return Threshold(None, "always-sustainable", "subgame-perfect", method, selection=selection)
    while True:
        first = int(np.flatnonzero(sustained)[0])
        stop = first + int(np.flatnonzero(~sustained[first:])[0])
        low, high = levels[stop - 1], levels[stop]
        if high - low <= xtol:
            value = (low + high) / 2
            return Threshold(value, "breaks-down", "subgame-perfect", method, selection=selection)
        levels = np.linspace(low, high, GRID_POINTS)
        sustained = np.concatenate([[True], sustained_at(levels[1:-1]), [False]])
