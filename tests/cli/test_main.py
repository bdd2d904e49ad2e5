"""The command line: the main job's numbers come from the library, errors are one line."""

import importlib
import json
import sys
from fractions import Fraction

import pytest
from click.testing import CliRunner

from bargaining import __version__
from bargaining.analysis import breakdown_automation, max_redistribution
from bargaining.cli import main
from bargaining.cli.report import REPORT_FILES
from bargaining.labor import scenarios


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("report")


@pytest.fixture(scope="module")
def default_report(report_folder):
    result = CliRunner().invoke(main, ["report", "--no-compare", "--out", str(report_folder)])
    assert result.exit_code == 0, result.output
    return result.output


def test_report_prints_the_closed_form_and_exact_breakdown_points(default_report):
    scenario = scenarios.DEFAULT
    closed = breakdown_automation(scenario.exact(), method="closed-form")
    exact = breakdown_automation(scenario.exact())
    lines = default_report.splitlines()
    closed_line = next(
        line
        for line in lines
        if line.strip().startswith("stick-and-carrot (c") and "215/496" in line
    )
    exact_line = next(line for line in lines if line.strip().startswith("exact, 2x2 game  "))
    assert closed_line.endswith(f"{float(closed):.6f} (= {closed.value})  closed-form  labor-best")
    assert f"{float(exact):.6f} (= {exact.value})" in exact_line
    assert exact_line.split()[-2:] == ["exact", "labor-best"]


def test_report_table_rows_match_the_library(default_report):
    scenario = scenarios.DEFAULT
    row = next(line for line in default_report.splitlines() if line.strip().startswith("0.30"))
    closed = float(max_redistribution(scenario, 0.3, method="closed-form"))
    exact = max_redistribution(scenario, 0.3, method="exact")
    assert row.split()[2:4] == [f"{exact:.4f}", f"{closed:.4f}"]


def test_report_is_the_same_on_every_run_on_one_core_or_all(
    default_report, report_folder, tmp_path
):
    # default_report ran on every core; this run computes one step after another.
    serial = ["report", "--no-compare", "--force", "--jobs", "1", "--out", str(report_folder)]
    again = CliRunner().invoke(main, serial)
    assert again.exit_code == 0, again.output
    assert again.output == default_report
    CliRunner().invoke(main, ["report", "--no-compare", "--jobs", "2", "--out", str(tmp_path)])
    for name in REPORT_FILES:
        assert (tmp_path / name).read_bytes() == (report_folder / name).read_bytes()


def test_report_writes_every_number_to_results_json(default_report, report_folder):
    results = json.loads((report_folder / "results.json").read_text())
    exact = breakdown_automation(scenarios.DEFAULT.exact())
    assert results["breakdown"]["exact 2x2"]["value"] == float(exact)
    assert results["breakdown"]["stick-and-carrot"]["exact"] == "215/496"
    row = next(r for r in results["redistribution"] if r["a"] == 0.3)
    # Computed in exact arithmetic: the nearest float to 79/950, not the float formula's.
    exact_gain = max_redistribution(
        scenarios.DEFAULT.exact(), Fraction(3, 10), method="closed-form"
    )
    assert (
        row["stick-and-carrot"] == float(exact_gain)
        and row["exact"]["stick-and-carrot"] == "79/950"
    )
    assert row["stick-and-carrot"] == pytest.approx(
        float(max_redistribution(scenarios.DEFAULT, 0.3, method="closed-form"))
    )
    from bargaining.analysis import strategic_automation
    from bargaining.labor.investment import cost

    choice = strategic_automation(scenarios.DEFAULT, cost("quadratic"), "closed-form")
    # At the breakdown point the choice is reported as the exact a*, equal to the float one.
    assert results["investment"]["chosen"] == pytest.approx(float(choice.chosen), abs=1e-12)
    assert results["investment"]["chosen_exact"] == "215/496"
    assert results["investment"]["efficient"] == float(choice.efficient)
    markdown = (report_folder / "report.md").read_text()
    assert (
        f"| 0.30 | {row['strike_output']:.4f} | {row['exact 2x2']:.4f} "
        f"| {row['stick-and-carrot']:.4f} |" in markdown
    )
    assert "](redistribution.png)" in markdown and "](phase.png)" in markdown


