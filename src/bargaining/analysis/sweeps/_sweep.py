"""Evaluate a quantity of the model over a grid of scenario parameters and automation.

The result is an :class:`xarray.DataArray` with one dimension per axis, in
the order the axes are given, its coordinates the axis values, and the base
scenario in its attributes (:func:`scenario_of` rebuilds it).

Algorithm
---------
1. Check the axes: known names, 1-D, non-empty, finite (``sigma`` may be
   infinite), and within the model's ranges. Every constraint of a scenario
   is an interval or linear in its parameters, so checking the corners of
   the grid checks every point of it.
2. Closed forms with a grid form are evaluated at once: each axis lies along
   its own dimension and the formulas broadcast them to the whole grid.
3. Anything else (exact quantities, callables) is split into chunks of grid
   points (:func:`~bargaining.analysis.sweeps.executors.plan_chunks`), run on
   the executor (serially without one) and written back into the grid.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import json
from typing import TYPE_CHECKING, Any

import numpy as np

from . import executors as ex
from .axes import check_axis, check_corners, check_scenario
from .quantities import QUANTITIES, TRANSFER_FORMULAS, evaluate_chunk

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Executor

    import xarray

    from ...labor.scenarios import Scenario


def _takes_a(quantity):
    if isinstance(quantity, str):
        return QUANTITIES[quantity].takes_a
    try:
        parameters = inspect.signature(quantity).parameters.values()
    except (TypeError, ValueError):
        return None
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    required = [p for p in parameters if p.kind in positional and p.default is p.empty]
    return len(required) >= 2


def _resolve(quantity, method, axes):
    if isinstance(quantity, str):
        if quantity not in QUANTITIES:
            known = ", ".join(QUANTITIES)
            raise ValueError(f"unknown quantity {quantity!r}; known: {known}, or a callable")
        if method not in QUANTITIES[quantity].methods:
            methods = ", ".join(QUANTITIES[quantity].methods)
            raise ValueError(f"{quantity} has methods {methods}, got method={method!r}")
    elif not callable(quantity):
        raise ValueError(f"quantity must be a name or a callable, got {quantity!r}")
    takes_a = _takes_a(quantity)
    takes_a = "a" in axes if takes_a is None else takes_a
    name = quantity if isinstance(quantity, str) else getattr(quantity, "__name__", "quantity")
    if takes_a and "a" not in axes:
        raise ValueError(f"{name} depends on automation: give an 'a' axis")
    if not takes_a and "a" in axes:
        raise ValueError(f"{name} does not depend on automation: drop the 'a' axis")
    return name, takes_a


def _attributes(name, method, scenario, options):
    attributes = {"quantity": name, "method": method or "", "scenario": scenario.name}
    for key, value in scenario.parameters.items():
        attributes[f"scenario_{key}"] = float(value)
    attributes["options"] = json.dumps(options, default=repr, sort_keys=True)
    if name == "breakdown_automation":
        attributes["note"] = (
            "NaN: never sustainable, or sustainable only from some level on; "
            "inf: sustainable at every level"
        )
    return attributes


def scenario_of(result: xarray.DataArray) -> Scenario:
    """The base scenario of a sweep result, rebuilt from its attributes.

    Parameters
    ----------
    result : xarray.DataArray
        As returned by :func:`sweep`.

    Returns
    -------
    bargaining.labor.Scenario
        With the name it had; values are floats.
    """
    from ...labor.scenarios import Scenario

    prefix = "scenario_"
    values: dict[str, Any] = {
        k[len(prefix) :]: float(v) for k, v in result.attrs.items() if k.startswith(prefix)
    }
    return Scenario(**values, name=result.attrs["scenario"])


def sweep(
    quantity: str | Callable[..., Any],
    scenario: Scenario | None = None,
    *,
    executor: Executor | None = None,
    progress: bool | str = True,
    workers: int | None = None,
    method: str = "closed-form",
    options: dict[str, Any] | None = None,
    chunk_size: int | None = None,
    **axes: Any,
) -> xarray.DataArray:
    """Evaluate ``quantity`` at every point of a grid of scenario parameters and automation.

    Parameters
    ----------
    quantity : str or callable
        ``"max_redistribution"``, ``"breakdown_automation"``, ``"wage"``, or a
        callable ``f(scenario)`` or ``f(scenario, a)``; the latter receives
        an array of automation levels and returns one value per level. For a
        process pool it must be picklable (a module-level function or a
        ``functools.partial`` of one).
    scenario : bargaining.labor.Scenario, optional
        The values of the parameters that are not swept; the default scenario
        if omitted.
    executor : concurrent.futures.Executor, optional
        Where chunks of non-closed-form work run, e.g. a process pool or
        ``distributed.Client(...).get_executor(pure=False)``; serial if omitted.
    progress : bool or "always"
        ``True``: a tqdm bar on stderr when it is a terminal and the work lasts
        over a second; ``"always"``: also when it is not; ``False``: none.
    workers : int, optional
        Run on a local process pool of this many processes (instead of ``executor``).
    method : {"closed-form", "exact"}
        For named quantities. Closed forms are evaluated over the whole grid
        at once; exact ones chunk by chunk on the executor.
    options : dict, optional
        Further keyword arguments of the quantity (``strategy``, ``transfers``, ...).
    chunk_size : int, optional
        Grid points per chunk; chosen from the grid and the workers if omitted.
    **axes : 1-D array_like
        One per swept parameter: ``a`` and any of the scenario's parameters.

    Returns
    -------
    xarray.DataArray
        Named after the quantity, dimensions in the order of ``axes``.

    Raises
    ------
    ValueError
        For an unknown, empty, non-finite or out-of-range axis (named), an
        unknown quantity or method, or an ``a`` axis the quantity does not take.

    Examples
    --------
    >>> import numpy as np
    >>> result = sweep("max_redistribution", a=[0.0, 0.3], delta=np.array([0.9, 0.95]))
    >>> result.dims, round(float(result.sel(a=0.3, delta=0.9)), 6)
    (('a', 'delta'), 0.083158)
    """
    import pandas as pd  # type: ignore[import-untyped]  # xarray's own dependency
    import xarray as xr

    name, method, scenario, options, axes, values = _evaluate(
        quantity, scenario, executor, progress, workers, method, options, chunk_size, axes
    )
    attributes = _attributes(name, method, scenario, options)
    # Built from a Variable and pandas indexes, which xarray takes as they are: from
    # bare arrays it would import dask (a second, where installed) to rule out dask arrays.
    data = xr.Variable(tuple(axes), values, attrs=attributes, fastpath=True)
    coordinates = {axis: pd.Index(axes[axis], name=axis) for axis in axes}
    return xr.DataArray(data, coords=coordinates, name=name)


def sweep_arrays(
    quantity: str | Callable[..., Any],
    scenario: Scenario | None = None,
    *,
    executor: Executor | None = None,
    progress: bool | str = True,
    workers: int | None = None,
    method: str = "closed-form",
    options: dict[str, Any] | None = None,
    chunk_size: int | None = None,
    **axes: Any,
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The values of :func:`sweep` as plain arrays, without importing xarray.

    Parameters
    ----------
    quantity, scenario, executor, progress, workers, method, options, chunk_size, **axes
        As for :func:`sweep`.

    Returns
    -------
    axes : dict of str to numpy.ndarray
        Each axis, checked, in the order given.
    values : numpy.ndarray
        One dimension per axis, in that order: the data of :func:`sweep`'s answer.

    Raises
    ------
    ValueError
        As :func:`sweep` does.

    Examples
    --------
    >>> axes, values = sweep_arrays("max_redistribution", a=[0.0, 0.3], delta=[0.9, 0.95])
    >>> list(axes), values.shape, round(float(values[1, 0]), 6)
    (['a', 'delta'], (2, 2), 0.083158)
    """
    *_, axes, values = _evaluate(
        quantity, scenario, executor, progress, workers, method, options, chunk_size, axes
    )
    return axes, values


