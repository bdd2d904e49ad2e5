"""The answer every bargaining solution returns.

A solution of a bargaining problem is one payoff pair. Besides the pair the
outcome records the problem it solves (the disagreement point) and which
solution produced it, so that a table of outcomes explains itself. The
alternating-offers solutions add what each player gets when the other one
proposes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from .. import _display


@dataclasses.dataclass(frozen=True)
class BargainingOutcome:
    """A solution of a two-player bargaining problem.

    Attributes
    ----------
    payoffs : tuple
        ``(u1, u2)``: the agreed payoffs, player 1's first. Fractions or sympy
        numbers for exact problems, floats for numeric ones, expressions for
        symbolic ones.
    disagreement : tuple
        The disagreement point ``(d1, d2)`` of the problem.
    solution : str
        ``"nash"``, ``"kalai-smorodinsky"``, ``"egalitarian"`` or ``"rubinstein"``.
    ideal : tuple, optional
        Kalai-Smorodinsky: each player's highest individually rational payoff.
    weights : tuple, optional
        Nash: the bargaining powers of the asymmetric solution.
    responder_payoffs : tuple, optional
        Rubinstein: the payoffs agreed when the other player proposes.
    binding_outside : tuple of bool, optional
        Rubinstein: whether each player's outside option binds.
    """

    payoffs: tuple
    disagreement: tuple
    solution: str
    ideal: tuple | None = None
    weights: tuple | None = None
    responder_payoffs: tuple | None = None
    binding_outside: tuple | None = None
    _repr_html_, _repr_latex_ = _display.outcome_html, _display.outcome_latex

    @property
    def gains(self) -> tuple[Any, ...]:
        """Each player's gain over the disagreement point."""
        return tuple(u - d for u, d in zip(self.payoffs, self.disagreement, strict=True))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.payoffs)
