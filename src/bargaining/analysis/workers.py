r"""Labor as n workers: a union that commits its members against workers who must be induced.

The model (ours). ``n`` workers each do ``1/n`` of the tasks machines have not
taken over. When a share ``s`` of them strikes, their tasks (a share ``(1 -
a) s`` of all tasks) are done by replacements at productivity ``rho``, so
output is the CES strike output of :mod:`bargaining.labor.technology` at the
automation level ``1 - (1 - a) s``; capital saves the strikers' wages. One
period of strike costs capital

.. math::  D(s, a) = 1 - y_s\bigl(1 - (1 - a) s\bigr) - w s,

and automation shrinks it: a striker withholds only work machines cannot do.
``D`` need not rise with ``s``: when tasks are complements a few strikers at
a bottleneck stop much of production, and every further striker saves capital
a wage. Capital concedes the transfer ``tau`` when a strike that lasts as long
as it refuses costs more per period than the transfer. A strike of ``k``
workers calls out the ``j <= k`` of them that hurt capital most, so it makes
capital concede iff ``D(j/n, a) >= tau`` for some ``j <= k``; at automation
``a`` the strike needs ``k(a)`` workers, the least ``k`` with
``D(k/n, a) >= tau``, and ``k(a)`` rises with ``a``.

*A union* commits its members: its threat is credible while some strike
makes capital concede, ``D(k/n, a) >= tau`` for some ``k``, and striking pays
the members, ``tau >= (1 - delta)(w - b)/delta`` (a period of strike, then
the transfer). *Individual workers* decide alone: joining costs a worker one
period's wage net of strike pay, ``c = (1 - delta)(w - b)``, and success pays
every worker the transfer from the next period on, ``V = delta tau`` (both
per worker, so ``n`` cancels from ``c/V``). They play the participation game
of :mod:`bargaining.labor.participation` with ``k(a)`` needed; we take the
highest *mixed* symmetric equilibrium (what uncoordinated workers play: the
all-join profile at ``k = n`` needs every worker to be sure of every other),
and call their threat credible while it makes the strike succeed with
probability at least ``confidence``.

A strike fund raises ``b``, lowers ``c``, and moves the individual workers'
threshold up; it does not move the union's (its members are committed
anyway) unless it makes striking pay the union at all.

Labor's ownership of machines (``theta``) is not part of this model; the
scenario must have ``theta = 0``.

References
----------
.. [1] T. R. Palfrey and H. Rosenthal, "Participation and the provision of
   discrete public goods: a strategic analysis", Journal of Public Economics
   24 (1984) 171-193.
.. [2] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
"""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
from scipy.optimize import brentq

from ..labor.participation import participation_equilibria, success_probability
from ..labor.scenarios import Scenario
from ..labor.technology import strike_output

__all__ = [
    "WorkersComparison",
    "compare",
    "individual_success",
    "individual_threshold",
    "join_cost_share",
    "needed_strikers",
    "strike_damage",
    "union_threshold",
]


def _float_scenario(scenario: Scenario) -> Scenario:
    if not isinstance(scenario, Scenario):
        raise ValueError(f"scenario must be a Scenario, got {scenario!r}")
    values = {}
    for name in ("w", "tau", "b", "delta", "sigma", "rho", "theta"):
        value = getattr(scenario, name)
        try:
            values[name] = float(value)
        except TypeError:
            raise ValueError(f"{name} must be a number here, got {value!r}") from None
    if values["theta"] != 0:
        raise ValueError(
            f"theta must be 0 for the model of n workers (ownership is not modelled), "
            f"got {scenario.theta!r}"
        )
    if values["tau"] <= 0:
        raise ValueError(f"tau must be positive for a strike to ask for it, got {scenario.tau!r}")
    if all(type(getattr(scenario, name)) is float for name in values):
        return scenario
    return scenario.replace(**values)


# Each needed number k solves a participation polynomial of degree n - 1 exactly.
MAX_WORKERS = 200


def _check_workers(n):
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or not 1 <= n <= MAX_WORKERS:
        raise ValueError(f"n must be an integer in [1, {MAX_WORKERS}], got {n!r}")
    return int(n)


