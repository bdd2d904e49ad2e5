"""Running sweep chunks: serially, on a local process pool, or on any executor.

Exact quantities are split into chunks (:func:`plan_chunks`) and each chunk
is submitted to a :class:`concurrent.futures.Executor`; results arrive in any
order and are written into their place in the grid. A tqdm bar counts grid
points as chunks finish.

Dask
----
``distributed.Client(...).get_executor(pure=False)`` is such an executor.
Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_`` in its workers' environment by
default (``distributed.nanny.pre-spawn-environ``); setting that variable at
all switches off glibc's adaptive allocation thresholds, so numpy's many
short-lived arrays go through ``mmap`` and the sweep runs several times
slower. :func:`local_dask_executor` starts a ``LocalCluster`` without it.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import math
import multiprocessing
import os
import sys

import numpy as np

# Unset, not a value: any value turns off glibc's adaptive mmap threshold.
DASK_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}
MAX_CHUNK = 256
MAX_GRID_POINTS = 1_000_000  # 8 MB of float64 results; more is a job for several sweeps
WORKERS_PER_CPU = 4


def max_workers():
    """The most worker processes a sweep may start: four per CPU."""
    return WORKERS_PER_CPU * (os.cpu_count() or 1)


def check_grid(counts):
    """Refuse a grid of more than :data:`MAX_GRID_POINTS` points before anything is allocated.

    Parameters
    ----------
    counts : mapping of str to int
        Points along each axis.

    Raises
    ------
    ValueError
        Naming the axes and the number of points they ask for.
    """
    total = math.prod(counts.values())
    if total > MAX_GRID_POINTS:
        shown = " x ".join(f"{name} {count:,}" for name, count in counts.items())
        raise ValueError(
            f"sweep axes ask for {total:,} grid points ({shown}); at most {MAX_GRID_POINTS:,}"
        )


def check_workers(workers):
    """``workers`` as a positive integer of at most :func:`max_workers`; ValueError otherwise."""
    if isinstance(workers, bool) or not isinstance(workers, int | np.integer) or workers < 1:
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    if workers > max_workers():
        raise ValueError(
            f"workers (--workers) must be at most {max_workers()} "
            f"({WORKERS_PER_CPU} per CPU), got {workers}"
        )
    return int(workers)


def plan_chunks(scenarios, levels, parallelism, chunk_size=None):
    """Split ``scenarios x levels`` grid points into rectangular chunks.

    Parameters
    ----------
    scenarios, levels : int
        Number of scenario combinations, and of automation levels (1 without ``a``).
    parallelism : int
        Workers available; the plan makes at least four chunks per worker.
    chunk_size : int, optional
        Grid points per chunk; chosen from the grid and ``parallelism`` if omitted.

    Returns
    -------
    list of tuple
        ``(first_scenario, stop_scenario, first_level, stop_level)`` per chunk.
    """
    total = scenarios * levels
    if chunk_size is None:
        chunk_size = min(MAX_CHUNK, math.ceil(total / (4 * max(1, parallelism))))
    if not (isinstance(chunk_size, int | np.integer) and chunk_size >= 1):
        raise ValueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    if levels >= chunk_size:
        step = math.ceil(levels / math.ceil(levels / chunk_size))
        return [
            (i, i + 1, j, min(j + step, levels))
            for i in range(scenarios)
            for j in range(0, levels, step)
        ]
    rows = max(1, chunk_size // levels)
    return [(i, min(i + rows, scenarios), 0, levels) for i in range(0, scenarios, rows)]


def parallelism_of(executor, workers):
    """How many chunks can run at once, as far as it can be told."""
    if workers is not None:
        return workers
    if executor is None:
        return 1
    return getattr(executor, "_max_workers", None) or os.cpu_count() or 1


def progress_bar(total, progress):
    """A tqdm bar over grid points, shown as ``progress`` asks.

    ``True``: on stderr when it is a terminal and the work lasts over a second;
    ``"always"``: even when stderr is not a terminal; ``False``: never.
    """
    from tqdm.auto import tqdm

    if progress not in (True, False, "always"):
        raise ValueError(f"progress must be True, False or 'always', got {progress!r}")
    interactive = progress == "always" or (progress and sys.stderr.isatty())
    return tqdm(
        total=total,
        unit="point",
        disable=not interactive,
        delay=0 if progress == "always" else 1.0,
        file=sys.stderr,
        leave=False,
    )


def process_pool(workers):
    """A local process pool of ``workers`` processes, started.

    On Linux the processes are forked, so they inherit the imported modules
    and compiled kernels instead of importing and loading them again.
    """
    workers = check_workers(workers)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else methods[0])
    pool = concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context)
    # Start the processes now, before the progress bar starts its monitor thread.
    pool.submit(int).result()
    return pool


def run_chunks(jobs, executor, bar):
    """Run ``jobs`` (chunk -> picklable callable); yield ``(chunk, result)`` as each finishes."""
    if executor is None:
        for chunk, job in jobs.items():
            result = job()
            bar.update(_size(chunk))
            yield chunk, result
        return
    futures = {executor.submit(job): chunk for chunk, job in jobs.items()}
    try:
        for future in concurrent.futures.as_completed(futures):
            chunk = futures[future]
            result = future.result()
            bar.update(_size(chunk))
            yield chunk, result
    finally:
        for future in futures:
            future.cancel()


def _size(chunk):
    first, stop, low, high = chunk
    return (stop - first) * (high - low)


@contextlib.contextmanager
def local_dask_executor(workers=2, **cluster_options):
    """A Dask ``LocalCluster`` of ``workers`` single-threaded processes, as an executor.

    Parameters
    ----------
    workers : int
        Worker processes.
    **cluster_options
        Passed to ``distributed.LocalCluster``.

    Yields
    ------
    concurrent.futures.Executor
        ``Client.get_executor(pure=False)``; cluster and client close on exit.
    """
    import dask
    from distributed import Client, LocalCluster

    options = {"processes": True, "threads_per_worker": 1, "dashboard_address": None}
    with (
        dask.config.set(DASK_CONFIG),
        LocalCluster(n_workers=workers, **{**options, **cluster_options}) as cluster,
        Client(cluster) as client,
    ):
        yield client.get_executor(pure=False)
