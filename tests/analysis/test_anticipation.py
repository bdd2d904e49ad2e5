"""Redistribution when the rise of automation is anticipated."""

import numpy as np
import pytest

from bargaining import RepeatedGame
from bargaining.analysis import max_redistribution
from bargaining.analysis.anticipation import anticipated_redistribution, rising_automation
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
