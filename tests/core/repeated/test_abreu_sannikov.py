"""Abreu-Sannikov payoff sets: published cases, degenerate sets, properties, peer."""

import subprocess
import sys
import warnings
from fractions import Fraction
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game, RepeatedGame
from bargaining.core.polygon import hausdorff_distance
from bargaining.core.repeated import abreu_sannikov as reference
from bargaining.core.repeated.abreu_sannikov import abreu_sannikov, collapsed_onto
from bargaining.core.repeated.payoff_sets import (
    MAX_DELTA,
    ConvergenceWarning,
    PayoffSet,
    equilibrium_payoffs,
    finest_tolerance,
    resolve_tolerance,
)
from oracles import import_oracle
from strategies import integer_games

# Abreu and Sannikov (2014), p. 322 example; vertices as published for delta = 0.3
# (reproduced by QuantEcon.py's test_repeated_game.py).
AS_PAYOFFS = [
    [(16, 9), (3, 13), (0, 3)],
    [(21, 1), (10, 4), (-1, 0)],
    [(9, 0), (5, -4), (-5, -15)],
]
AS_VERTICES = [
    (7.33770472, 10.9826253),
    (1.12568240, 2.8),
    (7.33770472, 0.0),
    (7.86308964, 0.0),
    (19.7917977, 2.8),
    (15.5630896, 9.1),
]
PD = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])


def bimatrix(pairs):
    return Game([[p[0] for p in row] for row in pairs], [[p[1] for p in row] for row in pairs])


def same_vertex_set(found, expected, atol):
    found, expected = np.asarray(found, float), np.asarray(expected, float)
    if found.shape != expected.shape:
        return False
    distances = np.linalg.norm(found[:, None, :] - expected[None, :, :], axis=2)
    return bool((distances.min(axis=0) <= atol).all() and (distances.min(axis=1) <= atol).all())


def test_abreu_sannikov_example_reproduces_the_published_vertices():
    payoffs = equilibrium_payoffs(bimatrix(AS_PAYOFFS), 0.3)
    assert payoffs.converged
    assert same_vertex_set(payoffs.vertices, AS_VERTICES, atol=1e-7)
    # Abreu's optimal penal code: the worst SPE payoff of the row player.
    assert payoffs.min(0) == pytest.approx(1.12568240, abs=1e-8)


@pytest.mark.parametrize("delta", [0.9, 0.75])
def test_patient_prisoners_dilemma_sustains_the_feasible_rational_set(delta):
    payoffs = equilibrium_payoffs(PD, delta)
    assert same_vertex_set(payoffs.vertices, [(3, 3), (9.75, 3), (9, 9), (3, 9.75)], atol=1e-9)


def test_impatient_prisoners_dilemma_collapses_to_the_stage_equilibrium():
    payoffs = equilibrium_payoffs(PD, 0.1)  # below grim trigger's (10-9)/(10-3) = 1/7
    assert payoffs.is_point
    np.testing.assert_allclose(payoffs.vertices, [[3, 3]], atol=1e-9)
    assert payoffs.area == 0 and payoffs.contains((3, 3))


def test_prisoners_dilemma_just_above_the_threshold_is_a_segment():
    payoffs = equilibrium_payoffs(PD, 0.15)
    assert payoffs.is_segment
    assert same_vertex_set(payoffs.vertices, [(3, 3), (9, 9)], atol=1e-9)


NO_PURE_EQUILIBRIUM = bimatrix([[(1, -1), (-1, 2)], [(-2, 2), (1, 0)]])
# No pure stage equilibrium, yet (Up, Left) is sustained from delta = 5/9 by
# stick-and-carrot with the stick (Down, Right).
STICK_GAME = Game([[5, 0], [0, 1]], [[5, 10], [1, 0]])


@pytest.mark.parametrize("method", ["abreu-sannikov", "outer"])
def test_a_game_whose_pure_minmax_values_are_not_jointly_feasible_has_an_empty_set(method):
    # Minmax (1, 2); no feasible payoff gives both, so no pure SPE exists at any delta.
    assert tuple(NO_PURE_EQUILIBRIUM.minmax(mixed=False)) == (1, 2)
    for delta in (0.05, 0.5, 0.9):
        payoffs = equilibrium_payoffs(NO_PURE_EQUILIBRIUM, delta, method)
        assert payoffs.is_empty and payoffs.converged and "empty" in repr(payoffs)
        with pytest.raises(ValueError, match="no pure-strategy subgame-perfect equilibrium"):
            payoffs.max(0)


