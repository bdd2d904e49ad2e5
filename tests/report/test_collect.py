"""results.json: exact where the model is, the shortest decimals, and valid against its schema."""

import json
import re
from fractions import Fraction
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from bargaining.analysis import breakdown_automation
from bargaining.core.repeated.payoff_sets import DEFAULT_TOL
from bargaining.labor import scenarios
from bargaining.report._collect_numbers import SOLVER_DECIMALS, number
from bargaining.report._collect_redistribution import transfer_grid

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "results.schema.json"


@pytest.fixture(scope="module")
def results(full_report):
    folder, _ = full_report
    return json.loads((folder / "results.json").read_text())


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_number_gives_the_nearest_float_and_the_fraction():
    assert number(Fraction(3, 20)) == (0.15, "3/20")
    assert number(Fraction(4, 2)) == (2.0, None)
    assert number(0.1 + 0.2) == (0.30000000000000004, None)  # a float is kept as it is


def test_solver_values_are_rounded_only_below_the_solvers_accuracy():
    assert 10.0**-SOLVER_DECIMALS > 10 * DEFAULT_TOL


def test_transfer_grid_is_exact_for_a_decimal_wage():
    grid = transfer_grid(scenarios.DEFAULT)
    assert grid == [Fraction(k, 20) for k in range(1, 9)]
    assert [float(t) for t in grid][2] == 0.15


def test_results_json_follows_its_schema(results, validator):
    errors = [error.message for error in validator.iter_errors(results)]
    assert errors == []


def test_the_schema_rejects_a_breakdown_without_a_value(results, validator):
    broken = json.loads(json.dumps(results))
    broken["breakdown"]["exact 2x2"]["value"] = None
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(results))
    broken["redistribution"][0]["exact"]["a"] = "0.1"
    assert not validator.is_valid(broken)


def test_no_number_carries_floating_point_noise(results):
    # Bisection brackets (exact breakdown points, with their accuracy) end where they end.
    computed = json.loads(json.dumps(results))
    for records in (computed["breakdown"], *computed.get("scenarios", {}).values()):
        for record in records.values():
            if isinstance(record, dict) and record["accuracy"]:
                record["value"] = None
    text = json.dumps(computed)
    noisy = re.findall(r"-?\d+\.\d*(?:0{6,}|9{6,})\d+(?:e-?\d+)?", text)
    assert noisy == []


def test_exact_strings_are_the_floats_they_stand_beside(results):
    checked = 0
    for row in results["redistribution"]:
        for key, exact in row["exact"].items():
            assert float(Fraction(exact)) == row[key]
            checked += 1
    assert checked >= 20
    floats = [float(Fraction(t)) for t in results["transfer_grid_exact"]]
    assert floats == results["transfer_grid"]


def test_breakdown_points_are_the_librarys(results):
    closed = breakdown_automation(scenarios.DEFAULT.exact(), method="closed-form")
    assert results["breakdown"]["stick-and-carrot"]["exact"] == str(closed.value) == "215/496"
    assert results["breakdown"]["stick-and-carrot"]["value"] == float(closed.value)
    # The exact 2x2 breakdown is the closed form of the payoff sets, confirmed by them.
    exact = breakdown_automation(scenarios.DEFAULT.exact())
    assert results["breakdown"]["exact 2x2"]["exact"] == str(exact.value) == "65/124"
    assert results["breakdown"]["exact 2x2"]["method"] == "exact"
    assert results["breakdown"]["exact 2x2"]["accuracy"] is None


def test_investment_at_the_breakdown_point_is_exact(results):
    choice = results["investment"]
    assert choice["at_breakdown"] is True
    assert choice["chosen_exact"] == "215/496"
    assert Fraction(choice["gap_exact"]) == Fraction(215, 496) - Fraction(choice["efficient"])


def test_job_loss_record_is_the_librarys(results):
    from bargaining.analysis import payoff_bounds

    record = results["job_loss"]
    assert record["lockout"]["model"].startswith("strike and lockout")
    levels = record["levels"]
    lockout = scenarios.DEFAULT.replace(lockout=True)
    bounds = payoff_bounds(lockout, levels)
    assert record["lockout"]["labor_best"] == pytest.approx(bounds.labor_best.tolist(), abs=1e-9)
    assert record["lockout"]["labor_worst"] == pytest.approx(record["outside_option"], abs=1e-9)
    # The job is lost where strike output reaches capital's share of work: y_s(a) = 1 - w.
    assert record["job_lost_at"]["exact"] == "5/8"
    assert record["selections"]["labor-best"]["exact"] == "17/28"
    assert record["selections"]["capital-best"]["kind"] == "never-sustainable"


