"""``bargaining invest``: its numbers come from the library, errors are one line."""

import click
import pytest
from click.testing import CliRunner

from bargaining.analysis.investment import strategic_automation
from bargaining.cli.invest import invest
from bargaining.labor import scenarios
from bargaining.labor.investment import cost


@click.group()
def group():
    """A stand-in for the main command group."""


group.add_command(invest)


def run(*arguments):
    return CliRunner().invoke(group, ["invest", *arguments])


def row(output, method, selection):
    line = next(line for line in output.splitlines() if line.split()[:2] == [method, selection])
    return line.split()[2:]


@pytest.mark.parametrize("name", ["default", "liebig", "open-models"])
def test_closed_form_rows_match_the_library(name):
    result = run("--scenario", name, "--method", "closed-form", "--cost", "calibrated")
    assert result.exit_code == 0, result.output
    for selection in ("labor-best", "capital-best"):
        choice = strategic_automation(
            scenarios.get(name), cost("calibrated"), "closed-form", selection
        )
        chosen, gap, payoff = (float(x) for x in row(result.output, "stick-carrot", selection)[:3])
        assert chosen == pytest.approx(float(choice.chosen), abs=1e-6)
        assert gap == pytest.approx(float(choice.chosen) - 0.25, abs=1e-6)
        assert payoff == pytest.approx(float(choice.payoff), abs=1e-6)
    assert "efficient automation (max of 1 + gain*a - C(a)): 0.250000" in result.output


def test_exact_row_and_the_stop_at_the_breakdown_point():
    result = run("--method", "exact", "--selection", "nash", "--k", "0.5")
    assert result.exit_code == 0, result.output
    choice = strategic_automation(scenarios.DEFAULT, cost(k=0.5), "exact", "nash")
    fields = row(result.output, "exact", "nash")
    assert float(fields[0]) == pytest.approx(choice.chosen, abs=1e-6)
    assert fields[-1] == ("yes" if choice.at_breakdown else "no")
    assert "labor-best" not in result.output


def test_exact_is_the_default_and_shows_every_selection():
    result = run("--selection", "capital-best", "--selection", "renegotiation-proof")
    assert result.exit_code == 0, result.output
    # By hand: neither selection sustains a transfer in the default scenario, so
    # capital's value is 1 - w at every a and it automates to gain/k = 1/4, earning
    # 1 - w + gain**2 / (2k) = 0.4125.
    for selection in ("capital-best", "renegotiation-proof"):
        assert row(result.output, "exact", selection)[:3] == ["0.250000", "+0.000000", "0.412500"]
    assert "stick-carrot" not in result.output


def test_both_methods_with_a_lockout_leave_out_the_strike_only_closed_form():
    result = run("--scenario", "job-loss", "--method", "both", "--selection", "capital-best")
    assert result.exit_code == 0, result.output
    assert "stick-carrot rows not shown" in result.output
    result = run("--scenario", "job-loss", "--method", "closed-form")
    assert result.exit_code == 2 and "use method='exact'" in result.output


def test_same_output_on_every_run():
    assert run("--method", "closed-form").output == run("--method", "closed-form").output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--k", "-1"], "k must"),
        (["--scenario", "utopia"], "unknown scenario 'utopia'"),
        (["--cost", "calibrated", "--level", "1.5"], "level must"),
        (["--method", "closed-form", "--selection", "nash"], "no selection"),
    ],
)
def test_bad_input_is_one_line_and_status_2(arguments, message):
    result = run(*arguments)
    assert result.exit_code == 2
    assert message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_the_cli_lists_the_cost_forms_and_defaults_of_the_library():
    from bargaining.cli import invest as cli_invest
    from bargaining.labor import investment

    assert cli_invest.COST_FORMS == investment.COST_FORMS
    names = ("DEFAULT_GAIN", "DEFAULT_K", "DEFAULT_LEVEL")
    assert [getattr(cli_invest, n) for n in names] == [getattr(investment, n) for n in names]
