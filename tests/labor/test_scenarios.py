import dataclasses
import math
from fractions import Fraction

import pytest
import sympy as sp

from bargaining.analysis import max_redistribution
from bargaining.labor import Scenario, scenarios

DOCUMENTED_CHANGES = {
    "liebig": {"sigma": 0},
    "substitutes": {"sigma": math.inf},
    "open-models": {"theta": 0.3},
    "patient": {"delta": 0.97},
    "strike-fund": {"b": 0.35},
    "job-loss": {"lockout": True},
}


def test_default_is_the_documented_seed_scenario():
    assert scenarios.DEFAULT.parameters == {
        "w": 0.6,
        "tau": 0.1,
        "b": 0.2,
        "delta": 0.9,
        "sigma": 0.5,
        "rho": 0.2,
        "theta": 0,
    }
    assert scenarios.get("default") is scenarios.DEFAULT


@pytest.mark.parametrize("name", sorted(DOCUMENTED_CHANGES))
def test_each_variant_changes_only_its_documented_parameter(name):
    variant = scenarios.get(name)
    assert variant.name == name
    default = {**scenarios.DEFAULT.parameters, **scenarios.DEFAULT.options}
    changed = {
        key: value
        for key, value in {**variant.parameters, **variant.options}.items()
        if default[key] != value
    }
    assert changed == DOCUMENTED_CHANGES[name]


def test_names_lists_every_variant_once():
    assert set(scenarios.NAMES) == {"default", *DOCUMENTED_CHANGES}
    assert len(scenarios.NAMES) == len(set(scenarios.NAMES))


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown scenario 'utopia'.*liebig"):
        scenarios.get("utopia")


def test_the_defaults_make_the_point():
    # Redistribution is sustained without automation and is not at full automation.
    assert max_redistribution(scenarios.DEFAULT, 0.0, method="closed-form") > 0
    assert max_redistribution(scenarios.DEFAULT, 1.0, method="closed-form") == 0
    assert (
        max_redistribution(scenarios.DEFAULT, 0.0, method="closed-form") >= scenarios.DEFAULT.tau
    )


def test_frozen_and_replace_validates_again():
    with pytest.raises(dataclasses.FrozenInstanceError):
        scenarios.DEFAULT.w = 0.5
    changed = scenarios.DEFAULT.replace(rho=0.3)
    assert changed.rho == 0.3 and scenarios.DEFAULT.rho == 0.2
    with pytest.raises(ValueError, match=r"rho must lie in \[0, 1\), got 1.2"):
        scenarios.DEFAULT.replace(rho=1.2)
    with pytest.raises(ValueError, match="no parameter salary"):
        scenarios.DEFAULT.replace(salary=0.5)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"delta": 1}, r"delta must lie in \(0, 1\), got 1"),
        ({"delta": 0}, "delta.*0"),
        ({"sigma": -0.5}, "sigma.*-0.5"),
        ({"rho": -0.1}, "rho.*-0.1"),
        ({"w": 1.0}, "w.*1.0"),
        ({"theta": 1}, "theta.*1"),
        ({"tau": 0.5}, r"tau must lie in \[0, 0.4"),
        ({"b": math.nan}, "b must be finite"),
    ],
)
def test_out_of_range_values_are_named(changes, message):
    with pytest.raises(ValueError, match=message):
        Scenario(**changes)


@pytest.mark.parametrize("changes", [{"b": 0.6}, {"b": 0.7}, {"b": 0.5, "theta": 0.2}])
def test_a_strike_payoff_at_or_above_the_wage_is_explained(changes):
    with pytest.raises(ValueError, match="rather strike than work"):
        Scenario(**changes)


def test_exact_turns_decimals_into_fractions():
    exact = scenarios.get("substitutes").exact()
    assert exact.w == Fraction(3, 5) and exact.delta == Fraction(9, 10)
    assert exact.sigma == math.inf


def test_symbolic_values_skip_numeric_checks():
    w, b = sp.symbols("w b", positive=True)
    scenario = Scenario(w=w, b=b)
    assert scenario.w is w


def test_competitive_wage_follows_the_task_model_labor_share():
    scenario = scenarios.DEFAULT.exact().replace(sigma=1, b=Fraction(1, 10))
    # Cobb-Douglas (sigma = 1): labor's share is the share of tasks left to labor, 1 - a.
    tied = scenario.with_competitive_wage(Fraction(3, 10))
    assert tied.w == Fraction(7, 10) and tied.tau == scenario.tau
    # The transfer is capped at what capital earns, 1 - w.
    assert scenario.with_competitive_wage(Fraction(1, 20)).tau == Fraction(1, 20)


def test_competitive_wage_refuses_automation_that_leaves_no_wage_to_bargain_over():
    with pytest.raises(ValueError, match=r"b must be below \(1 - theta\)\*w"):
        scenarios.DEFAULT.exact().replace(sigma=1).with_competitive_wage(0.9)


@pytest.mark.parametrize(("sigma", "a"), [(Fraction(1, 2), 0), (1, 0), (0, Fraction(1, 4))])
def test_competitive_wage_of_the_whole_output_says_why_and_what_to_do(sigma, a):
    # By hand: with equal factor supplies labor's task-model share at a = 0 is
    # (1 - a)^(1/sigma) / ((1 - a)^(1/sigma) + a^(1/sigma)) = 1, and with fixed
    # proportions (sigma = 0) it is 1 while labor has more tasks than capital, a < 1/2:
    # capital earns nothing, so there is no strike game to play.
    scenario = scenarios.DEFAULT.exact().replace(sigma=sigma, wage="competitive")
    with pytest.raises(ValueError, match=r"competitive wage at a=.* is 1.*wage='nash'"):
        scenario.wage_at(a)
    if sigma:  # once capital has tasks the wage is below 1: 1 - a with sigma = 1
        assert 0 < scenario.wage_at(Fraction(3, 10)) <= Fraction(9, 10)
