"""N-player games: pure equilibria against pygambit, symmetric two-action equilibria."""

from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import DegenerateGameWarning, NPlayerGame
from oracles import import_oracle

gbt = import_oracle("pygambit")


def random_payoffs(seed):
    """Small integer payoffs (ties are common) for 3 or 4 players with 2 or 3 actions."""
    rng = np.random.default_rng(seed)
    players = int(rng.integers(3, 5))
    shape = tuple(int(n) for n in rng.integers(2, 4, size=players))
    return rng.integers(-3, 4, size=(*shape, players))


def gambit_pure_equilibria(payoffs):
    players = payoffs.shape[-1]
    game = gbt.Game.from_arrays(*[payoffs[..., i].astype(int).tolist() for i in range(players)])
    found = set()
    for equilibrium in gbt.nash.enumpure_solve(game).equilibria:
        profile = []
        for player in game.players:
            weights = [equilibrium[strategy] for strategy in player.strategies]
            profile.append(weights.index(1))
        found.add(tuple(profile))
    return found


@pytest.mark.parametrize("seed", range(60))
def test_pure_equilibria_equal_pygambit_enumpure(seed):
    payoffs = random_payoffs(seed)
    expected = gambit_pure_equilibria(payoffs)
    assert set(NPlayerGame(payoffs).pure_equilibria()) == expected
    assert set(NPlayerGame(payoffs.astype(float)).pure_equilibria()) == expected


@pytest.mark.parametrize("seed", range(10))
def test_pure_equilibria_are_exactly_the_profiles_without_regret(seed):
    payoffs = random_payoffs(seed)
    game = NPlayerGame(payoffs)
    equilibria = set(game.pure_equilibria())
    for profile in np.ndindex(game.shape):
        assert (game.regret(profile) == 0) == (profile in equilibria)
        assert game.regret(profile) >= 0


def symmetric_payoffs(gain_table, players):
    """u_i(a) = gain_table[a_i][number of others on action 1]: a symmetric two-action game."""
    actions = np.indices((2,) * players)
    total = actions.sum(axis=0)
    table = np.array(gain_table, dtype=object)
    own = [table[actions[i], total - actions[i]] for i in range(players)]
    return np.stack(own, axis=-1)


def threshold_payoffs(players, needed, cost, value):
    actions = np.indices((2,) * players)
    success = (actions.sum(axis=0) >= needed).astype(object)
    return np.stack([value * success - cost * actions[i] for i in range(players)], axis=-1)


def test_three_player_threshold_game_has_the_palfrey_rosenthal_equilibria():
    # REFERENCES section 8: n = 3, k = 2, c/V = 0.3 gives p(1 - p) = 0.15.
    game = NPlayerGame(threshold_payoffs(3, 2, Fraction(3, 10), 1))
    assert game.is_symmetric()
    equilibria = game.symmetric_equilibria()
    assert equilibria[0] == 0
    assert equilibria[1:] == [
        sp.Rational(1, 2) - sp.sqrt(10) / 10,
        sp.Rational(1, 2) + sp.sqrt(10) / 10,
    ]
    assert [round(float(p), 6) for p in equilibria[1:]] == [0.183772, 0.816228]
    for p in equilibria:
        assert game.is_equilibrium([[1 - p, p]] * 3)
    assert sorted(game.pure_equilibria()) == [(0, 0, 0), (0, 1, 1), (1, 0, 1), (1, 1, 0)]


def test_a_double_root_is_returned_once_and_exactly():
    # c/V = 1/2: 2 p (1 - p) = 1/2 touches zero at p = 1/2 only.
    game = NPlayerGame(threshold_payoffs(3, 2, 1, 2))
    assert game.symmetric_equilibria() == [0, Fraction(1, 2)]
    assert game.regret([[Fraction(1, 2)] * 2] * 3) == 0
    assert game.regret([[Fraction(2, 5), Fraction(3, 5)]] * 3) > 0


