"""The global game of regime change: thresholds checked against the equilibrium conditions."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
import pytest
from scipy.stats import norm

from bargaining.labor.global_games import (
    is_unique,
    limit_threshold,
    signal_threshold,
    strike_share,
    threshold_equilibria,
)


def test_limit_threshold_is_one_minus_the_cost_share():
    # REFERENCES section 8: theta* = 1 - c with success paying 1.
    assert limit_threshold(Fraction(1, 4)) == Fraction(3, 4)
    assert limit_threshold(0.3, 2.0) == pytest.approx(0.85)


@pytest.mark.parametrize("precision", [0.5, 4.0, 100.0])
def test_a_flat_prior_gives_the_limit_threshold_at_any_noise(precision):
    assert threshold_equilibria(0.3, prior_precision=0.0, signal_precision=precision) == [
        pytest.approx(0.7, abs=1e-12)
    ]


def test_the_threshold_tends_to_the_limit_as_noise_vanishes():
    distances = [
        abs(threshold_equilibria(0.25, prior_mean=0.3, signal_precision=beta)[0] - 0.75)
        for beta in (1.0, 10.0, 100.0, 1e4, 1e6)
    ]
    assert all(later < earlier for earlier, later in itertools.pairwise(distances))
    assert distances[-1] < 1e-3


@pytest.mark.parametrize(
    ("cost", "mean", "alpha", "beta"),
    [(0.25, 0.5, 1.0, 10.0), (0.4, 0.2, 3.0, 2.0), (0.1, 0.9, 0.5, 50.0), (0.5, 0.5, 10.0, 1.0)],
)
def test_every_threshold_satisfies_both_equilibrium_conditions(cost, mean, alpha, beta):
    thresholds = threshold_equilibria(
        cost, prior_mean=mean, prior_precision=alpha, signal_precision=beta
    )
    assert len(thresholds) == (1 if is_unique(alpha, beta) else 3)
    for theta in thresholds:
        x = signal_threshold(theta, beta)
        # The strike just succeeds at theta*: the share whose signal is below x* is theta*.
        assert norm.cdf(np.sqrt(beta) * (x - theta)) == pytest.approx(theta, abs=1e-9)
        assert strike_share(theta, x, beta) == pytest.approx(theta, abs=1e-9)
        # The worker who sees x* is indifferent: P(theta <= theta* | x*) = c / V.
        posterior_mean = (beta * x + alpha * mean) / (alpha + beta)
        posterior_sd = 1 / np.sqrt(alpha + beta)
        assert norm.cdf(theta, posterior_mean, posterior_sd) == pytest.approx(cost, abs=1e-9)


def test_imprecise_signals_allow_several_equilibria():
    assert not is_unique(10.0, 1.0)
    low, middle, high = threshold_equilibria(
        0.5, prior_mean=0.5, prior_precision=10.0, signal_precision=1.0
    )
    assert low < 0.01 and middle == pytest.approx(0.5) and high > 0.99
    assert is_unique(10.0, 100 / (2 * np.pi))


def test_a_strike_fund_raises_the_resilience_a_strike_overcomes():
    thresholds = [threshold_equilibria(c, prior_mean=0.4)[0] for c in (0.4, 0.3, 0.2, 0.1)]
    assert thresholds == sorted(thresholds)
    assert len(set(thresholds)) == 4


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"cost": 1.0}, "cost must be less than value"),
        ({"cost": 0.0}, "cost must lie in"),
        ({"cost": 0.2, "signal_precision": 0.0}, "signal_precision must lie in"),
        ({"cost": 0.2, "prior_precision": -1.0}, "prior_precision must lie in"),
        ({"cost": 0.2, "prior_mean": float("nan")}, "prior_mean must be finite"),
    ],
)
def test_bad_parameters_are_refused_by_name(arguments, message):
    with pytest.raises(ValueError, match=message):
        threshold_equilibria(**arguments)
