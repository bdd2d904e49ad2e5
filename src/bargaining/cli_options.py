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
    """A repeatable ``--set KEY=VALUE`` option (values parsed by ``cli.parse_number``)."""
    return click.option("--set", "pairs", multiple=True, metavar="KEY=VALUE", help=help_text)


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
