"""``bargaining figures``: rebuild the reproductions' figures and check their numbers."""

from __future__ import annotations

import click

from ._options import os_reason


@click.command()
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

    from .. import reproductions

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
