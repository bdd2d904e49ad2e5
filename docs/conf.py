"""Sphinx configuration for the bargaining documentation."""

import importlib.metadata
import os
import pathlib

project = "bargaining"
release = importlib.metadata.version("bargaining")
version = ".".join(release.split(".")[:2])
author = "The bargaining developers"
copyright = "the bargaining developers"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.imgmath",
    "sphinx.ext.viewcode",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_theme = "furo"
html_title = "bargaining"
html_last_updated_fmt = None

napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
autodoc_default_options = {"members": True}
autodoc_member_order = "bysource"
autosummary_generate = True
# The reference documents the public surface: what each `__all__` names.
autosummary_ignore_module_all = False
# Numpy-style References sections list papers as footnotes that the text need
# not cite, and re-exported names give two targets for one object.
suppress_warnings = ["ref.footnote", "ref.python"]

# Mathematics is rendered at build time by LaTeX and dvisvgm and embedded in each page
# as SVG, so the pages read the same offline: nothing is fetched from a CDN. The maths is
# set in the scalable Latin Modern fonts; _latex/ holds a stand-in for the anyfontsize
# package that imgmath's template loads (Debian has it only in texlive-latex-extra).
imgmath_image_format = "svg"
imgmath_embed = True
imgmath_use_preview = True
imgmath_font_size = 14
imgmath_latex_preamble = r"\usepackage{lmodern}"
os.environ["TEXINPUTS"] = os.pathsep.join(
    [str(pathlib.Path(__file__).resolve().parent / "_latex"), os.environ.get("TEXINPUTS", "")]
)

nb_execution_mode = "force"
nb_execution_timeout = 180
nb_execution_raise_on_error = True
myst_enable_extensions = ["dollarmath"]
