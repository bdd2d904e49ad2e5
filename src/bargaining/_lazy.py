"""Deferred imports, so that ``import bargaining`` stays fast.

sympy and scipy take several tenths of a second to import. Numeric work on
games needs neither, so the modules that use them hold a lazy stand-in that
imports the real module on first attribute access, and packages offer their
names through :func:`lazy_attributes`, importing the submodule that defines a
name when it is first used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Collection, Iterable, Mapping


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


def lazy_attributes(
    package: str, names: Mapping[str, str], submodules: Collection[str], public: Iterable[str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A package's ``__getattr__`` and ``__dir__`` that import its names on first use.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    names : mapping of str to str
        Each name the package offers, to the submodule (relative to the
        package) that defines it.
    submodules : collection of str
        The submodules offered as attributes.
    public : iterable of str
        The package's ``__all__``, which ``dir()`` lists beside what is already set.

    Returns
    -------
    getattr, dir : callable
        To assign to the package's ``__getattr__`` and ``__dir__`` (PEP 562).

    Examples
    --------
    In a package's ``__init__.py``::

        _NAMES = {"Scenario": "scenarios"}
        _SUBMODULES = ("scenarios",)
        __all__ = ["Scenario", "scenarios"]
        __getattr__, __dir__ = lazy_attributes(__name__, _NAMES, _SUBMODULES, __all__)
    """
    listed = frozenset(public)

    def __getattr__(name: str) -> object:
        if name in names:
            return getattr(importlib.import_module(f"{package}.{names[name]}"), name)
        if name in submodules:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | listed)

    return __getattr__, __dir__


def is_sympy(value):
    """Whether ``value`` is a sympy object, without importing sympy."""
    return type(value).__module__.split(".", 1)[0] == "sympy"
