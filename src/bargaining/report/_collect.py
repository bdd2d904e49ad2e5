"""The main job's numbers: what automation does to redistribution in one scenario.

:func:`collect` gathers every number of the report in a plain dictionary, the
content of ``results.json`` (its JSON Schema is ``docs/results.schema.json``).
Each number comes from the analysis layer: the stick-and-carrot closed form (a
lower bound), and the exact subgame-perfect payoff sets for the 2x2 game and
for a grid of transfers. The output is the same for the same scenario on every
run.

This module runs the steps of each theme (redistribution by method, anticipated
automation, the comparisons on labor's side: one ``_collect_*`` module each) as
the tasks of :data:`PARTS`, and assembles what they return.
"""

from __future__ import annotations

import functools

from ..labor import scenarios
from ._collect_anticipation import (
    ANTICIPATION_LEVERS,
    ANTICIPATION_SPEEDS,
    anticipation_at,
    anticipation_lever_row,
    anticipation_levers,
    anticipation_record,
)
from ._collect_comparisons import (
    as_plain_data,
    investment_choice,
    investment_record,
    job_loss_record,
    selections_record,
    workers_comparison,
    workers_record,
)
from ._collect_numbers import number, parameter_value
from ._collect_redistribution import (
    LEVELS,
    METHODS,
    breakdown_records,
    named_scenarios,
    redistribution_rows,
    revived_at,
    transfer_grid,
)
from ._tasks import Task, run_tasks

SCHEMA_VERSION = 5


def _header(scenario):
    """The part of ``results.json`` that describes the scenario and the methods."""
    grid = transfer_grid(scenario)
    return {
        "schema_version": SCHEMA_VERSION,
        "scenario": {
            "name": scenario.name,
            "description": scenario.description,
            "parameters": {k: parameter_value(v) for k, v in scenario.parameters.items()},
            "model": scenario.model,
            "wage": scenario.wage,
        },
        "methods": [
            {
                "key": m.key,
                "label": m.label,
                "method": m.method,
                "selection": m.selection,
                "reading": m.reading,
            }
            for m in METHODS
        ],
        "levels": [number(a)[0] for a in LEVELS],
        "transfer_grid": [number(t)[0] for t in grid],
        "transfer_grid_exact": [number(t)[1] or str(t) for t in grid],
    }


_ANTICIPATION_KEYS = tuple(f"_anticipation {speed}" for speed in ANTICIPATION_SPEEDS)
# One step for the scenario itself and one for each lever.
_LEVER_STEPS = ("the scenario itself", *(label for label, _, _ in ANTICIPATION_LEVERS))
_LEVER_KEYS = tuple(f"_lever {index}" for index in range(len(_LEVER_STEPS)))


def _anticipation_task(scenario, done, *, speed):
    return anticipation_at(scenario, speed)


def _lever_task(scenario, done, *, index):
    return anticipation_lever_row(scenario, index)


