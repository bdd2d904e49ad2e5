"""Weakly renegotiation-proof simple strategy profiles, against hand derivations."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Game
from bargaining.analysis import (
    _exact_redistribution,
    breakdown_automation,
    max_redistribution,
    renegotiation_proof_payoffs,
)
from bargaining.analysis._renegotiation import best_simple_wrp, capital_best_stage_equilibrium
from bargaining.analysis.redistribution import automation_at_output
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs
from bargaining.labor import Scenario, StrikeGame, scenarios, strike_output

PRISONERS_DILEMMA = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])


def test_prisoners_dilemma_cooperation_is_renegotiation_proof_from_a_quarter():
    # By hand: punish a defector by (Cooperate, Defect) once, then cooperate. The
    # punisher gets (1 - d) 10 + 9 d > 9, so the punishment and the path are unranked.
    # The defector accepts its stick iff (1 - d) + 9 d >= (1 - d) 3 + d ((1 - d) + 9 d),
    # i.e. 8 d (1 - d) >= 2 (1 - d): d >= 1/4; the path needs only d >= 1/8.
    found = best_simple_wrp(PRISONERS_DILEMMA, Fraction(1, 4))
    assert found.payoffs == (9, 9)
    assert found.punishments == ((("r0", "c1"), "once"), (("r1", "c0"), "once"))
    # Below 1/4 the only WRP simple profile is mutual defection forever (grim
    # trigger's punishment (3, 3) is dominated by the path (9, 9)).
    assert best_simple_wrp(PRISONERS_DILEMMA, Fraction(24, 100)).payoffs == (3, 3)


def test_a_discount_factor_outside_the_unit_interval_is_refused():
    with pytest.raises(ValueError, match="delta must lie in"):
        best_simple_wrp(PRISONERS_DILEMMA, 1)


def _exact(w, b, delta, lockout=False, tau=Fraction(1, 20)):
    return Scenario(
        w=w, b=b, delta=delta, tau=tau, sigma=Fraction(1, 2), rho=Fraction(1, 5), lockout=lockout
    ).exact()


@pytest.mark.parametrize("lockout", [False, True])
@pytest.mark.parametrize("w", [Fraction(3, 10), Fraction(1, 2), Fraction(3, 5)])
@pytest.mark.parametrize("delta", [Fraction(1, 2), Fraction(9, 10), Fraction(99, 100)])
def test_the_two_by_two_game_sustains_no_renegotiation_proof_transfer(lockout, w, delta):
    # By hand (theta = 0): on the path (Work, Share tau) capital must be punished
    # below 1 - w - tau; to leave that punishment unranked with the path, labor must
    # get at least w + tau in it. Strike cells pay labor b + tau < w + tau and the
    # Lockout u < w, and a stick then return pays labor a mix of its stick and the
    # path; (Work, Share) itself cannot punish. So the best WRP path is (Work, Keep):
    # (w, 1 - w) at every a, delta, b < w, with or without the lockout.
    for b in (Fraction(0), w / 2, w - Fraction(1, 100)):
        scenario = _exact(w, b, delta, lockout)
        for a in (Fraction(0), Fraction(3, 10), Fraction(1, 2)):
            if strike_output(a, scenario.sigma, scenario.rho) >= 1 - w:
                continue
            found = best_simple_wrp(StrikeGame(scenario, a), delta)
            assert found.payoffs == (w, 1 - w)
            assert found.path == ("Work", "Keep")


def _hand_best_transfer(w, b, delta, y, grid):
    """Labor's best WRP transfer (theta = 0) by the derivation in docs/model.md."""
    cost, loss = w - b, 1 - w - y
    sustained = [
        t
        for t in grid
        if delta * t >= (1 - delta) * cost
        and any(t + cost <= s <= delta * (loss - t) / (1 - delta) for s in grid)
    ]
    return max(sustained, default=0)


@pytest.mark.parametrize("lockout", [False, True])
@pytest.mark.parametrize(
    ("w", "b", "delta"),
    [
        (Fraction(3, 10), Fraction(1, 5), Fraction(9, 10)),
        (Fraction(3, 10), Fraction(0), Fraction(9, 10)),
        (Fraction(1, 4), Fraction(1, 10), Fraction(3, 4)),
        (Fraction(2, 5), Fraction(3, 10), Fraction(19, 20)),
        (Fraction(3, 5), Fraction(1, 5), Fraction(9, 10)),
    ],
)
def test_grid_of_transfers_matches_the_hand_derivation(lockout, w, b, delta):
    scenario = _exact(w, b, delta, lockout)
    grid = [k * (1 - w) / 10 for k in range(1, 11)]
    for a in (Fraction(0), Fraction(1, 5), Fraction(2, 5), Fraction(3, 5)):
        y = strike_output(a, scenario.sigma, scenario.rho)
        if y >= 1 - w:
            continue
        found = best_simple_wrp(StrikeGame(scenario, a, grid), delta)
        assert found.payoffs[0] == w + _hand_best_transfer(w, b, delta, y, grid)


