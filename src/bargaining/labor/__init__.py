"""The labor-capital model under automation: technology, scenarios, the strike game."""

from . import formulas, scenarios
from .scenarios import Scenario
from .strike_game import StrikeGame
from .technology import labor_share, strike_output

__all__ = ["Scenario", "StrikeGame", "formulas", "labor_share", "scenarios", "strike_output"]
