"""Redistribution sustained by subgame-perfect equilibria, from the exact payoff sets.

The closed forms of :mod:`bargaining.analysis.redistribution` describe chosen
strategy classes, so they are lower bounds. Here the whole set ``V`` of
pure-strategy subgame-perfect payoffs of the repeated strike game decides,
and an equilibrium selection picks one point of it:

``"labor-best"`` (labor's highest payoff in ``V``: the most redistribution
any equilibrium sustains), ``"capital-best"`` or ``"nash"`` (the Nash
bargaining solution over ``V`` from the players' worst payoffs in it), as
:mod:`bargaining.analysis._selection` defines them. A strike paid from outside
the firm can be worth more than work to both sides together; such equilibria
are kept here, since the strike fund pays them.

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
   where no transfer of the grid can be enforced. Punishments that hold
   capital above its minmax can sustain redistribution a little longer when
   patience is low and transfers are lumpy, so the closed form is a lower
   bound in general: it is returned when the payoff sets at 0 and at
   ``1e-9`` on either side of it confirm it.
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

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ..core import numbers as num
from ..core.repeated.payoff_sets import equilibrium_payoffs_many
from ..labor import formulas as f
from ..labor.evaluation import kind_of
from ..labor.strike_game import StrikeGame
from ._renegotiation import best_simple_wrp, capital_best_stage_equilibrium
from ._selection import check_selection as _check_selection
from ._selection import select
from .threshold import Threshold

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from ..core.repeated.payoff_sets import PayoffSet
    from ..labor.scenarios import Scenario

Transfers = Sequence[Any] | None

GRID_POINTS = 33
SELECTIONS = ("labor-best", "capital-best", "nash", "renegotiation-proof")
# How the renegotiation-proof selection is computed: labor's best weakly
# renegotiation-proof simple strategy profile, a lower bound on its best WRP payoff.
RENEGOTIATION_PROOF_METHOD = "simple strategies"


def check_selection(selection: str) -> str:
    return _check_selection(selection, SELECTIONS)


def selected_labor_payoff(payoffs: PayoffSet, selection: str) -> float:
    """Labor's payoff at the point of ``payoffs`` that ``selection`` picks."""
    return select(payoffs, selection, None, paid_strikes=True)[0]


def payoff_sets(
    scenario: Scenario, levels: ArrayLike, transfers: Transfers = None
) -> list[PayoffSet]:
    """The subgame-perfect payoff sets of the strike game at each automation level."""
    games = [StrikeGame(scenario, float(a), transfers) for a in np.ravel(levels)]
    return equilibrium_payoffs_many(games, scenario.delta, on_max_iter="raise")


def base_payoff(scenario: Scenario, a: Any) -> Any:
    """Labor's payoff in the stage equilibrium (Work, Keep) at automation ``a``."""
    values = {f.w: scenario.wage_at(float(a)), f.theta: scenario.theta}
    return f.evaluate(f.LABOR_WORK_PAYOFF, values)


def renegotiation_proof_payoffs(
    scenario: Scenario, a: ArrayLike, transfers: Transfers = None
) -> tuple[np.ndarray, np.ndarray]:
    """Labor's best weakly renegotiation-proof payoffs among simple strategy profiles.

    The path payoffs ``(labor, capital)`` of the profile found by
    :func:`bargaining.analysis._renegotiation.best_simple_wrp` in the strike
    game at each level: a lower bound on labor's best weakly
    renegotiation-proof payoff, computed in exact arithmetic.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    a : float or array_like
        Automation levels in [0, 1].
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.

    Returns
    -------
    labor, capital : numpy.ndarray
        Float arrays shaped like ``a``.

    Notes
    -----
    The comparisons are exact in the game's numbers: an exact scenario
    (:meth:`~bargaining.labor.Scenario.exact`) with Fraction transfers decides
    ties exactly, while a float scenario's payoffs are taken as the floats
    they are.
    """
    levels = np.asarray(a, dtype=float)
    pairs = []
    for level in levels.ravel():
        found = best_simple_wrp(_game_in_own_numbers(scenario, level, transfers), scenario.delta)
        if found is None:  # pragma: no cover - (Work, Keep) or (Strike, Lockout) is a stage NE
            raise ValueError(f"the strike game at a={level} has no pure stage equilibrium")
        pairs.append([float(v) for v in found.payoffs])
    table = np.array(pairs, dtype=float).reshape((*levels.shape, 2))
    return table[..., 0], table[..., 1]


