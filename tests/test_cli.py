"""The command line: the main job's numbers come from the library, errors are one line."""

import pytest
from click.testing import CliRunner

from bargaining import __version__
from bargaining.analysis import breakdown_automation, max_redistribution
from bargaining.cli import main
from bargaining.labor import scenarios


@pytest.fixture(scope="module")
def default_report():
    result = CliRunner().invoke(main, ["report", "--no-compare"])
    assert result.exit_code == 0, result.output
    return result.output


def test_report_prints_the_closed_form_and_exact_breakdown_points(default_report):
    scenario = scenarios.DEFAULT
    closed = breakdown_automation(scenario.exact())
    exact = breakdown_automation(scenario, method="exact")
    assert f"stick-and-carrot (closed form)   {float(closed):.6f} (= {closed.value})" in (
        default_report
    )
    assert f"exact, 2x2 game                  {float(exact):.6f}" in default_report


def test_report_table_rows_match_the_library(default_report):
    scenario = scenarios.DEFAULT
    row = next(line for line in default_report.splitlines() if line.strip().startswith("0.30"))
    closed = float(max_redistribution(scenario, 0.3))
    exact = max_redistribution(scenario, 0.3, method="exact")
    assert row.split()[2:4] == [f"{closed:.4f}", f"{exact:.4f}"]


def test_report_is_the_same_on_every_run(default_report):
    again = CliRunner().invoke(main, ["report", "--no-compare"])
    assert again.output == default_report


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


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
