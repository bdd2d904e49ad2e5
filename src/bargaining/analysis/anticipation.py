"""Redistribution when the rise of automation is anticipated.

The static analysis asks how much redistribution the repeated strike game
sustains if automation stays at ``a`` forever. Here automation moves along a
known Markov chain over levels (:func:`bargaining.labor.dynamics.AutomationGame`),
and the question is asked of the stochastic game: how much redistribution is
sustained in each state, knowing where ``a`` is heading?

Algorithm
---------
1. Build the stochastic game of the strike game over ``levels`` and ``chain``
   and compute its subgame-perfect payoff set in every state.
2. In each state ``s`` select labor's payoff ``U_s`` (``selection``, as for
   :func:`~bargaining.analysis.max_redistribution`).
3. Compute labor's value without redistribution, ``N = (1 - delta)
   (I - delta P)^{-1} n``, with ``n_s`` its payoff in (Work, Keep) at ``a_s``
   and ``P`` the chain: the stage equilibrium played forever.
4. Redistribution sustained in state ``s`` is ``(U_s - N_s) / (1 - theta)``,
   in transfer units per period (0 where below ``tol``); the static benchmark
   is :func:`~bargaining.analysis.max_redistribution` at ``a_s``, as if
   automation stayed there.

References
----------
.. [1] D. Abreu, B. Brooks and Y. Sannikov, "Algorithms for stochastic games
   with perfect monitoring", Econometrica 88 (2020) 1661-1695.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..labor import formulas as f
from ..labor.dynamics import AutomationGame, advance_chain, path_chain
from ..labor.technology import strike_output
from ._exact_redistribution import (
    base_payoff,
    exact_max_redistribution,
    selected_labor_payoff,
)
from ._selection import check_selection

if TYPE_CHECKING:
    from .._typing import Scalar
    from ..labor.scenarios import Scenario


# Selections over the payoff set of each state.
SELECTIONS = ("labor-best", "capital-best", "nash")
LEVELS = tuple(k / 10 for k in range(11))


@dataclass(frozen=True)
class AnticipatedRedistribution:
    """Redistribution sustained in each state of a moving automation level.

    Attributes
    ----------
    levels : numpy.ndarray
        Automation in each state.
    redistribution : numpy.ndarray
        Sustained redistribution per period in each state, in transfer units,
        with the move of automation anticipated.
    static : numpy.ndarray
        The same if automation stayed at each level forever.
    selection : str
        The equilibrium selection (``"labor-best"``, ``"capital-best"``, ``"nash"``).
    method : str
        How the payoff sets were computed.
    """

    levels: np.ndarray
    redistribution: np.ndarray
    static: np.ndarray
    selection: str
    method: str

    @property
    def ends(self) -> int | None:
        """The first state with no redistribution, anticipated (None if none)."""
        return first_zero(self.redistribution)

    @property
    def static_ends(self) -> int | None:
        """The first state with no redistribution in the static game (None if none)."""
        return first_zero(self.static)

    def describe(self) -> str:
        """One line: where redistribution ends, with method and selection."""
        anticipated, alone = (
            "never" if t is None else f"in period {t} (a = {self.levels[t]:.4g})"
            for t in (self.ends, self.static_ends)
        )
        return (
            f"redistribution ends {anticipated} when automation is anticipated, "
            f"{alone} in the static game ({self.method}, {self.selection})"
        )


def first_zero(values: Any) -> int | None:
    """The index of the first state with no redistribution (``<= 0``), or None if none."""
    zeros = np.flatnonzero(np.asarray(values) <= 0)
    return int(zeros[0]) if len(zeros) else None


def anticipated_redistribution(
    scenario: Scenario,
    levels: Sequence[float],
    chain: Any = None,
    *,
    transfers: Sequence[float] | None = None,
    selection: str = "labor-best",
    tol: float = 1e-9,
) -> AnticipatedRedistribution:
    """Redistribution in each state of automation moving along ``chain``.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    levels : sequence of float
        Automation in each state.
    chain : array_like, optional
        ``S x S`` transition probabilities; by default the deterministic path
        through ``levels``, staying at the last.
    transfers : sequence of float, optional
        Capital's transfer grid; the 2x2 game with ``scenario.tau`` if omitted.
    selection : {"labor-best", "capital-best", "nash"}
        Which subgame-perfect equilibrium each state's number comes from.
    tol : float
        Redistribution below this is reported as 0.

    Returns
    -------
    AnticipatedRedistribution

    Examples
    --------
    >>> from bargaining.labor import scenarios
    >>> path = anticipated_redistribution(scenarios.get("default"), [0.3, 0.6])
    >>> bool(path.redistribution[0] <= path.static[0] + 1e-9)
    True
    """
    selection = check_selection(selection, SELECTIONS)
    scenario = scenario.as_float()
    floats = [float(a) for a in levels]
    chain = path_chain(len(floats)) if chain is None else chain
    game = AutomationGame(scenario, floats, chain, transfers=transfers)
    levels = np.array(floats)
    sets = game.equilibrium_payoffs(inner=False)
    selected = np.array([selected_labor_payoff(s, selection) for s in sets])
    stage = np.array([float(base_payoff(scenario, a)) for a in levels])
    moves = np.asarray(chain, dtype=float)
    delta = scenario.delta
    without = (1 - delta) * np.linalg.solve(np.eye(len(levels)) - delta * moves, stage)
    gain = (selected - without) / (1 - scenario.theta)
    static = exact_max_redistribution(scenario, levels, transfers, tol, selection)
    return AnticipatedRedistribution(
        levels=levels,
        redistribution=np.where(gain > tol, gain, 0.0),
        static=np.atleast_1d(np.asarray(static, dtype=float)),
        selection=selection,
        method=f"stochastic game, {sets[0].method}",
    )


def rising_automation(
    scenario: Scenario,
    speeds: Sequence[float],
    *,
    levels: Sequence[float] = LEVELS,
    transfers: Sequence[float] | None = None,
    selection: str = "labor-best",
) -> dict[float, AnticipatedRedistribution]:
    """:func:`anticipated_redistribution` with automation advancing at random.

    Each period automation moves up one of ``levels`` with probability
    ``speed``, and stays at the last
    (:func:`bargaining.labor.dynamics.advance_chain`): the expected rise per
    period is ``speed`` times the step between levels, and nobody knows when
    the next step comes.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    speeds : sequence of float
        Chances of advancing a level each period, in (0, 1].
    levels : sequence of float
        The automation levels, rising; 0, 0.1, ..., 1 by default.

    Returns
    -------
    dict
        From each speed to its :class:`AnticipatedRedistribution`.

    Notes
    -----
    A *known* path needs no solver to end redistribution: if it reaches a
    level past the static breakdown point, where the only subgame-perfect
    payoff is the stage equilibrium's, the payoffs of every earlier period
    are pinned down by backward induction whenever the stage game has one
    equilibrium (the 2x2 game without the lockout), and nothing is
    redistributed from the first period on. It is the uncertain timing of
    automation that lets redistribution last.
    """
    return {
        speed: anticipated_redistribution(
            scenario,
            levels,
            advance_chain(len(levels), speed),
            transfers=transfers,
            selection=selection,
        )
        for speed in speeds
    }


def levels_before_paid_strike(
    scenarios: Sequence[Scenario], levels: Sequence[float] = LEVELS
) -> tuple[float, ...]:
    """The leading ``levels`` at which a strike paid from outside does not beat work.

    A strike paid ``b`` from outside the firm is worth ``b + y_s(a)`` to labor
    and capital together, work 1. Where ``b + y_s(a) > 1`` capital gains by
    paying labor to stay out, and the payoff sets there carry transfers that
    buy labor's absence, not its threat to strike; on a chain that reaches such
    a level, that payment is anticipated in every earlier state. Strike
    output rises with automation, so the levels kept are the ones before the
    first level at which this holds in any of ``scenarios``.

    Parameters
    ----------
    scenarios : sequence of bargaining.labor.Scenario
    levels : sequence of float
        Automation levels, rising.

    Returns
    -------
    tuple of float
        The levels before the first with ``b + y_s(a) > 1`` in some scenario.

    Raises
    ------
    ValueError
        If ``levels`` do not rise.
    """
    floats = [float(a) for a in levels]
    if any(later <= earlier for earlier, later in itertools.pairwise(floats)):
        raise ValueError(f"levels must rise, got {list(levels)!r}")
    kept = []
    for a in floats:
        paid = any(float(s.b) + float(strike_output(a, s.sigma, s.rho)) > 1 for s in scenarios)
        if paid:
            break
        kept.append(a)
    return tuple(kept)


def critical_speed(scenario: Scenario, a: Scalar) -> Scalar:
    """The fastest arrival of automation that leaves redistribution at ``a``: two levels.

    Automation is at ``a`` and advances, with chance ``p`` each period, to a
    level where the static game sustains no redistribution (past the
    breakdown point, so the stage equilibrium is the only subgame-perfect
    payoff there). The payoff set at ``a`` is then ``alpha X + (1 - alpha) e``,
    ``alpha = (1 - delta) / (1 - delta + delta p)``, with ``e`` the stage
    equilibrium and ``X`` the repeated game's set at ``a`` with the shorter
    discount ``delta (1 - p)`` (``docs/model.md``). ``X`` redistributes
    while that discount reaches the floors
    :data:`~bargaining.labor.formulas.CREDIBLE_STRIKE_DISCOUNT` and
    :data:`~bargaining.labor.formulas.MINMAX_PUNISHMENT_DISCOUNT` of the 2x2
    game, so redistribution at ``a`` lasts up to
    ``p* = 1 - max(floors) / delta``.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
        Without the lockout and with a fixed wage.
    a : number
        The current automation level, in [0, 1].

    Returns
    -------
    number
        ``p*``, exact for a rational scenario and level; 0 where the static
        game at ``a`` sustains no redistribution.

    Raises
    ------
    ValueError
        If the scenario has the lockout or a wage that is not fixed.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from bargaining.labor import scenarios
    >>> critical_speed(scenarios.get("default").exact(), Fraction(3, 10))
    Fraction(1, 9)
    """
    if scenario.lockout:
        raise ValueError(
            f"scenario must be without the lockout for critical_speed, got {scenario.name!r}"
        )
    if scenario.wage != "fixed":
        raise ValueError(
            f"scenario.wage must be 'fixed' for critical_speed, got {scenario.wage!r}"
        )
    output = strike_output(a, scenario.sigma, scenario.rho)
    values = {
        f.y: output,
        f.w: scenario.w,
        f.b: scenario.b,
        f.tau: scenario.tau,
        f.theta: scenario.theta,
    }
    floor = max(
        f.evaluate(f.CREDIBLE_STRIKE_DISCOUNT, values),
        f.evaluate(f.MINMAX_PUNISHMENT_DISCOUNT, values),
    )
    speed = 1 - floor / scenario.delta
    return speed if speed > 0 else abs(0 * speed)
