"""A restricted parser that turns text from files and the command line into sympy.

The text is parsed by Python's :mod:`ast` module and never executed: the
syntax tree is walked, every node is checked against a whitelist, and the
sympy expression is built node by node. Nothing is handed to ``eval``,
``sympify`` or ``parse_expr``.

Accepted
--------
- numbers: integers and decimals (``2``, ``0.25``, ``1e-3``), read exactly,
  so ``0.1`` is the fraction ``1/10``;
- the names of declared parameters;
- ``+``, ``-``, ``*``, ``/``, ``**`` and unary ``-`` and ``+``;
- calls of ``min``, ``max`` (two or more arguments), ``sqrt``, ``exp`` and
  ``log`` (one argument), with positional arguments only;
- conditionals ``x if condition else y``, built as :class:`sympy.Piecewise`,
  whose condition compares expressions (``<``, ``<=``, ``>``, ``>=``, ``==``,
  ``!=``, chains such as ``0 < a < 1``) and combines comparisons with
  ``and``, ``or`` and ``not``.

Everything else is refused: attribute access, subscripts, other calls,
keyword arguments, lambdas, comprehensions, strings, unknown names. Limits
keep evaluation fast: at most :data:`MAX_LENGTH` characters, numbers of at
most :data:`MAX_DIGITS` digits, numeric exponents of at most
:data:`MAX_EXPONENT` in absolute value, and ``exp`` of numbers of at most
:data:`MAX_EXP_ARGUMENT`.

Examples
--------
>>> import sympy
>>> w = sympy.Symbol("w", real=True)
>>> parse_expression("max(1 - w, 0.25) ** 2", {"w": w})
Max(1/4, 1 - w)**2
>>> parse_expression("os.system('ls')", {}, where="g.toml, x")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: g.toml, x: calling 'os.system' is not allowed (functions: ...); offending token: ...
"""

from __future__ import annotations

import ast
import operator
import warnings
from decimal import Decimal, InvalidOperation

from ..._lazy import lazy_module

sp = lazy_module("sympy")

MAX_LENGTH = 2000
MAX_DIGITS = 1000
MAX_EXPONENT = 1000
MAX_EXP_ARGUMENT = 10_000
MAX_DEPTH = 60
MAX_SIZE = 5_000
MAX_MAGNITUDE = 10_000
FUNCTIONS = ("exp", "log", "max", "min", "sqrt")

_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: None}
_COMPARISONS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
_COMPARE = dict(zip(_COMPARISONS, ("Lt", "Le", "Gt", "Ge", "Eq", "Ne"), strict=True))


