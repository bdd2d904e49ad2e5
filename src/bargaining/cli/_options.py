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
