"""Participation (threshold) games: the closed form against the N-player solver."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest
import sympy as sp

from bargaining import NPlayerGame
from bargaining.labor import formulas as f
from bargaining.labor import participation_game
from bargaining.labor.participation import (
    cost_response,
    max_join_cost,
    participation_equilibria,
    success_probability,
)


@pytest.mark.parametrize("n", range(2, 7))
@pytest.mark.parametrize(("cost", "value"), [(1, 5), (Fraction(3, 10), 1), (4, 5)])
def test_closed_form_equals_the_solver_on_the_game(n, cost, value):
    for k in range(1, n + 1):
        game = participation_game(n, k, cost, value)
        assert isinstance(game, NPlayerGame)
        closed_form = participation_equilibria(n, k, cost, value)
        assert closed_form == game.symmetric_equilibria()
        for p in closed_form:
            assert game.is_equilibrium([[1 - p, p]] * n)


def test_palfrey_rosenthal_three_workers_two_needed():
    # REFERENCES section 8: n = 3, k = 2, c/V = 0.3: p = 0.183772 or 0.816228, and p = 0.
    exact = participation_equilibria(3, 2, Fraction(3, 10), 1)
    assert exact == [0, sp.Rational(1, 2) - sp.sqrt(10) / 10, sp.Rational(1, 2) + sp.sqrt(10) / 10]
    approximate = participation_equilibria(3, 2, 0.3, 1.0)
    assert approximate == pytest.approx([0, 0.183772, 0.816228], abs=1e-6)


@pytest.mark.parametrize("n", range(2, 7))
def test_pure_equilibria_are_exactly_k_joiners_or_nobody(n):
    for k in range(1, n + 1):
        equilibria = participation_game(n, k, 1, 3).pure_equilibria()
        expected = {profile for profile in _profiles(n) if sum(profile) == k}
        if k >= 2:
            expected.add((0,) * n)
        assert set(equilibria) == expected


def _profiles(n):
    return [tuple((m >> (n - 1 - i)) & 1 for i in range(n)) for m in range(2**n)]


def test_float_input_gives_floats_near_the_exact_roots_even_with_many_workers():
    exact = participation_equilibria(40, 8, Fraction(1, 100), 1)
    approximate = participation_equilibria(40, 8, 0.01, 1.0)
    assert all(isinstance(p, float) for p in approximate)
    assert approximate == pytest.approx([float(p) for p in exact], rel=1e-12)
    assert len(approximate) == 3  # nobody, and a low and a high mixed equilibrium


@pytest.mark.parametrize("n", [3, 5, 8])
def test_one_needed_and_all_needed_have_closed_forms(n):
    cost, value = Fraction(1, 4), 1
    values = {f.workers: n, f.join_cost: cost, f.strike_value: value}
    one = f.evaluate("PARTICIPATION_ONE_NEEDED", values)
    everyone = f.evaluate("PARTICIPATION_ALL_NEEDED", values)
    assert [float(p) for p in participation_equilibria(n, 1, cost, value)] == pytest.approx(
        [float(one)], abs=1e-12
    )
    assert [float(p) for p in participation_equilibria(n, n, cost, value)] == pytest.approx(
        [0, float(everyone), 1], abs=1e-12
    )


def test_needing_k_mirrors_needing_n_minus_k_plus_one():
    """The pivot probability for k at p is the one for n - k + 1 at 1 - p."""
    n = 7
    for k in range(2, n):
        low = participation_equilibria(n, k, 1, 20)
        mirrored = participation_equilibria(n, n - k + 1, 1, 20)
        interior = [float(p) for p in low if 0 < p < 1]
        assert interior == pytest.approx(sorted(1 - float(p) for p in mirrored if 0 < p < 1))


@pytest.mark.parametrize(("n", "k"), [(3, 2), (5, 3), (6, 2), (9, 4)])
def test_mixed_equilibria_exist_exactly_up_to_the_maximum_cost(n, k):
    value = 1
    bound = max_join_cost(n, k, value)
    p = sp.Symbol("p")
    pivot = math.comb(n - 1, k - 1) * p ** (k - 1) * (1 - p) ** (n - k)
    peak = sp.solve(sp.diff(pivot, p), p)
    assert bound == max(pivot.subs(p, x) for x in peak if 0 < x < 1)
    assert (
        len([q for q in participation_equilibria(n, k, bound * Fraction(99, 100), 1) if 0 < q < 1])
        == 2
    )
    assert [
        q for q in participation_equilibria(n, k, bound * Fraction(101, 100), 1) if 0 < q < 1
    ] == []


def test_cost_response_matches_a_finite_difference_and_has_the_right_signs():
    n, k, value, cost, step = 5, 3, 1.0, 0.2, 1e-6
    low, high = [p for p in participation_equilibria(n, k, cost, value) if 0 < p < 1]
    below = [p for p in participation_equilibria(n, k, cost - step, value) if 0 < p < 1]
    above = [p for p in participation_equilibria(n, k, cost + step, value) if 0 < p < 1]
    for i, p in enumerate((low, high)):
        slope = (above[i] - below[i]) / (2 * step)
        assert cost_response(n, k, cost, value, p) == pytest.approx(slope, rel=1e-5)
    assert cost_response(n, k, cost, value, low) > 0 > cost_response(n, k, cost, value, high)


def test_more_workers_make_a_volunteer_less_likely():
    cost, value = Fraction(1, 5), 1
    chances = []
    for n in range(2, 11):
        (p,) = participation_equilibria(n, 1, cost, value)
        chances.append(float(success_probability(n, 1, p)))
        assert float(success_probability(n, 1, p)) == pytest.approx(1 - 0.2 ** (n / (n - 1)))
    assert all(later < earlier for earlier, later in itertools.pairwise(chances))


def test_success_probability_is_the_binomial_tail():
    assert success_probability(3, 2, Fraction(1, 2)) == Fraction(1, 2)
    assert success_probability(4, 4, Fraction(1, 3)) == Fraction(1, 81)
    assert success_probability(4, 1, 0.5) == pytest.approx(15 / 16)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((3, 4, 1, 2), r"k must lie in \[1, 3\], got 4"),
        ((3, 0, 1, 2), r"k must lie in \[1, 3\], got 0"),
        ((1, 1, 1, 2), r"n must lie in \[2, 14\], got 1"),
        ((15, 2, 1, 2), r"n must lie in \[2, 14\], got 15"),
        ((3.0, 2, 1, 2), "n must be an integer"),
        ((3, 2, -1, 2), "cost must lie in"),
        ((3, 2, 1, 0), "value must lie in"),
        ((3, 2, math.nan, 2), "cost must be finite"),
    ],
)
def test_bad_parameters_are_refused_by_name(arguments, message):
    with pytest.raises(ValueError, match=message):
        participation_game(*arguments)


def test_closed_form_takes_more_workers_than_the_game():
    assert len(participation_equilibria(30, 10, 1, 100)) == 3
    with pytest.raises(ValueError, match=r"k must lie in \[1, 30\], got 31"):
        participation_equilibria(30, 31, 1, 100)
    with pytest.raises(ValueError, match="p must lie in"):
        success_probability(3, 2, 1.5)
