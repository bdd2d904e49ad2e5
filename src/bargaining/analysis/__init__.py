"""Breakdown thresholds, sustainable redistribution, capital's choice of automation, sweeps,
and the model with many workers (:mod:`~bargaining.analysis.workers`)."""

from . import anticipation, workers
from ._exact_redistribution import SELECTIONS, payoff_bounds
from .anticipation import anticipated_redistribution, rising_automation
from .investment import capital_payoff_curve, efficient_automation, strategic_automation
from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
from .sweeps import sweep
from .threshold import Threshold

__all__ = [
    "METHODS",
    "SELECTIONS",
    "STRATEGIES",
    "Threshold",
    "anticipated_redistribution",
    "anticipation",
    "breakdown_automation",
    "capital_payoff_curve",
    "efficient_automation",
    "investment",
    "max_redistribution",
    "payoff_bounds",
    "redistribution",
    "rising_automation",
    "strategic_automation",
    "sweep",
    "sweeps",
    "threshold",
    "workers",
]
