"""What the stochastic-game solvers return: payoff sets per state and Markov perfect equilibria."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..repeated.payoff_sets import PayoffSet

if TYPE_CHECKING:
    from numpy.typing import ArrayLike


class StatePayoffSet(PayoffSet):
    """The subgame-perfect payoffs of one state of a stochastic game, with their bracket.

    A :class:`~bargaining.core.repeated.payoff_sets.PayoffSet` (``vertices``,
    ``contains``, ``max``, ``min``, ``plot``, ...) with what the bracketing
    iterations found.

    Attributes
    ----------
    vertices : numpy.ndarray
        The outer approximation at convergence, cut to the players'
        stationary minmax values: within ``tol`` (relative) of the true set,
        as the repeated game's Abreu-Sannikov result is.
    state : int
        The state the set belongs to.
    outer : PayoffSet
        The same polygon as ``vertices``: every iterate of the outer
        iteration contains the true set.
    inner : PayoffSet or None
        A polygon inside the true set (up to rounding), grown from a
        self-generating start; empty when no such start was found (no pure
        Markov perfect equilibrium), None when not computed.
    gap : float or None
        The Hausdorff distance between ``inner`` and ``outer``: the true set
        is within ``gap`` of either. ``inf`` when ``inner`` is empty and
        ``outer`` is not, None when ``inner`` was not computed.
    """

    def __init__(
        self,
        vertices: ArrayLike,
        *,
        state: int,
        inner: PayoffSet | None,
        gap: float | None,
        **options: Any,
    ) -> None:
        super().__init__(vertices, **options)
        self.state = state
        self.outer = PayoffSet(self.vertices, **options)
        self.inner = inner
        self.gap = gap

    def _nonempty(self):
        if self.is_empty:
            raise ValueError(
                f"the stochastic game has no pure-strategy subgame-perfect equilibrium starting "
                f"in state {self.state} at delta={self.delta:g}"
            )
        return super()._nonempty()


@dataclass(frozen=True)
class MarkovPerfectEquilibrium:
    """A pure Markov perfect equilibrium: one action profile per state, and its payoffs.

    Attributes
    ----------
    profile : tuple of (int, int)
        ``profile[s]`` is the (row, column) action pair played in state ``s``.
    payoffs : tuple of (float, float)
        ``payoffs[s]`` is the pair of discounted average payoffs from state ``s``.
    """

    profile: tuple[tuple[int, int], ...]
    payoffs: tuple[tuple[float, float], ...]
