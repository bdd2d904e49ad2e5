"""``bargaining sweep``: a quantity over a grid of parameters, written to netCDF or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import numpy as np

from ._options import (
    method_option,
    os_reason,
    parse_number,
    parse_settings,
    scenario_named,
    scenario_option,
    set_option,
)

SUFFIXES = (".nc", ".csv")
DASK_SCHEMES = ("tcp", "tls")
DASK_TIMEOUT = 5  # seconds to reach the scheduler


def parse_axis(text):
    """``name=start:stop:count`` (evenly spaced) or ``name=v1,v2,...``; nothing is evaluated."""
    from ..analysis.sweeps.executors import check_grid

    name, sep, spec = text.partition("=")
    name = name.strip()
    if not sep or not name or not spec.strip():
        raise ValueError(f"--axis takes name=start:stop:count or name=v1,v2,..., got {text!r}")
    if ":" in spec:
        parts = spec.split(":")
        if len(parts) != 3:
            raise ValueError(f"--axis {name}: a range is start:stop:count, got {spec!r}")
        start, stop = (float(parse_number(p, f"axis {name}")) for p in parts[:2])
        count = parse_number(parts[2], f"axis {name} count")
        if not isinstance(count, int) or count < 1:
            raise ValueError(f"--axis {name}: count must be a positive integer, got {parts[2]!r}")
        check_grid({name: count})  # before linspace allocates the axis
        return name, np.linspace(start, stop, count)
    items = spec.split(",")
    check_grid({name: len(items)})
    values = [float(parse_number(v, f"axis {name}")) for v in items]
    return name, np.array(values)


def parse_axes(specs, settings):
    """The ``--axis`` options as a dict; an axis given twice, or also ``--set``, is refused."""
    from ..analysis.sweeps.executors import check_grid

    axes = {}
    for spec in specs:
        name, values = parse_axis(spec)
        if name in axes:
            raise ValueError(f"--axis {name} is given twice")
        if name in settings:
            raise ValueError(f"{name} is given both by --axis and by --set; give one")
        axes[name] = values
    check_grid({name: len(values) for name, values in axes.items()})
    return axes


def dask_client(address):
    """A ``distributed.Client`` at ``address``, or a one-line ValueError within seconds."""
    from distributed import Client

    if "://" not in address and address.rpartition(":")[2].isdigit():
        address = f"tcp://{address}"
    scheme, _, location = address.partition("://")
    host, colon, port = location.rpartition(":")
    if scheme not in DASK_SCHEMES or not host or not colon or not port.isdigit():
        raise ValueError(
            f"--dask takes a scheduler address such as tcp://127.0.0.1:8786, got {address!r}"
        )
    try:
        return Client(address, timeout=DASK_TIMEOUT)
    except (OSError, TimeoutError, MemoryError, ValueError) as error:
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        raise ValueError(
            f"--dask: no Dask scheduler answered at {address} within {DASK_TIMEOUT} s ({reason})"
        ) from None


@click.command()
@click.argument("quantity")
@click.option(
    "--axis",
    "axis_specs",
    multiple=True,
    required=True,
    metavar="NAME=SPEC",
    help="name=start:stop:count or name=v1,v2,...; repeatable.",
)
@scenario_option
@method_option
@set_option("Fixed scenario (or game file) parameters.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Run exact quantities on a local process pool (at most four processes per CPU).",
)
@click.option("--dask", "address", default=None, help="Run on a Dask scheduler at ADDRESS.")
@click.option(
    "--out",
    "out_file",
    required=True,
    type=click.Path(dir_okay=False),
    help="Result file: .nc (netCDF) or .csv.",
)
def sweep(quantity, axis_specs, name, method, pairs, workers, address, out_file):
    """Evaluate QUANTITY over a grid and write it to a file.

    QUANTITY is max_redistribution, breakdown_automation or wage, or the path
    of a game file (.toml), for which the row player's highest
    subgame-perfect payoff is swept over the file's parameters and delta.

    \\b
    Examples:
      bargaining sweep max_redistribution --axis a=0:1:201 --axis delta=0.5:0.99:50 --out phase.nc
      bargaining sweep breakdown_automation --axis b=0:0.4:9 --method exact --workers 2 --out b.csv
      bargaining sweep examples/games/strike.toml --axis a=0:1:11 --out strike.csv
    """
    suffix = Path(out_file).suffix
    if suffix not in SUFFIXES:
        raise ValueError(f"--out must end in .nc or .csv, got {out_file!r}")
    if workers and address:
        raise ValueError("give --workers or --dask, not both")
    if workers is not None:
        from ..analysis.sweeps.executors import check_workers

        check_workers(workers)
    settings = parse_settings(pairs)
    axes = parse_axes(axis_specs, settings)
    if quantity.endswith(".toml"):
        if workers or address:
            raise ValueError("--workers and --dask apply to scenario quantities, not game files")
        from ..analysis.sweeps import sweep_game_file

        result = sweep_game_file(quantity, axes, settings)
    else:
        from ..analysis import sweep as run_sweep

        scenario = scenario_named(name).replace(**settings)
        if address:
            with dask_client(address) as client:
                executor = client.get_executor(pure=False)
                result = run_sweep(quantity, scenario, executor=executor, method=method, **axes)
        else:
            result = run_sweep(quantity, scenario, workers=workers, method=method, **axes)
    try:
        if suffix == ".nc":
            result.to_netcdf(out_file)
        else:
            result.to_dataframe().to_csv(out_file)
    except OSError as error:
        raise ValueError(f"cannot write {out_file!r}: {os_reason(error)}") from None
    click.echo(
        f"{result.name}: {' x '.join(str(n) for n in result.shape)} values -> {out_file}",
        file=sys.stdout,
    )
