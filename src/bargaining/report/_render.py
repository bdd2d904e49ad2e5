"""The report laid out three ways from one :class:`~bargaining.report._document_model.Document`.

Markdown and HTML come from the Jinja templates in ``templates/``; the console
gets plain text with aligned columns. The HTML page is one self-contained file:
its figures are inlined as SVG, it fetches nothing and prints cleanly.
"""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path

from ..labor import scenarios
from ._collect import collect
from ._document import document


@functools.cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("bargaining.report", "templates"),
        autoescape=jinja2.select_autoescape(["html.j2"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _figure_stems(figures):
    return {Path(f).stem for f in figures}


def render_markdown(results, figures=None):
    """The report as Markdown; ``figures`` (paths or stems) limits the figures shown."""
    stems = None if figures is None else _figure_stems(figures)
    text = _environment().get_template("report.md.j2").render(doc=document(results, stems))
    return _squeeze_blank_lines(text)


def render_html(results, figures=()):
    """The report as one self-contained HTML page, the SVG files of ``figures`` inlined."""
    svgs = {Path(f).stem: Path(f) for f in figures if Path(f).suffix == ".svg"}
    images = {
        stem: "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
        for stem, path in sorted(svgs.items())
    }
    doc = document(results, set(images))
    return _squeeze_blank_lines(
        _environment().get_template("report.html.j2").render(doc=doc, images=images)
    )


def _squeeze_blank_lines(text):
    lines = [line.rstrip() for line in text.splitlines()]
    kept = [line for i, line in enumerate(lines) if line or (i and lines[i - 1])]
    return "\n".join(kept).strip() + "\n"


def render_text(results, figures=None):
    """The report as plain text for the console: headings, aligned tables, figure names."""
    stems = None if figures is None else _figure_stems(figures)
    doc = document(results, stems)
    lines = [doc.title, "=" * len(doc.title), doc.summary]
    for number, section in enumerate(doc.sections, 1):
        heading = f"{number}. {section.title}"
        lines += ["", heading, "-" * len(heading)]
        for block in section.blocks:
            lines += _text_block(block)
    return "\n".join(lines) + "\n"


def _text_block(block):
    if block.kind == "paragraph":
        return [block.text]
    if block.kind == "items":
        return [f"  {term}: {text}" for term, text in block.items]
    if block.kind == "figure":
        return [f"  [figure {block.stem}.png: {block.title}]"]
    widths = [
        max(len(cell) for cell in column)
        for column in zip(block.columns, *block.rows, strict=True)
    ]

    def line(cells):
        return "  " + "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        )

    return [
        f"{block.caption}:",
        line(block.columns),
        *(line(row) for row in block.rows),
        *(f"  * {note}" for note in block.notes),
    ]


def build_report(scenario=scenarios.DEFAULT, *, compare=True):
    """The report on ``scenario`` as text (see :func:`~bargaining.report.collect`)."""
    return render_text(collect(scenario, compare=compare), figures=())


def write_report(results, out_dir, figures=()):
    """Write ``report.md``, ``report.html`` and ``results.json`` to ``out_dir``.

    Parameters
    ----------
    results : dict
        From :func:`~bargaining.report.collect`.
    out_dir : path
        Created if missing.
    figures : sequence of path
        Figure files already written to ``out_dir``: the Markdown links the
        PNG files, the HTML page inlines the SVG files.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "report.md", out / "report.html", out / "results.json"]
    written[0].write_text(render_markdown(results, figures))
    written[1].write_text(render_html(results, figures))
    written[2].write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return written
