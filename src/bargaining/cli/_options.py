"""Options shared by several ``bargaining`` commands, defined once."""

from __future__ import annotations

import math

import click

scenario_option = click.option(
    "--scenario",
    "name",
    default="default",
    show_default=True,
    help="A named scenario (see `bargaining scenarios`).",
)

method_option = click.option(
    "--method",
    type=click.Choice(["closed-form", "exact"]),
    default="closed-form",
    show_default=True,
    help="Closed-form strategy class, or the exact set of subgame-perfect payoffs.",
)


def set_option(help_text):
    """A repeatable ``--set KEY=VALUE`` option (values read by :func:`parse_settings`)."""
    return click.option("--set", "pairs", multiple=True, metavar="KEY=VALUE", help=help_text)


MAX_NUMBER_LENGTH = 1000


def parse_number(text, name):
    """A number from the command line, read like every number of a game file.

    The restricted parser of :func:`bargaining.core.io.parse_number` reads it
    (nothing is evaluated): integers, fractions ``p/q`` and decimals stay
    exact, as ``int`` or :class:`~fractions.Fraction`; an irrational constant
    such as ``sqrt(2)`` becomes a float. ``inf`` is plus infinity, for the
    elasticity ``sigma``.
    """
    from fractions import Fraction

    from ..core.io import parse_number as parse_constant

    cleaned = text.strip()
    if "_" in cleaned or len(cleaned) > MAX_NUMBER_LENGTH:
        raise ValueError(
            f"{name} must be a number of at most {MAX_NUMBER_LENGTH} characters without "
            f"underscores, got {error_line(text[:40])!r}"
        )
    if cleaned.lower().lstrip("+") in ("inf", "infinity"):
        return math.inf
    value = parse_constant(cleaned, where=name)
    if value.is_Integer:
        return int(value)
    if value.is_Rational:
        return Fraction(int(value.p), int(value.q))
    return float(value)


def parse_settings(pairs):
    """``KEY=VALUE`` texts of ``--set`` options as a dict of numbers (see :func:`parse_number`)."""
    values = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--set takes key=value, got {pair!r}")
        values[key.strip()] = parse_number(text, key.strip())
    return values


def scenario_named(name):
    """The named scenario ``name`` (a ValueError lists the names when it is unknown)."""
    from ..labor import scenarios

    return scenarios.get(name)


def error_line(message):
    """``message`` as one line safe for a terminal.

    Whitespace runs become one space, and control characters (terminal escape
    sequences, bidirectional overrides) are shown escaped, so text from a file
    can neither retitle the terminal nor spread over several lines.
    """
    import unicodedata

    text = " ".join(str(message).split())
    return "".join(
        ascii(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cf") else c for c in text
    )


def os_reason(error):
    """Why an ``OSError`` happened, in words (``strerror`` can be None)."""
    return error.strerror or " ".join(str(error).split()) or type(error).__name__