def _evaluate(quantity, scenario, executor, progress, workers, method, options, chunk_size, axes):
    """Check the sweep's input and evaluate it: name, method, scenario, options, axes, values."""
    from ...labor.scenarios import DEFAULT

    scenario = DEFAULT if scenario is None else scenario
    options = dict(options or {})
    check_scenario(scenario)
    if not axes:
        raise ValueError("give at least one axis, e.g. a=numpy.linspace(0, 1, 101)")
    axes = {name: check_axis(name, values, scenario) for name, values in axes.items()}
    ex.check_grid({name: len(values) for name, values in axes.items()})
    check_corners(scenario, axes)
    name, takes_a = _resolve(quantity, method, axes)
    if executor is not None and workers is not None:
        raise ValueError("give either executor or workers, not both")
    if workers is not None:
        ex.check_workers(workers)
    if isinstance(quantity, str) and method == "closed-form" and QUANTITIES[quantity].grid:
        _check_grid_options(quantity, options)
        values = _on_grid(QUANTITIES[quantity].grid, scenario, axes, options)
    else:
        method = method if isinstance(quantity, str) else None
        run = functools.partial(_in_chunks, quantity, takes_a, method, options, scenario)
        values = run(axes, executor, progress, workers, chunk_size)
    return name, method, scenario, options, axes, values