def test_stick_and_carrot_sustains_a_set_without_a_pure_stage_equilibrium():
    assert not STICK_GAME.pure_equilibria()
    payoffs = equilibrium_payoffs(STICK_GAME, 0.9)
    assert payoffs.converged
    assert same_vertex_set(payoffs.vertices, [(5, 5), (1, 9), (1, 1), (1.8, 1)], atol=1e-8)


def test_the_set_agrees_with_the_stick_and_carrot_threshold():
    threshold = RepeatedGame(STICK_GAME).critical_delta((0, 0), "stick-and-carrot", stick=(1, 1))
    assert threshold == Fraction(5, 9)
    below, above = (float(threshold) - 0.02, float(threshold) + 0.02)
    assert not equilibrium_payoffs(STICK_GAME, below).contains((5, 5), tol=1e-6)
    assert equilibrium_payoffs(STICK_GAME, above).contains((5, 5), tol=1e-9)


@pytest.mark.parametrize("delta", [1 - 1e-15, 0.999999999999999, 1 - 2**-52, 1 - 1e-7])
@pytest.mark.parametrize("method", ["abreu-sannikov", "outer"])
def test_delta_too_close_to_one_for_double_precision_is_refused(delta, method):
    assert delta > MAX_DELTA
    with pytest.raises(ValueError, match=r"delta=.* too close to 1 .* use delta <= 0\.999999"):
        equilibrium_payoffs(PD, delta, method)


def test_default_tolerance_adapts_to_delta_and_an_uncertifiable_one_is_refused():
    assert equilibrium_payoffs(PD, 0.5).tol == 1e-11
    assert resolve_tolerance(0.999) == pytest.approx(finest_tolerance(0.999))
    assert finest_tolerance(0.999) > 1e-11
    with pytest.raises(ValueError, match=r"tol=1e-11 cannot be certified at delta=0\.999"):
        equilibrium_payoffs(PD, 0.999, tol=1e-11)


@pytest.mark.parametrize("tol", [0, -1e-9, float("nan"), float("inf"), "1e-9", True])
def test_tolerance_must_be_a_positive_finite_number(tol):
    with pytest.raises(ValueError, match="tol must be"):
        equilibrium_payoffs(PD, 0.5, tol=tol)


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"max_iter": 0}, "max_iter"),
        ({"max_iter": 2.5}, "max_iter"),
        ({"method": "outer", "directions": 10**9}, "directions"),
        ({"method": "outer", "directions": 6}, "directions"),
    ],
)
def test_iteration_limits_are_checked(options, name):
    with pytest.raises(ValueError, match=name):
        equilibrium_payoffs(PD, 0.5, **options)


def test_a_patient_prisoners_dilemma_needs_no_more_than_its_rational_set():
    payoffs = equilibrium_payoffs(PD, 0.995)
    assert payoffs.converged
    # accurate to the tolerance the default adapted to, within a factor of 10
    scale = 10
    assert same_vertex_set(
        payoffs.vertices, [(3, 3), (9.75, 3), (9, 9), (3, 9.75)], atol=10 * payoffs.tol * scale
    )


@pytest.mark.parametrize("delta", [0, 1, 1.5, -0.2, float("nan")])
def test_delta_outside_the_unit_interval_is_refused(delta):
    with pytest.raises(ValueError, match="delta"):
        equilibrium_payoffs(PD, delta)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="method must be one of"):
        equilibrium_payoffs(PD, 0.5, method="grid")


