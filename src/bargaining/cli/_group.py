"""The command line: ``bargaining report`` and friends.

Bad input ends with one line on standard error and exit status 2, never a
traceback.
"""

from __future__ import annotations

import sys
import warnings

import click

from .. import __version__
from ._options import error_line


class _Commands(click.Group):
    """A command group whose errors are one line on stderr and exit status 2.

    The library's ``ValueError`` and click's own usage errors alike.
    """

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _show_warning
                code = super().main(
                    args, prog_name or "bargaining", standalone_mode=False, **extra
                )
        except click.ClickException as error:
            click.echo(f"bargaining: error: {error_line(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("bargaining: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ValueError as error:
            click.echo(f"bargaining: error: {error_line(error)}", err=True)
            ctx.exit(2)


def _show_warning(message, category, filename, lineno, file=None, line=None):
    """Warnings on the command line: one line each, without Python's source location."""
    click.echo(f"bargaining: warning: {error_line(message)}", err=True)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bargaining")
def main():
    """Bargaining between labor and capital when production is automated."""


def _register_commands():
    from .breakdown import breakdown
    from .figures import figures
    from .invest import invest
    from .participation import participation
    from .problemset import problemset
    from .report import report
    from .scenarios import list_scenarios
    from .solve import solve
    from .sweep import sweep

    for command in (
        report,
        breakdown,
        sweep,
        solve,
        invest,
        participation,
        problemset,
        figures,
        list_scenarios,
    ):
        main.add_command(command)


_register_commands()
