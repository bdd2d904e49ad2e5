"""``bargaining participation``: numbers from the library, bad input one line and status 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bargaining.cli import main
from bargaining.labor.participation import participation_equilibria, success_probability


def run(*arguments):
    return CliRunner().invoke(main, ["participation", *arguments])


def probabilities(output):
    lines = [line for line in output.splitlines() if line.strip().startswith("p = ")]
    return [float(line.split("   ")[0].split("=")[-1]) for line in lines], lines


@pytest.mark.parametrize(("n", "k", "cost"), [(3, 2, "0.3"), (4, 3, "1/10"), (5, 1, "0.25")])
def test_equilibria_and_success_chances_are_the_librarys(n, k, cost):
    result = run("-n", str(n), "-k", str(k), "--cost", cost)
    assert result.exit_code == 0, result.output
    shown, lines = probabilities(result.stdout)
    expected = participation_equilibria(n, k, float(fraction_as_float(cost)), 1.0)
    assert shown == pytest.approx(expected, abs=1e-6)
    for line, p in zip(lines, expected, strict=True):
        chance = float(line.rsplit(" ", 1)[-1])
        assert chance == pytest.approx(success_probability(n, k, p), abs=1e-6)


def fraction_as_float(text):
    numerator, _, denominator = text.partition("/")
    return float(numerator) / float(denominator or 1)


def test_three_workers_two_needed_prints_the_exact_roots():
    result = run("-n", "3", "-k", "2", "--cost", "3/10")
    assert "p = 1/2 - sqrt(10)/10 = 0.183772" in result.stdout
    assert "largest cost with a mixed equilibrium: 1/2 = 0.500000" in result.stdout
    assert "nobody joins, or exactly 2 workers join" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-n", "3", "-k", "4", "--cost", "0.3"], "k must lie in [1, 3], got 4"),
        (["-n", "3", "-k", "2", "--cost", "-1"], "cost must lie in"),
        (["-n", "3", "-k", "2", "--cost", "0.3", "--value", "0"], "value must lie in"),
        (["-n", "3", "-k", "2", "--cost", "1e400"], "cost must be at most"),
        (["-n", "3", "-k", "2", "--cost", "inf"], "cost must be finite"),
        (["-n", "3", "-k", "2", "--cost", "__import__('os')"], "cost must be a number"),
        (["-n", "101", "-k", "2", "--cost", "0.3"], "101 is not in the range"),
        (["-n", "3", "-k", "two", "--cost", "0.3"], "'two' is not a valid integer"),
        (["-n", "3", "-k", "2"], "Missing option '--cost'"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_status_2(arguments, message):
    result = run(*arguments)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("bargaining: error:")
    assert message in result.stderr
