"""The main job's steps as a table of tasks, run one after another or on several cores.

A :class:`Task` computes one value from the scenario and the values of the
tasks it names in ``needs``. :func:`run_tasks` runs a table of them, in this
process (``jobs=1``) or on a pool of ``jobs`` forked processes: whenever a
process is free it takes the first task of the table whose needs are known,
so the table's order is the order of priority. Every task computes the same
value either way, so the report is the same byte for byte; only the order in
which the tasks finish differs.

A new step of the report is one more entry in a table; the tables list the
tasks others wait for and the longest first, so that the pool starts them early.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any


@dataclasses.dataclass(frozen=True)
class Task:
    """One step of the main job.

    Attributes
    ----------
    key : str
        Names the value the task computes.
    description : str or None
        The progress bar's text for the step; ``None`` for a quick value derived
        from others, which the bar does not count.
    run : callable
        ``run(scenario, inputs)``, with ``inputs`` the values of ``needs``.
    needs : tuple of str
        Keys of the tasks (or of the given values) whose values ``run`` reads.
        Keys that no task of the table computes and no value gives are left out
        of ``inputs``.
    """

    key: str
    description: str | None
    run: Callable[[Any, Mapping[str, Any]], Any]
    needs: tuple[str, ...] = ()


def default_jobs() -> int:
    """The number of cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without sched_getaffinity


def check_jobs(jobs: int | None) -> int:
    """``jobs`` as a positive number of processes; ``None`` is :func:`default_jobs`.

    Raises
    ------
    ValueError
        If ``jobs`` is not a positive integer.
    """
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    return jobs


def required(tasks: Sequence[Task], keys: Iterable[str]) -> list[Task]:
    """The tasks of ``tasks`` that ``keys`` depend on, themselves included, in table order."""
    by_key = {task.key: task for task in tasks}
    wanted, stack = set(), [k for k in keys if k in by_key]
    while stack:
        key = stack.pop()
        if key not in wanted:
            wanted.add(key)
            stack += [k for k in by_key[key].needs if k in by_key]
    return [task for task in tasks if task.key in wanted]


# The table and scenario of the running pool: forked workers inherit them, so that
# only the tasks' inputs and values travel between processes.
_forked: tuple[Sequence[Task], Any] | None = None


def _run_forked(index: int, inputs: Mapping[str, Any]) -> Any:
    if _forked is None:
        raise RuntimeError("a task ran outside a forked worker of run_tasks")
    tasks, scenario = _forked
    return tasks[index].run(scenario, inputs)


def can_fork() -> bool:
    """Whether :func:`run_tasks` can use more than one process here (Linux, with ``fork``)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def run_tasks(
    tasks: Sequence[Task],
    scenario: Any,
    *,
    given: Mapping[str, Any] | None = None,
    jobs: int | None = None,
    progress: Callable[[str], Any] | None = None,
    before_fork: Callable[[Any], Any] | None = None,
) -> dict[str, Any]:
    """Run a table of tasks on ``scenario``; return every task's value by key.

    Whenever a process is free it takes the first task of the table whose
    needs are known, so the table's order is the order of priority.

    Parameters
    ----------
    tasks : sequence of Task
    scenario : bargaining.labor.Scenario
    given : mapping, optional
        Values already known, by key, which tasks may need.
    jobs : int, optional
        Processes to run the tasks on; all the cores this process may use when
        omitted. ``1`` runs them in this process, as does any platform without
        ``fork``.
    progress : callable, optional
        Called with a task's description: before it starts when the tasks run
        in this process, when it ends otherwise (the step then counts as done
        on the next call).
    before_fork : callable, optional
        Called with ``scenario`` before the pool starts (not when the tasks run
        in this process): what it loads, each process of the pool has already.

    Returns
    -------
    dict
        The value of each task, by its key (``given`` values not included).

    Raises
    ------
    ValueError
        If ``jobs`` is not a positive integer, two tasks share a key, or some
        tasks need each other in a cycle.
    """
    global _forked
    jobs = check_jobs(jobs)
    keys = [task.key for task in tasks]
    if len(set(keys)) != len(keys):
        raise ValueError(f"tasks must have distinct keys, got {keys!r}")
    step = progress or (lambda description: None)
    known = dict(given or {})
    needs = [[k for k in task.needs if k in keys] for task in tasks]
    pending = list(range(len(tasks)))
    values: dict[str, Any] = {}

    def ready():
        return [i for i in pending if all(k in values for k in needs[i])]

    def inputs(index):
        return {k: known[k] for k in tasks[index].needs if k in known}

    def finish(index, value):
        values[tasks[index].key] = known[tasks[index].key] = value

    if jobs == 1 or len(tasks) < 2 or not can_fork():
        while pending:
            if not ready():
                raise ValueError(f"tasks {[keys[i] for i in pending]!r} need each other")
            index = ready()[0]
            pending.remove(index)
            if tasks[index].description is not None:
                step(tasks[index].description)
            finish(index, tasks[index].run(scenario, inputs(index)))
        return values

    if before_fork is not None:
        before_fork(scenario)
    _forked = (tasks, scenario)
    running: dict[Any, int] = {}
    pool = ProcessPoolExecutor(
        min(jobs, len(tasks)), mp_context=multiprocessing.get_context("fork")
    )
    try:
        while pending or running:
            # At most one task a process in flight, so that a task which becomes
            # ready later can still go before the rest of the table.
            for index in ready()[: max(0, jobs - len(running))]:
                pending.remove(index)
                running[pool.submit(_run_forked, index, inputs(index))] = index
            if not running:
                raise ValueError(f"tasks {[keys[i] for i in pending]!r} need each other")
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                index = running.pop(future)
                finish(index, future.result())
                description = tasks[index].description
                if description is not None:
                    step(description)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _forked = None
    return values


def interleave(*tables: Sequence[Task]) -> list[Task]:
    """The tasks of several tables, one of each in turn: the first of every table go first."""
    merged = []
    for position in range(max(map(len, tables), default=0)):
        merged += [table[position] for table in tables if position < len(table)]
    return merged
