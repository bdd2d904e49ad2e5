"""Nash equilibria of two-player normal-form games.

Pure equilibria (:mod:`~bargaining.core.equilibria.pure`), every extreme
equilibrium of an exact game by lexicographic pivoting
(:mod:`~bargaining.core.equilibria.exact_vertex`; the exhaustive support-pair
enumeration of :mod:`~bargaining.core.equilibria.vertex` is kept as its
reference) and of a float game
(:mod:`~bargaining.core.equilibria.float_vertex`), one equilibrium by
Lemke-Howson (:mod:`~bargaining.core.equilibria.lemke_howson`), equilibria of
a parametric 2x2 game with their conditions
(:mod:`~bargaining.core.equilibria.symbolic`) and float support enumeration
through nashpy. :meth:`bargaining.Game.equilibria` chooses
among them. Submodules and names are imported on first use.
"""

from typing import TYPE_CHECKING

from ..._lazy import lazy_attributes

if TYPE_CHECKING:
    from . import exact_vertex, float_vertex, lemke_howson, pure, symbolic, vertex
    from ._nashpy import nashpy_equilibria
    from .exact_vertex import exact_vertex_enumeration, lexicographic_vertices
    from .float_vertex import float_vertex_enumeration
    from .pure import best_response_masks, pure_equilibria
    from .symbolic import symbolic_equilibria
    from .vertex import polytope_vertices, vertex_enumeration

_NAMES = {
    "best_response_masks": "pure",
    "exact_vertex_enumeration": "exact_vertex",
    "float_vertex_enumeration": "float_vertex",
    "lexicographic_vertices": "exact_vertex",
    "nashpy_equilibria": "_nashpy",
    "polytope_vertices": "vertex",
    "pure_equilibria": "pure",
    "symbolic_equilibria": "symbolic",
    "vertex_enumeration": "vertex",
}
_SUBMODULES = ("exact_vertex", "float_vertex", "lemke_howson", "pure", "symbolic", "vertex")

__all__ = [
    "best_response_masks",
    "exact_vertex",
    "exact_vertex_enumeration",
    "float_vertex",
    "float_vertex_enumeration",
    "lemke_howson",
    "lexicographic_vertices",
    "nashpy_equilibria",
    "polytope_vertices",
    "pure",
    "pure_equilibria",
    "symbolic",
    "symbolic_equilibria",
    "vertex",
    "vertex_enumeration",
]

__getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
