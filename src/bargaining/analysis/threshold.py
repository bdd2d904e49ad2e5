"""The automation level at which redistribution stops (or starts) being sustainable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import _display

if TYPE_CHECKING:
    import sympy

    from .._typing import Scalar

KINDS = ("breaks-down", "becomes-sustainable", "never-sustainable", "always-sustainable")


@dataclass(frozen=True)
class Threshold:
    """Where redistribution changes from sustainable to not, along automation ``a``.

    Attributes
    ----------
    value : Fraction, float, sympy expression or None
        The boundary automation level; ``None`` when there is none.
    kind : str
        ``"breaks-down"``: sustainable for ``a`` below ``value``, not above.
        ``"becomes-sustainable"``: not sustainable for ``a`` below ``value``,
        sustainable from it up to ``a = 1`` (as under competitive wages,
        where capital has no profit to share until machines do some tasks).
        ``"never-sustainable"`` and
        ``"always-sustainable"``: the same answer for every ``a`` in [0, 1]
        (``value`` is ``None``).
    strategy, method : str
        The strategy class and the method that produced the answer.
    condition : sympy boolean, optional
        For symbolic answers: when the expression is the boundary.
    selection : str, optional
        The equilibrium selection behind an exact answer (``"labor-best"``,
        ``"capital-best"``, ``"nash"``); ``None`` for a strategy class.
    """

    value: Scalar | None
    kind: str
    strategy: str
    method: str = "closed-form"
    condition: sympy.Basic | None = None
    selection: str | None = None
    _repr_html_, _repr_latex_ = _display.threshold_html, _display.threshold_latex

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if (self.value is None) != (self.kind in ("never-sustainable", "always-sustainable")):
            raise ValueError(f"a {self.kind!r} threshold cannot have value {self.value!r}")

    def __float__(self) -> float:
        if self.value is None:
            meaning = (
                "no automation level sustains it"
                if self.kind == "never-sustainable"
                else "every automation level sustains it"
            )
            raise ValueError(
                f"there is no breakdown automation level: redistribution is {self.kind} "
                f"({meaning}) under {self.describe()}"
            )
        return float(self.value)

    def describe(self) -> str:
        """The method and selection (or strategy class) behind the value, in words."""
        if self.selection is None:
            return f"{self.strategy} strategies ({self.method})"
        return f"{self.selection} subgame-perfect equilibrium ({self.method})"
