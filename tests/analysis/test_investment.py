"""Capital's chosen automation against the efficient level, closed form and exact."""

import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.analysis._exact_investment import exact_capital_payoff
from bargaining.analysis._selection import select
from bargaining.analysis.investment import (
    Choice,
    capital_payoff_curve,
    efficient_automation,
    strategic_automation,
    surplus_exhausted_automation,
)
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs
from bargaining.labor import StrikeGame, scenarios
from bargaining.labor.investment import cost
from bargaining.plots import capital_payoff, save

F = Fraction
DEFAULT = scenarios.DEFAULT


def hand_choice(w, b, delta, theta, rho, k, g):
    """Quadratic cost, substitutes, stick-and-carrot: capital's choice derived by hand."""
    a, tau, D = sp.symbols("a tau D")
    y = a + (1 - a) * rho  # perfect substitutes
    # Labor owns theta of the firm: its dividends are paid in every cell, and capital's
    # payoffs (its gain and cost from automation too) carry the factor 1 - theta, which
    # does not change its choices, so they are measured without it.
    work = w + theta * (1 - w)  # labor's payoff from work, before a transfer
    strike = b + theta * y
    transfer = (1 - theta) * tau  # what a transfer tau is worth to labor
    # Labor strikes with probability weight 1 - D until its value is back at work's;
    # capital shares only if sharing beats keeping once and facing that strike.
    credible = sp.solve(sp.Eq((1 - D) * strike + D * (work + transfer), work), D)[0]
    deviation = (1 - delta) * (1 - w) + delta * ((1 - credible) * y + credible * (1 - w - tau))
    roots = sp.solve(sp.numer(sp.together((1 - w - tau) - deviation)), tau)
    cap = next(r for r in roots if sp.simplify(r) != 0)
    # A strike lasts at least a period: delta * transfer >= (1 - delta) * (work - strike).
    floor = sp.solve((1 - delta) * strike + delta * (work + transfer) - work, tau)[0]
    own = g * a - k * a**2 / 2
    with_transfer, without = 1 - w - cap + own, 1 - w + own
    candidates = [(0, without)]
    breakdown = [r for r in sp.solve(sp.Eq(cap, floor), a) if 0 <= r <= 1]
    if cap.subs(a, 0) >= floor.subs(a, 0):
        top = breakdown[0] if breakdown else sp.Integer(1)
        inner = [r for r in sp.solve(sp.diff(with_transfer, a), a) if 0 < r < top]
        candidates = [(x, with_transfer) for x in (0, *inner, top)]
        candidates.append((top, without))  # one step past the breakdown point
    else:
        top = 0
    inner = [r for r in sp.solve(sp.diff(without, a), a) if top < r < 1]
    candidates += [(x, without) for x in (top, *inner, 1)]
    values = [(payoff.subs(a, x), -x, x) for x, payoff in candidates]
    return max(values)[2]


@pytest.mark.parametrize(
    ("rho", "theta", "k", "g"),
    [
        (F(1, 5), 0, F(2, 5), F(1, 10)),  # breakdown below the productivity level
        (0, 0, F(2, 5), F(1, 10)),  # automates exactly up to the breakdown point
        (0, 0, 8, F(1, 10)),  # interior: the strike effect pays at the margin
        (0, F(3, 10), F(1, 2), F(1, 20)),  # labor owns machines
        (F(1, 2), 0, F(2, 5), F(1, 10)),  # no leverage at all
    ],
)
def test_hand_solvable_case_matches_its_derivation(rho, theta, k, g):
    scenario = DEFAULT.replace(sigma=math.inf, rho=rho, theta=theta).exact()
    choice = strategic_automation(scenario, cost(k=k, gain=g), "closed-form")
    expected = hand_choice(F(3, 5), F(1, 5), F(9, 10), theta, rho, k, g)
    assert sp.nsimplify(choice.chosen) == sp.nsimplify(expected)
    assert choice.efficient == min(F(g) / F(k), 1)


def test_capital_automates_to_the_breakdown_point_and_stops():
    choice = strategic_automation(DEFAULT.exact(), cost(k=F(2, 5), gain=F(1, 10)), "closed-form")
    assert choice.chosen == choice.breakdown.value > choice.efficient
    assert choice.at_breakdown and choice.gap > 0


def test_efficient_level_is_the_productivity_level():
    grid = np.linspace(0, 1, 100_001)
    assert efficient_automation(cost(k=F(1, 3), gain=F(1, 5))) == F(3, 5)
    assert efficient_automation(cost(k=0.05, gain=0.2)) == 1
    calibrated = cost("calibrated", level=0.4, gain=0.3)
    assert efficient_automation(calibrated) == pytest.approx(0.4, abs=1e-7)
    net = 0.3 * grid[:-1] - calibrated(grid[:-1])
    assert efficient_automation(calibrated) == pytest.approx(grid[np.argmax(net)], abs=1e-4)


