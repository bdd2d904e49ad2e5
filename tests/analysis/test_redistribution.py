import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.analysis import Threshold, breakdown_automation, max_redistribution
from bargaining.core.repeated import Automaton, RepeatedGame, deviation_gains
from bargaining.labor import StrikeGame, formulas, scenarios, strike_output

F = Fraction
EXACT = scenarios.DEFAULT.exact()
WORK_SHARE, STRIKE_KEEP = ("Work", "Share"), ("Strike", "Keep")

w, b, tau, delta, theta, y, D = sp.symbols("w b tau delta theta y D", positive=True)


# The cells as DESIGN.md states them: labor owns theta of the firm, which pays tau.
def labor_work(transfer):
    return w + transfer + theta * (1 - w - transfer)


def labor_strike(transfer):
    return b + transfer + theta * (y - transfer)


def capital_work(transfer):
    return (1 - theta) * (1 - w - transfer)


capital_strike = (1 - theta) * y


def as_formulas(expression):
    names = {
        "w": formulas.w,
        "b": formulas.b,
        "tau": formulas.tau,
        "delta": formulas.delta,
        "theta": formulas.theta,
        "y": formulas.y,
    }
    return expression.subs({s: names[s.name] for s in expression.free_symbols})


def test_capital_bound_rederived_from_the_incentive_constraints():
    # Labor's value from the start of a strike, (1 - D) strike + D work(tau), is held at
    # its payoff from working without a transfer.
    held = sp.Eq((1 - D) * labor_strike(0) + D * labor_work(tau), labor_work(0))
    credible_discount = sp.solve(held, D)[0]
    punishment = (1 - D) * capital_strike + D * capital_work(tau)
    capital = capital_work(tau) - (1 - delta) * capital_work(0) - delta * punishment
    roots = sp.solve(sp.numer(sp.together(capital.subs(D, credible_discount))), tau)
    bound = [r for r in roots if not sp.simplify(r) == 0]
    assert len(bound) == 1
    assert sp.simplify(as_formulas(bound[0]) - formulas.MAX_TRANSFER_CAPITAL) == 0


def test_credibility_floor_rederived():
    one_period_strike = (1 - delta) * labor_strike(0) + delta * labor_work(tau) - labor_work(0)
    floor = sp.solve(one_period_strike, tau)[0]
    assert sp.simplify(as_formulas(floor) - formulas.MIN_CREDIBLE_TRANSFER) == 0


def test_breakdown_output_rederived():
    cost = (labor_work(0) - labor_strike(0)) / (1 - theta)
    bound = delta * (1 - w - y) - (1 - delta) * cost
    floor = (1 - delta) * cost / delta
    root = sp.solve(bound - floor, y)[0]
    assert sp.simplify(as_formulas(root) - formulas.BREAKDOWN_STRIKE_OUTPUT) == 0


def test_grim_rederived_sustains_nothing():
    transfer = sp.Symbol("t", real=True)
    capital = (1 - w - transfer) - ((1 - delta) * (1 - w) + delta * (1 - w))
    assert sp.solve(sp.Eq(capital, 0), transfer) == [formulas.MAX_TRANSFER_GRIM]
    assert sp.simplify(capital + transfer) == 0  # capital loses exactly the transfer


def test_generic_core_agrees_at_the_largest_transfer():
    # Sustaining the largest transfer makes capital's constraint bind: delta* = delta.
    for a in (F(0), F(1, 5), F(2, 5)):
        largest = max_redistribution(EXACT, a, method="closed-form")
        game = StrikeGame(EXACT.replace(tau=largest), a)
        threshold = RepeatedGame(game).critical_delta(
            WORK_SHARE, "stick-and-carrot", stick=STRIKE_KEEP
        )
        assert threshold == EXACT.delta


def test_grim_in_the_generic_core_sustains_nothing():
    game = StrikeGame(EXACT, F(1, 5))
    assert RepeatedGame(game).critical_delta(WORK_SHARE, "nash") is None
    assert max_redistribution(EXACT, F(1, 5), strategy="grim", method="closed-form") == 0
    assert (
        breakdown_automation(EXACT, strategy="grim", method="closed-form").kind
        == "never-sustainable"
    )