def test_float_game_gives_floats_close_to_the_exact_roots():
    exact = NPlayerGame(threshold_payoffs(4, 3, 1, 10)).symmetric_equilibria()
    approximate = NPlayerGame(threshold_payoffs(4, 3, 1.0, 10.0)).symmetric_equilibria()
    assert all(isinstance(p, float) for p in approximate)
    assert approximate == pytest.approx([float(p) for p in exact], abs=1e-12)
    # The cubic 30 p^3 - 30 p^2 + 1 has no rational root: the answer stays exact.
    assert any(isinstance(p, sp.CRootOf) for p in exact)


def gambit_symmetric_equilibria(payoffs):
    players = payoffs.shape[-1]
    game = gbt.Game.from_arrays(*[payoffs[..., i].astype(int).tolist() for i in range(players)])
    found = []
    for equilibrium in gbt.nash.enumpoly_solve(game).equilibria:
        second = [float(equilibrium[list(player.strategies)[1]]) for player in game.players]
        if max(second) - min(second) < 1e-7:
            found.append(second[0])
    return found


@pytest.mark.parametrize("seed", range(25))
def test_symmetric_equilibria_of_random_symmetric_games_are_best_responses(seed):
    rng = np.random.default_rng(1000 + seed)
    players = int(rng.integers(3, 6))
    game = NPlayerGame(symmetric_payoffs(rng.integers(-5, 6, size=(2, players)).tolist(), players))
    equilibria = game.symmetric_equilibria()
    assert equilibria == sorted(equilibria, key=float)
    for p in equilibria:
        assert 0 <= p <= 1
        assert game.is_equilibrium([[1 - p, p]] * players)


# pygambit's enumpoly can run for minutes on degenerate random games, so the oracle sees
# threshold games, where it returns in milliseconds (and misses some equilibria, so the
# check is one-sided: every symmetric equilibrium it finds is one of ours).
@pytest.mark.parametrize("players", [3, 4])
@pytest.mark.parametrize("cost", [1, 3, 7])
def test_symmetric_equilibria_contain_pygambits_on_threshold_games(players, cost):
    for needed in range(1, players + 1):
        payoffs = threshold_payoffs(players, needed, cost, 10)
        game = NPlayerGame(payoffs)
        ours = game.symmetric_equilibria()
        for p in ours:
            assert game.is_equilibrium([[1 - p, p]] * players)
        for p in gambit_symmetric_equilibria(payoffs):
            assert min(abs(p - float(q)) for q in ours) < 1e-6


@pytest.mark.parametrize("seed", range(10))
def test_no_symmetric_equilibrium_is_missed_on_a_grid(seed):
    """Between consecutive returned values the gain from action 1 keeps one sign."""
    rng = np.random.default_rng(2000 + seed)
    players = int(rng.integers(3, 6))
    game = NPlayerGame(symmetric_payoffs(rng.integers(-5, 6, size=(2, players)).tolist(), players))
    found = [float(p) for p in game.symmetric_equilibria()]
    coefficients = [float(c) for c in game.indifference_polynomial().all_coeffs()]
    grid = np.linspace(0, 1, 2001)
    values = np.polyval(coefficients, grid)
    for left, right, x_left, x_right in zip(values, values[1:], grid, grid[1:], strict=False):
        if left * right < 0:
            assert any(x_left - 1e-9 <= p <= x_right + 1e-9 for p in found)
    assert (0.0 in found) == (values[0] <= 0)
    assert (1.0 in found) == (values[-1] >= 0)


