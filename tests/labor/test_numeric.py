"""Generated numpy code of the formulas: up to date, equal to sympy, and free of sympy."""

import subprocess
import sys

import numpy as np
import pytest
import sympy as sp

from bargaining.labor import _generate, formulas, numeric
from bargaining.labor._formula_functions import FUNCTIONS


def test_generated_module_is_up_to_date_with_the_formulas():
    # On failure: make formulas (python -m bargaining.labor._generate), then commit.
    assert _generate.TARGET.read_text() == _generate.source()


def test_every_formula_sympy_can_print_for_numpy_has_generated_code():
    keyed = formulas.keyed_formulas()
    missing = sorted(set(keyed) - set(FUNCTIONS))
    # Only the global-game formulas need a special function numpy lacks (erfinv).
    assert missing and all("erfinv" in str(keyed[key].atoms(sp.Function)) for key in missing)


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_generated_code_equals_the_lambdified_expression(key):
    expression = formulas.keyed_formulas()[key]
    symbols = tuple(sorted(expression.free_symbols, key=str))
    lambdified = sp.lambdify(symbols, expression, "numpy")
    rng = np.random.default_rng(sum(map(ord, key)))
    # Scalars (some formulas use math functions); numbers of workers n = 8 and k_J = 3.
    integers = {"n": 8.0, "k_J": 3.0}
    for _ in range(5):
        values = [np.float64(integers.get(str(s), rng.uniform(0.05, 0.95))) for s in symbols]
        with np.errstate(all="ignore"):
            expected = np.asarray(lambdified(*values), dtype=float)
            found = np.asarray(numeric.formula(key)(*values), dtype=float)
        np.testing.assert_array_equal(found, expected)


def test_compiled_formulas_use_the_generated_code_with_the_arguments_in_any_order():
    function = formulas.compiled(formulas.MAX_TRANSFER_CAPITAL, formulas.TRANSFER_ARGUMENTS)
    y, w, b, delta, theta = 0.4, 0.6, 0.2, 0.9, 0.1
    point = dict(zip(formulas.TRANSFER_ARGUMENTS, (y, w, b, delta, theta), strict=True))
    expected = float(formulas.MAX_TRANSFER_CAPITAL.subs(point))
    assert function(y, w, b, delta, theta) == pytest.approx(expected, rel=1e-14)
    grim = formulas.compiled(formulas.MAX_TRANSFER_GRIM, formulas.TRANSFER_ARGUMENTS)
    assert grim(y, w, b, delta, theta) == 0


def test_a_formula_missing_an_argument_or_without_generated_code_is_refused():
    with pytest.raises(ValueError, match="arguments of MAX_TRANSFER_CAPITAL must include theta"):
        numeric.formula("MAX_TRANSFER_CAPITAL", ("y", "w", "b", "delta"))
    with pytest.raises(ValueError, match="no generated numpy code for the formula 'SIGNAL_TH"):
        numeric.formula("SIGNAL_THRESHOLD")


def test_strike_output_on_floats_covers_every_regime_and_full_automation():
    a = np.array([0.0, 0.3, 0.7, 1.0])
    for sigma in (0.0, 0.5, 1.0, 2.0, np.inf):
        found = numeric.float_strike_output(a, sigma, 0.4)
        exact = [formulas_strike_output(float(x), sigma, 0.4) for x in a]
        np.testing.assert_allclose(found, exact, rtol=1e-14)
        assert found[-1] == 1


def formulas_strike_output(a, sigma, rho):
    from bargaining.labor.technology import regime

    if a == 1:
        return 1.0
    expression = formulas.STRIKE_OUTPUT[regime(sigma)]
    return float(expression.subs({formulas.a: a, formulas.sigma: sigma, formulas.rho: rho}))


