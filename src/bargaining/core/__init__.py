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
about labor or automation. Submodules and names are imported on first use,
so a game imports neither the equilibrium algorithms nor the repeated game
before they are used.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import (
        equilibria,
        game,
        io,
        minmax,
        nplayer,
        numbers,
        polygon,
        repeated,
        stochastic,
        validation,
    )
    from .game import DegenerateGameWarning, Game
    from .minmax import Minmax
    from .nplayer import NPlayerGame
    from .polygon import ConvexPolygon

_NAMES = {
    "ConvexPolygon": "polygon",
    "DegenerateGameWarning": "game",
    "Game": "game",
    "Minmax": "minmax",
    "NPlayerGame": "nplayer",
}
_SUBMODULES = (
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
)

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

__getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
