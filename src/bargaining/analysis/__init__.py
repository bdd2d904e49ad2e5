"""Breakdown thresholds, sustainable redistribution and capital's choice of automation."""

from .investment import efficient_automation, strategic_automation
from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
from .threshold import Threshold

__all__ = [
    "METHODS",
    "STRATEGIES",
    "Threshold",
    "breakdown_automation",
    "efficient_automation",
    "max_redistribution",
    "strategic_automation",
]