def test_closed_form_sweep_runs_without_importing_sympy():
    code = (
        "import sys\n"
        "from bargaining.analysis import sweep\n"
        "found = sweep('max_redistribution', a=[0.0, 0.3], delta=[0.9, 0.95], progress=False)\n"
        "sweep('breakdown_automation', delta=[0.9, 0.95], progress=False)\n"
        # sympy.core is loaded once sympy is imported for real (sympy itself may be a
        # lazy stand-in).
        "print(round(float(found.sel(a=0.3, delta=0.9)), 6), 'sympy.core' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.split() == ["0.083158", "False"], found.stderr


@pytest.mark.parametrize("key", sorted(FUNCTIONS))
def test_exact_formula_equals_sympys_substitution_or_declines(key):
    from fractions import Fraction

    expression = formulas.keyed_formulas()[key]
    symbols = sorted(expression.free_symbols, key=str)
    rng = np.random.default_rng(sum(map(ord, key)))
    integers = {"n": 8, "k_J": 3}
    for _ in range(5):
        values = {
            s.name: integers.get(s.name, Fraction(int(rng.integers(1, 20)), 20)) for s in symbols
        }
        found = numeric.exact_formula(key, values)
        if found is None:
            continue
        expected = expression.subs({s: sp.Rational(values[s.name]) for s in symbols})
        assert expected.is_Rational
        assert isinstance(found, Fraction)
        assert found == Fraction(int(expected.p), int(expected.q))


def test_exact_formula_declines_irrational_answers_floats_and_missing_values():
    from fractions import Fraction

    # (sigma - 1) / sigma = -1 at sigma = 1/2: the CES output is rational there, not at 1/3.
    half = {"a": Fraction(1, 2), "rho": Fraction(1, 5), "sigma": Fraction(1, 2)}
    assert numeric.exact_formula("STRIKE_OUTPUT[complements]", half) == Fraction(1, 3)
    third = {**half, "sigma": Fraction(1, 3)}
    assert numeric.exact_formula("STRIKE_OUTPUT[complements]", third) is None
    assert numeric.exact_formula("STRIKE_OUTPUT[complements]", {**half, "a": 0.5}) is None
    assert numeric.exact_formula("STRIKE_OUTPUT[complements]", {"a": Fraction(1, 2)}) is None
    assert numeric.exact_formula("no such formula", half) is None
    # Cobb-Douglas output takes a logarithm: always left to sympy.
    assert numeric.exact_formula("STRIKE_OUTPUT[cobb-douglas]", half) is None


def test_exact_substitution_of_a_formula_matches_sympy_without_calling_it(monkeypatch):
    from fractions import Fraction

    from bargaining.labor import evaluation

    values = {formulas.a: Fraction(3, 10), formulas.rho: Fraction(1, 5)}
    values[formulas.sigma] = Fraction(1, 2)
    expression = formulas.STRIKE_OUTPUT["complements"]
    expected = expression.subs({s: sp.Rational(v) for s, v in values.items()})
    monkeypatch.setattr(evaluation, "from_sympy", lambda value: pytest.fail("sympy evaluated"))
    assert evaluation.substitute(expression, values) == Fraction(int(expected.p), int(expected.q))


def test_exact_formula_picks_the_piece_of_a_piecewise_formula_exactly():
    from fractions import Fraction

    expression = formulas.MAX_TRANSFER_STICK_AND_CARROT
    values = {"b": Fraction(1, 5), "delta": Fraction(9, 10), "theta": Fraction(0)}
    values["w"] = Fraction(3, 5)
    pieces = set()
    for y in (Fraction(1, 5), Fraction(1, 4), Fraction(1, 3)):
        found = numeric.exact_formula("MAX_TRANSFER_STICK_AND_CARROT", {**values, "y": y})
        symbols = {getattr(formulas, k): sp.Rational(v) for k, v in {**values, "y": y}.items()}
        expected = expression.subs(symbols)
        assert isinstance(found, Fraction) and found == Fraction(int(expected.p), int(expected.q))
        pieces.add(found > 0)
    assert pieces == {True, False}
