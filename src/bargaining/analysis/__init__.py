"""Breakdown thresholds, sustainable redistribution, capital's choice of automation, sweeps,
and the model with many workers (:mod:`~bargaining.analysis.workers`)."""

from . import workers
from ._exact_redistribution import (
    RENEGOTIATION_PROOF_METHOD,
    SELECTIONS,
    payoff_bounds,
    renegotiation_proof_payoffs,
    selected_labor_payoffs,
)
from .investment import capital_payoff_curve, efficient_automation, strategic_automation
from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
from .sweeps import sweep
from .threshold import Threshold

__all__ = [
    "METHODS",
    "RENEGOTIATION_PROOF_METHOD",
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
    "renegotiation_proof_payoffs",
    "selected_labor_payoffs",
    "strategic_automation",
    "sweep",
    "sweeps",
    "threshold",
    "workers",
]
