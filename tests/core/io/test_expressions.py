"""The restricted expression parser: what it builds, and what it refuses without running it."""

import time

import pytest
import sympy as sp

from bargaining.core.io.expressions import MAX_LENGTH, parse_expression, parse_number

a, w = sp.symbols("a w", real=True)
NAMES = {"a": a, "w": w}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("w + 0.1", w + sp.Rational(1, 10)),
        ("-a ** 2 / 4", -(a**2) / 4),
        ("+w - 3 * a", w - 3 * a),
        ("max(w, a, 1)", sp.Max(w, a, 1)),
        ("min(1 - a, w)", sp.Min(1 - a, w)),
        ("sqrt(a) * exp(w) - log(a)", sp.sqrt(a) * sp.exp(w) - sp.log(a)),
        ("(1 - a) ** ((w - 1) / w)", (1 - a) ** ((w - 1) / w)),
        ("1e-3", sp.Rational(1, 1000)),
        ("1_000", sp.Integer(1000)),
        ("1 if a < 1/2 else 0", sp.Piecewise((1, a < sp.Rational(1, 2)), (0, True))),
        ("w if 0 <= a < 1 else 1", sp.Piecewise((w, (a >= 0) & (a < 1)), (1, True))),
        ("w if a == 0 or not w > 1 else 0", sp.Piecewise((w, sp.Eq(a, 0) | (w <= 1)), (0, True))),
    ],
)
def test_accepted_syntax_builds_the_sympy_expression(text, expected):
    assert sp.simplify(parse_expression(text, NAMES) - expected) == 0


def test_decimals_are_exact_and_numbers_evaluate():
    assert parse_number("0.1 + 0.2") == sp.Rational(3, 10)
    assert parse_number("2 ** 10 / 4") == 256
    assert parse_expression("a * w", {"a": sp.Integer(3), "w": sp.Rational(1, 2)}) == sp.Rational(
        3, 2
    )


def test_a_decided_condition_builds_only_its_branch():
    # The untaken branch divides by zero at sigma = 1; it must not be evaluated.
    text = "rho ** (1 - a) if sigma == 1 else rho ** (sigma / (sigma - 1))"
    names = {"rho": sp.Rational(1, 4), "a": sp.Rational(1, 2), "sigma": sp.Integer(1)}
    assert parse_expression(text, names) == sp.Rational(1, 2)


@pytest.mark.parametrize(
    ("text", "reason", "token"),
    [
        ("os.system('ls')", "calling 'os.system' is not allowed", "os.system('ls')"),
        ("__import__('os')", "calling '__import__' is not allowed", "__import__('os')"),
        ("w.real", "attribute access", "w.real"),
        ("w[0]", "subscripting", "w[0]"),
        ("(lambda: 1)()", "calling", "(lambda: 1)()"),
        ("lambda: 1", "lambda", "lambda: 1"),
        ("[x for x in w]", "a comprehension", "[x for x in w]"),
        ("max(w, key=a)", "keyword arguments", "key=a"),
        ("max(*w)", "argument unpacking", "max(*w)"),
        ("eval('1')", "calling 'eval'", "eval('1')"),
        ("b + 1", "unknown name 'b'", "b"),
        ("'text'", "str literals", "'text'"),
        ("True", "bool literals", "True"),
        ("1j", "complex literals", "1j"),
        ("w < 1", "a comparison outside a condition", "w < 1"),
        ("w @ a", "the operator MatMult", "w @ a"),
        ("w // 2", "the operator FloorDiv", "w // 2"),
        ("1 if w else 0", "a condition must compare", "w"),
        ("9 ** 9 ** 9", "exponents must be at most", "9 ** 9 ** 9"),
        ("10 ** 999 * 10 ** 999", "more than 1000 digits", "10 ** 999"),
        ("(w + 1) ** 900 ** 1", "", ""),
        ("((w + 1) ** 1000) ** 1000", "exponents must be at most", "((w + 1) ** 1000) ** 1000"),
        ("exp(100000)", "exp() of a number above", "exp(100000)"),
        ("1 / (w - w)", "division by zero", "1 / (w - w)"),
        ("log(0)", "log(0) is not finite", "log(0)"),
        ("sqrt(-1)", "not a finite real number", "sqrt(-1)"),
        ("sqrt(1, 2)", "sqrt() takes one argument", "sqrt(1, 2)"),
        ("min(w)", "min() takes at least two arguments", "min(w)"),
    ],
)
def test_refused_syntax_names_where_reason_and_token(text, reason, token):
    if not reason:  # a moderate symbolic power is fine
        assert parse_expression(text, NAMES) == (w + 1) ** 900
        return
    with pytest.raises(ValueError) as caught:
        parse_expression(text, NAMES, where="game.toml, payoffs.row[0][1]")
    message = str(caught.value)
    assert message.startswith("game.toml, payoffs.row[0][1]: ")
    assert reason in message
    assert f'offending token: "{token}"' in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1 +",
        "1; 2",
        "x = 1",
        "import os",
        "(" * 300 + "1" + ")" * 300,
        "-" * 1500 + "1",
    ],
)
def test_syntax_errors_and_deep_nesting_are_one_line_value_errors(text):
    with pytest.raises(ValueError, match=r"^here: ") as caught:
        parse_expression(text, NAMES, where="here")
    assert "\n" not in str(caught.value)


