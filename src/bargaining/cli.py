"""The command line: ``bargaining report`` and friends.

Bad input ends with one line on standard error and exit status 2, never a
traceback.
"""

from __future__ import annotations

import sys
import warnings

import click

from . import __version__
from .cli_options import error_line, method_option, os_reason, scenario_option, set_option


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


def _scenario(name):
    from .labor import scenarios

    return scenarios.get(name)


@main.command()
@scenario_option
@click.option(
    "--compare/--no-compare",
    default=True,
    show_default=True,
    help="Add the breakdown points of every named scenario.",
)
@click.option(
    "--out",
    "out_dir",
    default="report",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for report.md, report.html, results.json and the figures.",
)
@click.option("--force", is_flag=True, help="Overwrite files of the same names in --out.")
def report(name, compare, out_dir, force):
    """Redistribution against automation, and where it breaks down.

    Prints the summary and writes the full report, with every number in
    results.json, to the --out folder.

    \b
    Examples:
      bargaining report
      bargaining report --scenario liebig --out build/liebig --no-compare
    """
    from ._output_folder import prepare_output_folder
    from .report import collect, render_text, write_report
    from .report_figures import draw_figures

    scenario = _scenario(name)
    prepare_output_folder(out_dir, REPORT_FILES, force=force)
    results = collect(scenario, compare=compare)
    try:
        figures = draw_figures(scenario, out_dir)
        written = write_report(results, out_dir, figures)
    except OSError as error:
        raise ValueError(f"cannot write the report to {out_dir!r}: {os_reason(error)}") from None
    click.echo(render_text(results), nl=False)
    click.echo(f"\nwritten: {', '.join(str(p) for p in (*written, *figures))}")


REPORT_FILES = (
    "report.md",
    "report.html",
    "results.json",
    *(f"{stem}.{kind}" for stem in ("redistribution", "investment") for kind in ("png", "svg")),
)


MAX_NUMBER_LENGTH = 1000


def parse_number(text, name):
    """A number from the command line: an integer, a fraction ``p/q``, a decimal or ``inf``.

    Integers and fractions stay exact; nothing is evaluated.
    """
    from fractions import Fraction

    cleaned = text.strip()
    if "_" in cleaned or len(cleaned) > MAX_NUMBER_LENGTH:
        raise ValueError(
            f"{name} must be a number of at most {MAX_NUMBER_LENGTH} characters without "
            f"underscores, got {error_line(text[:40])!r}"
        )
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


def _settings(pairs):
    values = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--set takes key=value, got {pair!r}")
        values[key.strip()] = parse_number(text, key.strip())
    return values


@main.command()
@scenario_option
@set_option("Change a parameter, e.g. --set delta=0.95 --set sigma=inf. Repeatable.")
@method_option
@click.option(
    "--strategy",
    type=click.Choice(["stick-and-carrot", "grim"]),
    default="stick-and-carrot",
    show_default=True,
    help="Strategy class of the closed form.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def breakdown(name, pairs, method, strategy, as_json):
    """The automation level at which redistribution breaks down.

    \b
    Examples:
      bargaining breakdown --scenario liebig
      bargaining breakdown --set delta=0.95 --method exact --json
    """
    import json
    from fractions import Fraction

    from .analysis import breakdown_automation

    scenario = _scenario(name).replace(**_settings(pairs))
    if method == "closed-form":
        scenario = scenario.exact()  # decimals as typed, so the closed form is exact
    threshold = breakdown_automation(scenario, method=method, strategy=strategy)
    value = None if threshold.value is None else float(threshold.value)
    exact = str(threshold.value) if isinstance(threshold.value, Fraction) else None
    if as_json:
        record = {
            "scenario": scenario.name,
            "parameters": {
                k: str(v) if isinstance(v, Fraction) else v for k, v in scenario.parameters.items()
            },
            "method": method,
            "strategy": threshold.strategy,
            "kind": threshold.kind,
            "value": value,
            "exact": exact,
        }
        click.echo(json.dumps(record, sort_keys=True))
        return
    shown = (
        threshold.kind if value is None else f"{value:.6f}" + (f" (= {exact})" if exact else "")
    )
    click.echo(f"{scenario.name}: a* = {shown}  [{method}, {threshold.strategy}]")


@main.command()
@click.option(
    "--paper",
    "papers",
    multiple=True,
    metavar="ID",
    help="Only this paper (repeatable); all by default.",
)
@click.option(
    "--out",
    "out_dir",
    default="figures",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the figures.",
)
def figures(papers, out_dir):
    """Rebuild the reproductions' figures and check their numbers.

    \b
    Example:
      bargaining figures --paper abreu-sannikov-2014 --out build/figures
    """
    from pathlib import Path

    from . import reproductions

    failed = 0
    for paper in papers or reproductions.PAPERS:
        module = reproductions.get(paper)
        try:
            result = module.reproduce(Path(out_dir) / paper)
        except OSError as error:
            raise ValueError(f"cannot write figures to {out_dir!r}: {os_reason(error)}") from None
        wrong = [c.label for c in result.comparisons if not c.agrees]
        failed += bool(wrong)
        status = "ok" if not wrong else f"DISAGREES on {', '.join(wrong)}"
        click.echo(f"{paper}: {len(result.figures)} figures, {status}")
    if failed:
        raise SystemExit(1)


@main.command("scenarios")
def list_scenarios():
    """List the named scenarios and their parameters."""
    from .labor import scenarios

    for name in scenarios.NAMES:
        scenario = scenarios.get(name)
        values = "  ".join(f"{k}={v}" for k, v in scenario.parameters.items())
        click.echo(f"{name:<12}  {values}\n{'':<14}{scenario.description}")


def _register_commands():
    from .cli_invest import invest
    from .cli_problemset import problemset
    from .cli_solve import solve
    from .cli_sweep import sweep

    for command in (invest, problemset, solve, sweep):
        main.add_command(command)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