def test_surplus_exhausted_level():
    # k a^2 / 2 = 1 + g a with k = 4, g = 0: a = 1/sqrt(2).
    assert surplus_exhausted_automation(cost(k=4, gain=0)) == pytest.approx(2**-0.5)
    assert surplus_exhausted_automation(cost(k=0.4)) is None


scenario_values = st.fixed_dictionaries(
    {
        "w": st.sampled_from([0.5, 0.6, 0.75]),
        "b": st.sampled_from([0.0, 0.1, 0.2]),
        "delta": st.sampled_from([0.5, 0.8, 0.9, 0.97]),
        "sigma": st.sampled_from([0, 0.5, 1, 2, math.inf]),
        "rho": st.sampled_from([0.0, 0.2, 0.5]),
        "theta": st.sampled_from([0, 0.1, 0.25]),
    }
).filter(lambda v: v["b"] + v["theta"] < v["w"])


@given(values=scenario_values, k=st.floats(3.1, 60), g=st.floats(0, 0.5))
@settings(max_examples=40, deadline=None)
def test_never_automates_beyond_where_cost_exceeds_the_whole_surplus(values, k, g):
    scenario = DEFAULT.replace(tau=0.05, **values)
    price = cost(k=k, gain=g)
    ceiling = surplus_exhausted_automation(price)
    for selection in ("labor-best", "capital-best"):
        assert strategic_automation(scenario, price, "closed-form", selection).chosen <= ceiling


@given(values=scenario_values, k=st.floats(0.05, 5), g=st.floats(0, 0.5))
@settings(max_examples=40, deadline=None)
def test_without_strike_leverage_the_chosen_level_is_efficient(values, k, g):
    # Replacements productive enough that strike output matches capital's profit 1 - w
    # let capital shrug off any strike (labor's dividends scale both alike).
    floor = 1 - values["w"]
    scenario = DEFAULT.replace(**{**values, "rho": max(values["rho"], floor)})
    price = cost(k=k, gain=g)
    # A float maximiser finds the top of a parabola of curvature k only to about
    # sqrt(2 eps / k), 1e-7 at k = 0.05, on each of the two sides compared.
    for selection in ("labor-best", "capital-best"):
        choice = strategic_automation(scenario, price, "closed-form", selection)
        assert choice.chosen == pytest.approx(choice.efficient, abs=1e-6)


def test_without_strike_leverage_the_exact_choice_is_efficient_too():
    scenario = DEFAULT.replace(rho=0.5, b=0.0)
    price = cost("calibrated", level=0.3)
    for selection in ("capital-best", "labor-best", "nash"):
        choice = strategic_automation(scenario, price, "exact", selection)
        assert choice.chosen == pytest.approx(0.3, abs=1e-5)


@pytest.mark.parametrize("selection", ["labor-best", "nash"])
def test_exact_choice_beats_every_level_of_a_grid(selection):
    price = cost()
    choice = strategic_automation(DEFAULT, price, "exact", selection, xtol=1e-7)
    grid = np.linspace(0, 1, 81)
    assert exact_capital_payoff(DEFAULT, grid, price, selection).max() <= choice.payoff + 1e-9
    assert choice.chosen > choice.efficient


def test_exact_choices_solved_together_equal_those_solved_alone():
    group = [scenarios.get("strike-fund"), scenarios.get("patient")]
    together = strategic_automation(group, cost(), "exact", "nash", xtol=1e-4)
    alone = strategic_automation(group[1], cost(), "exact", "nash", xtol=1e-4)
    assert isinstance(alone, Choice) and together[1].chosen == pytest.approx(alone.chosen)


def test_exact_choice_never_exceeds_the_surplus_ceiling_even_with_paid_strikes():
    price = cost(k=3, gain=0.2)
    ceiling = surplus_exhausted_automation(price)
    scenario = scenarios.get("open-models")
    for paid in (False, True):
        choice = strategic_automation(scenario, price, "exact", "capital-best", paid_strikes=paid)
        assert choice.chosen <= ceiling


def test_paid_strikes_are_cut_unless_asked_for():
    # Open models at full automation: a strike pays labor b + theta = 1/2 and capital
    # 7/10, more than work's 1 together, so capital can pay labor to strike. Work pays
    # labor its wage and its dividends, w + theta (1 - w), and capital the rest.
    scenario = scenarios.get("open-models")
    payoffs = equilibrium_payoffs(StrikeGame(scenario, 1.0), scenario.delta)
    stage = (0.6 + 0.3 * 0.4, 0.7 * 0.4)
    assert select(payoffs, "capital-best", stage)[1] == pytest.approx(stage[1])
    assert select(payoffs, "capital-best", stage, paid_strikes=True)[1] > stage[1] + 0.05
    before = equilibrium_payoffs(StrikeGame(scenario, 0.5), scenario.delta)
    assert select(before, "capital-best", stage) == pytest.approx(stage)


