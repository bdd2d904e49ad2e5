"""The sections of a TOML game file, checked one by one; see :mod:`bargaining.core.io.gamefile`.

Every check raises a one-line :class:`ValueError` that starts with the file
name and names the entry, e.g. ``strike.toml, parameters.w.default: ...``.
"""

from __future__ import annotations

import keyword
import tomllib
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from ..._lazy import is_sympy
from .. import numbers as num
from ..validation import check_delta
from .expressions import FUNCTIONS, MAX_DIGITS, parse_number

MAX_FILE_SIZE = 1_000_000
MAX_ACTIONS = 100
MAX_NESTING = 8
SECTIONS = ("title", "description", "players", "parameters", "definitions", "payoffs", "repeated")


@dataclass(frozen=True)
class Parameter:
    """A named parameter of a game file: its default (or None) and allowed range."""

    name: str
    default: object = None
    low: object = None
    high: object = None
    description: str = ""


def number(value, where):
    """A finite real sympy number from a TOML value, a Python number or constant text."""
    if isinstance(value, str):
        value = parse_number(value, where=where)
    if is_sympy(value) and not (getattr(value, "is_number", False) and not value.free_symbols):
        raise ValueError(f"{where}: must be a number, got {value!r}")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and len(str(abs(value))) > MAX_DIGITS
    ):
        raise ValueError(f"{where}: numbers may have at most {MAX_DIGITS} digits")
    _, normalised = num.classify(value, where)
    return num.to_sympy(normalised)


def _exact_float(text):
    """``parse_float`` for tomllib: decimals become Fractions, non-finite ones stay floats."""
    try:
        decimal = Decimal(text.replace("_", ""))
    except InvalidOperation:
        return float(text)
    if not decimal.is_finite() or (decimal and abs(decimal.adjusted()) > MAX_DIGITS):
        return float("nan") if decimal.is_nan() else float("inf")
    if len(decimal.as_tuple().digits) > MAX_DIGITS:
        return float("inf")  # refused as "not a finite number", as an over-long integer is
    return Fraction(decimal)


def _text(value, where):
    """Text shown to the user: control characters (terminal escapes, bidi marks) are refused."""
    if not isinstance(value, str):
        raise ValueError(f"{where}: must be text, got {type(value).__name__}")
    for character in value:
        if character not in "\n\t" and unicodedata.category(character) in ("Cc", "Cf"):
            raise ValueError(
                f"{where}: control character {character!a} is not allowed in text"
            )
    return value


def _shown(value):
    """A value for an error message: its ``repr``, cut to one short line."""
    text = ascii(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _nesting(document, source):
    """Refuse arrays and tables nested deeper than a game file needs, without recursion."""
    stack = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_NESTING:
            raise ValueError(
                f"{source}: arrays and tables may be nested at most {MAX_NESTING} levels deep"
            )
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            stack.extend((child, depth + 1) for child in children)


def _identifier(name, where):
    if not name.isidentifier() or keyword.iskeyword(name) or name in FUNCTIONS or name[0] == "_":
        raise ValueError(f"{where}: {name!r} is not a valid parameter name")
    return name


def _table(document, key, where):
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{where}: [{key}] must be a table, got {_shown(value)}")
    return value


def _parameter(name, spec, where):
    if not isinstance(spec, dict):
        spec = {"default": spec}
    unknown = set(spec) - {"default", "min", "max", "description"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)} (use default, min, max)")
    numbers = {k: number(spec[k], f"{where}.{k}") for k in ("default", "min", "max") if k in spec}
    return Parameter(
        name,
        numbers.get("default"),
        numbers.get("min"),
        numbers.get("max"),
        _text(spec.get("description", ""), f"{where}.description"),
    )


def _player(document, side, source):
    players = _table(document, "players", source)
    unknown = sorted(set(players) - {"row", "column"})
    if unknown:
        raise ValueError(f"{source}, players: unknown keys {unknown} (use row, column)")
    spec = players.get(side, {})
    where = f"{source}, players.{side}"
    if not isinstance(spec, dict) or not isinstance(spec.get("name", side), str):
        raise ValueError(f"{where}: must be a table with a name and actions")
    unknown = sorted(set(spec) - {"name", "actions"})
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown} (use name, actions)")
    _text(spec.get("name", side), f"{where}.name")
    actions = spec.get("actions")
    if actions is not None and (
        not isinstance(actions, list)
        or not 0 < len(actions) <= MAX_ACTIONS
        or not all(isinstance(a, str) for a in actions)
        or len(set(actions)) != len(actions)
    ):
        raise ValueError(f"{where}.actions: must be 1 to {MAX_ACTIONS} distinct names")
    for index, action in enumerate(actions or ()):
        _text(action, f"{where}.actions[{index}]")
    return spec.get("name", side), actions


