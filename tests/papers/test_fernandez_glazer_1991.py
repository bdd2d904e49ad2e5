"""Fernandez-Glazer reproduction: checks beyond the shared table."""

from fractions import Fraction as F

import sympy as sp

from bargaining.reproductions import fernandez_glazer as paper


def test_best_wages_solve_the_responders_indifference():
    # Union proposes W: the firm, refusing, strikes for a period (flow 0) and then
    # gets 1 - W'. Firm proposes W': the union, refusing, holds out (flow w0) and
    # then gets W.
    best, responding, du, df, w0 = sp.symbols("W Wp dU dF w0")
    solved = sp.solve(
        [(1 - best) - df * (1 - responding), responding - (1 - du) * w0 - du * best],
        [best, responding],
    )
    for union, firm, contract in ((F(9, 10), F(9, 10), F(1, 2)), (F(4, 5), F(9, 10), F(2, 5))):
        found = paper.equilibria(contract, union, firm)
        at = {du: union, df: firm, w0: contract}
        assert found.union_proposes == (contract, solved[best].subs(at))
        assert found.firm_proposes == (contract, solved[responding].subs(at))


def test_the_strike_threat_is_credible_exactly_while_w0_is_at_most_delta_squared():
    delta = F(9, 10)
    assert paper.equilibria(F(81, 100), delta, delta).strike_credible
    later = paper.equilibria(F(82, 100), delta, delta)
    assert not later.strike_credible
    assert later.union_proposes == (F(82, 100), F(82, 100))


def test_the_longest_strike_admits_an_agreement_and_one_more_period_does_not():
    delta, w0 = F(9, 10), F(1, 2)
    found = paper.equilibria(w0, delta, delta)
    best = found.union_proposes[1]

    def agreements(periods):  # wages x the union accepts and the firm prefers to fighting
        return w0 / delta**periods, 1 - (1 - best) / delta**periods

    low, high = agreements(found.max_strike_periods)
    assert low <= high
    low, high = agreements(found.max_strike_periods + 1)
    assert low > high
