"""Two-player stochastic games with perfect monitoring: the state moves with the actions.

:class:`StochasticGame` holds one stage game per state, transition
probabilities that depend on the state and the action profile, and a common
discount factor. Its pure-strategy subgame-perfect payoffs (with public
randomisation) come as one set per state, bracketed from outside and inside
by the operator of :mod:`bargaining.core.stochastic.aps`; its pure Markov
perfect equilibria come from :mod:`bargaining.core.stochastic.markov`. A
one-state stochastic game is a repeated game, and its set equals the one
:class:`bargaining.RepeatedGame` computes.

References
----------
.. [1] L. S. Shapley, "Stochastic games", Proceedings of the National Academy
   of Sciences 39 (1953) 1095-1100.
.. [2] S. Yeltekin, Y. Cai and K. L. Judd, "Computing equilibria of dynamic
   games", Operations Research 65 (2017) 337-356.
.. [3] D. Abreu, B. Brooks and Y. Sannikov, "Algorithms for stochastic games
   with perfect monitoring", Econometrica 88 (2020) 1661-1695.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..game import Game
from ..repeated.payoff_sets import MIN_DELTA, ConvergenceWarning
from ..validation import check_delta
from . import _lockstep, aps, markov
from ._bracket import METHODS, assemble, check_options, prepare
from .results import MarkovPerfectEquilibrium, StatePayoffSet
from .transitions import check_transition

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

    from ..._typing import Real

__all__ = ["METHODS", "StochasticGame"]


class StochasticGame:
    """A two-player stochastic game with perfect monitoring and discounting.

    Parameters
    ----------
    stage_games : sequence of bargaining.Game
        One numeric stage game per state; action counts may differ by state.
    transitions : sequence of array-like
        ``transitions[s]`` has shape ``(rows_s, columns_s, n_states)``:
        ``transitions[s][i][j][t]`` is the probability of moving to state
        ``t`` when the profile ``(i, j)`` is played in state ``s``. Exact
        input (ints and Fractions) must sum to exactly 1, floats to within
        ``1e-12``.
    delta : float or Fraction
        Common discount factor in (0, 1).

    Raises
    ------
    ValueError
        If there is no stage game, a stage game is not a ``Game`` or is
        symbolic, a transition array has the wrong shape, holds a negative,
        non-finite or non-numeric probability, or a row does not sum to 1,
        or ``delta`` is outside (0, 1).

    Examples
    --------
    A prisoner's dilemma whose second state is absorbing:

    >>> from bargaining import Game, StochasticGame
    >>> dilemma = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    >>> stay = [[[0, 1], [0, 1]], [[0, 1], [0, 1]]]
    >>> game = StochasticGame([dilemma, dilemma], [stay, stay], 0.9)
    >>> game.n_states
    2
    """

    def __init__(
        self, stage_games: Sequence[Game], transitions: Sequence[ArrayLike], delta: Real
    ) -> None:
        if isinstance(stage_games, Game) or not isinstance(stage_games, Sequence):
            raise ValueError(f"stage_games must be a list of Game, got {stage_games!r}")
        if not stage_games:
            raise ValueError("stage_games must hold at least one Game, got an empty list")
        for s, game in enumerate(stage_games):
            if not isinstance(game, Game):
                raise ValueError(f"stage_games[{s}] must be a Game, got {game!r}")
            game.require_numeric(f"StochasticGame (stage_games[{s}])")
        check_delta(delta)
        if float(delta) < MIN_DELTA:
            raise ValueError(f"delta must be at least {MIN_DELTA:g}, got {delta!r}")
        self.stage_games = list(stage_games)
        self.delta = delta
        self.n_states = len(self.stage_games)
        if isinstance(transitions, np.ndarray) or not isinstance(transitions, Sequence):
            transitions = list(transitions)
        if len(transitions) != self.n_states:
            raise ValueError(
                f"transitions must hold one array per state ({self.n_states}), "
                f"got {len(transitions)}"
            )
        self.transitions = [
            check_transition(t, game.shape, self.n_states, s)
            for s, (t, game) in enumerate(zip(transitions, self.stage_games, strict=True))
        ]

    def __repr__(self) -> str:
        shapes = ", ".join("x".join(map(str, g.shape)) for g in self.stage_games)
        return f"StochasticGame({self.n_states} states: {shapes}; delta={self.delta})"

    def _stages(self):
        return aps.stage_data(self.stage_games, self.transitions)

    def equilibrium_payoffs(
        self,
        method: str = "aps",
        *,
        tol: float | None = None,
        max_iter: int = 100_000,
        inner: bool = True,
        max_profiles: int = markov.MAX_PROFILES,
        lockstep: bool = True,
    ) -> list[StatePayoffSet]:
        """The pure-strategy subgame-perfect payoffs from every starting state.

        Perfect monitoring and public randomisation. The outer iteration
        starts from the hull of all stage payoffs, cut to the stationary
        minmax values, and every iterate contains the true set; the inner
        iteration starts from a self-generating correspondence built from
        the stationary profiles (:func:`bargaining.core.stochastic.markov.self_generating_seed`)
        and every iterate lies inside it.

        Parameters
        ----------
        method : {"aps"}
            The operator of Abreu, Pearce and Stacchetti iterated on convex
            polygons from outside and inside (:mod:`bargaining.core.stochastic.aps`).
        tol : float, optional
            Accuracy relative to the largest payoff, as for
            :func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs`.
        max_iter : int
            Most steps of each iteration; a ``ConvergenceWarning`` says when
            the outer one stopped there (its last iterate still contains the
            true set). The inner one may stop there silently: every iterate
            is inside the true set.
        inner : bool
            Whether to compute the inner approximation (it enumerates the
            stationary profiles).
        max_profiles : int
            Most stationary profiles to enumerate for the inner start.
        lockstep : bool
            Apply the operator to every state and profile at once on padded
            arrays (:mod:`bargaining.core.stochastic._lockstep`); ``False``
            applies it state by state (:func:`bargaining.core.stochastic.aps.iterate`,
            the reference, slower), with the same sets to rounding.

        Returns
        -------
        list of StatePayoffSet
            One per state: ``vertices`` (and ``outer``) the outer limit,
            ``inner`` and ``gap`` the bracket. Empty, point and segment sets
            are results.

        Notes
        -----
        The outer limit is the answer (as the repeated game's Abreu-Sannikov
        set is); the inner set certifies it only as far as the gap says. The
        inner start holds stationary profiles and one-period sticks before
        them, so it reaches the true set when its worst punishments are of
        that kind (the prisoner's dilemmas, SGSolve's two-state examples) and
        can stay far inside it otherwise (the Abreu-Sannikov 3x3 game at
        delta = 0.3 keeps only its stage equilibrium); with no pure Markov
        perfect equilibrium it is empty and the gap infinite.

        Raises
        ------
        ValueError
            If ``method`` is unknown, ``tol`` or ``max_iter`` is out of range,
            ``delta`` is too close to 1 for double precision, or ``inner`` is
            asked for with more than ``max_profiles`` stationary profiles.
        """
        check_options(method, max_iter)
        bracket = prepare(self, tol, inner=inner, max_profiles=max_profiles)
        iterate = functools.partial(
            _lockstep.iterate if lockstep else aps.iterate,
            stages=bracket.stages,
            delta=bracket.delta,
            tol=bracket.tol,
            scale=bracket.scale,
            max_iter=max_iter,
        )
        outer = iterate(bracket.start)
        if not outer.converged:
            warnings.warn(
                f"the outer iteration stopped after max_iter={max_iter} steps at distance "
                f"{outer.distance:.3g}, above the tolerance",
                ConvergenceWarning,
                stacklevel=2,
            )
        inside = None if bracket.seed is None else iterate(bracket.seed, grow=True)
        return assemble(bracket, method, outer, inside)

    def markov_perfect(
        self, *, max_profiles: int = markov.MAX_PROFILES
    ) -> list[MarkovPerfectEquilibrium]:
        """The pure Markov perfect equilibria: stationary profiles no one-shot deviation defeats.

        Parameters
        ----------
        max_profiles : int
            Most stationary profiles (the product over states of the number
            of action profiles) to enumerate.

        Returns
        -------
        list of MarkovPerfectEquilibrium
            In the order of enumeration (state 0's profile varies slowest,
            each state's profiles row by row). Payoffs are floats; a
            deviation counts as profitable when it gains more than ``1e-12``
            times the largest payoff.

        Raises
        ------
        ValueError
            If the game has more than ``max_profiles`` stationary profiles.
        """
        stages = self._stages()
        markov.check_profile_count(stages, max_profiles)
        delta = float(self.delta)
        profiles = markov.stationary_profiles(stages)
        values = markov.stationary_values(stages, delta, profiles)
        slack = 1e-12 * aps.payoff_scale(stages)
        found = markov.markov_perfect_mask(stages, delta, profiles, values, slack)
        equilibria = []
        for n in np.flatnonzero(found):
            cells = (
                np.unravel_index(k, stage.A.shape)
                for k, stage in zip(profiles[n], stages, strict=True)
            )
            equilibria.append(
                MarkovPerfectEquilibrium(
                    profile=tuple((int(row), int(column)) for row, column in cells),
                    payoffs=tuple((float(v[0]), float(v[1])) for v in values[n]),
                )
            )
        return equilibria
