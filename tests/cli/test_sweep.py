"""bargaining sweep: grids written to files equal the library's sweeps."""

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
