"""Sweeps: a quantity of the model over a grid of parameters, on any executor.

:func:`sweep` evaluates a named quantity
(:mod:`~bargaining.analysis.sweeps.quantities`) over the product of
parameter axes (checked by :mod:`~bargaining.analysis.sweeps.axes`) and runs
the chunks on a :class:`concurrent.futures.Executor`
(:mod:`~bargaining.analysis.sweeps.executors`).
"""

from ._sweep import scenario_of, sweep
from .executors import local_dask_executor
from .quantities import QUANTITIES

__all__ = [
    "QUANTITIES",
    "axes",
    "executors",
    "local_dask_executor",
    "quantities",
    "scenario_of",
    "sweep",
]
