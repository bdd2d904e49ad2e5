"""The model with job loss: capital's lockout, labor's outside option, bargained wages."""

from fractions import Fraction

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game, equilibrium_payoffs
from bargaining.analysis import breakdown_automation, max_redistribution, payoff_bounds
from bargaining.cli import main
from bargaining.core.polygon import hausdorff_distance
from bargaining.labor import Scenario, StrikeGame, labor_share, scenarios, strike_output

F = Fraction
W, B, DELTA = 0.6, 0.2, 0.9
GRID = [0.05 * k for k in range(1, 9)]


def hand_built(a, u, grid=GRID):
    """The transfer-grid game with a Lockout column added by hand."""
    y = float(strike_output(a, 0.5, 0.2))
    transfers = [0, *grid]
    labor = [[W + t for t in transfers] + [u], [B + t for t in transfers] + [u]]
    capital = [[1 - W - t for t in transfers] + [y], [y - t for t in transfers] + [y]]
    return Game(labor, capital), y


@pytest.mark.parametrize("a", [0.0, 0.3, 0.55, 0.62, 0.7, 0.9, 1.0])
def test_public_api_reproduces_the_hand_built_lockout_game(a):
    scenario = Scenario(lockout=True, outside_option=B)
    game, y = hand_built(a, B)
    expected = equilibrium_payoffs(game, DELTA)
    found = equilibrium_payoffs(StrikeGame(scenario, a, GRID), DELTA)
    assert hausdorff_distance(found.vertices, expected.vertices) < 1e-9
    # Labor's worst payoff is its outside option at every a: (Strike, Lockout) is a stage
    # equilibrium at both sides' minmax. Past y_s > 1 - w its best is too: the job is lost.
    assert found.min(0) == pytest.approx(B, abs=1e-9)
    if y > 1 - W:
        assert found.max(0) == pytest.approx(B, abs=1e-9)
        assert found.min(1) == pytest.approx(y, abs=1e-9)


def test_no_revival_at_full_automation_with_a_lockout():
    levels = np.array([0.9, 0.95, 1.0])
    with_lockout = Scenario(lockout=True, outside_option=B)
    assert (max_redistribution(with_lockout, levels, transfers=GRID) == 0).all()
    # Without it, an outside-funded strike is worth more than work to both sides at a = 1,
    # and capital pays labor to stay out.
    assert max_redistribution(Scenario(), 1.0, transfers=GRID) > 0


def test_payoff_bounds_show_the_job_lost_past_one_minus_w():
    scenario = scenarios.get("job-loss")
    levels = np.linspace(0, 1, 11)
    bounds = payoff_bounds(scenario, levels)
    outside = np.array([scenario.outside_option_at(a) for a in levels])
    np.testing.assert_allclose(bounds.labor_worst, outside, atol=1e-9)
    lost = strike_output(levels, scenario.sigma, scenario.rho) > 1 - scenario.w
    assert lost.any() and (~lost).any()
    np.testing.assert_allclose(bounds.labor_best[lost], outside[lost], atol=1e-9)
    assert (bounds.labor_best[~lost] >= scenario.w - 1e-9).all()


def test_lockout_breakdown_closed_form_by_hand():
    # y_T = 1 - w - (1 - delta) t_min / delta: the 2x2 game's only transfer is tau = 1/10,
    # so y_T = 2/5 - 1/90 = 7/18, and y_s = 1/(5 - 4a) gives a* = 17/28.
    threshold = breakdown_automation(scenarios.get("job-loss").exact())
    assert threshold.value == F(17, 28) and threshold.method == "exact"
    assert strike_output(threshold.value, F(1, 2), F(1, 5)) == F(7, 18)


def test_default_outside_option_falls_from_halfway_to_the_strike_fund():
    scenario = scenarios.get("job-loss").exact()
    assert scenario.outside_option_at(0) == (scenario.w + scenario.b) / 2
    assert scenario.outside_option_at(1) == scenario.b
    assert scenario.outside_option_at(F(1, 2)) == F(3, 10)