def selected_labor_payoffs(
    scenario: Scenario, a: ArrayLike, selection: str, transfers: Transfers = None
) -> np.ndarray:
    """Labor's payoff under ``selection`` at each automation level (floats).

    Points of the Abreu-Sannikov sets for the set selections; the path of
    labor's best weakly renegotiation-proof simple strategy profile for
    ``"renegotiation-proof"`` (:data:`RENEGOTIATION_PROOF_METHOD`).
    """
    check_selection(selection)
    levels = np.asarray(a, dtype=float)
    if selection == "renegotiation-proof":
        return renegotiation_proof_payoffs(scenario, levels, transfers)[0]
    sets = payoff_sets(scenario.as_float(), levels.ravel(), transfers)
    chosen = np.array([selected_labor_payoff(s, selection) for s in sets])
    return chosen.reshape(levels.shape)


def _game_in_own_numbers(scenario, level, transfers):
    """The strike game at ``level``: exact (the level as a Fraction) for an exact scenario."""
    exact = kind_of(*scenario.parameters.values()) != num.FLOAT
    return StrikeGame(scenario, Fraction(float(level)) if exact else float(level), transfers)


def _renegotiation_proof_gain(scenario, levels, transfers):
    """Labor's WRP payoff and its payoff in capital's favourite stage equilibrium."""
    selected = renegotiation_proof_payoffs(scenario, levels, transfers)[0]
    base = [
        float(capital_best_stage_equilibrium(_game_in_own_numbers(scenario, level, transfers))[0])
        for level in levels
    ]
    return selected, np.array(base)


def _labor_gain(scenario, levels, transfers, tol, selection="labor-best"):
    if selection == "renegotiation-proof":
        # Measured from the stage equilibrium capital prefers: where a bargained wage
        # falls below the strike payoff, labor strikes in it without any transfer.
        selected, base = _renegotiation_proof_gain(scenario, levels, transfers)
    else:
        sets = payoff_sets(scenario, levels, transfers)
        selected = np.array([selected_labor_payoff(s, selection) for s in sets])
        base = np.array([base_payoff(scenario, a) for a in levels])
    gain = (selected - base) / (1 - scenario.theta)
    return np.where(gain > tol, gain, 0.0)


class PayoffBounds(NamedTuple):
    """Each side's best and worst subgame-perfect payoff, per automation level."""

    labor_best: np.ndarray
    labor_worst: np.ndarray
    capital_best: np.ndarray
    capital_worst: np.ndarray


def payoff_bounds(scenario: Scenario, a: ArrayLike, transfers: Transfers = None) -> PayoffBounds:
    """Labor's and capital's best and worst subgame-perfect payoffs at automation ``a``.

    With a lockout, labor's worst payoff is its outside option (plus its
    dividends) at every ``a``; past ``y_s(a) > 1 - w`` its best is too: it has
    lost the job.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    a : float or array_like
        Automation levels in [0, 1].
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.

    Returns
    -------
    PayoffBounds
        Four arrays shaped like ``a``, in payoff units.

    Examples
    --------
    >>> from bargaining.labor import scenarios
    >>> bounds = payoff_bounds(scenarios.get("job-loss"), [0.3, 0.9])
    >>> bounds.labor_best.round(6).tolist(), bounds.labor_worst.round(6).tolist()
    ([0.7, 0.22], [0.34, 0.22])
    """
    scenario = scenario.as_float()
    levels = np.asarray(a, dtype=float)
    sets = payoff_sets(scenario, levels.ravel(), transfers)
    columns = [[s.max(0), s.min(0), s.max(1), s.min(1)] for s in sets]
    table = np.array(columns, dtype=float).reshape((*levels.shape, 4))
    return PayoffBounds(*np.moveaxis(table, -1, 0))


def exact_max_redistribution(
    scenario: Scenario,
    a: ArrayLike,
    transfers: Transfers = None,
    tol: float = 1e-9,
    selection: str = "labor-best",
) -> float | np.ndarray:
    """Redistribution under ``selection`` at automation ``a``, from the exact payoff sets.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
        Numeric scenario (exact values are converted to floats, except for
        ``"renegotiation-proof"``, which computes in the scenario's numbers).
    a : float or array_like
        Automation levels in [0, 1].
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    tol : float
        Gains below this count as no redistribution.
    selection : {"labor-best", "capital-best", "nash", "renegotiation-proof"}
        ``"renegotiation-proof"``: labor's best weakly renegotiation-proof
        simple strategy profile (:func:`renegotiation_proof_payoffs`), a
        lower bound on its best weakly renegotiation-proof payoff. Its
        gain is measured from labor's payoff in the stage equilibrium capital
        prefers, which is (Work, Keep) unless a bargained wage has fallen
        below the strike payoff.

    Returns
    -------
    float or numpy.ndarray
        The transfer per period it is worth, shaped like ``a``.
    """
    if selection != "renegotiation-proof":
        scenario = scenario.as_float()
    levels = np.asarray(a, dtype=float)
    gain = _labor_gain(scenario, levels.ravel(), transfers, tol, selection)
    gain = gain.reshape(levels.shape)
    return float(gain) if gain.ndim == 0 else gain


