"""Capital's investment as an action that moves automation."""

import numpy as np
import pytest

from bargaining.analysis import dynamic_automation, max_redistribution
from bargaining.labor import scenarios
from bargaining.labor.investment import cost

DEFAULT = scenarios.get("default")
LEVELS = (0.0, 0.1, 0.2, 0.3, 0.4)


def _flow(investment, levels):
    return np.array([float(investment.gain) * a - float(investment(a)) for a in levels])


@pytest.mark.parametrize("delta", [0.6, 0.9])
@pytest.mark.parametrize("k", [0.4, 0.5])
def test_markov_investment_follows_the_productivity_flow(k, delta):
    """With no transfer in any Markov equilibrium (Keep beats Share, and labor's action
    moves nothing), capital's value in state s is its stage payoff plus (1 - theta) F
    along the path, F = gain a - C(a). F is concave, so single-peaked on the grid: from
    below the peak, investing every period until it gives a path of F that is pointwise
    at least any other path's (any path is at most as far up, and F rises up to the
    peak), so investing is optimal for every delta; from the peak or above every move
    lowers F. Capital invests in s iff F(a_{s+1}) > F(a_s), either at a tie: it stops at
    the argmax of F on the grid (k = 0.4 ties 0.2 and 0.3, k = 0.5 peaks at 0.2)."""
    investment = cost("quadratic", k=k)
    result = dynamic_automation(DEFAULT.replace(delta=delta), investment, LEVELS)
    flow = _flow(investment, LEVELS)
    peaks = tuple(a for a, f in zip(LEVELS, flow, strict=True) if f >= flow.max() - 1e-12)
    assert result.markov_stops == pytest.approx(peaks)
    assert not result.markov_sharing
    for policy in result.markov_policies:
        for s in range(len(LEVELS) - 1):
            if flow[s + 1] > flow[s] + 1e-12:
                assert policy[s], (policy, s)
            elif flow[s + 1] < flow[s] - 1e-12:
                assert not policy[s], (policy, s)
        assert policy[-1] is False  # no level beyond the last


def test_prohibitive_investment_is_automation_frozen():
    # Investing costs more than all output: no equilibrium invests (capital's payoff after
    # investing is below its minmax), each state plays its own repeated game, and the
    # frozen game's redistribution is the static one at each level.
    result = dynamic_automation(DEFAULT, cost("quadratic", k=1000), (0.3, 0.45, 0.6))
    static = [max_redistribution(DEFAULT, a) for a in (0.3, 0.45, 0.6)]
    assert result.frozen == pytest.approx(static, abs=1e-7)
    assert result.redistribution == pytest.approx(static, abs=1e-7)
    assert not result.invests.any()
    assert result.markov_policies == ((False, False, False),)


def test_the_option_to_automate_caps_redistribution():
    result = dynamic_automation(DEFAULT, cost(), (*LEVELS, 0.5, 0.6))
    assert np.all(result.redistribution <= result.frozen + 1e-9)
    assert result.frozen[0] > 0  # there is something to cap
    assert np.all(result.residual <= 1e-6)
    assert "labor-best" in result.describe() and "stochastic game" in result.describe()


@pytest.mark.parametrize("k", [0.4, 1.2])
def test_one_step_to_the_breakdown_caps_redistribution_by_the_flow_it_costs(k):
    """Levels 0.5 and 0.6: frozen, 0.5 sustains redistribution and 0.6 none, so with the
    option the set at 0.6 is the point e = (w, 1 - w + F1), F = gain a - C(a), theta = 0.
    At labor's best point v (on the frontier u_L + u_K = 1 + F0) capital must not gain by
    keeping and investing, worth (1 - delta)(1 - w + F0) + delta (1 - w + F1) at least, so
    labor gets at most w + delta (F0 - F1): redistribution is min(frozen, delta (F0 - F1)).
    That holds only while labor's strikes stay credible, which needs a reward of at least
    (1 - delta)(w - b) / delta after a period of striking; below it nothing is sustained."""
    investment = cost("quadratic", k=k)
    result = dynamic_automation(DEFAULT, investment, (0.5, 0.6))
    delta, w, b = DEFAULT.delta, DEFAULT.w, DEFAULT.b
    step = float(np.subtract(*_flow(investment, (0.5, 0.6))))
    cap = delta * step
    credible = (1 - delta) * (w - b) / delta
    expected = min(result.frozen[0], cap) if cap >= credible else 0.0
    assert result.frozen[0] == pytest.approx(max_redistribution(DEFAULT, 0.5), abs=1e-7)
    assert result.redistribution[0] == pytest.approx(expected, abs=1e-7)
    assert (0 < expected < result.frozen[0]) == (k == 1.2)


def test_selected_points_lie_in_the_sets_and_are_individually_rational():
    from bargaining.labor.dynamics import AutomationGame

    levels = (0.2, 0.4, 0.6)
    for selection in ("labor-best", "capital-best", "nash"):
        result = dynamic_automation(DEFAULT, cost(), levels, selection)
        sets = AutomationGame(DEFAULT, levels, investment=cost()).equilibrium_payoffs(inner=False)
        for payoffs, point in zip(sets, result.selected, strict=True):
            assert payoffs.contains(point, tol=1e-9)
            # Labor can always work: at least its wage (theta = 0, b < w).
            assert point[0] >= DEFAULT.w - 1e-9
        # Each selected point is generated by a first-period profile and continuations
        # in the sets (the ends of its edge when it is not a vertex).
        assert np.all(result.residual <= 1e-6)
        assert all(result.first_actions)
        assert result.selection == selection


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        ({"selection": "best"}, "selection"),
        ({"levels": (0.3, 0.2)}, "levels"),
        ({"cost": 0.4}, "cost"),
    ],
)
def test_bad_input_names_the_parameter(arguments, name):
    options = {"cost": cost(), "levels": (0.2, 0.3), **arguments}
    with pytest.raises(ValueError, match=name):
        dynamic_automation(DEFAULT, **options)
