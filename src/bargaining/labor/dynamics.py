"""Automation that moves: the strike game as a stochastic game.

Automation ``a`` is the state. Each period labor and capital play the strike
game at the current level (:func:`~bargaining.labor.strike_game.StrikeGame`),
and the next level is drawn from a Markov chain over a grid of levels: a
deterministic path that rises and then stays, or random shocks. Everyone
knows the chain, so today's incentives are read off tomorrow's payoff sets:
redistribution that the static game sustains at today's ``a`` can unravel
because both sides know where ``a`` is heading.

Labor can also be given a **Revolt** row (Acemoglu and Robinson): labor
takes the firm and its machines for good, a share ``mu(a)`` of output is
destroyed, and capital keeps nothing. Revolt leads to an absorbing state
in which labor is paid ``1 - mu`` each period and
capital nothing (:data:`~bargaining.labor.formulas.LABOR_REVOLT_PAYOFF`), so
the strike and the gun are two actions of one player and the payoff sets
account for both.

Construction
------------
1. One state per level ``a_s``, playing ``StrikeGame(scenario, a_s,
   transfers)``; with a revolt cost, the row ``"Revolt"`` is added, paying
   ``(1 - mu(a_s), 0)`` whatever capital does, and an absorbing state
   "after a revolution at ``a_s``" (a 1x1 game paying the same) is appended
   for each level.
2. From state ``s`` the next level is drawn from row ``s`` of ``chain``,
   whatever is played; after Revolt the next state is the absorbing one.

References
----------
.. [1] D. Abreu, B. Brooks and Y. Sannikov, "Algorithms for stochastic games
   with perfect monitoring", Econometrica 88 (2020) 1661-1695.
.. [2] D. Acemoglu and J. A. Robinson, "A theory of political transitions",
   American Economic Review 91 (2001) 938-963.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from ..core.game import Game
from ..core.stochastic import StochasticGame
from . import formulas as f
from .evaluation import check_range, kind_of, substitute
from .strike_game import PLAYERS, StrikeGame

if TYPE_CHECKING:
    from .._typing import Scalar
    from .scenarios import Scenario

REVOLT = "Revolt"


def automation_path(start: Scalar, stop: Scalar, speed: Scalar) -> list[Scalar]:
    """Levels from ``start`` to ``stop`` in steps of ``speed``; automation then stays.

    The last step is shortened so that the path ends exactly at ``stop``.

    Parameters
    ----------
    start, stop : number
        First and last automation level, ``0 <= start <= stop <= 1``.
    speed : number
        Rise per period, positive.

    Returns
    -------
    list
        The levels, exact for rational input.

    Examples
    --------
    >>> from fractions import Fraction
    >>> [str(a) for a in automation_path(0, Fraction(1, 2), Fraction(1, 5))]
    ['0', '1/5', '2/5', '1/2']
    """
    check_range(start, "start", 0, 1)
    check_range(stop, "stop", 0, 1)
    if stop < start:
        raise ValueError(f"stop must be at least start ({start}), got {stop}")
    check_range(speed, "speed", 0, 1, closed_low=False)
    steps = int(np.ceil(float((stop - start) / speed) - 1e-12))
    return [start + speed * t for t in range(steps)] + [stop]


def path_chain(states: int) -> np.ndarray:
    """The deterministic chain through ``states`` levels in order, staying at the last."""
    if int(states) != states or states < 1:
        raise ValueError(f"states must be a positive integer, got {states!r}")
    chain = np.zeros((states, states), dtype=object)
    chain[np.arange(states - 1), np.arange(1, states)] = 1
    chain[-1, -1] = 1
    return chain


def advance_chain(states: int, probability: Scalar) -> np.ndarray:
    """Each period automation advances one level with ``probability``, else stays.

    The last level is absorbing. The expected time at a level is
    ``1 / probability`` periods, so ``probability`` sets the speed of
    automation without telling anyone when it comes.

    Parameters
    ----------
    states : int
        Number of levels.
    probability : number
        Chance of advancing each period, in (0, 1].

    Returns
    -------
    numpy.ndarray
        ``states x states`` transition probabilities (object dtype, exact for
        rational ``probability``).
    """
    chain = path_chain(states)
    check_range(probability, "probability", 0, 1, closed_low=False)
    for level in range(states - 1):
        chain[level, level], chain[level, level + 1] = 1 - probability, probability
    return chain


def AutomationGame(
    scenario: Scenario,
    levels: Sequence[Scalar],
    chain: Any = None,
    *,
    transfers: Sequence[Scalar] | None = None,
    revolt_cost: Scalar | Callable[[Scalar], Scalar] | None = None,
) -> StochasticGame:
    """The strike game with automation as a state, as a :class:`StochasticGame`.

    Parameters
    ----------
    scenario : Scenario
        The model's primitives; ``scenario.delta`` discounts.
    levels : sequence of numbers
        The automation level of each state, in [0, 1].
    chain : array_like, optional
        ``S x S`` transition probabilities between the levels, rows summing to
        1; by default the deterministic path through ``levels`` in order,
        staying at the last (:func:`path_chain`).
    transfers : sequence of numbers, optional
        Capital's transfer grid, as for :func:`StrikeGame`.
    revolt_cost : number or callable, optional
        The share ``mu`` of output destroyed by a revolution, in [0, 1], or a
        function of ``a`` giving it (e.g. the automation-dependent cost of
        :mod:`bargaining.labor.revolution`). If given, labor can revolt.

    Returns
    -------
    StochasticGame
        States in the order of ``levels``; when labor can revolt, then one
        absorbing state "after a revolution at ``a_s``" per level, in the same
        order (a 1x1 game). Exact when the scenario and the levels are.

    Raises
    ------
    ValueError
        For levels outside [0, 1], a chain of the wrong shape or whose rows
        are not probabilities, or a revolt cost outside [0, 1].
    """
    levels = [a.item() if isinstance(a, np.generic) else a for a in levels]
    if not levels:
        raise ValueError("levels must hold at least one automation level, got none")
    for level in levels:
        check_range(level, "levels", 0, 1)
    chain = path_chain(len(levels)) if chain is None else _checked_chain(chain, len(levels))
    games = [StrikeGame(scenario, a, transfers) for a in levels]
    if revolt_cost is None:
        transitions = [_repeat(chain[s], game) for s, game in enumerate(games)]
        return StochasticGame(games, transitions, scenario.delta)
    exact = kind_of(*levels, *scenario.parameters.values()) == "exact"
    costs = [_revolt_cost(revolt_cost, a) for a in levels]
    count = len(levels)
    states = 2 * count
    transitions = []
    for s, (game, mu) in enumerate(zip(games, costs, strict=True)):
        games[s] = _with_revolt(game, mu, exact)
        moves = _repeat(np.concatenate([chain[s], np.zeros(count, dtype=object)]), games[s])
        moves[-1] = _unit(count + s, states)
        transitions.append(moves)
    for s, mu in enumerate(costs):
        labor, capital = _revolt_payoffs(mu, exact)
        games.append(Game([[labor]], [[capital]], labels=((REVOLT,), ("-",)), players=PLAYERS))
        transitions.append(_unit(count + s, states).reshape(1, 1, states))
    return StochasticGame(games, transitions, scenario.delta)


def _checked_chain(chain, states):
    table = np.asarray(chain, dtype=object)
    if table.shape != (states, states):
        raise ValueError(
            f"chain must be {states} x {states} (one row and column per level), "
            f"got shape {table.shape}"
        )
    return table


def _repeat(row, game):
    rows, columns = game.shape
    return np.array([[list(row)] * columns] * rows, dtype=object)


def _unit(index, size):
    vector = np.zeros(size, dtype=object)
    vector[index] = 1
    return vector


def _revolt_cost(revolt_cost, a):
    mu = revolt_cost(a) if callable(revolt_cost) else revolt_cost
    return check_range(mu, "revolt_cost", 0, 1)


def _revolt_payoffs(mu, exact):
    values = {f.mu: Fraction(mu) if exact else float(mu)}
    pair = (substitute(f.LABOR_REVOLT_PAYOFF, values), substitute(f.CAPITAL_REVOLT_PAYOFF, values))
    return pair if exact else tuple(float(p) for p in pair)


def _with_revolt(game, mu, exact):
    labor, capital = (np.asarray(m, dtype=object).tolist() for m in game.payoff_matrices)
    labor_revolt, capital_revolt = _revolt_payoffs(mu, exact)
    columns = game.shape[1]
    labor.append([labor_revolt] * columns)
    capital.append([capital_revolt] * columns)
    rows, column_labels = game.labels
    return Game(labor, capital, labels=((*rows, REVOLT), column_labels), players=PLAYERS)
