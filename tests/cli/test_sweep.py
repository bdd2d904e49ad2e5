"""bargaining sweep: grids written to files equal the library's sweeps."""

import re
import time
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
from click.testing import CliRunner

from bargaining.analysis import sweep
from bargaining.cli import main
from bargaining.core.io.gamefile import load_game
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs
from bargaining.labor import scenarios

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "games"


def test_netcdf_result_equals_the_library_sweep(tmp_path):
    out = tmp_path / "phase.nc"
    result = CliRunner().invoke(
        main,
        [
            "sweep",
            "max_redistribution",
            "--axis",
            "a=0:1:11",
            "--axis",
            "delta=0.6,0.9",
            "--set",
            "b=0.1",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    written = xr.load_dataarray(out)
    expected = sweep(
        "max_redistribution",
        scenarios.DEFAULT.replace(b=0.1),
        a=np.linspace(0, 1, 11),
        delta=np.array([0.6, 0.9]),
    )
    np.testing.assert_allclose(written.values, expected.values)
    assert list(written.dims) == ["a", "delta"]


def test_game_file_sweep_solves_each_point(tmp_path):
    out = tmp_path / "strike.csv"
    result = CliRunner().invoke(
        main, ["sweep", str(EXAMPLES / "strike.toml"), "--axis", "a=0,0.5,1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [line.split(",") for line in out.read_text().splitlines()[1:]]
    for a, value in rows:
        game = load_game(EXAMPLES / "strike.toml", a=float(a))
        assert float(value) == pytest.approx(equilibrium_payoffs(game, 0.9).max(0), abs=1e-12)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--axis", "a=0:2:3"], "sweep axis 'a' must lie in [0, 1]"),
        (["--axis", "a=0:1"], "a range is start:stop:count"),
        (["--axis", "a=0:1:x"], "unknown name 'x'"),
        (["--axis", "a=0:1:3", "--workers", "2", "--dask", "tcp://127.0.0.1:1"], "not both"),
    ],
)
def test_bad_sweeps_are_one_line_and_exit_2(tmp_path, arguments, message):
    result = CliRunner().invoke(
        main, ["sweep", "max_redistribution", *arguments, "--out", str(tmp_path / "x.csv")]
    )
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_unknown_suffix_is_refused(tmp_path):
    result = CliRunner().invoke(
        main,
        ["sweep", "max_redistribution", "--axis", "a=0:1:3", "--out", str(tmp_path / "x.txt")],
    )
    assert result.exit_code == 2 and "must end in .nc or .csv" in result.stderr


def _sweep(*arguments):
    return CliRunner().invoke(main, ["sweep", *arguments])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--axis", "a=0:1:1000000000"], r"1,000,000,000 grid points .* at most 1,000,000"),
        (["--axis", "a=0:1:1001", "--axis", "delta=0.5:0.9:1001"], r"1,002,001 grid points"),
        (["--axis", "a=0:1:3", "--axis", "a=0,1"], r"--axis a is given twice"),
        (["--axis", "a=0:1:3", "--set", "a=0.5"], r"a is given both by --axis and by --set"),
        (["--axis", "a=0:1:3", "--workers", "100000"], r"--workers\) must be at most \d+"),
    ],
)
def test_unbounded_or_conflicting_axes_and_workers_are_refused_at_once(
    tmp_path, arguments, message
):
    start = time.perf_counter()
    result = _sweep("max_redistribution", *arguments, "--out", str(tmp_path / "x.csv"))
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert re.search(message, result.stderr), result.stderr
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("option", [["--workers", "2"], ["--dask", "127.0.0.1:1"]])
def test_parallel_options_on_game_file_sweeps_are_refused_not_ignored(tmp_path, option):
    result = _sweep(
        str(EXAMPLES / "strike.toml"), "--axis", "a=0,1", *option, "--out", str(tmp_path / "s.csv")
    )
    assert result.exit_code == 2 and "apply to scenario quantities" in result.stderr


@pytest.mark.parametrize("address", ["127.0.0.1:1", "tcp://127.0.0.1:1", "nonsense", "1e18"])
def test_a_dead_or_malformed_dask_address_fails_fast_with_one_line(tmp_path, address):
    pytest.importorskip("distributed")
    start = time.perf_counter()
    result = _sweep(
        "breakdown_automation", "--axis", "b=0,0.1", "--method", "exact", "--dask", address,
        "--out", str(tmp_path / "b.csv"),
    )  # fmt: skip
    assert time.perf_counter() - start < 20
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "--dask" in result.stderr


def test_the_library_sweep_bounds_the_grid_and_the_workers():
    from bargaining.analysis.sweeps.executors import MAX_GRID_POINTS, max_workers

    with pytest.raises(ValueError, match="grid points"):
        sweep("max_redistribution", a=np.zeros(1001), delta=np.full(MAX_GRID_POINTS // 1000, 0.9))
    with pytest.raises(ValueError, match=r"workers .*must be at most"):
        sweep("max_redistribution", a=np.zeros(3), workers=max_workers() + 1)
