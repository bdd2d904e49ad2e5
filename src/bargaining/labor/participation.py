r"""Strikes as participation games: n workers, k of them needed (Palfrey-Rosenthal).

A strike succeeds if at least :math:`k` of the :math:`n` workers join. Joining
costs a worker :math:`c` (lost pay, the risk of dismissal); success pays every
worker, striker or not, the concession :math:`V`. Worker actions: 0 stays out,
1 joins. In a symmetric equilibrium each worker joins with probability
:math:`p`, and a worker who mixes is indifferent: joining matters only when
exactly :math:`k - 1` of the others join, so

.. math::

    V \binom{n-1}{k-1} p^{k-1} (1 - p)^{n-k} = c.

Besides these mixed equilibria, nobody joining is an equilibrium whenever
:math:`k \ge 2` (no single worker can make the strike succeed), everybody
joining is one when :math:`k = n` and :math:`c \le V`, and exactly :math:`k`
workers joining is a pure (asymmetric) equilibrium when :math:`c \le V`. The
formulas live in :mod:`bargaining.labor.formulas` (section "Many workers").

Comparative statics. A mixed equilibrium exists only while
:math:`c \le c_{\max}(n, k) = V \max_p \binom{n-1}{k-1} p^{k-1}(1-p)^{n-k}`
(:func:`max_join_cost`); the pivot probability peaks at
:math:`p = (k-1)/(n-1)`, so the high equilibrium, above the peak, falls as
the cost rises and the low one rises (:func:`cost_response`). More workers
dilute each one's chance of being pivotal: for :math:`k = 1` the
probability that somebody strikes, :math:`1 - (c/V)^{n/(n-1)}`, falls with
:math:`n` (the volunteer's dilemma).

References
----------
.. [1] T. R. Palfrey and H. Rosenthal, "Participation and the provision of
   discrete public goods: a strategic analysis", Journal of Public Economics
   24 (1984) 171-193.
.. [2] A. Diekmann, "Volunteer's dilemma", Journal of Conflict Resolution 29
   (1985) 605-610.
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from ..core import numbers as num
from ..core.nplayer import NPlayerGame, equilibria_from_gain
from . import formulas as f
from .evaluation import check_range

# 2**n profiles of n payoffs each: 14 workers already make 229 376 entries.
MAX_GAME_WORKERS = 14
# Costs and values beyond this overflow the float evaluation of the formulas.
MAX_PAYOFF = 1e100


def _check_count(value: Any, name: str, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if value < low or (high is not None and value > high):
        bound = f"[{low}, {high}]" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must lie in {bound}, got {value!r}")
    return value


def _check_parameters(n, k, cost, value, *, max_workers=None):
    n = _check_count(n, "n", 2, max_workers)
    k = _check_count(k, "k", 1, n)
    kinds = set()
    for name, number in (("cost", cost), ("value", value)):
        kind, normalised = num.classify(number, name)
        if kind == num.SYMBOLIC:
            raise ValueError(f"{name} must be an int, Fraction or float, got {number!r}")
        if abs(normalised) > MAX_PAYOFF:
            raise ValueError(f"{name} must be at most {MAX_PAYOFF:g} in absolute value")
        kinds.add(kind)
    check_range(cost, "cost", 0, math.inf)
    check_range(value, "value", 0, math.inf, closed_low=False)
    return n, k, num.FLOAT not in kinds


def participation_game(n: int, k: int, cost: Any, value: Any) -> NPlayerGame:
    """The threshold game of ``n`` workers, ``k`` of whom must join for a strike to succeed.

    Parameters
    ----------
    n : int
        Workers, from 2 to :data:`MAX_GAME_WORKERS` (the game has ``2**n``
        profiles; :func:`participation_equilibria` takes any ``n``).
    k : int
        Strikers needed, from 1 to ``n``.
    cost : int, Fraction or float
        What joining costs a worker, at least 0.
    value : int, Fraction or float
        What success pays every worker, positive.

    Returns
    -------
    NPlayerGame
        Actions 0 (stay out) and 1 (join); exact for exact ``cost`` and
        ``value``.

    Raises
    ------
    ValueError
        If ``n`` or ``k`` is not an integer in range (``k > n`` included), or
        ``cost`` or ``value`` is out of range.

    Examples
    --------
    >>> game = participation_game(3, 2, 3, 10)
    >>> game.pure_equilibria()
    [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]
    """
    n, k, exact = _check_parameters(n, k, cost, value, max_workers=MAX_GAME_WORKERS)
    if exact:
        cost, value = num.classify(cost)[1], num.classify(value)[1]
    else:
        cost, value = float(cost), float(value)
    joins = np.indices((2,) * n)
    succeeds = joins.sum(axis=0) >= k
    dtype = object if exact else float
    payoffs = np.stack(
        [np.where(succeeds, value, 0 * value).astype(dtype) - cost * joins[i] for i in range(n)],
        axis=-1,
    )
    return NPlayerGame(payoffs)


def join_gain_polynomial(n: int, k: int, cost: Any, value: Any) -> Any:
    """A worker's gain from joining when each other worker joins with probability ``p``.

    Parameters
    ----------
    n, k, cost, value
        As in :func:`participation_game`, any ``n`` from 2.

    Returns
    -------
    sympy.Poly
        ``JOIN_GAIN`` of :mod:`~bargaining.labor.formulas` in ``p``, with
        rational coefficients (for float input, those of the floats' exact
        binary values).
    """
    n, k, exact = _check_parameters(n, k, cost, value)

    # Floats enter at their exact binary values: expanding (1 - p)**(n - k) in floats
    # would cancel away the digits the roots near 1 need.
    def as_rational(v):
        return num.to_sympy(num.classify(v)[1]) if exact else sp.Rational(float(v))

    gain = f.JOIN_GAIN.subs(
        {
            f.workers: n,
            f.needed: k,
            f.join_cost: as_rational(cost),
            f.strike_value: as_rational(value),
        }
    )
    return sp.Poly(sp.expand(gain), f.participation)


def participation_equilibria(n: int, k: int, cost: Any, value: Any) -> list[Any]:
    """Every symmetric equilibrium participation probability, from the closed form.

    Parameters
    ----------
    n, k, cost, value
        As in :func:`participation_game`, any ``n`` from 2.

    Returns
    -------
    list
        Increasing probabilities in [0, 1]: Fractions or exact sympy numbers
        for exact input, floats otherwise. The same list as
        ``participation_game(n, k, cost, value).symmetric_equilibria()``.

    Raises
    ------
    ValueError
        As :func:`participation_game`.

    Examples
    --------
    >>> participation_equilibria(3, 2, 3, 10)
    [Fraction(0, 1), 1/2 - sqrt(10)/10, sqrt(10)/10 + 1/2]
    """
    # value > 0, so the gain is never the zero polynomial.
    _, _, exact = _check_parameters(n, k, cost, value)
    return equilibria_from_gain(join_gain_polynomial(n, k, cost, value), exact=exact)


def success_probability(n: int, k: int, p: Any) -> Any:
    """The probability that at least ``k`` of ``n`` workers join when each joins with ``p``.

    Exact for exact ``p`` (a Fraction or an exact sympy number), float otherwise.
    """
    n = _check_count(n, "n", 1)
    k = _check_count(k, "k", 1, n)
    check_range(p, "p", 0, 1)
    if isinstance(p, float):
        return float(sum(math.comb(n, j) * p**j * (1 - p) ** (n - j) for j in range(k, n + 1)))
    exact_p = num.to_sympy(num.classify(p, "p")[1]) if not isinstance(p, sp.Basic) else p
    total = sp.expand(
        sum(math.comb(n, j) * exact_p**j * (1 - exact_p) ** (n - j) for j in range(k, n + 1))
    )
    return Fraction(int(total.p), int(total.q)) if total.is_Rational else total


def max_join_cost(n: int, k: int, value: Any) -> Any:
    """The largest cost at which a symmetric mixed equilibrium exists (``1 < k < n``).

    For ``k = 1`` or ``k = n`` it is ``value``: the pivot probability peaks at 1.
    """
    n, k, _ = _check_parameters(n, k, 0, value)
    return f.evaluate(
        f.MAX_JOIN_COST if 1 < k < n else f.strike_value,
        {f.workers: n, f.needed: k, f.strike_value: value},
    )


def cost_response(n: int, k: int, cost: Any, value: Any, p: Any) -> Any:
    """How a mixed equilibrium's participation moves with the cost: ``dp/dc`` at ``p``.

    Negative above the peak of the pivot probability (the high equilibrium),
    positive below it. ``p`` must be an interior equilibrium of the game.
    """
    n, k, _ = _check_parameters(n, k, cost, value)
    check_range(p, "p", 0, 1, closed_low=False, closed_high=False)
    return f.evaluate(
        f.PARTICIPATION_COST_RESPONSE,
        {f.workers: n, f.needed: k, f.join_cost: cost, f.strike_value: value, f.participation: p},
    )
