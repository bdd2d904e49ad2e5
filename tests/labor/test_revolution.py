from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from bargaining.labor import labor_share, revolution, scenarios

F = Fraction


@pytest.mark.parametrize(
    ("theta", "size", "beta", "q", "tax", "critical", "democracy"),
    [
        # the Acemoglu-Robinson (2006, chs. 5-6) setup, C(tau) = tau^2/2, all values computed from
        # closed forms derived here.
        (0.6, 0.2, 0.9, 0.3, 0.5, 0.563, 0.5),
        (0.6, 0.2, 0.9, 1.0, 0.5, 0.5, 0.5),
        (0.6, 0.2, 0.9, 0.0, 0.5, 0.59, 0.5),
        (0.8, 0.1, 0.95, 0.2, 0.777778, 0.734667, 0.527778),
        (0.5, 0.1, 0.9, 0.5, 0.444444, 0.451111, 0.411111),
    ],
)
def test_reference_table(theta, size, beta, q, tax, critical, democracy):
    assert revolution.citizens_tax(theta, size) == pytest.approx(tax, abs=5e-7)
    assert revolution.critical_cost(theta, size, beta, q) == pytest.approx(critical, abs=5e-7)
    assert revolution.democracy_cost(theta, size) == pytest.approx(democracy, abs=5e-7)


def test_threshold_derived_again_from_the_value_functions():
    # the Acemoglu-Robinson (2006, chs. 5-6) setup: mu* equates V^p(N, mu_L) and V^p(R, mu_L) (in
    # units of y-bar).
    theta, size, beta, q, mu = sp.symbols("theta delta beta q mu", positive=True)
    tax = (theta - size) / (1 - size)
    gain = tax * (theta - size) / (1 - size) - tax**2 / 2
    status_quo = ((1 - theta) / (1 - size) + (1 - beta * (1 - q)) * gain) / (1 - beta)
    revolt = (1 - mu) / ((1 - size) * (1 - beta))
    (threshold,) = sp.solve(sp.Eq(status_quo, revolt), mu)
    assert sp.simplify(threshold - revolution.critical_cost(theta, size, beta, q)) == 0


def test_exact_and_regimes():
    args = (F(3, 5), F(1, 5), F(9, 10), F(3, 10))
    assert revolution.critical_cost(*args) == F(563, 1000)
    # the Acemoglu-Robinson (2006, chs. 5-6) setup, reading of the first row.
    assert revolution.regime(F(3, 5), *args) == "no-threat"
    assert revolution.regime(F(58, 100), *args) == "redistribute"
    assert revolution.regime(F(53, 100), *args) == "democratize"
    assert revolution.regime(F(45, 100), *args) == "repress"


def test_a_more_persistent_threat_lowers_mu_star():
    # the Acemoglu-Robinson (2006, chs. 5-6) setup: raising q moves mu* down.
    values = [revolution.critical_cost(0.6, 0.2, 0.9, q) for q in np.linspace(0, 1, 6)]
    assert np.all(np.diff(values) < 0)


def test_two_channels_move_in_opposite_directions():
    grid = np.linspace(0, 0.9, 10)
    channels = revolution.two_channels(
        scenarios.DEFAULT, grid, base_share=0.3, base_cost=0.6, seizure=0.5
    )
    assert np.all(np.diff(channels.strike) < 0)
    assert np.all(np.diff(channels.revolt) > 0)
    # The revolt channel by hand: theta(a) = 0.3 + 0.7 (1 - s_L(a)), mu(a) = 0.6 (1 - a/2).
    by_hand = 0.3 + 0.7 * (1 - labor_share(grid, 0.5)) - 0.6 * (1 - 0.5 * grid)
    assert channels.revolt == pytest.approx(by_hand, rel=1e-12)


def test_defended_machines_raise_the_cost_of_revolt():
    assert revolution.revolt_cost_at(F(1, 2), F(1, 2), defense=F(1, 4)) == F(5, 8)
    a = sp.Symbol("a")
    assert sp.expand(revolution.revolt_cost_at(a, F(1, 2), seizure=1) - (1 - a) / 2) == 0


def test_bad_input():
    with pytest.raises(ValueError, match="elite_size"):
        revolution.critical_cost(0.6, 0.6, 0.9, 0.3)
    with pytest.raises(ValueError, match="elite_share"):
        revolution.critical_cost(0.1, 0.2, 0.9, 0.3)
    with pytest.raises(ValueError, match=r"delta must lie in \(0, 1\), got 1"):
        revolution.critical_cost(0.6, 0.2, 1, 0.3)
    with pytest.raises(ValueError, match="threat_probability"):
        revolution.critical_cost(0.6, 0.2, 0.9, 1.5)
    with pytest.raises(ValueError, match="cost of revolt must stay at most 1"):
        revolution.revolt_cost_at(0.5, 0.8, defense=0.5)
