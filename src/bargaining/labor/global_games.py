r"""Strikes as coordination under uncertainty: a global game of regime change.

A continuum of workers decide whether to join a strike. Capital's resilience
:math:`\theta` (how much production it keeps going without them: automation
raises it) is not common knowledge. The strike succeeds iff the share of
workers who join is at least :math:`\theta`; joining costs :math:`c`,
success pays :math:`V`. With a normal prior :math:`\theta \sim N(z,
1/\alpha)` and private signals :math:`x_i = \theta + \varepsilon_i`,
:math:`\varepsilon_i \sim N(0, 1/\beta)`, a threshold equilibrium has every
worker join iff :math:`x_i < x^*`; the strike succeeds iff :math:`\theta \le
\theta^*`, where

.. math::

    \frac{\alpha}{\sqrt\beta}(\theta^* - z) - \Phi^{-1}(\theta^*)
    = \sqrt{1 + \alpha/\beta}\;\Phi^{-1}(c/V),
    \qquad x^* = \theta^* + \Phi^{-1}(\theta^*)/\sqrt\beta.

The equilibrium is unique when :math:`\beta \ge \alpha^2 / 2\pi`
(Angeletos-Hellwig-Pavan 2007, the static benchmark; Morris-Shin 2003); as the
noise vanishes (:math:`\beta \to \infty`) the threshold tends to
:math:`\theta^* = 1 - c/V` whatever the prior (Morris-Shin 1998): the marginal
worker believes the share joining is uniform on [0, 1]. So a strike fund that
lowers :math:`c` raises the resilience a strike can overcome one for one.

The formulas are in :mod:`bargaining.labor.formulas` (section "global game");
:func:`threshold_equilibria` finds every root of the threshold condition, written
in :math:`q = \Phi^{-1}(\theta^*)`, by a scan for sign changes and
:func:`scipy.optimize.brentq`.

References
----------
.. [1] S. Morris and H. S. Shin, "Unique equilibrium in a model of
   self-fulfilling currency attacks", American Economic Review 88 (1998)
   587-597.
.. [2] G.-M. Angeletos, C. Hellwig and A. Pavan, "Dynamic global games of
   regime change: learning, multiplicity, and the timing of attacks",
   Econometrica 75 (2007) 711-756.
.. [3] S. Morris and H. S. Shin, "Global games: theory and applications", in
   Advances in Economics and Econometrics, Cambridge University Press (2003)
   56-114.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import sympy as sp
from scipy.optimize import brentq
from scipy.special import ndtr

from ..core import numbers as num
from . import formulas as f
from .evaluation import check_range

# Points of the scan for sign changes of the threshold condition.
SCAN_POINTS = 4001


# The compiled formulas' arguments: keyword names and the symbols they stand for.
_ARGUMENTS = {
    "theta": f.resilience,
    "quantile": f.resilience_quantile,
    "signal": f.signal,
    "cost": f.join_cost,
    "value": f.strike_value,
    "prior_mean": f.prior_mean,
    "prior_precision": f.prior_precision,
    "signal_precision": f.signal_precision,
}


@functools.cache
def _compiled(name: str):
    return sp.lambdify(tuple(_ARGUMENTS.values()), f.FORMULAS[name], ["scipy", "numpy"])


def _evaluate(name: str, **values: Any) -> Any:
    """The formula ``name`` in floats; the arguments it does not use may be left out."""
    return _compiled(name)(*(values.get(key, 0.0) for key in _ARGUMENTS))


def _check_costs(cost, value):
    for name, number in (("cost", cost), ("value", value)):
        num.classify(number, name)  # refuses non-numbers, infinities and NaN by name
        if abs(number) > 1e100:
            raise ValueError(f"{name} must be at most 1e+100 in absolute value")
    check_range(cost, "cost", 0, math.inf, closed_low=False)
    check_range(value, "value", 0, math.inf, closed_low=False)
    if not cost < value:
        raise ValueError(f"cost must be less than value ({value!r}), got {cost!r}")


def limit_threshold(cost: Any, value: Any = 1) -> Any:
    """The resilience up to which a strike succeeds as private noise vanishes: ``1 - c/V``.

    Parameters
    ----------
    cost : int, Fraction or float
        What joining costs a worker, in (0, value).
    value : int, Fraction or float
        What success pays each worker, positive.

    Returns
    -------
    Fraction or float
        Exact for exact input.

    Raises
    ------
    ValueError
        If ``cost`` or ``value`` is not positive, or ``cost >= value``.

    Examples
    --------
    >>> limit_threshold(0.25)
    0.75
    """
    _check_costs(cost, value)
    return f.evaluate("LIMIT_THRESHOLD", {f.join_cost: cost, f.strike_value: value})


def is_unique(prior_precision: float, signal_precision: float) -> bool:
    """Whether the threshold equilibrium is unique: ``beta >= alpha**2 / (2 pi)``."""
    check_range(prior_precision, "prior_precision", 0, math.inf)
    check_range(signal_precision, "signal_precision", 0, math.inf, closed_low=False)
    bound = f.UNIQUENESS_PRECISION.subs(f.prior_precision, num.to_sympy(prior_precision))
    return bool(signal_precision >= float(bound))


def threshold_equilibria(
    cost: float,
    value: float = 1.0,
    *,
    prior_mean: float = 0.5,
    prior_precision: float = 1.0,
    signal_precision: float = 100.0,
) -> list[float]:
    """Every threshold equilibrium of the global game with finite noise.

    Parameters
    ----------
    cost : float
        What joining costs a worker, in (0, value).
    value : float
        What success pays each worker.
    prior_mean : float
        ``z``, the common prior mean of capital's resilience.
    prior_precision : float
        ``alpha``, the prior's precision (0: a flat prior), at least 0.
    signal_precision : float
        ``beta``, the precision of each worker's private signal, positive.

    Returns
    -------
    list of float
        The resilience thresholds ``theta*`` in (0, 1), increasing: one when
        :func:`is_unique`, up to three otherwise. A threshold within float
        resolution of 0 or 1 is returned as 0.0 or 1.0.

    Raises
    ------
    ValueError
        If a parameter is out of range.

    Examples
    --------
    >>> [round(t, 6) for t in threshold_equilibria(0.25, prior_precision=0)]
    [0.75]
    """
    _check_costs(cost, value)
    check_range(prior_mean, "prior_mean", -math.inf, math.inf)
    check_range(prior_precision, "prior_precision", 0, math.inf)
    check_range(signal_precision, "signal_precision", 0, math.inf, closed_low=False)
    parameters = {
        "cost": float(cost),
        "value": float(value),
        "prior_mean": float(prior_mean),
        "prior_precision": float(prior_precision),
        "signal_precision": float(signal_precision),
    }

    def at(quantile):
        return _evaluate("THRESHOLD_CONDITION_IN_QUANTILE", quantile=quantile, **parameters)

    # A root solves q = at(0) + alpha (Phi(q) - 1/2) / sqrt(beta), so |q| is at most
    # |at(0)| + alpha / (2 sqrt(beta)); the scan covers that with a margin.
    bound = 1 + abs(float(at(0.0))) + prior_precision / math.sqrt(signal_precision)
    grid = np.linspace(-bound, bound, SCAN_POINTS)
    values = at(grid)
    quantiles = [float(grid[i]) for i in np.flatnonzero(values == 0)]
    for i in np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0):
        quantiles.append(brentq(at, grid[i], grid[i + 1], xtol=1e-14, rtol=1e-15))
    return sorted(float(ndtr(q)) for q in quantiles)


def signal_threshold(theta: float, signal_precision: float) -> float:
    """The signal ``x*`` below which workers join, given the resilience threshold ``theta*``."""
    check_range(theta, "theta", 0, 1, closed_low=False, closed_high=False)
    check_range(signal_precision, "signal_precision", 0, math.inf, closed_low=False)
    return float(
        _evaluate("SIGNAL_THRESHOLD", theta=float(theta), signal_precision=float(signal_precision))
    )


def strike_share(theta: Any, signal: float, signal_precision: float) -> Any:
    """The share of workers whose signal falls below ``signal`` when resilience is ``theta``."""
    check_range(signal_precision, "signal_precision", 0, math.inf, closed_low=False)
    result = _evaluate(
        "STRIKE_SHARE",
        theta=np.asarray(theta, dtype=float),
        signal=float(signal),
        signal_precision=float(signal_precision),
    )
    return float(result) if np.ndim(result) == 0 else result
