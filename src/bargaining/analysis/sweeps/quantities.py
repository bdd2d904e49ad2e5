"""The quantities :func:`bargaining.analysis.sweeps._sweep` knows by name, and chunk evaluation.

A :class:`Quantity` says whether it depends on automation ``a``, which
methods it accepts, and how to evaluate it:

- ``grid``: closed forms evaluated over the whole parameter grid at once.
  The inputs are float arrays on an open mesh (each axis along its own
  dimension), so the formulas broadcast them to the full grid;
- ``point``: one scenario at a time (with every ``a`` of a chunk at once),
  for exact methods and for quantities without a grid form.

:func:`evaluate_chunk` is what an executor runs: it is a module-level
function of picklable arguments, so process pools and Dask can ship it.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from ...labor import numeric

# The closed form of the largest sustainable transfer under each strategy (the
# formulas of bargaining.labor.formulas.max_transfer_expression), and its arguments.
TRANSFER_FORMULAS = {
    "stick-and-carrot": "MAX_TRANSFER_STICK_AND_CARROT",
    "grim": "MAX_TRANSFER_GRIM",
}
TRANSFER_ARGUMENTS = ("y", "w", "b", "delta", "theta")


@dataclass(frozen=True)
class Quantity:
    """A named quantity of a scenario (and of automation ``a`` when ``takes_a``)."""

    name: str
    takes_a: bool
    methods: tuple
    point: object
    grid: object = None


def _compiled(name):
    if name == "breakdown_output":
        return numeric.formula("BREAKDOWN_STRIKE_OUTPUT", ("w", "b", "delta", "theta"))
    return numeric.formula(f"AUTOMATION_AT_OUTPUT[{name}]", ("y", "rho", "sigma"))


def _max_transfer(strategy):
    return numeric.formula(TRANSFER_FORMULAS[strategy], TRANSFER_ARGUMENTS)


def _grid_max_redistribution(values, shape, strategy="stick-and-carrot"):
    output = numeric.float_strike_output(values["a"], values["sigma"], values["rho"])
    arguments = (values[name] for name in ("w", "b", "delta", "theta"))
    return np.broadcast_to(_max_transfer(strategy)(output, *arguments), shape)


def _grid_breakdown(values, shape, strategy="stick-and-carrot"):
    """``breakdown_automation`` over a grid: NaN where redistribution is never sustainable."""
    if strategy == "grim":
        return np.full(shape, math.nan)
    w, b, delta, theta, sigma, rho = np.broadcast_arrays(
        *(np.broadcast_to(values[n], shape) for n in ("w", "b", "delta", "theta", "sigma", "rho"))
    )
    at_zero = _max_transfer(strategy)(rho, w, b, delta, theta)
    output = _compiled("breakdown_output")(w, b, delta, theta)
    regimes = {
        "substitutes": np.isinf(sigma),
        "cobb-douglas": sigma == 1,
        "complements": (sigma > 0) & (sigma < 1),
        "ces": (sigma > 1) & np.isfinite(sigma),
    }
    value = np.ones(shape)
    for name, mask in regimes.items():
        # rho = 0 with complements or Cobb-Douglas: output jumps only at a = 1.
        mask = mask & ~((rho == 0) & (sigma <= 1))
        if mask.any():
            with np.errstate(all="ignore"):
                found = _compiled(name)(output[mask], rho[mask], sigma[mask])
            value[mask] = np.broadcast_to(found, (int(mask.sum()),))
    return np.where(np.broadcast_to(at_zero, shape) > 0, value, math.nan)


def _point_max_redistribution(scenario, a, method="closed-form", **options):
    from ..redistribution import max_redistribution

    return max_redistribution(scenario, a, method, **options)


def _point_breakdown(scenario, method="closed-form", **options):
    from ..redistribution import breakdown_automation

    threshold = breakdown_automation(scenario, method, **options)
    if threshold.kind == "always-sustainable":
        return math.inf
    if threshold.kind != "breaks-down":
        return math.nan
    return float(threshold.value)


def _point_wage(scenario, a, method="closed-form", **options):
    from ...labor.wages import wage

    return wage(scenario, a, **options)


QUANTITIES = {
    "max_redistribution": Quantity(
        "max_redistribution",
        True,
        ("closed-form", "exact"),
        _point_max_redistribution,
        _grid_max_redistribution,
    ),
    "breakdown_automation": Quantity(
        "breakdown_automation",
        False,
        ("closed-form", "exact"),
        _point_breakdown,
        _grid_breakdown,
    ),
    "wage": Quantity("wage", True, ("closed-form",), _point_wage),
}


def evaluate_chunk(quantity, takes_a, method, options, scenario, changes, a):
    """Evaluate a quantity at several scenarios, each at every automation level of ``a``.

    Parameters
    ----------
    quantity : str or callable
        A key of :data:`QUANTITIES`, or a callable ``f(scenario)`` or ``f(scenario, a)``.
    takes_a : bool
        Whether the quantity depends on ``a``.
    method : str or None
        Passed to named quantities; callables do not receive it.
    options : dict
        Further keyword arguments for the quantity.
    scenario : bargaining.labor.Scenario
        The base scenario.
    changes : list of dict
        One dict of parameter values per scenario of the chunk.
    a : numpy.ndarray or None
        The automation levels, for quantities that take ``a``.

    Returns
    -------
    numpy.ndarray
        Shaped ``(len(changes), len(a))``, or ``(len(changes),)`` without ``a``.
    """
    if isinstance(quantity, str):
        function = functools.partial(QUANTITIES[quantity].point, method=method, **options)
    else:
        function = functools.partial(quantity, **options)
    rows = []
    for change in changes:
        current = scenario.replace(**change)
        if takes_a:
            row = np.asarray(function(current, a), dtype=float)
            if row.shape != a.shape:
                name = getattr(quantity, "__name__", quantity)
                raise ValueError(
                    f"{name} returned shape {row.shape} for {a.shape[0]} automation levels: "
                    "a quantity of (scenario, a) must accept an array of a and return one "
                    "value per level (wrap a scalar function with numpy.vectorize)"
                )
        else:
            row = float(function(current))
        rows.append(row)
    return np.asarray(rows, dtype=float)