@pytest.mark.parametrize("a", [0.0, 0.3, 0.5])
def test_nash_point_agrees_with_the_bargaining_solutions(a):
    solutions = pytest.importorskip("bargaining.solutions")
    payoffs = equilibrium_payoffs(StrikeGame(DEFAULT, a), DEFAULT.delta)
    point = select(payoffs, "nash", (0.6, 0.4))
    # The worst payoffs lie below-left of V; adding them to it leaves its frontier alone.
    worst = tuple(payoffs.vertices.min(axis=0))
    frontier = solutions.Frontier.from_points([*map(tuple, payoffs.vertices), worst])
    expected = solutions.nash_bargaining(frontier, worst).payoffs
    assert point == pytest.approx(tuple(map(float, expected)), abs=1e-9)


def test_nash_with_the_stage_disagreement_is_the_stage_equilibrium():
    payoffs = equilibrium_payoffs(StrikeGame(DEFAULT, 0.2), DEFAULT.delta)
    assert select(payoffs, "nash-stage", (0.6, 0.4)) == pytest.approx((0.6, 0.4))


@pytest.mark.parametrize(
    ("arguments", "name"),
    [
        (("closed-form", "nash"), "selection"),
        (("exact", "greedy"), "selection"),
        (("analytic", "nash"), "method"),
    ],
)
def test_bad_method_or_selection_is_named(arguments, name):
    with pytest.raises(ValueError, match=name):
        strategic_automation(DEFAULT, cost(), *arguments)


def test_plot_draws_the_real_results(tmp_path):
    price = cost()
    choice = strategic_automation(DEFAULT, price, "closed-form")
    grid, payoff = capital_payoff_curve(DEFAULT, price, "closed-form", levels=51)
    figure = capital_payoff(choice, grid, payoff, title="default")
    curve, *markers = figure.axes[0].get_lines()
    assert np.array_equal(curve.get_xdata(), grid)
    assert np.array_equal(curve.get_ydata(), payoff)
    vertical = sorted(line.get_xdata()[0] for line in markers[:2])
    assert vertical == pytest.approx(sorted([float(choice.breakdown.value), 0.25]))
    assert markers[2].get_xdata()[0] == pytest.approx(float(choice.chosen))
    first, second = tmp_path / "one.svg", tmp_path / "two.svg"
    save(capital_payoff(choice, grid, payoff), first)
    save(capital_payoff(choice, grid, payoff), second)
    assert first.read_bytes() == second.read_bytes()
    with pytest.raises(ValueError, match="levels"):
        capital_payoff_curve(DEFAULT, price, levels=1)


def test_exact_choice_by_hand_default_scenario():
    price = cost(k=F(2, 5), gain=F(1, 10))
    # Labor's best equilibrium: capital jumps to its stage value 1 - w just past the
    # exact breakdown point a* = 65/124, so it automates to a* and earns
    # 1 - w + gain a* - k a*^2 / 2 there.
    choice = strategic_automation(DEFAULT, price)
    a_star = 65 / 124
    assert choice.chosen == pytest.approx(a_star, abs=2e-6)
    assert choice.payoff == pytest.approx(0.4 + 0.1 * a_star - 0.2 * a_star**2, abs=1e-6)
    # Capital's best and the renegotiation-proof selections sustain no transfer: the
    # productivity level gain/k = 1/4, worth 1 - w + gain^2/(2k) = 0.4125.
    for selection in ("capital-best", "renegotiation-proof"):
        choice = strategic_automation(DEFAULT, price, selection=selection)
        assert choice.chosen == pytest.approx(0.25, abs=2e-6)
        assert choice.payoff == pytest.approx(0.4125, abs=1e-9)


def test_with_the_lockout_capital_automates_everything_and_dismisses_labor():
    # By hand: past y_s(a) = 1 - w capital locks labor out and earns y_s(a), which is 1
    # at a = 1, so U(1) = 1 + gain - k/2 = 0.9 under every selection, above the most it
    # earns with labor at work, 1 - w + gain^2/(2k) = 0.4125.
    job_loss = scenarios.get("job-loss")
    for selection in ("labor-best", "capital-best", "nash-stage", "renegotiation-proof"):
        choice = strategic_automation(job_loss, cost(), selection=selection)
        assert choice.chosen == 1.0
        assert choice.payoff == pytest.approx(0.9, abs=1e-9)


def test_closed_form_refuses_the_model_with_job_loss():
    with pytest.raises(ValueError, match=r"lockout=True.*use method='exact'"):
        strategic_automation(scenarios.get("job-loss"), cost(), "closed-form")
