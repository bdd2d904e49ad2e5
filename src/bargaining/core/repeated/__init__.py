"""Infinitely repeated two-player games with discounting.

:class:`RepeatedGame` holds a stage game and a discount factor and gives the
critical discount factors of trigger and stick-and-carrot strategies
(:mod:`~bargaining.core.repeated.repeated_game`, strategies as finite
automata in :mod:`~bargaining.core.repeated.automata`).
:func:`equilibrium_payoffs` computes the set of subgame-perfect payoffs as a
:class:`PayoffSet` (:mod:`~bargaining.core.repeated.payoff_sets`), by the
algorithm of Abreu and Sannikov (:mod:`~bargaining.core.repeated.abreu_sannikov`)
or the outer approximation of Judd, Yeltekin and Conklin
(:mod:`~bargaining.core.repeated.outer`).
"""

from . import abreu_sannikov, outer
from .automata import Automaton, deviation_gains, discounted_payoffs, play, state_values
from .payoff_sets import (
    PAYOFF_SET_METHODS,
    ConvergenceWarning,
    PayoffSet,
    equilibrium_payoffs,
    equilibrium_payoffs_many,
)
from .repeated_game import PUNISHMENTS, RepeatedGame, stick_and_carrot_delta

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
