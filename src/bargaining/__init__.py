"""Game-theoretic analysis of bargaining between labor and capital under automation.

The layers, from the bottom: :mod:`bargaining.core` (generic two-player game
theory), :mod:`bargaining.solutions` (bargaining solutions),
:mod:`bargaining.labor` (the model of labor, capital and automation),
:mod:`bargaining.analysis` (thresholds, sweeps), then the consumers
:mod:`bargaining.plots`, :mod:`bargaining.problemsets`,
:mod:`bargaining.reproductions`, :mod:`bargaining.report` and
:mod:`bargaining.cli`. Submodules and the names below that need sympy are
imported on first use, so ``import bargaining`` stays fast; ``dir(bargaining)``
lists them all.
"""

import importlib

from .core import ConvexPolygon, DegenerateGameWarning, Game, Minmax, NPlayerGame
from .core.equilibria.symbolic import ConditionalEquilibrium

# Read from the installed metadata on first use (pyproject.toml holds the one copy).
__version__: str

_LAZY = {
    "RepeatedGame": "bargaining.core.repeated",
    "PayoffSet": "bargaining.core.repeated",
    "ConvergenceWarning": "bargaining.core.repeated",
    "equilibrium_payoffs": "bargaining.core.repeated",
    "equilibrium_payoffs_many": "bargaining.core.repeated",
    "StochasticGame": "bargaining.core.stochastic",
    "Frontier": "bargaining.solutions",
    "Scenario": "bargaining.labor",
    "StrikeGame": "bargaining.labor",
    "strike_output": "bargaining.labor",
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


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib import metadata

        return metadata.version("bargaining")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'bargaining' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