class _Builder:
    """Walks a syntax tree and builds the sympy expression, refusing what is not whitelisted."""

    def __init__(self, text, names, where):
        self.text, self.names, self.where = text, names, where
        self.sizes = {}

    def fail(self, reason, node=None):
        token = self.text if node is None else ast.get_source_segment(self.text, node)
        token = " ".join(str(token or self.text).split())
        shown = token if len(token) <= 60 else token[:57] + "..."
        raise ValueError(f'{self.where}: {reason}; offending token: "{shown}"')

    def value(self, node):
        if isinstance(node, ast.Constant):
            return self.number(node)
        if isinstance(node, ast.Name):
            written = ast.get_source_segment(self.text, node)
            if written is not None and written != node.id:
                reason = f"the name is written with lookalike characters (reads as {node.id!r})"
                self.fail(reason, node)
            if node.id not in self.names:
                known = ", ".join(sorted(self.names)) or "none"
                self.fail(f"unknown name {node.id!r} (parameters: {known})", node)
            return self.names[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            operand = self.value(node.operand)
            return self.checked(-operand if isinstance(node.op, ast.USub) else operand, node)
        if isinstance(node, ast.BinOp) and type(node.op) in (*_BINARY, ast.Pow):
            return self.binary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.IfExp):
            return self.conditional(node)
        self.fail(f"{_describe(node)} is not allowed in an expression", node)

    def number(self, node):
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(f"{type(value).__name__} literals are not allowed, only numbers", node)
        text = (ast.get_source_segment(self.text, node) or str(value)).replace("_", "")
        try:
            decimal = Decimal(text) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            self.fail("malformed number", node)
        sign, digits, exponent = decimal.as_tuple()
        if len(digits) > MAX_DIGITS or (decimal and abs(decimal.adjusted()) > MAX_DIGITS):
            self.fail(f"numbers may have at most {MAX_DIGITS} digits", node)
        mantissa = int("".join(map(str, digits))) * (-1 if sign else 1)
        return self.checked(sp.Integer(mantissa) * sp.Rational(10) ** exponent, node)

    def binary(self, node):
        left, right = self.value(node.left), self.value(node.right)
        if isinstance(node.op, ast.Pow):
            self.check_power(left, right, node)
            return self.checked(left**right, node)
        if isinstance(node.op, ast.Div):
            if right == 0 or right.is_zero:
                self.fail("division by zero", node)
            return self.checked(left / right, node)
        return self.checked(_BINARY[type(node.op)](left, right), node)

    def check_power(self, base, exponent, node):
        """Refuse powers sympy would expand into huge numbers before ``checked`` sees them."""
        if not exponent.is_Number:
            return
        if exponent.is_Rational and max(abs(exponent.p), exponent.q) > MAX_EXPONENT:
            self.fail(f"exponents must be at most {MAX_EXPONENT} in absolute value", node)
        if exponent.is_Float and abs(exponent) > MAX_EXPONENT:
            self.fail(f"exponents must be at most {MAX_EXPONENT} in absolute value", node)
        if base.is_number and not base.free_symbols:
            # sympy multiplies out integer powers of constants, however irrational the base:
            # (10*sqrt(2))**999 becomes 10**999 * 2**499 * sqrt(2).
            if _height(base) * abs(exponent) > MAX_DIGITS:
                self.fail(f"the power would have more than {MAX_DIGITS} digits", node)
            if _magnitude(base) * abs(exponent) > MAX_MAGNITUDE:
                self.fail(f"the power would exceed 10**{MAX_MAGNITUDE} in magnitude", node)
        if base == 0 and exponent.is_negative:
            self.fail("division by zero", node)

    def call(self, node):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS:
            shown = name or ast.get_source_segment(self.text, node.func)
            self.fail(
                f"calling {shown!r} is not allowed (functions: {', '.join(FUNCTIONS)})", node
            )
        if node.keywords:
            self.fail(f"keyword arguments are not allowed in {name}()", node.keywords[0])
        if any(isinstance(a, ast.Starred) for a in node.args):
            self.fail(f"argument unpacking is not allowed in {name}()", node)
        arguments = [self.value(a) for a in node.args]
        wanted = "at least two arguments" if name in ("min", "max") else "one argument"
        if (len(arguments) < 2) if name in ("min", "max") else (len(arguments) != 1):
            self.fail(f"{name}() takes {wanted}, got {len(arguments)}", node)
        if name == "exp" and arguments[0].is_Number and abs(arguments[0]) > MAX_EXP_ARGUMENT:
            self.fail(f"exp() of a number above {MAX_EXP_ARGUMENT} in absolute value", node)
        if name == "log" and arguments[0] == 0:
            self.fail("log(0) is not finite", node)
        function = {"min": sp.Min, "max": sp.Max, "sqrt": sp.sqrt, "exp": sp.exp, "log": sp.log}
        return self.checked(function[name](*arguments), node)

    def conditional(self, node):
        """``x if condition else y``; a decided condition builds only the branch it picks."""
        condition = self.condition(node.test)
        if condition in (sp.true, sp.false):
            return self.value(node.body if condition == sp.true else node.orelse)
        chosen = sp.Piecewise((self.value(node.body), condition), (self.value(node.orelse), True))
        return self.checked(chosen, node)

    def condition(self, node):
        if isinstance(node, ast.BoolOp):
            parts = [self.condition(v) for v in node.values]
            return sp.And(*parts) if isinstance(node.op, ast.And) else sp.Or(*parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return sp.Not(self.condition(node.operand))
        if not isinstance(node, ast.Compare):
            self.fail("a condition must compare expressions (<, <=, >, >=, ==, !=)", node)
        operands = [self.value(node.left), *(self.value(c) for c in node.comparators)]
        parts = []
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            if type(op) not in _COMPARE:
                self.fail(f"the comparison {type(op).__name__} is not allowed", node)
            parts.append(getattr(sp, _COMPARE[type(op)])(left, right))
        return sp.And(*parts)

    def checked(self, result, node):
        """Refuse results too large to compute with, and numbers that are not finite and real.

        The size is counted as a tree, as sympy's algorithms see it, even where
        definitions share subexpressions: ``d*(d + 1)`` counts ``d`` twice.
        """
        if _tree_size(result, self.sizes) > MAX_SIZE:
            self.fail(
                f"the expression is too large (more than {MAX_SIZE} operations once the "
                "definitions it uses are written out)",
                node,
            )
        if result.is_Number or (result.is_number and not result.free_symbols):
            if result.has(sp.zoo, sp.oo, -sp.oo, sp.nan) or not _is_real(result):
                self.fail("the value is not a finite real number", node)
            if _height(result) > MAX_DIGITS:
                self.fail(f"numbers may have at most {MAX_DIGITS} digits", node)
            if _magnitude(result) > MAX_MAGNITUDE:
                self.fail(f"the value exceeds 10**{MAX_MAGNITUDE} in magnitude", node)
        if result.has(sp.zoo, sp.nan):
            self.fail("the value is not finite (division by zero?)", node)
        if result.is_Pow and result.exp.is_Number and abs(result.exp) > MAX_EXPONENT:
            self.fail(f"exponents must be at most {MAX_EXPONENT} in absolute value", node)
        return result


def _tree_size(expression, sizes):
    """Number of nodes of ``expression`` written out as a tree, memoised in ``sizes``.

    The walk visits each distinct subexpression once, so it is fast even when
    the tree it counts is exponentially larger than the shared graph.
    """
    stack = [expression]
    while stack:
        node = stack[-1]
        if node in sizes:
            stack.pop()
            continue
        pending = [a for a in node.args if a not in sizes]
        if pending:
            stack.extend(pending)
            continue
        stack.pop()
        sizes[node] = 1 + sum(sizes[a] for a in node.args)
    return sizes[expression]


def _height(constant):
    """The most digits of a rational number (numerator and denominator) in a constant."""
    rationals = [constant] if constant.is_Rational else constant.atoms(sp.Rational)
    return max((len(str(abs(r.p))) + len(str(r.q)) - 1 for r in rationals), default=1)


def _magnitude(constant):
    """``|log10 |constant||``, the decimal orders of magnitude of a nonzero constant (0 for 0)."""
    if constant.is_Rational:
        return abs(len(str(abs(constant.p))) - len(str(constant.q))) if constant else 0
    value = sp.Abs(constant).evalf(15, chop=False)
    if not value.is_Number or value == 0:
        return 0
    return abs(float(sp.log(value, 10).evalf(15)))


def _is_real(number):
    """Whether a constant is real, deciding numerically when sympy cannot say."""
    if number.is_real is not None:
        return number.is_real
    return sp.im(number.evalf(30)) == 0


def _describe(node):
    kind = type(node).__name__
    names = {"Attribute": "attribute access", "Subscript": "subscripting", "Lambda": "lambda"}
    names |= {"Compare": "a comparison outside a condition", "BoolOp": "'and'/'or' there"}
    names |= dict.fromkeys(("ListComp", "SetComp", "DictComp", "GeneratorExp"), "a comprehension")
    if isinstance(node, ast.BinOp | ast.UnaryOp):
        return f"the operator {type(node.op).__name__}"
    return names.get(kind, f"the syntax {kind}")


def parse_expression(text, names, *, where="expression"):
    """Parse ``text`` into a sympy expression using only whitelisted syntax.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"w + tau"`` or ``"1 if a < 1/2 else 0"``.
    names : mapping of str to sympy expression
        The names the text may use and what they stand for: symbols for a
        symbolic result, numbers to evaluate.
    where : str
        Where the text comes from, e.g. ``"game.toml, payoffs.row[0][1]"``;
        it starts every error message.

    Returns
    -------
    sympy.Expr
        The expression; a sympy number when ``names`` hold numbers.

    Raises
    ------
    ValueError
        One line naming ``where``, the reason and the offending token, for
        syntax errors and everything outside the whitelist.

    References
    ----------
    Python's abstract syntax grammar: https://docs.python.org/3/library/ast.html
    """
    if not isinstance(text, str):
        raise ValueError(f"{where}: an expression must be text, got {text!r}")
    if len(text) > MAX_LENGTH:
        raise ValueError(f"{where}: expressions may have at most {MAX_LENGTH} characters")
    if not text.strip():
        raise ValueError(f"{where}: the expression is empty")
    try:
        with warnings.catch_warnings():  # e.g. "1if": a SyntaxWarning, then refused below
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        reason = getattr(error, "msg", None) or type(error).__name__
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise ValueError(
            f'{where}: invalid syntax ({reason}); offending text: "{shown}"'
        ) from None
    if _depth(tree.body) > MAX_DEPTH:
        raise ValueError(f"{where}: expressions may be nested at most {MAX_DEPTH} levels deep")
    try:
        return _Builder(text.strip(), names, where).value(tree.body)
    except (ArithmeticError, TypeError) as error:  # e.g. sympy refusing to compare numbers
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ValueError(f"{where}: cannot evaluate the expression ({reason})") from None


def _depth(tree):
    """Nesting depth of a syntax tree, computed without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def parse_number(text, *, where="value"):
    """A constant expression such as ``"3/10"`` or ``"0.9"`` as a sympy number (exact if it is).

    Parameters and errors as for :func:`parse_expression`, with no names allowed.
    """
    return parse_expression(text, {}, where=where)