@pytest.mark.parametrize("method", ["abreu-sannikov", "outer"])
def test_stopping_early_warns_and_says_so_and_stays_individually_rational(method):
    with pytest.warns(ConvergenceWarning, match="max_iter=3"):
        payoffs = equilibrium_payoffs(PD, 0.9, method, max_iter=3)
    assert not payoffs.converged and payoffs.iterations == 3
    # The first iterates still hold feasible payoffs below the minmax (3, 3):
    # the returned set is cut to the individually rational part (up to the
    # hull's grid of 1e-13 times the payoff scale).
    assert payoffs.min(0) >= 3 - 1e-12 and payoffs.min(1) >= 3 - 1e-12
    assert payoffs.contains((3, 3)) and not payoffs.contains((2.9, 3), tol=1e-12)


def test_plot_draws_points_segments_and_polygons():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    for delta in (0.1, 0.15, 0.9):
        equilibrium_payoffs(PD, delta).plot(ax)
    equilibrium_payoffs(NO_PURE_EQUILIBRIUM, 0.5).plot(ax)  # empty: draws nothing
    assert len(ax.lines) == 2 and len(ax.patches) == 1
    plt.close(fig)


def has_pure_equilibrium(game):
    return bool(Game(*game).pure_equilibria())


small_games = integer_games(max_size=3, low=-6, high=6).filter(has_pure_equilibrium)


@given(small_games, st.sampled_from([0.2, 0.5, 0.8]))
def test_set_holds_stage_equilibria_and_lies_in_the_feasible_rational_set(game, delta):
    g = Game(*game)
    payoffs = equilibrium_payoffs(g, delta)
    A, B = g.payoff_matrices
    for i, j in g.pure_equilibria():
        assert payoffs.contains((float(A[i, j]), float(B[i, j])), tol=1e-7)
    bounds = g.individually_rational_set(mixed=False)
    assert all(bounds.contains(v, tol=1e-7) for v in payoffs.vertices)


@given(small_games, st.sampled_from([(0.2, 0.4), (0.4, 0.7), (0.6, 0.9)]))
def test_set_grows_with_patience(game, deltas):
    g = Game(*game)
    low, high = (equilibrium_payoffs(g, d) for d in deltas)
    assert all(high.contains(v, tol=1e-7) for v in low.vertices)


def quantecon_vertices(game, delta):
    qe = import_oracle("quantecon")
    from scipy.spatial import QhullError

    A, B = (np.asarray(M, float) for M in game.payoff_matrices)
    stage = qe.game_theory.NormalFormGame(np.stack([A, B], axis=2))
    try:
        hull = qe.game_theory.RepeatedGame(stage, delta).equilibrium_payoffs(
            options={"tol": 1e-12, "max_iter": 100_000}
        )
    except QhullError:
        return None
    return hull.points[hull.vertices]


@pytest.mark.parametrize("seed", range(12))
def test_vertex_sets_match_quantecon_wherever_it_returns_one(seed):
    rng = np.random.default_rng(seed)
    while True:
        game = Game(rng.integers(-9, 10, (3, 3)), rng.integers(-9, 10, (3, 3)))
        if game.pure_equilibria():
            break
    delta = [0.3, 0.6, 0.85][seed % 3]
    theirs = quantecon_vertices(game, delta)
    ours = equilibrium_payoffs(game, delta)
    assume_returned = theirs is not None
    if assume_returned:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = PayoffSet(
                theirs, delta=delta, method="peer", iterations=0, distance=0, converged=True
            ).vertices
        assert same_vertex_set(ours.vertices, theirs, atol=1e-6)
    else:
        assert len(ours.vertices) < 3  # the peer fails exactly when the set is degenerate


@given(small_games, st.sampled_from([0.3, 0.6, 0.9]))
def test_exact_set_lies_inside_the_outer_approximation_which_tightens(game, delta):
    g = Game(*game)
    exact = equilibrium_payoffs(g, delta)
    coarse, fine = (equilibrium_payoffs(g, delta, method="outer", directions=d) for d in (16, 128))
    assert all(fine.contains(v, tol=1e-7) and coarse.contains(v, tol=1e-7) for v in exact.vertices)
    assert hausdorff_distance(exact.vertices, fine.vertices) <= (
        hausdorff_distance(exact.vertices, coarse.vertices) + 1e-9
    )