@st.composite
def strike_games(draw):
    w = draw(st.sampled_from([0.3, 0.4, 0.5, 0.6]))
    scenario = Scenario(
        w=w,
        tau=0.05,
        b=draw(st.sampled_from([0.0, 0.1, 0.2])),
        delta=draw(st.sampled_from([0.6, 0.8, 0.9])),
        sigma=draw(st.sampled_from([0.5, 1.0, 2.0])),
        rho=draw(st.sampled_from([0.0, 0.2])),
        theta=draw(st.sampled_from([0.0, 0.2])),
        lockout=draw(st.booleans()),
    )
    steps = draw(st.integers(2, 6))
    grid = [round((1 - w) * k / steps, 12) for k in range(1, steps + 1)]
    grid[-1] = 1 - w
    return scenario, draw(st.floats(0, 0.9)), grid


@settings(max_examples=40, deadline=None)
@given(strike_games())
def test_renegotiation_proof_payoffs_are_subgame_perfect_and_within_the_bounds(case):
    scenario, a, grid = case
    game = StrikeGame(scenario, a, grid)
    found = best_simple_wrp(game, scenario.delta)
    point = np.array([float(v) for v in found.payoffs])
    payoffs = equilibrium_payoffs(game, scenario.delta)
    assert payoffs.contains(point, tol=1e-7)
    assert point[0] <= payoffs.max(0) + 1e-9
    # Upper bound of any WRP equilibrium while capital's stage payoffs stay below
    # (Work, Keep): labor's highest continuation is at most the larger of its
    # (Work, Keep) payoff and its best Strike payoff (docs/model.md).
    labor, capital = game.payoff_matrices
    if max(capital[1]) < capital[0][game.labels[1].index("Keep")]:
        assert point[0] <= max(labor[0][game.labels[1].index("Keep")], max(labor[1])) + 1e-12


def test_max_redistribution_under_renegotiation_proofness():
    # Default scenario: b + (1 - w) = w, so no strike can pay labor its path payoff.
    gains = max_redistribution(scenarios.DEFAULT, [0.0, 0.3], selection="renegotiation-proof")
    assert gains.tolist() == [0, 0]
    # w = 3/10: at a = 0 (y = 1/5) the hand derivation gives t = 2/5 with t' = 1/2.
    scenario = scenarios.DEFAULT.exact().replace(w=Fraction(3, 10))
    grid = [Fraction(k, 20) for k in range(1, 15)]
    gain = max_redistribution(scenario, 0, transfers=grid, selection="renegotiation-proof")
    assert gain == pytest.approx(0.4, abs=1e-12)


def test_renegotiation_proof_gain_is_the_payoff_above_capitals_favourite_stage_equilibrium(
    monkeypatch,
):
    scenario = scenarios.DEFAULT.exact().replace(w=Fraction(3, 10))
    grid = [Fraction(k, 20) for k in range(1, 15)]
    levels = [0.0, 0.2, 0.5]
    labor, _ = renegotiation_proof_payoffs(scenario, levels, grid)
    searches = []
    original = _exact_redistribution.best_simple_wrp
    monkeypatch.setattr(
        _exact_redistribution,
        "best_simple_wrp",
        lambda game, delta: searches.append(game) or original(game, delta),
    )
    gains = max_redistribution(scenario, levels, transfers=grid, selection="renegotiation-proof")
    assert len(searches) == len(levels)  # one search a level
    for a, payoff, gain in zip(levels, labor, gains, strict=True):
        base = capital_best_stage_equilibrium(StrikeGame(scenario, Fraction(a), grid))[0]
        expected = max(0.0, (payoff - float(base)) / (1 - float(scenario.theta)))
        assert gain == pytest.approx(expected, abs=1e-12)
    assert gains[0] == pytest.approx(0.4, abs=1e-12)


def test_renegotiation_proof_breakdown_matches_the_hand_derivation():
    w, b, delta = Fraction(3, 10), Fraction(1, 5), Fraction(9, 10)
    scenario = scenarios.DEFAULT.exact().replace(w=w, b=b, delta=delta)
    grid = [Fraction(k, 20) for k in range(1, 15)]
    threshold = breakdown_automation(scenario, transfers=grid, selection="renegotiation-proof")
    assert threshold.selection == "renegotiation-proof"
    assert threshold.method == "simple strategies, bisection"
    # The last transfer to go is t0 = 1/20 (the least above (1 - d)(w - b)/d = 1/90),
    # punished by t' = 3/20 = t0 + w - b: sustained while 3/20 <= d (x - 1/20)/(1 - d),
    # that is while y <= 1 - w - 1/20 - 1/60 = 19/30.
    _, expected = automation_at_output(scenario, 1 - w - Fraction(1, 20) - Fraction(1, 60))
    assert threshold.kind == "breaks-down"
    assert float(threshold) == pytest.approx(float(expected), abs=2e-6)


def test_unknown_selection_is_refused_by_name():
    with pytest.raises(ValueError, match=r"'renegotiation-proof'.*got 'renegotiation'"):
        breakdown_automation(scenarios.DEFAULT, selection="renegotiation")
