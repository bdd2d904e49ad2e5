"""Game-theoretic analysis of bargaining between labor and capital under automation.

The layers, from the bottom: :mod:`bargaining.core` (generic two-player game
theory), :mod:`bargaining.labor` (the model of labor, capital and automation),
:mod:`bargaining.analysis` (thresholds and sweeps) and :mod:`bargaining.cli`.
Submodules and the names below that need sympy are imported on first use, so
``import bargaining`` stays fast.
"""

import importlib

from .core import ConditionalEquilibrium, ConvexPolygon, DegenerateGameWarning, Game, Minmax

# Read from the installed metadata on first use (pyproject.toml holds the one copy).
__version__: str

_LAZY = {
    "RepeatedGame": ("bargaining.core.repeated", "RepeatedGame"),
    "PayoffSet": ("bargaining.core.spe", "PayoffSet"),
    "ConvergenceWarning": ("bargaining.core.spe", "ConvergenceWarning"),
}
_SUBMODULES = {
    "analysis": "bargaining.analysis",
    "core": "bargaining.core",
    "labor": "bargaining.labor",
    "solutions": "bargaining.core.solutions",
}

__all__ = [
    "ConditionalEquilibrium",
    "ConvergenceWarning",
    "ConvexPolygon",
    "DegenerateGameWarning",
    "Game",
    "Minmax",
    "PayoffSet",
    "RepeatedGame",
    "__version__",
    "analysis",
    "labor",
    "solutions",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib import metadata

        return metadata.version("bargaining")
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    if name in _SUBMODULES:
        return importlib.import_module(_SUBMODULES[name])
    raise AttributeError(f"module 'bargaining' has no attribute {name!r}")
