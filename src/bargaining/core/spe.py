"""Sets of subgame-perfect equilibrium payoffs of repeated games.

:func:`equilibrium_payoffs` computes the set ``V(delta)`` of pure-strategy
subgame-perfect payoffs of a two-player repeated game with perfect
monitoring and public randomisation, and returns it as a
:class:`PayoffSet`: a convex polygon, a segment or a single point.

Two methods are offered:

``"abreu-sannikov"``
    The exact set, up to the tolerance, by the algorithm of Abreu and
    Sannikov (2014); see :mod:`bargaining.core.abreu_sannikov`.
``"outer"``
    The outer approximation of Judd, Yeltekin and Conklin (2003): a polygon
    that contains ``V(delta)``, used as an independent cross-check; see
    :mod:`bargaining.core.outer_approximation`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .abreu_sannikov import abreu_sannikov
from .batched_abreu_sannikov import batched_abreu_sannikov
from .polygon import ConvexPolygon
from .validation import check_delta

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike

    from .._typing import Real
    from .game import Game

METHODS = ("abreu-sannikov", "outer")
MIN_DELTA = 1e-100


class ConvergenceWarning(UserWarning):
    """An iteration stopped at ``max_iter`` before reaching its tolerance."""


class PayoffSet(ConvexPolygon):
    """A set of equilibrium payoffs, with how it was computed.

    Attributes
    ----------
    vertices : numpy.ndarray
        ``k x 2`` extreme points, counter-clockwise from the lowest-left:
        ``k = 1`` for a single point, ``k = 2`` for a segment.
    delta : float
        The discount factor.
    method : str
        ``"abreu-sannikov"`` or ``"outer"``.
    iterations : int
        Steps of the set-valued iteration.
    tolerance : float
        Hausdorff distance between the last two iterates.
    converged : bool
        Whether the iteration reached the requested tolerance.
    """

    def __init__(
        self,
        vertices: ArrayLike,
        *,
        delta: float,
        method: str,
        iterations: int,
        tolerance: float,
        converged: bool,
    ) -> None:
        super().__init__(map(tuple, np.asarray(vertices, dtype=float)))
        self.delta = delta
        self.method = method
        self.iterations = iterations
        self.tolerance = tolerance
        self.converged = converged

    def __repr__(self) -> str:
        shape = "point" if self.is_point else "segment" if self.is_segment else "polygon"
        rows = ", ".join(f"({x:.9g}, {y:.9g})" for x, y in self.vertices)
        return (
            f"PayoffSet({shape}, delta={self.delta:g}, method={self.method!r}, "
            f"iterations={self.iterations}, vertices=[{rows}])"
        )

    def plot(self, ax: Axes | None = None, **style: Any) -> Axes:
        """Draw the set on matplotlib axes (created if ``ax`` is None); return the axes."""
        import matplotlib.pyplot as plt

        ax = plt.gca() if ax is None else ax
        x, y = self.vertices[:, 0], self.vertices[:, 1]
        if self.is_point:
            ax.plot(x, y, marker="o", linestyle="none", **style)
        elif self.is_segment:
            ax.plot(x, y, marker="o", **style)
        else:
            ax.fill(x, y, alpha=style.pop("alpha", 0.35), **style)
        ax.set_xlabel("row player's payoff")
        ax.set_ylabel("column player's payoff")
        return ax


def _check_iteration_delta(delta):
    """``check_delta``, and a floor keeping ``(1 - delta) / delta`` a usable float."""
    check_delta(delta)
    if float(delta) < MIN_DELTA:
        raise ValueError(
            f"delta must be at least {MIN_DELTA:g} to compute payoff sets, got {delta!r}"
        )


def equilibrium_payoffs(
    game: Game,
    delta: Real,
    method: str = "abreu-sannikov",
    *,
    tol: float = 1e-11,
    max_iter: int = 100_000,
    directions: int = 64,
) -> PayoffSet:
    """The set of pure-strategy subgame-perfect payoffs ``V(delta)``.

    Parameters
    ----------
    game : bargaining.Game
        A numeric stage game (exact payoffs are converted to floats).
    delta : float
        Common discount factor in (0, 1).
    method : {"abreu-sannikov", "outer"}
        The exact algorithm, or the outer approximation.
    tol : float
        Accuracy relative to the payoffs' scale (see each algorithm).
    max_iter : int
        Most steps of the iteration; a :class:`ConvergenceWarning` says when
        it stopped there.
    directions : int
        Number of supporting directions, for ``method="outer"`` only.

    Returns
    -------
    PayoffSet

    Raises
    ------
    ValueError
        If ``delta`` is outside (0, 1) or below ``MIN_DELTA``, the game is symbolic, or the stage
        game has no pure Nash equilibrium (the set is then empty).

    References
    ----------
    .. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated
       games with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
    .. [2] K. L. Judd, S. Yeltekin and J. Conklin, "Computing supergame
       equilibria", Econometrica 71 (2003) 1239-1254.
    """
    _check_iteration_delta(delta)
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, got {method!r}")
    game._require_numeric("equilibrium_payoffs()")
    delta = float(delta)
    A, B = (np.asarray(M, dtype=float) for M in game.payoff_matrices)
    if method == "abreu-sannikov":
        result = abreu_sannikov(A, B, delta, tol=tol, max_iter=max_iter)
        vertices, iterations, distance, converged = (
            result.vertices,
            result.iterations,
            result.distance,
            result.converged,
        )
    else:
        from .outer_approximation import outer_approximation

        result = outer_approximation(
            A, B, delta, directions=directions, tol=tol, max_iter=max_iter
        )
        vertices, iterations, distance, converged = (
            result.vertices,
            result.iterations,
            result.tolerance,
            result.converged,
        )
    if not converged:
        warnings.warn(
            f"{method} stopped after max_iter={max_iter} steps at distance "
            f"{distance:.3g}, above the tolerance",
            ConvergenceWarning,
            stacklevel=2,
        )
    return PayoffSet(
        vertices,
        delta=delta,
        method=method,
        iterations=iterations,
        tolerance=distance,
        converged=converged,
    )


BACKENDS = ("auto", "numba", "numpy")


def _has_numba():
    import importlib.util

    return importlib.util.find_spec("numba") is not None


def equilibrium_payoffs_many(
    games: Sequence[Game],
    deltas: Real | Sequence[Real],
    *,
    tol: float = 1e-11,
    max_iter: int = 100_000,
    backend: str = "auto",
) -> list[PayoffSet]:
    """Abreu-Sannikov payoff sets of many games, for sweeps.

    With numba installed (the ``fast`` extra) each game runs through a
    compiled kernel (:mod:`bargaining.core.compiled_abreu_sannikov`; the
    first call compiles it, a few seconds, cached on disk). Without it, games
    of equal shape advance together as numpy array operations
    (:mod:`bargaining.core.batched_abreu_sannikov`). Either way the results
    equal those of :func:`equilibrium_payoffs` game by game.

    Parameters
    ----------
    games : sequence of bargaining.Game
        Numeric stage games.
    deltas : float or sequence of float
        One discount factor for all games, or one per game.
    tol, max_iter
        As for :func:`equilibrium_payoffs`.
    backend : {"auto", "numba", "numpy"}
        ``"auto"`` uses numba when it is installed.

    Returns
    -------
    list of PayoffSet
        In the order of ``games``.
    """
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    if backend == "auto":
        backend = "numba" if _has_numba() else "numpy"
    if backend == "numba":
        if not _has_numba():
            raise ValueError("backend='numba' needs numba: pip install 'bargaining[fast]'")
        from .compiled_abreu_sannikov import compiled_abreu_sannikov as solve
    else:
        solve = batched_abreu_sannikov
    games = list(games)
    deltas = np.broadcast_to(np.asarray(deltas, dtype=float), (len(games),))
    for delta in deltas:
        _check_iteration_delta(float(delta))
    by_shape: dict[tuple[int, ...], list[int]] = {}
    for index, game in enumerate(games):
        game._require_numeric("equilibrium_payoffs_many()")
        by_shape.setdefault(game.shape, []).append(index)
    results: list[Any] = [None] * len(games)
    for indices in by_shape.values():
        A = np.stack([np.asarray(games[i].payoff_matrices[0], dtype=float) for i in indices])
        B = np.stack([np.asarray(games[i].payoff_matrices[1], dtype=float) for i in indices])
        iterates = solve(A, B, deltas[indices], tol=tol, max_iter=max_iter)
        for index, result in zip(indices, iterates, strict=True):
            results[index] = PayoffSet(
                result.vertices,
                delta=float(deltas[index]),
                method="abreu-sannikov",
                iterations=result.iterations,
                tolerance=result.distance,
                converged=result.converged,
            )
    stopped = sum(not r.converged for r in results)
    if stopped:
        warnings.warn(
            f"{stopped} of {len(results)} games stopped at max_iter={max_iter} "
            "above the tolerance",
            ConvergenceWarning,
            stacklevel=2,
        )
    return results
