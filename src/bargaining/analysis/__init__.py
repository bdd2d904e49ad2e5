"""Breakdown thresholds, sustainable redistribution, capital's choice of automation, sweeps,
and the model with many workers (:mod:`~bargaining.analysis.workers`).

Submodules and names are imported on first use, so that a closed-form
:func:`~bargaining.analysis.sweeps.sweep` runs without importing sympy.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import (
        anticipation,
        dynamic_investment,
        investment,
        redistribution,
        sweeps,
        threshold,
        workers,
    )
    from ._exact_redistribution import (
        RENEGOTIATION_PROOF_METHOD,
        SELECTIONS,
        payoff_bounds,
        renegotiation_proof_payoffs,
        selected_labor_payoffs,
    )
    from .anticipation import anticipated_redistribution, rising_automation
    from .dynamic_investment import DynamicAutomation, dynamic_automation
    from .investment import capital_payoff_curve, efficient_automation, strategic_automation
    from .redistribution import METHODS, STRATEGIES, breakdown_automation, max_redistribution
    from .sweeps import sweep, sweep_arrays
    from .threshold import Threshold

_NAMES = {
    "METHODS": "redistribution",
    "RENEGOTIATION_PROOF_METHOD": "_exact_redistribution",
    "SELECTIONS": "_exact_redistribution",
    "STRATEGIES": "redistribution",
    "DynamicAutomation": "dynamic_investment",
    "Threshold": "threshold",
    "anticipated_redistribution": "anticipation",
    "breakdown_automation": "redistribution",
    "capital_payoff_curve": "investment",
    "dynamic_automation": "dynamic_investment",
    "efficient_automation": "investment",
    "max_redistribution": "redistribution",
    "payoff_bounds": "_exact_redistribution",
    "renegotiation_proof_payoffs": "_exact_redistribution",
    "rising_automation": "anticipation",
    "selected_labor_payoffs": "_exact_redistribution",
    "strategic_automation": "investment",
    "sweep": "sweeps",
    "sweep_arrays": "sweeps",
}
_SUBMODULES = (
    "anticipation",
    "dynamic_investment",
    "investment",
    "redistribution",
    "sweeps",
    "threshold",
    "workers",
)

__all__ = [
    "METHODS",
    "RENEGOTIATION_PROOF_METHOD",
    "SELECTIONS",
    "STRATEGIES",
    "DynamicAutomation",
    "Threshold",
    "anticipated_redistribution",
    "anticipation",
    "breakdown_automation",
    "capital_payoff_curve",
    "dynamic_automation",
    "dynamic_investment",
    "efficient_automation",
    "investment",
    "max_redistribution",
    "payoff_bounds",
    "redistribution",
    "renegotiation_proof_payoffs",
    "rising_automation",
    "selected_labor_payoffs",
    "strategic_automation",
    "sweep",
    "sweep_arrays",
    "sweeps",
    "threshold",
    "workers",
]


__getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
