"""Game-theoretic analysis of bargaining between labor and capital under automation."""

from .core import ConditionalEquilibrium, ConvexPolygon, DegenerateGameWarning, Game, Minmax

__version__ = "0.1.0"

__all__ = [
    "ConditionalEquilibrium",
    "ConvexPolygon",
    "DegenerateGameWarning",
    "Game",
    "Minmax",
    "__version__",
]
