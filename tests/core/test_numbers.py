import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

from bargaining.core import numbers as num


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (3, num.EXACT, Fraction(3)),
        (np.int64(-2), num.EXACT, Fraction(-2)),
        (Fraction(1, 3), num.EXACT, Fraction(1, 3)),
        (sp.Rational(2, 7), num.EXACT, Fraction(2, 7)),
        (0.25, num.FLOAT, 0.25),
        (np.float32(0.5), num.FLOAT, 0.5),
        (sp.Float(1.5), num.FLOAT, 1.5),
    ],
)
def test_numbers_are_classified_by_exactness(value, kind, expected):
    got_kind, got = num.classify(value)
    assert got_kind == kind
    assert got == expected
    assert type(got) is type(expected)


def test_symbols_and_irrational_constants_stay_symbolic():
    x = sp.Symbol("x")
    assert num.classify(x + 1)[0] == num.SYMBOLIC
    assert num.classify(sp.sqrt(2)) == (num.SYMBOLIC, sp.sqrt(2))


@pytest.mark.parametrize(
    "value", [math.nan, math.inf, -math.inf, sp.oo, sp.nan, sp.zoo, True, "1", 1j, None, [1]]
)
def test_bad_entries_raise_value_error_naming_the_entry(value):
    with pytest.raises(ValueError, match=r"A\[0\]\[1\]"):
        num.classify(value, "A[0][1]")


def test_symbolic_beats_float_beats_exact():
    assert num.combine_kinds([num.EXACT, num.FLOAT]) == num.FLOAT
    assert num.combine_kinds([num.EXACT, num.SYMBOLIC, num.FLOAT]) == num.SYMBOLIC
    assert num.combine_kinds([num.EXACT]) == num.EXACT


def test_conversion_to_sympy_is_exact_for_fractions():
    assert num.to_sympy(Fraction(1, 3)) == sp.Rational(1, 3)