def test_workers_record_is_the_librarys(results, full_report):
    from bargaining.analysis.workers import compare

    comparison = compare(scenarios.DEFAULT, n=results["workers"]["n"], strike_pay=(None, 0.3, 0.4))
    assert results["workers"]["union"] == pytest.approx(comparison.union_threshold, abs=1e-9)
    found = [r["threshold"] for r in results["workers"]["individual"]]
    assert found == pytest.approx(list(comparison.individual_thresholds.values()), abs=1e-9)
    folder, _ = full_report
    page = (folder / "report.html").read_text()
    assert 'id="workers"' in page and 'id="job-loss"' in page


def test_selections_record_names_each_method_and_orders_the_selections(results):
    record = results["selections"]["by_selection"]
    assert set(record) == {"labor-best", "capital-best", "nash", "renegotiation-proof"}
    assert record["labor-best"]["breakdown"] == results["breakdown"]["exact 2x2"]
    # Default scenario, 2x2 game: capital's best equilibrium and the renegotiation-proof
    # one (the strike cannot pay labor its path payoff, b + tau < w + tau) give labor w.
    for name in ("capital-best", "renegotiation-proof"):
        assert record[name]["labor_payoff"] == [0.6, 0.6, 0.6]
        assert record[name]["breakdown"]["kind"] == "never-sustainable"
    assert record["renegotiation-proof"]["method"] == "simple strategies"
    assert record["renegotiation-proof"]["breakdown"]["method"] == "simple strategies, bisection"
    best, nash = record["labor-best"]["labor_payoff"], record["nash"]["labor_payoff"]
    assert all(0.6 <= n <= b for n, b in zip(nash, best, strict=True))
    assert best[0] == 0.7  # w + tau: the transfer is sustained at a = 0


def test_anticipation_record_is_the_librarys(results, full_report):
    from bargaining.analysis.anticipation import rising_automation

    record = results["anticipation"]
    speeds = [entry["speed"] for entry in record["speeds"]]
    slowest = speeds[0]
    (expected,) = rising_automation(scenarios.DEFAULT, [slowest]).values()
    assert record["speeds"][0]["redistribution"] == pytest.approx(
        expected.redistribution.tolist(), abs=1e-9
    )
    assert record["static"] == pytest.approx(expected.static.tolist(), abs=1e-9)
    # Faster automation sustains no more at any level, and never more than the static game.
    table = np.array([entry["redistribution"] for entry in record["speeds"]])
    assert np.all(np.diff(table, axis=0) <= 1e-9)
    assert np.all(table <= np.array(record["static"]) + 1e-9)
    assert record["selection"] == "labor-best" and "stochastic game" in record["method"]
    folder, _ = full_report
    assert 'id="anticipation"' in (folder / "report.html").read_text()


def test_anticipation_levers_are_the_librarys_and_ordered_as_derived(results, full_report):
    from bargaining.analysis.anticipation import critical_speed, rising_automation

    record = results["anticipation_levers"]
    rows = {row["label"]: row for row in record["rows"]}
    assert list(rows) == ["default", "strike fund", "ownership"]
    assert rows["strike fund"]["change"] == "b = 0.35"
    assert rows["ownership"]["change"] == "theta = 0.3"
    # Levels before b + y_s > 1 in any row: y_s(a) = 1/(5 - 4a), b = 0.35 passes at a > 0.865.
    assert record["levels"] == [k / 10 for k in range(9)]
    speeds = record["speeds"]
    (fund,) = rising_automation(
        scenarios.get("strike-fund"), [speeds[1]], levels=record["levels"]
    ).values()
    assert rows["strike fund"]["ends_at"][1] == pytest.approx(fund.levels[fund.ends])
    # The default row on these levels ends where the full-grid section says.
    full_grid = {e["speed"]: e["ends_at"] for e in results["anticipation"]["speeds"]}
    assert rows["default"]["ends_at"] == [full_grid[speed] for speed in speeds]
    # The two-level critical speed falls with labor's cost of a strike: the fund lowers it,
    # ownership raises it; at a = 0.3 the default's is 1/9 (notebook 08).
    assert rows["default"]["critical_speed"] == pytest.approx(1 / 9)
    critical = [rows[k]["critical_speed"] for k in ("ownership", "default", "strike fund")]
    assert critical == sorted(critical) and len(set(critical)) == 3
    assert rows["ownership"]["critical_speed"] == pytest.approx(
        float(critical_speed(scenarios.get("open-models"), 0.3))
    )
    for label, row in rows.items():
        ends = [float("inf") if a is None else a for a in row["ends_at"]]
        assert ends == sorted(ends, reverse=True), label  # faster automation ends no later
        assert all(a <= row["static_ends_at"] for a in ends), label
    folder, _ = full_report
    assert "Where redistribution ends, with a strike fund and with ownership" in (
        (folder / "report.md").read_text()
    )


def test_anticipation_levers_leave_out_a_lever_the_scenario_already_has():
    from bargaining.report._collect_anticipation import anticipation_levers, anticipation_variants

    labels = [label for label, _, _ in anticipation_variants(scenarios.get("strike-fund"))]
    assert labels == ["strike-fund", "ownership"]
    assert anticipation_levers(scenarios.get("job-loss")) is None