def stick_automaton(scenario, a, transfer, discount=None):
    """Stick-and-carrot in the strike game, with labor's strike value held at w."""
    y_s = strike_output(a, scenario.sigma, scenario.rho)
    strike_payoff = scenario.b + scenario.theta * y_s
    if discount is None:
        discount = (scenario.w - strike_payoff) / (scenario.w + transfer - strike_payoff)
    release = discount * (1 - scenario.delta) / (scenario.delta * (1 - discount))
    return Automaton.stick_and_carrot((0, 0), (1, 1), periods=1, release=min(release, 1))


def largest_gain(scenario, a, transfer, automaton):
    return max(
        deviation_gains(
            StrikeGame(scenario.replace(tau=transfer), a), automaton, scenario.delta
        ).values()
    )


def test_simulation_no_deviation_pays_inside_the_region():
    for a in (F(0), F(1, 4), F(2, 5), F(215, 496)):
        transfer = max_redistribution(EXACT, a, method="closed-form")
        assert transfer > 0
        assert largest_gain(EXACT, a, transfer, stick_automaton(EXACT, a, transfer)) <= 0
        # A bit more than the largest transfer: capital now gains by keeping it.
        more = transfer + F(1, 1000)
        assert largest_gain(EXACT, a, more, stick_automaton(EXACT, a, more)) > 0


def test_simulation_some_deviation_pays_just_beyond_the_threshold():
    a = F(215, 496) + F(1, 200)
    assert max_redistribution(EXACT, a, method="closed-form") == 0
    for transfer in (F(1, 100), F(1, 25), F(3, 50), F(1, 10), F(2, 5)):
        for discount in (F(1, 10), F(1, 2), F(4, 5), F(9, 10), None):
            automaton = stick_automaton(EXACT, a, transfer, discount)
            assert largest_gain(EXACT, a, transfer, automaton) > 0


def test_default_breakdown_worked_by_hand():
    # y* = 1 - w - (1 - delta^2)(w - b)/delta^2 = 2/5 - (19/81)(2/5) = 124/405, and with
    # sigma = 1/2, rho = 1/5: y_s = 1/(5 - 4a), so a* = (5 - 405/124)/4 = 215/496.
    threshold = breakdown_automation(EXACT, method="closed-form")
    assert (threshold.value, threshold.kind) == (F(215, 496), "breaks-down")
    assert float(breakdown_automation(scenarios.DEFAULT, method="closed-form")) == pytest.approx(
        215 / 496
    )
    assert strike_output(threshold.value, EXACT.sigma, EXACT.rho) == F(124, 405)


def test_largest_transfer_drops_from_the_floor_to_zero_at_breakdown():
    a_star = F(215, 496)
    floor = (1 - EXACT.delta) * (EXACT.w - EXACT.b) / EXACT.delta
    assert max_redistribution(EXACT, a_star, method="closed-form") == floor == F(2, 45)
    assert max_redistribution(EXACT, a_star + F(1, 10**6), method="closed-form") == 0


@pytest.mark.parametrize(
    ("name", "expected"),
    # substitutes: a* = (y* - rho)/(1 - rho) = (124/405 - 81/405) * 5/4 = 43/324.
    [("liebig", F(1)), ("substitutes", F(43, 324))],
)
def test_variant_breakdowns_worked_by_hand(name, expected):
    assert (
        breakdown_automation(scenarios.get(name).exact(), method="closed-form").value == expected
    )


def test_every_mechanism_moves_the_breakdown_the_documented_way():
    base = float(breakdown_automation(scenarios.DEFAULT, method="closed-form"))
    later = {
        n: float(breakdown_automation(scenarios.get(n), method="closed-form"))
        for n in ("liebig", "patient", "strike-fund")
    }
    assert all(value > base for value in later.values())
    # Owning part of the firm pays labor dividends in every period, so a strike costs it
    # its share of the lost profit too: the strike threat fades sooner.
    assert float(breakdown_automation(scenarios.get("open-models"), method="closed-form")) < base
    assert float(breakdown_automation(scenarios.get("substitutes"), method="closed-form")) < base


def test_cobb_douglas_breakdown_is_exact_logarithm():
    threshold = breakdown_automation(EXACT.replace(sigma=1), method="closed-form")
    assert threshold.value == 1 - sp.log(sp.Rational(124, 405)) / sp.log(sp.Rational(1, 5))
    assert float(threshold) == pytest.approx(
        float(breakdown_automation(scenarios.DEFAULT.replace(sigma=1.0), method="closed-form"))
    )


