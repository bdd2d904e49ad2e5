from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from bargaining import Game
from bargaining.core.repeated._batched import batched_abreu_sannikov
from bargaining.core.repeated.abreu_sannikov import abreu_sannikov
from bargaining.labor import StrikeGame, scenarios, strike_output
from oracles import import_oracle

F = Fraction
EXACT = scenarios.DEFAULT.exact()


def test_exact_table_at_no_automation():
    # y_s(0) = rho = 1/5; w = 3/5, tau = 1/10, b = 1/5, theta = 0.
    game = StrikeGame(EXACT, 0)
    A, B = game.payoff_matrices
    assert game.kind == "exact"
    assert A.tolist() == [[F(7, 10), F(3, 5)], [F(3, 10), F(1, 5)]]
    assert B.tolist() == [[F(3, 10), F(2, 5)], [F(1, 10), F(1, 5)]]
    assert game.labels == (("Work", "Strike"), ("Share", "Keep"))
    assert game.players == ("Labor", "Capital")


def test_ownership_splits_strike_output():
    game = StrikeGame(EXACT.replace(theta=F(1, 5)), F(1, 2))
    y = strike_output(F(1, 2), EXACT.sigma, EXACT.rho)
    A, B = game.payoff_matrices
    assert A[1, 1] == F(1, 5) + F(1, 5) * y
    assert B[1, 1] == F(4, 5) * y
    assert A[1, 1] + B[1, 1] == F(1, 5) + y


@given(a=st.floats(0, 1), name=st.sampled_from(scenarios.NAMES))
def test_stage_equilibria_are_work_keep_and_with_a_lockout_strike_lockout(a, name):
    scenario = scenarios.get(name)
    game = StrikeGame(scenario, a)
    assert game.kind == "float"
    output = float(strike_output(a, scenario.sigma, scenario.rho))
    if not scenario.lockout:
        assert game.pure_equilibria() == [(0, 1)]
    elif output < 1 - scenario.w:
        # The lockout adds a stage equilibrium that holds both sides to their minmax.
        assert game.pure_equilibria() == [(0, 1), (1, 2)]
    else:
        assert (0, 1) not in game.pure_equilibria() and (0, 2) in game.pure_equilibria()


@given(a=st.fractions(0, 1))
def test_minmax_values(a):
    game = StrikeGame(EXACT, a)
    labor, capital = game.minmax(mixed=False)
    assert labor == EXACT.w
    assert capital == min(strike_output(a, EXACT.sigma, EXACT.rho), 1 - EXACT.w)


def test_transfer_grid():
    game = StrikeGame(EXACT, F(1, 4), transfers=[F(1, 5), F(1, 20)])
    assert game.shape == (2, 3)
    assert game.labels[1] == ("Keep", "Share 1/20", "Share 1/5")
    A, B = game.payoff_matrices
    assert A[0].tolist() == [F(3, 5), F(13, 20), F(4, 5)]
    assert all(A[i, j] + B[i, j] == A[i, 0] + B[i, 0] for i in range(2) for j in range(3))


@pytest.mark.parametrize(
    ("transfers", "message"),
    [
        ([], "at least one"),
        ([0], "transfers.*0"),
        ([0.5], "transfers.*0.5"),
        ([0.1, 0.1], "distinct"),
        ([-0.1], "transfers.*-0.1"),
    ],
)
def test_bad_transfer_grids(transfers, message):
    with pytest.raises(ValueError, match=message):
        StrikeGame(scenarios.DEFAULT, 0.5, transfers=transfers)


def test_bad_automation():
    with pytest.raises(ValueError, match=r"a must lie in .*1\.5"):
        StrikeGame(scenarios.DEFAULT, 1.5)
    with pytest.raises(ValueError, match="single automation level"):
        StrikeGame(scenarios.DEFAULT, np.array([0.1, 0.2]))


def test_symbolic_game_substitutes_back_to_the_numeric_one():
    a = sp.Symbol("a")
    game = StrikeGame(EXACT, a)
    assert game.is_symbolic and {s.name for s in game.free_symbols} == {"a"}
    at_a_third = game.subs(a=F(1, 3))
    expected = StrikeGame(EXACT, F(1, 3))
    for left, right in zip(at_a_third.payoff_matrices, expected.payoff_matrices, strict=True):
        assert left.tolist() == right.tolist()


def test_symbolic_primitives():
    w, b, tau = sp.symbols("w b tau", positive=True)
    game = StrikeGame(EXACT.replace(w=w, b=b, tau=tau), 0)
    expected = Game([[w + tau, w], [b + tau, b]], [[1 - w - tau, 1 - w], [F(1, 5) - tau, F(1, 5)]])
    for left, right in zip(game.payoff_matrices, expected.payoff_matrices, strict=True):
        assert all(sp.simplify(x - z) == 0 for x, z in zip(left.flat, right.flat, strict=True))


@pytest.mark.parametrize("backend", ["numpy", "numba"])
def test_where_redistribution_breaks_down_every_backend_stops_on_work_keep(backend):
    if backend == "numba":
        import_oracle("numba")
        from bargaining.core.repeated._compiled import compiled_abreu_sannikov as solve
    else:
        solve = batched_abreu_sannikov
    levels = [0.1, 0.2, 0.3, 0.4]
    cases = [(a, delta) for a in (0, 0.3, 0.6, 0.9, 1) for delta in (0.5, 0.8, 0.95)]
    games = [StrikeGame(scenarios.DEFAULT, a, levels).payoff_matrices for a, _ in cases]
    A, B = (np.array([game[k] for game in games], dtype=float) for k in (0, 1))
    deltas = np.array([delta for _, delta in cases])
    found = solve(A, B, deltas)
    long_runs = solve(A, B, deltas, stop_on_collapse=False)
    collapses = 0
    for g, (result, long_run) in enumerate(zip(found, long_runs, strict=True)):
        reference = abreu_sannikov(A[g], B[g], deltas[g])
        assert result.vertices.shape == long_run.vertices.shape == reference.vertices.shape
        gaps = np.abs(result.vertices[:, None] - long_run.vertices[None]).max(axis=2)
        assert max(gaps.min(axis=0).max(), gaps.min(axis=1).max()) <= 11e-11
        if result.iterations < long_run.iterations:
            collapses += 1
            work_keep = (A[g, 0, 0], B[g, 0, 0])  # the stage equilibrium, transfer 0
            np.testing.assert_array_equal(result.vertices, [work_keep])
            np.testing.assert_array_equal(reference.vertices, [work_keep])
            assert result.iterations == reference.iterations
    assert collapses >= len(cases) // 2