def _check_grid_options(name, options):
    unknown = sorted(set(options) - {"strategy"})
    if unknown:
        raise ValueError(
            f"closed-form {name} takes the option strategy only, got {', '.join(unknown)} "
            "(transfers=... applies to method='exact')"
        )
    strategies = tuple(TRANSFER_FORMULAS)
    if options.get("strategy", strategies[0]) not in strategies:
        choices = ", ".join(map(repr, strategies))
        raise ValueError(f"strategy must be one of {choices}, got {options['strategy']!r}")


def _on_grid(function, scenario, axes, options):
    shape = tuple(len(values) for values in axes.values())
    values = {key: float(value) for key, value in scenario.parameters.items()}
    for position, (name, axis) in enumerate(axes.items()):
        values[name] = axis.reshape([-1 if i == position else 1 for i in range(len(shape))])
    if "a" not in values:
        values["a"] = np.zeros([1] * len(shape))
    with np.errstate(all="ignore"):
        return np.array(function(values, shape, **options), dtype=float)


def _in_chunks(
    quantity, takes_a, method, options, scenario, axes, executor, progress, workers, chunk_size
):
    names = [name for name in axes if name != "a"]
    combinations = list(itertools.product(*(axes[name].tolist() for name in names)))
    a = axes.get("a")
    levels = 1 if a is None else len(a)
    plan = ex.plan_chunks(
        len(combinations), levels, ex.parallelism_of(executor, workers), chunk_size
    )
    flat = np.empty((len(combinations), levels))

    def task(chunk):
        first, stop, low, high = chunk
        changes = [dict(zip(names, c, strict=True)) for c in combinations[first:stop]]
        return functools.partial(
            evaluate_chunk,
            quantity,
            takes_a,
            method,
            options,
            scenario,
            changes,
            None if a is None else a[low:high],
        )

    pool = ex.process_pool(workers) if workers is not None else None
    runner = executor if executor is not None else pool
    try:
        with ex.progress_bar(flat.size, progress) as bar:
            for (first, stop, low, high), result in ex.run_chunks(
                {chunk: task(chunk) for chunk in plan}, runner, bar
            ):
                flat[first:stop, low:high] = result.reshape(stop - first, high - low)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    # Scenario axes come first in the flat layout; put every axis back in its place.
    order = [*names, *(["a"] if a is not None else [])]
    grid = flat.reshape([len(axes[n]) for n in order])
    return np.transpose(grid, [order.index(n) for n in axes]) if len(order) > 1 else grid