def test_a_set_converging_slowly_to_a_segment_is_not_stopped_early():
    # Successive iterates are thin slivers around the limit segment; counting
    # points as "inside" a sliver once stopped the iteration 2e-7 short.
    payoffs = equilibrium_payoffs(Game([[4, 5], [0, 0]], [[-1, 0], [-1, -1]]), 0.8)
    assert payoffs.is_segment
    assert same_vertex_set(payoffs.vertices, [(4, -0.2), (5, 0)], atol=1e-9)


any_small_games = integer_games(max_size=3, low=-6, high=6)


@given(
    any_small_games,
    st.sampled_from([1e-3, 0.3, 0.9, 0.99]),
    st.sampled_from(["abreu-sannikov", "outer"]),
    st.sampled_from([2, 100_000]),
)
def test_every_set_is_individually_rational_and_holds_the_stage_equilibria(
    game, delta, method, max_iter
):
    g = Game(*game)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        payoffs = equilibrium_payoffs(g, delta, method, max_iter=max_iter)
    floor = np.array([float(v) for v in g.minmax(mixed=False)]) - 1e-12 * 6
    assert np.all(payoffs.vertices >= floor)
    A, B = g.payoff_matrices
    for i, j in g.pure_equilibria():
        assert payoffs.contains((float(A[i, j]), float(B[i, j])), tol=1e-7)
    if payoffs.is_empty:
        assert payoffs.converged and not g.pure_equilibria()


@pytest.mark.parametrize("seed", range(6))
def test_compiled_kernel_gives_the_numpy_iterations_set(seed):
    import_oracle("numba")
    rng = np.random.default_rng(seed)
    shape = (2 + seed % 3, 2 + seed % 2)
    game = Game(rng.standard_normal(shape) * 10.0 ** (seed - 3), rng.standard_normal(shape))
    delta = [0.3, 0.7, 0.9][seed % 3]
    by_numpy = equilibrium_payoffs(game, delta, backend="numpy")
    by_numba = RepeatedGame(game, delta).equilibrium_payoffs(backend="numba")
    assert by_numba.vertices.shape == by_numpy.vertices.shape
    scale = np.abs(np.asarray(game.payoff_matrices, dtype=float)).max(axis=(1, 2))
    found, expected = (np.asarray(s.vertices, dtype=float) / scale for s in (by_numba, by_numpy))
    np.testing.assert_allclose(found, expected, atol=1e-9)


def test_auto_backend_runs_compiled_once_loading_it_has_paid_off(monkeypatch):
    from bargaining.core.repeated import payoff_sets

    import_oracle("numba")
    calls = []
    numpy_iteration = payoff_sets.abreu_sannikov
    monkeypatch.setattr(
        payoff_sets, "abreu_sannikov", lambda *a, **k: calls.append(1) or numpy_iteration(*a, **k)
    )
    monkeypatch.delitem(sys.modules, payoff_sets._COMPILED_MODULE, raising=False)
    monkeypatch.setattr(payoff_sets, "_numpy_seconds", 0.0)
    first = equilibrium_payoffs(PD, 0.8)
    assert calls == [1] and payoff_sets._numpy_seconds > 0
    monkeypatch.setattr(payoff_sets, "_numpy_seconds", payoff_sets.COMPILED_AFTER_SECONDS + 1)
    later = equilibrium_payoffs(PD, 0.8)
    assert calls == [1] and payoff_sets._COMPILED_MODULE in sys.modules
    np.testing.assert_allclose(later.vertices, first.vertices, atol=1e-9)


def test_a_single_game_imports_only_what_it_uses():
    """A payoff set in a fresh process: no numba, and none of the modules that it does not use."""
    unused = (
        "numba",
        "scipy",
        "sympy.core",
        "html.entities",
        "bargaining.core.equilibria",
        "bargaining.core.nplayer",
        "bargaining.core.repeated.automata",
        "bargaining.core.repeated.outer",
        "bargaining.core.repeated.repeated_game",
        "bargaining.core.repeated._batched",
        "bargaining.core.repeated._compiled",
        "bargaining.labor",
    )
    code = (
        "import sys\n"
        "from bargaining import Game\n"
        "from bargaining.core.repeated.payoff_sets import equilibrium_payoffs\n"
        "found = equilibrium_payoffs(Game([[9, 1], [10, 3]], [[9, 10], [1, 3]]), 0.8)\n"
        "print(len(found.vertices))\n"
        f"print(sorted(m for m in {unused!r} if m in sys.modules))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.split("\n")[:2] == ["4", "[]"], found.stderr


def test_unknown_single_game_backend_is_refused():
    with pytest.raises(ValueError, match="backend must be one of auto, numba, numpy, got 'gpu'"):
        RepeatedGame(PD, 0.8).equilibrium_payoffs(backend="gpu")


def both_runs(A, B, delta):
    """The iteration with the collapse shortcut (step 5) and run on to the stopping rule."""
    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)
    return abreu_sannikov(A, B, delta), abreu_sannikov(A, B, delta, stop_on_collapse=False)