# The steps of collect(), in order of priority: the quick breakdown points first (the
# figures need them), then the longest. Keys starting with "_" are intermediate values
# (parts of a record, or what a figure reuses) that results.json leaves out. A new part
# of the report is one more entry.
PARTS = (
    Task("breakdown", "breakdown points", lambda scenario, done: breakdown_records(scenario)),
    *(
        Task(
            key,
            f"anticipated automation: stochastic game at speed {speed}",
            functools.partial(_anticipation_task, speed=speed),
        )
        for key, speed in zip(_ANTICIPATION_KEYS, ANTICIPATION_SPEEDS, strict=True)
    ),
    *(
        Task(
            key,
            f"anticipated automation: {label} compared",
            functools.partial(_lever_task, index=index),
        )
        for index, (key, label) in enumerate(zip(_LEVER_KEYS, _LEVER_STEPS, strict=True))
    ),
    Task(
        "_workers_comparison",
        "many workers: union against individual workers",
        lambda scenario, done: as_plain_data(workers_comparison(scenario)),
    ),
    Task(
        "redistribution",
        "exact payoff sets: 2x2 game and transfer grid",
        lambda scenario, done: redistribution_rows(scenario),
    ),
    Task(
        "selections",
        "equilibrium selections",
        lambda scenario, done: selections_record(scenario, done["breakdown"]["exact 2x2"]),
        needs=("breakdown",),
    ),
    Task(
        "job_loss",
        "job loss: payoff sets, and breakdown under each equilibrium selection",
        lambda scenario, done: job_loss_record(scenario),
    ),
    Task(
        "scenarios",
        "named scenarios",
        lambda scenario, done: named_scenarios(scenario),
    ),
    Task(
        "_investment_choice",
        "capital's choice of automation",
        lambda scenario, done: investment_choice(scenario),
    ),
    Task(
        "revived_at",
        None,
        lambda scenario, done: revived_at(done["redistribution"], done["breakdown"]),
        needs=("redistribution", "breakdown"),
    ),
    Task(
        "anticipation_levers",
        None,
        lambda scenario, done: anticipation_levers(scenario, [done[key] for key in _LEVER_KEYS]),
        needs=_LEVER_KEYS,
    ),
    Task(
        "anticipation",
        None,
        lambda scenario, done: anticipation_record([done[key] for key in _ANTICIPATION_KEYS]),
        needs=_ANTICIPATION_KEYS,
    ),
    Task(
        "investment",
        None,
        lambda scenario, done: investment_record(
            done["_investment_choice"]["choice"], done["breakdown"]["stick-and-carrot"]
        ),
        needs=("_investment_choice", "breakdown"),
    ),
    Task(
        "workers",
        None,
        lambda scenario, done: workers_record(done["_workers_comparison"]),
        needs=("_workers_comparison",),
    ),
)
# Where each part goes in results.json (which sorts its keys; the order here is the reading order).
RESULT_ORDER = (
    "redistribution",
    "breakdown",
    "revived_at",
    "selections",
    "job_loss",
    "workers",
    "anticipation",
    "anticipation_levers",
    "investment",
    "scenarios",
)


def load_shared(scenario):
    """Load what most steps use once, before a pool forks, rather than in every process.

    The exact analysis, and the compiled payoff-set kernel, which numba reads
    from its disk cache on the kernel's first call in a process (about a second).
    """
    from ..analysis import redistribution  # noqa: F401
    from ..core.repeated.payoff_sets import equilibrium_payoffs_many
    from ..labor import StrikeGame

    equilibrium_payoffs_many([StrikeGame(scenario, 0.0)], float(scenario.delta))


def collect_parts(compare=True):
    """The tasks of :func:`collect`: :data:`PARTS`, the named scenarios only if ``compare``."""
    return tuple(p for p in PARTS if compare or p.key != "scenarios")


def assemble(scenario, values):
    """``results.json`` from the values of :func:`collect_parts` (intermediate ones left out)."""
    results = _header(scenario)
    for key in (*RESULT_ORDER, *sorted(values)):
        if key in values and not key.startswith("_") and key not in results:
            results[key] = values[key]
    return results


def collect(scenario=scenarios.DEFAULT, *, compare=True, progress=None, jobs=None):
    """Every number of the report on ``scenario``, as JSON-ready data.

    Parameters
    ----------
    scenario : bargaining.labor.Scenario
    compare : bool
        Also find the breakdown points of every named scenario.
    progress : callable, optional
        Called with a short description of each step that takes a while (see
        :func:`~bargaining.report._tasks.run_tasks`).
    jobs : int, optional
        Processes to compute on: all the cores this process may use when
        omitted, ``1`` for one after another in this process. The numbers are
        the same either way.

    Returns
    -------
    dict
        The content of ``results.json``.

    Raises
    ------
    ValueError
        If ``jobs`` is not a positive integer.
    """
    values = run_tasks(
        collect_parts(compare), scenario, jobs=jobs, progress=progress, before_fork=load_shared
    )
    return assemble(scenario, values)
