"""The labor-capital model under automation: technology, scenarios, the strike game."""

from . import bargaining_formulas, formulas, holdouts, revolution, scenarios, wages
from .scenarios import Scenario
from .strike_game import StrikeGame
from .technology import labor_share, strike_output

__all__ = [
    "Scenario",
    "StrikeGame",
    "bargaining_formulas",
    "formulas",
    "holdouts",
    "labor_share",
    "revolution",
    "scenarios",
    "strike_output",
    "wages",
]