@pytest.mark.filterwarnings("ignore::bargaining.DegenerateGameWarning")
@settings(max_examples=40, deadline=None)
@given(
    st.integers(2, 5),
    st.lists(st.integers(-6, 6), min_size=10, max_size=10),
)
def test_symmetric_construction_is_symmetric_and_a_perturbation_is_not(players, entries):
    table = [entries[:players], entries[5 : 5 + players]]
    payoffs = symmetric_payoffs(table, players)
    game = NPlayerGame(payoffs)
    assert game.is_symmetric()
    for p in game.symmetric_equilibria():
        assert game.is_equilibrium([[1 - p, p]] * players)
    perturbed = payoffs.copy()
    perturbed[(1,) + (0,) * (players - 1) + (0,)] += 1
    assert not NPlayerGame(perturbed).is_symmetric()
    with pytest.raises(ValueError, match="symmetric"):
        NPlayerGame(perturbed).symmetric_equilibria()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_regret_is_zero_at_pure_equilibria_and_nonnegative_for_mixed_profiles(seed):
    payoffs = random_payoffs(seed)
    game = NPlayerGame(payoffs)
    rng = np.random.default_rng(seed)
    profile = []
    for n in game.shape:
        weights = [Fraction(int(w)) for w in rng.integers(1, 5, size=n)]
        profile.append([w / sum(weights) for w in weights])
    assert game.regret(profile) >= 0
    for equilibrium in game.pure_equilibria():
        assert game.regret(equilibrium) == 0
        assert game.is_equilibrium(equilibrium)


def test_action_values_average_the_others_mixed_strategies():
    game = NPlayerGame(threshold_payoffs(3, 2, 1, 4))
    half = [Fraction(1, 2)] * 2
    values = game.action_values([half, half, half])
    # Joining wins 4 unless both others stay out (1/4); staying out wins 4 if both join (1/4).
    assert list(values[0]) == [1, Fraction(4 * 3, 4) - 1]


def test_all_indifferent_game_warns_that_every_probability_is_an_equilibrium():
    game = NPlayerGame(np.zeros((2, 2, 2, 3), dtype=int))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert game.symmetric_equilibria() == [0, 1]
    assert any(issubclass(w.category, DegenerateGameWarning) for w in caught)


@pytest.mark.parametrize(
    ("payoffs", "message"),
    [
        (np.zeros((2, 2)), "shape"),
        (np.zeros((2, 2, 3)), "shape"),
        (np.zeros((2, 0, 2)), "action"),
        ([[[1, 2], [3]], [[1, 2], [3, 4]]], "rectangular|shape"),
        (np.full((2, 2, 2), math.nan), r"payoffs\[0, 0, 0\] must be finite"),
        (np.array([[[1, 2], [3, "x"]], [[1, 2], [3, 4]]], dtype=object), r"payoffs\[0, 1, 1\]"),
        (np.array([[[sp.Symbol("c"), 0]] * 2] * 2, dtype=object), "substitute"),
    ],
)
def test_bad_payoffs_are_refused(payoffs, message):
    with pytest.raises(ValueError, match=message):
        NPlayerGame(payoffs)


def test_bad_profiles_are_refused_naming_the_player():
    game = NPlayerGame(threshold_payoffs(3, 2, 1, 4))
    with pytest.raises(ValueError, match=r"profile\[1\] must lie in \[0, 1\]"):
        game.regret([[0, 1], [Fraction(3, 2), Fraction(-1, 2)], [1, 0]])
    with pytest.raises(ValueError, match=r"profile\[2\] must sum to 1"):
        game.regret([[0, 1], [0, 1], [Fraction(1, 3), Fraction(1, 3)]])
    with pytest.raises(ValueError, match=r"profile\[0\] must be an action in 0..1"):
        game.regret([2, 0, 0])
    with pytest.raises(ValueError, match=r"profile\[0\] must have 2 probabilities"):
        game.regret([[1], [0, 1], [0, 1]])
    with pytest.raises(ValueError, match="each of the 3 players"):
        game.regret([0, 0])
    with pytest.raises(ValueError, match="sequence of strategies"):
        game.regret(1)
    with pytest.raises(ValueError, match=r"profile\[0\] must hold numbers"):
        game.regret([[1 - sp.Symbol("q"), sp.Symbol("q")], 0, 0])


def test_symmetric_solver_refuses_three_actions():
    game = NPlayerGame(np.zeros((3, 3, 3, 3), dtype=int))
    assert game.is_symmetric()
    with pytest.raises(ValueError, match="two actions"):
        game.symmetric_equilibria()
