"""The labor-capital model under automation: technology, scenarios, the strike game."""

from . import (
    dynamics,
    evaluation,
    formulas,
    global_games,
    holdouts,
    investment,
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

__all__ = [
    "AutomationGame",
    "Scenario",
    "StrikeGame",
    "dynamics",
    "evaluation",
    "formulas",
    "global_games",
    "holdouts",
    "investment",
    "labor_share",
    "participation",
    "participation_game",
    "revolution",
    "scenarios",
    "strike_game",
    "strike_output",
    "technology",
    "wages",
]
