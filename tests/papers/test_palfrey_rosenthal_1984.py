"""Palfrey-Rosenthal (1984) reproduction: checks beyond the shared table."""

from fractions import Fraction

import sympy as sp

from bargaining.labor import participation_game
from bargaining.reproductions import palfrey_rosenthal as paper


def test_the_three_worker_equilibria_solve_the_quadratic_by_sympy():
    p = sp.Symbol("p")
    roots = sp.solve(2 * p * (1 - p) - sp.Rational(3, 10), p)
    game = participation_game(3, 2, Fraction(3, 10), 1)
    assert game.symmetric_equilibria()[1:] == sorted(roots, key=float)
    assert [round(float(r), 6) for r in sorted(roots, key=float)] == list(paper.THREE_TWO)


def test_the_reference_closed_forms_are_the_ones_stated():
    for n, reference in paper.ONE_NEEDED.items():
        assert abs(1 - 0.3 ** (1 / (n - 1)) - reference) < 5e-7
    for n, reference in paper.ALL_NEEDED.items():
        assert abs(0.3 ** (1 / (n - 1)) - reference) < 5e-7
