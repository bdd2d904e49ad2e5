import math
from fractions import Fraction

import pytest
import sympy as sp

from bargaining.labor import formulas as f
from bargaining.labor import holdouts, scenarios
from bargaining.labor.scenarios import Scenario

F = Fraction


def _plain(w0, delta=0.5):
    # No strike payoffs: b = 0 and rho = 0, so a strike at a = 0 pays (0, 0).
    return Scenario(w=w0, tau=0, b=0, delta=delta, sigma=1, rho=0)


@pytest.mark.parametrize(
    ("du", "df", "w0", "union", "firm", "always", "bound"),
    [
        # the Fernandez-Glazer (1991) setup, derived from the standard setup, not FG's text.
        (0.9, 0.9, 0.5, 0.763158, 0.736842, 0.526316, 2.898),
        (0.95, 0.95, 0.3, 0.658974, 0.641026, 0.512821, 8.67),
        (0.99, 0.99, 0.5, 0.751256, 0.748744, 0.502513, 28.79),
        (0.8, 0.9, 0.4, 0.614286, 0.571429, 0.357143, None),
    ],
)
def test_reference_table(du, df, w0, union, firm, always, bound):
    result = holdouts.holdout_equilibria(_plain(w0), 0, delta=(du, df))
    assert result.strike_credible
    assert result.union_proposes == pytest.approx((w0, union), abs=5e-7)
    assert result.firm_proposes == pytest.approx((w0, firm), abs=5e-7)
    assert result.strike_always_wage == pytest.approx(always, abs=5e-7)
    if bound is None:
        assert result.strike_length_bound is None
    else:
        assert result.strike_length_bound == pytest.approx(bound, abs=5e-3)
        assert result.max_strike_periods == math.floor(bound)


def test_zero_contract_collapses_to_rubinstein():
    # the Fernandez-Glazer (1991) setup: with w0 = 0 the best wage is Rubinstein's 1/(1 + delta) =
    # 0.526316.
    values = {f.y: 0, f.b: 0, f.theta: 0, f.w: 0, f.delta: F(9, 10)}
    values.update({f.delta_union: F(9, 10), f.delta_firm: F(9, 10)})
    assert f.evaluate("MAX_WAGE_UNION_PROPOSES", values) == F(10, 19)
    assert f.evaluate("MAX_WAGE_FIRM_PROPOSES", values) == F(9, 19)
    assert float(f.evaluate("STRIKE_LENGTH_BOUND", values)) == pytest.approx(7.09, abs=5e-3)


def test_common_delta_closed_forms():
    # the Fernandez-Glazer (1991) setup: W = (1 + delta w0)/(1 + delta), W' = (w0 + delta)/(1 +
    # delta).
    delta, w0 = sp.symbols("delta w0", positive=True)
    values = {f.y: 0, f.b: 0, f.theta: 0, f.w: w0, f.delta_union: delta, f.delta_firm: delta}
    best = f.evaluate("MAX_WAGE_UNION_PROPOSES", values)
    assert sp.simplify(best - (1 + delta * w0) / (1 + delta)) == 0
    responding = f.evaluate("MAX_WAGE_FIRM_PROPOSES", values)
    assert sp.simplify(responding - (w0 + delta) / (1 + delta)) == 0
    # Credible iff delta * W' >= w0, i.e. w0 <= delta**2.
    margin = f.evaluate("STRIKE_CREDIBILITY_MARGIN", values)
    assert sp.simplify(margin * (1 + delta) - (delta**2 - w0)) == 0


def test_incredible_strike_leaves_only_the_status_quo():
    # the Fernandez-Glazer (1991) setup: delta = 0.8, w0 = 0.7 > 0.64; the W formula (0.866667) is
    # no SPE.
    result = holdouts.holdout_equilibria(_plain(0.7, 0.8), 0)
    assert not result.strike_credible
    assert result.union_proposes == (0.7, 0.7)
    assert result.strike_always_wage == pytest.approx(0.555556, abs=5e-7)


def test_one_period_strike_band():
    # the Fernandez-Glazer (1991) setup worked example: delta 0.9, w0 0.5, one period of strike
    # then x in
    # [0.555556, 0.736842]: union needs delta x >= w0, firm delta (1 - x) >= 1 - W.
    result = holdouts.holdout_equilibria(_plain(F(1, 2), F(9, 10)), 0)
    best = result.union_proposes[1]
    low, high = F(1, 2) / F(9, 10), 1 - (1 - best) / F(9, 10)
    assert (float(low), float(high)) == pytest.approx((0.555556, 0.736842), abs=5e-7)
    assert result.max_strike_periods >= 1


def test_automation_weakens_the_strike_threat():
    scenario = scenarios.DEFAULT.exact()
    level = holdouts.automation_at_strike_breakdown(scenario)
    below = holdouts.holdout_equilibria(scenario, level - F(1, 100))
    above = holdouts.holdout_equilibria(scenario, level + F(1, 100))
    assert below.strike_credible and below.union_proposes[1] > scenario.w
    assert not above.strike_credible and above.union_proposes == (scenario.w, scenario.w)
    # The holdout threat fails exactly where the repeated strike game's stick-and-carrot
    # redistribution breaks down: the two strike-output thresholds agree symbolically
    # when labor owns none of the firm (the holdout model pays no dividends while
    # labor works under the old contract).
    margin = f.FORMULAS["STRIKE_CREDIBILITY_MARGIN"].subs(
        {f.delta_union: f.delta, f.delta_firm: f.delta}
    )
    (root,) = sp.solve(margin, f.y)
    assert sp.simplify((root - f.BREAKDOWN_STRIKE_OUTPUT).subs(f.theta, 0)) == 0


def test_bad_input():
    with pytest.raises(ValueError, match=r"delta \(union\) must lie in \(0, 1\), got 1.2"):
        holdouts.holdout_equilibria(scenarios.DEFAULT, 0, delta=(1.2, 0.9))
    with pytest.raises(ValueError, match=r"delta must lie in \(0, 1\), got 1.2"):
        holdouts.holdout_equilibria(scenarios.DEFAULT, 0, delta=1.2)
    with pytest.raises(ValueError, match="a pair"):
        holdouts.holdout_equilibria(scenarios.DEFAULT, 0, delta=(0.9, 0.9, 0.9))
    with pytest.raises(ValueError, match="single automation level"):
        holdouts.holdout_equilibria(scenarios.DEFAULT, [0, 1])
