"""Sets of subgame-perfect equilibrium payoffs of repeated games.

:func:`equilibrium_payoffs` computes the set ``V(delta)`` of pure-strategy
subgame-perfect payoffs of a two-player repeated game with perfect
monitoring and public randomisation, and returns it as a
:class:`PayoffSet`: a convex polygon, a segment or a single point.

Two methods are offered:

``"abreu-sannikov"``
    The exact set, up to the tolerance, by the algorithm of Abreu and
    Sannikov (2014); see :mod:`bargaining.core.repeated.abreu_sannikov`.
``"outer"``
    The outer approximation of Judd, Yeltekin and Conklin (2003): a polygon
    that contains ``V(delta)``, used as an independent cross-check; see
    :mod:`bargaining.core.repeated.outer`.
"""

from __future__ import annotations

import functools
import sys
import time
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ... import _display
from ..minmax import minmax
from ..polygon import ConvexPolygon, clip_array, hull_array
from ..validation import BACKENDS, check_delta, check_iteration_options, has_numba, resolve_backend
from .abreu_sannikov import abreu_sannikov

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from numpy.typing import ArrayLike

    from ..._typing import Real
    from ..game import Game

PAYOFF_SET_METHODS = ("abreu-sannikov", "outer")
MIN_DELTA = 1e-100
DEFAULT_TOL = 1e-11
#: Rounding of one step of the float iterations, relative to the payoffs'
#: scale: the strike game and the prisoner's dilemma miss their limits by up
#: to about ``5e-13 / (1 - delta)``; this keeps a factor of 2 in hand.
RESOLUTION = 1e-12
#: The coarsest accuracy the default tolerance is allowed to fall back to.
COARSEST_TOL = 1e-6
MAX_DELTA = 1 - RESOLUTION / COARSEST_TOL
#: Seconds a process spends in the numpy iteration of single games before
#: ``backend="auto"`` loads the compiled kernel. Importing numba and reading the
#: kernel from its disk cache cost about as much, so a one-off call never pays
#: for it, and any loop spends at most about twice what the better of the two
#: backends, chosen in advance, would have.
COMPILED_AFTER_SECONDS = 1.0
_COMPILED_MODULE = f"{__package__}._compiled"
#: Seconds spent so far in this process on single games with the numpy iteration.
_numpy_seconds = 0.0


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
    distance : float
        How far the last step moved the set: the Hausdorff distance between
        the last two iterates (Abreu-Sannikov; each player's payoffs scaled by
        a power of two to a largest magnitude in [1/2, 1)), or the largest
        change of a supporting level (outer approximation).
    converged : bool
        Whether the iteration reached the requested tolerance.
    tol : float or None
        The accuracy asked of the iteration, relative to each player's largest
        payoff (the default adapts to ``delta``; see :func:`resolve_tolerance`).

    The set may be empty (``is_empty``): then no pure-strategy subgame-perfect
    equilibrium exists, and ``max`` and ``min`` raise ``ValueError``.
    """

    def __init__(
        self,
        vertices: ArrayLike,
        *,
        delta: float,
        method: str,
        iterations: int,
        distance: float,
        converged: bool,
        tol: float | None = None,
    ) -> None:
        super().__init__(map(tuple, np.asarray(vertices, dtype=float).reshape(-1, 2)))
        self.delta = delta
        self.method = method
        self.iterations = iterations
        self.distance = distance
        self.converged = converged
        self.tol = tol

    def _nonempty(self):
        if self.is_empty:
            raise ValueError(
                f"the repeated game has no pure-strategy subgame-perfect equilibrium at "
                f"delta={self.delta:g} ({self.method} found the payoff set empty)"
            )
        return super()._nonempty()

    def __repr__(self) -> str:
        shape = (
            "empty"
            if self.is_empty
            else "point"
            if self.is_point
            else "segment"
            if self.is_segment
            else "polygon"
        )
        rows = ", ".join(f"({x:.9g}, {y:.9g})" for x, y in self.vertices)
        return (
            f"PayoffSet({shape}, delta={self.delta:g}, method={self.method!r}, "
            f"iterations={self.iterations}, vertices=[{rows}])"
        )

    _repr_svg_ = _display.payoff_set_svg
    _repr_html_ = _display.payoff_set_html
    _repr_latex_ = _display.payoff_set_latex

    def plot(self, ax: Axes | None = None, **style: Any) -> Axes:
        """Draw the set on matplotlib axes; return the axes.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Where to draw; the axes of a new :class:`matplotlib.figure.Figure`
            (made outside pyplot, so no global figure changes) when omitted.
        **style
            Passed to matplotlib (``color``, ``label``, ``alpha``, ...).

        Returns
        -------
        matplotlib.axes.Axes
        """
        if ax is None:
            from matplotlib.figure import Figure

            ax = Figure().add_subplot()
        x, y = self.vertices[:, 0], self.vertices[:, 1]
        if self.is_empty:
            pass
        elif self.is_point:
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


def finest_tolerance(delta: float) -> float:
    """The finest accuracy the float iterations can certify at discount factor ``delta``.

    Each step moves the set by about ``(1 - delta)`` times the payoffs and
    rounds by about ``RESOLUTION`` times them, so the iteration can stall
    ``RESOLUTION * delta / (1 - delta)`` away from its limit, and its stopping
    rule ``d * delta / (1 - delta) <= tol`` cannot tell a stall from
    convergence below that. As ``delta`` approaches 1 this bound grows
    without limit: at ``delta = 1 - 1e-15`` one step changes nothing and the
    rule would accept every feasible payoff.
    """
    delta = float(delta)
    return RESOLUTION * delta / (1 - delta)


def resolve_tolerance(delta: float, tol: float | None = None) -> float:
    """The tolerance to iterate with at ``delta``: ``tol``, checked, or the default.

    Parameters
    ----------
    delta : float
        Discount factor in (0, 1).
    tol : float, optional
        Requested accuracy relative to each player's largest payoff. The default is
        ``DEFAULT_TOL``, or :func:`finest_tolerance` where that is coarser.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``tol`` is not a positive finite number, if a given ``tol`` is finer
        than :func:`finest_tolerance` allows at ``delta``, or if ``delta`` is
        so close to 1 (above ``MAX_DELTA``) that not even ``COARSEST_TOL``
        can be certified.
    """
    finest = finest_tolerance(delta)
    if tol is None:
        if finest > COARSEST_TOL:
            raise ValueError(
                f"delta={delta!r} is too close to 1 to compute payoff sets in double "
                f"precision: each step moves the set by less than its rounding, so the "
                f"result could not be told from every feasible payoff; use delta <= "
                f"{MAX_DELTA!r}"
            )
        return max(DEFAULT_TOL, finest)
    check_iteration_options(tol=tol)
    if tol < finest:
        raise ValueError(
            f"tol={tol!r} cannot be certified at delta={delta!r} in double precision: the "
            f"iteration can stall {finest:.2g} (relative) from its limit; pass tol >= "
            f"{finest:.2g}, or leave tol unset to use the finest accuracy available"
        )
    return float(tol)


def normalise(A: np.ndarray, B: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray], np.ndarray]:
    """Each player's payoffs scaled by a power of two to a largest magnitude in [1/2, 1).

    The set of subgame-perfect payoffs scales with each player's payoffs
    (incentives compare a player's own payoffs only), so solving the scaled
    game and scaling back gives the same set, with the same relative accuracy
    for payoffs of any size. Powers of two scale floats exactly: stage
    payoffs and minmax values come back bit for bit.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray), numpy.ndarray
        The scaled payoffs and each player's binary exponent, for
        :func:`denormalise`.
    """
    exponents = np.array([np.frexp(np.abs(M).max())[1] for M in (A, B)])
    return (np.ldexp(A, -exponents[0]), np.ldexp(B, -exponents[1])), exponents


def denormalise(vertices: ArrayLike, exponents: np.ndarray) -> np.ndarray:
    """Scale payoffs of the normalised game back (the inverse of :func:`normalise`)."""
    return np.ldexp(np.asarray(vertices, dtype=float).reshape(-1, 2), exponents)


def individually_rational(
    vertices: ArrayLike, A: np.ndarray, B: np.ndarray, slack: float
) -> np.ndarray:
    """Cut a set of equilibrium payoffs to the players' pure minmax values.

    Every pure-strategy equilibrium gives each player at least the pure
    minmax (a player can always best respond to the other's action), so the
    cut removes nothing of the true set. Vertices within ``slack`` below a
    minmax value are rounding and are lifted onto it; an iterate stopped
    early loses what lies further below. The returned set gives no player
    less than the minmax, up to the grid of ``1e-13`` times the payoff scale
    on which float hulls are taken.
    """
    floor = np.array(tuple(minmax(A, B, mixed=False))[:2], dtype=float)
    clipped = clip_array(hull_array(vertices), 0, floor[0] - slack)
    clipped = clip_array(clipped, 1, floor[1] - slack)
    return hull_array(np.maximum(clipped, floor))


def _solve_single(A, B, delta, tol, max_iter, backend):
    """The Abreu-Sannikov iterates of one normalised game on the backend chosen."""
    global _numpy_seconds
    if backend == "auto":
        compiled = _COMPILED_MODULE in sys.modules or (
            _numpy_seconds > COMPILED_AFTER_SECONDS and _numba_installed()
        )
        backend = "numba" if compiled else "numpy"
    if resolve_backend(backend) == "numba":
        from ._compiled import compiled_abreu_sannikov

        (result,) = compiled_abreu_sannikov(
            A[None], B[None], np.array([delta]), tol=tol, max_iter=max_iter
        )
        return result
    start = time.perf_counter()
    result = abreu_sannikov(A, B, delta, tol=tol, max_iter=max_iter)
    _numpy_seconds += time.perf_counter() - start
    return result


@functools.cache
def _numba_installed():
    return has_numba()


def equilibrium_payoffs(
    game: Game,
    delta: Real,
    method: str = "abreu-sannikov",
    *,
    tol: float | None = None,
    max_iter: int = 100_000,
    directions: int = 64,
    backend: str = "auto",
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
    tol : float, optional
        Accuracy relative to each player's largest payoff. By
        default ``1e-11``, or the finest accuracy double precision supports
        at ``delta`` where that is coarser (about ``1e-13 / (1 - delta)``).
    max_iter : int
        Most steps of the iteration; a :class:`ConvergenceWarning` says when
        it stopped there.
    directions : int
        Number of supporting directions, for ``method="outer"`` only.
    backend : {"auto", "numba", "numpy"}
        For ``method="abreu-sannikov"``: the numpy iteration, or the compiled
        kernel of :func:`equilibrium_payoffs_many` (numba, the ``fast``
        extra; same sets to about ``1e-12`` of the payoff scale). ``"auto"``
        uses the compiled kernel when it is already loaded in the process,
        or when numba is installed and the process has already spent
        ``COMPILED_AFTER_SECONDS`` on single games: a one-off call never
        imports numba, a loop over many games soon runs compiled.

    Returns
    -------
    PayoffSet
        Never below either player's pure minmax value. Empty when no
        pure-strategy subgame-perfect equilibrium exists; a stage game without
        a pure Nash equilibrium can still have one, when a profile that is
        not a stage equilibrium punishes deviations.

    Raises
    ------
    ValueError
        If ``delta`` is outside (0, 1), below ``MIN_DELTA`` or above
        ``MAX_DELTA`` (too close to 1 for double precision), ``tol`` is finer
        than double precision can certify at ``delta``, ``max_iter`` or
        ``directions`` is out of range, ``backend`` is unknown or ``"numba"``
        without numba installed, or the game is symbolic.

    References
    ----------
    .. [1] D. Abreu and Y. Sannikov, "An algorithm for two-player repeated
       games with perfect monitoring", Theoretical Economics 9 (2014) 313-338.
    .. [2] K. L. Judd, S. Yeltekin and J. Conklin, "Computing supergame
       equilibria", Econometrica 71 (2003) 1239-1254.
    """
    _check_iteration_delta(delta)
    if method not in PAYOFF_SET_METHODS:
        raise ValueError(f"method must be one of {', '.join(PAYOFF_SET_METHODS)}, got {method!r}")
    delta = float(delta)
    check_iteration_options(max_iter=max_iter, directions=directions)
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    tol = resolve_tolerance(delta, tol)
    game.require_numeric("equilibrium_payoffs()")
    (A, B), exponents = normalise(*(np.asarray(M, dtype=float) for M in game.payoff_matrices))
    if method == "abreu-sannikov":
        result = _solve_single(A, B, delta, tol, max_iter, backend)
        vertices, iterations, distance, converged = (
            result.vertices,
            result.iterations,
            result.distance,
            result.converged,
        )
    else:
        from .outer import outer_approximation

        result = outer_approximation(
            A, B, delta, directions=directions, tol=tol, max_iter=max_iter
        )
        vertices, iterations, distance, converged = (
            result.vertices,
            result.iterations,
            result.distance,
            result.converged,
        )
    rational = individually_rational(vertices, A, B, 10 * tol)
    # An iterate contains the limit set, which is individually rational: when
    # nothing of the iterate is, the limit is empty, which is exact.
    converged = converged or not len(rational)
    if not converged:
        warnings.warn(
            f"{method} stopped after max_iter={max_iter} steps at distance "
            f"{distance:.3g}, above the tolerance",
            ConvergenceWarning,
            stacklevel=2,
        )
    return PayoffSet(
        denormalise(rational, exponents),
        delta=delta,
        method=method,
        iterations=iterations,
        distance=distance,
        converged=converged,
        tol=tol,
    )


def equilibrium_payoffs_many(
    games: Sequence[Game],
    deltas: Real | Sequence[Real],
    *,
    tol: float | None = None,
    max_iter: int = 100_000,
    backend: str = "auto",
    on_max_iter: str = "warn",
) -> list[PayoffSet]:
    """Abreu-Sannikov payoff sets of many games, for sweeps.

    With numba installed (the ``fast`` extra) each game runs through a
    compiled kernel (:mod:`bargaining.core.repeated._compiled`; the
    first call compiles it, a few seconds, cached on disk). Without it, games
    of equal shape advance together as numpy array operations
    (:mod:`bargaining.core.repeated._batched`). Either way the results
    equal those of :func:`equilibrium_payoffs` game by game.

    Parameters
    ----------
    games : sequence of bargaining.Game
        Numeric stage games.
    deltas : float or sequence of float
        One discount factor for all games, or one per game.
    tol, max_iter
        As for :func:`equilibrium_payoffs`; the default tolerance adapts to
        each game's discount factor.
    backend : {"auto", "numba", "numpy"}
        ``"auto"`` uses numba when it is installed.
    on_max_iter : {"warn", "raise"}
        What to do when a game stops at ``max_iter`` above its tolerance:
        return its last iterate (a superset of the true set) with a
        :class:`ConvergenceWarning`, or raise ``ValueError``. Analyses that
        read a single number off the sets use ``"raise"``.

    Returns
    -------
    list of PayoffSet
        In the order of ``games``.
    """
    if on_max_iter not in ("warn", "raise"):
        raise ValueError(f"on_max_iter must be 'warn' or 'raise', got {on_max_iter!r}")
    if resolve_backend(backend) == "numba":
        from ._compiled import compiled_abreu_sannikov as solve
    else:
        from ._batched import batched_abreu_sannikov as solve
    games = list(games)
    deltas = np.broadcast_to(np.asarray(deltas, dtype=float), (len(games),))
    for delta in deltas:
        _check_iteration_delta(float(delta))
    check_iteration_options(max_iter=max_iter)
    tols = np.array([resolve_tolerance(float(delta), tol) for delta in deltas])
    by_shape: dict[tuple[int, ...], list[int]] = {}
    for index, game in enumerate(games):
        game.require_numeric("equilibrium_payoffs_many()")
        by_shape.setdefault(game.shape, []).append(index)
    results: list[Any] = [None] * len(games)
    for indices in by_shape.values():
        stages, exponents = zip(
            *(
                normalise(*(np.asarray(M, dtype=float) for M in games[i].payoff_matrices))
                for i in indices
            ),
            strict=True,
        )
        A = np.stack([row for row, _ in stages])
        B = np.stack([column for _, column in stages])
        iterates = solve(A, B, deltas[indices], tol=tols[indices], max_iter=max_iter)
        for k, (index, result) in enumerate(zip(indices, iterates, strict=True)):
            rational = individually_rational(result.vertices, A[k], B[k], 10 * tols[index])
            results[index] = PayoffSet(
                denormalise(rational, exponents[k]),
                delta=float(deltas[index]),
                method="abreu-sannikov",
                iterations=result.iterations,
                distance=result.distance,
                converged=result.converged or not len(rational),
                tol=float(tols[index]),
            )
    stopped = sum(not r.converged for r in results)
    if stopped and on_max_iter == "raise":
        worst = max(float(r.delta) for r in results if not r.converged)
        raise ValueError(
            f"{stopped} of {len(results)} payoff sets did not converge within "
            f"max_iter={max_iter} steps (largest delta {worst!r}; near 1 the iteration needs "
            f"of the order of 25 / (1 - delta) steps); raise max_iter or lower delta"
        )
    if stopped:
        warnings.warn(
            f"{stopped} of {len(results)} games stopped at max_iter={max_iter} "
            "above the tolerance",
            ConvergenceWarning,
            stacklevel=2,
        )
    return results
