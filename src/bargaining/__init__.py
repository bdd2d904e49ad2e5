"""Game-theoretic analysis of bargaining between labor and capital under automation.

The layers, from the bottom: :mod:`bargaining.core` (generic two-player game
theory), :mod:`bargaining.solutions` (bargaining solutions),
:mod:`bargaining.labor` (the model of labor, capital and automation),
:mod:`bargaining.analysis` (thresholds, sweeps), then the consumers
:mod:`bargaining.plots`, :mod:`bargaining.problemsets`,
:mod:`bargaining.reproductions`, :mod:`bargaining.report` and
:mod:`bargaining.cli`. Submodules and the names below are imported on first
use, each name from the module that defines it, so ``import bargaining``
imports no submodule (not even numpy) and ``from bargaining import Game`` only
what games need; ``dir(bargaining)`` lists them all.
"""

from typing import TYPE_CHECKING

from ._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import (
        analysis,
        cli,
        core,
        labor,
        plots,
        problemsets,
        report,
        reproductions,
        solutions,
    )
    from .core import ConvexPolygon, DegenerateGameWarning, Game, Minmax, NPlayerGame
    from .core.equilibria.symbolic import ConditionalEquilibrium
    from .core.repeated import (
        ConvergenceWarning,
        PayoffSet,
        RepeatedGame,
        equilibrium_payoffs,
        equilibrium_payoffs_many,
    )
    from .core.stochastic import StochasticGame
    from .labor import Scenario, StrikeGame, strike_output
    from .solutions import Frontier

# Read from the installed metadata on first use (pyproject.toml holds the one copy).
__version__: str

_NAMES = {
    "ConditionalEquilibrium": "core.equilibria.symbolic",
    "ConvergenceWarning": "core.repeated.payoff_sets",
    "ConvexPolygon": "core.polygon",
    "DegenerateGameWarning": "core.game",
    "Frontier": "solutions.frontier",
    "Game": "core.game",
    "Minmax": "core.minmax",
    "NPlayerGame": "core.nplayer",
    "PayoffSet": "core.repeated.payoff_sets",
    "RepeatedGame": "core.repeated.repeated_game",
    "Scenario": "labor.scenarios",
    "StochasticGame": "core.stochastic.stochastic_game",
    "StrikeGame": "labor.strike_game",
    "equilibrium_payoffs": "core.repeated.payoff_sets",
    "equilibrium_payoffs_many": "core.repeated.payoff_sets",
    "strike_output": "labor.technology",
}
_SUBMODULES = (
    "analysis",
    "cli",
    "core",
    "labor",
    "plots",
    "problemsets",
    "report",
    "reproductions",
    "solutions",
)

__all__ = [
    "ConditionalEquilibrium",
    "ConvergenceWarning",
    "ConvexPolygon",
    "DegenerateGameWarning",
    "Frontier",
    "Game",
    "Minmax",
    "NPlayerGame",
    "PayoffSet",
    "RepeatedGame",
    "Scenario",
    "StochasticGame",
    "StrikeGame",
    "__version__",
    "analysis",
    "cli",
    "core",
    "equilibrium_payoffs",
    "equilibrium_payoffs_many",
    "labor",
    "plots",
    "problemsets",
    "report",
    "reproductions",
    "solutions",
    "strike_output",
]


_names_on_first_use, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib import metadata

        return metadata.version("bargaining")
    return _names_on_first_use(name)
