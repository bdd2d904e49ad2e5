"""The command line: ``bargaining report`` and friends.

Bad input ends with one line on standard error and exit status 2, never a
traceback.
"""

from __future__ import annotations

import sys

import click

from . import __version__


class _Commands(click.Group):
    """A command group that turns the library's ``ValueError`` into one line and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ValueError as error:
            click.echo(f"bargaining: error: {error}", err=True)
            ctx.exit(2)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bargaining")
def main():
    """Bargaining between labor and capital when production is automated."""


def _scenario(name):
    from .labor import scenarios

    return scenarios.get(name)


@main.command()
@click.option(
    "--scenario",
    "name",
    default="default",
    show_default=True,
    help="A named scenario (see `bargaining scenarios`).",
)
@click.option(
    "--compare/--no-compare",
    default=True,
    show_default=True,
    help="Add the breakdown points of every named scenario.",
)
def report(name, compare):
    """Redistribution against automation, and where it breaks down."""
    from .report import build_report

    click.echo(build_report(_scenario(name), compare=compare), nl=False)


@main.command("scenarios")
def list_scenarios():
    """List the named scenarios and their parameters."""
    from .labor import scenarios

    for name in scenarios.NAMES:
        scenario = scenarios.get(name)
        values = "  ".join(f"{k}={v}" for k, v in scenario.parameters.items())
        click.echo(f"{name:<12}  {values}\n{'':<14}{scenario.description}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
