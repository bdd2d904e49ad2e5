"""The payoff sets of many stochastic games in one call, for sweeps.

:func:`equilibrium_payoffs_many` returns for every game what
:meth:`bargaining.StochasticGame.equilibrium_payoffs` returns for it, the
same list of :class:`~bargaining.core.stochastic.results.StatePayoffSet`,
but iterates all games together: the disjoint union of their states is
itself a stochastic game (its transitions are block-diagonal), so one
lockstep step (:mod:`bargaining.core.stochastic._lockstep`) carries every
state of every game in the same few passes over padded arrays. Each game
keeps its own discount factor, tolerance and payoff scale, and leaves the
batch when its own stopping rule holds, so its sets are those it gets alone.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np

from ..game import Game
from ..repeated.payoff_sets import ConvergenceWarning
from . import _lockstep, markov
from ._bracket import assemble, check_options, prepare
from .aps import Correspondence
from .results import StatePayoffSet
from .stochastic_game import StochasticGame

__all__ = ["equilibrium_payoffs_many"]


def equilibrium_payoffs_many(
    games: Sequence[StochasticGame],
    method: str = "aps",
    *,
    tol: float | None = None,
    max_iter: int = 100_000,
    inner: bool = True,
    max_profiles: int = markov.MAX_PROFILES,
    on_max_iter: str = "warn",
) -> list[list[StatePayoffSet]]:
    """The subgame-perfect payoffs from every state of every game, iterated in one batch.

    Parameters
    ----------
    games : sequence of StochasticGame
        The games; their numbers of states, action counts and discount
        factors may differ.
    method, tol, max_iter, inner, max_profiles
        As for :meth:`bargaining.StochasticGame.equilibrium_payoffs`; the
        default tolerance adapts to each game's discount factor.
    on_max_iter : {"warn", "raise"}
        What to do when a game's outer iteration stops at ``max_iter`` above
        its tolerance: keep its last iterate (which still contains the true
        set) with one :class:`~bargaining.core.repeated.payoff_sets.ConvergenceWarning`
        for the call, or raise ``ValueError``.

    Returns
    -------
    list of list of StatePayoffSet
        In the order of ``games``: for each, one set per state, equal to
        what ``game.equilibrium_payoffs(...)`` returns to rounding (about
        1e-12 of the payoff scale).

    Raises
    ------
    ValueError
        If ``games`` is not a non-empty sequence of ``StochasticGame``, an
        option is out of range (as for
        :meth:`~bargaining.StochasticGame.equilibrium_payoffs`), or a game
        stops at ``max_iter`` with ``on_max_iter="raise"``.

    Examples
    --------
    Two prisoner's dilemmas whose second state is absorbing, at two discount factors:

    >>> from bargaining import Game, StochasticGame
    >>> from bargaining.core.stochastic import equilibrium_payoffs_many
    >>> dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    >>> stay = [[[0, 1], [0, 1]], [[0, 1], [0, 1]]]
    >>> games = [StochasticGame([dilemma, dilemma], [stay, stay], d) for d in (0.1, 0.9)]
    >>> [round(sets[1].max(0), 6) for sets in equilibrium_payoffs_many(games)]
    [3.0, 9.75]
    """
    games = _checked_games(games)
    check_options(method, max_iter)
    if on_max_iter not in ("warn", "raise"):
        raise ValueError(f"on_max_iter must be 'warn' or 'raise', got {on_max_iter!r}")
    brackets = [prepare(game, tol, inner=inner, max_profiles=max_profiles) for game in games]
    stages = [bracket.stages for bracket in brackets]
    deltas = np.array([bracket.delta for bracket in brackets])
    tols = np.array([bracket.tol for bracket in brackets])
    scales = np.array([bracket.scale for bracket in brackets])
    starts = [bracket.start for bracket in brackets]
    outer = _lockstep.iterate_many(
        starts, stages, deltas, tols=tols, scales=scales, max_iter=max_iter
    )
    stopped = [g for g, limit in enumerate(outer) if not limit.converged]
    if stopped:
        message = (
            f"the outer iteration of {len(stopped)} of {len(games)} games stopped after "
            f"max_iter={max_iter} steps above the tolerance (the first: games[{stopped[0]}])"
        )
        if on_max_iter == "raise":
            raise ValueError(message)
        warnings.warn(message, ConvergenceWarning, stacklevel=2)
    inside: list[Correspondence | None] = [None] * len(games)
    if inner:
        seeds = [bracket.seed or [] for bracket in brackets]  # every seed is there
        inside = list(
            _lockstep.iterate_many(
                seeds, stages, deltas, tols=tols, scales=scales, max_iter=max_iter, grow=True
            )
        )
    return [
        assemble(bracket, method, limit, inner_limit)
        for bracket, limit, inner_limit in zip(brackets, outer, inside, strict=True)
    ]


def _checked_games(games):
    """``games`` as a list, or a ``ValueError`` naming what is wrong with it."""
    if isinstance(games, StochasticGame | Game | str) or not isinstance(games, Sequence):
        raise ValueError(f"games must be a list of StochasticGame, got {games!r}")
    if not games:
        raise ValueError("games must hold at least one StochasticGame, got an empty list")
    for index, game in enumerate(games):
        if isinstance(game, Game):
            raise ValueError(
                f"games[{index}] is a Game, not a StochasticGame: repeated games go to "
                f"bargaining.equilibrium_payoffs_many"
            )
        if not isinstance(game, StochasticGame):
            raise ValueError(f"games[{index}] must be a StochasticGame, got {game!r}")
    return list(games)
