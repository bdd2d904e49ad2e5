"""Breakdown thresholds, sustainable redistribution, capital's choice of automation, sweeps."""

from .investment import capital_payoff_curve, efficient_automation, strategic_automation
from .redistribution import (
    METHODS,
    SELECTIONS,
    STRATEGIES,
    breakdown_automation,
    max_redistribution,
    payoff_bounds,
)
from .sweeps import sweep
from .threshold import Threshold

__all__ = [
    "METHODS",
    "SELECTIONS",
    "STRATEGIES",
    "Threshold",
    "breakdown_automation",
    "capital_payoff_curve",
    "efficient_automation",
    "investment",
    "max_redistribution",
    "payoff_bounds",
    "redistribution",
    "strategic_automation",
    "sweep",
    "sweeps",
    "threshold",
]
