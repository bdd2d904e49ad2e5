"""Redistribution when the rise of automation is anticipated."""

from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from bargaining import RepeatedGame
from bargaining.analysis import max_redistribution
from bargaining.analysis.anticipation import (
    LEVELS,
    anticipated_redistribution,
    critical_speed,
    levels_before_paid_strike,
    rising_automation,
)
from bargaining.labor import scenarios
from bargaining.labor.strike_game import StrikeGame

DEFAULT = scenarios.get("default")


def test_automation_that_stays_is_the_static_game():
    result = anticipated_redistribution(DEFAULT, [0.45, 0.45])
    static = max_redistribution(DEFAULT, 0.45)
    assert result.redistribution == pytest.approx([static, static], abs=1e-9)
    assert result.static == pytest.approx([static, static], abs=1e-9)
    assert result.ends is None and "labor-best" in result.describe()


@pytest.mark.parametrize("speed", [0.02, 0.2])
def test_random_arrival_shrinks_redistribution_by_the_hand_formula(speed):
    """Two levels, the second past a*: redistribution at the first is alpha times the
    static redistribution with discount delta (1 - p), alpha = (1 - delta) / (1 - delta +
    delta p) (see tests/labor/test_dynamics.py for the derivation)."""
    (result,) = rising_automation(DEFAULT, [speed], levels=(0.3, 0.7)).values()
    delta = DEFAULT.delta
    alpha = (1 - delta) / (1 - delta + delta * speed)
    shorter = RepeatedGame(StrikeGame(DEFAULT, 0.3), delta * (1 - speed)).equilibrium_payoffs()
    expected = alpha * (shorter.max(0) - DEFAULT.w)
    assert result.redistribution[0] == pytest.approx(max(expected, 0.0), abs=1e-8)
    assert result.redistribution[1] == 0.0
    assert result.redistribution[0] <= result.static[0] + 1e-9


def test_faster_automation_ends_redistribution_no_later():
    levels = (0.0, 0.3, 0.5, 0.7)
    results = rising_automation(DEFAULT, [0.05, 0.3], levels=levels)
    slow, fast = results[0.05], results[0.3]
    assert np.all(fast.redistribution <= slow.redistribution + 1e-9)
    assert np.all(slow.redistribution <= slow.static + 1e-9)
    assert slow.static_ends == 3


def test_unknown_selection_is_refused():
    with pytest.raises(ValueError, match="selection"):
        anticipated_redistribution(DEFAULT, [0.3], selection="kindest")


# --- Where redistribution ends: the strike fund and ownership ----------------------------
STRIKE_FUND, OPEN_MODELS = scenarios.get("strike-fund"), scenarios.get("open-models")


def _hand_strike_output(a):
    """Seed technology, sigma = 1/2 and rho = 1/5: y_s(a) = 1/(5 - 4a)."""
    return 1 / (5 - 4 * a)


def test_critical_speed_is_one_ninth_at_three_tenths_in_the_default_scenario():
    # Notebook 08: with C = w - b = 2/5 the credible strike needs d >= C/(C + tau) = 4/5,
    # capital at its minmax d >= (tau + C)/(1 - y_s + tau - b) = 95/121 < 4/5; 1 - (4/5)/(9/10).
    assert critical_speed(DEFAULT.exact(), Fraction(3, 10)) == Fraction(1, 9)


@pytest.mark.parametrize("scenario", [DEFAULT, STRIKE_FUND, OPEN_MODELS], ids=lambda s: s.name)
def test_critical_speed_is_where_the_solver_stops_redistributing(scenario):
    speed = float(critical_speed(scenario, 0.3))
    slower, faster = speed - 0.002, speed + 0.002
    results = rising_automation(scenario, [slower, faster], levels=(0.3, 0.7))
    assert results[slower].redistribution[0] > 1e-3
    assert results[faster].redistribution[0] == 0.0


def test_strike_cost_orders_the_critical_speeds():
    """Both discount floors rise with labor's cost of a period on strike
    C = (w - b + theta (1 - w - y_s)) / (1 - theta), which falls with b and rises with
    theta wherever a paid strike is worth less than work (b + y_s < 1): a strike fund lets
    faster automation leave redistribution, ownership only slower automation."""
    cost, tau, x = sp.symbols("C tau x", positive=True)
    for floor in (cost / (cost + tau), (tau + cost) / (x + tau + cost)):
        assert sp.simplify(sp.diff(floor, cost)).is_positive
    w, b, theta, y = sp.symbols("w b theta y", positive=True)
    strike_cost = (w - b + theta * (1 - w - y)) / (1 - theta)
    assert sp.diff(strike_cost, b) == -1 / (1 - theta)
    assert sp.simplify(sp.diff(strike_cost, theta) - (1 - b - y) / (1 - theta) ** 2) == 0
    speeds = {s.name: critical_speed(s.exact(), Fraction(3, 10)) for s in (DEFAULT, STRIKE_FUND)}
    speeds["open-models"] = critical_speed(OPEN_MODELS.exact(), Fraction(3, 10))
    assert speeds["open-models"] < speeds["default"] < speeds["strike-fund"]
    funds = [critical_speed(DEFAULT.replace(b=fund), 0.3) for fund in (0.0, 0.1, 0.2, 0.3, 0.4)]
    assert all(np.diff(funds) > 0)
    # Between two critical speeds only the scenario with the larger one redistributes.
    between = {
        0.15: (STRIKE_FUND, DEFAULT),
        0.07: (DEFAULT, OPEN_MODELS),
    }
    for speed, (keeps, loses) in between.items():
        kept, lost = (
            rising_automation(s, [speed], levels=(0.3, 0.7))[speed].redistribution[0]
            for s in (keeps, loses)
        )
        assert kept > 0 and lost == 0, speed


def test_critical_speed_refuses_the_lockout_and_is_zero_past_the_breakdown():
    with pytest.raises(ValueError, match="lockout"):
        critical_speed(scenarios.get("job-loss"), 0.3)
    assert critical_speed(DEFAULT, 0.6) == 0.0  # past a* = 65/124: nothing to keep


def test_levels_before_paid_strike_stop_where_b_plus_strike_output_passes_one():
    # b + 1/(5 - 4a) > 1: a > 15/16 for b = 0.2, a > 0.865 for b = 0.35.
    assert _hand_strike_output(0.9) + DEFAULT.b <= 1 < _hand_strike_output(1.0) + DEFAULT.b
    assert levels_before_paid_strike([DEFAULT]) == LEVELS[:10]
    assert levels_before_paid_strike([DEFAULT, STRIKE_FUND]) == LEVELS[:9]
    with pytest.raises(ValueError, match="levels must rise"):
        levels_before_paid_strike([DEFAULT], [0.3, 0.1])


def test_a_paid_strike_at_full_automation_is_anticipated_all_the_way_down():
    """Past b + y_s = 1 capital pays labor to stay out, and a chain that reaches those
    levels carries that payment back to states where the static game sustains nothing."""
    full = rising_automation(STRIKE_FUND, [0.02])[0.02]
    assert full.static[7] == 0 and full.redistribution[7] > 0 and full.ends is None
    levels = levels_before_paid_strike([STRIKE_FUND])
    short = rising_automation(STRIKE_FUND, [0.02], levels=levels)[0.02]
    assert short.ends is not None and np.all(short.redistribution[short.ends :] == 0)
