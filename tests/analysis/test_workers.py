"""The model with n workers: union against individual workers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bargaining.analysis import workers
from bargaining.labor import Scenario, strike_output
from bargaining.labor.participation import participation_equilibria, success_probability

DEFAULT = Scenario()
SCENARIOS = [
    DEFAULT,
    DEFAULT.replace(sigma=1.0),
    DEFAULT.replace(sigma=0.25, rho=0.1),
    DEFAULT.replace(sigma=2.0, tau=0.05),
    DEFAULT.replace(b=0.35),
]


def test_a_full_strike_costs_capital_its_profit_less_strike_output():
    a = np.linspace(0, 1, 11)
    full = workers.strike_damage(1.0, a, DEFAULT)
    np.testing.assert_allclose(full, 1 - DEFAULT.w - strike_output(a, DEFAULT.sigma, DEFAULT.rho))
    assert workers.strike_damage(0.0, 0.3, DEFAULT) == pytest.approx(0.0, abs=1e-15)


def test_cost_share_is_a_period_of_lost_pay_against_the_transfer():
    assert workers.join_cost_share(DEFAULT) == pytest.approx(0.1 * 0.4 / (0.9 * 0.1))


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("n", [1, 4, 10])
def test_needed_strikers_is_the_fewest_that_make_capital_concede(scenario, n):
    for a in np.linspace(0, 1, 21):
        k = workers.needed_strikers(float(a), n, scenario)
        damages = [workers.strike_damage(j / n, float(a), scenario) for j in range(1, n + 1)]
        enough = [j for j, d in enumerate(damages, 1) if d >= scenario.tau]
        assert k == (enough[0] if enough else None)


def test_single_union_threshold_is_where_strike_output_reaches_profit_less_transfer():
    # sigma = 1/2: y_s = 1 / (a + (1 - a)/rho) = 1 - w - tau = 0.3 at a = 5/12.
    assert workers.union_threshold(DEFAULT, 1) == pytest.approx(5 / 12, abs=1e-12)


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("n", [2, 5, 10])
def test_union_threshold_separates_credible_from_not(scenario, n):
    threshold = workers.union_threshold(scenario, n)
    if threshold > 0:
        assert workers.needed_strikers(threshold - 1e-6, n, scenario) is not None
    if threshold < 1:
        assert workers.needed_strikers(min(threshold + 1e-6, 1.0), n, scenario) is None


def _success(a, n, scenario):
    k = workers.needed_strikers(a, n, scenario)
    if k is None:
        return 0.0
    mixed = [
        p
        for p in participation_equilibria(n, k, workers.join_cost_share(scenario), 1.0)
        if 0 < p < 1
    ]
    return float(success_probability(n, k, max(mixed))) if mixed else 0.0


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("n", [3, 10])
def test_individual_threshold_is_where_success_first_falls_below_confidence(scenario, n):
    threshold = workers.individual_threshold(scenario, n, confidence=0.5)
    assert 0 <= threshold <= workers.union_threshold(scenario, n) + 1e-12
    below = np.linspace(0, threshold, 30)[:-1] if threshold > 0 else []
    assert all(_success(float(a), n, scenario) >= 0.5 for a in below)
    if threshold < 1:
        assert _success(min(threshold + 1e-6, 1.0), n, scenario) < 0.5


def test_one_worker_is_a_union():
    for scenario in SCENARIOS:
        assert workers.individual_threshold(scenario, 1) == workers.union_threshold(scenario, 1)


@pytest.mark.parametrize("n", [5, 10, 20])
def test_a_strike_fund_moves_individual_workers_not_the_union(n):
    funds = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]
    individual = [workers.individual_threshold(DEFAULT.replace(b=b), n) for b in funds]
    union = [workers.union_threshold(DEFAULT.replace(b=b), n) for b in funds]
    assert individual == sorted(individual)
    assert individual[-1] > individual[0]
    assert max(union) == min(union)


def test_without_a_fund_individual_workers_give_up_before_the_union():
    union = workers.union_threshold(DEFAULT, 10)
    alone = workers.individual_threshold(DEFAULT, 10)
    assert alone < union
    assert workers.needed_strikers(alone + 1e-6, 10, DEFAULT) == 2


def test_compare_lines_up_with_the_thresholds():
    result = workers.compare(DEFAULT, 10, strike_pay=(None, 0.4), points=101)
    assert result.a.shape == result.union.shape == (101,)
    assert set(result.individual) == {0.2, 0.4}
    np.testing.assert_array_equal(result.union, (result.a <= result.union_threshold).astype(float))
    for b, chance in result.individual.items():
        credible = result.a[chance >= result.confidence]
        assert credible.max() <= result.individual_thresholds[b] + 1e-12
    assert result.individual_thresholds[0.4] > result.individual_thresholds[0.2]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: workers.union_threshold(DEFAULT.replace(theta=0.1)), "theta must be 0"),
        (lambda: workers.union_threshold(DEFAULT.replace(tau=0)), "tau must be positive"),
        (lambda: workers.individual_threshold(DEFAULT, 0), r"n must be an integer in \[1, 200\]"),
        (lambda: workers.individual_threshold(DEFAULT, 3, confidence=0), "confidence must lie"),
        (lambda: workers.strike_damage(1.5, 0.2, DEFAULT), r"share must lie in \[0, 1\]"),
        (lambda: workers.strike_damage(0.5, -0.1, DEFAULT), r"a must lie in \[0, 1\]"),
        (lambda: workers.individual_success(4, 3, DEFAULT), r"k must be an integer in \[1, 3\]"),
        (lambda: workers.compare(DEFAULT, 3, points=1), "points must be"),
    ],
)
def test_bad_input_is_refused_by_name(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_leontief_tasks_keep_one_striker_enough_until_the_last_task():
    liebig = DEFAULT.replace(sigma=0)
    assert workers.union_threshold(liebig, 10) == pytest.approx(1.0, abs=1e-9)
    assert math.isclose(workers.join_cost_share(liebig), 4 / 9)
