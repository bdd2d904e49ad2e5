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
