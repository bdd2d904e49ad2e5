"""``bargaining participation``: the symmetric equilibria of a threshold strike game.

Registered on the main command group with ``main.add_command(participation)``.
Bad input ends with one line on standard error and exit status 2.
"""

from __future__ import annotations

from fractions import Fraction

import click

from ._options import parse_number

# Exact roots of a degree n - 1 polynomial take seconds past this many workers.
MAX_WORKERS = 100


def _show(value):
    """An exact value and, unless it is a short fraction, its decimal expansion."""
    if isinstance(value, Fraction | int):
        text = str(value)
        return text if value.denominator == 1 else f"{text} = {float(value):.6f}"
    exact = str(value)
    if len(exact) > 30:  # a CRootOf: the decimal says more
        return f"{float(value):.6f}"
    return f"{exact} = {float(value):.6f}"


@click.command("participation")
@click.option(
    "-n",
    "--workers",
    type=click.IntRange(2, MAX_WORKERS),
    required=True,
    help="Workers who may join the strike.",
)
@click.option(
    "-k", "--needed", type=int, required=True, help="Strikers needed for the strike to succeed."
)
@click.option(
    "--cost",
    "cost_text",
    required=True,
    help="What joining costs a worker (a number such as 0.3 or 3/10; read exactly).",
)
@click.option(
    "--value",
    "value_text",
    default="1",
    show_default=True,
    help="What success pays every worker.",
)
def participation(workers, needed, cost_text, value_text):
    """Symmetric equilibria of the strike that succeeds if NEEDED of WORKERS join."""
    from ..labor.participation import (
        max_join_cost,
        participation_equilibria,
        success_probability,
    )

    cost = parse_number(cost_text, "cost")
    value = parse_number(value_text, "value")
    equilibria = participation_equilibria(workers, needed, cost, value)
    click.echo(
        f"{workers} workers, {needed} needed, joining costs {cost_text.strip()}, "
        f"success pays {value_text.strip()}"
    )
    click.echo("symmetric equilibria (p: the probability each worker joins):")
    for p in equilibria:
        chance = success_probability(workers, needed, p)
        click.echo(f"  p = {_show(p)}   strike succeeds with probability {float(chance):.6f}")
    bound = max_join_cost(workers, needed, value)
    click.echo(f"largest cost with a mixed equilibrium: {_show(bound)}")
    if needed >= 2:
        click.echo(f"pure equilibria: nobody joins, or exactly {needed} workers join")
    else:
        click.echo("pure equilibria: exactly 1 worker joins")