def _matrix(document, side, shape, source):
    where = f"{source}, payoffs.{side}"
    rows = _table(document, "payoffs", source).get(side)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) for r in rows):
        raise ValueError(f"{where}: must be a non-empty list of rows, got {_shown(rows)}")
    found = (len(rows), len(rows[0]))
    if any(len(r) != found[1] for r in rows) or (shape is not None and found != shape):
        raise ValueError(
            f"{where}: must be a {shape or 'rectangular'} matrix matching the actions"
        )
    if max(found) > MAX_ACTIONS or found[1] == 0:
        raise ValueError(f"{where}: must have 1 to {MAX_ACTIONS} rows and columns")
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, bool) or not isinstance(value, int | Fraction | float | str):
                raise ValueError(
                    f"{where}[{i}][{j}]: must be a number or an expression, got {_shown(value)}"
                )
    return rows


def read_sections(text, source):
    """Check the sections of a game file's text and return them as a dict.

    Returns
    -------
    dict
        ``title``, ``description``, ``players``, ``actions``, ``payoffs``
        (two lists of rows of raw entries), ``parameters`` (name to
        :class:`Parameter`), ``definitions`` (name to text) and ``delta``.
    """
    try:
        document = tomllib.loads(text.removeprefix("\ufeff"), parse_float=_exact_float)
    except ValueError as error:  # tomllib.TOMLDecodeError is a ValueError
        raise ValueError(f"{source}: not valid TOML: {' '.join(str(error).split())}") from None
    except RecursionError:
        raise ValueError(
            f"{source}: not valid TOML: arrays and tables may be nested at most "
            f"{MAX_NESTING} levels deep"
        ) from None
    _nesting(document, source)
    unknown = sorted(set(document) - set(SECTIONS))
    if unknown:
        raise ValueError(f"{source}: unknown entries {unknown} (allowed: {', '.join(SECTIONS)})")
    parameters = {
        _identifier(name, f"{source}, parameters"): _parameter(
            name, spec, f"{source}, parameters.{name}"
        )
        for name, spec in _table(document, "parameters", source).items()
    }
    definitions = {}
    for name, text_ in _table(document, "definitions", source).items():
        if name in parameters or not isinstance(text_, str | int | Fraction):
            raise ValueError(f"{source}, definitions.{name}: must be a new name and an expression")
        definitions[_identifier(name, f"{source}, definitions")] = str(text_)
    (row_name, row_actions), (column_name, column_actions) = (
        _player(document, side, source) for side in ("row", "column")
    )
    shape = (
        None
        if row_actions is None or column_actions is None
        else (len(row_actions), len(column_actions))
    )
    payoffs = tuple(_matrix(document, side, shape, source) for side in ("row", "column"))
    size = (len(payoffs[0]), len(payoffs[0][0]))
    if (len(payoffs[1]), len(payoffs[1][0])) != size:
        raise ValueError(f"{source}, payoffs: row and column payoffs have different shapes")
    actions = (
        tuple(row_actions or (f"r{i}" for i in range(size[0]))),
        tuple(column_actions or (f"c{j}" for j in range(size[1]))),
    )
    repeated = _table(document, "repeated", source)
    if set(repeated) - {"delta"}:
        raise ValueError(f"{source}, repeated: the only setting is delta, got {sorted(repeated)}")
    delta = None
    if "delta" in repeated:
        delta = check_delta(
            number(repeated["delta"], f"{source}, repeated.delta"), f"{source}, repeated.delta"
        )
    title = _text(document.get("title", source), f"{source}, title")
    description = _text(document.get("description", ""), f"{source}, description")
    return {
        "title": title,
        "description": description,
        "players": (row_name, column_name),
        "actions": actions,
        "payoffs": payoffs,
        "parameters": parameters,
        "definitions": definitions,
        "delta": delta,
    }
