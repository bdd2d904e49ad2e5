"""Two-player stochastic games: subgame-perfect payoff sets per state, Markov perfect equilibria.

:class:`StochasticGame` (:mod:`~bargaining.core.stochastic.stochastic_game`)
holds the stage games, transitions and discount factor. Its payoff sets are
bracketed from outside and inside by the operator of Abreu, Pearce and
Stacchetti on convex polygons (:mod:`~bargaining.core.stochastic.aps`),
seeded inside by stationary profiles (:mod:`~bargaining.core.stochastic.markov`);
the results are :class:`StatePayoffSet` and :class:`MarkovPerfectEquilibrium`
(:mod:`~bargaining.core.stochastic.results`); transition probabilities are
checked by :mod:`~bargaining.core.stochastic.transitions`. Games whose
state only moves up have their pure Markov perfect equilibria found by
backward induction (:mod:`~bargaining.core.stochastic.backward_induction`),
and :mod:`~bargaining.core.stochastic.decomposition` tells which first-period
profiles generate a payoff pair. :func:`equilibrium_payoffs_many`
(:mod:`~bargaining.core.stochastic.many`) solves many games in one batch.
"""

from . import (
    aps,
    backward_induction,
    decomposition,
    many,
    markov,
    results,
    stochastic_game,
    transitions,
)
from .many import equilibrium_payoffs_many
from .results import MarkovPerfectEquilibrium, StatePayoffSet
from .stochastic_game import METHODS, StochasticGame

__all__ = [
    "METHODS",
    "MarkovPerfectEquilibrium",
    "StatePayoffSet",
    "StochasticGame",
    "aps",
    "backward_induction",
    "decomposition",
    "equilibrium_payoffs_many",
    "many",
    "markov",
    "results",
    "stochastic_game",
    "transitions",
]
