"""Automation as a state: the strike game over a chain of automation levels."""

from fractions import Fraction

import numpy as np
import pytest

from bargaining import RepeatedGame
from bargaining.labor import formulas as f
from bargaining.labor import scenarios
from bargaining.labor.dynamics import REVOLT, AutomationGame, advance_chain
from bargaining.labor.investment import cost
from bargaining.labor.strike_game import StrikeGame

DEFAULT = scenarios.get("default")


def _same_set(first, second, tol=1e-9):
    first, second = np.asarray(first, dtype=float), np.asarray(second, dtype=float)
    return first.shape == second.shape and np.allclose(first, second, atol=tol)


def test_each_state_plays_the_strike_game_at_its_level():
    scenario = scenarios.get("job-loss").exact()
    levels = [Fraction(1, 5), Fraction(1, 2)]
    game = AutomationGame(scenario, levels, advance_chain(2, Fraction(1, 3)))
    for stage, a in zip(game.stage_games, levels, strict=True):
        expected = StrikeGame(scenario, a)
        assert stage.labels == expected.labels
        for ours, theirs in zip(stage.payoff_matrices, expected.payoff_matrices, strict=True):
            assert np.array_equal(np.asarray(ours, dtype=object), np.asarray(theirs, dtype=object))
    moves = np.asarray(game.transitions[0], dtype=object)
    assert moves.shape == (2, 3, 2)
    stay_or_advance = [Fraction(2, 3), Fraction(1, 3)]
    assert all(list(moves[r, c]) == stay_or_advance for r in (0, 1) for c in (0, 1, 2))


def test_bad_chain_is_refused():
    with pytest.raises(ValueError, match="chain must be 2 x 2"):
        AutomationGame(DEFAULT, [0.2, 0.4], np.eye(3))
    with pytest.raises(ValueError, match="levels"):
        AutomationGame(DEFAULT, [0.2, 1.4])


def test_one_level_is_the_repeated_strike_game():
    (payoffs,) = AutomationGame(DEFAULT, [0.3]).equilibrium_payoffs()
    expected = RepeatedGame(StrikeGame(DEFAULT, 0.3), DEFAULT.delta).equilibrium_payoffs()
    assert _same_set(payoffs.vertices, expected.vertices)


def test_a_known_path_past_the_breakdown_unravels():
    # At a = 0.7 the static set is the stage equilibrium alone; the stage game has one
    # equilibrium, so by backward induction the period before plays it too.
    sets = AutomationGame(DEFAULT, [0.3, 0.7]).equilibrium_payoffs()
    w = DEFAULT.w
    assert _same_set(sets[1].vertices, [[w, 1 - w]])
    assert _same_set(sets[0].vertices, [[w, 1 - w]])


@pytest.mark.parametrize("speed", [0.05, 0.3])
def test_random_arrival_is_a_repeated_game_with_a_shorter_future(speed):
    """Two levels, the second past the breakdown point, reached with chance p a period.

    The set at the first level is W0 = alpha X + (1 - alpha) e with e the stage
    equilibrium's payoffs at the second level, alpha = (1 - delta) / (1 - delta +
    delta p), and X the repeated game's set at the first level with discount
    delta (1 - p): substitute W0 into its own fixed-point equation
    v = (1 - delta) g + delta ((1 - p) w + p e), w in W0.
    """
    delta = DEFAULT.delta
    sets = AutomationGame(DEFAULT, [0.3, 0.7], advance_chain(2, speed)).equilibrium_payoffs()
    alpha = (1 - delta) / (1 - delta + delta * speed)
    shorter = RepeatedGame(StrikeGame(DEFAULT, 0.3), delta * (1 - speed)).equilibrium_payoffs()
    e = np.array([DEFAULT.w, 1 - DEFAULT.w])
    assert _same_set(sets[0].vertices, alpha * shorter.vertices + (1 - alpha) * e, tol=1e-8)


def test_revolt_row_and_absorbing_states():
    scenario = DEFAULT.exact()
    game = AutomationGame(scenario, [Fraction(1, 5), Fraction(1, 2)], revolt_cost=Fraction(3, 10))
    assert game.n_states == 4
    stage = game.stage_games[0]
    assert stage.labels[0][-1] == REVOLT
    labor, capital = (np.asarray(m, dtype=object) for m in stage.payoff_matrices)
    mu = Fraction(3, 10)
    revolt = f.evaluate(f.LABOR_REVOLT_PAYOFF, {f.mu: mu})
    assert list(labor[-1]) == [revolt, revolt] and list(capital[-1]) == [0, 0]
    moves = np.asarray(game.transitions[1], dtype=object)
    assert list(moves[-1, 0]) == [0, 0, 0, 1]  # a revolt at the second level
    assert list(moves[0, 0]) == [0, 1, 0, 0]
    assert np.asarray(game.transitions[2], dtype=object).shape == (1, 1, 4)


def test_a_worthless_revolt_changes_nothing():
    levels = [0.3, 0.5]
    plain = AutomationGame(DEFAULT, levels, advance_chain(2, 0.5)).equilibrium_payoffs()
    armed = AutomationGame(
        DEFAULT, levels, advance_chain(2, 0.5), revolt_cost=1.0
    ).equilibrium_payoffs()
    for ours, theirs in zip(armed[:2], plain, strict=True):
        assert _same_set(ours.vertices, theirs.vertices)


