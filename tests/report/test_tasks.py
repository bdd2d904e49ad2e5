"""The report's steps as a table of tasks: the same values on one process or several."""

import os

import pytest

from bargaining.report._tasks import (
    Task,
    can_fork,
    check_jobs,
    default_jobs,
    interleave,
    required,
    run_tasks,
)


def _square(scenario, done):
    return scenario**2


def _sum(scenario, done):
    return done["square"] + done["cube"] + done.get("given", 0)


def _cube(scenario, done):
    return scenario**3


def _where(scenario, done):
    return os.getpid()


def _fail(scenario, done):
    raise ValueError(f"no answer for {scenario!r}")


TABLE = (
    Task("square", "squaring", _square),
    Task("sum", None, _sum, needs=("square", "cube", "given")),
    Task("cube", "cubing", _cube),
)


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_every_task_runs_once_after_what_it_needs(jobs):
    seen = []
    values = run_tasks(TABLE, 3, jobs=jobs, progress=seen.append)
    assert values == {"square": 9, "cube": 27, "sum": 36}
    # Quick derived values are not steps of the progress bar.
    assert sorted(seen) == ["cubing", "squaring"]


def test_given_values_are_inputs_and_not_outputs():
    values = run_tasks(TABLE, 2, given={"given": 100}, jobs=2)
    assert values == {"square": 4, "cube": 8, "sum": 112}


def test_one_job_runs_in_this_process_in_table_order():
    seen = []
    values = run_tasks(
        (Task("late", "late", _where, needs=("early",)), Task("early", "early", _where)),
        0,
        jobs=1,
        progress=seen.append,
    )
    assert seen == ["early", "late"]
    assert set(values.values()) == {os.getpid()}


@pytest.mark.skipif(not can_fork(), reason="the pool needs fork (Linux)")
def test_several_jobs_run_in_other_processes():
    values = run_tasks((Task("a", "a", _where), Task("b", "b", _where)), 0, jobs=2)
    assert os.getpid() not in values.values()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_task_raises_its_own_error(jobs):
    with pytest.raises(ValueError, match="no answer for 5"):
        run_tasks((Task("square", "squaring", _square), Task("x", "x", _fail)), 5, jobs=jobs)


@pytest.mark.parametrize("jobs", [0, -2, 1.5, True, "2"])
def test_jobs_must_be_a_positive_integer(jobs):
    with pytest.raises(ValueError, match=rf"jobs must be a positive integer, got {jobs!r}"):
        run_tasks(TABLE, 1, jobs=jobs)


def test_jobs_default_to_the_cores_this_process_may_use():
    assert check_jobs(None) == default_jobs() >= 1
    assert check_jobs(3) == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_tasks_that_need_each_other_are_refused(jobs):
    table = (Task("a", "a", _square, needs=("b",)), Task("b", "b", _square, needs=("a",)))
    with pytest.raises(ValueError, match=r"tasks \['a', 'b'\] need each other"):
        run_tasks(table, 1, jobs=jobs)


def test_keys_must_be_distinct():
    with pytest.raises(ValueError, match="distinct keys"):
        run_tasks((Task("a", "a", _square), Task("a", "b", _cube)), 1, jobs=1)


def test_required_keeps_what_the_keys_depend_on_in_table_order():
    chosen = required(TABLE, ["sum"])
    assert [t.key for t in chosen] == ["square", "sum", "cube"]
    assert [t.key for t in required(TABLE, ["cube", "unknown"])] == ["cube"]


def test_interleave_takes_one_task_of_each_table_in_turn():
    first = (Task("a", None, _square), Task("b", None, _square), Task("c", None, _square))
    second = (Task("x", None, _square),)
    assert [t.key for t in interleave(first, second)] == ["a", "x", "b", "c"]
