"""Type aliases for the public signatures.

Imported only under ``typing.TYPE_CHECKING`` (the modules that use them postpone
annotations), so they cost nothing at run time and sympy stays unimported.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TypeAlias

import numpy as np
import sympy

#: A real number as the toolkit accepts it: exact (int, Fraction) or a float.
Real: TypeAlias = int | float | Fraction
#: A payoff or parameter: a real number or a sympy expression.
Scalar: TypeAlias = Real | sympy.Expr
#: A pair of payoffs, labor's (or the row player's) first, as returned.
Point: TypeAlias = tuple[Scalar, Scalar]
#: A pair of payoffs as accepted: any sequence of two numbers, or an array.
PointLike: TypeAlias = Sequence[Scalar] | np.ndarray
#: A payoff matrix: nested sequences or a two-dimensional array.
Matrix: TypeAlias = Sequence[Sequence[Scalar]] | np.ndarray
#: A number, expression or array of numbers (the vectorised closed forms take any).
Value: TypeAlias = Scalar | np.ndarray
#: A mixed strategy: probabilities over a player's actions.
Strategy: TypeAlias = Sequence[Real] | np.ndarray