def test_outside_option_as_a_function_of_automation():
    scenario = Scenario(lockout=True, outside_option=lambda a: 0.3 * (1 - a))
    game = StrikeGame(scenario, 0.5)
    labor, _ = game.payoff_matrices
    assert labor[0, 2] == labor[1, 2] == pytest.approx(0.15)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"lockout": True, "outside_option": 0.6}, r"outside_option must be below the wage"),
        ({"lockout": True, "outside_option": -0.1}, r"outside_option must be at least 0"),
        ({"outside_option": 0.1}, r"outside_option=0.1 applies with lockout=True only"),
        ({"wage": "market"}, r"wage must be one of 'fixed', 'nash'.*got 'market'"),
        ({"lockout": "yes"}, r"lockout must be True or False"),
    ],
)
def test_bad_job_loss_parameters_are_named(changes, message):
    with pytest.raises(ValueError, match=message):
        Scenario(**changes)


def test_an_outside_option_function_is_checked_where_it_is_used():
    scenario = Scenario(lockout=True, outside_option=lambda a: 0.9 * a)
    with pytest.raises(ValueError, match=r"outside_option must be below the wage.*at a=0.9"):
        StrikeGame(scenario, 0.9)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--set", "outside_option=0.1"],
        ["--scenario", "job-loss", "--set", "outside_option=0.7"],
        ["--selection", "median"],
    ],
)
def test_cli_bad_job_loss_input_is_one_line_and_exit_2(arguments):
    result = CliRunner().invoke(main, ["breakdown", *arguments])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("bargaining: error:")


@settings(max_examples=30, deadline=None)
@given(a=st.fractions(0, 1), lockout=st.booleans(), theta=st.sampled_from([F(0), F(1, 5)]))
def test_nash_wage_splits_the_net_surplus_by_hand(a, lockout, theta):
    scenario = Scenario(theta=theta, lockout=lockout, wage="nash", tau=F(1, 20)).exact()
    y = strike_output(a, F(1, 2), F(1, 5))
    threat = scenario.outside_option_at(a) if lockout else scenario.b
    # Labor's total payoff w + theta (1 - w) is its threat payoff plus half the surplus
    # left after both threat payoffs, threat + theta y and (1 - theta) y.
    labor_total = threat + theta * y + (1 - threat - y) / 2
    wage = scenario.wage_at(a)
    assert wage + theta * (1 - wage) == labor_total
    labor, _ = StrikeGame(scenario, a).payoff_matrices
    assert labor[0, 1] == labor_total  # (Work, Keep)


def test_rubinstein_wage_with_capital_proposing_by_hand():
    scenario = Scenario(wage="rubinstein", tau=0.05)
    y = float(strike_output(0.3, 0.5, 0.2))
    # Capital offers labor its inside option plus delta/(1 + delta) of the net surplus.
    assert scenario.wage_at(0.3) == pytest.approx(B + DELTA / (1 + DELTA) * (1 - B - y))


def test_competitive_wage_is_the_task_models_labor_share():
    scenario = Scenario(wage="competitive", sigma=1, tau=0.05)
    assert scenario.wage_at(0.4) == pytest.approx(float(labor_share(0.4, 1)))
    with pytest.raises(ValueError, match=r"the competitive wage at a=0 is 1\b"):
        scenario.wage_at(0)


def test_bargained_wage_falls_with_automation_and_moves_the_breakdown():
    scenario = Scenario(wage="nash", tau=0.05)
    wages = [scenario.wage_at(a) for a in (0.0, 0.3, 0.6)]
    assert wages[0] > wages[1] > wages[2]
    threshold = breakdown_automation(scenario)
    assert threshold.method == "exact (bisection)" and threshold.kind == "breaks-down"
    fixed = breakdown_automation(scenario.replace(wage="fixed", w=wages[0]))
    assert float(threshold) != pytest.approx(float(fixed), abs=1e-3)


def test_closed_forms_refuse_a_bargained_wage():
    with pytest.raises(ValueError, match="method='closed-form' needs a fixed wage"):
        breakdown_automation(Scenario(wage="nash", tau=0.05), "closed-form")