def strike_damage(share, a, scenario: Scenario):
    """What one period of strike by a ``share`` of the workers costs capital, ``D(s, a)``.

    Parameters
    ----------
    share : float or array_like
        Share of the workers on strike, in [0, 1].
    a : float or array_like
        Automation, in [0, 1].
    scenario : Scenario
        ``w``, ``sigma`` and ``rho`` are used.

    Returns
    -------
    float or numpy.ndarray
        Output lost minus the strikers' wages saved.
    """
    scenario = _float_scenario(scenario)
    share = np.asarray(share, dtype=float)
    a = np.asarray(a, dtype=float)
    if ((share < 0) | (share > 1)).any() or np.isnan(share).any():
        raise ValueError(f"share must lie in [0, 1], got {share!r}")
    if ((a < 0) | (a > 1)).any() or np.isnan(a).any():
        raise ValueError(f"a must lie in [0, 1], got {a!r}")
    output = strike_output(1 - (1 - a) * share, scenario.sigma, scenario.rho)
    damage = 1 - np.asarray(output, dtype=float) - scenario.w * share
    return float(damage) if np.ndim(damage) == 0 else damage


def _last_credible(share, scenario):
    """The largest automation at which a strike by ``share`` makes capital concede, or None."""
    tau = scenario.tau

    def margin(a):
        return strike_damage(share, a, scenario) - tau

    if margin(0.0) < 0:
        return None
    # At a = 1 the strike withholds nothing: the margin is -w*share - tau < 0.
    return float(brentq(margin, 0.0, 1.0, xtol=1e-14))


def needed_strikers(a: float, n: int, scenario: Scenario) -> int | None:
    """The fewest of ``n`` workers whose strike makes capital concede at automation ``a``.

    Returns
    -------
    int or None
        ``k(a)``, or None when even a full strike is not enough.
    """
    n = _check_workers(n)
    scenario = _float_scenario(scenario)
    damages = np.atleast_1d(strike_damage(np.arange(1, n + 1) / n, a, scenario))
    enough = np.flatnonzero(damages >= scenario.tau)
    return int(enough[0]) + 1 if len(enough) else None


def join_cost_share(scenario: Scenario) -> float:
    """``c / V = (1 - delta)(w - b) / (delta tau)``: a period's lost pay against the transfer."""
    scenario = _float_scenario(scenario)
    delta, w, b, tau = (
        float(scenario.delta),
        float(scenario.w),
        float(scenario.b),
        float(scenario.tau),
    )
    return (1 - delta) * (w - b) / (delta * tau)


@functools.lru_cache(maxsize=4096)
def _mixed_success(n, k, cost_share):
    mixed = [p for p in participation_equilibria(n, k, cost_share, 1.0) if 0 < p < 1]
    if not mixed:
        return 0.0
    return float(success_probability(n, k, float(max(mixed))))


def individual_success(k: int, n: int, scenario: Scenario) -> float:
    """The chance that at least ``k`` of ``n`` workers join, in the highest mixed equilibrium.

    0 when the participation game has no mixed symmetric equilibrium (joining
    costs more than the best chance of being pivotal is worth).
    """
    n = _check_workers(n)
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= k <= n:
        raise ValueError(f"k must be an integer in [1, {n}], got {k!r}")
    cost_share = join_cost_share(scenario)
    if cost_share >= 1:
        return 0.0
    if n == 1:
        return 1.0
    return _mixed_success(n, int(k), cost_share)


def _last_credible_by_size(n, scenario):
    """For k = 1..n, the largest automation at which k strikers make capital concede (or None)."""
    return [_last_credible(k / n, scenario) for k in range(1, n + 1)]


def union_threshold(scenario: Scenario, n: int = 1) -> float:
    """The automation level above which no strike of a union of ``n`` makes capital concede.

    Parameters
    ----------
    scenario : Scenario
        The economy (``theta = 0``).
    n : int
        Members; the union may call out any number of them.

    Returns
    -------
    float
        0.0 when the union's threat is not credible at any automation level
        (striking does not pay its members, or no strike is enough even
        without machines).
    """
    scenario = _float_scenario(scenario)
    n = _check_workers(n)
    if join_cost_share(scenario) > 1:
        return 0.0
    lasts = [x for x in _last_credible_by_size(n, scenario) if x is not None]
    return max(lasts, default=0.0)


