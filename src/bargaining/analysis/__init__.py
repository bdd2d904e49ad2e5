"""Breakdown thresholds, sustainable redistribution, capital's choice of automation, sweeps."""

from .investment import efficient_automation, strategic_automation
from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
from .sweeps import sweep
from .threshold import Threshold

__all__ = [
    "METHODS",
    "STRATEGIES",
    "Threshold",
    "breakdown_automation",
    "efficient_automation",
    "max_redistribution",
    "strategic_automation",
    "sweep",
]
