"""Markov chains over automation levels: a known path, random advances, or standing still.

The stochastic games of :mod:`bargaining.labor.dynamics` draw next period's
automation level from a chain over a grid of levels. These are its usual
forms: a deterministic path that rises and then stays
(:func:`automation_path`, :func:`path_chain`), advances one level at a time
with a fixed chance each period (:func:`advance_chain`), and the identity
that leaves automation to capital's investment (:func:`identity_chain`).
:func:`checked_chain` checks a chain given by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..core.stochastic.transitions import ROW_SUM_TOL
from .evaluation import check_range, kind_of

if TYPE_CHECKING:
    from .._typing import Scalar


def automation_path(start: Scalar, stop: Scalar, speed: Scalar) -> list[Scalar]:
    """Levels from ``start`` to ``stop`` in steps of ``speed``; automation then stays.

    The last step is shortened so that the path ends exactly at ``stop``.

    Parameters
    ----------
    start, stop : number
        First and last automation level, ``0 <= start <= stop <= 1``.
    speed : number
        Rise per period, positive.

    Returns
    -------
    list
        The levels, exact for rational input.

    Examples
    --------
    >>> from fractions import Fraction
    >>> [str(a) for a in automation_path(0, Fraction(1, 2), Fraction(1, 5))]
    ['0', '1/5', '2/5', '1/2']
    """
    check_range(start, "start", 0, 1)
    check_range(stop, "stop", 0, 1)
    if stop < start:
        raise ValueError(f"stop must be at least start ({start}), got {stop}")
    check_range(speed, "speed", 0, 1, closed_low=False)
    steps = int(np.ceil(float((stop - start) / speed) - 1e-12))
    return [start + speed * t for t in range(steps)] + [stop]


def path_chain(states: int) -> np.ndarray:
    """The deterministic chain through ``states`` levels in order, staying at the last."""
    if int(states) != states or states < 1:
        raise ValueError(f"states must be a positive integer, got {states!r}")
    chain = np.zeros((states, states), dtype=object)
    chain[np.arange(states - 1), np.arange(1, states)] = 1
    chain[-1, -1] = 1
    return chain


def advance_chain(states: int, probability: Scalar) -> np.ndarray:
    """Each period automation advances one level with ``probability``, else stays.

    The last level is absorbing. The expected time at a level is
    ``1 / probability`` periods, so ``probability`` sets the speed of
    automation without telling anyone when it comes.

    Parameters
    ----------
    states : int
        Number of levels.
    probability : number
        Chance of advancing each period, in (0, 1].

    Returns
    -------
    numpy.ndarray
        ``states x states`` transition probabilities (object dtype, exact for
        rational ``probability``).
    """
    chain = path_chain(states)
    check_range(probability, "probability", 0, 1, closed_low=False)
    for level in range(states - 1):
        chain[level, level], chain[level, level + 1] = 1 - probability, probability
    return chain


def checked_chain(chain: Any, states: int) -> np.ndarray:
    """``chain`` as an object array of ``states x states`` probabilities, rows summing to 1."""
    table = np.asarray(chain, dtype=object)
    if table.shape != (states, states):
        raise ValueError(
            f"chain must be {states} x {states} (one row and column per level), "
            f"got shape {table.shape}"
        )
    for s, row in enumerate(table):
        for value in row:
            if not _is_probability(value):
                raise ValueError(f"chain[{s}] must hold probabilities in [0, 1], got {value!r}")
        total = sum(row)
        exact = kind_of(*row) == "exact"
        if (exact and total != 1) or (not exact and abs(float(total) - 1) > ROW_SUM_TOL):
            raise ValueError(f"chain[{s}] must sum to 1, got probabilities summing to {total}")
    return table


def _is_probability(value):
    try:
        return kind_of(value) != "symbolic" and 0 <= value <= 1
    except ValueError:  # not a number, or not finite
        return False


def identity_chain(states: int) -> np.ndarray:
    """Automation stays where it is: the ``states x states`` identity (object dtype)."""
    chain = np.zeros((states, states), dtype=object)
    chain[np.arange(states), np.arange(states)] = 1
    return chain
