"""Figures of the model, drawn from computed results; one figure per module.

Each function takes results (sweep results, payoff sets, plain arrays and
points) and returns a :class:`matplotlib.figure.Figure` built outside pyplot,
so nothing depends on a global figure or an interactive backend.
:func:`save` writes it without timestamps: the same figure gives the same
bytes every time, as PNG, SVG or PDF.

The palette is Okabe and Ito's, distinguishable under the common forms of
colour blindness; continuous values use ``cividis``.
"""

from ._style import PALETTE, save, save_formats
from .channels import channels
from .frontier import bargaining_frontier
from .investment import capital_payoff
from .payoff_sets import payoff_sets
from .phase import phase_diagram, phase_diagram_arrays
from .redistribution import redistribution_curves
from .workers import union_vs_individuals

__all__ = [
    "PALETTE",
    "bargaining_frontier",
    "capital_payoff",
    "channels",
    "frontier",
    "investment",
    "payoff_sets",
    "phase",
    "phase_diagram",
    "phase_diagram_arrays",
    "redistribution",
    "redistribution_curves",
    "save",
    "save_formats",
    "union_vs_individuals",
    "workers",
]
