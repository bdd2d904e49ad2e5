"""Generic game theory: two-player and N-player normal-form games, equilibria, payoff sets.

:mod:`~bargaining.core.game` holds :class:`Game`; its equilibria come from
:mod:`~bargaining.core.equilibria`, its minmax values from
:mod:`~bargaining.core.minmax` and its payoff polygons from
:mod:`~bargaining.core.polygon`. :mod:`~bargaining.core.repeated` treats the
repeated game, :mod:`~bargaining.core.stochastic` the stochastic game, and
:mod:`~bargaining.core.io` reads and writes games.
:mod:`~bargaining.core.numbers` and :mod:`~bargaining.core.validation` are
the arithmetic and the input checks every layer shares;
:mod:`~bargaining.core.nplayer` holds :class:`NPlayerGame`, games with any
number of players. Nothing here knows
about labor or automation. The subpackages ``repeated``, ``stochastic`` and
``io`` are imported on first use.
"""

import importlib

from . import numbers, validation
from .game import DegenerateGameWarning, Game
from .minmax import Minmax
from .nplayer import NPlayerGame
from .polygon import ConvexPolygon

_ON_FIRST_USE = ("io", "repeated", "stochastic")

__all__ = [
    "ConvexPolygon",
    "DegenerateGameWarning",
    "Game",
    "Minmax",
    "NPlayerGame",
    "equilibria",
    "game",
    "io",
    "minmax",
    "nplayer",
    "numbers",
    "polygon",
    "repeated",
    "stochastic",
    "validation",
]


def __getattr__(name):
    if name in _ON_FIRST_USE:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
