"""Breakdown thresholds and sustainable redistribution in the labor-capital model."""

from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
from .threshold import Threshold

__all__ = ["METHODS", "STRATEGIES", "Threshold", "breakdown_automation", "max_redistribution"]