def closed_form_breakdown_output(scenario: Scenario, transfers: Transfers = None) -> Any:
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
        return f.evaluate(f.EXACT_BREAKDOWN_STRIKE_OUTPUT_LOCKOUT, {**values, f.tau: grid[0]})
    for transfer in grid:
        output = f.evaluate(f.EXACT_BREAKDOWN_STRIKE_OUTPUT_GRID, {**values, f.tau: transfer})
        floor = f.evaluate(f.MIN_CREDIBLE_TRANSFER, {**values, f.y: output})
        # A transfer typed as the float of the floor counts as the floor itself.
        slack = 1e-12 * abs(floor) if isinstance(floor, float) else 0
        if transfer >= floor - slack:
            return output
    return None


def _confirmed(scenario, value, transfers, tol, step=1e-9):
    """Whether the payoff sets sustain redistribution at 0 and just below ``value`` only."""
    if value >= 1:
        levels, expected = [0.0, 1 - step], [True, True]
    else:
        levels = [0.0, max(value - step, 0.0), value + step]
        expected = [value > 0, value > 0, False]
    found = _labor_gain(scenario.as_float(), np.array(levels), transfers, tol) > 0
    return found.tolist() == expected


def exact_breakdown_automation(
    scenario: Scenario,
    transfers: Transfers = None,
    xtol: float = 1e-6,
    tol: float = 1e-9,
    selection: str = "labor-best",
) -> Threshold:
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
    selection : {"labor-best", "capital-best", "nash", "renegotiation-proof"}

    Returns
    -------
    Threshold
        ``kind="breaks-down"`` with the first level at which redistribution
        stops; ``"becomes-sustainable"`` with the level at which it starts,
        when it is not sustained at ``a = 0`` and is from there up to 1; or
        ``"never-sustainable"`` or ``"always-sustainable"`` when the grid
        over [0, 1] shows no change. Where it is sustained on a stretch that
        starts above 0 and ends below 1, the end is returned as
        ``"breaks-down"``. ``method`` says whether the value
        is the closed form (``"exact"``) or bracketed (``"exact (bisection)"``);
        for ``"renegotiation-proof"`` it names the strategy class searched,
        ``"simple strategies, bisection"``.
    """
    if selection == "labor-best" and scenario.wage == "fixed":
        from .redistribution import automation_at_output

        kind, value = automation_at_output(
            scenario, closed_form_breakdown_output(scenario, transfers)
        )
        if kind == "breaks-down" and _confirmed(scenario, float(value), transfers, tol):
            return Threshold(value, kind, "subgame-perfect", "exact", selection=selection)
    if selection != "renegotiation-proof":
        scenario = scenario.as_float()

    def sustained_at(levels):
        return _labor_gain(scenario, levels, transfers, tol, selection) > 0

    low, high = 0.0, 1.0
    levels = np.linspace(low, high, GRID_POINTS)
    sustained = sustained_at(levels)
    method = "exact (bisection)"
    if selection == "renegotiation-proof":
        method = f"{RENEGOTIATION_PROOF_METHOD}, bisection"
    if not sustained.any():
        return Threshold(None, "never-sustainable", "subgame-perfect", method, selection=selection)
    first = int(np.flatnonzero(sustained)[0])
    if sustained[first:].all():
        if first == 0:
            return Threshold(
                None, "always-sustainable", "subgame-perfect", method, selection=selection
            )
        value = _boundary(sustained_at, levels[first - 1], levels[first], xtol, False)
        return Threshold(
            value, "becomes-sustainable", "subgame-perfect", method, selection=selection
        )
    stop = first + int(np.flatnonzero(~sustained[first:])[0])
    value = _boundary(sustained_at, levels[stop - 1], levels[stop], xtol, True)
    return Threshold(value, "breaks-down", "subgame-perfect", method, selection=selection)


def _boundary(sustained_at, low, high, xtol, sustained_below):
    """Bisect ``[low, high]`` to ``xtol`` for where being sustained changes.

    ``sustained_at`` gives ``sustained_below`` at ``low`` and not at ``high``; each step lays
    :data:`GRID_POINTS` levels between them and keeps the first change.
    Returns the midpoint of the last bracket.
    """
    while high - low > xtol:
        levels = np.linspace(low, high, GRID_POINTS)
        changed = sustained_at(levels[1:-1]) != sustained_below
        first = int(np.flatnonzero(np.concatenate([changed, [True]]))[0])
        low, high = levels[first], levels[first + 1]
    return (low + high) / 2
