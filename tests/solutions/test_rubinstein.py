import math
import time
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.solutions import (
    Frontier,
    alternating_offers,
    nash_bargaining,
    rubinstein,
    rubinstein_limit,
)
from bargaining.solutions.alternating_offers import MAX_HORIZON

F = Fraction
deltas = st.fractions(F(1, 20), F(19, 20))


@pytest.mark.parametrize(
    ("delta1", "delta2", "proposing", "responding"),
    [
        # Rubinstein (1982) closed form, evaluated (the formula as in MIT OCW 14.15, recitation
        # 11).
        (0.9, 0.9, 0.526316, 0.473684),
        (0.9, 0.8, 0.714286, 0.642857),
        (0.8, 0.9, 0.357143, None),
        (0.95, 0.5, 0.952381, None),
    ],
)
def test_reference_shares(delta1, delta2, proposing, responding):
    outcome = rubinstein(delta1, delta2)
    assert outcome.payoffs[0] == pytest.approx(proposing, abs=5e-7)
    if responding is not None:
        assert outcome.responder_payoffs[0] == pytest.approx(responding, abs=5e-7)


def test_exact_shares_and_common_delta_closed_form():
    # Rubinstein (1982): x1* = (1 - d2)/(1 - d1 d2); with common delta 1/(1 + delta).
    assert rubinstein(F(9, 10), F(4, 5)).payoffs == (F(5, 7), F(2, 7))
    assert rubinstein(F(9, 10), F(9, 10), proposer=2).payoffs == (F(9, 19), F(10, 19))
    delta = sp.Symbol("delta", positive=True)
    share = rubinstein(delta, delta).payoffs[0]
    assert sp.simplify(share - 1 / (1 + delta)) == 0
    d1, d2 = sp.symbols("delta1 delta2", positive=True)
    assert sp.simplify(rubinstein(d1, d2).payoffs[0] - (1 - d2) / (1 - d1 * d2)) == 0


@settings(max_examples=50, deadline=None)
@given(deltas, deltas, st.fractions(0, F(1, 2)), st.fractions(0, F(1, 2)))
def test_fixed_point_pair_with_inside_options(delta1, delta2, b1, b2):
    # Rubinstein (1982) fixed-point pair, with flows b during disagreement: each
    # responder is indifferent between accepting and one more period of delay.
    outcome = rubinstein(delta1, delta2, inside=(b1, b2))
    x, y = outcome.payoffs[0], outcome.responder_payoffs[0]
    assert y == (1 - delta1) * b1 + delta1 * x
    assert 1 - x == (1 - delta2) * b2 + delta2 * (1 - y)


@pytest.mark.parametrize(
    ("option", "proposing", "responding", "binds"),
    [
        # Computed from the Binmore-Shaked-Sutton (1989) closed form, outside option principle with
        # delta = 0.9; the
        # threshold is delta/(1 + delta) = 0.473684.
        (0.3, 0.526316, 0.473684, False),
        (0.47, 0.526316, 0.473684, False),
        (0.6, 0.4, 0.36, True),
        (0.8, 0.2, 0.18, True),
    ],
)
def test_outside_option_principle(option, proposing, responding, binds):
    outcome = rubinstein(0.9, 0.9, outside=(None, option))
    assert outcome.payoffs[0] == pytest.approx(proposing, abs=5e-7)
    assert outcome.responder_payoffs[0] == pytest.approx(responding, abs=5e-7)
    assert outcome.binding_outside == (False, binds)


def test_outside_option_is_not_a_nash_disagreement_point():
    # Rubinstein (1982): the SPE is max(Rubinstein share, option), not Nash with d = (0, b).
    outcome = rubinstein(F(9, 10), F(9, 10), outside=(None, F(3, 10)))
    nash = nash_bargaining(Frontier.from_points([(0, 0), (1, 0), (0, 1)]), (0, F(3, 10)))
    assert outcome.payoffs == (F(10, 19), F(9, 19))
    assert nash.payoffs == (F(7, 20), F(13, 20)) != outcome.payoffs


