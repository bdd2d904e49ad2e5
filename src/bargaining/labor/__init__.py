"""The labor-capital model under automation: technology, scenarios, the strike game."""

from . import (
    bargaining_formulas,
    evaluation,
    formulas,
    holdouts,
    investment,
    investment_formulas,
    revolution,
    scenarios,
    strike_game,
    technology,
    wages,
)
from .scenarios import Scenario
from .strike_game import StrikeGame
from .technology import labor_share, strike_output

__all__ = [
    "Scenario",
    "StrikeGame",
    "bargaining_formulas",
    "evaluation",
    "formulas",
    "holdouts",
    "investment",
    "investment_formulas",
    "labor_share",
    "revolution",
    "scenarios",
    "strike_game",
    "strike_output",
    "technology",
    "wages",
]
