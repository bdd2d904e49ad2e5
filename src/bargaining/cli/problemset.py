"""The ``bargaining problemset`` command: problem sheets with separate solution keys.

Registered on the main group with ``main.add_command(problemset)``. Bad input
ends with one line on standard error and exit status 2.
"""

from __future__ import annotations

import click

from ._options import error_line


def _fail(message):
    click.echo(f"bargaining: error: {error_line(message)}", err=True)
    raise SystemExit(2)


@click.command("problemset")
@click.option(
    "--topics",
    default="all",
    show_default=True,
    help="Comma-separated topics: equilibria, minmax, repeated, redistribution, nash-ks, "
    "rubinstein, revolution, or all.",
)
@click.option("--n", "count", default=1, show_default=True, type=int, help="Exercises per topic.")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of every draw.")
@click.option(
    "--format", "fmt", default="md", show_default=True, help="md, tex or pdf (needs latexmk)."
)
@click.option(
    "--out",
    "out_dir",
    default="problemset",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Directory for the sheet and the key.",
)
@click.option("--difficulty", default="medium", show_default=True, help="easy, medium or hard.")
@click.option(
    "--variants",
    default=1,
    show_default=True,
    type=int,
    help="One sheet per student: K sheets with seeds seed, seed+1, ...",
)
@click.option("--force", is_flag=True, help="Overwrite files of the same names in --out.")
def problemset(topics, count, seed, fmt, out_dir, difficulty, variants, force):
    """Write a problem sheet and its solution key (exact answers, worked steps)."""
    from .. import problemsets

    try:
        if fmt not in problemsets.FORMATS:
            raise ValueError(
                f"format must be one of {', '.join(problemsets.FORMATS)}, got {fmt!r}"
            )
        if variants == 1:
            sets = [problemsets.generate(topics, count, seed, difficulty)]
        else:
            sets = problemsets.variants(topics, count, seed, difficulty, variants)
        written = problemsets.write(sets, out_dir, fmt, force=force)
    except (ValueError, RuntimeError) as error:
        _fail(str(error).splitlines()[0])
    for note in written.notes:
        click.echo(f"bargaining: {note}", err=True)
    for path in written.paths:
        click.echo(str(path))
