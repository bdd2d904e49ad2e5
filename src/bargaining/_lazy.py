"""Deferred imports, so that ``import bargaining`` stays fast.

sympy and scipy take several tenths of a second to import. Numeric work on
games needs neither, so the modules that use them hold a lazy stand-in that
imports the real module on first attribute access.
"""

from __future__ import annotations

import importlib.util
import sys


def lazy_module(name):
    """The module ``name``, imported when one of its attributes is first used."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def is_sympy(value):
    """Whether ``value`` is a sympy object, without importing sympy."""
    return type(value).__module__.split(".", 1)[0] == "sympy"
