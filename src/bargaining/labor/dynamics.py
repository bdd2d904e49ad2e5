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

Capital can also be given **investment** as an action: automation then
moves because capital moves it (the strategic automation of
:func:`bargaining.analysis.strategic_automation`, now over time). Each
capital column ``X`` gets a twin ``"X+Invest"`` with the same stage payoffs
whose next state is the next level for sure, and the chain (by default the
identity: automation stays where it is unless capital invests) moves
automation otherwise. The machines in place add the net flow
``gain * a_s - C(a_s)`` to output in every cell of state ``s``
(:data:`~bargaining.labor.formulas.AUTOMATION_FLOW`), labor receiving a share
``theta`` of it and capital the rest, as in the static investment model of
:mod:`bargaining.labor.investment` where ``C`` is a per-period annuity: the
new annuity starts with the new level, so investing has no one-off charge.

Construction
------------
1. One state per level ``a_s``, playing ``StrikeGame(scenario, a_s,
   transfers)``; with a revolt cost, the row ``"Revolt"`` is added, paying
   ``(1 - mu(a_s), 0)`` whatever capital does, and an absorbing state
   "after a revolution at ``a_s``" (a 1x1 game paying the same) is appended
   for each level.
2. From state ``s`` the next level is drawn from row ``s`` of ``chain``,
   whatever is played; after Revolt the next state is the absorbing one.
3. With investment, every cell of state ``s`` adds the automation flow at
   ``a_s`` (labor ``theta`` of it, capital ``1 - theta``) and, in every state
   but the last, the columns ``"X+Invest"`` are appended, leading to state
   ``s + 1``.

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
from .automation_chains import (
    advance_chain,
    automation_path,
    checked_chain,
    identity_chain,
    path_chain,
)
from .evaluation import check_range, kind_of, substitute
from .investment import Cost
from .strike_game import PLAYERS, StrikeGame

if TYPE_CHECKING:
    from .._typing import Scalar
    from .scenarios import Scenario

REVOLT = "Revolt"
INVEST = "Invest"

__all__ = [
    "INVEST",
    "REVOLT",
    "AutomationGame",
    "advance_chain",
    "automation_path",
    "path_chain",
]


def AutomationGame(
    scenario: Scenario,
    levels: Sequence[Scalar],
    chain: Any = None,
    *,
    transfers: Sequence[Scalar] | None = None,
    revolt_cost: Scalar | Callable[[Scalar], Scalar] | None = None,
    investment: Cost | None = None,
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
        staying at the last (:func:`path_chain`), and with ``investment`` the
        identity (automation moves only when capital invests).
    transfers : sequence of numbers, optional
        Capital's transfer grid, as for :func:`StrikeGame`.
    revolt_cost : number or callable, optional
        The share ``mu`` of output destroyed by a revolution, in [0, 1], or a
        function of ``a`` giving it (e.g. the automation-dependent cost of
        :mod:`bargaining.labor.revolution`). If given, labor can revolt.
    investment : Cost, optional
        What automation costs and adds (:func:`bargaining.labor.investment.cost`).
        If given, capital can invest: in every state but the last each column
        ``X`` has a twin ``"X+Invest"`` leading to the next level, and every
        cell of state ``s`` adds the flow ``gain * a_s - C(a_s)``, a share
        ``theta`` to labor. Not combined with ``revolt_cost``.

    Returns
    -------
    StochasticGame
        States in the order of ``levels``; when labor can revolt, then one
        absorbing state "after a revolution at ``a_s``" per level, in the same
        order (a 1x1 game). With investment, capital's columns in every state
        but the last are ``(*X, *(f"{x}+Invest" for x in X))``. Exact when the
        scenario, the levels and the investment cost are.

    Raises
    ------
    ValueError
        For levels outside [0, 1], a chain of the wrong shape or whose rows
        are not probabilities, a revolt cost outside [0, 1], an investment
        that is not a ``Cost`` or costs infinitely much at one of the levels,
        or ``investment`` together with ``revolt_cost``.
    """
    levels = [a.item() if isinstance(a, np.generic) else a for a in levels]
    if not levels:
        raise ValueError("levels must hold at least one automation level, got none")
    for level in levels:
        check_range(level, "levels", 0, 1)
    if investment is not None and revolt_cost is not None:
        raise ValueError(
            "investment and revolt_cost cannot be combined (who would own the machines "
            f"after a revolution is not modelled), got investment={investment} and "
            f"revolt_cost={revolt_cost!r}"
        )
    if chain is None:
        chain = identity_chain(len(levels)) if investment is not None else path_chain(len(levels))
    else:
        chain = checked_chain(chain, len(levels))
    games = [StrikeGame(scenario, a, transfers) for a in levels]
    if investment is not None:
        return _investment_game(scenario, levels, chain, games, investment)
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


def _investment_game(scenario, levels, chain, games, investment):
    """Steps 1-3 with capital's investment: the flow in every cell, the Invest twins."""
    if not isinstance(investment, Cost):
        raise ValueError(
            f"investment must be a Cost (bargaining.labor.investment.cost), got {investment!r}"
        )
    exact = not investment.is_float and kind_of(*levels, *scenario.parameters.values()) == "exact"
    count = len(levels)
    stages, transitions = [], []
    for s, (game, a) in enumerate(zip(games, levels, strict=True)):
        labor_flow, capital_flow = _automation_flow(scenario, a, investment, exact)
        labor, capital = (np.asarray(m, dtype=object) for m in game.payoff_matrices)
        if not exact:
            labor, capital = labor.astype(float), capital.astype(float)
        labor, capital = labor + labor_flow, capital + capital_flow
        rows, columns = game.labels
        moves = np.array([[list(chain[s])] * len(columns)] * len(rows), dtype=object)
        if s < count - 1:
            labor = np.concatenate([labor, labor], axis=1)
            capital = np.concatenate([capital, capital], axis=1)
            columns = (*columns, *(f"{column}+{INVEST}" for column in columns))
            invest = np.array([[list(_unit(s + 1, count))] * (len(columns) // 2)] * len(rows))
            moves = np.concatenate([moves, invest], axis=1)
        stages.append(
            Game(labor.tolist(), capital.tolist(), labels=(rows, columns), players=PLAYERS)
        )
        transitions.append(moves)
    return StochasticGame(stages, transitions, scenario.delta)


def _automation_flow(scenario, a, investment, exact):
    """Labor's and capital's shares of ``gain * a - C(a)`` (:data:`~.formulas.AUTOMATION_FLOW`)."""
    annuity = investment(Fraction(a) if exact else float(a))
    if not np.isfinite(float(annuity)):
        raise ValueError(
            f"investment must cost finitely much at every level, got C({a}) = {annuity}"
        )
    values = {f.a: a, f.gain: investment.gain, f.annuity: annuity, f.theta: scenario.theta}
    if not exact:
        values = {symbol: float(value) for symbol, value in values.items()}
    pair = (
        f.evaluate(f.LABOR_AUTOMATION_FLOW, values),
        f.evaluate(f.CAPITAL_AUTOMATION_FLOW, values),
    )
    return pair if exact else tuple(float(p) for p in pair)


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