def individual_threshold(scenario: Scenario, n: int, *, confidence: float = 0.5) -> float:
    """The automation level above which workers acting alone no longer strike credibly.

    Parameters
    ----------
    scenario : Scenario
        The economy (``theta = 0``).
    n : int
        Workers.
    confidence : float
        The chance of success, in (0, 1], a credible threat needs.

    Returns
    -------
    float
        The largest automation below which, at every level, the needed
        number of strikers is reached with at least ``confidence`` in the
        highest mixed equilibrium; at most ``union_threshold(scenario, n)``.
    """
    n = _check_workers(n)
    scenario = _float_scenario(scenario)
    if not 0 < confidence <= 1:
        raise ValueError(f"confidence must lie in (0, 1], got {confidence!r}")
    lasts = _last_credible_by_size(n, scenario)
    reached, at_start = 0.0, True
    while True:
        # k(a) just above `reached` (at it, at the start): the fewest strikers still enough.
        enough = [
            k
            for k, last in enumerate(lasts, 1)
            if last is not None and (last >= reached if at_start else last > reached)
        ]
        if not enough or individual_success(enough[0], n, scenario) < confidence:
            return reached
        reached, at_start = float(lasts[enough[0] - 1]), False


@dataclasses.dataclass(frozen=True)
class WorkersComparison:
    """Union against individual workers along an automation grid.

    Attributes
    ----------
    a : numpy.ndarray
        Automation levels.
    union : numpy.ndarray
        1 where some strike of the union makes capital concede, else 0.
    individual : dict of float to numpy.ndarray
        For each strike payoff ``b``, the chance individual workers' strike
        succeeds (highest mixed equilibrium; 0 where no strike suffices).
    union_threshold : float
    individual_thresholds : dict of float to float
        For each ``b``, :func:`individual_threshold`.
    n : int
    confidence : float
    """

    a: np.ndarray
    union: np.ndarray
    individual: dict[float, np.ndarray]
    union_threshold: float
    individual_thresholds: dict[float, float]
    n: int
    confidence: float


def compare(
    scenario: Scenario | None = None,
    n: int = 10,
    *,
    strike_pay=(None,),
    confidence: float = 0.5,
    points: int = 201,
) -> WorkersComparison:
    """Union against individual workers, for one or more strike funds.

    Parameters
    ----------
    scenario : Scenario, optional
        The default scenario when omitted.
    n : int
        Workers.
    strike_pay : sequence of float or None
        Strike payoffs ``b`` to compare (a strike fund raises it); None is the
        scenario's own.
    confidence : float
        As in :func:`individual_threshold`.
    points : int
        Automation levels on the grid, from 0 to 1.

    Returns
    -------
    WorkersComparison
        What ``bargaining.plots.workers.union_vs_individuals`` draws.
    """
    scenario = _float_scenario(scenario if scenario is not None else Scenario())
    n = _check_workers(n)
    if isinstance(points, bool) or not isinstance(points, int) or not 2 <= points <= 10_001:
        raise ValueError(f"points must be an integer in [2, 10001], got {points!r}")
    a = np.linspace(0.0, 1.0, points)
    credible_union = join_cost_share(scenario) <= 1
    union = np.array(
        [float(credible_union and needed_strikers(x, n, scenario) is not None) for x in a]
    )
    individual, thresholds = {}, {}
    for pay in strike_pay:
        funded = scenario if pay is None else scenario.replace(b=float(pay))
        needed = [needed_strikers(x, n, funded) for x in a]
        individual[float(funded.b)] = np.array(
            [0.0 if k is None else individual_success(k, n, funded) for k in needed]
        )
        thresholds[float(funded.b)] = individual_threshold(funded, n, confidence=confidence)
    return WorkersComparison(
        a=a,
        union=union,
        individual=individual,
        union_threshold=union_threshold(scenario, n),
        individual_thresholds=thresholds,
        n=n,
        confidence=float(confidence),
    )