def test_revolt_sets_labors_floor():
    # Revolution pays 1 - mu = 0.7 forever, more than the wage: labor's worst payoff
    # is at least that, and capital must pay for it.
    sets = AutomationGame(DEFAULT, [0.3], revolt_cost=0.3).equilibrium_payoffs()
    assert sets[0].min(0) >= 0.7 - 1e-9
    # Revolution worth more than anything the firm pays: labor revolts at once.
    sets = AutomationGame(DEFAULT, [0.3], revolt_cost=0.1).equilibrium_payoffs()
    assert _same_set(sets[0].vertices, [[0.9, 0.0]])


def test_revolt_cost_as_a_function_of_automation():
    game = AutomationGame(DEFAULT, [0.0, 1.0], revolt_cost=lambda a: 0.2 + 0.5 * a)
    labor = [np.asarray(g.payoff_matrices[0], dtype=float) for g in game.stage_games[2:]]
    assert [m[0, 0] for m in labor] == pytest.approx([0.8, 0.3])
    with pytest.raises(ValueError, match="revolt_cost"):
        AutomationGame(DEFAULT, [0.5], revolt_cost=1.5)


# --- Investment as capital's action ---------------------------------------------------


def _exact_cost():
    return cost("quadratic", k=Fraction(2, 5), gain=Fraction(1, 10))


def test_investment_twins_each_column_and_adds_the_automation_flow():
    scenario = DEFAULT.replace(theta=Fraction(1, 5)).exact()
    levels = [Fraction(0), Fraction(1, 10), Fraction(1, 5)]
    investment = _exact_cost()
    game = AutomationGame(scenario, levels, investment=investment)
    for s, a in enumerate(levels):
        stage, plain = game.stage_games[s], StrikeGame(scenario, a)
        # gain a - k a^2 / 2 by hand, split by ownership theta = 1/5.
        flow = Fraction(1, 10) * a - Fraction(1, 5) * a * a
        shares = (flow / 5, 4 * flow / 5)
        twins = 2 if s < len(levels) - 1 else 1
        for ours, theirs, share in zip(
            stage.payoff_matrices, plain.payoff_matrices, shares, strict=True
        ):
            expected = np.asarray(theirs, dtype=object) + share
            assert np.array_equal(
                np.asarray(ours, dtype=object), np.concatenate([expected] * twins, axis=1)
            )
        assert stage.labels[1] == (
            ("Share", "Keep", "Share+Invest", "Keep+Invest") if twins == 2 else ("Share", "Keep")
        )
    moves = np.asarray(game.transitions[1], dtype=object)
    # Without investing automation stays (the identity chain); investing moves it up.
    assert [list(moves[0, c]) for c in range(4)] == [[0, 1, 0]] * 2 + [[0, 0, 1]] * 2
    assert np.asarray(game.transitions[2]).shape == (2, 2, 3)


def test_investment_with_transfers_the_lockout_and_a_chain():
    scenario = scenarios.get("job-loss")
    game = AutomationGame(
        scenario, [0.2, 0.4], advance_chain(2, 0.5), transfers=[0.05], investment=cost()
    )
    assert game.stage_games[0].labels[1] == (
        "Keep",
        "Share 0.05",
        "Lockout",
        "Keep+Invest",
        "Share 0.05+Invest",
        "Lockout+Invest",
    )
    moves = np.asarray(game.transitions[0], dtype=float)
    assert moves[1, 2].tolist() == [0.5, 0.5] and moves[1, 5].tolist() == [0.0, 1.0]


def test_prohibitive_investment_leaves_the_first_level_a_repeated_game():
    # Beyond a = 0 automation costs far more than all output, so capital's payoff after
    # investing is below anything it gets by not investing (at least its minmax, >= 0):
    # no equilibrium invests, and the first state plays the repeated strike game.
    prohibitive = cost("quadratic", k=1000)
    sets = AutomationGame(DEFAULT, [0.0, 0.3, 0.6], investment=prohibitive).equilibrium_payoffs(
        inner=False
    )
    expected = RepeatedGame(StrikeGame(DEFAULT, 0.0), DEFAULT.delta).equilibrium_payoffs()
    assert _same_set(sets[0].vertices, expected.vertices, tol=1e-7)


def test_investment_refuses_revolt_and_infinite_costs():
    with pytest.raises(ValueError, match="investment and revolt_cost"):
        AutomationGame(DEFAULT, [0.2, 0.4], investment=cost(), revolt_cost=0.3)
    with pytest.raises(ValueError, match=r"C\(1.0\)"):
        AutomationGame(DEFAULT, [0.5, 1.0], investment=cost("calibrated"))
    with pytest.raises(ValueError, match="investment must be a Cost"):
        AutomationGame(DEFAULT, [0.5, 1.0], investment=0.4)


@pytest.mark.parametrize(
    ("chain", "message"),
    [
        ([[0.5, 0.6], [0, 1]], r"chain\[0\] must sum to 1"),
        ([[1.5, -0.5], [0, 1]], r"chain\[0\] must hold probabilities"),
        ([[1, 0], [Fraction(1, 3), Fraction(1, 3)]], r"chain\[1\] must sum to 1"),
        ([["half", 0.5], [0, 1]], r"chain\[0\] must hold probabilities"),
        ([[float("nan"), 1], [0, 1]], r"chain\[0\] must hold probabilities"),
    ],
)
def test_chain_rows_must_be_probabilities(chain, message):
    with pytest.raises(ValueError, match=message):
        AutomationGame(DEFAULT, [0.2, 0.4], chain)
