"""Rendering problem sets as markdown and LaTeX, and building PDFs with latexmk.

Templates are jinja2 files shipped in the package (``templates/``). LaTeX
templates use ``<< >>`` and ``<% %>`` as delimiters so that TeX's braces
never clash with jinja2's. Nothing time-dependent goes into a file: the same
problem set renders to the same bytes. PDFs are built in a temporary
directory with ``SOURCE_DATE_EPOCH`` fixed, and only the PDF is copied out.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import pathlib
import shutil
import subprocess
import tempfile

import jinja2

from .generator import TOPICS

FORMATS = ("md", "tex", "pdf")
PARTS = ("sheet", "key")
LATEX_PACKAGES = ("latexmk", "texlive-latex-base", "texlive-latex-recommended")


@functools.cache
def _environment(kind):
    options = {"keep_trailing_newline": True, "undefined": jinja2.StrictUndefined}
    if kind == "tex":
        options |= {
            "block_start_string": "<%",
            "block_end_string": "%>",
            "variable_start_string": "<<",
            "variable_end_string": ">>",
            "comment_start_string": "<#",
            "comment_end_string": "#>",
            "trim_blocks": True,
            "lstrip_blocks": True,
        }
    loader = jinja2.PackageLoader("bargaining.problemsets", "templates")
    return jinja2.Environment(loader=loader, autoescape=False, **options)


def _headings(problemset):
    names = "; ".join(TOPICS[t] for t in problemset.topics)
    heading = "Problem set" + (f" (variant {problemset.variant})" if problemset.variant else "")
    subtitle = f"Topics: {names}. Difficulty: {problemset.difficulty}. Seed {problemset.seed}."
    return heading, subtitle


def render(problemset, fmt="md", part="sheet"):
    """The text of a problem set's sheet or key.

    Parameters
    ----------
    problemset : ProblemSet
    fmt : {"md", "tex"}
    part : {"sheet", "key"}

    Returns
    -------
    str
    """
    if fmt not in ("md", "tex"):
        raise ValueError(f"fmt must be 'md' or 'tex' to render text, got {fmt!r}")
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}, got {part!r}")
    heading, subtitle = _headings(problemset)
    template = _environment(fmt).get_template(f"{part}.{fmt}.j2")
    return template.render(heading=heading, subtitle=subtitle, exercises=problemset.exercises)


def latex_engine():
    """The path of ``latexmk``, or ``None`` when it is not installed."""
    return shutil.which("latexmk")


def build_pdf(tex_path, pdf_path):
    """Compile ``tex_path`` with latexmk into ``pdf_path``, reproducibly.

    Raises
    ------
    RuntimeError
        If latexmk is missing or the compilation fails (with the log's last lines).
    """
    engine = latex_engine()
    if engine is None:
        raise RuntimeError("latexmk is not installed")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}
    with tempfile.TemporaryDirectory() as build:
        source = pathlib.Path(build) / "problemset.tex"
        shutil.copyfile(tex_path, source)
        result = subprocess.run(
            [engine, "-pdf", "-interaction=nonstopmode", "-halt-on-error", source.name],
            cwd=build,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            tail = "\n".join(result.stdout.splitlines()[-15:])
            raise RuntimeError(f"latexmk failed on {tex_path}:\n{tail}")
        shutil.copyfile(source.with_suffix(".pdf"), pdf_path)


@dataclasses.dataclass(frozen=True)
class Written:
    """What :func:`write` produced: the files, and notes for the user (one line each)."""

    paths: tuple
    notes: tuple


def write(problemsets, out_dir, fmt="md", *, force=False):
    """Write each problem set's sheet and key to ``out_dir``.

    One problem set gives ``sheet.<ext>`` and ``key.<ext>``; several (variants)
    give ``sheet-01.<ext>``, ``key-01.<ext>`` and so on. ``fmt="pdf"`` writes
    the LaTeX sources and, when latexmk is installed, the PDFs; without it,
    markdown and LaTeX are written and a note says so. Existing files of
    those names are replaced only with ``force``, and symbolic links never
    (see :func:`bargaining._output_folder.prepare_output_folder`).

    Returns
    -------
    Written

    Raises
    ------
    ValueError
        For an unknown format, an output folder that cannot be created or
        written, or files that would be overwritten without ``force``.
    """
    from .._output_folder import prepare_output_folder

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    engine = latex_engine() if fmt == "pdf" else None
    formats = {"md": ("md",), "tex": ("tex",), "pdf": ("tex",) if engine else ("md", "tex")}[fmt]
    several = len(problemsets) > 1
    suffixes = [f"-{n:02d}" if several else "" for n in range(1, len(problemsets) + 1)]
    kinds = [*formats, *(("pdf",) if engine else ())]
    names = [f"{part}{suffix}.{kind}" for suffix in suffixes for part in PARTS for kind in kinds]
    out = prepare_output_folder(out_dir, names, force=force)
    try:
        return _write_files(problemsets, out, formats, engine, suffixes, fmt)
    except OSError as error:
        raise ValueError(
            f"--out: cannot write to {str(out)!r}: {error.strerror or type(error).__name__}"
        ) from None


def _write_files(problemsets, out, formats, engine, suffixes, fmt):
    paths, notes = [], []
    for problemset, suffix in zip(problemsets, suffixes, strict=True):
        for part in PARTS:
            for kind in formats:
                path = out / f"{part}{suffix}.{kind}"
                path.write_text(render(problemset, kind, part), encoding="utf-8")
                paths.append(path)
                if engine and kind == "tex":
                    build_pdf(path, path.with_suffix(".pdf"))
                    paths.append(path.with_suffix(".pdf"))
    if fmt == "pdf" and engine is None:
        notes.append(
            "latexmk not found: wrote markdown and LaTeX only (install the Debian packages "
            f"{', '.join(LATEX_PACKAGES)} to build PDFs)"
        )
    return Written(tuple(paths), tuple(notes))