@settings(max_examples=80)
@given(small_games, st.sampled_from([0.1, 0.3, 0.6, 0.9]))
def test_a_collapse_stops_exactly_on_the_stage_equilibrium_the_long_run_approaches(game, delta):
    A, B = (np.asarray(M, dtype=float) for M in game)
    decisions = []

    def recorded(*arguments):
        decisions.append(collapsed_onto(*arguments))
        return decisions[-1]

    with mock.patch.object(reference, "collapsed_onto", recorded):
        shortcut = abreu_sannikov(A, B, delta)
    long_run = abreu_sannikov(A, B, delta, stop_on_collapse=False)
    scale = max(1.0, np.abs(A).max(), np.abs(B).max())
    assert shortcut.converged and long_run.converged
    assert shortcut.vertices.shape == long_run.vertices.shape
    # The long run stops within tol of the limit and merges vertices within 10 tol.
    assert hausdorff_distance(shortcut.vertices, long_run.vertices) <= 11e-11 * scale
    if decisions[-1] is not None:
        (point,) = shortcut.vertices
        stage_equilibria = {(A[i, j], B[i, j]) for i, j in Game(A, B).pure_equilibria()}
        assert tuple(point) in stage_equilibria  # bit for bit, not to a tolerance
        assert shortcut.distance == 0 and shortcut.iterations <= long_run.iterations
    else:
        assert shortcut.iterations == long_run.iterations
        np.testing.assert_array_equal(shortcut.vertices, long_run.vertices)


def test_a_collapse_onto_the_prisoners_dilemma_stage_equilibrium_is_cut_short():
    # Below grim trigger's 1/7 cooperation is enforceable on the first sets only.
    A, B = PD.payoff_matrices
    for delta in (0.13, 0.14):
        shortcut, long_run = both_runs(A, B, delta)
        assert shortcut.iterations < long_run.iterations
        np.testing.assert_array_equal(shortcut.vertices, [[3.0, 3.0]])
        assert np.abs(long_run.vertices - 3).max() <= 1e-11 * 10


COORDINATION = Game([[2, 0], [0, 1]], [[2, 0], [0, 1]])


@pytest.mark.parametrize(
    ("game", "delta"), [(COORDINATION, 0.1), (COORDINATION, 0.5), (PD, 0.5), (STICK_GAME, 0.9)]
)
def test_no_shortcut_while_two_profiles_produce_points(game, delta):
    # Two stage equilibria, or a stage equilibrium and a sustained profile, or none.
    shortcut, long_run = both_runs(*game.payoff_matrices, delta)
    assert shortcut.iterations == long_run.iterations
    np.testing.assert_array_equal(shortcut.vertices, long_run.vertices)
    assert len(shortcut.vertices) >= 2


def test_collapse_needs_one_producer_a_stage_equilibrium_and_its_stage_payoff():
    gains = np.array([[0.0, 0.0], [0.5, 0.0], [0.0, 0.0]])
    one, both = np.array([True, False, False]), np.array([True, False, True])
    assert collapsed_onto(one, one, gains) == 0
    assert collapsed_onto(both, both, gains) is None  # two stage equilibria
    assert collapsed_onto(one, np.zeros(3, dtype=bool), gains) is None  # g(a*) not in W
    deviating = np.array([False, True, False])
    assert collapsed_onto(deviating, deviating, gains) is None  # not a stage equilibrium
    assert collapsed_onto(np.zeros(3, dtype=bool), np.zeros(3, dtype=bool), gains) is None
