"""Sweeps: a quantity of the model over a grid of parameters, on any executor.

:func:`sweep` (:func:`sweep_arrays` without xarray) evaluates a named quantity
(:mod:`~bargaining.analysis.sweeps.quantities`) over the product of
parameter axes (checked by :mod:`~bargaining.analysis.sweeps.axes`) and runs
the chunks on a :class:`concurrent.futures.Executor`
(:mod:`~bargaining.analysis.sweeps.executors`); :func:`sweep_game_file`
sweeps the parameters of a game file.
"""

from ._sweep import scenario_of, sweep, sweep_arrays
from .executors import local_dask_executor
from .game_file import sweep_game_file
from .quantities import QUANTITIES

__all__ = [
    "QUANTITIES",
    "axes",
    "executors",
    "game_file",
    "local_dask_executor",
    "quantities",
    "scenario_of",
    "sweep",
    "sweep_arrays",
    "sweep_game_file",
]
