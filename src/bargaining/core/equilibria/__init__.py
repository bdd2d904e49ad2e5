"""Nash equilibria of two-player normal-form games.

Pure equilibria (:mod:`~bargaining.core.equilibria.pure`), every equilibrium
of an exact game by vertex enumeration
(:mod:`~bargaining.core.equilibria.vertex`), equilibria of a parametric 2x2
game with their conditions (:mod:`~bargaining.core.equilibria.symbolic`) and
float equilibria through nashpy. :meth:`bargaining.Game.equilibria` chooses
among them.
"""

from ._nashpy import nashpy_equilibria
from .pure import best_response_masks, pure_equilibria
from .symbolic import symbolic_equilibria
from .vertex import polytope_vertices, vertex_enumeration

__all__ = [
    "best_response_masks",
    "nashpy_equilibria",
    "polytope_vertices",
    "pure",
    "pure_equilibria",
    "symbolic",
    "symbolic_equilibria",
    "vertex",
    "vertex_enumeration",
]
