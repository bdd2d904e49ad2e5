r"""Strategy profiles as finite automata: values, one-shot deviations and play.

A deterministic simulator for repeated games with perfect monitoring. A
strategy profile is a finite automaton (Abreu, Pearce and Stacchetti 1990):
each state prescribes a pure profile and the profile played moves the state,
possibly through a public randomisation device. State values solve the linear
system :math:`V = (1 - \delta) u + \delta P V` exactly for exact games, and the
one-shot deviation principle turns subgame perfection into finitely many
checks: no player gains by deviating once in any state.

References
----------
.. [1] D. Abreu, D. Pearce and E. Stacchetti, "Toward a theory of discounted
   repeated games with imperfect monitoring", Econometrica 58 (1990) 1041-1063.
.. [2] D. Fudenberg and J. Tirole, Game Theory, MIT Press (1991), §4.2 (the
   one-shot deviation principle).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from ..._lazy import lazy_module
from .. import numbers as num
from ..validation import check_delta

if TYPE_CHECKING:
    from ..._typing import Scalar
    from ..game import Game

sp = lazy_module("sympy")


@dataclass(frozen=True)
class Automaton:
    """A pure strategy profile as a finite automaton with public randomisation.

    Attributes
    ----------
    initial : hashable
        The state play starts in.
    prescription : mapping
        For each state, the ``(row, column)`` profile to play.
    transition : callable
        ``transition(state, played)`` returns ``((next_state, probability), ...)``;
        probabilities other than 1 draw on a public randomisation device.
    """

    initial: Hashable
    prescription: Mapping
    transition: Callable

    @classmethod
    def grim_trigger(cls, profile: tuple[int, int], punishment: tuple[int, int]) -> Automaton:
        """Play ``profile`` until anyone deviates, then ``punishment`` forever (Friedman 1971)."""

        def transition(state, played):
            keep_going = state == "cooperate" and played == profile
            return (("cooperate" if keep_going else "punish", 1),)

        return cls("cooperate", {"cooperate": profile, "punish": punishment}, transition)

    @classmethod
    def stick_and_carrot(
        cls,
        profile: tuple[int, int],
        stick: tuple[int, int],
        periods: int = 1,
        release: Scalar = 1,
    ) -> Automaton:
        r"""Play ``profile``; after a deviation, ``stick`` for ``periods`` periods (Abreu 1988).

        A deviation from the stick starts it again. In the last stick period
        play returns to ``profile`` with probability ``release`` and stays in
        the stick otherwise, so with :math:`n` = ``periods`` and :math:`r` =
        ``release`` the discount over the stick is
        :math:`E[\delta^k] = \delta^{n - 1} \cdot \delta r / (1 - \delta (1 - r))`,
        which covers :math:`(0, \delta]`.
        """
        if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1:
            raise ValueError(f"periods must be a positive integer, got {periods!r}")
        if not 0 < release <= 1:
            raise ValueError(f"release must lie in (0, 1], got {release!r}")
        prescription: dict[Hashable, tuple[int, int]] = {
            "carrot": profile,
            **{k: stick for k in range(1, periods + 1)},
        }

        def transition(state, played):
            if played != prescription[state]:
                return ((1, 1),)
            if state == "carrot":
                return (("carrot", 1),)
            if state < periods:
                return ((state + 1, 1),)
            return (
                (("carrot", 1),) if release == 1 else (("carrot", release), (state, 1 - release))
            )

        return cls("carrot", prescription, transition)

    def states(self, game: Game) -> list[Hashable]:
        """Every state reachable from the initial one, on or off the path, in visiting order."""
        found, frontier = [self.initial], [self.initial]
        cells = [(i, j) for i in range(game.shape[0]) for j in range(game.shape[1])]
        while frontier:
            state = frontier.pop()
            for cell in cells:
                for following, _ in self.transition(state, cell):
                    if following not in found:
                        found.append(following)
                        frontier.append(following)
        return found


def _continuation(automaton, state, cell, values):
    return [
        sum(p * values[s][player] for s, p in automaton.transition(state, cell))
        for player in (0, 1)
    ]


def state_values(
    game: Game, automaton: Automaton, delta: Scalar
) -> dict[Hashable, tuple[Scalar, Scalar]]:
    r"""Each state's average discounted payoffs, from :math:`V = (1 - \delta) u + \delta P V`.

    Returns
    -------
    dict
        ``state -> (row value, column value)``: Fractions for exact input,
        floats for float input, sympy expressions for symbolic input.
    """
    check_delta(delta)
    states = automaton.states(game)
    index = {state: k for k, state in enumerate(states)}
    exact = _use_sympy(game, delta)
    size = len(states)
    if exact:
        delta = num.to_sympy(num.classify(delta, "delta")[1])
        system: Any = sp.eye(size)
    else:
        system = np.eye(size)
    stage = []
    for state in states:
        for following, probability in automaton.transition(state, automaton.prescription[state]):
            system[index[state], index[following]] -= delta * probability
        stage.append(
            [
                (1 - delta) * _convert(x, exact)
                for x in _payoffs(game, automaton.prescription[state])
            ]
        )
    if exact:
        solution = system.LUsolve(sp.Matrix(stage))
        solved = [[_from_sympy(sp.simplify(solution[k, p])) for p in (0, 1)] for k in range(size)]
    else:
        solved = np.linalg.solve(system, np.array(stage, dtype=float)).tolist()
    return {state: tuple(solved[k]) for k, state in enumerate(states)}


def deviation_gains(
    game: Game, automaton: Automaton, delta: Scalar
) -> dict[tuple[Hashable, int], Scalar]:
    """The best one-shot deviation gain of each player in each state.

    By the one-shot deviation principle the automaton is a subgame-perfect
    equilibrium exactly when no gain is positive.

    Returns
    -------
    dict
        ``(state, player) -> gain`` (``player`` 0 is the row player).
    """
    values = state_values(game, automaton, delta)
    exact = _use_sympy(game, delta)
    delta = num.to_sympy(num.classify(delta, "delta")[1]) if exact else delta
    gains = {}
    for state in values:
        row, column = automaton.prescription[state]
        for player, options in ((0, range(game.shape[0])), (1, range(game.shape[1]))):
            best = None
            for action in options:
                cell = (action, column) if player == 0 else (row, action)
                if cell == (row, column):
                    continue
                flow = _convert(_payoffs(game, cell)[player], exact)
                total = (1 - delta) * flow + delta * _continuation(automaton, state, cell, values)[
                    player
                ]
                gain = (
                    _from_sympy(sp.simplify(total - values[state][player]))
                    if exact
                    else (total - values[state][player])
                )
                best = gain if best is None else max(best, gain)
            if best is not None:
                gains[state, player] = best
    return gains


def play(
    automaton: Automaton,
    periods: int,
    deviation: tuple[int, int, int] | None = None,
    signals: Iterable[float] = (),
) -> list[tuple[int, ...]]:
    """Play the automaton forward and return the profiles played, period by period.

    Parameters
    ----------
    automaton : Automaton
    periods : int
        Number of periods.
    deviation : tuple, optional
        ``(period, player, action)``: one player plays ``action`` once instead.
    signals : iterable of float
        Public randomisation draws in [0, 1), consumed whenever a transition is
        random; the simulation is deterministic given them.
    """
    signals = iter(signals)
    state, path = automaton.initial, []
    for period in range(periods):
        cell = list(automaton.prescription[state])
        if deviation is not None and deviation[0] == period:
            cell[deviation[1]] = deviation[2]
        cell = tuple(cell)
        path.append(cell)
        outcomes = automaton.transition(state, cell)
        if len(outcomes) == 1:
            state = outcomes[0][0]
            continue
        draw, cumulative = next(signals, None), 0
        if draw is None:
            raise ValueError(f"period {period} needs a public signal: pass more signals")
        for following, probability in outcomes:
            cumulative += probability
            if draw < cumulative:
                state = following
                break
    return path


def discounted_payoffs(
    game: Game, path: Sequence[tuple[int, int]], delta: Scalar
) -> tuple[Scalar, ...]:
    r"""Average discounted payoffs :math:`(1 - \delta) \sum_t \delta^t u_t` of a finite path."""
    check_delta(delta)
    totals = [0, 0]
    for t, cell in enumerate(path):
        for player in (0, 1):
            totals[player] += (1 - delta) * delta**t * _payoffs(game, cell)[player]
    return tuple(totals)


def _use_sympy(game, delta):
    """Exact (or symbolic) arithmetic unless the game or ``delta`` brings floats."""
    if game.is_symbolic:
        return True
    return game.kind != num.FLOAT and num.classify(delta, "delta")[0] != num.FLOAT


def _convert(value, exact):
    return num.to_sympy(value) if exact else float(value)


def _from_sympy(value):
    if isinstance(value, sp.Basic) and value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return value


def _payoffs(game, cell):
    A, B = game.payoff_matrices
    return A[cell], B[cell]
