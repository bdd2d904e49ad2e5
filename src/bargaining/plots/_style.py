"""The figures' shared style, and saving figures byte for byte.

Determinism
-----------
Matplotlib stamps files with the time and its version: PNG gets a
``Software`` text chunk, SVG a ``Date`` (and random element ids unless
``svg.hashsalt`` is fixed), PDF creation and modification dates. :func:`save`
drops each of them, so a figure drawn twice from the same results is saved
to identical files.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

# Okabe and Ito (2008), "Color universal design": blue, vermillion, bluish green,
# reddish purple, orange, sky blue, yellow, black.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
COLORMAP = "cividis"
MARKERS = ("o", "s", "D", "^", "v", "P")

_STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 8,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "lines.linewidth": 1.8,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "svg.hashsalt": "bargaining",
    "svg.fonttype": "path",
}
_METADATA = {
    ".png": {"Software": None},
    ".svg": {"Date": None, "Creator": None},
    ".pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
}


@contextlib.contextmanager
def style():
    """The figures' rc settings, with the colour-blind-safe colour cycle."""
    import matplotlib as mpl
    from cycler import cycler

    with mpl.rc_context({**_STYLE, "axes.prop_cycle": cycler(color=PALETTE)}):
        yield


def new_figure(columns=1, *, width=5.5, height=4.0):
    """A Figure (outside pyplot) with ``columns`` axes side by side; return it and the axes."""
    from matplotlib.figure import Figure

    with style():
        figure = Figure(figsize=(width * columns, height), layout="constrained")
        axes = figure.subplots(1, columns, squeeze=False)[0]
    return figure, list(axes)


def save(figure, path):
    """Save ``figure`` without timestamps, the format chosen by the suffix.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    path : str or path-like
        Ending in ``.png``, ``.svg`` or ``.pdf``; parent folders are created.

    Returns
    -------
    pathlib.Path
    """
    import matplotlib as mpl

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _METADATA:
        raise ValueError(f"path must end in .png, .svg or .pdf, got {str(path)!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with mpl.rc_context({"svg.hashsalt": "bargaining", "svg.fonttype": "path"}):
        figure.savefig(path, metadata=_METADATA[suffix])
    return path


def save_formats(figure, out_dir, stem, suffixes=("png", "svg")):
    """Save ``figure`` as ``out_dir/stem.<suffix>`` for each suffix (see :func:`save`).

    Returns
    -------
    list of pathlib.Path
    """
    return [save(figure, Path(out_dir) / f"{stem}.{suffix}") for suffix in suffixes]