def test_report_into_an_unwritable_place_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, ["report", "--no-compare", "--out", str(blocker)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("bargaining: error:") and "is a file" in result.stderr


def test_report_refuses_to_overwrite_without_force(default_report, report_folder):
    before = (report_folder / "report.md").read_bytes()
    (report_folder / "report.md").write_text("my notes")
    result = CliRunner().invoke(main, ["report", "--no-compare", "--out", str(report_folder)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--force" in result.stderr
    assert (report_folder / "report.md").read_text() == "my notes"
    forced = ["report", "--no-compare", "--force", "--out", str(report_folder)]
    assert CliRunner().invoke(main, forced).exit_code == 0
    assert (report_folder / "report.md").read_bytes() == before


def test_report_never_writes_through_a_symlink(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("keep")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "report.md").symlink_to(outside)
    for extra in ([], ["--force"]):
        result = CliRunner().invoke(main, ["report", "--no-compare", *extra, "--out", str(folder)])
        assert result.exit_code == 2 and "symbolic link" in result.stderr
        assert result.stderr.count("\n") == 1
    assert outside.read_text() == "keep"


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_report_refuses_a_bad_number_of_jobs_in_one_line(jobs, tmp_path):
    result = CliRunner().invoke(main, ["report", "--jobs", jobs, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--jobs" in result.output and jobs in result.output
    assert "Traceback" not in result.output
    assert not any(tmp_path.iterdir())


def test_report_into_an_empty_folder_name_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", "--no-compare", "--out", ""])
    assert result.exit_code == 2 and "--out must name a folder" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_scenario_is_one_line_on_stderr_and_exit_status_2():
    result = CliRunner().invoke(main, ["report", "--scenario", "utopia"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "bargaining: error: unknown scenario 'utopia'; known: " + ", ".join(scenarios.NAMES)
    ]


def test_scenarios_lists_every_named_scenario():
    result = CliRunner().invoke(main, ["scenarios"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert listed == list(scenarios.NAMES)


def test_usage_errors_are_one_line_too():
    result = CliRunner().invoke(main, ["breakdown", "--method", "guess"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'guess' is not one of" in result.stderr


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_breakdown_prints_the_exact_closed_form_value():
    arguments = ["breakdown", "--set", "sigma=inf", "--set", "b=1/10"]
    scenario = scenarios.DEFAULT.exact().replace(sigma=float("inf"), b=Fraction(1, 10))
    result = CliRunner().invoke(main, [*arguments, "--method", "closed-form"])
    expected = breakdown_automation(scenario, method="closed-form")
    assert result.exit_code == 0
    assert result.output == (
        f"default: a* = {float(expected):.6f} (= {expected.value})  "
        "[stick-and-carrot strategies (closed-form)]\n"
    )
    # The exact method is the default, and names its equilibrium selection.
    result = CliRunner().invoke(main, arguments)
    expected = breakdown_automation(scenario)
    assert result.output == (
        f"default: a* = {float(expected):.6f} (= {expected.value})  "
        "[labor-best subgame-perfect equilibrium (exact)]\n"
    )


def test_breakdown_json_for_the_exact_method():
    result = CliRunner().invoke(
        main, ["breakdown", "--scenario", "patient", "--method", "exact", "--json"]
    )
    record = json.loads(result.output)
    expected = breakdown_automation(scenarios.get("patient"), method="exact")
    assert record["kind"] == expected.kind and record["value"] == pytest.approx(float(expected))
    assert record["selection"] == "labor-best" and record["method"] == "exact"
    assert record["model"].startswith("strike only")
    assert record["parameters"]["delta"] == "97/100"  # as typed, exactly


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--set", "delta=2"], "delta must lie in (0, 1), got 2"),
        (
            ["--set", "delta=abc"],
            "delta: unknown name 'abc' (parameters: none); offending token: \"abc\"",
        ),
        (["--set", "nonsense"], "--set takes key=value, got 'nonsense'"),
        (["--set", "gamma=1"], "Scenario has no parameter gamma"),
    ],
)
def test_breakdown_bad_settings_are_one_line_and_exit_2(arguments, message):
    result = CliRunner().invoke(main, ["breakdown", *arguments])
    assert result.exit_code == 2
    assert result.stderr == f"bargaining: error: {message}\n"


def test_command_line_runs_as_a_subprocess():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "bargaining.cli", "breakdown", "--scenario", "nowhere"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("bargaining: error: unknown scenario 'nowhere'")


def test_figures_rebuilds_every_paper_and_reports_agreement(tmp_path):
    from bargaining import reproductions

    result = CliRunner().invoke(main, ["figures", "--out", str(tmp_path)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines] == list(reproductions.PAPERS)
    assert all(line.endswith(" figures, ok") for line in lines)
    folders = sorted({p.parent.name for p in tmp_path.glob("*/*.svg")})
    assert folders == sorted(reproductions.PAPERS)


def test_figures_into_an_unwritable_place_is_one_line_and_exit_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, ["figures", "--out", str(blocker / "inside")])
    assert result.exit_code == 2
    assert result.stderr.startswith("bargaining: error: cannot write figures to")


def test_exact_breakdown_refuses_delta_too_close_to_one_in_one_line():
    # The Nash selection has no closed form, so its payoff sets are iterated.
    result = CliRunner().invoke(
        main, ["breakdown", "--selection", "nash", "--set", "delta=0.999999999999999"]
    )
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "too close to 1" in line and "always-sustainable" not in result.output


@pytest.mark.parametrize(
    ("value", "message"),
    [("0_5", "without underscores"), ("1" * 1200, "at most 1000 characters")],
)
def test_set_values_with_underscores_or_thousands_of_digits_are_refused(value, message):
    result = CliRunner().invoke(main, ["breakdown", "--set", f"w={value}"])
    assert result.exit_code == 2 and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_python_warnings_are_one_line_on_the_command_line():
    import warnings

    @main.command("warn-twice")
    def warn_twice():
        warnings.warn("first\nsecond line", RuntimeWarning, stacklevel=1)

    try:
        result = CliRunner().invoke(main, ["warn-twice"])
    finally:
        del main.commands["warn-twice"]
    assert result.exit_code == 0
    assert result.stderr == "bargaining: warning: first second line\n"


def test_breakdown_renegotiation_proof_selection_names_its_strategy_class():
    result = CliRunner().invoke(
        main, ["breakdown", "--selection", "renegotiation-proof", "--json"]
    )
    record = json.loads(result.output)
    assert result.exit_code == 0
    assert record["selection"] == "renegotiation-proof"
    assert record["method"] == "simple strategies, bisection"
    assert record["kind"] == "never-sustainable"


def test_importing_the_main_module_runs_no_command(monkeypatch):
    # Documentation tools import every module, with their own arguments in sys.argv.
    monkeypatch.setattr(sys, "argv", ["sphinx-build", "-W", "docs", "out"])
    sys.modules.pop("bargaining.cli.__main__", None)
    module = importlib.import_module("bargaining.cli.__main__")
    assert callable(module.main)
