import warnings
from fractions import Fraction

import sympy as sp
from hypothesis import assume, given
from hypothesis import strategies as st

from bargaining import DegenerateGameWarning, Game

w, tau, b, y_s = sp.symbols("w tau b y_s")
STRIKE_GAME = Game(
    [[w + tau, w], [b + tau, b]],
    [[1 - w - tau, 1 - w], [y_s - tau, y_s]],
    labels=(("Work", "Strike"), ("Share", "Keep")),
)


def holding(equilibria, values):
    """The symbolic equilibria whose condition holds at ``values``, as numbers."""
    result = []
    for row, column, condition in equilibria:
        if bool(condition.subs(values)):
            result.append(
                (
                    tuple(Fraction(str(sp.nsimplify(p.subs(values)))) for p in row),
                    tuple(Fraction(str(sp.nsimplify(q.subs(values)))) for q in column),
                )
            )
    return sorted(result)


def test_strike_game_equilibrium_is_work_keep_when_striking_pays_less():
    found = STRIKE_GAME.equilibria()
    values = {w: sp.Rational(1, 2), tau: sp.Rational(1, 10), b: sp.Rational(1, 5), y_s: 0}
    assert holding(found, values) == [((1, 0), (0, 1))]
    work_keep = next(e for e in found if e.row == (1, 0) and e.column == (0, 1))
    assert work_keep.condition == sp.And(tau >= 0, w - b >= 0)


rationals = st.fractions(min_value=-5, max_value=5, max_denominator=7)


@given(st.lists(rationals, min_size=8, max_size=8))
def test_conditions_select_exactly_the_numeric_equilibria(entries):
    symbols = sp.symbols("a0:4 b0:4")
    game = Game([symbols[0:2], symbols[2:4]], [symbols[4:6], symbols[6:8]])
    A = [entries[0:2], entries[2:4]]
    B = [entries[4:6], entries[6:8]]
    numeric = Game(A, B)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DegenerateGameWarning)
        try:
            expected = sorted((tuple(x), tuple(y)) for x, y in numeric.equilibria())
        except DegenerateGameWarning:
            assume(False)
    values = {
        s: sp.Rational(v.numerator, v.denominator) for s, v in zip(symbols, entries, strict=True)
    }
    assert holding(game.equilibria(), values) == expected


def test_conditions_evaluate_where_the_mixing_formula_would_divide_by_zero():
    x = sp.Symbol("x")
    game = Game([[1, 0], [0, 1]], [[x, 0], [0, 1]])  # p = 1 / (x + 1)
    mixed = game.equilibria()[-1]
    assert mixed.row == (1 / (x + 1), x / (x + 1))
    assert bool(mixed.condition.subs(x, -1)) is False
    assert bool(mixed.condition.subs(x, -2)) is False
    assert bool(mixed.condition.subs(x, 2)) is True
