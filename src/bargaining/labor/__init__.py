"""The labor-capital model under automation: technology, scenarios, the strike game.

Submodules and names are imported on first use, so that float evaluation
(:mod:`~bargaining.labor.numeric`, :mod:`~bargaining.labor.scenarios`) runs
without importing sympy, which :mod:`~bargaining.labor.formulas` needs.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import (
        dynamics,
        evaluation,
        formulas,
        global_games,
        holdouts,
        investment,
        numeric,
        participation,
        revolution,
        scenarios,
        strike_game,
        technology,
        wages,
    )
    from .dynamics import AutomationGame
    from .participation import participation_game
    from .scenarios import Scenario
    from .strike_game import StrikeGame
    from .technology import labor_share, strike_output

_NAMES = {
    "AutomationGame": "dynamics",
    "Scenario": "scenarios",
    "StrikeGame": "strike_game",
    "labor_share": "technology",
    "participation_game": "participation",
    "strike_output": "technology",
}
_SUBMODULES = (
    "automation_chains",
    "dynamics",
    "evaluation",
    "formulas",
    "global_games",
    "holdouts",
    "investment",
    "numeric",
    "participation",
    "revolution",
    "scenarios",
    "strike_game",
    "technology",
    "wages",
)

__all__ = [
    "AutomationGame",
    "Scenario",
    "StrikeGame",
    "automation_chains",
    "dynamics",
    "evaluation",
    "formulas",
    "global_games",
    "holdouts",
    "investment",
    "labor_share",
    "numeric",
    "participation",
    "participation_game",
    "revolution",
    "scenarios",
    "strike_game",
    "strike_output",
    "technology",
    "wages",
]


__getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