def test_long_text_and_non_text_are_refused():
    with pytest.raises(ValueError, match="at most"):
        parse_expression("1+" * MAX_LENGTH + "1", NAMES)
    with pytest.raises(ValueError, match="must be text"):
        parse_expression(3, NAMES)


def test_nothing_in_a_refused_expression_runs(tmp_path):
    marker = tmp_path / "ran"
    attack = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    with pytest.raises(ValueError):
        parse_expression(attack, NAMES)
    with pytest.raises(ValueError):
        parse_expression(f"w if {attack} else 0", NAMES)
    assert not marker.exists()


def test_composed_definitions_are_bounded_by_their_written_out_size():
    # d_{k+1} = d_k * (d_k + 1): the shared graph stays small while the tree doubles;
    # thirty steps used to hang loading an 834-byte file.
    names = {"w": w}
    with pytest.raises(ValueError, match=r"d\d+: the expression is too large"):
        for k in range(30):
            text = f"d{k} * (d{k} + 1)" if k else "w * (w + 1)"
            names[f"d{k + 1}"] = parse_expression(text, names, where=f"d{k + 1}")
    assert 8 <= k < 30  # a few steps pass: the bound is on size, not on chaining


@pytest.mark.parametrize(
    "text",
    [
        "(((sqrt(2)*10)**999)**999)**999",
        "(sqrt(2)*10)**999",
        "(2**(1000*sqrt(2)))**999",
        "exp(10000)**999",
        "(sqrt(3) + 7)**400 * (sqrt(3) + 7)**400 * 10**999",
    ],
)
def test_powers_of_irrational_constants_are_refused_before_sympy_expands_them(text):
    start = time.perf_counter()
    with pytest.raises(ValueError, match="power would"):
        parse_expression(text, {})
    assert time.perf_counter() - start < 2


def test_moderate_powers_of_irrational_constants_still_work():
    assert parse_expression("sqrt(2)**20", {}) == 1024
    assert parse_expression("(sqrt(2)*10)**40", {}) == 2**20 * 10**40


def test_lookalike_unicode_names_are_refused_not_folded():
    for text in ("\uff57 + 1", "\U0001d464 * 2"):  # fullwidth w, mathematical italic w
        with pytest.raises(ValueError, match=r"lookalike characters .*'w'"):
            parse_expression(text, NAMES)


def test_decimal_literals_are_limited_in_digits():
    with pytest.raises(ValueError, match="at most 1000 digits"):
        parse_expression("0." + "3" * 1500, {})
    assert parse_expression("0." + "3" * 400, {}) == sp.Rational(int("3" * 400), 10**400)
