"""Generic two-player game theory: normal-form games, equilibria, payoff sets."""

from .game import DegenerateGameWarning, Game
from .minmax import Minmax
from .polygon import ConvexPolygon
from .equilibria.symbolic import ConditionalEquilibrium

__all__ = ["ConditionalEquilibrium", "ConvexPolygon", "DegenerateGameWarning", "Game", "Minmax"]
