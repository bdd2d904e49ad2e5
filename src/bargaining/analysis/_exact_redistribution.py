"""Redistribution sustained by subgame-perfect equilibria, from the exact payoff sets.

The closed forms of :mod:`bargaining.analysis.redistribution` describe chosen
strategy classes, so they are lower bounds. Here the whole set of pure-strategy
subgame-perfect payoffs of the repeated strike game decides: redistribution
is sustainable at automation ``a`` exactly when labor's highest payoff in that
set exceeds ``w``, its payoff in the stage equilibrium (Work, Keep).

Algorithm
---------
1. Build the strike game at each automation level: the 2x2 game with the
   scenario's transfer ``tau``, or capital's choice among ``{0, t_1, ..., t_m}``.
2. Compute all their payoff sets in lockstep with the Abreu-Sannikov
   algorithm (:func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs_many`).
3. Redistribution is labor's highest payoff minus ``w``; amounts below
   ``tol`` count as none.
4. For the breakdown point, evaluate a grid of automation levels, bracket the
   first level that sustains no redistribution with the sustaining level
   before it, and refine the bracket with a finer grid inside it until it is
   narrower than ``xtol``.

A lumpy transfer can sustain less than a fine grid of transfers, and the
strategy-class closed forms never claim more than this exact answer.

Redistribution need not stay lost. Where strike output ``y_s`` exceeds
``1 - b`` (capital's and labor's strike payoffs together exceed the output
of work), a strike is the efficient outcome and capital would pay labor to
strike: the stage game gives capital no lockout, so labor's right to work is
then its leverage. The breakdown point reported is where the strike threat's
redistribution ends, the first crossing; :func:`exact_max_redistribution`
over a grid of ``a`` shows any later revival.

References
----------
.. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated games
   with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
"""

from __future__ import annotations

import numpy as np

from ..core.repeated.payoff_sets import equilibrium_payoffs_many
from ..labor.strike_game import StrikeGame
from .threshold import Threshold

GRID_POINTS = 33


def _labor_gain(scenario, levels, transfers, tol):
    games = [StrikeGame(scenario, float(a), transfers) for a in levels]
    sets = equilibrium_payoffs_many(games, scenario.delta, on_max_iter="raise")
    gain = np.array([payoffs.max(0) for payoffs in sets]) - scenario.w
    return np.where(gain > tol, gain, 0.0)


def exact_max_redistribution(scenario, a, transfers=None, tol=1e-9):
    """Labor's highest subgame-perfect payoff above ``w`` at automation ``a``.

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

    Returns
    -------
    float or numpy.ndarray
        The gain per period, shaped like ``a``.
    """
    scenario = scenario.as_float()
    levels = np.asarray(a, dtype=float)
    gain = _labor_gain(scenario, levels.ravel(), transfers, tol).reshape(levels.shape)
    return float(gain) if gain.ndim == 0 else gain


def exact_breakdown_automation(scenario, transfers=None, xtol=1e-6, tol=1e-9):
    """The automation level from which no subgame-perfect equilibrium redistributes.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game if omitted.
    xtol : float
        Width of the final bracket; the value returned is its midpoint.
    tol : float
        Gains below this count as no redistribution.

    Returns
    -------
    Threshold
        ``kind="breaks-down"`` with the first level at which redistribution
        stops, or ``"never-sustainable"`` or ``"always-sustainable"`` when the
        grid over [0, 1] shows no change.
    """
    scenario = scenario.as_float()
    low, high = 0.0, 1.0
    levels = np.linspace(low, high, GRID_POINTS)
    sustained = _labor_gain(scenario, levels, transfers, tol) > 0
    if not sustained.any():
        return Threshold(None, "never-sustainable", "subgame-perfect", "exact")
    first = int(np.flatnonzero(sustained)[0])
    if sustained[first:].all():
        return Threshold(None, "always-sustainable", "subgame-perfect", "exact")
    while True:
        first = int(np.flatnonzero(sustained)[0])
        stop = first + int(np.flatnonzero(~sustained[first:])[0])
        low, high = levels[stop - 1], levels[stop]
        if high - low <= xtol:
            return Threshold((low + high) / 2, "breaks-down", "subgame-perfect", "exact")
        levels = np.linspace(low, high, GRID_POINTS)
        inner = _labor_gain(scenario, levels[1:-1], transfers, tol) > 0
        sustained = np.concatenate([[True], inner, [False]])
