"""Infinitely repeated two-player games with discounting.

:class:`RepeatedGame` holds a stage game and a discount factor and gives the
critical discount factors of trigger and stick-and-carrot strategies
(:mod:`~bargaining.core.repeated.repeated_game`, strategies as finite
automata in :mod:`~bargaining.core.repeated.automata`).
:func:`equilibrium_payoffs` computes the set of subgame-perfect payoffs as a
:class:`PayoffSet` (:mod:`~bargaining.core.repeated.payoff_sets`), by the
algorithm of Abreu and Sannikov (:mod:`~bargaining.core.repeated.abreu_sannikov`)
or the outer approximation of Judd, Yeltekin and Conklin
(:mod:`~bargaining.core.repeated.outer`). Submodules and names are imported
on first use, so computing a payoff set imports neither the automata nor the
outer approximation.
"""

from typing import TYPE_CHECKING

from ..._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import abreu_sannikov, automata, outer, payoff_sets, repeated_game
    from .automata import Automaton, deviation_gains, discounted_payoffs, play, state_values
    from .payoff_sets import (
        PAYOFF_SET_METHODS,
        ConvergenceWarning,
        PayoffSet,
        equilibrium_payoffs,
        equilibrium_payoffs_many,
    )
    from .repeated_game import PUNISHMENTS, RepeatedGame, stick_and_carrot_delta

_NAMES = {
    "PAYOFF_SET_METHODS": "payoff_sets",
    "PUNISHMENTS": "repeated_game",
    "Automaton": "automata",
    "ConvergenceWarning": "payoff_sets",
    "PayoffSet": "payoff_sets",
    "RepeatedGame": "repeated_game",
    "deviation_gains": "automata",
    "discounted_payoffs": "automata",
    "equilibrium_payoffs": "payoff_sets",
    "equilibrium_payoffs_many": "payoff_sets",
    "play": "automata",
    "state_values": "automata",
    "stick_and_carrot_delta": "repeated_game",
}
_SUBMODULES = ("abreu_sannikov", "automata", "outer", "payoff_sets", "repeated_game")

__all__ = [
    "PAYOFF_SET_METHODS",
    "PUNISHMENTS",
    "Automaton",
    "ConvergenceWarning",
    "PayoffSet",
    "RepeatedGame",
    "abreu_sannikov",
    "automata",
    "deviation_gains",
    "discounted_payoffs",
    "equilibrium_payoffs",
    "equilibrium_payoffs_many",
    "outer",
    "payoff_sets",
    "play",
    "repeated_game",
    "state_values",
    "stick_and_carrot_delta",
]

__getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
