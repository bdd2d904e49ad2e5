"""Sphinx configuration for the bargaining documentation."""

import importlib.metadata

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
    "sphinx.ext.mathjax",
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

nb_execution_mode = "force"
nb_execution_timeout = 180
nb_execution_raise_on_error = True
myst_enable_extensions = ["dollarmath"]