def test_symbolic_outside_option_gives_a_piecewise_share():
    delta = sp.Symbol("delta", positive=True)
    # Player 2's option 2/5 binds iff delta/(1 + delta) < 2/5, i.e. delta < 2/3.
    share = rubinstein(delta, delta, outside=(None, F(2, 5))).payoffs[0]
    assert share.subs(delta, sp.Rational(9, 10)) == sp.Rational(10, 19)
    assert share.subs(delta, sp.Rational(1, 2)) == sp.Rational(3, 5)


@pytest.mark.parametrize(
    ("step", "expected"),
    # Computed from the Binmore-Rubinstein-Wolinsky (1986) closed form: r1 = 0.1, r2 = 0.05,
    # delta_i = exp(-r_i * step).
    [(1, 0.350132), (0.1, 0.335001), (0.01, 0.333500), (0.001, 0.333350)],
)
def test_binmore_rubinstein_wolinsky_limit(step, expected):
    share = rubinstein(math.exp(-0.1 * step), math.exp(-0.05 * step)).payoffs[0]
    assert share == pytest.approx(expected, abs=5e-7)
    limit = rubinstein_limit(F(1, 10), F(1, 20)).payoffs[0]
    assert limit == F(1, 3)
    assert abs(share - limit) < 0.2 * step


def test_limit_with_inside_options_on_a_curve():
    # BRW: the impasse point is the disagreement point of the asymmetric Nash solution.
    inside = (F(1, 10), F(1, 5))
    assert rubinstein_limit(1, 1, inside=inside).payoffs == (F(9, 20), F(11, 20))
    share = rubinstein(0.999999, 0.999999, inside=(0.1, 0.2)).payoffs[0]
    assert share == pytest.approx(0.45, abs=1e-6)


@settings(max_examples=40, deadline=None)
@given(deltas, deltas, st.integers(1, 40), st.sampled_from([None, F(1, 4), F(3, 5)]))
def test_backward_induction_converges_to_the_closed_form(delta1, delta2, horizon, option):
    # The error shrinks by delta1*delta2 every two periods from at most 1.
    limit = rubinstein(delta1, delta2, outside=(None, option)).payoffs[0]
    finite = alternating_offers(delta1, delta2, horizon, outside=(None, option)).payoffs[0]
    assert abs(finite - limit) <= (delta1 * delta2) ** (horizon // 2)


def test_backward_induction_is_exact_at_long_horizons():
    finite = alternating_offers(F(9, 10), F(9, 10), 400, inside=(F(1, 10), 0), proposer=2)
    limit = rubinstein(F(9, 10), F(9, 10), inside=(F(1, 10), 0), proposer=2)
    assert isinstance(finite.payoffs[0], Fraction)
    assert abs(finite.payoffs[0] - limit.payoffs[0]) <= F(81, 100) ** 200


@pytest.mark.parametrize("bad", [0, 1, 1.5, -0.2])
def test_discount_factors_outside_the_unit_interval_are_refused(bad):
    with pytest.raises(ValueError, match=rf"delta1 must lie in \(0, 1\), got {bad}"):
        rubinstein(bad, 0.5)
    with pytest.raises(ValueError, match="delta2"):
        alternating_offers(0.5, bad, 3)


def test_other_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"inside options must sum to at most the surplus 1"):
        rubinstein(0.9, 0.9, inside=(0.6, 0.5))
    with pytest.raises(ValueError, match="outside options"):
        rubinstein(0.9, 0.9, outside=(0.6, 0.5))
    with pytest.raises(ValueError, match="proposer"):
        rubinstein(0.9, 0.9, proposer=3)
    with pytest.raises(ValueError, match="horizon"):
        alternating_offers(0.9, 0.9, 0)
    with pytest.raises(ValueError, match="rate1"):
        rubinstein_limit(0, 1)


def test_horizons_are_bounded():
    with pytest.raises(ValueError, match=r"horizon must be at most 10000, got 1000000000"):
        alternating_offers(F(9, 10), F(9, 10), 10**9)
    start = time.perf_counter()
    longest = alternating_offers(F(9, 10), F(9, 10), MAX_HORIZON)
    assert time.perf_counter() - start < 30
    assert abs(longest.payoffs[0] - F(10, 19)) < F(1, 10**100)