def test_never_sustainable_has_no_float():
    impatient = breakdown_automation(scenarios.DEFAULT.replace(delta=0.3), method="closed-form")
    assert impatient.kind == "never-sustainable" and impatient.value is None
    with pytest.raises(ValueError, match=r"no breakdown automation level.*never-sustainable"):
        float(impatient)
    assert np.all(
        max_redistribution(
            scenarios.DEFAULT.replace(delta=0.3), np.linspace(0, 1, 11), method="closed-form"
        )
        == 0
    )


def test_threshold_rejects_inconsistent_values():
    with pytest.raises(ValueError, match="kind must be one of"):
        Threshold(0.5, "collapses", "grim")
    with pytest.raises(ValueError, match="cannot have value"):
        Threshold(None, "breaks-down", "grim")


valid_scenarios = st.builds(
    lambda w, b_share, theta_share, delta, sigma, rho: scenarios.Scenario(
        w=w,
        tau=0,
        b=b_share * w,
        theta=theta_share * (w - b_share * w),
        delta=delta,
        sigma=sigma,
        rho=rho,
    ),
    w=st.floats(0.05, 0.95),
    b_share=st.floats(0, 0.95),
    theta_share=st.floats(0, 0.95),
    delta=st.floats(0.05, 0.99),
    sigma=st.sampled_from([0, 0.3, 0.5, 1, 2, math.inf]),
    rho=st.floats(0, 0.95),
)


@settings(max_examples=80, deadline=None)
@given(valid_scenarios)
def test_redistribution_falls_with_automation_and_ends_by_full_automation(scenario):
    grid = np.linspace(0, 1, 41)
    transfers = max_redistribution(scenario, grid, method="closed-form")
    assert transfers[-1] == 0
    if scenario.theta <= scenario.delta**2:
        assert np.all(np.diff(transfers) <= 1e-12)
    threshold = breakdown_automation(scenario, method="closed-form")
    assert threshold.kind in ("breaks-down", "never-sustainable")
    if threshold.kind == "never-sustainable":
        assert np.all(transfers == 0)
    elif scenario.theta < scenario.delta**2:
        inside, outside = grid < threshold.value - 1e-9, grid > threshold.value + 1e-9
        assert np.all(transfers[inside] > 0) and np.all(transfers[outside] == 0)


def test_vectorised_exact_and_float_agree():
    grid = [F(k, 10) for k in range(11)]
    exact = [max_redistribution(EXACT, a, method="closed-form") for a in grid]
    floats = max_redistribution(
        scenarios.DEFAULT, np.array([float(a) for a in grid]), method="closed-form"
    )
    np.testing.assert_allclose(floats, [float(x) for x in exact], atol=1e-12)
    objects = max_redistribution(EXACT, np.array(grid, dtype=object), method="closed-form")
    assert list(objects) == exact


def test_symbolic_automation_gives_the_closed_form():
    a = sp.Symbol("a")
    expression = max_redistribution(EXACT, a, method="closed-form")
    for point in (F(1, 10), F(3, 10), F(1, 2)):
        assert expression.subs(a, sp.Rational(point)) == max_redistribution(
            EXACT, point, method="closed-form"
        )


def test_symbolic_scenario_threshold_matches_numbers():
    wage = sp.Symbol("w", positive=True)
    symbolic = breakdown_automation(EXACT.replace(w=wage), method="closed-form")
    assert symbolic.kind == "breaks-down"
    assert symbolic.value.subs(wage, sp.Rational(3, 5)) == sp.Rational(215, 496)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: max_redistribution(EXACT, 0, method="simulated"),
            "method must be one of 'exact', 'closed-form'.*got 'simulated'",
        ),
        (
            lambda: max_redistribution(EXACT, 0, transfers=[0.1], method="closed-form"),
            "transfers=... applies to method='exact' only",
        ),
        (
            lambda: breakdown_automation(EXACT, strategy="tit-for-tat", method="closed-form"),
            "strategy must be one of.*got 'tit-for-tat'",
        ),
        (
            lambda: max_redistribution(EXACT, 0.3, method="exact", strategy="grim"),
            "strategy='grim' applies to method='closed-form' only",
        ),
        (
            lambda: breakdown_automation(EXACT, method="exact", strategy="stick-and-carrot"),
            "strategy='stick-and-carrot' applies to method='closed-form' only",
        ),
        (
            lambda: max_redistribution(EXACT, 1.2, method="closed-form"),
            r"a must lie in \[0, 1\], got 1.2",
        ),
        (
            lambda: max_redistribution(EXACT, np.array([0.5, -0.5]), method="closed-form"),
            "a must lie in.*-0.5",
        ),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
