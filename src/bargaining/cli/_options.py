"""Options shared by several ``bargaining`` commands, defined once."""

from __future__ import annotations

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
    """A number from the command line: an integer, a fraction ``p/q``, a decimal or ``inf``.

    Integers and fractions stay exact; nothing is evaluated.
    """
    from fractions import Fraction

    cleaned = text.strip()
    try:
        if "/" in cleaned:
            numerator, denominator = cleaned.split("/")
            return Fraction(int(numerator), int(denominator))
        if cleaned.lstrip("+-").isdigit():
            return int(cleaned)
        value = float(cleaned)
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{name} must be a number, got {text!r}") from None
    return value


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
