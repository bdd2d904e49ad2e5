"""``bargaining scenarios``: list the named scenarios."""

from __future__ import annotations

import click


@click.command("scenarios")
def list_scenarios():
    """List the named scenarios and their parameters."""
    from ..labor import scenarios

    for name in scenarios.NAMES:
        scenario = scenarios.get(name)
        values = "  ".join(f"{k}={v}" for k, v in scenario.parameters.items())
        click.echo(f"{name:<12}  {values}\n{'':<14}{scenario.description}")
